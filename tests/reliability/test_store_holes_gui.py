"""Issue 13, through the window: a project emptied to 0 bytes, or with a row damaged inside,
is refused as damaged and its latest backup offered; accepting brings the work back."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from annotator.core import backup  # noqa: E402
from tests.support.gui import make_project  # noqa: E402

DOCS = [
    {"id": "a", "text": "قال المتحدث إن الجلسة انتهت مساء الخميس.",
     "spans": [{"start": 0, "end": 3, "label": "CUE", "annotator": "hala"}]},
    {"id": "b", "text": "نص ثان عن الطقس في المدينة."},
]


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _flip_annotator(path: Path) -> None:
    data = bytearray(path.read_bytes())
    at = data.rindex(b"hala")  # a name inside a row: SQLite's own check does not see it
    data[at + 3] ^= 1
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_empty, _flip_annotator], ids=["zero-bytes", "row-damage"])
def test_window_offers_the_backup_of_a_damaged_project(driver_for, tmp_path, monkeypatch, damage):
    path = Path(make_project(tmp_path / "w.annot", DOCS))
    d = driver_for(path)
    d.window.set_project(None)  # a clean close: the rows are in the main file
    backup.make_backup(path)
    damage(path)
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()) or QMessageBox.Cancel)
    assert not d.window.open_path(path)
    assert "damaged" in seen[0] and "Restoring it" in seen[0], seen
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()) or QMessageBox.Yes)
    assert d.window.open_path(path)
    assert d.window.ws.doc_panel.model.rowCount() == 2
    assert [s.annotator for s in d.window.project.spans(1)] == ["hala"]
