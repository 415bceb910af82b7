"""Damaged project files: corrupt pages, truncation, a wiped header, garbage. Opening one
must end in a one-line ProjectError (DamagedProject when SQLite's quick_check or the file
header shows it), never a crash and never a damaged file opened as if sound.

Damage inside row contents (a byte of a stored text) passes SQLite's checks; documents
carry a SHA-256 of their text, so backup.check_file (and the backup made at open) catches
it there. ANNOTATOR_DAMAGE_CASES scales the random cases (default 150)."""

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter

import pytest

from annotator.core import backup
from annotator.core.errors import DamagedProject, ProjectError
from annotator.core.importer import import_paths
from annotator.core.project import Project
from tests.reliability.kill_harness import _TEXTS
from tests.reliability.util import annotated_project, dump

CASES = int(os.environ.get("ANNOTATOR_DAMAGE_CASES", "150"))
OUTCOMES: Counter = Counter()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A checkpointed project of ~60 documents with spans: many pages to damage."""
    os.environ.setdefault("ANNOTATOR_BACKUP_DIR", str(tmp_path_factory.mktemp("backups")))
    folder = tmp_path_factory.mktemp("pristine")
    path = annotated_project(folder / "pristine.annot")
    rng = random.Random(3)
    src = folder / "more.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(60):
            text = f"{i} " + " ".join(rng.sample(_TEXTS, 3))
            spans = [{"start": s, "end": s + 7, "label": rng.choice(["QUOTE", "SOURCE", "CUE", "DATE"])}
                     for s in range(3, len(text) - 10, 41)]
            fh.write(json.dumps({"id": f"m{i}", "text": text, "spans": spans}, ensure_ascii=False) + "\n")
    with Project.open(path, backup=False) as p:
        import_paths(p, [src])
    assert not os.path.exists(str(path) + "-wal")
    return path


def _read_everything(p: Project) -> None:
    for doc in p.documents():
        p.spans(doc.num)
        p.relations(doc.num)
        p.statuses(doc.num)
    p.stats()


def _corrupt(path, rng: random.Random) -> str:
    size = os.path.getsize(path)
    page = 4096
    kind = rng.choice(["bytes", "page-random", "page-zero", "truncate", "header", "garbage", "btree-header"])
    with open(path, "r+b") as fh:
        if kind == "bytes":
            for _ in range(rng.randint(1, 20)):
                fh.seek(rng.randrange(100, size))
                fh.write(bytes([rng.randrange(256)]))
        elif kind in ("page-random", "page-zero"):
            n = rng.randrange(1, size // page)
            fh.seek(n * page)
            fh.write(os.urandom(page) if kind == "page-random" else b"\0" * page)
        elif kind == "truncate":
            fh.truncate(rng.randrange(0, size))
        elif kind == "header":
            fh.write(b"\0" * 100)
        elif kind == "garbage":
            fh.write(os.urandom(size))
        else:  # the b-tree page header of a random page: type, cell count, content offset
            n = rng.randrange(1, size // page)
            fh.seek(n * page)
            fh.write(os.urandom(8))
    return kind


def test_random_damage_is_refused_or_detected_never_a_crash(pristine, tmp_path):
    original = dump(pristine)
    rng = random.Random(int(os.environ.get("ANNOTATOR_DAMAGE_SEED", "11")))
    target = tmp_path / "case.annot"
    shutil.copyfile(pristine, target)
    backup.make_backup(target)  # a good backup exists, so messages must offer it
    for i in range(CASES):
        shutil.copyfile(pristine, target)
        kind = _corrupt(target, rng)
        try:
            project = Project.open(target, backup=False)
        except ProjectError as exc:
            msg = str(exc)
            assert "\n" not in msg and str(target) in msg, msg
            if isinstance(exc, DamagedProject):
                assert "annotator restore" in msg, msg
                OUTCOMES["refused at open (DamagedProject)"] += 1
            else:
                OUTCOMES[f"refused at open ({type(exc).__name__})"] += 1
            continue
        # It opened: the damage missed everything SQLite checks. Either it is harmless,
        # or the content check names it; reading must not crash unless that check saw it.
        with project:
            try:
                _read_everything(project)
                read_error = None
            except (sqlite3.DatabaseError, ValueError) as exc:
                read_error = exc
        problem = backup.check_file(target)
        if problem:
            OUTCOMES["opened; content check found the damage"] += 1
        elif dump(target) == original:
            assert read_error is None
            OUTCOMES["opened; damage hit unused space (data intact)"] += 1
        else:
            assert read_error is None, f"case {i} ({kind}): reading crashed and no check saw it: {read_error}"
            OUTCOMES["opened; row values changed, undetectable without page checksums"] += 1
    print("\ndamaged-file outcomes: " + json.dumps(dict(OUTCOMES), ensure_ascii=False))
    assert sum(OUTCOMES.values()) == CASES
    assert OUTCOMES["refused at open (DamagedProject)"] > CASES // 3


@pytest.mark.parametrize("kind", ["header", "truncate-half", "garbage", "empty-schema"])
def test_each_kind_of_wreck_is_a_damaged_project(pristine, tmp_path, kind):
    target = tmp_path / "w.annot"
    shutil.copyfile(pristine, target)
    backup.make_backup(target)
    data = target.read_bytes()
    if kind == "header":
        target.write_bytes(b"\0" * 100 + data[100:])
    elif kind == "truncate-half":
        target.write_bytes(data[: len(data) // 2])
    elif kind == "garbage":
        target.write_bytes(os.urandom(len(data)))
    else:
        target.write_bytes(data[:100] + b"\0" * (len(data) - 100))
    with pytest.raises(DamagedProject) as err:
        Project.open(target)
    assert "annotator restore" in str(err.value) and "UTC" in str(err.value)
    with pytest.raises(DamagedProject):
        Project.open(target, readonly=True)
    report = backup.restore_backup(target)
    assert report.kept.name.endswith(".damaged.annot")
    assert dump(target) == dump(pristine)


def test_changed_text_is_caught_by_the_content_check_and_stops_backups(pristine, tmp_path):
    target = tmp_path / "t.annot"
    shutil.copyfile(pristine, target)
    good = backup.make_backup(target)
    with sqlite3.connect(target) as c:  # as a flipped bit inside a stored text would
        c.execute("UPDATE documents SET text = replace(text, 'قال', 'قاك') WHERE num = 1")
    c.close()
    assert "does not match its stored hash" in backup.check_file(target)
    with pytest.raises(DamagedProject, match="does not match its stored hash.*annotator restore"):
        Project.open(target)  # the open check hashes every text (issue 13)
    problem, _warnings = backup.deferred_open_checks(target)  # the big-file path: same check in a thread
    assert "does not match its stored hash" in problem and "annotator restore" in problem
    with Project.open(target, check=False) as p:  # even unchecked, no backup rotates the good one out
        assert any("content is damaged" in w and "annotator restore" in w for w in p.warnings)
    assert backup.list_backups(target)[0].path == good  # the good copy was not rotated out
    backup.restore_backup(target)
    assert backup.check_file(target) is None


def test_damaged_log_file_is_ignored_not_applied(pristine, tmp_path):
    target = tmp_path / "l.annot"
    shutil.copyfile(pristine, target)
    wal = tmp_path / "l.annot-wal"
    wal.write_bytes(os.urandom(50_000))  # frames whose checksums do not match
    with Project.open(target, backup=False) as p:
        assert p.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert dump(target) == dump(pristine)


def test_cli_on_a_damaged_project_is_one_line(pristine, tmp_path):
    target = tmp_path / "c.annot"
    shutil.copyfile(pristine, target)
    backup.make_backup(target)
    data = bytearray(target.read_bytes())
    data[4096:8192] = os.urandom(4096)
    data[100:4096] = b"\0" * 3996
    target.write_bytes(bytes(data))
    for args in (["stats", str(target)], ["export", str(target), "-o", str(tmp_path / "o.jsonl")],
                 ["import", str(target), str(tmp_path / "nothing.txt")]):
        (tmp_path / "nothing.txt").write_text("نص", encoding="utf-8")
        r = subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True, timeout=60)
        assert r.returncode == 1, r.stdout
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert "damaged" in r.stderr and "annotator restore" in r.stderr
    r = subprocess.run([sys.executable, "-m", "annotator", "restore", str(target)], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0 and "restored" in r.stdout
    r = subprocess.run([sys.executable, "-m", "annotator", "stats", str(target)], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
