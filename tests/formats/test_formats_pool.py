"""prodigy and hf-bio exports encoded on worker processes write the very bytes, and report
the very problems in the same order, as encoding in-process (annotator.core.formats.pool)."""

from __future__ import annotations

import json
import select

import pytest

from annotator.core.exporter import export_project
from annotator.core.formats import pool
from annotator.core.importer import import_paths
from annotator.core.native import ExportFilter
from annotator.core.project import Project
from tests.support.formats_sample import records

FLT = dict(include_suggestions=False, include_rejected=False)


@pytest.fixture(scope="module")
def pool_project(tmp_path_factory):
    """The sample documents 15 times over (60 documents). hf-bio reports overlaps in every
    copy; one copy gets a relation between two annotators' spans (a prodigy problem: import
    refuses those, a project can still hold one, so it is written as a merge would)."""
    tmp = tmp_path_factory.mktemp("pool")
    src = tmp / "src.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for k in range(15):
            for r in records():
                # A line of its own at the end: a new text (import skips duplicates), same offsets.
                r = dict(r, id=f"{r['id']}#{k}", text=f"{r['text']}\nنسخة رقم {k}")
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    p = Project.create(tmp / "p.annot")
    import_paths(p, [src], "native")
    c = p.conn
    doc = c.execute("SELECT num FROM documents WHERE id = 'doc-1#7'").fetchone()[0]
    quote = c.execute("SELECT id FROM spans WHERE doc = ? AND annotator = 'alice' AND label = 'QUOTE' "
                      "ORDER BY start LIMIT 1", (doc,)).fetchone()[0]
    source = c.execute("SELECT id FROM spans WHERE doc = ? AND annotator = 'bob' AND label = 'SOURCE' "
                       "ORDER BY start LIMIT 1", (doc,)).fetchone()[0]
    with c:
        c.execute("INSERT INTO relations (doc, label, from_span, to_span, annotator, created, modified) "
                  "VALUES (?, 'source', ?, ?, 'alice', '2026-01-01', '2026-01-01')", (doc, quote, source))
    yield p
    p.close()


@pytest.fixture
def counted(monkeypatch):
    """How many batch results came back from worker processes. Workers are waited for
    before the first batch (a real export goes on in-process while they start, and these
    exports are over before that)."""
    taken = {"n": 0}
    take, poll_ready = pool._Worker.take, pool._Worker.poll_ready

    def counting(self, encode):
        taken["n"] += 1
        return take(self, encode)

    def waiting(self, accept=None):
        if not self.ready and not self.failed:
            select.select([self.sock], [], [], 30)
        return poll_ready(self, accept)

    monkeypatch.setattr(pool._Worker, "take", counting)
    monkeypatch.setattr(pool._Worker, "poll_ready", waiting)
    return taken


def _export(pool_project, tmp_path, fmt, workers, monkeypatch):
    monkeypatch.setenv(pool.ENV, workers)
    out = tmp_path / f"w{workers}" / "out.jsonl"
    report = export_project(pool_project, str(out), fmt, ExportFilter(**FLT))
    return out.read_bytes(), report


@pytest.mark.parametrize("fmt", ["prodigy", "hf-bio"])
def test_workers_write_the_same_bytes_and_problems(pool_project, tmp_path, monkeypatch, counted, fmt):
    monkeypatch.setattr(pool, "MIN_DOCUMENTS", 10)
    monkeypatch.setattr(pool, "BATCH", 7)  # 60 documents: 9 batches over 2 workers
    here, rep_here = _export(pool_project, tmp_path, fmt, "1", monkeypatch)
    assert counted["n"] == 0
    pooled, rep_pooled = _export(pool_project, tmp_path, fmt, "2", monkeypatch)
    assert counted["n"] == 9  # 60 > MIN_DOCUMENTS: every batch of 7 went to a worker
    assert pooled == here
    assert rep_pooled.documents == rep_here.documents == 60
    assert rep_pooled.problems == rep_here.problems
    assert rep_here.problems  # the order of a non-empty list is what is compared
    if fmt == "prodigy":
        assert sum("links spans of alice and bob" in p for p in rep_here.problems) == 1


def test_small_export_starts_no_worker(pool_project, tmp_path, monkeypatch):
    started = []

    def cannot_start(self, *args):
        started.append(args)
        raise OSError("no process can be started here")

    monkeypatch.setattr(pool._Pool, "__init__", cannot_start)
    here, _ = _export(pool_project, tmp_path, "prodigy", "2", monkeypatch)  # 60 documents <= MIN_DOCUMENTS
    assert started == []
    monkeypatch.setattr(pool, "MIN_DOCUMENTS", 10)
    again, _ = _export(pool_project, tmp_path, "prodigy", "2", monkeypatch)
    assert len(started) == 1 and again == here  # a pool that cannot start: in-process, same bytes


def test_records_without_a_count_start_workers_after_min_documents(pool_project, tmp_path, monkeypatch, counted):
    from annotator.core.store.records import iter_records

    monkeypatch.setattr(pool, "MIN_DOCUMENTS", 20)
    monkeypatch.setattr(pool, "BATCH", 5)
    recs = list(iter_records(pool_project, ExportFilter(**FLT)))

    class Report:
        documents = 0
        problems: list = []

    def run(workers):
        monkeypatch.setenv(pool.ENV, workers)
        rep = Report()
        rep.problems = []
        data = b"".join(bytes(b) for b in pool.encode_all(iter(recs), "annotator.core.formats.prodigy:encoder", (),
                                                          rep))
        return data, rep

    here, rep_here = run("1")
    pooled, rep_pooled = run("2")
    assert counted["n"] >= 1
    assert pooled == here and rep_pooled.documents == rep_here.documents == 60
    assert rep_pooled.problems == rep_here.problems


def test_a_worker_that_dies_costs_no_byte(pool_project, tmp_path, monkeypatch, counted):
    monkeypatch.setattr(pool, "MIN_DOCUMENTS", 10)
    monkeypatch.setattr(pool, "BATCH", 4)
    here, rep_here = _export(pool_project, tmp_path, "hf-bio", "1", monkeypatch)
    send = pool._Worker.send
    sent = {"n": 0}

    def send_then_die(self, entry, encode):
        send(self, entry, encode)
        sent["n"] += 1
        if sent["n"] == 3:
            self.process.kill()  # killed with a batch in hand

    here_again = []
    encode_here = pool._Batch.encode_here

    def counting(self, encode):
        here_again.append(self.n)
        encode_here(self, encode)

    monkeypatch.setattr(pool._Worker, "send", send_then_die)
    monkeypatch.setattr(pool._Batch, "encode_here", counting)
    pooled, rep_pooled = _export(pool_project, tmp_path, "hf-bio", "2", monkeypatch)
    assert sent["n"] >= 3 and here_again  # the dead worker's batch was encoded again here
    assert pooled == here and rep_pooled.problems == rep_here.problems and rep_pooled.documents == 60


def test_workers_wanted(monkeypatch):
    monkeypatch.setenv(pool.ENV, "1")
    assert pool.workers_wanted() == 0
    monkeypatch.setenv(pool.ENV, "3")
    assert pool.workers_wanted() == 3
    monkeypatch.setenv(pool.ENV, "99")
    assert pool.workers_wanted() == pool.MAX_WORKERS
    monkeypatch.delenv(pool.ENV)
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 1)
    assert pool.workers_wanted() == 0
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 2)
    assert pool.workers_wanted() == 2


# ----- workers that read the project themselves (ranges of documents) -----------------------------
def _tree(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _export_any(pool_project, out, fmt, workers, monkeypatch):
    monkeypatch.setenv(pool.ENV, workers)
    report = export_project(pool_project, str(out), fmt, ExportFilter(**FLT))
    data = _tree(out) if out.is_dir() else out.read_bytes()
    return data, report


@pytest.mark.parametrize("fmt", ["label-studio", "brat"])
def test_range_workers_write_the_same_output(pool_project, tmp_path, monkeypatch, counted, fmt):
    monkeypatch.setattr(pool, "MIN_DOCUMENTS", 10)
    monkeypatch.setattr(pool, "BATCH", 7)
    here, rep_here = _export_any(pool_project, tmp_path / "w1" / "out", fmt, "1", monkeypatch)
    assert counted["n"] == 0
    pooled, rep_pooled = _export_any(pool_project, tmp_path / "w2" / "out", fmt, "2", monkeypatch)
    assert counted["n"] == 9  # every range of 7 documents was read and encoded by a worker
    assert pooled == here
    assert rep_pooled.documents == rep_here.documents == 60
    assert rep_pooled.problems == rep_here.problems


def test_ranges_cover_every_document_once(pool_project):
    from annotator.core.store.records import Snapshot, iter_records

    snap = Snapshot(pool_project.path)
    try:
        whole = list(iter_records(snap, ExportFilter(**FLT)))
        nums = [r[0] for r in snap.conn.execute("SELECT num FROM documents ORDER BY num")]
        cuts = [None, nums[5], nums[6], nums[33], None]
        parts = [r for lo, hi in zip(cuts, cuts[1:]) for r in iter_records(snap, ExportFilter(**FLT), lo, hi)]
    finally:
        snap.close()
    assert parts == whole and len(whole) == 60


def _commit_a_change(pool_project, which: str = "min"):
    """Delete every span of the first (or last) document: a change any export would show."""
    with pool_project.conn:
        pool_project.conn.execute(f"DELETE FROM spans WHERE doc = (SELECT {which}(num) FROM documents)")


@pytest.fixture
def editable(pool_project, tmp_path, monkeypatch):
    """A writable copy of the module's project, with batches of 7 documents for workers."""
    import shutil

    pool_project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(pool_project.path, tmp_path / "copy.annot")
    monkeypatch.setattr(pool, "MIN_DOCUMENTS", 10)
    monkeypatch.setattr(pool, "BATCH", 7)
    p = Project.open(tmp_path / "copy.annot")
    yield p
    p.close()


def test_a_commit_before_the_workers_start_keeps_one_state(tmp_path, monkeypatch, counted, editable):
    """Edited between the export's snapshot and the workers' own: the workers are not
    used (their state differs), the export is the snapshot's state, whole."""
    before, _ = _export_any(editable, tmp_path / "before.jsonl", "prodigy", "1", monkeypatch)
    made = pool._RangeSource.__init__

    def then_edit(self, records):
        made(self, records)
        _commit_a_change(editable)

    monkeypatch.setattr(pool._RangeSource, "__init__", then_edit)
    during, report = _export_any(editable, tmp_path / "during.jsonl", "prodigy", "2", monkeypatch)
    assert counted["n"] == 0  # no worker was used: each would have read the edited file
    assert during == before and report.documents == 60
    monkeypatch.setattr(pool._RangeSource, "__init__", made)
    after, _ = _export_any(editable, tmp_path / "after.jsonl", "prodigy", "1", monkeypatch)
    assert after != before  # the edit was real


def test_a_commit_while_workers_read_changes_nothing(tmp_path, monkeypatch, counted, editable):
    before, _ = _export_any(editable, tmp_path / "before.jsonl", "hf-bio", "1", monkeypatch)
    take = pool._Worker.take
    edited = []

    def edit_after_first(self, encode):
        if not edited:
            _commit_a_change(editable, "max")  # the last range: not read by anyone yet
            edited.append(True)
        return take(self, encode)

    monkeypatch.setattr(pool._Worker, "take", edit_after_first)
    during, _ = _export_any(editable, tmp_path / "during.jsonl", "hf-bio", "2", monkeypatch)
    assert edited and during == before  # every worker kept the state it started on
    monkeypatch.setattr(pool._Worker, "take", take)
    after, _ = _export_any(editable, tmp_path / "after.jsonl", "hf-bio", "1", monkeypatch)
    assert after != before
