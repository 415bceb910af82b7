"""Test configuration: Qt runs offscreen, set here so no caller has to remember; and the
fixtures tests in more than one folder share (the GUI ones import Qt only when asked for)."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture
def empty_project(tmp_path):
    """A new project with no documents."""
    from annotator.core.project import Project

    p = Project.create(tmp_path / "empty.annot")
    yield p
    p.close()


@pytest.fixture
def disputed(tmp_path):
    """Review project: two annotators who chose every attribute of t1 differently and agree on its cue."""
    from tests.support.review_data import CONFLICTS, team

    a = [(p, l, x) for p, l, x, _ in CONFLICTS] + [("قال", "CUE", {})]
    b = [(p, l, y) for p, l, _, y in CONFLICTS] + [("قال", "CUE", {})]
    p = team(tmp_path, {"amal": [("t1", a, ())], "badr": [("t1", b, ())]})
    yield p
    p.close()


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """The window's Settings, and the user data folder, in tmp_path: the first-run name question
    is answered in advance (tests.support.gui.ANNOTATOR) and the user's real files are never touched."""
    from annotator.gui.settings import Settings, open_qsettings
    from tests.support.gui import ANNOTATOR

    folder = tmp_path / "settings"
    monkeypatch.setenv("ANNOTATOR_SETTINGS_DIR", str(folder))
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    s = Settings(open_qsettings(folder))
    s.annotator = ANNOTATOR
    return s


@pytest.fixture
def driver_for(qtbot, settings):
    """driver_for(path, readonly=False) -> a WindowDriver on a real MainWindow; closed after the test."""
    from tests.support.gui import WindowDriver

    made = []

    def make(path, readonly=False):
        d = WindowDriver(qtbot, settings, path, readonly)
        made.append(d)
        return d

    yield make
    for d in made:
        if d.window.project is not None:
            d.window.close()
