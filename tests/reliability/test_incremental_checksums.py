"""Schema 6 checksums are kept row by row (the XOR of one hash per row, core/checksums.py):
after any sequence of edits, undos, imports and merges each stored sum equals one computed
afresh from the rows; damage is still found, also in a document edited after it was
damaged; a statement SQLite rolls back takes its part of the sums with it; a schema 5 file
has its old checksums checked before they are converted."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import DamagedProject, SpanError
from annotator.core.project import Project
from annotator.core.schema_sql import SCHEMA_VERSION
from annotator.core.store import checksums
from annotator.core.store.records import iter_records
from tests.support.older_schema import downgrade

from .util import annotated_project


def _afresh(conn) -> dict:
    return {h[0]: checksums.doc_sum(h, s, r, t) for h, s, r, t in checksums._docs(conn, -(1 << 62), 1 << 62)}


def _assert_current(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        stored = dict(conn.execute("SELECT doc, sum FROM doc_checksums"))
        assert None not in stored.values()
        assert stored == _afresh(conn)
        assert checksums.verify(conn) is None
    finally:
        conn.close()


def _flip_in_rows(path: Path, needle: bytes, table: str) -> None:
    """Flip the lowest bit of the last byte of `needle` inside `table`'s rows: damage no trigger sees."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,))]
    conn.close()
    data = bytearray(path.read_bytes())
    for page in pages:
        base = (page - 1) * page_size
        at = data.find(needle, base, base + page_size)
        if at >= 0:
            data[at + len(needle) - 1] ^= 1
            path.write_bytes(bytes(data))
            return
    raise AssertionError(f"{needle!r} not found in {table}")


def test_random_edits_undos_imports_and_merges_keep_every_sum_equal_to_one_computed_afresh(tmp_path):
    rng = random.Random(2026)
    path = annotated_project(tmp_path / "p.annot")
    other = tmp_path / "hala.annot"
    src = tmp_path / "more.jsonl"
    src.write_text(json.dumps({"id": "n", "text": "قال المتحدث إن الاجتماع انتهى.", "spans": [
        {"start": 0, "end": 3, "label": "CUE", "annotator": "imp"}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    from annotator.core.importer import import_paths
    from annotator.core.merge import merge_projects

    Project.create(other).close()
    with Project.open(other, backup=False) as o:
        import_paths(o, [src], annotator="hala")
    undo: list = []
    with Project.open(path, backup=False) as p:
        docs = p.document_nums()
        for step in range(300):
            doc = rng.choice(docs)
            text = p.document(doc).text
            kind = rng.randrange(10)
            try:
                if kind <= 2:
                    s = rng.randrange(len(text) - 6)
                    span = p.add_span(doc, s, s + rng.randint(1, 5), rng.choice(["CUE", "SOURCE", "QUOTE"]),
                                      rng.choice(["ann1", "ann2", "x"])).result
                    undo.append(("span", span.id))
                elif kind == 3 and p.spans(doc):
                    span = rng.choice(p.spans(doc))
                    undo.append(("restore", p.delete_span(span.id)))
                elif kind == 4 and p.spans(doc):
                    span = rng.choice(p.spans(doc))
                    undo.append(("update", span.id, p.update_span(span.id, end=min(len(text), span.end + 1)).result))
                elif kind == 5:
                    p.set_doc_status(doc, rng.choice(["ann1", "ann2"]), rng.choice(["todo", "in_progress", "done"]))
                elif kind == 6:
                    p.set_doc_meta(doc, "title", rng.choice([None, "عنوان", str(step)]))
                elif kind == 7 and undo:  # undo the latest edit, as the window's undo stack does
                    what = undo.pop()
                    if what[0] == "span":
                        p.delete_span(what[1])
                    elif what[0] == "restore":
                        p.undo(what[1])  # the span and its links back under their ids
                    else:
                        old = what[2]
                        p.update_span(what[1], start=old.start, end=old.end, label=old.label, attrs=old.attrs)
                elif kind == 8:
                    quotes = [s for s in p.spans(doc) if s.label == "QUOTE"]
                    sources = [s for s in p.spans(doc) if s.label == "SOURCE"]
                    pairs = [(q, s) for q in quotes for s in sources if q.annotator == s.annotator]
                    if pairs:
                        q, s = rng.choice(pairs)
                        rel = p.add_relation("source", q.id, s.id, q.annotator).result
                        if rng.random() < 0.5:
                            p.delete_relation(rel.id)
                elif kind == 9 and step % 50 == 9:
                    import_paths(p, [src]) if step % 100 == 9 else merge_projects(p, [str(other)])
                    docs = p.document_nums()
            except SpanError:
                pass  # the scheme refused it: nothing was written
            if step % 60 == 59:
                _assert_current(path)
    _assert_current(path)


def test_a_statement_rolled_back_inside_a_transaction_takes_its_part_of_the_sums_along(tmp_path):
    path = annotated_project(tmp_path / "p.annot")
    with Project.open(path, backup=False) as p:
        with p.transaction() as c:
            # Rows are changed one after another; a later one breaks start < end, so SQLite
            # undoes the whole statement after the triggers of the earlier rows have run.
            with pytest.raises(sqlite3.IntegrityError):
                c.execute('UPDATE spans SET start = start + 10 WHERE doc = 1')
            c.execute('UPDATE spans SET label = label WHERE doc = 2')
        p.add_span(1, 0, 2, "CUE", "ann1")
    _assert_current(path)


def test_a_damaged_row_is_still_found_after_its_document_was_edited(tmp_path):
    """Upkeep never recomputes a document from its rows, so an edit cannot make damage look sound."""
    path = annotated_project(tmp_path / "p.annot")
    Project.open(path, backup=False).close()
    _flip_in_rows(path, b'"indirect"', "spans")  # an attribute value of a span of document 1
    with pytest.raises(DamagedProject, match="do not match their checksum"):
        Project.open(path, backup=False)
    with Project.open(path, backup=False, check=False) as p:  # the window's path for big files
        p.add_span(1, 0, 2, "CUE", "ann1")
        p.set_doc_status(1, "ann1", "in_progress")
    with pytest.raises(DamagedProject, match="'d0' .row 1.: its annotations or metadata do not match"):
        Project.open(path, backup=False)
    with Project.open(path, readonly=True, check=False) as p, pytest.raises(DamagedProject, match="nothing was exported"):
        list(iter_records(p))


def test_another_programs_write_is_marked_stale_and_recomputed_at_the_next_commit(tmp_path):
    path = annotated_project(tmp_path / "p.annot")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute('INSERT INTO spans(doc, start, "end", label, annotator, created, modified) '
                     "VALUES (2, 0, 3, 'CUE', 'ann2', 'x', 'x')")
    assert conn.execute("SELECT sum FROM doc_checksums WHERE doc = 2").fetchone()[0] is None
    conn.close()
    with Project.open(path, backup=False) as p:  # a stale sum is not judged
        assert len(list(iter_records(p))) == 3
        p.set_doc_status(3, "ann1", "done")  # any commit recomputes it
    _assert_current(path)


def _as_schema_5(path: Path) -> None:
    """The file schema 5 wrote: TEXT checksums, the old triggers."""
    downgrade(path, 5)


def test_a_schema_5_file_is_read_as_it_is_and_converted_when_opened_writable(tmp_path):
    path = annotated_project(tmp_path / "p.annot")
    want = None
    with Project.open(path, readonly=True) as p:
        want = list(iter_records(p))
    _as_schema_5(path)
    before = path.read_bytes()
    with Project.open(path, readonly=True) as p:  # old checksums checked, nothing written
        assert list(iter_records(p)) == want
    assert path.read_bytes() == before
    with Project.open(path, backup=False) as p:
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert list(iter_records(p)) == want
    _assert_current(path)


def test_a_damaged_schema_5_file_is_refused_not_converted_into_a_sound_looking_one(tmp_path):
    path = annotated_project(tmp_path / "p.annot")
    _as_schema_5(path)
    _flip_in_rows(path, b'"indirect"', "spans")
    with pytest.raises(DamagedProject, match="do not match their checksum"):
        Project.open(path, readonly=True)
    with pytest.raises(DamagedProject, match="do not match their checksum"):
        Project.open(path, backup=False, check=False)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
    conn.close()
