"""The SQL of backups: copying a project file with SQLite's backup API, and the checks that
tell a sound file from a damaged one (core/backup.py keeps the naming, rotation and files).

Functions that read "a source" take anything with the store's connection: an open Project,
or a FileReader (a read-only connection of its own, for a worker thread or for a file that
is not open). SQLite's errors come back as FileFailed with SQLite's message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.checksums import content_hash
from annotator.core.store import checksums
from annotator.core.errors import ProjectError


class FileFailed(ProjectError):
    """SQLite could not read or write a file; the message is SQLite's."""


class FileReader:
    """A read-only connection to a project file, separate from any Project on it.

    `resolve` names the file by its real path (a symlink's target) rather than its absolute
    one; `worker` lets another thread use the connection."""

    def __init__(self, path: str | Path, resolve: bool = False, worker: bool = False):
        path = Path(path)
        self.path = path
        where = path.resolve() if resolve else path.absolute()
        try:
            self.conn = sqlite3.connect(f"{where.as_uri()}?mode=ro", uri=True, check_same_thread=not worker)
        except sqlite3.Error as exc:
            raise FileFailed(str(exc)) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "FileReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _one_line(result) -> str:
    return " ".join(str(result).replace("*** in database main ***", "").split())


# ----- checks ----------------------------------------------------------------------------------------
def quick_check(source) -> str | None:
    """SQLite's quick_check of the file's structure: None when it passes, else its first problem."""
    try:
        result = source.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.Error as exc:
        raise FileFailed(str(exc)) from None
    return None if result == "ok" else _one_line(result)


def checksum_problem(source) -> str | None:
    """The first document whose rows no longer match their checksum (checksums.verify), or None."""
    try:
        return checksums.verify(source.conn)
    except sqlite3.Error as exc:
        raise FileFailed(str(exc)) from None


def file_problem(path: Path, content: bool = True) -> str | None:
    """None if the file (an SQLite file) is a sound project, else the problem (one line):
    quick_check, and with `content` the rows' own checks (content_problem)."""
    try:
        reader = FileReader(path)
    except FileFailed as exc:
        return str(exc)
    try:
        problem = quick_check(reader)
        if problem:
            return "quick_check: " + problem
        return content_problem(reader) if content else None
    except FileFailed as exc:
        return str(exc)
    finally:
        reader.close()


def content_problem(source, rows_checked: bool = False) -> str | None:
    """Damage inside rows, which quick_check does not read: None when all is well.
    `rows_checked`: the caller has just run checksums.verify on this source (texts,
    checksums, names), which is then not read a second time."""
    try:
        return _content_problem(source.conn, rows_checked)
    except sqlite3.DatabaseError as exc:  # text no longer valid UTF-8, a page SQLite's check missed
        return f"a stored value cannot be read ({exc})"
    except sqlite3.Error as exc:
        raise FileFailed(str(exc)) from None


def _content_problem(conn: sqlite3.Connection, rows_checked: bool = False) -> str | None:
    # quick_check does not compare indexes with their tables; a damaged index returns wrong
    # or unreadable values to every query that uses it.
    result = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    if result != "ok":
        return "integrity_check: " + _one_line(result)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "documents" not in tables:
        return None  # an empty (new) project
    if not rows_checked:
        for num, text, digest in conn.execute("SELECT num, text, hash FROM documents"):
            if not isinstance(text, str) or content_hash(text) != digest:
                return f"document {num}: its text does not match its stored hash"
        problem = checksums.verify(conn, texts=False)  # the texts were just checked
        if problem:
            return problem
    row = conn.execute(
        'SELECT s.id FROM spans s LEFT JOIN documents d ON d.num = s.doc '
        'WHERE d.num IS NULL OR s.start < 0 OR s."end" > length(d.text) OR s.start >= s."end" LIMIT 1').fetchone()
    if row:
        return f"span {row[0]}: offsets outside its document"
    for table, cols in (("spans", ("attrs", "origin")), ("relations", ("attrs", "origin")), ("documents", ("meta",))):
        for col in cols:
            row = conn.execute(f"SELECT rowid FROM {table} WHERE json_valid({col}) = 0 LIMIT 1").fetchone()
            if row:
                return f"{table} row {row[0]}: {col} is not valid JSON"
    row = conn.execute("PRAGMA foreign_key_check").fetchone()
    if row:
        return f"{row[0]} row {row[1]}: points at a missing {row[2]} row"
    # Every other stored value must still decode (a flipped byte in a name or a time).
    for table in sorted(tables - {"documents"}):  # SQLite's own tables (statistics) too
        for _ in conn.execute(f'SELECT * FROM "{table}"'):
            pass
    return None


# ----- what a file holds ------------------------------------------------------------------------------
def row_counts(source) -> tuple:
    """(documents, highest document number, spans, highest span id, relations, highest relation
    id, document states): numbers that move with every saved edit."""
    try:
        return source.conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT max(num) FROM documents), (SELECT count(*) FROM spans), "
            "(SELECT max(id) FROM spans), (SELECT count(*) FROM relations), (SELECT max(id) FROM relations), "
            "(SELECT count(*) FROM doc_status)").fetchone()
    except sqlite3.Error as exc:
        raise FileFailed(str(exc)) from None


def work_done(path: str | Path) -> tuple[int, int, int] | None:
    """(documents, spans ever made, relations ever made) of a project file, None if unreadable.

    Span and relation ids are never reused (AUTOINCREMENT), so their high-water marks only
    grow while people work: a file behind a backup on any of the three lost work.
    """
    try:
        reader = FileReader(path)
    except FileFailed:
        return None
    try:
        conn = reader.conn
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        marks = []
        for table in ("spans", "relations"):
            seq = conn.execute("SELECT max(seq) FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()[0]
            top = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
            marks.append(max(seq or 0, top or 0))
        return docs, marks[0], marks[1]
    except sqlite3.Error:
        return None
    finally:
        reader.close()


# ----- copying -------------------------------------------------------------------------------------------
def copy_file(source: Path, dest: Path) -> str | None:
    """Copy a project file into a new file `dest` with SQLite's backup API (read-only on
    `source`, a consistent snapshot even while it is open). The copy is one self-contained
    file (no -wal). Returns None when the copy passes quick_check, else SQLite's verdict."""
    try:
        src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(str(dest))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                result = dst.execute("PRAGMA quick_check(1)").fetchone()[0]
                return None if result == "ok" else str(result)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise FileFailed(str(exc)) from None
