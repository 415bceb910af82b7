"""Foundation benchmark: native import and export against their floors.

    python -m benchmarks.run [--docs 100000] [--keep DIR]

Floors: `sqlite-utils insert --nl` of the same JSONL (import goal: within 2x), and
reading + re-writing the exported file with orjson (export goal: within 3x). Export peak
memory is measured in a child process (goal: under 200 MB). Prints a table.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

from benchmarks.corpus import write_jsonl

CHILD_EXPORT = """
import resource, sys, time
from annotator.core.project import Project
from annotator.core.native import write_jsonl
from annotator.core.store.records import iter_records
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
with Project.open(sys.argv[1], readonly=True) as p, open(sys.argv[2], "wb") as fh:
    write_jsonl(iter_records(p), fh)
print(time.perf_counter() - t, base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

CHILD_IMPORT = """
import sys, time
from annotator.core.project import Project
from annotator.core.importer import import_paths
p = Project.create(sys.argv[1])
t = time.perf_counter()
r = import_paths(p, [sys.argv[2]])
print(time.perf_counter() - t, r.documents, r.spans)
p.close()
"""


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t


def orjson_roundtrip(src: Path, dst: Path) -> float:
    t = time.perf_counter()
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        for line in fin:
            fout.write(orjson.dumps(orjson.loads(line)) + b"\n")
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--spans", type=int, default=10, help="spans per document")
    ap.add_argument("--keep", help="work in this folder and keep it")
    args = ap.parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="annot-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        src = work / "corpus.jsonl"
        t = time.perf_counter()
        write_jsonl(src, args.docs, spans=args.spans)
        gen = time.perf_counter() - t
        size_mb = src.stat().st_size / 1e6
        su = shutil.which("sqlite-utils") or str(Path(sys.executable).parent / "sqlite-utils")
        floor_import = timed([su, "insert", str(work / "floor.db"), "docs", str(src), "--nl"])
        out = subprocess.run([sys.executable, "-c", CHILD_IMPORT, str(work / "p.annot"), str(src)],
                             check=True, capture_output=True, text=True).stdout.split()
        our_import, ndocs, nspans = float(out[0]), int(out[1]), int(out[2])
        exp = work / "export.jsonl"
        out = subprocess.run([sys.executable, "-c", CHILD_EXPORT, str(work / "p.annot"), str(exp)],
                             check=True, capture_output=True, text=True).stdout.split()
        our_export, base_kb, peak_kb = float(out[0]), int(out[1]), int(out[2])
        floor_export = orjson_roundtrip(exp, work / "rewrite.jsonl")
        rows = [
            ("corpus", f"{ndocs:,} docs, {nspans:,} spans, {size_mb:,.0f} MB JSONL (generated in {gen:.1f} s)", ""),
            ("import (annotator import)", f"{our_import:.2f} s", f"{our_import / floor_import:.2f}x floor (goal <= 2x)"),
            ("  floor: sqlite-utils insert --nl", f"{floor_import:.2f} s", ""),
            ("export (native JSONL)", f"{our_export:.2f} s", f"{our_export / floor_export:.2f}x floor (goal <= 3x)"),
            ("  floor: orjson read + write", f"{floor_export:.2f} s", ""),
            ("export peak RSS", f"{peak_kb / 1024:.0f} MB", f"interpreter alone {base_kb / 1024:.0f} MB (goal < 200 MB)"),
        ]
        w0 = max(len(r[0]) for r in rows)
        w1 = max(len(r[1]) for r in rows)
        print(f"{'measure':<{w0}}  {'value':<{w1}}  vs goal")
        print("-" * (w0 + w1 + 30))
        for a, b, c in rows:
            print(f"{a:<{w0}}  {b:<{w1}}  {c}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
