"""Edit latency of the project store: add_span (one committed transaction) on a document
that already holds 0, 200 or 2,000 spans; plus open (with its checks) and export time of a
project of DOCS documents. Prints a table.

    python -m benchmarks.bench_store_edit [--adds 300] [--docs 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from annotator.core.importer import import_paths
from annotator.core.store.records import iter_records
from annotator.core.project import Project

WORDS = ["قال", "الوزير", "إن", "الاتفاق", "سيوقع", "في", "الخميس", "المقبل", "بحسب", "وكالة", "الأنباء", "المدرسة"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _pct(values: list[float], q: int) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q / 100))]


def add_latency(folder: Path, existing: int, adds: int) -> tuple[float, float]:
    rng = random.Random(existing)
    src = folder / f"one-{existing}.jsonl"
    text = _text(rng, 4000)  # about 24,000 characters
    spans = []
    for _ in range(existing):
        s = rng.randrange(len(text) - 10)
        spans.append({"start": s, "end": s + rng.randint(1, 9), "label": "CUE", "annotator": "bench"})
    src.write_text(json.dumps({"id": "d", "text": text, "spans": spans}, ensure_ascii=False) + "\n", encoding="utf-8")
    path = folder / f"one-{existing}.annot"
    with Project.create(path) as p:
        import_paths(p, [src])
    times = []
    with Project.open(path, backup=False) as p:
        for _ in range(adds):
            s = rng.randrange(len(text) - 10)
            t = time.perf_counter()
            p.add_span(1, s, s + 5, "CUE", "bench")
            times.append(time.perf_counter() - t)
    return _pct(times, 50) * 1000, _pct(times, 95) * 1000


def big_project(folder: Path, docs: int) -> list[tuple[str, str]]:
    rng = random.Random(1)
    src = folder / "big.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(docs):
            text = _text(rng, 400)
            spans, pos = [], 0
            for k in range(10):
                s = text.index(" ", pos + 50) + 1
                e = text.index(" ", s + 5)
                spans.append({"start": s, "end": e, "label": "CUE", "annotator": f"a{k % 3}"})
                pos = e
            fh.write(json.dumps({"id": f"d{i}", "text": text, "spans": spans}, ensure_ascii=False) + "\n")
    path = folder / "big.annot"
    p = Project.create(path)
    t = time.perf_counter()
    import_paths(p, [src])
    imported = time.perf_counter() - t
    p.close()
    t = time.perf_counter()
    Project.open(path, readonly=True).close()
    opened = time.perf_counter() - t
    t = time.perf_counter()
    with Project.open(path, readonly=True, check=False) as p:
        n = sum(1 for _ in iter_records(p))
    exported = time.perf_counter() - t
    mb = path.stat().st_size / 1e6
    return [(f"import {docs:,} documents ({mb:.0f} MB, {docs * 10:,} spans)", f"{imported:.2f} s"),
            ("open read-only, with its checks", f"{opened:.2f} s"),
            (f"read every record for export ({n:,})", f"{exported:.2f} s")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--adds", type=int, default=300)
    ap.add_argument("--docs", type=int, default=20000)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for existing in (0, 200, 2000):
            p50, p95 = add_latency(Path(tmp), existing, args.adds)
            rows.append((f"add_span, document with {existing:,} spans", f"p50 {p50:.2f} ms  p95 {p95:.2f} ms"))
        if args.docs:
            rows += big_project(Path(tmp), args.docs)
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
