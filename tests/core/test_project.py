import os
import sqlite3
import subprocess
import sys

import pytest

from annotator.core import Project
from annotator.core.errors import ProjectError, ProjectInUse, ReadOnlyProject, SpanError
from annotator.core.importer import import_paths
from annotator.core.schema_sql import APPLICATION_ID, SCHEMA_VERSION
from tests.support.review_data import span_of

TEXT = "وقال الوزير إن «الاتفاق سيُوقَّع في 9 كانون الأول/ ديسمبر 2021» 😀 بحسب وكالة AFP."


@pytest.fixture
def one_text_project(tmp_path):
    src = tmp_path / "doc1.txt"
    src.write_text(TEXT, encoding="utf-8")
    p = Project.create(tmp_path / "p.annot")
    import_paths(p, [src])
    yield p
    p.close()



def test_file_is_marked_as_ours(one_text_project):
    c = one_text_project.conn
    assert c.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_add_update_delete_restore_span(one_text_project):
    s, e = span_of(TEXT, "الوزير")
    added = one_text_project.add_span(1, s, e, "SOURCE", "amal", {"kind": "person"})
    span = added.result
    assert one_text_project.span(span.id).text_in(TEXT) == "الوزير"
    relabel = one_text_project.update_span(span.id, label="QUOTE")
    assert relabel.result.label == "SOURCE"
    # attributes of the old label that the new one lacks are dropped
    assert one_text_project.span(span.id).attrs == {}
    deleted = one_text_project.delete_span(span.id)
    assert one_text_project.spans(1) == []
    one_text_project.undo(deleted)
    back = one_text_project.span(span.id)
    assert back == relabel.spans()[0]  # the row as it was, same id and stamps
    assert (back.start, back.end, back.label, back.attrs, back.created) == (s, e, "QUOTE", {}, span.created)
    one_text_project.redo(deleted)
    assert one_text_project.spans(1) == []
    one_text_project.undo(deleted)
    one_text_project.undo(relabel)
    assert one_text_project.span(span.id) == span
    one_text_project.undo(added)
    assert one_text_project.spans(1) == []
    one_text_project.redo(added)
    assert one_text_project.span(span.id) == span


def test_relations_follow_their_spans_and_come_back(one_text_project):
    q = one_text_project.add_span(1, *span_of(TEXT, "الاتفاق سيُوقَّع"), "QUOTE", "amal", {"type": "direct"}).result
    src = one_text_project.add_span(1, *span_of(TEXT, "الوزير"), "SOURCE", "amal").result
    cue = one_text_project.add_span(1, *span_of(TEXT, "قال"), "CUE", "amal").result
    r1 = one_text_project.add_relation("source", q.id, src.id, "amal").result
    one_text_project.add_relation("cue", q.id, cue.id, "amal")
    with pytest.raises(SpanError, match="cannot link"):
        one_text_project.add_relation("source", q.id, cue.id, "amal")
    with pytest.raises(SpanError, match="already linked"):
        one_text_project.add_relation("source", q.id, src.id, "amal")
    with pytest.raises(SpanError, match="break a link"):
        one_text_project.update_span(src.id, label="DATE")
    deleted = one_text_project.delete_span(q.id)
    assert one_text_project.relations(1) == []
    one_text_project.undo(deleted)
    assert [r.id for r in one_text_project.relations(1)] == [r1.id, r1.id + 1]


def test_bad_spans_are_refused(one_text_project):
    with pytest.raises(SpanError, match="outside"):
        one_text_project.add_span(1, 0, len(TEXT) + 1, "QUOTE", "amal")
    with pytest.raises(SpanError, match="unknown label"):
        one_text_project.add_span(1, 0, 3, "PERSON", "amal")
    with pytest.raises(SpanError, match="must be one of"):
        one_text_project.add_span(1, 0, 3, "QUOTE", "amal", {"type": "sarcastic"})
    with pytest.raises(SpanError, match="pattern"):
        one_text_project.add_span(1, 0, 3, "DATE", "amal", {"value": "9/12/2021"})
    assert one_text_project.spans(1) == []


def test_date_value_pattern_accepts_timex(one_text_project):
    s, e = span_of(TEXT, "9 كانون الأول/ ديسمبر 2021")
    span = one_text_project.add_span(1, s, e, "DATE", "amal", {"type": "DATE", "value": "2021-12-09"}).result
    assert one_text_project.set_span_attr(span.id, "value", "2021-W49").result == "2021-12-09"
    assert one_text_project.span(span.id).attrs["value"] == "2021-W49"


def test_status_and_metadata(one_text_project):
    assert one_text_project.doc_status(1, "amal") == "todo"
    assert one_text_project.set_doc_status(1, "amal", "done").result == "todo"
    assert one_text_project.statuses(1) == {"amal": "done"}
    with pytest.raises(SpanError):
        one_text_project.set_doc_status(1, "amal", "finished")
    assert one_text_project.set_doc_meta(1, "dct", "2021-12-09").result is None
    assert one_text_project.document(1).dct == "2021-12-09"
    with pytest.raises(SpanError, match="not a date"):
        one_text_project.set_doc_meta(1, "dct", "9/12/2021")


def test_reopen_keeps_everything(tmp_path, one_text_project):
    one_text_project.add_span(1, *span_of(TEXT, "😀"), "QUOTE", "amal")
    path = one_text_project.path
    one_text_project.close()
    with Project.open(path) as again:
        (span,) = again.spans(1)
        assert TEXT[span.start:span.end] == "😀"


def test_second_writer_is_told_the_project_is_in_use(one_text_project):
    with pytest.raises(ProjectInUse, match="open in another window or process"):
        Project.open(one_text_project.path)
    code = (
        "import sys\nfrom annotator.core import Project, ProjectInUse\n"
        "try:\n    Project.open(sys.argv[1])\nexcept ProjectInUse as e:\n    print('in use'); sys.exit(3)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(one_text_project.path)], capture_output=True, text=True)
    assert out.returncode == 3 and "in use" in out.stdout
    with Project.open(one_text_project.path, readonly=True) as ro:
        assert ro.readonly and ro.document_count() == 1


def test_read_only_file_opens_read_only(tmp_path, one_text_project):
    path = one_text_project.path
    one_text_project.close()
    os.chmod(path, 0o444)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as a user that can write read-only files")
        with Project.open(path) as p:
            assert p.readonly and "not writable" in p.readonly_reason
            with pytest.raises(ReadOnlyProject):
                p.set_doc_status(1, "amal", "done")
    finally:
        os.chmod(path, 0o644)


def test_read_only_handle_refuses_writes(one_text_project):
    path = one_text_project.path
    one_text_project.close()
    with Project.open(path, readonly=True) as p:
        with pytest.raises(ReadOnlyProject, match="read-only"):
            p.add_span(1, 0, 4, "CUE", "amal")


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(ProjectError, match="another application"):
        Project.open(path)


def test_non_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "notes.annot"
    path.write_text("hello")
    with pytest.raises(ProjectError, match="not an SQLite file"):
        Project.open(path)


def test_newer_file_is_refused(tmp_path, one_text_project):
    path = one_text_project.path
    one_text_project.close()
    c = sqlite3.connect(path)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    c.commit()
    c.close()
    with pytest.raises(ProjectError, match="newer annotator"):
        Project.open(path)
    with pytest.raises(ProjectError, match="newer annotator"):
        Project.open(path, readonly=True)


def test_create_refuses_to_overwrite(tmp_path, one_text_project):
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(one_text_project.path)


def test_missing_file(tmp_path):
    with pytest.raises(ProjectError, match="no such project"):
        Project.open(tmp_path / "nope.annot")


def test_a_deleted_span_id_is_never_given_to_another_span(tmp_path, one_text_project):
    """Undo puts a span back under its id, so nothing (add, import, suggest) may take it."""
    from annotator.core.suggest import suggest_document

    s = one_text_project.add_span(1, *span_of(TEXT, "الوزير"), "SOURCE", "amal").result
    gone = one_text_project.delete_span(s.id)  # the user's undo of the add
    other = tmp_path / "b.jsonl"
    other.write_text('{"id": "b", "text": "قال", "spans": [{"start": 0, "end": 3, "label": "CUE"}]}\n',
                     encoding="utf-8")
    import_paths(one_text_project, [other])
    suggested = suggest_document(one_text_project, 1, "amal")
    assert suggested and s.id not in suggested
    assert s.id not in {x.id for x in one_text_project.spans(2)}
    one_text_project.undo(gone)  # the redo
    assert one_text_project.span(s.id).label == "SOURCE"
