"""The Arabic translation is complete and current, and the compiled .qm matches it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QTranslator  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "annotator_ar.ts"
QM = ROOT / "resources" / "i18n" / "annotator_ar.qm"


def _messages(path: Path):
    for ctx in ET.parse(path).getroot().iter("context"):
        for m in ctx.iter("message"):
            yield ctx.findtext("name"), m.findtext("source"), m.find("translation")


def test_every_string_has_an_arabic_translation():
    items = list(_messages(TS))
    assert len(items) > 200
    for ctx, source, tr in items:
        assert tr.get("type") not in ("unfinished",), (ctx, source)
        assert tr.text and tr.text.strip(), (ctx, source)
        if source.strip() and any(c.isalpha() for c in source) and not source.startswith("annotator"):
            assert any("\u0600" <= c <= "\u06ff" for c in tr.text), (ctx, source, tr.text)
        for marker in ("%1", "%2", "{0}", "{1}", "{error}", "{path}"):
            assert source.count(marker) == tr.text.count(marker), (source, tr.text)


def test_the_ts_file_holds_every_string_of_the_code(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    # Format titles live with their formats (core, marked with QT_TRANSLATE_NOOP).
    sources = sorted(str(p) for folder in (ROOT / "annotator" / "gui", ROOT / "annotator" / "core" / "formats")
                     for p in folder.rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c, s) for c, s, _ in _messages(fresh)}
    have = {(c, s) for c, s, _ in _messages(TS)}
    assert wanted - have == set(), "run lupdate and resources/i18n/translate_ar.py (see its docstring)"


def test_the_compiled_qm_translates(qapp):
    t = QTranslator()
    assert t.load(str(QM))
    assert t.translate("MainWindow", "&File") == "&ملف"
    assert t.translate("DocListModel", "Title") == "العنوان"
