"""Big imports: generate JSONL of several sizes (and a 50 MB text file), import each in a
fresh process, print time and peak memory. Flat memory = peak barely moves with size.

    python benchmarks/bench_big_import.py [--sizes 50,200,1024] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.bigfiles import arabic_text_file, jsonl_file  # noqa: E402

WORKER = ROOT / "tests" / "reliability" / "big_import_worker.py"


def run(project: Path, src: Path, fmt: str) -> dict:
    from annotator.core.project import Project

    Project.create(project).close()
    r = subprocess.run([sys.executable, str(WORKER), str(project), str(src), fmt], capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(r.stderr)
    return json.loads(r.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="50,200", help="JSONL sizes in MB, comma-separated (default 50,200)")
    ap.add_argument("--text-mb", type=float, default=50, help="size of the one-document text file (default 50)")
    ap.add_argument("--dir", help="work folder (default: a temporary one, removed after)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        tmp = Path(tmp)
        rows = []
        t0 = time.perf_counter()
        src = arabic_text_file(tmp / "big.txt", args.text_mb)
        gen = time.perf_counter() - t0
        out = run(tmp / "t.annot", src, "text")
        rows.append((f"text, 1 document", src.stat().st_size, gen, out))
        src.unlink()
        for mb in (float(x) for x in args.sizes.split(",")):
            t0 = time.perf_counter()
            src, n = jsonl_file(tmp / f"in{mb:g}.jsonl", mb)
            gen = time.perf_counter() - t0
            out = run(tmp / f"j{mb:g}.annot", src, "native")
            rows.append((f"native JSONL, {n} docs", src.stat().st_size, gen, out))
            src.unlink()
            (tmp / f"j{mb:g}.annot").unlink()
    print(f"{'input':<28} {'MB':>8} {'import s':>9} {'MB/s':>7} {'peak RSS MB':>12} {'over start':>11} {'progress calls':>15}")
    for name, size, gen, out in rows:
        if "error" in out:
            print(f"{name:<28} {size / 2**20:8.0f}  refused: {out['error']}")
            continue
        print(f"{name:<28} {size / 2**20:8.0f} {out['seconds']:9.1f} {size / 2**20 / out['seconds']:7.1f} "
              f"{out['peak_mb']:12.0f} {out['peak_mb'] - out['baseline_mb']:11.0f} {out['progress_calls']:15d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
