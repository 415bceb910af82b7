"""Issue 13, item 11: ids, annotator names, labels and text from a project or an input file
reach the terminal with their control characters escaped, in every command's output,
errors and progress."""

from __future__ import annotations

import io
import json
import re

import pytest

from annotator.cli import main
from annotator.core.importer import import_paths
from annotator.core.project import Project

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;owned\x07"
CSI = "\x9b31m"  # C1 form of ESC [
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what must never come out (tab, newline may)
HOSTILE_ID = f"doc{CLEAR}{TITLE}"
HOSTILE_NAME = f"mona{CSI}\rforged"


@pytest.fixture
def proj(tmp_path):
    src = tmp_path / "src.jsonl"
    text = f"قال المتحدث {CLEAR} إن الاجتماع {TITLE} سيعقد\tغداً {CSI}.\nسطر ثان."
    rec = {"id": HOSTILE_ID, "text": text, "meta": {"title": TITLE},
           "spans": [{"start": 0, "end": 3, "label": "CUE", "annotator": HOSTILE_NAME},
                     {"start": 4, "end": 20, "label": "SOURCE", "annotator": HOSTILE_NAME}],
           "status": {HOSTILE_NAME: "done"}}
    src.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        import_paths(p, [src])
    return path


def _clean(capsys, code, argv):
    assert main(argv) == code
    out, err = capsys.readouterr()
    for stream in (out, err):
        assert not RAW.search(stream), (argv, stream)
    return out, err


def test_stats(proj, capsys):
    out, _ = _clean(capsys, 0, ["stats", str(proj)])
    assert "\\u009b" in out  # the name is shown, escaped
    out, _ = _clean(capsys, 0, ["stats", str(proj), "--json"])
    assert HOSTILE_NAME in json.loads(out)["spans_by_annotator"]  # still valid JSON, same name


@pytest.mark.parametrize("flags", [[], ["--logical"], ["--annotator", HOSTILE_NAME]])
def test_show(proj, capsys, flags):
    out, _ = _clean(capsys, 0, ["show", str(proj), HOSTILE_ID, *flags])
    assert "\\u001b[2J" in out and "\\u0007" in out and "\\u000d" in out
    assert "\t" in out  # a tab in the text is kept


def test_show_with_colours_keeps_only_ours(proj, capsys, monkeypatch):
    import sys

    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    monkeypatch.setattr(sys, "stdout", tty)
    assert main(["show", str(proj), HOSTILE_ID]) == 0
    shown = tty.getvalue()
    assert "\x1b[4;" in shown  # the span colours are there
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", shown)  # ours: SGR colour codes only
    assert not RAW.search(stripped), stripped
    assert "\x1b[2J" not in shown and "\x1b]" not in shown and "\x9b" not in shown and "\x07" not in shown


def test_errors(proj, tmp_path, capsys):
    _clean(capsys, 1, ["show", str(proj), f"missing{CLEAR}"])
    bad = tmp_path / f"bad{TITLE}.jsonl"
    bad.write_text(json.dumps({"id": HOSTILE_ID, "text": "x", "spans": [{"start": 0, "end": 9, "label": "CUE"}]})
                   + "\n", encoding="utf-8")
    _clean(capsys, 1, ["import", str(proj), str(bad)])
    _clean(capsys, 1, ["validate", str(bad)])
    dup = tmp_path / "dup.jsonl"
    dup.write_text(json.dumps({"id": HOSTILE_ID, "text": "another text"}) + "\n", encoding="utf-8")
    _, err = _clean(capsys, 1, ["import", str(proj), str(dup)])
    assert "already in the project" in err


def test_export_summary_and_progress(proj, tmp_path, capsys, monkeypatch):
    import sys

    class Tty(io.StringIO):
        def isatty(self):
            return True

    out = tmp_path / f"out{TITLE}.jsonl"
    _clean(capsys, 0, ["export", str(proj), "-o", str(out), "--format", "doccano"])
    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    assert main(["export", str(proj), "-o", str(out)]) == 0
    shown = tty.getvalue()
    assert "\r" in shown  # the progress bar's own carriage return
    assert not RAW.search(shown.replace("\r", "")), shown
