"""Adversarial checks of the review window: competing attribute values that differ must not
look the same in the "what differs" table."""

from __future__ import annotations

import json
import unicodedata

import pytest

pytest.importorskip("pytestqt")

from annotator.core.importer import import_records  # noqa: E402
from annotator.core.native import parse_record  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.scheme import Scheme, default_scheme  # noqa: E402
from tests.support.review_data import record  # noqa: E402

TEXT = "قال المتحدث باسم الوزارة إن الاتفاق سيوقع غدا."
NAMES = {"amal": "لا", "badr": "\ufefb", "cyra": "لا\u200f"}  # lam-alef, its ligature, with an RLM


@pytest.fixture
def notes_project(tmp_path):
    raw = json.loads(default_scheme().to_json())
    source = next(lab for lab in raw["labels"] if lab["name"] == "SOURCE")
    source.setdefault("attributes", []).append({"name": "note", "type": "text"})
    p = Project.create(tmp_path / "r.annot", scheme=Scheme.from_dict(raw))
    s = TEXT.index("المتحدث")
    layers = {a: [(s, s + len("المتحدث باسم الوزارة"), "SOURCE", {"kind": "person", "note": v})]
              for a, v in NAMES.items()}
    rec = record("d", TEXT, layers, done=tuple(NAMES))
    import_records(p, [("x:1", parse_record(rec, "rec 1", p.scheme, "import"), 0)])
    yield p
    p.close()


def test_values_that_differ_never_look_alike(qtbot, notes_project):
    from annotator.gui.review import ReviewWindow

    w = ReviewWindow(notes_project, "hind")
    qtbot.addWidget(w)
    w.show()
    t = w.diff_table
    heads = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    [row] = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())
             if t.item(r, 0).text() == "note"]
    cells = {h: row[heads.index(h)] for h in NAMES}
    # distinct to the eye: the ligature ﻻ reads as لا, so compared in their compatibility form
    assert len({unicodedata.normalize("NFKC", c) for c in cells.values()}) == 3, cells
    assert "U+200F" in cells["cyra"]
