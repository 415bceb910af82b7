"""Rolling backups (SQLite backup API), quick_check on open, restore from the CLI."""

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from annotator.cli import main
from annotator.core import backup
from annotator.core.errors import DamagedProject, ProjectInUse
from annotator.core.project import Project
from tests.reliability.util import annotated_project, dump


@pytest.fixture
def proj(tmp_path, monkeypatch):
    monkeypatch.delenv(backup.ENV_DIR, raising=False)
    return annotated_project(tmp_path / "work.annot")


def _spans(path):
    with Project.open(path, readonly=True) as p:
        return [(s.start, s.end, s.label) for d in p.document_nums() for s in p.spans(d)]


def test_open_after_changes_makes_a_backup_and_an_unchanged_open_does_not(proj):
    assert backup.list_backups(proj) == []  # the fixture opened with backup=False
    Project.open(proj).close()
    first = backup.list_backups(proj)
    assert len(first) == 1 and first[0].path.parent == proj.with_name("work.annot.backups")
    Project.open(proj).close()
    assert backup.list_backups(proj) == first  # nothing changed since
    with Project.open(proj) as p:
        p.add_span(3, 0, 4, "CUE", "ann1")
    Project.open(proj).close()
    assert len(backup.list_backups(proj)) == 2
    # The backup is a project in its own right, holding the state of its time.
    newest = backup.list_backups(proj)[0].path
    assert _spans(newest) == _spans(proj)
    assert (0, 4, "CUE") not in _spans(first[0].path)  # each backup holds the state of its time
    assert not os.path.exists(str(newest) + "-wal")


def test_backups_rotate_keeping_the_newest(proj):
    made = []
    for i in range(backup.KEEP + 3):
        with Project.open(proj, backup=False) as p:
            p.set_doc_meta(1, "note", f"round {i}")
        made.append(backup.make_backup(proj))
    kept = [b.path for b in backup.list_backups(proj)]
    assert kept == list(reversed(made))[: backup.KEEP]


def test_backup_is_a_consistent_snapshot_while_a_transaction_is_open(proj):
    with Project.open(proj, backup=False) as p:
        p.conn.execute("BEGIN IMMEDIATE")
        p.conn.execute("DELETE FROM spans")
        snap = backup.make_backup(proj)  # another connection: sees only committed data
        p.conn.execute("ROLLBACK")
    with Project.open(snap, readonly=True) as b:
        assert b.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 4
        assert b.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_periodic_backup_only_after_edits_and_time(proj):
    with Project.open(proj) as p:
        n = len(backup.list_backups(proj))
        assert backup.maybe_periodic_backup(p, minutes=0) is None  # no edits yet
        p.add_span(3, 5, 9, "CUE", "ann2")
        assert backup.maybe_periodic_backup(p, minutes=60) is None  # too soon
        made = backup.maybe_periodic_backup(p, minutes=0)
        assert made is not None and made.exists()
        assert backup.maybe_periodic_backup(p, minutes=0) is None  # no edit since
        assert len(backup.list_backups(proj)) == n + 1
        assert (5, 9, "CUE") in _spans(made) and (5, 9, "CUE") in _spans(proj)


def test_backup_dir_from_environment(proj, tmp_path, monkeypatch):
    monkeypatch.setenv(backup.ENV_DIR, str(tmp_path / "central"))
    Project.open(proj).close()
    (b,) = backup.list_backups(proj)
    assert b.path.parent.parent == tmp_path / "central"
    assert b.path.parent.name.startswith("work-")


def test_a_failed_backup_does_not_stop_the_open(proj):
    proj.with_name("work.annot.backups").write_text("a file where the folder should be")
    with Project.open(proj) as p:
        assert any("could not make a backup" in w for w in p.warnings)
        p.add_span(3, 0, 2, "CUE", "ann1")


def test_restore_latest_keeps_the_current_file(proj):
    Project.open(proj).close()
    good = _spans(proj)
    with Project.open(proj, backup=False) as p:
        p.conn.execute("BEGIN")
        p.conn.execute("DELETE FROM spans")
        p.conn.execute("COMMIT")
    assert _spans(proj) == []
    report = backup.restore_backup(proj)
    assert _spans(proj) == good
    assert report.kept is not None and report.kept.name.endswith(".before-restore.annot")
    assert _spans(report.kept) == []
    with Project.open(proj) as p:
        assert p.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_while_the_project_is_open(proj):
    Project.open(proj).close()
    with Project.open(proj):
        with pytest.raises(ProjectInUse):
            backup.restore_backup(proj)


def test_damaged_file_is_refused_and_restored_with_its_log_moved_aside(proj):
    Project.open(proj).close()
    good = dump(proj)
    with open(proj, "r+b") as fh:  # wreck the schema page
        fh.seek(100)
        fh.write(os.urandom(3000))
    with pytest.raises(DamagedProject) as err:
        Project.open(proj)
    msg = str(err.value)
    assert "annotator restore" in msg and "UTC" in msg and str(proj) in msg and "\n" not in msg
    report = backup.restore_backup(proj)
    assert report.kept.name.endswith(".damaged.annot")
    assert dump(proj)[1:] == good[1:]
    Project.open(proj).close()


def test_restore_skips_a_newer_backup_that_fails_its_check(proj):
    Project.open(proj).close()
    older = backup.list_backups(proj)[0]
    with Project.open(proj, backup=False) as p:
        p.set_doc_meta(1, "note", "newer")
    newer = backup.make_backup(proj)
    with open(newer, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xff" * 4096)
    report = backup.restore_backup(proj)
    assert report.restored_from.path == older.path
    assert report.skipped and report.skipped[0][0] == newer


def test_cli_restore_list_and_restore(proj, capsys):
    Project.open(proj).close()
    assert main(["restore", str(proj), "--list"]) == 0
    out = capsys.readouterr().out
    assert "UTC" in out and " ok" in out
    (b,) = backup.list_backups(proj)
    assert main(["restore", str(proj), "--backup", str(b.path)]) == 0
    assert "restored" in capsys.readouterr().out


def test_cli_restore_on_an_open_project_is_one_line(proj):
    Project.open(proj).close()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from annotator.core.project import Project;"
                               f"p = Project.open({str(proj)!r}, backup=False); print('open', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        r = subprocess.run([sys.executable, "-m", "annotator", "restore", str(proj)], capture_output=True, text=True,
                           timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "open in another window" in r.stderr


def test_restore_with_no_backups_says_so(tmp_path, monkeypatch):
    monkeypatch.delenv(backup.ENV_DIR, raising=False)
    p = annotated_project(tmp_path / "fresh.annot")
    assert main(["restore", str(p)]) == 1


def test_backup_names_sort_by_time(proj):
    a = backup.make_backup(proj)
    time.sleep(0.01)
    b = backup.make_backup(proj)
    assert [x.path for x in backup.list_backups(proj)][:2] == [b, a]
    assert sqlite3.connect(b).execute("PRAGMA quick_check").fetchone()[0] == "ok"
