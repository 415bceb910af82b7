"""Issue 13 item 6: damage inside rows. Single-bit flips in the rows of documents, spans,
relations, statuses and annotators pass SQLite's quick_check; before per-document checksums
they exported a traceback, corrupted text, or another annotator's name. Now each one is
refused at open or at export (one line naming the document, with the restore command), or
changes nothing the user can see (a timestamp); none is exported as data."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from annotator.core import backup
from annotator.core.errors import DamagedProject, ProjectError
from annotator.core.store.records import iter_records
from annotator.core.project import Project

from .util import annotated_project

TABLES = ("documents", "spans", "relations", "doc_status", "annotators", "doc_checksums")
CASES = int(os.environ.get("ANNOTATOR_FLIP_CASES", "600"))


def seen(path: Path):
    """What a user gets out of a project: every exported record and the list of annotators."""
    with Project.open(path, readonly=True) as p:
        return list(iter_records(p)), p.annotators()


def row_bytes(path: Path) -> list[tuple[str, int]]:
    """(table, file offset) of every byte in the cell content of the tables' leaf pages."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute(f"SELECT name, pageno FROM dbstat WHERE pagetype = 'leaf' AND name IN "
                         f"({','.join('?' * len(TABLES))})", TABLES).fetchall()
    conn.close()
    data = path.read_bytes()
    out = []
    for name, pageno in pages:
        base = (pageno - 1) * page_size
        head = base + (100 if pageno == 1 else 0)
        start = int.from_bytes(data[head + 5:head + 7], "big") or 65536
        out += [(name, base + i) for i in range(start, page_size)]
    return out


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    path = annotated_project(tmp_path_factory.mktemp("rows") / "p.annot")
    Project.open(path).close()  # a clean close: everything is in the main file, no -wal
    assert not Path(f"{path}-wal").exists()
    return path


def classify(target: Path, original) -> str:
    try:
        project = Project.open(target, readonly=True)
    except DamagedProject as exc:
        assert "annotator restore" in str(exc) and "\n" not in str(exc), str(exc)
        return "refused at open"
    except ProjectError as exc:
        assert "\n" not in str(exc)
        return "refused at open (not a project)"
    with project:
        try:
            got = list(iter_records(project)), project.annotators()
        except DamagedProject as exc:
            # Export checks what it reads, so damage an index hid from the open check is caught here.
            assert "annotator restore" in str(exc) and "\n" not in str(exc), str(exc)
            return "refused at export"
    return "unchanged for the user" if got == original else "EXPORTED WRONG DATA"


def test_single_bit_flips_in_rows_are_refused_never_exported(pristine, tmp_path):
    original = seen(pristine)
    target = tmp_path / "w.annot"
    data = pristine.read_bytes()
    target.write_bytes(data)
    backup.make_backup(target)  # so refusals can name the restore command
    rng = random.Random(int(os.environ.get("ANNOTATOR_FLIP_SEED", "13")))
    places = row_bytes(pristine)
    sample = rng.sample(places, min(CASES, len(places)))
    outcomes: Counter = Counter()
    per_table: Counter = Counter()
    quick_ok = 0
    for table, offset in sample:
        flipped = bytearray(data)
        flipped[offset] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(flipped))
        conn = sqlite3.connect(target)
        quick_ok += conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        conn.close()
        outcome = classify(target, original)
        outcomes[outcome] += 1
        per_table[(table, outcome)] += 1
        assert outcome != "EXPORTED WRONG DATA", f"{table} byte {offset}: damage exported as data"
    print(f"\nrow flips: {len(sample)} of {len(places)} row bytes, quick_check passed {quick_ok}: "
          + json.dumps(dict(outcomes)))
    assert quick_ok > len(sample) // 2  # these are the flips SQLite's own check cannot see
    assert outcomes["refused at open"] > 0


def _flip_inside(path: Path, needle: bytes, table: str, bit: int = 0) -> None:
    """Flip one bit of the first occurrence of `needle` inside `table`'s rows."""
    data = bytearray(path.read_bytes())
    places = {off for name, off in row_bytes(path) if name == table}
    at = next(i for i in range(len(data)) if data.startswith(needle, i) and i in places)
    data[at + len(needle) - 1] ^= 1 << bit
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # invisible to SQLite
    conn.close()


@pytest.mark.parametrize("table, needle, bit", [
    ("documents", "المدرسة".encode(), 0),  # a letter of the text becomes another letter
    ("spans", b"ann1", 0),  # the annotator of a span becomes "ann0"
    ("spans", b'"indirect"', 9 % 8),  # an attribute value
    ("annotators", b"ann2", 1),  # a name in the list of annotators
])
def test_the_three_attack_flips_are_refused_naming_the_document(pristine, tmp_path, table, needle, bit):
    target = tmp_path / "t.annot"
    target.write_bytes(pristine.read_bytes())
    backup.make_backup(target)
    _flip_inside(target, needle, table, bit)
    r = subprocess.run([sys.executable, "-m", "annotator", "export", str(target), "-o", str(tmp_path / "o.jsonl")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1, r.stdout
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "damaged" in r.stderr and "annotator restore" in r.stderr
    assert not (tmp_path / "o.jsonl").exists()
    with pytest.raises(DamagedProject, match="annotator restore"):
        Project.open(target)
    assert backup.check_file(target)  # the content check names it too
    backup.restore_backup(target)
    assert seen(target) == seen(pristine)


# ----- upkeep: every writer leaves every checksum current ---------------------------------------
def _all_current(path: Path) -> None:
    """No stale checksum, each stored one equal to one computed afresh, and verify() clean."""
    from annotator.core.store import checksums

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert conn.execute("SELECT count(*) FROM doc_checksums WHERE sum IS NULL").fetchone()[0] == 0
        stored = dict(conn.execute("SELECT doc, sum FROM doc_checksums"))
        assert set(stored) == {r[0] for r in conn.execute("SELECT num FROM documents")}
        conn.execute("BEGIN")
        conn.execute("UPDATE doc_checksums SET sum = NULL")
        checksums.refresh(conn)
        assert dict(conn.execute("SELECT doc, sum FROM doc_checksums")) == stored
        conn.execute("ROLLBACK")
        assert checksums.verify(conn) is None
    finally:
        conn.close()


def test_every_mutator_keeps_the_checksums_current(tmp_path):
    from annotator.core import review
    from annotator.core.importer import import_paths
    from annotator.core.merge import merge_projects

    path = annotated_project(tmp_path / "p.annot")
    _all_current(path)
    with Project.open(path, backup=False) as p:
        sums = lambda: dict(p.conn.execute("SELECT doc, sum FROM doc_checksums"))  # noqa: E731
        before = sums()
        s = p.add_span(3, 0, 4, "CUE", "ann3").result
        assert sums()[3] != before[3] and sums()[1] == before[1]  # only the edited document changes
        p.update_span(s.id, end=5)
        p.set_span_attr(p.spans(1, "ann1")[1].id, "kind", "organization")
        p.undo(p.delete_span(p.spans(1, "ann1")[0].id))
        quote = next(x for x in p.spans(1) if x.label == "QUOTE")
        rel = p.relations(1)[0]
        p.undo(p.delete_relation(rel.id))
        p.set_doc_status(2, "ann2", "done")
        p.set_doc_status(2, "ann2", "todo")
        p.set_doc_meta(3, "title", "عنوان")
        extra = tmp_path / "more.jsonl"
        extra.write_text(json.dumps({"id": "n", "text": "قال المتحدث إن الاجتماع انتهى.",
                                     "spans": [{"start": 0, "end": 3, "label": "CUE", "annotator": "imp"}]},
                                    ensure_ascii=False) + "\n", encoding="utf-8")
        import_paths(p, [extra])
        for cluster in review.clusters(p, 1):
            review.accept_version(p, cluster, cluster.spans[0].annotator, "rev")
        assert quote.id in {x.id for x in p.spans(1)}
    _all_current(path)
    other = tmp_path / "hala.annot"
    Project.create(other).close()
    with Project.open(other, backup=False) as o:
        import_paths(o, [extra], annotator="hala")
    with Project.open(path, backup=False) as p:
        merge_projects(p, [str(other)])
    _all_current(path)


def test_a_schema_3_file_is_migrated_with_checksums_and_read_only_never_writes(tmp_path):
    from annotator.core.schema_sql import SCHEMA_VERSION

    path = annotated_project(tmp_path / "old.annot")
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE doc_checksums")
    conn.execute("DROP TABLE assignments")  # schema 5's; a schema 3 file has neither
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    before = path.read_bytes()
    with Project.open(path, readonly=True) as p:  # read as it is, exported with its text hashes checked
        assert len(list(iter_records(p))) == 3
    assert path.read_bytes() == before
    with Project.open(path) as p:
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    _all_current(path)
