"""File › Pull from / Push to team project and Document › Take my next document, in the
window: real widgets offscreen, real project files."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QDialog, QMessageBox  # noqa: E402

from annotator.core.assign import assignments, package_info, plan_assignment, record_plan  # noqa: E402
from annotator.core.importer import import_records  # noqa: E402
from annotator.core.native import parse_record  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.gui.report_dialog import ReportDialog  # noqa: E402
from annotator.gui.team_actions import PullDialog  # noqa: E402

TEXT = "أعلن المدرب رقم {} أن الفريق جاهز لمباراة السبت المقبل."


@pytest.fixture
def settings(tmp_path, monkeypatch):
    from annotator.gui.settings import Settings, open_qsettings

    monkeypatch.setenv("ANNOTATOR_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    s = Settings(open_qsettings(tmp_path / "settings"))
    s.annotator = "mona"
    return s


@pytest.fixture
def team(tmp_path):
    path = tmp_path / "team.annot"
    with Project.create(path) as p:
        records = [{"id": f"d{i}", "text": TEXT.format(i)} for i in range(8)]
        import_records(p, [(f"d{i}", parse_record(r, "x", p.scheme, "import"), 0) for i, r in enumerate(records)])
        record_plan(p, plan_assignment([1, 2, 3, 4], ["mona", "ali"], seed=5))
    return path


@pytest.fixture
def window(qtbot, settings):
    from annotator.gui.main_window import MainWindow

    made = []

    def make(path):
        w = MainWindow(settings, Project.open(path))
        qtbot.addWidget(w)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


def test_take_my_next_document_opens_mine_then_checks_out_a_free_one(window, team):
    w = window(team)
    assert w.team.a_next.isEnabled() and w.team.a_next.shortcut().toString() == "Ctrl+Shift+N"
    mine = sorted(d for d, who in assignments(w.project).items() if who == ("mona",))
    w.team.a_next.trigger()
    assert w.current_doc() == mine[0]
    for d in mine:
        w.project.set_doc_status(d, "mona", "done")
    w.ws.doc_panel.mine_check.setChecked(True)  # the list shows only mine: the new one must join it
    w.team.a_next.trigger()
    got = w.current_doc()
    assert got not in mine and got > 4 and assignments(w.project)[got] == ("mona",)
    assert w.ws.doc_panel.model.row_of(got) is not None
    assert "Your next document: d" in w.statusBar().currentMessage()


def test_pull_opens_my_copy_and_push_brings_the_work_back(window, team, tmp_path, monkeypatch, qtbot):
    shown = []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: shown.append(self) or 0)
    with Project.create(tmp_path / "blank.annot"):
        pass
    w = window(tmp_path / "blank.annot")

    def fill(dialog):
        assert isinstance(dialog, PullDialog) and dialog.annotator.text() == "mona"
        dialog.source.setText(str(team))
        dialog.out.setText(str(tmp_path / "mona.annot"))
        return QDialog.Accepted

    monkeypatch.setattr(PullDialog, "exec", fill)
    w.team.a_pull.trigger()
    assert package_info(tmp_path / "mona.annot")["source"] == str(team)
    assert w.project.path == tmp_path / "mona.annot"
    doc = next(w.project.documents())
    s = doc.text.index("المدرب")
    w.project.add_span(doc.num, s, s + 6, "SOURCE", "mona")
    report = w.team.push(str(team))
    assert report.changed and "spans: 1 written" in shown[-1].details.toPlainText()
    with Project.open(team, readonly=True) as p:
        assert [(x.label, x.annotator) for x in p.spans(doc.num, annotator="mona")] == [("SOURCE", "mona")]
    again = w.team.push(str(team))
    assert not again.changed
    # mona also changed that document in the team project, and then here: asked, her copy wins
    with Project.open(team) as p:
        p.add_span(doc.num, 0, 4, "CUE", "mona")
    w.project.add_span(doc.num, 0, 4, "DATE", "mona")
    asked = []
    monkeypatch.setattr("annotator.gui.team_actions.QMessageBox.question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    assert w.team.push(str(team)).changed
    assert "changed both in this copy and in the team project" in asked[-1]
    with Project.open(team, readonly=True) as p:
        assert sorted(x.label for x in p.spans(doc.num, annotator="mona")) == ["DATE", "SOURCE"]


def test_push_of_a_project_that_is_not_a_copy_is_refused(window, team, monkeypatch):
    told = []
    monkeypatch.setattr("annotator.gui.team_actions.message", lambda parent, title, text: told.append(text))
    w = window(team)
    assert w.team.push(str(team)) is None
    assert "not a copy pulled from a team project" in told[-1]
