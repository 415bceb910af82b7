"""Tools › Assign documents, Collect packages and Team progress in the window: real widgets,
real project files."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QDialog, QFileDialog  # noqa: E402

from annotator.core.assign import assignments  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.gui.team_actions import AssignDialog, ProgressDialog  # noqa: E402
from tests.support.gui import make_project  # noqa: E402

TEXTS = [f"أعلن المدرب رقم {i} أن الفريق جاهز لمباراة السبت المقبل." for i in range(10)]


@pytest.fixture
def team_path(tmp_path):
    return make_project(tmp_path / "team.annot", [{"id": f"d{i}", "text": t} for i, t in enumerate(TEXTS)])


def test_assign_collect_and_progress_from_the_menu(driver_for, team_path, tmp_path, reports, monkeypatch, qtbot):
    d = driver_for(team_path)
    w = d.window
    assert w.team.a_assign.isEnabled() and w.team.a_progress.isEnabled()
    out = tmp_path / "packages"

    def fill(dialog):
        assert isinstance(dialog, AssignDialog)
        dialog.names.setText("mona, ali")
        dialog.overlap.setValue(20)
        dialog.folder.setText(str(out))
        return QDialog.Accepted

    monkeypatch.setattr(AssignDialog, "exec", fill)
    w.team.a_assign.trigger()
    assert sorted(p.name for p in out.glob("*.annot")) == ["ali.annot", "mona.annot"]
    assert "Assigned 10 documents to 2 annotators; 2 of them are shared" in reports[-1].summary.text()
    assert len(assignments(w.project)) == 10
    # mona does two documents in her package; the reviewer collects it
    with Project.open(out / "mona.annot") as p:
        for doc in list(p.documents())[:2]:
            s = doc.text.index("المدرب")
            p.add_span(doc.num, s, s + 6, "SOURCE", "mona")
            p.set_doc_status(doc.num, "mona", "done")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(out / "mona.annot")], ""))
    w.team.a_collect.trigger()
    text = reports[-1].details.toPlainText()
    assert "mona: 6 of 6 assigned documents came back (2 done, 0 in progress, 4 to do)" in text
    assert "ali: no package came back" in text
    dialog = w.team.show_progress()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ProgressDialog)
    t = dialog.table
    rows = {t.item(r, 0).text(): [t.item(r, c).text() for c in range(1, 7)] for r in range(t.rowCount())}
    assert rows["mona"][:4] == ["6", "2", "0", "4"] and rows["ali"][:4] == ["6", "0", "0", "6"]
    assert t.cellWidget(0, 7).value() in (0, 2)
    assert "2 of 10 documents are shared" in dialog.summary.text()
    dialog.grab().save(str(tmp_path / "progress.png"))


def test_assign_refusal_writes_nothing(driver_for, team_path, tmp_path, monkeypatch):
    d = driver_for(team_path)
    messages = []
    monkeypatch.setattr("annotator.gui.team_actions.message", lambda parent, title, text, *a, **k: messages.append(text))
    result = d.window.team.assign({"annotators": ["mona", "Mona"], "overlap": 0.2, "per_doc": 2, "seed": 0,
                                   "by_status": None, "out": str(tmp_path / "p")})
    assert result is None and "named twice" in messages[-1]
    assert not (tmp_path / "p").exists() and not assignments(d.window.project)


def test_progress_says_when_nothing_is_assigned(driver_for, team_path, monkeypatch):
    d = driver_for(team_path)
    messages = []
    monkeypatch.setattr("annotator.gui.team_actions.message", lambda parent, title, text, *a, **k: messages.append(text))
    assert d.window.team.show_progress() is None
    assert "No document is assigned yet" in messages[-1]


def test_the_document_list_filters_what_is_assigned_to_me(driver_for, team_path, tmp_path, reports):
    from tests.support.gui import ANNOTATOR

    d = driver_for(team_path)
    panel = d.ws.doc_panel
    assert not panel.mine_check.isVisibleTo(panel)  # nothing assigned yet: not offered
    packages = d.window.team.assign({"annotators": [ANNOTATOR, "ali"], "overlap": 0.0, "per_doc": 2, "seed": 1,
                                     "by_status": None, "out": str(tmp_path / "p")})
    assert packages
    panel = d.window.ws.doc_panel
    assert panel.mine_check.isVisibleTo(panel)
    mine = {d.window.project.document(n).id for n, who in assignments(d.window.project).items() if ANNOTATOR in who}
    panel.mine_check.setChecked(True)
    shown = {panel.model.row_data(r)[1] for r in range(panel.model.rowCount())}
    assert shown == mine and len(mine) == 5
    panel.mine_check.setChecked(False)
    assert panel.model.rowCount() == 10
