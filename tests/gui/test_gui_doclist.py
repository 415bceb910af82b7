"""The document list: lazy paging, filters by status and text, counts."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from annotator.core.project import Project  # noqa: E402
from annotator.gui.doc_list import PAGE, DocListPanel  # noqa: E402
from tests.support.gui import make_project  # noqa: E402

N = 1500


@pytest.fixture
def paged_project(tmp_path):
    recs = [{"id": f"d{i:05d}", "meta": {"title": f"عنوان {i}"}, "text": f"نص رقم {i} " + ("الوزير" if i % 100 == 0 else "")}
            for i in range(N)]
    recs[7]["spans"] = [{"start": 0, "end": 2, "label": "CUE", "annotator": "me"},
                        {"start": 3, "end": 6, "label": "CUE", "annotator": "other", "status": "rejected"}]
    p = Project.open(make_project(tmp_path / "big.annot", recs))
    yield p
    p.close()


def test_rows_are_fetched_a_page_at_a_time(qtbot, paged_project):
    panel = DocListPanel(paged_project, "me")
    qtbot.addWidget(panel)
    m = panel.model
    assert m.rowCount() == N
    assert len(m._pages) <= 1  # nothing but what was displayed
    assert m.data(m.index(N - 1, 0)) == f"d{N - 1:05d}"
    assert set(m._pages) <= {0, (N - 1) // PAGE}
    assert m.data(m.index(7, 3)) == 1  # rejected spans are not counted
    assert m.data(m.index(3, 1)) == "عنوان 3"


def test_filters_by_status_and_text(qtbot, paged_project):
    panel = DocListPanel(paged_project, "me")
    qtbot.addWidget(panel)
    paged_project.set_doc_status(paged_project.document("d00002").num, "me", "done")
    paged_project.set_doc_status(paged_project.document("d00004").num, "other", "done")
    panel.update_progress()
    from PySide6.QtCore import QLocale

    assert panel.progress.text().startswith(f"1 of {QLocale().toString(N)} done")
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("done"))
    assert [panel.model.data(panel.model.index(r, 0)) for r in range(panel.model.rowCount())] == ["d00002"]
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("todo"))
    assert panel.model.rowCount() == N - 1
    panel.status_combo.setCurrentIndex(0)
    panel.filter_edit.setText("الوزير")
    qtbot.waitUntil(lambda: panel.model.rowCount() == N // 100, timeout=3000)  # debounced
    assert "shown" in panel.progress.text()
    panel.filter_edit.setText("100%")  # LIKE wildcards are literal
    panel.apply_filter()
    assert panel.model.rowCount() == 0
    panel.filter_edit.setText("d0012")
    panel.apply_filter()
    assert panel.model.rowCount() == 10


def test_current_document_and_stepping(qtbot, paged_project):
    panel = DocListPanel(paged_project, "me")
    qtbot.addWidget(panel)
    seen = []
    panel.currentDocChanged.connect(seen.append)
    panel.select_row(0)
    panel.step(1)
    panel.step(1)
    panel.step(-1)
    nums = [panel.model.num_at(r) for r in (0, 1, 2, 1)]
    assert seen == nums
    assert panel.next_after(nums[-1]) == panel.model.num_at(2)
    assert panel.model.data(panel.model.index(0, 0), Qt.ToolTipRole).startswith("<p")
