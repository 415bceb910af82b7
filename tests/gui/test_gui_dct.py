"""The document date in the window: the status bar says when a missing dct leaves relative dates
without a value; setting it in the document fields gives them their values in one undo step;
File › Import asks for it (or reads it from each text's first line)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog  # noqa: E402

from annotator.core.project import Project  # noqa: E402
from annotator.gui import import_actions  # noqa: E402
from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

TEXT = "قال الوزير أمس إن الاجتماع عقد في 26 يوليو الماضي وإن الجولة التالية في نهاية الشهر المقبل."


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "d.annot", [{"id": "a", "text": TEXT}])


def _values(path) -> dict[str, str | None]:
    with Project.open(path, readonly=True) as p:
        return {TEXT[s.start:s.end]: s.attrs.get("value") for s in p.spans(1, ANNOTATOR) if s.label == "DATE"}


def test_dct_set_in_the_document_fields_fills_suggested_values_in_one_undo_step(driver_for, path):
    d = driver_for(path)
    d.window_key("Ctrl+Shift+S")
    note = d.window.statusBar().currentMessage()
    assert "no date (dct): 3 relative dates have no value" in note
    before = _values(path)
    assert before == {"أمس": None, "26 يوليو الماضي": "XXXX-07-26", "نهاية الشهر المقبل": None}
    yesterday = d.span_by_text("أمس", "DATE")
    d.c.select_span(yesterday.id)
    steps = d.ws.undo.count()
    insp = d.ws.inspector
    insp.dct_edit.setText("2021-12-09")
    insp.dct_edit.editingFinished.emit()
    assert _values(path) == {"أمس": "2021-12-08", "26 يوليو الماضي": "2021-07-26", "نهاية الشهر المقبل": "2022-01"}
    assert d.ws.undo.count() == steps + 1
    assert "3 suggested dates took their values" in d.window.statusBar().currentMessage()
    # The view, the span list and the inspector show the new values at once.
    assert d.c.spans[yesterday.id].attrs["value"] == "2021-12-08"
    assert insp.attr_widgets["value"].text() == "2021-12-08"
    d.window_key("Ctrl+Z")
    assert _values(path) == before
    with Project.open(path, readonly=True) as p:
        assert "dct" not in p.document("a").meta
    assert insp.dct_edit.text() == ""
    d.window_key("Ctrl+Shift+Z")
    assert _values(path)["أمس"] == "2021-12-08"


def test_no_note_when_the_document_has_its_date(driver_for, tmp_path):
    d = driver_for(make_project(tmp_path / "e.annot", [{"id": "a", "text": TEXT, "meta": {"dct": "2021-12-09"}}]))
    d.window_key("Ctrl+Shift+S")
    assert "dct" not in d.window.statusBar().currentMessage()


def test_import_asks_for_the_date_or_reads_the_first_line(driver_for, path, tmp_path, monkeypatch):
    (tmp_path / "headed.txt").write_text("الخميس 9 ديسمبر 2021\n" + TEXT, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(TEXT + " وانتهى.", encoding="utf-8")
    seen = []

    def answer(dialog):
        dialog.date.setText("9/12/2021")
        seen.append(dialog.buttons.button(QDialogButtonBox.Ok).isEnabled())
        dialog.date.setText("2021-11-30")
        dialog.from_header.setChecked(True)
        seen.append(dialog.buttons.button(QDialogButtonBox.Ok).isEnabled())
        return QDialog.Accepted

    monkeypatch.setattr(import_actions.DctDialog, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(tmp_path / "headed.txt"), str(tmp_path / "plain.txt")], ""))
    d = driver_for(path)
    d.window_key("Ctrl+I")
    assert seen == [False, True]
    with Project.open(path, readonly=True) as p:
        assert {x.id: x.meta.get("dct") for x in p.documents()} == {
            "a": None, "headed": "2021-12-09", "plain": "2021-11-30"}


def test_cancelling_the_date_question_imports_nothing(driver_for, path, tmp_path, monkeypatch):
    (tmp_path / "plain.txt").write_text(TEXT + " وانتهى.", encoding="utf-8")
    monkeypatch.setattr(import_actions.DctDialog, "exec", lambda dialog: QDialog.Rejected)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tmp_path / "plain.txt")], ""))
    d = driver_for(path)
    d.window_key("Ctrl+I")
    assert d.c.project.document_count() == 1


def test_opening_a_document_whose_dates_wait_for_its_date_says_so(driver_for, tmp_path):
    d = driver_for(make_project(tmp_path / "two.annot", [{"id": "a", "text": TEXT}, {"id": "b", "text": "نص ثان."}]))
    d.window_key("Ctrl+Shift+S")
    d.goto("b")
    d.window.statusBar().clearMessage()
    d.goto("a")
    assert "no date (dct): 3 relative dates have no value" in d.window.statusBar().currentMessage()
    d.ws.inspector.dct_edit.setText("2021-12-09")
    d.ws.inspector.dct_edit.editingFinished.emit()
    d.goto("b")
    d.window.statusBar().clearMessage()
    d.goto("a")
    assert "dct" not in d.window.statusBar().currentMessage()


def test_suggest_in_all_documents_warns_about_documents_without_a_date(driver_for, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    d = driver_for(make_project(tmp_path / "three.annot", [
        {"id": "a", "text": TEXT}, {"id": "b", "text": TEXT + " ثانية", "meta": {"dct": "2021-12-09"}}]))
    seen = []

    def exec_(box):
        seen.append(box.text())
        return QMessageBox.Yes
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    report = d.window.suggest.suggest_all()
    assert "1 of the documents have no date (dct)" in seen[0]
    assert (report.undated, report.unresolved) == (1, 3)
    assert "1 documents have no date (dct): 3 relative dates there have no value" in seen[-1]
    assert "1 documents have no date (dct)" in d.window.statusBar().currentMessage()
