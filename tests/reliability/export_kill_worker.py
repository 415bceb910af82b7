"""Export a project and SIGKILL this very process at a chosen point of the export.

Usage: export_kill_worker.py PROJECT OUTPUT FORMAT SPLIT|- POINT
POINT: doc:N (after the N-th document is written), rename:K (right after the K-th rename
of a file or folder), commit (right after the commit mark is written), exchange
(right after two folders are swapped), replay (when the
first split starts to be written, every spool complete), never.
The kill is real (SIGKILL, no clean-up runs); the points are chosen by wrapping the
functions the export calls, so the export code itself is the one shipped.
"""

from __future__ import annotations

import os
import signal
import sys

from annotator.core import splits
from annotator.core.exporter import export_project, make_filter
from annotator.core.formats import outputs
from annotator.core.project import Project


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> int:
    project, output, fmt, split, point = sys.argv[1:6]
    kind, _, n = point.partition(":")
    progress = None
    if kind == "doc":
        def progress(done, total):
            if done >= int(n):
                _die()
    elif kind == "rename":
        calls = [0]
        for name in ("rename", "replace"):
            real = getattr(os, name)

            def wrapped(a, b, *args, _real=real, **kw):
                _real(a, b, *args, **kw)
                calls[0] += 1
                if calls[0] == int(n):
                    _die()
            setattr(os, name, wrapped)
    elif kind == "commit":
        real_commit = outputs._commit

        def commit(work, plan):
            real_commit(work, plan)
            _die()
        outputs._commit = commit
    elif kind == "exchange":
        real_exchange = outputs._exchange

        def exchange(a, b):
            done = real_exchange(a, b)
            _die()
            return done
        outputs._exchange = exchange
    elif kind == "replay":
        splits._replay = lambda path: _die()
    with Project.open(project, readonly=True) as p:
        export_project(p, output, fmt, make_filter(fmt), split=None if split == "-" else split, progress=progress)
    print("finished", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
