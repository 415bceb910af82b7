"""Tools › Recommender in the window: background training with progress and Cancel (the window
keeps running), suggesting as one undo step, next document by uncertainty, automatic
retraining, the learning-curve view."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QMessageBox, QPushButton  # noqa: E402

from annotator.core.project import Project  # noqa: E402
from annotator.core.recommender import train as rtrain  # noqa: E402
from annotator.core.recommender.store import versions  # noqa: E402
from annotator.core.scheme import Scheme  # noqa: E402
from benchmarks.bench_recommender import ENTITY_SCHEME, entity_records  # noqa: E402
from tests.support.gui import ANNOTATOR  # noqa: E402

FP = "وصل القطار إلى المحطة الأخيرة في موعده. والتقى أحمد العلي بوفد من وزارة الصحة في دمشق."


@pytest.fixture
def path(tmp_path):
    from annotator.core.importer import import_records, iter_native
    import json

    recs = entity_records(30, seed=5)
    for r in recs:
        for s in r["spans"]:
            s["annotator"] = ANNOTATOR
    todo = [{"id": f"todo-{i}", "text": f"{FP} {i}", "meta": {}} for i in range(3)]
    todo.append({"id": "todo-long", "text": " ".join([FP] * 5), "meta": {}})
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs + todo), encoding="utf-8")
    path = tmp_path / "r.annot"
    with Project.create(path, Scheme.from_dict(ENTITY_SCHEME)) as p:
        import_records(p, iter_native([src], p.scheme, ANNOTATOR))
        for r in recs[:26]:
            p.set_doc_status(p.document(r["id"]).num, ANNOTATOR, "done")
    return path


def _answer(monkeypatch):
    seen = []

    def exec_(box):
        seen.append(box.text())
        return QMessageBox.Yes
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def _versions(path):
    with Project.open(path, readonly=True) as p:
        return versions(p)


def _slow_iterations(monkeypatch, seconds: float) -> None:
    """Each message of the optimizer also sleeps a little in the worker (without the GIL): a
    small training on a fast machine would otherwise end before the test can look at it or
    cancel it."""
    message = rtrain._Trainer.message
    monkeypatch.setattr(rtrain._Trainer, "message", lambda self, m: (time.sleep(seconds), message(self, m))[1])


def _wait_idle(qtbot, rec, timeout=60000):
    qtbot.waitUntil(lambda: rec.worker is None, timeout=timeout)


def test_training_runs_in_a_worker_with_progress_and_the_window_keeps_running(driver_for, path, monkeypatch):
    seen = _answer(monkeypatch)
    # A training long enough (some hundreds of iterations) to see the window's timers run beside it.
    monkeypatch.setitem(rtrain.PARAMS, "max_iterations", 300)
    monkeypatch.setitem(rtrain.PARAMS, "epsilon", 1e-30)
    monkeypatch.setitem(rtrain.PARAMS, "delta", 0.0)
    _slow_iterations(monkeypatch, 0.002)
    d = driver_for(path)
    rec = d.window.recommender
    during = []
    timer = QTimer()
    timer.timeout.connect(lambda: rec.worker is not None and rec.worker.isRunning() and during.append(1))
    timer.start(10)
    values = []
    assert rec.start_training(show_dialog=True)
    rec.worker.progressed.connect(lambda v, _t: values.append(v))
    assert rec.progress_dialog is not None and rec.progress_dialog.isVisible()
    assert rec.a_cancel.isEnabled() and not rec.start_training()  # one training at a time
    _wait_idle(qtbot=d.qtbot, rec=rec)
    timer.stop()
    assert len(during) >= 3  # the event loop ran while the worker trained
    assert values and values == sorted(values)
    rows = _versions(path)
    assert [r["docs"] for r in rows] == [26] and rows[0]["scores"]["held_out"] >= 1
    assert any("recommender v1" in s for s in seen)
    assert rec.progress_dialog is None and not rec.a_cancel.isEnabled()


def test_cancel_stops_training_and_stores_nothing(driver_for, path, monkeypatch):
    _answer(monkeypatch)
    # Enough iterations that training is still running when Cancel is pressed.
    monkeypatch.setitem(rtrain.PARAMS, "max_iterations", 100000)
    monkeypatch.setitem(rtrain.PARAMS, "epsilon", 1e-30)
    monkeypatch.setitem(rtrain.PARAMS, "delta", 0.0)
    _slow_iterations(monkeypatch, 0.01)
    d = driver_for(path)
    rec = d.window.recommender
    assert rec.start_training(show_dialog=True)
    ticks = []
    rec.worker.progressed.connect(lambda v, _t: ticks.append(v))
    d.qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=30000)  # iterations are running
    rec.progress_dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    t0 = time.perf_counter()
    _wait_idle(d.qtbot, rec, timeout=20000)
    assert time.perf_counter() - t0 < 5
    assert _versions(path) == []
    assert "cancelled" in d.window.statusBar().currentMessage()
    assert rec.progress_dialog is None
    monkeypatch.setitem(rtrain.PARAMS, "max_iterations", 30)  # and training can start again
    assert rec.start_training(show_dialog=False)
    _wait_idle(d.qtbot, rec)
    assert len(_versions(path)) == 1


def test_suggest_in_this_document_is_one_undo_step_and_next_document_follows_the_model(driver_for, path,
                                                                                        monkeypatch):
    _answer(monkeypatch)
    d = driver_for(path)
    rec = d.window.recommender
    assert rec.start_training(show_dialog=False)
    _wait_idle(d.qtbot, rec)
    with Project.open(path, readonly=True) as p:
        first = p.document("todo-0").num
        long_doc = p.document("todo-long").num
    d.ws.doc_panel.select_num(first)
    n = rec.suggest_document()
    assert n > 0
    with Project.open(path, readonly=True) as p:
        spans = p.spans(first, ANNOTATOR)
        text = p.document(first).text
    assert {(text[s.start:s.end], s.label) for s in spans} >= {("أحمد العلي", "PERSON"), ("دمشق", "PLACE")}
    assert all(s.status == "suggested" for s in spans) and any(s.rule == "recommender v1" for s in spans)
    d.c.step(backward=True)  # one Ctrl+Z takes them all back
    with Project.open(path, readonly=True) as p:
        assert p.spans(first, ANNOTATOR) == []

    rec.set_order("gain")
    assert rec.next_document() == long_doc  # five times the text: the most expected corrections
    assert d.window.current_doc() == long_doc
    nxt = rec.next_document()
    assert nxt not in (long_doc, None)


def test_automatic_retraining_after_n_done_documents_and_the_curve(driver_for, path, monkeypatch, tmp_path):
    _answer(monkeypatch)
    d = driver_for(path)
    rec = d.window.recommender
    rec.enable_auto(2)
    assert rec.check_auto()  # nothing trained yet: 26 done documents are more than 2
    _wait_idle(d.qtbot, rec)
    assert [r["docs"] for r in _versions(path)] == [26]
    assert not rec.check_auto()
    with Project.open(path, readonly=True) as p:
        more = [p.document(f"ent-5-{i:04d}").num for i in (26, 27)]
    d.c.set_doc_status("done", more[0])
    assert not rec.check_auto()  # one newly done document is not two
    d.c.set_doc_status("done", more[1])
    d.qtbot.waitUntil(lambda: rec.worker is not None, timeout=5000)  # the poll timer starts it
    _wait_idle(d.qtbot, rec)
    assert [r["docs"] for r in _versions(path)] == [26, 28]
    dialog = rec.show_curve()
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 1).text() == "28"
    assert dialog.chart.labels() == ["ORG", "PERSON", "PLACE"]
    dialog.grab().save(str(tmp_path / "curve.png"))
    assert dialog.compute()  # the curve from subsets of the done documents, in a worker
    d.qtbot.waitUntil(lambda: dialog.worker.isFinished(), timeout=60000)
    d.qtbot.waitUntil(lambda: dialog.table.item(0, 0).text() == "—", timeout=5000)
    assert dialog.table.item(0, 1).text() == "10" and 0 <= float(dialog.table.item(0, 3).text()) <= 1
    dialog.grab().save(str(tmp_path / "curve-computed.png"))
    dialog.close()


def test_closing_the_window_during_training_stops_it_and_stores_nothing(driver_for, path, monkeypatch):
    _answer(monkeypatch)
    monkeypatch.setitem(rtrain.PARAMS, "max_iterations", 100000)
    monkeypatch.setitem(rtrain.PARAMS, "epsilon", 1e-30)
    monkeypatch.setitem(rtrain.PARAMS, "delta", 0.0)
    _slow_iterations(monkeypatch, 0.01)
    d = driver_for(path)
    rec = d.window.recommender
    assert rec.start_training(show_dialog=False)
    worker = rec.worker
    ticks = []
    worker.progressed.connect(lambda v, _t: ticks.append(v))
    d.qtbot.waitUntil(lambda: len(ticks) >= 2, timeout=30000)
    t0 = time.perf_counter()
    d.window.close()
    assert worker.isFinished() and time.perf_counter() - t0 < 5
    assert _versions(path) == []
