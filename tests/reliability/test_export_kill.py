"""Issue 13, item 5: a brat export and a --split export killed (SIGKILL) at any point leave
the previous export or the new one, whole; the next run removes what the killed one left
(or finishes its renames when every file was complete)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.exporter import export_project, make_filter
from annotator.core.formats.outputs import clean_leftovers
from annotator.core.importer import import_paths
from annotator.core.project import Project

WORKER = Path(__file__).with_name("export_kill_worker.py")
SPLIT = "train=0.5,dev=0.25,test=0.25"
N = 240


@pytest.fixture(scope="module")
def proj(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kill")
    src = tmp / "src.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(N):
            text = f"قال المتحدث رقم {i} إن الاجتماع سيعقد في اليوم {i * 7 % 31} من الشهر المقبل في المدينة {i}."
            fh.write(json.dumps({"id": f"d{i}", "text": text,
                                 "spans": [{"start": 0, "end": 3, "label": "CUE", "annotator": "ann1"}]},
                                ensure_ascii=False) + "\n")
    path = tmp / "p.annot"
    with Project.create(path) as p:
        import_paths(p, [src])
    return path


def _export(proj, out, fmt, split):
    with Project.open(proj, readonly=True) as p:
        export_project(p, str(out), fmt, make_filter(fmt), split=split)


def _state(out: Path, fmt: str, split: str | None) -> dict:
    """Every file the export consists of, with its bytes."""
    if fmt == "brat":
        return {str(f.relative_to(out)): f.read_bytes() for f in sorted(out.rglob("*")) if f.is_file()} \
            if out.exists() else {}
    from annotator.core.splits import split_output

    names = [split_output(str(out), part.split("=")[0], False) for part in split.split(",")] if split else [str(out)]
    return {Path(n).name: Path(n).read_bytes() for n in names if Path(n).exists()}


def _relabel(proj, label):
    with Project.open(proj, backup=False) as p:  # the first and the last document differ
        for key in ("d0", f"d{N - 1}"):
            for s in p.spans(p.document(key).num):
                p.update_span(s.id, label=label)


CASES = [  # (format, split, kill points)
    ("brat", None, ["doc:1", "doc:120", "doc:239", "commit", "exchange"]),
    ("brat", SPLIT, ["replay", "doc:150", "commit", "exchange"]),
    ("native", SPLIT, ["replay", "doc:60", "doc:200", "rename:2", "commit", "rename:4", "rename:5"]),
    ("prodigy", SPLIT, ["doc:130", "commit", "rename:5"]),
]


@pytest.mark.parametrize("fmt,split,points", CASES, ids=[f"{c[0]}-{'split' if c[1] else 'whole'}" for c in CASES])
def test_killed_export_leaves_old_or_new_whole(proj, tmp_path, fmt, split, points):
    out = tmp_path / ("out" if fmt == "brat" else "out.jsonl")
    env = dict(os.environ, ANNOTATOR_EXPORT_WORKERS="1")
    _relabel(proj, "CUE")
    _export(proj, out, fmt, split)
    old = _state(out, fmt, split)
    _relabel(proj, "SOURCE")
    tmp = tmp_path / "new"
    _export(proj, tmp / out.name, fmt, split)
    new = _state(tmp / out.name, fmt, split)
    assert old and new and old != new
    outcomes = []
    for point in points:
        r = subprocess.run([sys.executable, str(WORKER), str(proj), str(out), fmt, split or "-", point],
                           env=env, capture_output=True, text=True, timeout=120)
        assert r.returncode == -signal.SIGKILL, (point, r.stdout, r.stderr)
        now = _state(out, fmt, split)
        if fmt == "brat":  # a folder is swapped in one rename: whole at every moment
            assert now in (old, new), point
        clean_leftovers(out)  # what the next export to this output does first
        now = _state(out, fmt, split)
        assert now in (old, new), point
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], point
        outcomes.append("new" if now == new else "old")
        if now == new:  # put the old export back for the next kill
            _relabel(proj, "CUE")
            _export(proj, out, fmt, split)
            _relabel(proj, "SOURCE")
    assert "old" in outcomes and "new" in outcomes  # the points reach both sides of the swap


class _Cancel(Exception):
    pass


@pytest.mark.parametrize("split", [None, SPLIT])
def test_cancelled_folder_export_keeps_the_old_folder(proj, tmp_path, split):
    """The window's Cancel (an exception from the progress callback) midway through a brat export."""
    out = tmp_path / "out"
    _export(proj, out, "brat", split)
    old = _state(out, "brat", split)

    def progress(done, total):
        if done >= N // 2:
            raise _Cancel

    with Project.open(proj, readonly=True) as p, pytest.raises(_Cancel):
        export_project(p, str(out), "brat", make_filter("brat"), split=split, progress=progress)
    assert _state(out, "brat", split) == old
    assert [x.name for x in tmp_path.iterdir()] == ["out"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_the_old_folder_is_never_moved_away_on_linux(proj, tmp_path, monkeypatch):
    """The swap is one renameat2(RENAME_EXCHANGE): the target never disappears, not even
    between two renames."""
    out = tmp_path / "out"
    _export(proj, out, "brat", None)
    moved = []
    real = os.rename
    monkeypatch.setattr(os, "rename", lambda a, b, *r, **k: moved.append(Path(a)) or real(a, b, *r, **k))
    _export(proj, out, "brat", None)
    assert out not in moved and (out / "documents.jsonl").exists()
