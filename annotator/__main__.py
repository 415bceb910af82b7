import multiprocessing

# A frozen build starts its export workers (annotator.core.formats.pool) by running this
# program again; freeze_support() turns such a run into the worker, before anything else
# starts. Elsewhere it does nothing.
multiprocessing.freeze_support()

from annotator.cli import main  # noqa: E402

raise SystemExit(main())
