"""File › Export through the window's dialog: format, layer, done documents, labels,
suggestions, split; the same filter as `annotator export`; problems shown as plain text."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.gui.export_dialog import ExportDialog  # noqa: E402
from annotator.gui.report_dialog import ReportDialog  # noqa: E402
from tests.support.gui import make_project  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
TEXT = "قالت المديرة إن \"المشروع سينتهي قريباً\" في 3 أيار 2025."
OTHER = "قالت المديرة في الاجتماع الثاني إن العمل مستمر."


def _sp(i, label, needle, annotator, status="accepted", text=TEXT, **attrs):
    s = text.index(needle)
    return {"id": i, "start": s, "end": s + len(needle), "label": label, "text": needle, "annotator": annotator,
            "status": status, "attrs": attrs}


DOCS = [
    {"id": "a", "meta": {"title": "أ"}, "text": TEXT, "status": {"ann1": "done"},
     "spans": [_sp(1, "QUOTE", "المشروع سينتهي قريباً", "ann1", type="direct"),
               _sp(2, "QUOTE", "سينتهي", "ann1", type="direct"),
               _sp(3, "SOURCE", "المديرة", "ann1"),
               _sp(4, "DATE", "3 أيار 2025", "ann1", "suggested", value="2025-05-03"),
               _sp(5, "CUE", "قالت", "ann1", "rejected"),
               _sp(6, "QUOTE", "المشروع سينتهي قريباً", "gold", type="direct")]},
    {"id": "b", "meta": {"title": "ب"}, "text": OTHER,
     "spans": [_sp(7, "SOURCE", "المديرة", "ann2", text=OTHER), _sp(8, "CUE", "قالت", "ann2", text=OTHER)]},
]


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "e.annot", DOCS)


@pytest.fixture
def run_dialog(monkeypatch):
    """Open File › Export, let `fill` set the widgets as a user would, press Export."""
    reports = []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: reports.append(self) or 0)

    def run(window, fill):
        dialogs = []

        def exec_(dialog):
            dialogs.append(dialog)
            fill(dialog)
            dialog.export_button.click()
            return dialog.result()
        monkeypatch.setattr(ExportDialog, "exec", exec_)
        window.a_export.trigger()
        return dialogs[0], reports[-1] if reports else None
    return run


def _choose(combo, data):
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)


def _records(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def test_native_export_of_everything_is_a_full_dump(driver_for, path, tmp_path, run_dialog):
    d = driver_for(path)
    out = tmp_path / "all.jsonl"
    dialog, report = run_dialog(d.window, lambda dl: dl.output.setText(str(out)))
    assert dialog.report.documents == 2
    assert not dialog.suggestions.isEnabled()  # a full dump carries suggestions anyway
    recs = {r["id"]: r for r in _records(out)}
    statuses = {(s["annotator"], s["status"]) for s in recs["a"]["spans"]}
    assert ("ann1", "suggested") in statuses and ("ann1", "rejected") in statuses and ("gold", "accepted") in statuses
    assert "Exported 2 documents" in report.summary.text() and str(out) in report.summary.text()


def test_one_layer_done_documents_some_labels(driver_for, path, tmp_path, run_dialog):
    d = driver_for(path)
    out = tmp_path / "ann1.jsonl"

    def fill(dl):
        _choose(dl.layer, "ann1")
        dl.only_done.setChecked(True)
        for name, box in dl.label_boxes.items():
            box.setChecked(name in ("QUOTE", "DATE"))
        dl.output.setText(str(out))
    dialog, report = run_dialog(d.window, fill)
    recs = _records(out)
    assert [r["id"] for r in recs] == ["a"]
    assert sorted((s["label"], s["text"]) for s in recs[0]["spans"]) == [("QUOTE", "المشروع سينتهي قريباً"),
                                                                         ("QUOTE", "سينتهي")]
    # The same choices on the command line make the same filter.
    from annotator.commands.export import filter_from_args

    args = argparse.Namespace(annotator=None, layer="ann1", labels="QUOTE,DATE", status="done",
                              include_suggestions=False, format="native")
    assert dialog.export_filter() == filter_from_args(args)


def test_suggestions_on_request_in_a_training_format(driver_for, path, tmp_path, run_dialog):
    d = driver_for(path)
    out = tmp_path / "p.jsonl"

    def fill(dl):
        _choose(dl.format, "prodigy")
        _choose(dl.layer, "ann1")
        dl.suggestions.setChecked(True)
        dl.output.setText(str(out))
    dialog, _ = run_dialog(d.window, fill)
    assert dialog.suggestions.isEnabled()
    rec = next(r for r in _records(out) if "3 أيار 2025" in r["text"] and r.get("spans"))
    labels = sorted(s["label"] for s in rec["spans"])
    assert "DATE" in labels and "CUE" not in labels  # suggested in, rejected out
    from annotator.commands.export import filter_from_args

    args = argparse.Namespace(annotator=None, layer="ann1", labels=None, status="any", include_suggestions=True,
                              format="prodigy")
    assert dialog.export_filter() == filter_from_args(args)


def test_split_writes_one_file_per_part(driver_for, path, tmp_path, run_dialog):
    d = driver_for(path)
    out = tmp_path / "split.jsonl"

    def fill(dl):
        dl.split.setChecked(True)
        dl.fractions["train"].setValue(0.5)
        dl.fractions["dev"].setValue(0.5)
        dl.fractions["test"].setValue(0.0)
        dl.seed.setValue(7)
        dl.output.setText(str(out))
    dialog, report = run_dialog(d.window, fill)
    assert dialog.split_spec() == "train=0.5,dev=0.5"
    files = [tmp_path / "split.train.jsonl", tmp_path / "split.dev.jsonl"]
    assert sum(len(_records(f)) for f in files) == 2
    assert "train:" in report.summary.text() and "dev:" in report.summary.text()


def test_bad_split_is_refused_and_the_dialog_stays(driver_for, path, tmp_path, monkeypatch, run_dialog):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.Ok)
    d = driver_for(path)

    def fill(dl):
        dl.split.setChecked(True)
        dl.fractions["train"].setValue(0.9)
        dl.output.setText(str(tmp_path / "x.jsonl"))
    dialog, report = run_dialog(d.window, fill)
    assert report is None and dialog.report is None and dialog.result() == 0
    assert "add up to" in shown[0]
    assert not list(tmp_path.glob("x*.jsonl"))


def test_problems_are_listed_in_plain_text(driver_for, path, tmp_path, run_dialog):
    d = driver_for(path)
    out = tmp_path / "bio.jsonl"

    def fill(dl):
        _choose(dl.format, "hf-bio")
        _choose(dl.layer, "ann1")
        dl.output.setText(str(out))
    dialog, report = run_dialog(d.window, fill)
    assert out.exists() and dialog.report.problems
    assert "overlaps" in report.details.toPlainText() and "1 problems" in report.summary.text()
    assert report.details.isReadOnly()


def test_brat_goes_to_a_folder(driver_for, path, tmp_path, run_dialog):
    d = driver_for(path)
    out = tmp_path / "brat.jsonl"

    def fill(dl):
        dl.output.setText(str(out))
        _choose(dl.format, "brat")  # the name follows the format: a folder, no extension
    dialog, _ = run_dialog(d.window, fill)
    assert dialog.output.text() == str(tmp_path / "brat")
    assert (tmp_path / "brat" / "annotation.conf").exists()


def test_screenshot_export_dialog(driver_for, path, tmp_path):
    d = driver_for(path)
    dialog = ExportDialog(d.window.project, d.window)
    _choose(dialog.format, "prodigy")
    _choose(dialog.layer, "ann1")
    dialog.split.setChecked(True)
    dialog.output.setText(str(tmp_path / "export.jsonl"))
    dialog.show()
    for _ in range(5):
        QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / "export_dialog.png"
    assert dialog.grab().save(str(out))
    dialog.close()


def _many(n):
    """n documents, distinct texts (import skips duplicates)."""
    return [dict(DOCS[0], id=f"d{i}", text=f"{TEXT} ({i})", status={}) for i in range(n)]


@pytest.mark.parametrize("fmt", ["prodigy", "native"])
def test_cancel_during_export_leaves_the_old_file(driver_for, tmp_path, monkeypatch, run_dialog, fmt):
    """The progress dialog's Cancel, clicked while the export runs, stops it; the file that
    was there before is unchanged and no partial file is left beside it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.Ok)
    d = driver_for(make_project(tmp_path / "many.annot", _many(300)))
    out = tmp_path / "out.jsonl"
    out.write_text("the previous export\n", encoding="utf-8")
    clicked = []

    def click_cancel(dl):
        (progress,) = dl.findChildren(QProgressDialog)  # this export's, not an earlier test's
        progress.findChild(QPushButton).click()  # the user's click on Cancel
        clicked.append(progress.labelText())

    def fill(dl):
        _choose(dl.format, fmt)
        dl.output.setText(str(out))
        QTimer.singleShot(0, lambda: click_cancel(dl))  # runs in the export's first event-loop turn

    dialog, report = run_dialog(d.window, fill)
    assert clicked == ["Exporting…"]
    assert report is None and dialog.report is None
    assert shown and "cancelled" in shown[-1]
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.glob("*out*")) == ["out.jsonl"]


def test_export_reports_progress_to_the_end(tmp_path):
    from annotator.core.exporter import export_project
    from annotator.core.project import Project

    path = make_project(tmp_path / "p.annot", _many(25))
    seen = []
    with Project.open(path, readonly=True) as p:
        report = export_project(p, str(tmp_path / "o.jsonl"), "doccano", progress=lambda done, total: seen.append(
            (done, total)))
    assert report.documents == 25 and seen[-1] == (25, 25) and [d for d, _ in seen] == list(range(1, 26))


def test_terminal_progress_bar_for_exports(tmp_path):
    """`annotator export` on a terminal: the bar reaches 100% and is wiped at the end."""
    import io

    from annotator.commands.common import TerminalProgress
    from annotator.core.exporter import export_project
    from annotator.core.project import Project

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    bar = TerminalProgress("exporting", stream)
    path = make_project(tmp_path / "p.annot", _many(12))
    with Project.open(path, readonly=True) as p:
        export_project(p, str(tmp_path / "o.jsonl"), "prodigy", progress=bar)
    bar.finish()
    shown = stream.getvalue().split("\r")
    assert "exporting [" in shown[1] and shown[-3].endswith("100.0%") and shown[-2].strip() == shown[-1] == ""
