"""The project store: one SQLite file holding documents, scheme, spans, relations, statuses.

Every mutator is one short transaction, committed before it returns, so an edit the
user saw as done survives a crash. Mutators return a Change (annotator.core.change): the rows
they wrote, before and after, which undo() and redo() write back in one transaction each.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from annotator.core.change import Change, RowChange, relation_row, span_row
from annotator.core.checksums import short_error
from annotator.core.errors import DamagedProject, ProjectError, ReadOnlyProject, SchemeError, SpanError, WriteFailed
from annotator.core.lock import ProjectLock
from annotator.core.model import DOC_STATES, GOLD, SPAN_STATUSES, Document, Relation, Span, now
from annotator.core.offsets import check_span
from annotator.core.schema_sql import APPLICATION_ID, CHECKSUMS_SCHEMA, MIGRATIONS, ROW_SUMS_SCHEMA, SCHEMA_VERSION
from annotator.core.store.scripts import split_sql as _split_sql
from annotator.core.store import checksums
from annotator.core.scheme import Scheme, default_scheme
from annotator.core.store import change_rows

BUSY_TIMEOUT_MS = 5000
_SPAN_COLS = 'id, doc, start, "end", label, annotator, status, attrs, rule, origin, created, modified'
_REL_COLS = "id, doc, label, from_span, to_span, annotator, status, attrs, rule, origin, created, modified"


def _span(row) -> Span:
    return Span(row[0], row[1], row[2], row[3], row[4], row[5], row[6],
                json.loads(row[7]), row[8], json.loads(row[9]), row[10], row[11])


def _relation(row) -> Relation:
    return Relation(row[0], row[1], row[2], row[3], row[4], row[5], row[6],
                    json.loads(row[7]), row[8], json.loads(row[9]), row[10], row[11])


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def _check_magic(path: Path) -> None:
    """Raise ProjectError unless the file starts like an SQLite file.

    An empty file is never taken for a new project (only Project.create makes one): a
    project truncated to nothing would otherwise get a fresh schema, and its good
    backups would then be rotated out. Only the magic is read from the header:
    application_id and user_version are asked of SQLite, because in WAL mode the newest
    header may still be in the -wal file.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise ProjectError(f"{path}: cannot open: {exc.strerror}") from None
    if len(head) == 0:
        raise ProjectError(f"{path}: {_EMPTY_FILE}; create a project with 'annotator new'")
    if not head.startswith(b"SQLite format 3\x00") or len(head) < 100:
        raise ProjectError(f"{path}: not an annotator project (not an SQLite file)")


_EMPTY_FILE = "the file is empty (0 bytes), not a project"
_EMPTY_DB = "not an annotator project (an empty SQLite database)"


def _check_identity(conn: sqlite3.Connection, path: Path, new: bool = False) -> int:
    """The file's schema version; raise ProjectError for a foreign or newer file.

    An SQLite file without our mark and without tables (version 0) is only accepted when
    `new` (Project.create): opening never initialises a file implicitly.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != 0 or tables:
            raise ProjectError(f"{path}: not an annotator project (an SQLite file of another application)")
        if not new:
            raise _damaged_if_backed_up(path, ProjectError(f"{path}: {_EMPTY_DB}; create a project with 'annotator new'"))
        return 0
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"{path}: made by a newer annotator (file schema {version}, this version reads up to {SCHEMA_VERSION}); please upgrade"
        )
    if version == 0 and not new:
        raise _damaged_if_backed_up(path, ProjectError(f"{path}: {_EMPTY_DB}; create a project with 'annotator new'"))
    return version


class Project:
    """An open project file. Use Project.create() or Project.open(); close() when done."""

    # True while a project opened with check=False awaits deferred_open_checks(): the
    # window lets the user read but not edit until then.
    checks_pending = False

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool, lock: ProjectLock | None,
                 readonly_reason: str = ""):
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self.readonly_reason = readonly_reason
        self._lock = lock
        self._sums = not readonly and checksums.has_checksums(conn)
        if self._sums:
            checksums.start_upkeep(conn)
        self.scheme = self._load_scheme()
        self.edits = 0  # commits made through this handle (the GUI's "saved" indicator)
        self.warnings: list[str] = []  # shown to the user once: network folder, backup failed

    @property
    def is_server(self) -> bool:
        """A project in a PostgreSQL database (no file: no lock, backups or file checks)."""
        return getattr(self.path, "is_server", False)

    # ----- opening -----------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, scheme: Scheme | None = None, overwrite: bool = False) -> "Project":
        if _is_url(path):
            return cls._create_server(str(path), scheme, overwrite)
        path = Path(path)
        if path.exists() and not overwrite:
            if path.stat().st_size > 0:
                raise ProjectError(f"{path}: already exists; choose another name")
            hint = _restore_hint(path)
            if "annotator restore" in hint:  # a project emptied by accident, not a free name
                raise ProjectError(f"{path}: is an empty file that has backups of a project{hint}; "
                                   "or choose another name")
        if overwrite and path.exists():
            path.unlink()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
        except OSError as exc:
            raise ProjectError(f"{path}: cannot create: {exc.strerror}") from None
        project = cls.open(path, _new=True)
        scheme = scheme or default_scheme()
        with project._tx():
            project.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('scheme', ?)", (scheme.to_json(),))
            project.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('created', ?)", (now(),))
        project.scheme = scheme
        return project

    @classmethod
    def open(cls, path: str | os.PathLike, readonly: bool = False, backup: bool = True,
             check: bool = True, *, _new: bool = False) -> "Project":
        """Open a project. Raises ProjectInUse, DamagedProject (failed quick_check) or ProjectError.

        A writable open takes a rolling backup when the file changed since the last one
        (backup=False skips it) and fills `warnings` (network folder, backup failure).
        check=False skips the quick_check (it reads the whole file: about a second for
        600 MB); a caller that does so must run check_health() before letting the user
        edit, as the window does in a background thread. A read-only open never writes:
        a file of an older schema is read as it is, not upgraded. Only create() (_new)
        gives an empty file its tables.
        """
        if _is_url(path):
            return cls._open_server(str(path), readonly, _new=_new)
        path = Path(path)
        if not path.exists():
            raise ProjectError(f"{path}: no such project file")
        if path.is_dir():
            raise ProjectError(f"{path}: is a folder, not a project file")
        if not _new:
            try:
                _check_magic(path)
            except ProjectError as exc:
                raise _damaged_if_backed_up(path, exc) from None
        reason = ""
        if not readonly and not os.access(path, os.W_OK):
            readonly, reason = True, "the file is not writable"
        if not readonly and not os.access(path.parent, os.W_OK):
            readonly, reason = True, "its folder is not writable"
        lock = None
        if not readonly:
            lock = ProjectLock(path)
            lock.acquire()  # raises ProjectInUse
        conn = None
        try:
            conn = cls._connect(path, readonly, check, new=_new)
            if not readonly:
                cls._migrate(conn, path, new=_new)
            else:
                version = _check_identity(conn, path)
                if version < SCHEMA_VERSION:
                    _read_older_schema(conn, version)
            if check:  # damage inside rows, which quick_check cannot see
                problem = checksums.verify(conn)
                if problem:
                    raise DamagedProject(f"{path}: the project file is damaged ({problem}){_restore_hint(path)}")
            project = cls(path, conn, readonly, lock, reason or ("opened read-only" if readonly else ""))
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if lock:
                lock.release()
            if isinstance(exc, (ValueError, sqlite3.DatabaseError, SchemeError)):
                # Rows that do not parse (the stored scheme) in a file that passed quick_check.
                raise DamagedProject(f"{path}: damaged project: {short_error(exc)}{_restore_hint(path)}") from None
            raise
        if not readonly:
            from annotator.core.storage_check import storage_warning

            warning = storage_warning(path)
            if warning:
                project.warnings.append(warning)
            if backup and not _new:
                from annotator.core.backup import BackupsKept, backup_if_changed

                try:
                    backup_if_changed(project, rows_checked=check)  # the rows were just checked
                except BackupsKept as exc:  # the backup was made; older ones were kept on purpose
                    project.warnings.append(str(exc))
                except Exception as exc:  # a failed backup must not stop the user from working
                    project.warnings.append(f"{path}: could not make a backup: {exc}")
        return project

    # ----- a project on a PostgreSQL server (core/store/pg.py) --------------------------------
    # No lock file, backups, WAL, header or storage checks: those guard a file. The server
    # keeps its own integrity (transactions, constraints, its write-ahead log), so the
    # per-document checksums are not kept either (see README, "Team project on PostgreSQL").
    @classmethod
    def _create_server(cls, url: str, scheme: Scheme | None, overwrite: bool) -> "Project":
        from annotator.core.store import pg

        where = pg.ServerLocation(pg.safe_url(url))
        if overwrite:
            raise ProjectError(f"{where}: a server project is not overwritten; drop and create the database instead")
        conn = _server_connect(url, where, readonly=False)
        try:
            # pg_schema.sql holds an older schema; the file's later migrations bring it up to date
            pg.create_schema(conn, where, pg.SCHEMA_FILE_VERSION, (scheme or default_scheme()).to_json(), now())
        except BaseException:
            conn.close()
            raise
        return cls._open_server(url, readonly=False, _conn=conn)

    @classmethod
    def _open_server(cls, url: str, readonly: bool, _new: bool = False, _conn=None) -> "Project":
        from annotator.core.store import pg

        where = pg.ServerLocation(pg.safe_url(url))
        conn = _conn or _server_connect(url, where, readonly)
        try:
            version = pg.schema_version(conn, where)
            if version > SCHEMA_VERSION:
                raise ProjectError(f"{where}: made by a newer annotator (schema {version}, this version reads up to "
                                   f"{SCHEMA_VERSION}); please upgrade")
            if version < SCHEMA_VERSION:
                if readonly:
                    raise ProjectError(f"{where}: needs an upgrade (schema {version}); open it once for writing")
                # The per-row checksums guard a file; a server keeps its own integrity (no step).
                steps = {**MIGRATIONS, ROW_SUMS_SCHEMA - 1: ""}
                pg.migrate(conn, where, version, SCHEMA_VERSION, steps, _split_sql)
            return cls(where, conn, readonly, None, "opened read-only" if readonly else "")
        except BaseException as exc:
            conn.close()
            if isinstance(exc, (ValueError, sqlite3.DatabaseError, SchemeError)) and not isinstance(exc, ProjectError):
                raise ProjectError(f"{where}: cannot open project: {exc}") from None
            raise

    @staticmethod
    def _connect(path: Path, readonly: bool, check: bool = True, new: bool = False) -> sqlite3.Connection:
        conn = None
        try:
            if readonly:
                try:
                    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                           isolation_level=None, check_same_thread=False)
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                except sqlite3.OperationalError:
                    if conn is not None:
                        conn.close()
                        conn = None
                    # A folder we cannot write: SQLite cannot make the log's index (-shm) here.
                    # Without the log's saved edits an immutable read would show old data.
                    if _wal_has_frames(path):
                        raise ProjectError(
                            f"{path}: cannot be read here: edits saved in its log file ({path.name}-wal) can only be "
                            f"read where the folder is writable, and reading without them would show old data; copy "
                            f"{path.name} together with {path.name}-wal to a writable folder, or open it once where "
                            "this folder is writable")
                    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True,
                                           isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                _check_identity(conn, path, new)  # before WAL: never alter a file that is not ours
            # Before anything writes: a damaged file is refused, never opened as if sound.
            problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if check else "ok"
            if problem != "ok":
                problem = " ".join(str(problem).replace("*** in database main ***", "").split())
                raise DamagedProject(f"{path}: the project file is damaged ({problem}){_restore_hint(path)}")
            if not readonly:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise ProjectError(f"{path}: cannot switch to WAL journal (got {mode})")
                conn.execute("PRAGMA synchronous = FULL")
                # A REPLACE that deletes a row fires its delete triggers, which keep the checksums.
                conn.execute("PRAGMA recursive_triggers = ON")
                # The checksum deltas live in a temporary table written for every changed row:
                # kept in memory they cost a third of what a temporary file does.
                conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.DatabaseError):
                if _error_code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
                    raise DamagedProject(f"{path}: the project file is damaged ({exc}){_restore_hint(path)}") from None
                raise ProjectError(f"{path}: cannot open project: {exc}") from None
            raise

    @staticmethod
    def _migrate(conn: sqlite3.Connection, path: Path, new: bool = False) -> None:
        version = _check_identity(conn, path, new)
        if version >= SCHEMA_VERSION:
            return
        # Tables are rebuilt by some steps: foreign keys go off for the steps (it cannot
        # change inside a transaction) and are checked before each step commits.
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            if CHECKSUMS_SCHEMA <= version < ROW_SUMS_SCHEMA:
                # The older checksums are checked before any step, and so before they are
                # replaced: new ones computed from damaged rows would make the damage look sound,
                # and a refused file stays at the version it was.
                problem = checksums.verify(conn, texts=False)
                if problem:
                    raise DamagedProject(f"{path}: the project file is damaged ({problem}){_restore_hint(path)}")
            while version < SCHEMA_VERSION:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    for statement in _split_sql(MIGRATIONS[version]):
                        conn.execute(statement)
                    if version + 1 >= ROW_SUMS_SCHEMA:  # earlier steps leave them stale for this one
                        checksums.refresh(conn)
                    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
                    if broken:
                        raise sqlite3.IntegrityError(f"foreign key check failed in table {broken[0]}")
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.execute(f"PRAGMA user_version = {version + 1}")
                    conn.execute("COMMIT")
                except sqlite3.DatabaseError as exc:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise ProjectError(f"{path}: migration from schema {version} failed: {exc}") from None
                version += 1
        finally:
            conn.execute("PRAGMA foreign_keys = ON")

    def _load_scheme(self) -> Scheme:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'scheme'").fetchone()
        if row is None:
            return default_scheme()
        return Scheme.from_dict(json.loads(row[0]), where=f"{self.path} (stored scheme)")

    def close(self) -> None:
        if self.conn is not None:
            try:
                if not self.readonly:
                    self.conn.execute("PRAGMA optimize")
            except sqlite3.DatabaseError:
                pass
            self.conn.close()
            self.conn = None
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----- transactions ------------------------------------------------------------------
    @contextmanager
    def _tx(self):
        if self.readonly:
            raise ReadOnlyProject(f"{self.path}: project is read-only ({self.readonly_reason})")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise _write_failed(self.path, exc) from exc
        try:
            if self._sums:
                checksums.begin(self.conn)
            yield self.conn
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.DatabaseError) and _error_code(exc) in _WRITE_ERRORS:
                raise _write_failed(self.path, exc) from exc
            raise
        else:
            try:
                if self._sums:  # the checksums of the documents this transaction changed
                    checksums.finish(self.conn)
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self._rollback()
                raise _write_failed(self.path, exc) from exc
            self.edits += 1

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (disk full, I/O error).
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass

    def transaction(self):
        """A transaction for callers that make several changes as one (imports, merges)."""
        return self._tx()

    # ----- scheme and annotators -------------------------------------------------------------
    def set_scheme(self, scheme: Scheme) -> None:
        with self._tx() as c:
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('scheme', ?)", (scheme.to_json(),))
        self.scheme = scheme

    def ensure_annotator(self, name: str, kind: str | None = None) -> None:
        if not name or not isinstance(name, str) or len(name) > 200:
            raise SpanError(f"annotator name must be 1 to 200 characters, got {name!r}")
        if "\x00" in name:  # SQLite and most tools cut text at NUL
            raise SpanError(f"annotator name {name!r} contains a NUL character")
        kind = kind or ("gold" if name == GOLD else "human")
        self.conn.execute("INSERT OR IGNORE INTO annotators(name, kind, created) VALUES (?, ?, ?)", (name, kind, now()))

    def annotators(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM annotators ORDER BY name")]

    # ----- documents ---------------------------------------------------------------------
    def document_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def document(self, key: int | str) -> Document:
        """A document by its row number (int) or its id (str)."""
        col = "num" if isinstance(key, int) else "id"
        row = self.conn.execute(f"SELECT num, id, text, meta, hash FROM documents WHERE {col} = ?", (key,)).fetchone()
        if row is None:
            raise ProjectError(f"{self.path}: no document {key!r}")
        return Document(row[0], row[1], row[2], json.loads(row[3]), row[4])

    def documents(self) -> Iterator[Document]:
        for row in self.conn.execute("SELECT num, id, text, meta, hash FROM documents ORDER BY num"):
            yield Document(row[0], row[1], row[2], json.loads(row[3]), row[4])

    def document_nums(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT num FROM documents ORDER BY num")]

    def doc_num_by_hash(self, digest: str) -> int | None:
        row = self.conn.execute("SELECT num FROM documents WHERE hash = ? ORDER BY num LIMIT 1", (digest,)).fetchone()
        return row[0] if row else None

    def set_doc_meta(self, doc: int, key: str, value) -> Change:
        """Set (or, with None, remove) one metadata key. Change.result: the previous value."""
        if not isinstance(key, str) or not key or "\x00" in key or (isinstance(value, str) and "\x00" in value):
            raise SpanError(f"metadata key {key!r}: 1 or more characters, and no NUL character in it or its value")
        if key == "dct" and value is not None:
            from annotator.core.dates_iso import check_dct

            check_dct(value)
        with self._tx() as c:
            row = c.execute("SELECT meta FROM documents WHERE num = ?", (doc,)).fetchone()
            if row is None:
                raise ProjectError(f"no document {doc}")
            meta = json.loads(row[0])
            old = meta.get(key)
            if value is None:
                meta.pop(key, None)
            else:
                meta[key] = value
            c.execute("UPDATE documents SET meta = ? WHERE num = ?", (_dumps(meta), doc))
        return Change((RowChange("documents", (doc,), {"meta": row[0]}, {"meta": _dumps(meta)}),), doc, old)

    # ----- statuses ------------------------------------------------------------------------
    def doc_status(self, doc: int, annotator: str) -> str:
        row = self.conn.execute("SELECT state FROM doc_status WHERE doc = ? AND annotator = ?", (doc, annotator)).fetchone()
        return row[0] if row else "todo"

    def set_doc_status(self, doc: int, annotator: str, state: str) -> Change:
        """Set one annotator's state for a document. Change.result: the previous state."""
        if state not in DOC_STATES:
            raise SpanError(f"status must be one of {', '.join(DOC_STATES)}, got {state!r}")
        with self._tx() as c:
            row = c.execute("SELECT state, modified FROM doc_status WHERE doc = ? AND annotator = ?",
                            (doc, annotator)).fetchone()
            self.ensure_annotator(annotator)
            after = None
            if state == "todo":
                c.execute("DELETE FROM doc_status WHERE doc = ? AND annotator = ?", (doc, annotator))
            else:
                after = {"doc": doc, "annotator": annotator, "state": state, "modified": now()}
                c.execute(
                    "INSERT INTO doc_status(doc, annotator, state, modified) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(doc, annotator) DO UPDATE SET state = excluded.state, modified = excluded.modified",
                    (doc, annotator, state, after["modified"]),
                )
        before = {"doc": doc, "annotator": annotator, "state": row[0], "modified": row[1]} if row else None
        rows = (RowChange("doc_status", (doc, annotator), before, after),) if before != after else ()
        return Change(rows, doc, row[0] if row else "todo")

    def statuses(self, doc: int) -> dict[str, str]:
        return dict(self.conn.execute("SELECT annotator, state FROM doc_status WHERE doc = ? ORDER BY annotator", (doc,)))

    # ----- spans ---------------------------------------------------------------------------
    def spans(self, doc: int, annotator: str | None = None, statuses: Iterable[str] | None = None) -> list[Span]:
        sql = f"SELECT {_SPAN_COLS} FROM spans WHERE doc = ?"
        args: list = [doc]
        if annotator is not None:
            sql += " AND annotator = ?"
            args.append(annotator)
        if statuses is not None:
            statuses = list(statuses)
            sql += f" AND status IN ({','.join('?' * len(statuses))})"
            args += statuses
        sql += ' ORDER BY start, "end" DESC, id'
        return [_span(r) for r in self.conn.execute(sql, args)]

    def span(self, span_id: int) -> Span:
        row = self.conn.execute(f"SELECT {_SPAN_COLS} FROM spans WHERE id = ?", (span_id,)).fetchone()
        if row is None:
            raise SpanError(f"no span {span_id}")
        return _span(row)

    def _doc_text(self, doc: int) -> str:
        row = self.conn.execute("SELECT text FROM documents WHERE num = ?", (doc,)).fetchone()
        if row is None:
            raise SpanError(f"no document {doc}")
        return row[0]

    def _check_span(self, doc: int, start: int, end: int, label: str, attrs: dict) -> None:
        check_span(self._doc_text(doc), start, end, where=f"document {doc}")
        self.scheme.check_attrs(self.scheme.label(label), attrs, where=f"{label} span {start}..{end}")

    def add_span(self, doc: int, start: int, end: int, label: str, annotator: str, attrs: dict | None = None,
                 status: str = "accepted", rule: str | None = None, origin: dict | None = None) -> Change:
        """A new span. Change.result: the Span."""
        attrs = dict(attrs or {})
        if status not in SPAN_STATUSES:
            raise SpanError(f"span status must be one of {', '.join(SPAN_STATUSES)}")
        self._check_span(doc, start, end, label, attrs)
        stamp = now()
        with self._tx() as c:
            self.ensure_annotator(annotator, "suggester" if status == "suggested" and rule else None)
            cur = c.execute(
                'INSERT INTO spans(doc, start, "end", label, annotator, status, attrs, rule, origin, created, modified) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc, start, end, label, annotator, status, _dumps(attrs), rule, _dumps(origin or {}), stamp, stamp),
            )
        span = Span(cur.lastrowid, doc, start, end, label, annotator, status, attrs, rule, origin or {}, stamp, stamp)
        return Change((RowChange("spans", (span.id,), None, span_row(span)),), doc, span, [span.id])

    def update_span(self, span_id: int, _expect: Span | None = None, **changes) -> Change:
        """Change start, end, label, attrs, status or origin of a span. Change.result: the span as it was.

        `_expect`: the span as the caller read it to compute `changes`; when another session
        changed it meanwhile (a team project), nothing is written: its edit is never overwritten."""
        old = self.span(span_id)
        allowed = {"start", "end", "label", "attrs", "status", "origin"}
        bad = set(changes) - allowed
        if bad:
            raise SpanError(f"cannot change {', '.join(sorted(bad))} of a span")
        new = {k: changes.get(k, getattr(old, k)) for k in allowed}
        if new["status"] not in SPAN_STATUSES:
            raise SpanError(f"span status must be one of {', '.join(SPAN_STATUSES)}")
        if new["label"] != old.label:
            # Attributes belong to a label: keep only those the new label also has.
            label = self.scheme.label(new["label"])
            if "attrs" not in changes:
                new["attrs"] = {k: v for k, v in old.attrs.items() if label.attribute(k)}
        self._check_span(old.doc, new["start"], new["end"], new["label"], new["attrs"])
        span = Span(old.id, old.doc, new["start"], new["end"], new["label"], old.annotator, new["status"],
                    new["attrs"], old.rule, new["origin"], old.created, now())
        with self._tx() as c:
            if self.span(span_id) != (_expect or old):
                raise SpanError(f"span {span_id} was changed by someone else meanwhile; nothing was changed "
                                "(try again on the span as it is now)")
            if new["label"] != old.label:
                self._check_links_still_valid(span_id, new["label"])
            c.execute(
                'UPDATE spans SET start = ?, "end" = ?, label = ?, attrs = ?, status = ?, origin = ?, modified = ? WHERE id = ?',
                (span.start, span.end, span.label, _dumps(span.attrs), span.status, _dumps(span.origin),
                 span.modified, span_id),
            )
        return Change((RowChange("spans", (span_id,), span_row(old), span_row(span)),), old.doc, old)

    def set_span_attr(self, span_id: int, name: str, value) -> Change:
        """Set (None removes) one attribute. Change.result: the previous value."""
        span = self.span(span_id)
        attrs = dict(span.attrs)
        old = attrs.get(name)
        if value is None:
            attrs.pop(name, None)
        else:
            attrs[name] = value
        change = self.update_span(span_id, _expect=span, attrs=attrs)
        change.result = old
        return change

    def _check_links_still_valid(self, span_id: int, new_label: str) -> None:
        for rel_label, other_label, outgoing in self.conn.execute(
            "SELECT r.label, s.label, 1 FROM relations r JOIN spans s ON s.id = r.to_span WHERE r.from_span = ? "
            "UNION ALL SELECT r.label, s.label, 0 FROM relations r JOIN spans s ON s.id = r.from_span WHERE r.to_span = ?",
            (span_id, span_id),
        ):
            pair = (new_label, other_label) if outgoing else (other_label, new_label)
            self.scheme.check_relation(rel_label, *pair, where="relabel would break a link")

    def delete_span(self, span_id: int) -> Change:
        """Delete a span and the relations that use it (undo puts both back, same ids).
        Change.result: the span."""
        span = self.span(span_id)
        rels = self.relations_of(span_id)
        with self._tx() as c:
            c.execute("DELETE FROM spans WHERE id = ?", (span_id,))
        rows = tuple(RowChange("relations", (r.id,), relation_row(r), None) for r in rels)
        return Change(rows + (RowChange("spans", (span_id,), span_row(span), None),), span.doc, span)

    # ----- relations ---------------------------------------------------------------------------
    def relations(self, doc: int, annotator: str | None = None) -> list[Relation]:
        sql = f"SELECT {_REL_COLS} FROM relations WHERE doc = ?"
        args: list = [doc]
        if annotator is not None:
            sql += " AND annotator = ?"
            args.append(annotator)
        return [_relation(r) for r in self.conn.execute(sql + " ORDER BY id", args)]

    def relations_of(self, span_id: int) -> list[Relation]:
        return [
            _relation(r)
            for r in self.conn.execute(
                f"SELECT {_REL_COLS} FROM relations WHERE from_span = ? OR to_span = ? ORDER BY id", (span_id, span_id)
            )
        ]

    def relation(self, rel_id: int) -> Relation:
        row = self.conn.execute(f"SELECT {_REL_COLS} FROM relations WHERE id = ?", (rel_id,)).fetchone()
        if row is None:
            raise SpanError(f"no relation {rel_id}")
        return _relation(row)

    def add_relation(self, label: str, from_span: int, to_span: int, annotator: str, status: str = "accepted",
                     attrs: dict | None = None, rule: str | None = None, replace: Iterable[int] = ()) -> Change:
        """A new link; the relations `replace` (ids) are deleted in the same transaction.
        Change.result: the Relation."""
        a, b = self.span(from_span), self.span(to_span)
        if a.doc != b.doc:
            raise SpanError("a relation must link two spans of the same document")
        if a.annotator != b.annotator:
            raise SpanError(f"a link stays inside one annotator's work: this {a.label} is {a.annotator}'s, "
                            f"that {b.label} is {b.annotator}'s")
        if from_span == to_span:
            raise SpanError("a relation cannot link a span to itself")
        rel_type = self.scheme.check_relation(label, a.label, b.label)
        attrs = dict(attrs or {})
        self.scheme.check_attrs(rel_type, attrs, where=f"relation {label}")
        existing = self.conn.execute(
            f"SELECT {_REL_COLS} FROM relations WHERE label = ? AND from_span = ? AND to_span = ? AND annotator = ?",
            (label, from_span, to_span, annotator),
        ).fetchone()
        if existing:
            raise SpanError(f"these spans are already linked by {label}")
        stamp = now()
        rel = Relation(0, a.doc, label, from_span, to_span, annotator, status, attrs, rule, {}, stamp, stamp)
        gone = [self.relation(old) for old in replace]
        with self._tx() as c:
            self.ensure_annotator(annotator)
            for old in gone:
                c.execute("DELETE FROM relations WHERE id = ?", (old.id,))
            rel.id = self._insert_relation_row(c, rel, with_id=False)
        rows = tuple(RowChange("relations", (r.id,), relation_row(r), None) for r in gone)
        return Change(rows + (RowChange("relations", (rel.id,), None, relation_row(rel)),), a.doc, rel)

    @staticmethod
    def _insert_relation_row(c, r: Relation, with_id: bool = True) -> int:
        cols = _REL_COLS if with_id else _REL_COLS.split(", ", 1)[1]
        values = (r.doc, r.label, r.from_span, r.to_span, r.annotator, r.status, _dumps(r.attrs), r.rule,
                  _dumps(r.origin), r.created, r.modified)
        if with_id:
            values = (r.id, *values)
        cur = c.execute(f"INSERT INTO relations({cols}) VALUES ({', '.join('?' * len(values))})", values)
        return cur.lastrowid

    def delete_relation(self, rel_id: int) -> Change:
        """Change.result: the relation."""
        rel = self.relation(rel_id)
        with self._tx() as c:
            c.execute("DELETE FROM relations WHERE id = ?", (rel_id,))
        return Change((RowChange("relations", (rel_id,), relation_row(rel), None),), rel.doc, rel)

    # ----- undo and redo -----------------------------------------------------------------------
    def redo(self, change: Change) -> None:
        """Write the after side of a Change again (same ids), in one transaction."""
        with self._tx():
            change_rows.write(self, change)

    def undo(self, change: Change) -> None:
        """Write the before side of a Change back, in one transaction."""
        self.redo(change.inverse())

    # ----- summaries ---------------------------------------------------------------------------
    def stats(self) -> dict:
        c = self.conn
        return {
            "documents": self.document_count(),
            "spans": c.execute("SELECT count(*) FROM spans").fetchone()[0],
            "relations": c.execute("SELECT count(*) FROM relations").fetchone()[0],
            "spans_by_label": dict(c.execute("SELECT label, count(*) FROM spans GROUP BY label ORDER BY label")),
            "spans_by_annotator": dict(
                c.execute("SELECT annotator, count(*) FROM spans GROUP BY annotator ORDER BY annotator")
            ),
            "spans_by_status": dict(c.execute("SELECT status, count(*) FROM spans GROUP BY status ORDER BY status")),
            "status_by_annotator": {
                a: dict(rows)
                for a, rows in _group(
                    c.execute("SELECT annotator, state, count(*) FROM doc_status GROUP BY annotator, state ORDER BY 1, 2")
                )
            },
        }

    # ----- asked by code outside the store (branch store) -------------------------------------
    @property
    def closed(self) -> bool:
        """Whether close() was called: a window may still hold the handle afterwards."""
        return self.conn is None


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 5, 6, 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26
_WRITE_ERRORS = {_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL,
                 _SQLITE_CANTOPEN, _SQLITE_NOTADB}


_WAL_MAGIC = (0x377F0682, 0x377F0683)


def _wal_has_frames(path: Path) -> bool:
    """Does the project's -wal file hold at least one frame (edits not yet in the file)?"""
    try:
        with open(str(path) + "-wal", "rb") as fh:
            head = fh.read(32)
            size = os.fstat(fh.fileno()).st_size
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: never guess that it is empty
    if len(head) < 32 or int.from_bytes(head[:4], "big") not in _WAL_MAGIC:
        return False  # not a log SQLite would read either
    page_size = int.from_bytes(head[8:12], "big")
    return size >= 32 + 24 + page_size


def _error_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of an exception (0 when unknown)."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def _write_failed(path: Path, exc: sqlite3.Error) -> Exception:
    """Turn a failed write into a one-line WriteFailed the GUI can show with a retry."""
    code = _error_code(exc)
    if getattr(path, "is_server", False):
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return WriteFailed(f"{path}: could not save: another user changed the same data at the same moment; "
                               "nothing was changed. Try again", "busy")
        return WriteFailed(f"{path}: could not save: {exc}; nothing was changed. Try again", "io")
    if code == _SQLITE_FULL:
        return WriteFailed(f"{path}: could not save: the disk is full; nothing was changed. "
                           "Free some space and try again", "full")
    if code == _SQLITE_READONLY:
        return WriteFailed(f"{path}: could not save: the file or its folder became read-only; nothing was changed",
                           "readonly")
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return WriteFailed(f"{path}: could not save: another program holds the project file locked; "
                           "nothing was changed. Try again", "busy")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return WriteFailed(f"{path}: could not save: the project file is damaged ({exc}); nothing was changed"
                           f"{_restore_hint(path)}", "damaged")
    if code in _WRITE_ERRORS:
        return WriteFailed(f"{path}: could not save: disk error ({exc}); nothing was changed. "
                           "Check the disk and try again", "io")
    return exc


def _restore_hint(path: Path) -> str:
    from annotator.core.backup import restore_hint

    try:
        return restore_hint(path)
    except Exception:
        return ""


def _damaged_if_backed_up(path: Path, exc: ProjectError) -> ProjectError:
    """A file that has backups was a project: if it no longer looks like one, it is damaged."""
    text = str(exc)
    what = ("it is empty: 0 bytes" if _EMPTY_FILE in text else "an SQLite file without any tables" if _EMPTY_DB in text
            else "no valid SQLite header" if "not an annotator project" in text else None)
    hint = _restore_hint(path) if what else ""
    if hint and "annotator restore" in hint:
        return DamagedProject(f"{path}: the project file is damaged ({what}){hint}")
    return exc


# The tables a later schema added, as empty temporary tables: a read-only open reads an
# older file as it is (it never writes), and readers find every table they expect.
_OLDER_SCHEMA_READ = {
    1: """
CREATE TEMP TABLE merged_layers (annotator TEXT NOT NULL, doc INTEGER NOT NULL, identity TEXT NOT NULL,
    source TEXT NOT NULL, digest TEXT NOT NULL, merged TEXT NOT NULL, PRIMARY KEY (annotator, doc));
CREATE TEMP TABLE review_decisions (doc INTEGER NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
    decision TEXT NOT NULL, reviewer TEXT NOT NULL, time TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (doc, kind, key))
""",
    4: """
CREATE TEMP TABLE assignments (doc INTEGER NOT NULL, annotator TEXT NOT NULL, package TEXT NOT NULL,
    assigned TEXT NOT NULL, slot INTEGER NOT NULL DEFAULT 0, kind TEXT NOT NULL DEFAULT 'plan',
    PRIMARY KEY (doc, annotator))
""",
    5: """
CREATE TEMP TABLE recommender_models (version INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,
    labels TEXT NOT NULL, docs INTEGER NOT NULL, scores TEXT NOT NULL, training TEXT NOT NULL,
    sha256 TEXT NOT NULL, model BLOB NOT NULL);
CREATE TEMP TABLE recommender_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)
""",
    # An older file's assignments have no seats yet: read them numbered as the migration would.
    6: """
CREATE TEMP VIEW assignments AS SELECT doc, annotator, package, assigned,
    (SELECT count(*) FROM main.assignments o WHERE o.doc = a.doc AND o.annotator < a.annotator) AS slot,
    'plan' AS kind FROM main.assignments a
""",
}
_TEMP_OBJECT = re.compile(r"CREATE TEMP (TABLE|VIEW) (\w+)")


def _read_older_schema(conn: sqlite3.Connection, version: int) -> None:
    # A table an older annotator made outside the migrations (the recommender's, before
    # version 6) is read as it is: a temporary table of the same name would hide it.
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for v in range(version, SCHEMA_VERSION):
        for statement in _split_sql(_OLDER_SCHEMA_READ.get(v, "")):
            # A table stands in for one the file lacks; a view wraps one the file has.
            kind, name = _TEMP_OBJECT.match(statement).groups()
            if (kind == "TABLE") == (name not in present):
                conn.execute(statement)


def _group(rows):
    out: dict[str, list] = {}
    for a, state, n in rows:
        out.setdefault(a, []).append((state, n))
    return out.items()


def _is_url(path) -> bool:
    return isinstance(path, str) and path.lower().startswith(("postgresql://", "postgres://"))


def _server_connect(url: str, where: str, readonly: bool):
    from annotator.core.store import pg

    try:
        return pg.connect(url, readonly)
    except sqlite3.Error as exc:
        raise ProjectError(f"{where}: cannot connect: {exc}") from None


def next_id(conn: sqlite3.Connection, table: str) -> int:
    """The next id a bulk insert may give itself: above every id the table ever used."""
    if getattr(conn, "is_server", False):  # concurrent writers: a reserved block, not max + 1
        return conn.reserve_ids(table)
    used = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    return max(used, row[0] if row else 0) + 1
