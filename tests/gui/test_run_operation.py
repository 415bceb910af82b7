"""gui/operation.py: the one progress / Cancel / Retry loop of long operations, run with real
core calls on real project files under a real window (offscreen)."""

from __future__ import annotations

import threading
import time

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QPushButton  # noqa: E402

from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.suggest import suggest_project  # noqa: E402
from annotator.gui import operation  # noqa: E402
from annotator.gui.operation import Operation, run_operation  # noqa: E402

N = 30


@pytest.fixture(autouse=True)
def _backups(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))


@pytest.fixture
def window(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    w.resize(700, 400)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def texts(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(N):
        (folder / f"d{i:02}.txt").write_text(
            f"قال الوزير يوم 3 مارس 2021 إن الاجتماع رقم {i} انتهى. وأضاف: \"سنعود غداً\".", encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


@pytest.fixture
def project(tmp_path):
    p = Project.create(tmp_path / "p.annot")
    yield p
    p.close()


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes (errors, Retry questions) as (title, text); `answers` says what the user presses."""
    seen, answers = [], []

    def exec_(box):
        seen.append((box.windowTitle(), box.text()))
        answer = answers.pop(0) if answers else QMessageBox.Ok
        return answer() if callable(answer) else answer
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen, answers


def _documents(path) -> int:
    with Project.open(path, readonly=True) as p:
        return p.document_count()


def _spans(path) -> int:
    with Project.open(path, readonly=True) as p:
        return sum(len(p.spans(n)) for n in range(1, p.document_count() + 1))


def _fill_disk(project) -> None:
    """SQLite may grow the file no more: the next transaction that needs a page fails."""
    pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
    project.conn.execute(f"PRAGMA max_page_count = {pages}")


def _free_disk(project) -> None:
    project.conn.execute("PRAGMA max_page_count = 1073741823")


def test_the_dialog_shows_the_work_moving(window, project, texts, monkeypatch):
    monkeypatch.setattr(operation, "REDRAW_S", 0.0)  # every call redraws: the test sees each step
    seen = []

    def work(progress):
        def watched(done, total):
            progress(done, total)
            (dialog,) = window.findChildren(QProgressDialog)
            seen.append((dialog.isVisible(), dialog.windowTitle(), dialog.labelText(), dialog.value()))
        return import_paths(project, texts, progress=watched)

    report = run_operation(window, "Import documents", work, label="Importing…", minimum_ms=0)
    assert report is not None and project.document_count() == N
    assert len(seen) >= N
    assert {s[:3] for s in seen} == {(True, "Import documents", "Importing…")}
    values = [s[3] for s in seen]
    assert values == sorted(values) and values[0] < 100 and values[-1] >= 900
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))  # closed at the end


def test_cancel_stops_the_import_and_changes_nothing(window, project, texts):
    calls = []

    def work(progress):
        def counted(done, total):
            calls.append(done)
            progress(done, total)
        return import_paths(project, texts, progress=counted)

    def press_cancel():
        (dialog,) = window.findChildren(QProgressDialog)
        dialog.findChild(QPushButton).click()  # the user's click on Cancel

    QTimer.singleShot(0, press_cancel)  # runs in the first event-loop turn inside the work
    op = Operation(window, "Import documents", "Importing…",
                   cancelled="Import cancelled: nothing was imported.")
    assert op.run(work) is None
    assert op.outcome == "cancelled"
    assert len(calls) < N  # the core work stopped at Cancel, not at its end
    assert project.document_count() == 0 and _documents(project.path) == 0  # one transaction, rolled back
    assert window.statusBar().currentMessage() == "Import cancelled: nothing was imported."
    # and the project is usable: the same import runs to the end
    assert run_operation(window, "Import documents", lambda progress: import_paths(project, texts,
                                                                                    progress=progress)) is not None
    assert _documents(project.path) == N


def test_a_failed_write_offers_retry_and_retry_succeeds(window, project, texts, boxes):
    import_paths(project, texts)
    _fill_disk(project)
    seen, answers = boxes
    answers.append(lambda: _free_disk(project) or QMessageBox.Retry)  # the user frees space, presses Retry
    runs = []

    def work(progress):
        runs.append(1)
        return suggest_project(project, "tester", progress=progress)

    report = run_operation(window, "Suggest in all documents", work)
    assert len(seen) == 1
    title, text = seen[0]
    assert title == "Could not save" and text.startswith("Could not save your change. Nothing was changed.")
    assert "disk is full" in text
    assert len(runs) == 2 and report is not None and report.spans == 7 * N
    assert _spans(project.path) == 7 * N


def test_a_failed_write_given_up_changes_nothing(window, project, texts, boxes):
    import_paths(project, texts)
    _fill_disk(project)
    seen, answers = boxes
    answers.append(QMessageBox.Cancel)
    op = Operation(window, "Suggest in all documents")
    assert op.run(lambda progress: suggest_project(project, "tester", progress=progress)) is None
    assert op.outcome == "dropped" and len(seen) == 1 and "disk is full" in seen[0][1]
    _free_disk(project)
    assert _spans(project.path) == 0


def test_a_user_error_is_one_line_and_changes_nothing(window, project, tmp_path, boxes):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "نص"}\n{"id": "b", "text": \n', encoding="utf-8")
    seen, _ = boxes
    op = Operation(window, "Import documents", refused="Import refused: nothing was imported")
    assert op.run(lambda progress: import_paths(project, [bad], progress=progress)) is None
    assert op.outcome == "refused"
    ((title, text),) = seen
    assert title == "Import refused: nothing was imported"
    assert text.startswith(f"{bad}:") and ":2" in text and "\n" not in text and "Traceback" not in text
    assert _documents(project.path) == 0


def test_a_thread_computes_and_a_failed_commit_is_retried_alone(window, project, texts, boxes):
    """Thread mode: the work never touches the project; its result is stored by `commit` on the
    GUI thread, and a failed store is retried without computing again."""
    import_paths(project, texts)
    _fill_disk(project)
    seen, answers = boxes
    answers.append(lambda: _free_disk(project) or QMessageBox.Retry)
    computed, stored, threads = [], [], []

    def work(progress):
        threads.append(threading.current_thread() is threading.main_thread())
        for i in range(5):
            progress(i + 1, 5)
        computed.append(1)
        return "ن" * 60000  # larger than the free space of the file's pages

    def commit(value):
        stored.append(1)
        project.set_doc_meta(1, "note", value)
        return value

    result = run_operation(window, "Train recommender", work, thread=True, commit=commit, minimum_ms=0)
    assert threads == [False] and computed == [1] and stored == [1, 1]
    assert result == "ن" * 60000 and len(seen) == 1 and "disk is full" in seen[0][1]
    with Project.open(project.path, readonly=True) as p:
        assert p.document(1).meta["note"] == result


def test_cancel_in_a_thread_stores_nothing(window, project, texts, qtbot):
    import_paths(project, texts)
    stored, ticks = [], []

    def work(progress):
        t0 = time.monotonic()
        while not progress.cancel.is_set() and time.monotonic() - t0 < 20:
            progress(1, 2)
            time.sleep(0.005)
        return "computed"

    op = Operation(window, "Train recommender", "Training…", thread=True, commit=stored.append, minimum_ms=0,
                   cancelled="Training was cancelled: no model was stored.")
    op.start(work)
    op.worker.progressed.connect(lambda *_: ticks.append(1))
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=10000)
    assert op.dialog.isVisible()
    t0 = time.monotonic()
    op.dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: op.outcome is not None, timeout=10000)
    assert time.monotonic() - t0 < 5
    assert op.outcome == "cancelled" and op.result is None and stored == [] and op.dialog is None
    assert window.statusBar().currentMessage() == "Training was cancelled: no model was stored."
