"""Fixtures shared by the GUI tests (settings and driver_for, also used outside gui/, are in
tests/conftest.py)."""

import pytest


@pytest.fixture
def arabic():
    """The Arabic translation installed for the test, English again after it."""
    from PySide6.QtWidgets import QApplication

    from annotator.gui.i18n import Translations

    t = Translations()
    t.install(QApplication.instance(), "ar")
    yield t
    t.install(QApplication.instance(), "en")


@pytest.fixture
def reports(monkeypatch):
    """ReportDialogs the window opens, kept (not shown) for the test to read."""
    from annotator.gui.report_dialog import ReportDialog

    shown = []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: shown.append(self) or 0)
    return shown


@pytest.fixture
def review_project(tmp_path):
    """Review project of three annotators: "busy" (cue, source, quotes long and short, dates
    2022-03 and 2021-03, links) and "calm" (one source both agree on)."""
    from tests.support.review_data import (CUE, DATE_A, DATE_B, OTHER, QUOTE_LONG, QUOTE_SHORT, S, SOURCE, TEXT,
                                           build, record)

    layers = {"a": [CUE, SOURCE, QUOTE_LONG, DATE_A], "b": [CUE, SOURCE, QUOTE_SHORT, DATE_A],
              "c": [CUE, QUOTE_LONG, DATE_B]}
    rels = {"a": [("source", 2, 1), ("cue", 2, 0)], "b": [("cue", 2, 0)], "c": [("cue", 1, 0)]}
    calm = {"a": [S("مصادر مطلعة", "SOURCE", text=OTHER)], "b": [S("مصادر مطلعة", "SOURCE", text=OTHER)]}
    p = build(tmp_path / "review.annot", [record("calm", OTHER, calm, done="ab"),
                                          record("busy", TEXT, layers, done="abc", relations=rels)])
    yield p
    p.close()
