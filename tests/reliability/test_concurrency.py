"""Concurrent use: a second window or process is told the project is in use and may read
it; readers never see half a transaction; nothing is corrupted."""

import json  # noqa: F401
import subprocess
import sys
import textwrap
import time

import pytest

from annotator.core.errors import ProjectInUse, ReadOnlyProject
from annotator.core.project import Project
from annotator.core.storage_check import storage_warning
from tests.reliability.util import annotated_project


def _py(code: str, *args, **kw):
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


@pytest.fixture
def proj(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))
    return annotated_project(tmp_path / "shared.annot")


def test_second_window_in_the_same_process_is_refused_and_may_read(proj):
    with Project.open(proj) as first:
        with pytest.raises(ProjectInUse) as err:
            Project.open(proj)
        assert "open in another window or process" in str(err.value) and "read-only" in str(err.value)
        with Project.open(proj, readonly=True) as second:
            assert second.readonly
            with pytest.raises(ReadOnlyProject):
                second.add_span(1, 0, 3, "CUE", "x")
            first.add_span(3, 0, 5, "CUE", "ann1")
            assert len(second.spans(3)) == 1  # a reader sees the writer's commits
    Project.open(proj).close()  # the lock went with the first window


def test_second_process_is_refused_then_opens_read_only(proj):
    holder = _py("""
        import sys, time
        from annotator.core.project import Project
        p = Project.open(sys.argv[1])
        print("open", flush=True)
        sys.stdin.readline()
    """, proj, stdin=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(ProjectInUse):
            Project.open(proj)
        with Project.open(proj, readonly=True) as p:
            assert p.document_count() == 3
        r = subprocess.run([sys.executable, "-m", "annotator", "import", str(proj), str(proj)], capture_output=True,
                           text=True, timeout=60)
        assert r.returncode == 1 and "Traceback" not in r.stderr and "open in another window" in r.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    Project.open(proj).close()


def test_simultaneous_opens_exactly_one_writer(proj):
    start = time.time() + 1.5
    racers = [_py("""
        import sys, time
        from annotator.core.errors import ProjectInUse
        from annotator.core.project import Project
        while time.time() < float(sys.argv[2]):
            pass
        try:
            p = Project.open(sys.argv[1], backup=False)
        except ProjectInUse:
            print("in-use")
        else:
            p.add_span(3, 0, 2, "CUE", sys.argv[3])
            time.sleep(1.0)
            p.close()
            print("won")
    """, proj, start, f"racer{i}") for i in range(4)]
    results = [r.communicate(timeout=60)[0].strip() for r in racers]
    assert sorted(results) == ["in-use"] * 3 + ["won"], results
    with Project.open(proj, readonly=True) as p:
        assert len(p.spans(3)) == 1


WRITER = """
    import json, sys
    from annotator.core.project import Project
    from annotator.core.model import now
    n = int(sys.argv[2])
    with Project.open(sys.argv[1]) as p:
        print("ready", flush=True)
        for i in range(n):
            # One transaction: a span and a counter that must always agree with the spans.
            with p.transaction() as c:
                c.execute("INSERT INTO annotators(name, kind, created) VALUES ('w', 'human', ?) ON CONFLICT DO NOTHING", (now(),))
                c.execute('INSERT INTO spans(doc, start, "end", label, annotator, created, modified) VALUES (3, ?, ?, ?, ?, ?, ?)',
                          (i % 50, i % 50 + 1, "CUE", "w", now(), now()))
                total = c.execute("SELECT count(*) FROM spans WHERE doc = 3").fetchone()[0]
                c.execute("UPDATE documents SET meta = ? WHERE num = 3", (json.dumps({"n": total}),))
    print("done", flush=True)
"""

READER = """
    import json, sys, time
    from annotator.core.project import Project
    checks = 0
    last = -1
    deadline = time.time() + 60
    while time.time() < deadline:
        with Project.open(sys.argv[1], readonly=True) as p:
            for _ in range(20):
                p.conn.execute("BEGIN")
                n = p.conn.execute("SELECT count(*) FROM spans WHERE doc = 3").fetchone()[0]
                meta = json.loads(p.conn.execute("SELECT meta FROM documents WHERE num = 3").fetchone()[0])
                p.conn.execute("COMMIT")
                if meta.get("n", 0) != n:
                    print(f"TORN {n} {meta}", flush=True)
                    sys.exit(1)
                if n < last:
                    print(f"BACKWARDS {n} < {last}", flush=True)
                    sys.exit(1)
                last = n
                checks += 1
        if last >= int(sys.argv[2]):
            break
    print(f"ok {checks}", flush=True)
"""


def test_readers_never_see_half_a_transaction_and_nothing_is_corrupted(proj):
    n = 400
    writer = _py(WRITER, proj, n)
    assert writer.stdout.readline().strip() == "ready"
    readers = [_py(READER, proj, n) for _ in range(3)]
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    for r in readers:
        rout, rerr = r.communicate(timeout=120)
        assert r.returncode == 0, rout + rerr
        assert rout.startswith("ok ") and int(rout.split()[1]) > 0
    with Project.open(proj) as p:
        assert p.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(p.spans(3)) == n
        assert p.document(3).meta == {"n": n}


@pytest.mark.parametrize("mounts, path, expected", [
    ("server:/export /mnt/share nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0", "/mnt/share/p/x.annot", "nfs4"),
    ("//srv/d /media/team\\040drive cifs rw 0 0\n/dev/sda1 / ext4 rw 0 0", "/media/team drive/x.annot", "cifs"),
    ("u@h:/ /home/a/remote fuse.sshfs rw 0 0\n/dev/sda1 / ext4 rw 0 0", "/home/a/remote/x.annot", "sshfs"),
    ("/dev/sda1 / ext4 rw 0 0", "/home/a/x.annot", None),
    ("/dev/sda1 / ext4 rw 0 0", "/home/a/Dropbox/work/x.annot", "Dropbox"),
    ("/dev/sda1 / ext4 rw 0 0", "/home/a/OneDrive - University/x.annot", "OneDrive"),
    ("/dev/sda1 / ext4 rw 0 0", "/Users/a/Library/CloudStorage/GoogleDrive-a@b.c/x.annot", "CloudStorage"),
    ("/dev/sda1 / ext4 rw 0 0", "/home/a/dropbox-notes.annot", None),
])
def test_network_and_cloud_folders_are_flagged(mounts, path, expected):
    warning = storage_warning(path, mounts_text=mounts)
    if expected is None:
        assert warning is None
    else:
        assert warning and expected in warning and "\n" not in warning


def test_cli_warns_about_a_synced_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))
    p = annotated_project(tmp_path / "Dropbox" / "w.annot")
    src = tmp_path / "one.txt"
    src.write_text("نص قصير للتجربة", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "annotator", "import", str(p), str(src)], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert "cloud-synced folder (Dropbox)" in r.stderr
