"""Offline team work at scale: assign a project's documents to annotators, let every
package be fully annotated, collect them back, and compute progress. Prints a table.

    python -m benchmarks.bench_teams [--docs 100000] [--annotators 20] [--overlap 0.2]

Goal (issue 15): assign and collect of 100,000 documents to 20 annotators, each under 30 s.
The annotators' work is written straight into their packages with SQL (three spans and a
"done" per document, every document done): the worst case for collect, and no time spent
on simulated clicking.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_jsonl


def annotate_package(path: Path, annotator: str) -> int:
    conn = sqlite3.connect(path)
    with conn:
        stamp = "2026-12-04T10:00:00.000+00:00"
        conn.execute("INSERT OR IGNORE INTO annotators(name, kind, created) VALUES (?, 'human', ?)", (annotator, stamp))
        for k, label in enumerate(("SOURCE", "CUE", "DATE")):
            conn.execute('INSERT INTO spans(doc, start, "end", label, annotator, status, attrs, created, modified) '
                         "SELECT num, ?, ?, ?, ?, 'accepted', ?, ?, ? FROM documents",
                         (k * 4, k * 4 + 3, label, annotator, '{"type": "DATE"}' if label == "DATE" else "{}",
                          stamp, stamp))
        conn.execute("INSERT OR REPLACE INTO doc_status(doc, annotator, state, modified) "
                     "SELECT num, ?, 'done', ? FROM documents", (annotator, stamp))
        n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--annotators", type=int, default=20)
    ap.add_argument("--overlap", type=float, default=0.2)
    ap.add_argument("--keep", help="work in this folder and keep it")
    args = ap.parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-teams-"))
    work.mkdir(parents=True, exist_ok=True)
    cli = [sys.executable, "-m", "annotator"]
    rows = []

    def cpu() -> float:  # CPU seconds of the finished child processes: on a shared machine wall-clock moves with its load
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    try:
        project = work / "team.annot"
        if not project.exists():
            src = write_jsonl(work / "src.jsonl", args.docs, spans=2)
            subprocess.run(cli + ["new", str(project)], check=True, capture_output=True)
            subprocess.run(cli + ["import", str(project), str(src)], check=True, capture_output=True)
        names = ",".join(f"annotator{i:02d}" for i in range(args.annotators))
        out = work / "packages"
        shutil.rmtree(out, ignore_errors=True)
        t, c = time.perf_counter(), cpu()
        subprocess.run(cli + ["assign", str(project), "--annotators", names, "--overlap", str(args.overlap),
                              "--reassign", "-o", str(out)], check=True, capture_output=True)
        rows.append(("assign", time.perf_counter() - t, cpu() - c))
        packages = sorted(out.glob("*.annot"))
        spans = sum(annotate_package(p, p.stem) * 3 for p in packages)
        t, c = time.perf_counter(), cpu()
        res = subprocess.run(cli + ["collect", str(project), *map(str, packages)], check=True, capture_output=True,
                             text=True)
        rows.append(("collect", time.perf_counter() - t, cpu() - c))
        t, c = time.perf_counter(), cpu()
        subprocess.run(cli + ["progress", str(project), "--json"], check=True, capture_output=True)
        rows.append(("progress", time.perf_counter() - t, cpu() - c))
        print(f"\n{args.docs} documents, {args.annotators} annotators, overlap {args.overlap}: "
              f"{len(packages)} packages, {spans} spans collected")
        print(f"{'step':<10}{'seconds':>9}{'cpu':>9}")
        for step, secs, used in rows:
            print(f"{step:<10}{secs:>9.2f}{used:>9.2f}")
        worst = max(s for step, s, _ in rows if step in ("assign", "collect"))
        print(f"\ngoal: assign and collect each under 30 s: {'met' if worst < 30 else 'NOT met'} (worst {worst:.1f} s)")
        print(res.stdout.splitlines()[0] if res.stdout else "")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
