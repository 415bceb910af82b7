"""Disk full / read-only: a failing write leaves the project as it was and says so as a
WriteFailed the GUI can offer to retry; the project reopens intact.

Three ways to fill the disk: SQLite's max_page_count (in process), a real 3 MB tmpfs
(needs mount rights: root in a container; skipped otherwise), and RLIMIT_FSIZE in a
child process (any Linux user)."""

import json
import os
import resource  # noqa: F401 - the worker uses it; fail early where it is missing
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.errors import ImportFailed, ReadOnlyProject, WriteFailed
from annotator.core.importer import import_paths
from annotator.core.project import Project
from tests.reliability.util import annotated_project, dump

WORKER = Path(__file__).with_name("full_disk_worker.py")


@pytest.fixture(autouse=True)
def _backups(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))


def _integrity(path) -> str:
    with Project.open(path, backup=False) as p:
        return p.conn.execute("PRAGMA integrity_check").fetchone()[0]


def test_full_database_rolls_back_and_retry_succeeds(tmp_path):
    path = annotated_project(tmp_path / "p.annot")
    with Project.open(path, backup=False) as p:
        pages = p.conn.execute("PRAGMA page_count").fetchone()[0]
        p.conn.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is now full
        before = dump(path)
        edits = p.edits
        with pytest.raises(WriteFailed) as err:
            p.set_doc_meta(1, "note", "ن" * 50000)
        assert err.value.reason == "full"
        assert "disk is full" in str(err.value) and "nothing was changed" in str(err.value)
        with pytest.raises(WriteFailed):
            p.add_span(2, 0, 2, "CUE", "ann1", attrs=None, origin={"pad": "x" * 20000})
        assert dump(path) == before and p.edits == edits
        assert p.document(1).meta.get("note") is None
        # An import into a full project is refused whole, with the same reason.
        src = tmp_path / "more.txt"
        src.write_text("خبر جديد " * 3000, encoding="utf-8")
        with pytest.raises(ImportFailed) as imp:
            import_paths(p, [src])
        assert "disk is full" in str(imp.value)
        assert dump(path) == before
        # Space comes back: the same action, retried, is saved.
        p.conn.execute("PRAGMA max_page_count = 1073741823")
        p.set_doc_meta(1, "note", "ن" * 50000)
        assert p.edits == edits + 1
    assert _integrity(path) == "ok"
    with Project.open(path, readonly=True) as p:
        assert p.document(1).meta["note"] == "ن" * 50000


def _run_worker(path, *extra, stdin=None):
    return subprocess.Popen([sys.executable, str(WORKER), str(path), *map(str, extra)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=stdin, text=True)


def _check_report(lines):
    done = [l["done"] for l in lines if "done" in l]
    (failed,) = [l for l in lines if "failed" in l]
    (retry,) = [l for l in lines if "retry" in l]
    assert done, "the disk filled before the first edit: the test proves nothing"
    assert failed["type"] == "WriteFailed" and failed["unchanged"] is True, failed
    assert "nothing was changed" in failed["message"] and "\n" not in failed["message"]
    assert retry == {"retry": "failed", "unchanged": True, "reason": failed["reason"]}
    return done, failed


def _check_reopened(path, done):
    assert _integrity(path) == "ok"
    with Project.open(path, readonly=True) as p:
        annotators = {s.annotator for d in p.document_nums() for s in p.spans(d)}
        metas = {k for d in p.documents() for k in d.meta}
    for i in done:
        assert (f"a{i}" in annotators) if i % 2 == 0 else (f"k{i}" in metas)


def test_file_size_limit_write_fails_cleanly(tmp_path):
    path = annotated_project(tmp_path / "p.annot")
    limit = path.stat().st_size + 400_000
    proc = _run_worker(path, limit)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    lines = [json.loads(l) for l in out.splitlines()]
    done, failed = _check_report(lines)
    assert failed["reason"] in ("full", "io")
    _check_reopened(path, done)


@pytest.fixture
def small_fs(tmpfs):
    return tmpfs("3m", "small")


def test_full_disk_retry_after_freeing_space(small_fs):
    path = annotated_project(small_fs / "p.annot")
    filler = small_fs / "filler"
    free = os.statvfs(small_fs).f_bavail * os.statvfs(small_fs).f_frsize
    filler.write_bytes(b"\0" * max(0, free - 150_000))  # leave ~150 KB
    proc = _run_worker(path, "--wait", stdin=subprocess.PIPE)
    lines = []
    while True:
        line = proc.stdout.readline()
        assert line, proc.stderr.read()
        lines.append(json.loads(line))
        if "retry" in lines[-1]:
            break
    done, failed = _check_report(lines)
    assert failed["reason"] == "full"
    filler.unlink()  # the user frees space; the window is still open
    proc.stdin.write("\n")
    proc.stdin.flush()
    after = json.loads(proc.stdout.readline())
    proc.communicate(timeout=60)
    assert after == {"after_free": "saved"}
    _check_reopened(path, done)
    with Project.open(path, readonly=True) as p:
        assert p.document(2).meta["after"] == "saved after space was freed"


def test_read_only_filesystem_opens_read_only_and_refuses_writes(small_fs):
    path = annotated_project(small_fs / "p.annot")
    before = dump(path)
    r = subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot remount read-only: {r.stderr.strip()}")
    try:
        with Project.open(path) as p:
            assert p.readonly and "not writable" in p.readonly_reason
            assert len(p.spans(1)) == 3
            with pytest.raises(ReadOnlyProject):
                p.add_span(1, 0, 2, "CUE", "ann1")
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_fs)], capture_output=True)
    assert dump(path) == before
