"""The format registry: ARCHITECTURE.md's worked example (a TSV format), run as written, appears
in every place that lists formats once registered (CLI choices, export and import dialogs,
detection, validate, export and import, splits) and leaves them all once removed; and the
built-in formats are each one complete object."""

from __future__ import annotations

import json
import re
import types
from pathlib import Path

import pytest

from annotator.cli import build_parser, main
from annotator.core.formats import FORMATS
from annotator.core.formats.registry import FOLDER, Format
from annotator.core.importer import detect_format
from annotator.core.project import Project

ROOT = Path(__file__).resolve().parents[2]
TEXT = "قال الوزير إن \"الاتفاق قريب\" أمس.\tنهاية"
OTHER = "وأضاف المتحدث أن المحادثات مستمرة."


def _example() -> types.ModuleType:
    """The code of "Worked example: adding a format", as ARCHITECTURE.md gives it."""
    page = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = page.split("### Worked example: adding a format", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    module = types.ModuleType("annotator.core.formats.tsv")
    exec(compile(code, "ARCHITECTURE.md (tsv)", "exec"), module.__dict__)
    return module


def _choices(command: str) -> list[str]:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return next(a for a in sub.choices[command]._actions if a.dest == "format").choices


def _project(tmp_path: Path) -> Path:
    src = tmp_path / "src.jsonl"
    recs = [
        {"id": "a", "text": TEXT, "spans": [
            {"id": 1, "start": 0, "end": 3, "label": "CUE", "annotator": "mona"},
            {"id": 2, "start": 4, "end": 10, "label": "SOURCE", "annotator": "mona"},
            {"id": 3, "start": 4, "end": 10, "label": "SOURCE", "annotator": "omar"}]},
        {"id": "b", "text": OTHER, "spans": []},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    path = tmp_path / "p.annot"
    Project.create(path).close()
    assert main(["import", str(path), str(src)]) == 0
    return path


def _spans(path: Path) -> set:
    with Project.open(path, readonly=True) as p:
        return {(p.document(n).id, s.annotator, s.start, s.end, s.label)
                for n in p.document_nums() for s in p.spans(n)}


@pytest.fixture
def tsv():
    fmt = _example().FORMAT
    with FORMATS.added(fmt):
        yield fmt
    assert "tsv" not in FORMATS


def test_the_worked_example_is_offered_everywhere_once_registered(tsv, tmp_path):
    for command in ("export", "import", "validate"):
        assert "tsv" in _choices(command)
    assert "*.tsv" in FORMATS.read_patterns()
    (tmp_path / "x.tsv").write_text("", encoding="utf-8")
    assert detect_format(tmp_path / "x.tsv") == "tsv"


def test_the_worked_example_leaves_every_list_once_removed(tmp_path):
    fmt = _example().FORMAT
    with FORMATS.added(fmt):
        pass
    for command in ("export", "import", "validate"):
        assert "tsv" not in _choices(command)
    assert "*.tsv" not in FORMATS.read_patterns()
    with pytest.raises(Exception, match="unknown input type .tsv"):
        detect_format(tmp_path / "x.tsv")


def test_the_worked_example_exports_imports_validates_and_splits(tsv, tmp_path, capsys):
    proj = _project(tmp_path)
    out = tmp_path / "out.tsv"
    assert main(["export", str(proj), "-o", str(out), "--format", "tsv"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # a: mona and omar; b: nobody's
    assert main(["validate", "--format", "tsv", str(out)]) == 0
    again = tmp_path / "again.annot"
    Project.create(again).close()
    assert main(["import", str(again), str(out)]) == 0  # found by its ending
    assert _spans(again) == _spans(proj)

    bad = tmp_path / "bad.tsv"
    bad.write_text(lines[0].replace("[[0,3,", "[[0,99,") + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", "--format", "tsv", str(bad)]) == 1
    assert f"{bad}:1" in capsys.readouterr().out

    assert main(["export", str(proj), "-o", str(tmp_path / "s.tsv"), "--format", "tsv",
                 "--split", "train=0.5,test=0.5"]) == 0
    assert {p.name for p in tmp_path.glob("s.*.tsv")} == {"s.train.tsv", "s.test.tsv"}


def test_the_worked_example_is_in_both_dialogs(tsv, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from annotator.gui import import_actions
    from annotator.gui.export_dialog import ExportDialog
    from annotator.gui.import_actions import ImportActions

    project = Project.open(_project(tmp_path))
    try:
        dialog = ExportDialog(project)
        qtbot.addWidget(dialog)
        items = {dialog.format.itemData(i): dialog.format.itemText(i) for i in range(dialog.format.count())}
        assert items["tsv"] == "Spans as TSV (one line per document and annotator)"
        dialog.format.setCurrentIndex(dialog.format.findData("tsv"))
        dialog.output.setText(str(tmp_path / "out.jsonl"))
        dialog._update()
        assert dialog.output.text() == str(tmp_path / "out.tsv")
    finally:
        project.close()

    asked = []
    monkeypatch.setattr(import_actions.QFileDialog, "getOpenFileNames",
                        lambda *a: asked.append(a[3]) or ([], ""))
    window = QWidget()
    qtbot.addWidget(window)
    ImportActions(window).import_files()
    assert "*.tsv" in asked[0] and "*.ann" in asked[0]


def test_every_builtin_format_is_one_complete_object():
    names = [f.name for f in FORMATS]
    assert names == ["text", "native", "prodigy", "doccano", "label-studio", "brat", "hf-bio"]
    assert FORMATS.names("write") == ["native", "prodigy", "doccano", "label-studio", "brat", "hf-bio"]
    assert FORMATS.names("read") == ["text", "native", "prodigy", "doccano", "label-studio", "brat"]
    assert FORMATS.names("check") == ["native", "prodigy", "doccano", "label-studio", "brat", "hf-bio"]
    for f in FORMATS:
        assert isinstance(f, Format) and f.title
        if f.write is not None:
            assert f.folder == (f.extension == "") and (f.write_into is not None) == f.folder
        if f.read is not None:
            assert f.reads and f.offsets or f.name == "text"
    assert [f.name for f in FORMATS if f.full_dump] == ["native"]
    assert FORMATS["brat"].reads == (".ann", FOLDER)


def test_a_format_registered_twice_is_refused():
    with pytest.raises(ValueError, match="registered twice"):
        FORMATS.add(FORMATS["native"])
