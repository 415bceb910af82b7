"""Several annotators at once on one PostgreSQL project: real processes, real server.
Nobody's committed edit is lost, and a client killed inside a transaction leaves nothing
behind and blocks nobody."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from annotator.core.importer import import_records
from annotator.core.native import parse_record
from annotator.core.project import Project

WORKER = Path(__file__).with_name("pg_edit_worker.py")
ROOT = Path(__file__).resolve().parents[2]
TEXT = "قال المتحدث باسم البلدية يوم الأحد إن الطريق سيفتح غدا أمام السيارات والمشاة معا."


def _env():
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}


def _project(url):
    p = Project.create(url)
    rec = parse_record({"id": "d1", "text": TEXT, "meta": {"dct": "2023-05-18"}}, "x", p.scheme, "import")
    import_records(p, [("d1", rec, 0)])
    doc = p.document_nums()[0]
    i = TEXT.index("يوم الأحد")
    p.add_span(doc, i, i + len("يوم الأحد"), "DATE", "shared", attrs={"type": "DATE"})
    return p, doc


def test_two_processes_editing_one_document_lose_nothing(pg_url):
    p, doc = _project(pg_url)
    p.close()
    rounds = 40
    procs = [subprocess.Popen([sys.executable, str(WORKER), "edit", pg_url, name, str(rounds)], env=_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    results = {}
    for name, proc in zip(("a", "b"), procs):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results[name] = json.loads(out)
    with Project.open(pg_url, readonly=True) as p:
        spans = {s.id: s for s in p.spans(doc)}
        meta = p.document(doc).meta
        shared = next(s for s in spans.values() if s.label == "DATE")
    for name, got in results.items():
        assert len(got["spans"]) == rounds
        for sid in got["spans"]:  # every span each one added is there, with the attribute it set
            assert spans[sid].annotator == name and spans[sid].attrs == {"type": "indirect"}
        assert all(key in meta for key in got["meta"])  # both wrote the same row: no key lost
    # Both changed the shared span, each its own attribute: each one's last value stands.
    assert shared.attrs.get("value") == results["a"]["shared"]
    assert shared.attrs.get("mod") == results["b"]["shared"]
    assert len(spans) == 2 * rounds + 1


def test_a_client_killed_in_a_transaction_leaves_nothing_and_blocks_nobody(pg_url):
    p, doc = _project(pg_url)
    before = (p.stats(), p.document(doc).meta)
    child = subprocess.Popen([sys.executable, str(WORKER), "hold", pg_url], env=_env(), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "holding", child.stderr.read()
        # Others go on while it holds its transaction open: a span in the same document...
        t0 = time.monotonic()
        p.add_span(doc, 0, 3, "CUE", "mona")
        assert time.monotonic() - t0 < 2
        # ...and a write to the very row it holds waits for it, then goes through once it is killed.
        done = {}

        def write_meta():
            try:
                done["old"] = p.set_doc_meta(doc, "title", "عنوان").result
            except Exception as exc:  # noqa: BLE001 - reported below
                done["error"] = exc

        writer = threading.Thread(target=write_meta)
        writer.start()
        time.sleep(1.0)
        assert writer.is_alive()  # waiting for the row the killed client holds
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        writer.join(timeout=10)
        assert not writer.is_alive() and "error" not in done, done
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert "ghost" not in p.annotators()
    assert [s.annotator for s in p.spans(doc)] == ["shared", "mona"] or \
        sorted(s.annotator for s in p.spans(doc)) == ["mona", "shared"]
    assert p.document(doc).meta == {**before[1], "title": "عنوان"}
    assert p.stats()["spans"] == before[0]["spans"] + 1
    p.close()


def test_read_decide_write_stays_serial_as_in_sqlite(pg_url):
    """Two sessions both see a document unassigned and both hand it out: on SQLite one
    writer waits for the other; here the second commit is refused (try again), so a
    document is never handed to two people by accident."""
    import pytest

    from annotator.core.errors import WriteFailed

    p, doc = _project(pg_url)
    q = Project.open(pg_url)
    try:
        tx1, tx2 = p.transaction(), q.transaction()
        c1, c2 = tx1.__enter__(), tx2.__enter__()
        free = "SELECT count(*) FROM assignments WHERE doc = ?"
        assert c1.execute(free, (doc,)).fetchone()[0] == 0
        assert c2.execute(free, (doc,)).fetchone()[0] == 0
        # different seats, so the unique seat index does not make the second insert wait: what
        # refuses it is the serializable commit
        add = "INSERT INTO assignments(doc, annotator, package, assigned, slot) VALUES (?, ?, 'p', 'now', ?)"
        c1.execute(add, (doc, "mona", 0))
        c2.execute(add, (doc, "ali", 1))
        tx1.__exit__(None, None, None)
        with pytest.raises(WriteFailed, match="at the same moment") as caught:
            tx2.__exit__(None, None, None)
        assert caught.value.reason == "busy"
        rows = q.conn.execute("SELECT annotator FROM assignments WHERE doc = ?", (doc,)).fetchall()
        assert [r[0] for r in rows] == ["mona"]
    finally:
        q.close()
        p.close()
