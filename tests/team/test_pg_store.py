"""The project API on PostgreSQL: the same edits give the same project as on SQLite (the
exports are byte for byte equal), and the dialect translation refuses what it cannot keep."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.errors import ProjectError, ReadOnlyProject, SpanError
from annotator.core.exporter import export_project
from annotator.core.importer import import_records
from annotator.core.native import parse_record
from annotator.core.project import Project
from annotator.core.store.pg import UntranslatedSQL, safe_url, translate

TEXTS = [f"قال المتحدث باسم البلدية رقم {i} إن الطريق سيفتح غدا أمام السيارات." for i in range(12)]


def records(scheme):
    out = []
    for i, text in enumerate(TEXTS):
        q = text.index("إن")
        rec = {"id": f"doc-{i:02d}", "text": text, "meta": {"dct": "2023-05-18", "title": f"عنوان {i}"},
               "status": {"mona": "done"} if i % 3 == 0 else {},
               "spans": [{"id": 1, "start": 0, "end": 3, "label": "CUE", "annotator": "mona"},
                         {"id": 2, "start": 4, "end": 24, "label": "SOURCE", "annotator": "mona"},
                         {"id": 3, "start": q, "end": len(text) - 1, "label": "QUOTE", "annotator": "mona"}],
               "relations": [{"label": "cue", "from": 3, "to": 1, "annotator": "mona"},
                             {"label": "source", "from": 3, "to": 2, "annotator": "mona"}]}
        out.append((f"doc {i}", parse_record(rec, f"in:{i}", scheme, "import"), 0))
    return out


def edit_session(p: Project) -> None:
    """A day of annotation through the API: every mutator once or more."""
    import_records(p, records(p.scheme))
    d = p.document("doc-01").num
    text = p.document(d).text
    a = p.add_span(d, 0, 3, "CUE", "ali").result
    b = p.add_span(d, 4, 24, "SOURCE", "ali", attrs={"type": "named"} if p.scheme.label("SOURCE").attribute("type")
                   else {}).result
    q = p.add_span(d, text.index("إن"), len(text) - 1, "QUOTE", "ali").result
    p.add_relation("cue", q.id, a.id, "ali")
    rel = p.add_relation("source", q.id, b.id, "ali").result
    p.update_span(a.id, end=2)
    p.update_span(a.id, end=3)
    p.undo(p.delete_span(b.id))  # the span and its link come back under their ids
    p.undo(p.delete_relation(rel.id))
    spare = p.add_span(d, 30, 35, "DATE", "ali", status="suggested", rule="dates:test").result
    p.delete_span(spare.id)
    p.set_doc_status(d, "ali", "in_progress")
    p.set_doc_status(d, "ali", "done")
    p.set_doc_status(p.document("doc-00").num, "mona", "todo")
    p.set_doc_meta(d, "note", "راجع")
    p.set_doc_meta(d, "dct", "2024-01-02")


def native_export(p: Project, out) -> bytes:
    export_project(p, str(out))
    return out.read_bytes()


def test_the_same_edits_export_the_same_on_both_backends(tmp_path, pg_url):
    lite = Project.create(tmp_path / "a.annot")
    pg = Project.create(pg_url)
    try:
        edit_session(lite)
        edit_session(pg)
        assert pg.stats() == lite.stats()
        assert pg.annotators() == lite.annotators()
        for num in lite.document_nums():
            assert pg.spans(num) == [s for s in pg.spans(num)]
            assert [(s.id, s.start, s.end, s.label, s.annotator, s.attrs) for s in pg.spans(num)] == \
                   [(s.id, s.start, s.end, s.label, s.annotator, s.attrs) for s in lite.spans(num)]
            assert pg.statuses(num) == lite.statuses(num)
        a, b = native_export(lite, tmp_path / "lite.jsonl"), native_export(pg, tmp_path / "pg.jsonl")
        assert a.count(b"\n") == len(TEXTS)
        assert b == a
    finally:
        lite.close()
        pg.close()


def test_reopen_readonly_and_ids_never_reused(pg_url):
    with Project.create(pg_url) as p:
        import_records(p, records(p.scheme))
        d = p.document_nums()[0]
        s = p.add_span(d, 0, 3, "CUE", "ali").result
        assert s.id == 3 * len(TEXTS) + 1  # after the imported ones, from the sequence
        p.delete_span(s.id)
        t = p.add_span(d, 0, 3, "CUE", "ali").result
        assert t.id == s.id + 1
    with Project.open(pg_url, readonly=True) as p:
        assert p.readonly and p.path == safe_url(pg_url)
        assert p.document_count() == len(TEXTS)
        with pytest.raises(ReadOnlyProject):
            p.add_span(d, 0, 3, "CUE", "ali")


def test_a_second_import_numbers_after_the_first(pg_url):
    with Project.create(pg_url) as p:
        import_records(p, records(p.scheme)[:5])
        p.add_span(p.document_nums()[0], 0, 3, "CUE", "ali")
        import_records(p, records(p.scheme)[5:])
        ids = [s.id for n in p.document_nums() for s in p.spans(n)]
        assert len(ids) == len(set(ids)) == 3 * len(TEXTS) + 1
        assert p.add_span(p.document_nums()[-1], 0, 3, "CUE", "ali").result.id == max(ids) + 1


def test_bad_edits_change_nothing(pg_url):
    with Project.create(pg_url) as p:
        import_records(p, records(p.scheme)[:1])
        d = p.document_nums()[0]
        before = p.stats()
        with pytest.raises(SpanError):
            p.add_span(d, 5, 2, "CUE", "ali")
        with pytest.raises(SpanError):
            p.add_span(d, 0, 3, "NOPE", "ali")
        with pytest.raises(SpanError):
            p.ensure_annotator("a\x00b")
        assert p.stats() == before


def test_create_and_open_refuse_what_is_not_a_project(pg_cluster, pg_url):
    with Project.create(pg_url):
        pass
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(pg_url)
    other = pg_cluster.url(pg_cluster.createdb())
    with pytest.raises(ProjectError, match="not an annotator project"):
        Project.open(other)
    import psycopg

    with psycopg.connect(other, autocommit=True) as c:
        c.execute("CREATE TABLE foreign_things (x int)")
    with pytest.raises(ProjectError, match="not empty"):
        Project.create(other)
    with pytest.raises(ProjectError, match="cannot connect"):
        Project.open(pg_cluster.url("no_such_database"))


# ----- the translation (no server needed) ------------------------------------------------------

class FakeCatalog:
    def table_info(self, table):
        return {"meta": (("key",), None), "spans": (("id",), "id"), "merged_layers": (("annotator", "doc"), None)
                }.get(table, ((), None))

    def nullable_columns(self):
        return {"rule", "sum"}


@pytest.mark.parametrize("sql, expected", [
    ("SELECT id FROM spans WHERE doc = ? AND label = '50%'", "SELECT id FROM spans WHERE doc = %s AND label = '50%%'"),
    ("INSERT OR IGNORE INTO annotators(name, kind) VALUES (?, ?)",
     "INSERT INTO annotators(name, kind) VALUES (%s, %s) ON CONFLICT DO NOTHING"),
    ("INSERT OR REPLACE INTO meta(key, value) VALUES ('scheme', ?)",
     'INSERT INTO meta(key, value) VALUES (\'scheme\', %s) ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value"'),
    ("INSERT INTO spans(doc, start) VALUES (?, ?)", 'INSERT INTO spans(doc, start) VALUES (%s, %s) RETURNING "id"'),
    ("SELECT x FROM t ORDER BY doc, rule DESC, id", "SELECT x FROM t ORDER BY doc, rule DESC NULLS LAST, id"),
    ("SELECT json_extract(d.meta, '$.title') FROM documents d", "SELECT ((d.meta) ::jsonb #>> '{title}') FROM documents d"),
    ("SELECT max(a, b), ifnull(c, 0) FROM t LIMIT -1", "SELECT greatest(a, b), coalesce(c, 0) FROM t LIMIT ALL"),
    ("SELECT 1 FROM t WHERE name LIKE ? ESCAPE '\\'", "SELECT 1 FROM t WHERE name ILIKE %s ESCAPE '\\'"),
    ("SELECT 1 FROM t WHERE a IS ? AND b IS NOT ?", "SELECT 1 FROM t WHERE a IS NOT DISTINCT FROM %s AND b IS DISTINCT FROM %s"),
    ("DELETE FROM spans WHERE id IN (SELECT value FROM json_each(?))",
     "DELETE FROM spans WHERE id IN (SELECT value FROM annotator_json_ints(%s))"),
    ("SELECT count(*) FROM (SELECT doc FROM t WHERE a = ?) WHERE 1 = 1",
     "SELECT count(*) FROM (SELECT doc FROM t WHERE a = %s) AS _sub1 WHERE 1 = 1"),
    ("SELECT * FROM (SELECT 1) x JOIN (SELECT 2)", "SELECT * FROM (SELECT 1) x JOIN (SELECT 2) AS _sub1"),
    ("BEGIN IMMEDIATE", "BEGIN ISOLATION LEVEL SERIALIZABLE"),
    ("CREATE TABLE IF NOT EXISTS m (version INTEGER PRIMARY KEY AUTOINCREMENT, model BLOB NOT NULL, n INTEGER) WITHOUT ROWID",
     'CREATE TABLE IF NOT EXISTS m (version BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, model BYTEA NOT NULL, '
     'n BIGINT)'),
])
def test_translation(sql, expected):
    def squeeze(text):  # spacing is free
        return "".join(text.split())

    assert squeeze(translate(sql, FakeCatalog())[0]) == squeeze(expected)


@pytest.mark.parametrize("sql", [
    "SELECT rowid FROM spans", "PRAGMA quick_check", "PRAGMA foreign_keys = OFF", "ATTACH DATABASE ? AS src",
    "SELECT typeof(x) FROM t", "SELECT CAST(text AS BLOB) FROM documents", "SELECT 1 FROM t WHERE a GLOB ?",
    "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END", "INSERT OR REPLACE INTO unknown(a) VALUES (?)",
    "SELECT strftime('%Y', created) FROM spans", "SELECT 1; SELECT 2",
])
def test_untranslatable_sql_is_refused_not_run(sql):
    with pytest.raises(UntranslatedSQL, match="PostgreSQL"):
        translate(sql, FakeCatalog())
    assert issubclass(UntranslatedSQL, sqlite3.Error)


def test_safe_url_drops_every_password():
    assert safe_url("postgresql://mona:s3cret@db.example:5433/news?sslmode=require&password=x") == \
        "postgresql://mona@db.example:5433/news?sslmode=require"
    assert safe_url("postgres://db/news") == "postgresql://db/news"


def test_an_annotator_role_with_the_readme_grants_can_do_the_work(pg_cluster, pg_url):
    """The grants the README gives an annotator's own role are enough: edits, an import
    (which reserves ids and moves the sequences), statuses."""
    import psycopg

    with Project.create(pg_url) as p:
        import_records(p, records(p.scheme)[:3])
    role = "ann_" + pg_url.split("/t_", 1)[1].split("?")[0]
    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute(f"CREATE ROLE {role} LOGIN")
        c.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}; "
                  f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}")
    url = pg_url.replace("postgres@", f"{role}@")
    with Project.open(url) as p:
        d = p.document_nums()[0]
        s = p.add_span(d, 0, 3, "CUE", "mona").result
        p.set_span_attr(p.add_span(d, 4, 24, "SOURCE", "mona").result.id, "kind", "group")
        p.set_doc_status(d, "mona", "done")
        import_records(p, records(p.scheme)[3:5])
        assert p.document_count() == 5
        assert p.add_span(d, 0, 3, "CUE", "ali").result.id > s.id
