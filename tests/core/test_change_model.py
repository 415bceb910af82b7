"""The one change model: every mutator returns a Change whose undo and redo write its rows back
exactly (same ids, same stamps), one transaction each; a failed undo changes nothing."""

from __future__ import annotations

import json

import pytest

from annotator.core.errors import WriteFailed
from annotator.core.importer import import_paths
from annotator.core.project import Project
from annotator.core.store.change_rows import doc_rows, recorded

TEXT = "قال الوزير إن الاتفاق سيوقع يوم الخميس المقبل في العاصمة."


def piece(text):
    i = TEXT.index(text)
    return i, i + len(text)


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps({"id": "n", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    p = Project.create(tmp_path / "c.annot")
    import_paths(p, [src])
    yield p
    p.close()


def test_every_mutator_is_undone_and_redone_exactly(project):
    quote = project.add_span(1, *piece("الاتفاق سيوقع"), "QUOTE", "amal", {"type": "indirect"}).result
    first = project.add_span(1, *piece("الوزير"), "SOURCE", "amal").result
    second = project.add_span(1, *piece("العاصمة"), "SOURCE", "amal").result
    project.add_relation("source", quote.id, first.id, "amal")
    original = doc_rows(project, 1)
    edits = [
        lambda: project.update_span(quote.id, end=piece("الاتفاق سيوقع يوم")[1]),
        lambda: project.set_span_attr(quote.id, "type", "direct"),
        lambda: project.add_relation("source", quote.id, second.id, "amal",
                                     replace=[r.id for r in project.relations_of(quote.id)]),
        lambda: project.set_doc_meta(1, "dct", "2021-12-09"),
        lambda: project.set_doc_status(1, "amal", "in_progress"),
        lambda: project.set_doc_status(1, "amal", "done"),
        lambda: project.delete_span(quote.id),  # with its link
    ]
    changes, states = [], [original]
    for edit in edits:
        changes.append(edit())
        states.append(doc_rows(project, 1))
        assert states[-1] != states[-2] and not changes[-1].empty
    assert project.relations(1) == [] and project.document(1).dct == "2021-12-09"
    for k in range(len(changes) - 1, -1, -1):
        project.undo(changes[k])
        assert doc_rows(project, 1) == states[k]
    for k, change in enumerate(changes):
        project.redo(change)
        assert doc_rows(project, 1) == states[k + 1]


def test_a_failed_undo_changes_nothing_and_can_be_tried_again(project):
    change = project.add_span(1, *piece("الوزير"), "SOURCE", "amal")
    project.conn.execute("PRAGMA query_only = 1")
    with pytest.raises(WriteFailed):
        project.undo(change)
    project.conn.execute("PRAGMA query_only = 0")
    assert [s.id for s in project.spans(1)] == [change.result.id]
    project.undo(change)
    assert project.spans(1) == []


def test_an_action_recorded_half_done_is_undone(project):
    def half():
        project.add_span(1, *piece("الوزير"), "SOURCE", "amal")
        raise RuntimeError("the second write failed")
    with pytest.raises(RuntimeError):
        recorded(project, 1, half)
    assert project.spans(1) == []
    made = recorded(project, 1, lambda: project.add_span(1, *piece("الوزير"), "SOURCE", "amal").result.id)
    assert [s.id for s in made.spans()] == [made.result]
    project.undo(made)
    assert project.spans(1) == []
