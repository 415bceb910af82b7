"""Issue 13, item 8: an export that runs out of space (every format, and --split) prints one
line, keeps the previous export as it was, and leaves no partial file or folder.

Full disk two ways: RLIMIT_FSIZE in the exporting process (every write past the limit fails
with EFBIG, as in tests/reliability/full_disk_worker.py), and a real 8 MB tmpfs where
mounting is allowed (ENOSPC)."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.importer import import_paths
from annotator.core.project import Project

LIMIT = 48 * 1024  # above SQLite's 32 KB -shm, below every export of the project
FORMATS = {"native": "out.jsonl", "prodigy": "out.jsonl", "doccano": "out.jsonl", "label-studio": "out.json",
           "brat": "out", "hf-bio": "out.jsonl"}


@pytest.fixture(scope="module")
def proj(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("full")
    src = tmp / "src.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(400):
            text = f"قال المتحدث رقم {i} إن الاجتماع سيعقد في اليوم {i % 28 + 1} من الشهر المقبل في المدينة رقم {i}."
            fh.write(json.dumps({"id": f"d{i}", "text": text, "meta": {"title": f"عنوان الخبر رقم {i} " * 5},
                                 "spans": [{"start": 0, "end": 3, "label": "CUE", "annotator": "ann1"}]},
                                ensure_ascii=False) + "\n")
    path = tmp / "p.annot"
    with Project.create(path) as p:
        import_paths(p, [src])
    return path


def _cli(args, limit=None):
    def child():
        if limit:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    env = dict(os.environ, ANNOTATOR_EXPORT_WORKERS="1")
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True,
                          preexec_fn=child, env=env, timeout=120)


def _files(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _check_full(proj, out_dir: Path, fmt: str, split: str | None, limit=None, expect="too large", first=True):
    out = out_dir / FORMATS[fmt]
    args = ["export", str(proj), "-o", str(out), "--format", fmt] + (["--split", split] if split else [])
    if first:
        r = _cli(args)
        assert r.returncode == 0, r.stderr
    before = _files(out_dir)
    r = _cli(args + ["--status", "any"], limit)
    assert r.returncode == 1, (r.stdout, r.stderr)
    err = r.stderr.strip()
    assert "Traceback" not in err and err.count("\n") == 0 and expect in err and "unchanged" in err, err
    assert _files(out_dir) == before  # the old export, byte for byte, and nothing else
    assert [p.name for p in out_dir.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_file_size_limit_every_format(proj, tmp_path, fmt):
    _check_full(proj, tmp_path, fmt, None, LIMIT)


@pytest.mark.parametrize("fmt", ["native", "brat"])
def test_file_size_limit_split(proj, tmp_path, fmt):
    _check_full(proj, tmp_path, fmt, "train=0.6,dev=0.2,test=0.2", LIMIT)


@pytest.fixture
def small_fs(tmpfs):
    return tmpfs("8m", "mnt")


@pytest.mark.parametrize("fmt,split", [("native", None), ("brat", None), ("prodigy", "train=0.5,test=0.5")])
def test_real_full_disk(proj, small_fs, fmt, split):
    # The first export fits; a filler leaves too little room for a second copy beside it.
    out = small_fs / FORMATS[fmt]
    args = ["export", str(proj), "-o", str(out), "--format", fmt] + (["--split", split] if split else [])
    assert _cli(args).returncode == 0
    stat = os.statvfs(small_fs)
    free = stat.f_bavail * stat.f_frsize
    (small_fs / "filler").write_bytes(b"x" * max(0, free - 64 * 1024))
    _check_full(proj, small_fs, fmt, split, None, "disk is full", first=False)
