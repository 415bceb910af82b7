"""Schema 1 files, made exactly as the first version made them, open and migrate to schema 2."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.merge import merge_projects
from annotator.core.native import content_hash
from annotator.core.project import Project
from annotator.core.schema_sql import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, V1
from annotator.core.scheme import default_scheme
from test_review_fixtures import build, record

TEXT = "قالت المعلمة إن الرحلة المدرسية تأجلت إلى الخميس."


def make_v1(path, annotator="hala"):
    """A project file as schema 1 wrote it, with one document, one span and a status."""
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode = WAL")
    c.execute("BEGIN")
    for statement in [s for s in V1.split(";") if s.strip()]:
        c.execute(statement)
    c.execute("INSERT INTO meta VALUES ('scheme', ?)", (default_scheme().to_json(),))
    c.execute("INSERT INTO meta VALUES ('created', '2026-01-01T00:00:00.000+00:00')")
    c.execute("INSERT INTO documents VALUES (1, 'd1', ?, '{}', ?, 'x')", (TEXT, content_hash(TEXT)))
    c.execute("INSERT INTO annotators VALUES (?, 'human', '2026-01-02T00:00:00.000+00:00')", (annotator,))
    c.execute("INSERT INTO spans(doc, start, \"end\", label, annotator, created, modified) "
              "VALUES (1, 0, 4, 'CUE', ?, 'x', 'x')", (annotator,))
    c.execute("INSERT INTO doc_status VALUES (1, ?, 'done', 'x')", (annotator,))
    c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    c.execute("PRAGMA user_version = 1")
    c.execute("COMMIT")
    c.close()


def test_schema_version_and_migration_steps():
    assert SCHEMA_VERSION == 6
    assert set(MIGRATIONS) == {0, 1, 2, 3, 4, 5}


def test_v1_file_created_by_the_old_schema_opens_and_migrates(tmp_path):
    path = tmp_path / "old.annot"
    make_v1(path)
    with Project.open(path) as p:
        c = p.conn
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"merged_layers", "review_decisions", "assignments"} <= tables
        assert len(c.execute("SELECT value FROM meta WHERE key = 'project_id'").fetchone()[0]) == 32
        assert [(s.label, s.annotator) for s in p.spans(1)] == [("CUE", "hala")]
        assert p.doc_status(1, "hala") == "done"
        assert c.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()[0].startswith("2026-01-01")
    with Project.open(path) as p:  # and stays migrated
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_new_files_get_their_own_project_id(tmp_path):
    with Project.create(tmp_path / "a.annot") as a, Project.create(tmp_path / "b.annot") as b:
        ids = [p.conn.execute("SELECT value FROM meta WHERE key = 'project_id'").fetchone()[0] for p in (a, b)]
    assert ids[0] != ids[1]


def test_merging_from_a_v1_annotator_file(tmp_path):
    old = tmp_path / "hala.annot"
    make_v1(old)
    review = build(tmp_path / "review.annot", [record("d1", TEXT, {})])
    rep = merge_projects(review, [str(old)])
    assert rep.sources[0].layers == ["hala"]
    assert [(s.label, s.annotator) for s in review.spans(review.document("d1").num)] == [("CUE", "hala")]
    review.close()


def test_v1_file_that_cannot_be_written_is_still_merged(tmp_path):
    if not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0:
        pytest.skip("root writes read-only files anyway")
    old = tmp_path / "ro" / "hala.annot"
    old.parent.mkdir()
    make_v1(old)
    old.chmod(0o444)
    old.parent.chmod(0o555)
    try:
        review = build(tmp_path / "review.annot", [record("d1", TEXT, {})])
        merge_projects(review, [str(old)])
        assert len(review.spans(review.document("d1").num, "hala")) == 1
        review.close()
    finally:
        old.parent.chmod(0o755)


def test_v2_rebuild_keeps_spans_and_links_and_ids_are_never_reused(tmp_path):
    path = tmp_path / "old.annot"
    make_v1(path)
    c = sqlite3.connect(path, isolation_level=None)
    for statement in [s for s in MIGRATIONS[1].split(";") if s.strip()]:
        c.execute(statement)
    c.execute("PRAGMA user_version = 2")
    c.execute("INSERT INTO spans(doc, start, \"end\", label, annotator, created, modified) "
              "VALUES (1, 5, 12, 'SOURCE', 'hala', 'x', 'x')")
    c.execute("INSERT INTO spans(doc, start, \"end\", label, annotator, created, modified) "
              "VALUES (1, 13, 20, 'QUOTE', 'hala', 'x', 'x')")
    c.execute("INSERT INTO relations(doc, label, from_span, to_span, annotator, created, modified) "
              "VALUES (1, 'source', 3, 2, 'hala', 'x', 'x')")
    c.close()
    with Project.open(path) as p:
        assert [(s.id, s.label) for s in p.spans(1)] == [(1, "CUE"), (2, "SOURCE"), (3, "QUOTE")]
        assert [(r.from_span, r.to_span) for r in p.relations(1)] == [(3, 2)]
        assert p.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert p.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        gone, rels = p.delete_span(3)  # the newest span: a plain rowid table would hand 3 out again
        fresh = p.add_span(1, 0, 4, "QUOTE", "hala")
        assert fresh.id == 4
        p.restore_span(gone, rels)  # what undo does: the old id is still free
        assert [(r.from_span, r.to_span) for r in p.relations(1)] == [(3, 2)]
