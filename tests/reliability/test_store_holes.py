"""Issue 13, the project store: holes an independent attack found in opening, backups,
the one-writer lock and the open checks. Each test failed before its fix."""

from __future__ import annotations

import os
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core import backup
from annotator.core.errors import DamagedProject, ProjectError
from annotator.core.project import Project

from .util import annotated_project, dump, dump_hash


def cli(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def one_line_error(r) -> str:
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    return r.stderr


def touch_and_reopen(path: Path, rounds: int) -> None:
    """`rounds` writable opens, each after an edit, so each takes a backup."""
    for i in range(rounds):
        with Project.open(path) as p:
            p.set_doc_meta(1, "round", str(i))


# ----- item 2: a zero-byte project is not a new one --------------------------------------------
def test_zero_byte_project_is_refused_as_damaged_and_its_backups_survive(tmp_path):
    path = annotated_project(tmp_path / "work.annot")
    touch_and_reopen(path, 2)
    Project.open(path).close()  # backs up the last round's edit
    good = dump_hash(path)
    before = [b.path for b in backup.list_backups(path)]
    path.write_bytes(b"")  # `: > work.annot`
    (tmp_path / "more.txt").write_text("نص جديد للاستيراد.", encoding="utf-8")
    for _ in range(backup.KEEP + 2):  # the attack: import again and again
        err = one_line_error(cli("import", path, tmp_path / "more.txt"))
        assert "damaged" in err and "0 bytes" in err and "annotator restore" in err
    assert path.stat().st_size == 0  # nothing initialised it
    for readonly in (False, True):
        with pytest.raises(DamagedProject, match="annotator restore"):
            Project.open(path, readonly=readonly)
    with pytest.raises(ProjectError, match="annotator restore"):
        Project.create(path)  # `annotator new` does not silently start over either
    assert [b.path for b in backup.list_backups(path)] == before
    assert "restored" in cli("restore", path).stdout
    assert dump_hash(path) == good


def test_zero_byte_file_without_backups_is_not_a_project(tmp_path):
    path = tmp_path / "blank.annot"
    path.write_bytes(b"")
    err = one_line_error(cli("stats", path))
    assert "empty" in err and "annotator new" in err
    with pytest.raises(ProjectError, match="empty"):
        Project.open(path)
    assert path.stat().st_size == 0
    with Project.create(path) as p:  # only `new` makes it a project
        assert p.document_count() == 0


def test_backups_holding_more_work_than_the_file_are_not_pruned(tmp_path):
    path = annotated_project(tmp_path / "work.annot")
    touch_and_reopen(path, 1)
    full = backup.list_backups(path)
    assert full and backup.work_done(full[0].path)[0] == 3
    # The file is replaced by a new, empty project (or an old copy) and work goes on.
    fresh = tmp_path / "fresh.annot"
    Project.create(fresh).close()
    shutil.copyfile(fresh, path)
    Path(str(path) + "-wal").unlink(missing_ok=True)
    warnings = []
    for i in range(backup.KEEP + 3):
        with Project.open(path) as p:
            warnings += p.warnings
            p.set_scheme(p.scheme)
    kept = {b.path for b in backup.list_backups(path)}
    assert {b.path for b in full} <= kept, "a backup holding the lost work was pruned"
    assert any("kept" in w and "--prune" in w and "3 documents" in w for w in warnings), warnings
    # The user confirms: then the rotation applies again.
    r = cli("restore", path, "--prune")
    assert r.returncode == 0, r.stderr
    assert len(backup.list_backups(path)) == backup.KEEP
    assert not ({b.path for b in full} & {b.path for b in backup.list_backups(path)})


# ----- item 13b: read-only commands never write ---------------------------------------------
def test_stats_leaves_a_foreign_empty_sqlite_file_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.execute("DROP TABLE t")  # a real SQLite file with a header and no tables
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert before.startswith(b"SQLite format 3\x00")
    err = one_line_error(cli("stats", path))
    assert "not an annotator project" in err
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists()
    with pytest.raises(ProjectError, match="not an annotator project"):
        Project.open(path)
    assert path.read_bytes() == before


def test_read_only_open_of_an_older_schema_does_not_upgrade_it(tmp_path):
    from tests.support.schema_v1 import make_v1

    path = tmp_path / "old.annot"
    make_v1(path)
    before = dump(path)
    version = lambda: sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]  # noqa: E731
    r = cli("stats", path, "--json")
    assert r.returncode == 0, r.stderr
    assert '"spans": 1' in r.stdout
    assert version() == 1 and dump(path) == before
    with Project.open(path, readonly=True) as p:
        assert [s.label for s in p.spans(1)] == ["CUE"]
        assert p.conn.execute("SELECT count(*) FROM review_decisions").fetchone()[0] == 0
    assert version() == 1 and dump(path) == before


# ----- item 9: a log file that cannot be read is never skipped silently -------------------------
@pytest.fixture
def small_fs(tmpfs):
    return tmpfs("8m", "small")


_LEAVE_WAL = """
import os, sys
from annotator.core.project import Project
p = Project.open(sys.argv[1], backup=False)
for i in range(int(sys.argv[2])):
    p.add_span(1, 0, 3, "CUE", "late")
os._exit(0)  # the process ends without closing: its committed edits stay in the -wal
"""


def test_read_only_folder_with_a_log_and_no_index_is_refused_not_read_stale(small_fs, tmp_path):
    path = annotated_project(small_fs / "p.annot")
    r = subprocess.run([sys.executable, "-c", _LEAVE_WAL, str(path), "25"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    assert wal.stat().st_size > 0
    shm.unlink()
    r = subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot remount read-only: {r.stderr.strip()}")
    try:
        err = one_line_error(cli("stats", path))
        assert "-wal" in err and "old data" in err
        err = one_line_error(cli("export", path, "-o", tmp_path / "out.jsonl"))
        assert "-wal" in err and "old data" in err
        assert not (tmp_path / "out.jsonl").exists()
        with pytest.raises(ProjectError, match="old data"):
            Project.open(path)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_fs)], capture_output=True)
    # Where the folder is writable the same files hold all 25 edits.
    r = cli("stats", path, "--json")
    assert r.returncode == 0 and '"late": 25' in r.stdout, r.stdout + r.stderr


# ----- item 4: one writer per file, whatever name it is opened by ---------------------------------
def _writer(path: Path, tag: str, go: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.reliability.lock_worker", str(path), tag, "200", str(go)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])


@pytest.mark.parametrize("link", ["hard", "symbolic"])
def test_two_writers_through_a_link_one_waits_and_nothing_is_lost(tmp_path, link):
    path = annotated_project(tmp_path / "a" / "work.annot")
    other = tmp_path / "b" / "same.annot"
    other.parent.mkdir()
    os.link(path, other) if link == "hard" else other.symlink_to(path)
    go = tmp_path / "go"
    first = _writer(path, "first", go)
    assert first.stdout.readline().strip() == "open", first.stderr.read()
    second = _writer(other, "second", go)
    import time

    time.sleep(1.0)  # the second tries while the first holds the project
    go.touch()
    out_first, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    out_second, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert json.loads(out_second.splitlines()[-1])["refused"] > 0, "the second writer was let in"
    assert not Path(f"{other}-wal").exists()  # no second log beside the other name
    with Project.open(path, readonly=True) as p:
        counts = dict(p.conn.execute("SELECT annotator, count(*) FROM spans GROUP BY annotator"))
        assert p.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert counts.get("first") == 200 and counts.get("second") == 200, counts


@pytest.mark.parametrize("link", ["hard", "symbolic"])
def test_second_writable_open_through_a_link_is_refused_and_may_read(tmp_path, link):
    from annotator.core.errors import ProjectInUse

    path = annotated_project(tmp_path / "work.annot")
    other = tmp_path / "sub" / "alias.annot"
    other.parent.mkdir()
    os.link(path, other) if link == "hard" else other.symlink_to(path)
    with Project.open(path, backup=False) as p:
        with pytest.raises(ProjectInUse, match="open it read-only"):
            Project.open(other, backup=False)
        with Project.open(other, readonly=True) as r:
            assert len(r.spans(1)) == len(p.spans(1))
    with Project.open(other, backup=False) as q:  # free again once the first is closed
        with pytest.raises(ProjectInUse):
            Project.open(path, backup=False)


def test_a_closed_project_keeps_no_descriptor_of_its_file(tmp_path):
    """The lock is not held through the database file: once closed, its disk can be unmounted."""
    path = annotated_project(tmp_path / "work.annot")
    with Project.open(path, backup=False):
        pass
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("no /proc here")
    open_files = set()
    for fd in fds.iterdir():
        try:
            open_files.add(os.readlink(fd))
        except OSError:
            pass
    assert str(path.resolve()) not in open_files


def test_restore_through_a_symlink_replaces_the_file_not_the_link(tmp_path):
    path = annotated_project(tmp_path / "real" / "work.annot")
    alias = tmp_path / "alias.annot"
    alias.symlink_to(path)
    good = dump_hash(path)
    backup.make_backup(alias)
    with Project.open(alias, backup=False) as p:
        p.delete_span(1)
    backup.restore_backup(alias)
    assert alias.is_symlink() and dump_hash(path) == good
