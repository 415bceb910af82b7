"""Export formats against the native export: time and peak memory.

    python -m benchmarks.bench_formats [--docs 10000] [--formats prodigy,hf-bio] [--keep DIR]

Builds a synthetic project (benchmarks/corpus.py: ~1,500 characters and ~10 spans per
document), then exports it once per format, each in a child process so that its peak
memory (ru_maxrss above the interpreter's own) is its own. Goal: every format within 4x
the native export's time, memory flat in the project size (compare --docs 10000 with
--docs 100000). Prints a table.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_jsonl

FORMATS = ["native", "prodigy", "doccano", "label-studio", "brat", "hf-bio"]
OUTPUT = {"native": "out.jsonl", "prodigy": "out.jsonl", "doccano": "out.jsonl", "label-studio": "out.json",
          "brat": "out", "hf-bio": "out.jsonl"}

CHILD = """
import resource, sys, time
from annotator.core.project import Project
from annotator.core.exporter import export_project
from annotator.core.native import ExportFilter
import annotator.core.formats, annotator.core.tokenize
annotator.core.tokenize._pattern()
fmt, project, out = sys.argv[1:4]
flt = None if fmt == "native" else ExportFilter(include_suggestions=False, include_rejected=False)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
with Project.open(project, readonly=True) as p:
    report = export_project(p, out, fmt, flt)
print(time.perf_counter() - t, base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, report.documents,
      len(report.problems))
"""


def _size(p: Path) -> int:
    if p.is_dir():
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
    return p.stat().st_size


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--keep", help="keep the project and outputs in this folder")
    args = ap.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    if "native" not in formats:
        formats.insert(0, "native")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-formats-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        project = work / "bench.annot"
        if not project.exists():
            src = write_jsonl(work / "src.jsonl", args.docs)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "annotator", "new", str(project)], check=True, capture_output=True)
            subprocess.run([sys.executable, "-m", "annotator", "import", str(project), str(src)], check=True,
                           capture_output=True)
            print(f"project: {args.docs} documents built in {time.perf_counter() - t:.1f} s")
        rows = []
        native_time = None
        for fmt in formats:
            out = work / fmt / OUTPUT[fmt]
            if out.exists():
                shutil.rmtree(out) if out.is_dir() else out.unlink()
            res = subprocess.run([sys.executable, "-c", CHILD, fmt, str(project), str(out)], check=True,
                                 capture_output=True, text=True)
            secs, base, peak, docs, problems = res.stdout.split()
            secs = float(secs)
            if fmt == "native":
                native_time = secs
            rows.append((fmt, secs, secs / native_time, (int(peak) - int(base)) / 1024, _size(out) / 1e6, int(docs),
                         int(problems)))
        print(f"\nexport of {args.docs} documents (~{args.docs * 10} spans)")
        print(f"{'format':<14}{'seconds':>9}{'x native':>10}{'peak MB':>9}{'output MB':>11}{'docs':>9}{'problems':>10}")
        for fmt, secs, ratio, mb, out_mb, docs, problems in rows:
            print(f"{fmt:<14}{secs:>9.2f}{ratio:>10.2f}{mb:>9.1f}{out_mb:>11.1f}{docs:>9}{problems:>10}")
        worst = max(r[2] for r in rows)
        print(f"\ngoal: every format within 4x native: {'met' if worst <= 4 else 'NOT met'} (worst {worst:.2f}x)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
