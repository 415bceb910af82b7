"""Import one big input in a fresh process and report time and peak memory as JSON.

Usage: big_import_worker.py PROJECT INPUT FORMAT
"""

from __future__ import annotations

import json
import resource
import sys
import time


def main() -> int:
    from annotator.core.errors import AnnotatorError
    from annotator.core.importer import import_paths
    from annotator.core.project import Project

    project, src, fmt = sys.argv[1:4]
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    calls = []
    t0 = time.perf_counter()
    out = {"baseline_mb": base / 1024}
    try:
        with Project.open(project, backup=False) as p:
            report = import_paths(p, [src], fmt, progress=lambda done, total: calls.append((done, total)))
        out.update(documents=report.documents, spans=report.spans)
    except AnnotatorError as exc:
        out["error"] = str(exc)
    out["seconds"] = time.perf_counter() - t0
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["progress_calls"] = len(calls)
    out["progress_last"] = calls[-1] if calls else None
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
