"""A team project on PostgreSQL over the loopback (a throwaway cluster, fsync on):

- add_span latency (one committed transaction each) with WRITERS processes adding at once,
  each in its own layer of the same documents (p50/p95/max);
- opening a project of LIST_DOCS documents to the document list (Project.open, the list's
  row numbers and its first page, as the window does);
- native JSONL export of EXPORT_DOCS documents with 20 spans each, against the same export
  of the same project in an SQLite file.

    python -m benchmarks.bench_pg [--writers 10] [--adds 100] [--list-docs 100000] [--export-docs 10000]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import tempfile
import time
from pathlib import Path

from annotator.core.exporter import export_project
from annotator.core.importer import import_records
from annotator.core.native import ParsedRecord, ParsedSpan
from annotator.core.project import Project
from benchmarks.pg_cluster import Cluster

WORDS = ["قال", "الوزير", "إن", "الاتفاق", "سيوقع", "في", "الخميس", "المقبل", "بحسب", "وكالة", "الأنباء", "المدرسة"]


def _pct(values: list[float], q: int) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q / 100))]


def _records(n: int, spans_per_doc: int, seed: int = 1):
    rng = random.Random(seed)
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(60))
        spans = []
        for k in range(spans_per_doc):
            s = rng.randrange(len(text) - 10)
            spans.append(ParsedSpan(k, s, s + rng.randint(1, 9), "CUE", "bench", "accepted", {}))
        yield f"doc {i}", ParsedRecord(f"d{i:06d}", text, {"title": f"عنوان {i}"}, {}, spans, []), 0


def _fill(where, n: int, spans_per_doc: int) -> float:
    t = time.perf_counter()
    with Project.create(where) as p:
        import_records(p, _records(n, spans_per_doc))
    return time.perf_counter() - t


def _writer(url: str, name: str, adds: int, start_at: float, out) -> None:
    p = Project.open(url)
    docs = p.document_nums()
    rng = random.Random(name)
    times = []
    while time.time() < start_at:
        time.sleep(0.001)
    for _ in range(adds):
        doc = rng.choice(docs)
        s = rng.randrange(100)
        t = time.perf_counter()
        p.add_span(doc, s, s + 5, "CUE", name)
        times.append(time.perf_counter() - t)
    p.close()
    out.put(times)


def add_latency(cluster: Cluster, writers: int, adds: int) -> list[float]:
    url = cluster.url(cluster.createdb(), tcp=True)
    os.environ["PGPASSWORD"] = cluster.password
    _fill(url, 20, 0)
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    start_at = time.time() + 3
    procs = [ctx.Process(target=_writer, args=(url, f"w{i}", adds, start_at, q)) for i in range(writers)]
    for pr in procs:
        pr.start()
    times = [t for _ in procs for t in q.get(timeout=600)]
    for pr in procs:
        pr.join()
    return times


def open_to_list(url: str) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from annotator.gui.doc_list import DocListModel

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the model needs one
    t = time.perf_counter()
    p = Project.open(url)
    model = DocListModel(p, "mona")
    model.row_data(0)  # the first page, as the list shows it
    took = time.perf_counter() - t
    assert model.rowCount() > 0
    p.close()
    return took


def export_time(where, out: Path) -> float:
    with Project.open(where, readonly=True) as p:
        t = time.perf_counter()
        export_project(p, str(out))
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--writers", type=int, default=10)
    ap.add_argument("--adds", type=int, default=100)
    ap.add_argument("--list-docs", type=int, default=100_000)
    ap.add_argument("--export-docs", type=int, default=10_000)
    args = ap.parse_args()
    cluster = Cluster(fsync=True)
    rows = []
    try:
        times = add_latency(cluster, args.writers, args.adds)
        rows.append((f"add_span, {args.writers} concurrent writers ({len(times)} adds)",
                     f"p50 {_pct(times, 50) * 1000:.1f} ms, p95 {_pct(times, 95) * 1000:.1f} ms, "
                     f"max {max(times) * 1000:.1f} ms", "p95 < 30 ms"))
        url = cluster.url(cluster.createdb())
        filled = _fill(url, args.list_docs, 0)
        took = min(open_to_list(url) for _ in range(3))
        rows.append((f"open {args.list_docs:,} documents to the list (import took {filled:.0f} s)",
                     f"{took:.2f} s", "< 2 s"))
        with tempfile.TemporaryDirectory() as tmp:
            url = cluster.url(cluster.createdb())
            lite = Path(tmp) / "x.annot"
            _fill(url, args.export_docs, 20)
            _fill(lite, args.export_docs, 20)
            pg_t = min(export_time(url, Path(tmp) / "pg.jsonl") for _ in range(2))
            lite_t = min(export_time(lite, Path(tmp) / "lite.jsonl") for _ in range(2))
            same = (Path(tmp) / "pg.jsonl").read_bytes() == (Path(tmp) / "lite.jsonl").read_bytes()
            rows.append((f"export {args.export_docs:,} docs / {args.export_docs * 20:,} spans",
                         f"PostgreSQL {pg_t:.2f} s, SQLite {lite_t:.2f} s ({pg_t / lite_t:.1f}x), "
                         f"identical output: {same}", "within 3x"))
    finally:
        cluster.stop()
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':<60}  target")
    for name, result, target in rows:
        print(f"{name:<{width}}  {result:<60}  {target}")


if __name__ == "__main__":
    main()
