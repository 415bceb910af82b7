"""What the per-document checksums cost: edit latency, open, import and export. Prints a table.

    python -m benchmarks.bench_checksums [--docs 10000] [--spans 20] [--adds 300] [--rounds 3]

Rows: add_span (one committed transaction) on a document holding 0 and 2,000 spans; a
project of --docs documents with --spans spans each (benchmarks/corpus.py, ~1,500
characters per document) imported, opened writable with its checks (no backup), opened
writable when a backup is due (the first open after a change: checks, content check and
the copy), opened read-only with its checks, and exported as native JSONL. Each timing is
the best of --rounds where it can be repeated; wall-clock and CPU seconds (this process)
are both shown, since the machine is shared and wall-clock alone moves with its load.
Runs against whatever `annotator` is on the path, so the same command measures an older
checkout: PYTHONPATH=<checkout> python <this file>.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from annotator.core.exporter import export_project
from annotator.core.importer import import_paths
from annotator.core.project import Project
from benchmarks.bench_store_edit import add_latency  # p50/p95 of add_span on a document of n spans


def _timed(fn, rounds: int = 1) -> tuple[float, float]:
    """(best wall seconds, CPU seconds of that round)."""
    best = None
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        fn()
        w, c = time.perf_counter() - w, time.process_time() - c
        if best is None or w < best[0]:
            best = (w, c)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--spans", type=int, default=20)
    ap.add_argument("--adds", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    from benchmarks.corpus import write_jsonl

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["ANNOTATOR_BACKUP_DIR"] = str(folder / "backups")
        for existing in (0, 2000):
            p50, p95 = add_latency(folder, existing, args.adds)
            rows.append((f"add_span, document with {existing:,} spans (ms)", f"p50 {p50:.2f}", f"p95 {p95:.2f}"))
        src = write_jsonl(folder / "src.jsonl", args.docs, spans=args.spans)
        path = folder / "big.annot"

        def do_import():
            path.unlink(missing_ok=True)
            with Project.create(path, overwrite=True) as p:
                import_paths(p, [src])

        w, c = _timed(do_import, args.rounds)
        mb = path.stat().st_size / 1e6
        rows.append((f"import {args.docs:,} documents, {args.docs * args.spans:,} spans ({mb:.0f} MB)",
                     f"{w:.2f} s", f"{c:.2f} s"))
        w, c = _timed(lambda: Project.open(path).close())  # the first open after the import: a backup is due
        rows.append(("open writable, backup due (checks, content check, copy)", f"{w:.2f} s", f"{c:.2f} s"))
        w, c = _timed(lambda: Project.open(path, backup=False).close(), args.rounds)
        rows.append(("open writable with its checks (no backup)", f"{w:.2f} s", f"{c:.2f} s"))
        w, c = _timed(lambda: Project.open(path, readonly=True).close(), args.rounds)
        rows.append(("open read-only with its checks", f"{w:.2f} s", f"{c:.2f} s"))

        def do_export():
            with Project.open(path, readonly=True, check=False) as p:
                export_project(p, str(folder / "out.jsonl"))

        w, c = _timed(do_export, args.rounds)
        rows.append(("export native JSONL (read-only, no open check)", f"{w:.2f} s", f"{c:.2f} s"))
    width = max(len(r[0]) for r in rows)
    print(f"{'':<{width}}  {'wall':>12}  {'cpu':>12}")
    for name, a, b in rows:
        print(f"{name:<{width}}  {a:>12}  {b:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
