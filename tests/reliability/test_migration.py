"""Schema 1 files, made exactly as the first version made them, open and migrate to schema 2."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.merge import merge_projects
from annotator.core.project import Project
from annotator.core.schema_sql import MIGRATIONS, SCHEMA_VERSION
from annotator.core.recommender.store import get_setting, load_model, set_setting, versions
from tests.support.review_data import build, record
from tests.support.older_schema import downgrade
from tests.support.schema_v1 import TEXT, make_v1


def test_schema_version_and_migration_steps():
    assert SCHEMA_VERSION == 8
    assert set(MIGRATIONS) == {0, 1, 2, 3, 4, 5, 6, 7}


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
        gone = p.delete_span(3)  # the newest span: a plain rowid table would hand 3 out again
        fresh = p.add_span(1, 0, 4, "QUOTE", "hala").result
        assert fresh.id == 4
        p.undo(gone)  # the old id is still free
        assert [(r.from_span, r.to_span) for r in p.relations(1)] == [(3, 2)]


def _as_v5(path, keep_recommender_tables: bool):
    """A schema 5 file: with the recommender's tables as the recommender of version 5 made
    them on first save (one model row, one setting), or without."""
    if keep_recommender_tables:
        c = sqlite3.connect(path, isolation_level=None)
        c.execute("INSERT INTO recommender_models(created, labels, docs, scores, training, sha256, model) "
                  "VALUES ('2026-01-03', '[\"QUOTE\"]', 7, '{}', '{}', 'abc', x'00')")
        c.execute("INSERT INTO recommender_settings(key, value) VALUES ('layer', '\"hala\"')")
        c.close()
    downgrade(path, 5, keep_recommender_tables)


def test_v5_file_with_the_recommenders_own_tables_keeps_its_models(tmp_path):
    path = tmp_path / "v5.annot"
    Project.create(path).close()
    _as_v5(path, keep_recommender_tables=True)
    with Project.open(path, readonly=True) as p:  # read as it is: no empty stand-in hides the rows
        assert [v["docs"] for v in versions(p)] == [7]
        assert get_setting(p, "layer") == "hala"
    with Project.open(path) as p:
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [(v["version"], v["docs"], v["labels"]) for v in versions(p)] == [(1, 7, ["QUOTE"])]
        assert get_setting(p, "layer") == "hala"


def test_v5_file_without_recommender_tables_gets_them(tmp_path):
    path = tmp_path / "v5.annot"
    Project.create(path).close()
    _as_v5(path, keep_recommender_tables=False)
    with Project.open(path, readonly=True) as p:
        assert versions(p) == [] and load_model(p) is None and get_setting(p, "layer", "x") == "x"
    with Project.open(path) as p:
        tables = {r[0] for r in p.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"recommender_models", "recommender_settings"} <= tables
        set_setting(p, "layer", "hala")
    c = sqlite3.connect(path)
    assert c.execute("SELECT value FROM recommender_settings").fetchall() == [('"hala"',)]
    c.close()


def test_a_version_6_file_gets_seats_read_only_and_on_upgrade(tmp_path):
    from annotator.core.store import assignments as rows

    path = tmp_path / "p.annot"
    build(path, [record("a", "نص أول.", {}), record("b", "نص ثان.", {})]).close()
    with Project.open(path) as p:
        with p.transaction():
            p.conn.executemany("INSERT INTO assignments(doc, annotator, package, assigned, slot) "
                               "VALUES (?, ?, ?, 'x', ?)", [(1, "hala", "h", 1), (1, "amal", "a", 0), (2, "amal", "a", 0)])
    downgrade(path, 6)
    with Project.open(path, readonly=True) as p:
        assert rows.seats(p, 1) == {0: "amal", 1: "hala"}  # numbered by name, as the migration does
        assert rows.assigned_to(p, "amal") == [1, 2]
    with Project.open(path) as p:
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert rows.seats(p, 1) == {0: "amal", 1: "hala"}
