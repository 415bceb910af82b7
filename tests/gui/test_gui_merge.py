"""Reviewer work from the annotation window: File › Import annotators' work, Tools › Review
and adjudicate (sharing the open project), Tools › Agreement."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from annotator.core.model import GOLD  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.scheme import Scheme, default_scheme  # noqa: E402
from annotator.gui.merge_actions import AgreementDialog  # noqa: E402
from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

ONE = "صرّح رئيس البلدية بأن الطريق الجديد سيفتح الأسبوع المقبل."
TWO = "ذكرت الشركة في بيان أن الأرباح ارتفعت هذا العام."


def _sp(text, needle, label, annotator, **attrs):
    s = text.index(needle)
    return {"start": s, "end": s + len(needle), "label": label, "text": needle, "annotator": annotator,
            "attrs": attrs}


def _copy(tmp_path, name, annotator, quote_one, scheme=None):
    """An annotator's copy of the project: both documents, `annotator`'s spans, both marked done."""
    records = [
        {"id": "one", "meta": {"title": "١"}, "text": ONE, "status": {annotator: "done"},
         "spans": [_sp(ONE, "رئيس البلدية", "SOURCE", annotator),
                   _sp(ONE, quote_one, "QUOTE", annotator, type="indirect")]},
        {"id": "two", "meta": {"title": "٢"}, "text": TWO, "status": {annotator: "done"},
         "spans": [_sp(TWO, "الشركة", "SOURCE", annotator)]},
    ]
    path = tmp_path / f"{name}.annot"
    if scheme is None:
        return make_project(path, records)
    from annotator.core.importer import import_paths

    src = path.with_suffix(".jsonl")
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    with Project.create(path, scheme=scheme) as p:
        import_paths(p, [src], fmt="native", annotator="importer")
    return str(path)


@pytest.fixture
def review_path(tmp_path):
    return make_project(tmp_path / "review.annot", [{"id": "one", "text": ONE}, {"id": "two", "text": TWO}])


@pytest.fixture
def copies(tmp_path):
    return [_copy(tmp_path, "ann1", "ann1", "الطريق الجديد سيفتح الأسبوع المقبل"),
            _copy(tmp_path, "ann2", "ann2", "الطريق الجديد سيفتح")]


def _pick(monkeypatch, paths):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (list(paths), ""))


def _layers(path):
    with Project.open(path, readonly=True) as p:
        return sorted((s.annotator, p.document(s.doc).id, s.label) for n in p.document_nums() for s in p.spans(n))


def _merged(d, monkeypatch, copies, reports):
    _pick(monkeypatch, copies)
    d.window.review.a_merge.trigger()
    return reports[-1]


def test_import_annotators_work_reports_and_reloads(driver_for, review_path, copies, reports, monkeypatch):
    d = driver_for(review_path)
    assert not d.c.spans
    report = _merged(d, monkeypatch, copies, reports)
    text = report.details.toPlainText()
    assert "ann1.annot: 2 documents: 2 matched, 0 added, 0 skipped; layers ann1: 2 new" in text
    assert "Documents: 4 matched, 0 added, 0 skipped" in report.summary.text()
    assert "ann2.annot: 2 documents: 2 matched, 0 added, 0 skipped; layers ann2" in text
    assert "ann1, ann2" in report.summary.text()
    assert _layers(review_path) == sorted([
        ("ann1", "one", "SOURCE"), ("ann1", "one", "QUOTE"), ("ann1", "two", "SOURCE"),
        ("ann2", "one", "SOURCE"), ("ann2", "one", "QUOTE"), ("ann2", "two", "SOURCE")])
    # The window shows the merged layers at once.
    assert len(d.c.spans) == 4
    model = d.ws.doc_panel.model
    assert model.data(model.index(0, 3)) == 4
    # The same files again: nothing changes, and the report says so.
    report = _merged(d, monkeypatch, copies, reports)
    assert "Nothing had changed" in report.summary.text() and "2 unchanged" in report.details.toPlainText()


def test_cancel_during_the_merge_changes_nothing(driver_for, review_path, copies, reports, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    d = driver_for(review_path)
    before = _layers(review_path)
    _pick(monkeypatch, copies)
    pressed = []

    def press_cancel():
        (dialog,) = d.window.findChildren(QProgressDialog)
        pressed.append(dialog.labelText())
        dialog.findChild(QPushButton).click()
    QTimer.singleShot(0, press_cancel)  # runs in the merge's first event-loop turn
    assert d.window.review.import_work() is None
    assert pressed == ["Importing annotators' work…"] and not reports
    assert _layers(review_path) == before == [] and not d.c.spans
    assert d.window.statusBar().currentMessage() == "Import cancelled: nothing was changed."


def test_same_name_from_two_people_is_refused(driver_for, review_path, tmp_path, reports, monkeypatch):
    d = driver_for(review_path)
    (tmp_path / "other").mkdir()
    clash = [_copy(tmp_path, "ann1", "ann1", "الطريق الجديد سيفتح"),
             _copy(tmp_path / "other", "ann1", "ann1", "الطريق الجديد")]
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append((box.windowTitle(), box.text())) or QMessageBox.Ok)
    _pick(monkeypatch, clash)
    assert d.window.review.import_work() is None
    title, text = seen[0]
    assert title == "Import refused: nothing was changed" and "\n" not in text and "ann1" in text
    assert _layers(review_path) == [] and not reports


def test_scheme_conflict_is_refused(driver_for, review_path, tmp_path, reports, monkeypatch):
    data = json.loads(default_scheme().to_json())
    quote = next(lab for lab in data["labels"] if lab["name"] == "QUOTE")
    attr = next(a for a in quote["attributes"] if a["name"] == "type")
    attr["choices"] = [*attr["choices"], "paraphrase"]
    odd = _copy(tmp_path, "odd", "ann3", "الطريق الجديد", scheme=Scheme.from_dict(data))
    d = driver_for(review_path)
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()) or QMessageBox.Ok)
    _pick(monkeypatch, [odd])
    assert d.window.review.import_work() is None
    assert "scheme conflict" in seen[0] and "QUOTE" in seen[0]
    assert _layers(review_path) == []


def test_review_shares_the_project_and_the_window_refreshes_after(driver_for, review_path, copies, reports,
                                                                  monkeypatch, qtbot):
    d = driver_for(review_path)
    _merged(d, monkeypatch, copies, reports)
    review = d.window.review.a_review.trigger() or d.window.review.review_window
    assert review is not None and review.project is d.window.project
    assert review.reviewer == ANNOTATOR and review.windowModality() == Qt.WindowModal
    assert d.window.review.open_review() is review  # one review window at a time
    # Unanimous spans were accepted into gold automatically; accept ann1's quote by hand.
    assert review.doc is not None
    cluster = next(i for i, c in enumerate(review.clusters) if not c.decided)
    review.set_cluster(cluster)
    row = next(r for r in range(review.cluster_table.rowCount())
               if review.cluster_table.item(r, 0).data(Qt.UserRole)[0] == "ann1")
    review.cluster_table.selectRow(row)
    assert review.accept_selected()
    gold_in_file = [x for x in _layers(review_path) if x[0] == GOLD]
    assert ("gold", "one", "QUOTE") in gold_in_file
    with qtbot.waitSignal(review.destroyed, timeout=2000):
        review.close()
    assert d.window.review.review_window is None
    # The annotation window was rebuilt from the file: it shows the gold spans too.
    assert GOLD in {s.annotator for s in d.c.spans.values()}


def test_review_needs_work_marked_done(driver_for, review_path, monkeypatch):
    d = driver_for(review_path)
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()) or QMessageBox.Ok)
    assert d.window.review.open_review() is None
    assert "Import annotators' work" in seen[0]


def test_agreement_dialog(driver_for, review_path, copies, reports, monkeypatch):
    d = driver_for(review_path)
    _merged(d, monkeypatch, copies, reports)
    opened = []

    def exec_(dialog):
        opened.append(dialog)
        assert dialog.dashboard.result.annotators == ["ann1", "ann2"]
        table = dialog.dashboard.docs_table
        assert table.rowCount() == 2
        dialog.dashboard.openDocument.emit(d.c.project.document("two").num)  # a double-click
        return dialog.result()
    monkeypatch.setattr(AgreementDialog, "exec", exec_)
    d.window.review.a_agreement.trigger()
    assert opened and d.c.doc.id == "two"
