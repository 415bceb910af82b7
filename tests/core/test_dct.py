"""The document date (dct) and the suggested date values that hang on it: set or changed, the
values follow in one transaction (undone exactly); imports set it from --dct or the text's
first line; the suggest command says what a missing dct leaves without a value."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.errors import SpanError
from annotator.core.project import Project
from annotator.core.store.change_rows import recorded
from annotator.core.suggest import accept_suggestions, set_dct, suggest_document, unresolved_dates
from annotator.core.suggest.dct import header_dct

TEXT = "قال الوزير أمس إن الاجتماع عقد في 26 يوليو الماضي وإن الجولة التالية في نهاية الشهر المقبل."
HEADED = "الخميس 9 ديسمبر 2021\n" + TEXT


@pytest.fixture
def dct_project(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "p.annot"
    assert main(["new", str(path)]) == 0
    assert main(["import", str(path), str(src)]) == 0
    with Project.open(path) as p:
        yield p


def _dates(p, doc=1) -> dict[str, tuple[str, dict]]:
    text = p.document(doc).text
    return {text[s.start:s.end]: (s.status, s.attrs) for s in p.spans(doc) if s.label == "DATE"}


def test_setting_the_dct_gives_suggested_dates_their_values_and_undo_is_exact(dct_project):
    suggest_document(dct_project, 1, "mona")
    before = _dates(dct_project)
    assert before["أمس"] == ("suggested", {"type": "DATE"})
    assert before["26 يوليو الماضي"][1]["value"] == "XXXX-07-26"
    assert unresolved_dates(dct_project, 1) == 3
    # Suggesting again cannot fix them: the spans are there.
    assert suggest_document(dct_project, 1, "mona") == []
    undoable = recorded(dct_project, 1, lambda: set_dct(dct_project, 1, "2021-12-09"))  # as the window does
    change = undoable.result
    after = _dates(dct_project)
    assert after["أمس"][1]["value"] == "2021-12-08"
    assert after["26 يوليو الماضي"][1]["value"] == "2021-07-26"
    assert after["نهاية الشهر المقبل"][1] == {"type": "DATE", "value": "2022-01", "mod": "END"}
    assert dct_project.document(1).meta["dct"] == "2021-12-09" and change.redated == 3
    assert unresolved_dates(dct_project, 1) == 0
    dct_project.undo(undoable)
    assert _dates(dct_project) == before and "dct" not in dct_project.document(1).meta
    dct_project.redo(undoable)
    assert _dates(dct_project) == after


def test_decided_and_hand_edited_dates_are_left_alone(dct_project):
    suggest_document(dct_project, 1, "mona")
    spans = {dct_project.document(1).text[s.start:s.end]: s for s in dct_project.spans(1) if s.label == "DATE"}
    accept_suggestions(dct_project, 1, "mona", span_ids=[spans["أمس"].id])
    dct_project.set_span_attr(spans["نهاية الشهر المقبل"].id, "value", "2030-01")  # typed by the annotator
    change = set_dct(dct_project, 1, "2021-12-09")
    now = _dates(dct_project)
    assert now["أمس"] == ("accepted", {"type": "DATE"})
    assert now["نهاية الشهر المقبل"][1]["value"] == "2030-01"
    assert now["26 يوليو الماضي"][1]["value"] == "2021-07-26" and change.redated == 1
    # A later change of the date moves the values the rules gave, and only those.
    set_dct(dct_project, 1, "2022-03-01")
    now = _dates(dct_project)
    assert now["26 يوليو الماضي"][1]["value"] == "2021-07-26"  # the latest past 26 July before 1 March 2022
    assert now["نهاية الشهر المقبل"][1]["value"] == "2030-01"
    set_dct(dct_project, 1, "2022-09-01")
    assert _dates(dct_project)["26 يوليو الماضي"][1]["value"] == "2022-07-26"


def test_a_bad_dct_changes_nothing(dct_project):
    suggest_document(dct_project, 1, "mona")
    before = _dates(dct_project)
    with pytest.raises(SpanError):
        set_dct(dct_project, 1, "9/12/2021")
    assert _dates(dct_project) == before and "dct" not in dct_project.document(1).meta


def test_header_date():
    assert header_dct(HEADED) == "2021-12-09"
    assert header_dct("\n  \n2021-12-09 — بغداد\nنص") == "2021-12-09"
    assert header_dct(TEXT) is None  # a day and month without a year is no document date
    assert header_dct("العام 2021\nنص") is None


def test_import_takes_the_dct_from_the_option_or_the_first_line(tmp_path):
    (tmp_path / "headed.txt").write_text(HEADED, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "r.jsonl").write_text(
        json.dumps({"id": "own", "text": HEADED + " ", "meta": {"dct": "2020-05-05"}}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "none", "text": TEXT + " "}, ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "p.annot"
    assert main(["new", str(path)]) == 0
    assert main(["import", str(path), str(tmp_path / "headed.txt"), str(tmp_path / "plain.txt"),
                 str(tmp_path / "r.jsonl"), "--dct-from-header", "--dct", "2021-01-31"]) == 0
    with Project.open(path, readonly=True) as p:
        assert {d.id: d.meta.get("dct") for d in p.documents()} == {
            "headed": "2021-12-09", "plain": "2021-01-31", "own": "2020-05-05", "none": "2021-01-31"}


def test_header_dates_only_when_asked(tmp_path):
    (tmp_path / "headed.txt").write_text(HEADED, encoding="utf-8")
    path = tmp_path / "p.annot"
    assert main(["new", str(path)]) == 0
    assert main(["import", str(path), str(tmp_path / "headed.txt")]) == 0
    with Project.open(path, readonly=True) as p:
        assert "dct" not in p.document("headed").meta


def test_suggest_command_says_what_a_missing_dct_leaves_and_refreshes_later(dct_project, capsys):
    path = str(dct_project.path)
    dct_project.close()
    assert main(["suggest", path, "--only", "dates"]) == 0
    out = capsys.readouterr().out
    assert "1 documents have no dct: 3 relative dates were left without a value" in out
    with Project.open(path) as p:  # a dct set by a way that does not re-resolve (an older version)
        p.set_doc_meta(1, "dct", "2021-12-09")
    assert main(["suggest", path, "--only", "dates"]) == 0
    out = capsys.readouterr().out
    assert "3 dates suggested earlier took their values from their document's dct" in out
    with Project.open(path, readonly=True) as p:
        assert _dates(p)["أمس"][1]["value"] == "2021-12-08"
