"""What an export reads: a project's native records, streaming, and the counts and lists the
format writers need (how many documents, which labels overlap, file names per document).

`project` is anything with a `conn`: a Project, or a Snapshot (one read transaction on a
connection of its own, for export workers). Errors are core errors (ProjectError,
DamagedProject), never sqlite3's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterator

import orjson

from annotator.core.checksums import content_hash, matches, mismatch_message, short_error
from annotator.core.store.checksums import has_checksums
from annotator.core.errors import ProjectError
from annotator.core.native import ExportFilter


def _merge_by_doc(cursor) -> Iterator[tuple[int, list]]:
    """Group rows (doc first) of a cursor ordered by doc into (doc, rows)."""
    group: list = []
    current = None
    for row in cursor:
        if row[0] != current:
            if group:
                yield current, group
            current, group = row[0], []
        group.append(row)
    if group:
        yield current, group


class _Lookahead:
    def __init__(self, it):
        self._it = iter(it)
        self._head = next(self._it, None)

    def take(self, doc: int) -> list:
        while self._head is not None and self._head[0] < doc:
            self._head = next(self._it, None)
        if self._head is not None and self._head[0] == doc:
            rows = self._head[1]
            self._head = next(self._it, None)
            return rows
        return []


def iter_records(project, flt: ExportFilter | None = None, lo: int | None = None, hi: int | None = None
                 ) -> Iterator[dict]:
    """Native records of a project in document order, streaming.

    Four cursors (documents, spans, relations, statuses) all ordered by document are
    walked side by side, so memory holds one document at a time whatever the project size.
    `project` is anything with a `conn`. lo/hi: only documents whose row number is in
    [lo, hi) (None: no bound), so that worker processes can each read a part.

    Every document is checked before it is handed out: its text against its stored hash,
    its rows against its checksum (core/checksums.py). Damage raises a one-line
    DamagedProject naming the document, never a traceback or a wrong record.
    """
    conn = project.conn
    # The four cursors must see one state of the file, or a commit between their starts
    # would look like damage. A writer's own connection is left alone (it may edit meanwhile).
    own = not conn.in_transaction and getattr(project, "readonly", True)
    try:
        if own:
            conn.execute("BEGIN")
        yield from _records(project, flt, lo, hi)
    except sqlite3.DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (11, 26) or "decode" in str(exc):  # SQLITE_CORRUPT, SQLITE_NOTADB, bytes that are not UTF-8
            _damaged(project, f"a stored value cannot be read: {short_error(exc)}")
        raise
    except orjson.JSONDecodeError as exc:
        _damaged(project, f"a stored value is not valid JSON: {exc}")
    finally:
        # A generator dropped after its project closed (an export that failed on write
        # and closed the project first) is finalized later: nothing is left to end then.
        try:
            if own and conn.in_transaction:
                conn.execute("ROLLBACK")
        except sqlite3.ProgrammingError:
            pass


def _records(project, flt: ExportFilter | None, lo: int | None, hi: int | None) -> Iterator[dict]:
    flt = flt or ExportFilter()
    conn = project.conn
    bounds, params = [], []
    if lo is not None:
        bounds.append("{0} >= ?")
        params.append(lo)
    if hi is not None:
        bounds.append("{0} < ?")
        params.append(hi)
    where = ("WHERE " + " AND ".join(bounds)) if bounds else ""
    spans = _Lookahead(_merge_by_doc(conn.execute(
        'SELECT doc, id, start, "end", label, annotator, status, attrs, rule, origin FROM spans '
        f'{where.format("doc")} ORDER BY doc, start, "end" DESC, id', params)))
    rels = _Lookahead(_merge_by_doc(conn.execute(
        "SELECT doc, id, label, from_span, to_span, annotator, status, attrs, rule, origin FROM relations "
        f"{where.format('doc')} ORDER BY doc, id", params)))
    states = _Lookahead(_merge_by_doc(conn.execute(
        f"SELECT doc, annotator, state FROM doc_status {where.format('doc')} ORDER BY doc, annotator", params)))
    stored = "c.sum" if has_checksums(conn) else "NULL"
    documents = conn.execute(
        f"SELECT d.num, d.id, d.text, d.meta, d.hash, {stored} FROM documents d "
        f"{'LEFT JOIN doc_checksums c ON c.doc = d.num' if stored != 'NULL' else ''} "
        f"{where.format('d.num')} ORDER BY d.num", params)
    loads = orjson.loads
    for num, doc_id, text, meta, text_hash, checksum in documents:
        state_rows, span_rows, rel_rows = states.take(num), spans.take(num), rels.take(num)
        status = {a: s for _, a, s in state_rows if flt.layers is None or a in flt.layers}
        if flt.only_done and "done" not in status.values():
            continue
        # Damage inside rows passes SQLite's checks: never export it as if it were data.
        if not isinstance(text, str) or content_hash(text) != text_hash:
            _damaged(project, f"document {doc_id!r} (row {num}): its text does not match its stored hash")
        if checksum is not None and not matches(checksum, (num, doc_id, text_hash, meta), span_rows, rel_rows,
                                                state_rows):
            _damaged(project, mismatch_message(num, doc_id))
        out_spans = []
        kept = set()
        for _, sid, start, end, label, ann, st, attrs, rule, origin in span_rows:
            if not flt.span_ok(label, ann, st) or sid in flt.exclude_spans:
                continue
            kept.add(sid)
            rec = {"id": sid, "start": start, "end": end, "label": label, "text": text[start:end],
                   "annotator": ann, "status": st, "attrs": loads(attrs)}
            if rule:
                rec["rule"] = rule
            if origin != "{}":
                rec["origin"] = loads(origin)
            out_spans.append(rec)
        out_rels = []
        for _, rid, label, a, b, ann, st, attrs, rule, _origin in rel_rows:
            if a in kept and b in kept and (flt.include_suggestions or st != "suggested") and (
                flt.include_rejected or st != "rejected"
            ):
                rec = {"id": rid, "label": label, "from": a, "to": b, "annotator": ann, "status": st}
                if attrs != "{}":
                    rec["attrs"] = loads(attrs)
                if rule:
                    rec["rule"] = rule
                out_rels.append(rec)
        yield {"id": doc_id, "text": text, "meta": loads(meta), "status": status, "spans": out_spans,
               "relations": out_rels}


def _damaged(project, problem: str):
    """Raise the one-line DamagedProject of an export that met damaged rows."""
    from annotator.core.backup import restore_hint
    from annotator.core.errors import DamagedProject

    path = getattr(project, "path", None)
    if path is None:
        try:
            path = next((r[2] for r in project.conn.execute("PRAGMA database_list") if r[1] == "main"), None)
        except sqlite3.Error:
            path = None
    hint = ""
    if path:
        try:
            hint = restore_hint(path)
        except Exception:
            hint = ""
    raise DamagedProject(f"{path or 'project'}: the project file is damaged ({problem}); nothing was exported from "
                         f"it{hint}")


class ProjectRecords:
    """iter_records(project, flt) as an iterable that can also be handed to other
    processes: they read the same project file themselves (see open_snapshot), where a
    plain iterator of records would have to be serialized and sent to them."""

    def __init__(self, project, flt: ExportFilter | None = None):
        self.project = project
        self.flt = flt or ExportFilter()

    def __iter__(self) -> Iterator[dict]:
        return iter_records(self.project, self.flt)


def _connect_readonly(path) -> sqlite3.Connection:
    """A read-only connection of its own to a project file (autocommit, any thread)."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot open for reading: {short_error(exc)}") from None


class Snapshot:
    """A read-only connection to a project file holding one read transaction, so that
    everything read through it is one state of the file, whatever is written meanwhile
    (WAL readers see the snapshot their transaction started on). Has `conn`, so it can
    stand in for the project in iter_records."""

    def __init__(self, path):
        self.conn = _connect_readonly(path)
        try:
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self.conn.execute("BEGIN")
            # The first read starts the transaction; from here on the state is fixed.
            self.conn.execute("SELECT count(*) FROM documents WHERE num < 0").fetchone()
        except sqlite3.Error as exc:
            self.conn.close()
            raise ProjectError(f"{path}: cannot read: {short_error(exc)}") from None
        except BaseException:
            self.conn.close()
            raise

    def close(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        self.conn.close()


class ChangeWatch:
    """Tells whether any connection has committed to a project file since it was made
    (PRAGMA data_version, read on a connection of its own that never writes)."""

    def __init__(self, path):
        self.conn = _connect_readonly(path)
        try:
            self._start = self._version()
        except sqlite3.Error as exc:
            self.conn.close()
            raise ProjectError(f"{path}: cannot read: {short_error(exc)}") from None

    def _version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def unchanged(self) -> bool:
        """False too when the file cannot be asked any more: nothing is known to be the same."""
        try:
            return self._version() == self._start
        except sqlite3.Error:
            return False

    def close(self) -> None:
        self.conn.close()


# ----- what writers and the export driver ask ----------------------------------------------------
def count_documents(project, flt: ExportFilter | None) -> int:
    """How many documents an export with this filter holds (for a progress bar)."""
    if flt is None or not flt.only_done:
        return project.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    sql = "SELECT count(DISTINCT doc) FROM doc_status WHERE state = 'done'"
    layers = sorted(flt.layers) if flt.layers is not None else None
    if layers is not None:
        sql += f" AND annotator IN ({', '.join('?' * len(layers))})"
    return project.conn.execute(sql, layers or ()).fetchone()[0]


def max_document_num(project) -> int | None:
    """At least the number of documents an export of `project` can hold (cheap: the largest
    row number; deleted documents only make it larger). None: not a project with documents."""
    try:
        return project.conn.execute("SELECT max(num) FROM documents").fetchone()[0] or 0
    except (sqlite3.Error, AttributeError):
        return None


def document_nums(project) -> Iterator[int]:
    """Every document's row number, in order (streaming)."""
    for (num,) in project.conn.execute("SELECT num FROM documents ORDER BY num"):
        yield num


def document_ids(project) -> Iterator[str]:
    """Every document's id, in document order (streaming)."""
    for (doc_id,) in project.conn.execute("SELECT id FROM documents ORDER BY num"):
        yield doc_id


def annotator_names(project) -> list[str]:
    """Every annotator of the project, in name order."""
    return [r[0] for r in project.conn.execute("SELECT name FROM annotators ORDER BY name")]


def has_relations(project) -> bool:
    return bool(project.conn.execute("SELECT EXISTS(SELECT 1 FROM relations)").fetchone()[0])


def span_labels(project) -> list[str]:
    """Every label some span has, in name order."""
    return [r[0] for r in project.conn.execute("SELECT DISTINCT label FROM spans ORDER BY label")]


def overlapping_label_pairs(project) -> set[tuple[str, str]]:
    """(a, b) with a < b for labels whose spans overlap in some document, in one annotator's
    work (rejected spans left out)."""
    rows = project.conn.execute(
        'SELECT DISTINCT a.label, b.label FROM spans a JOIN spans b ON b.doc = a.doc AND b.annotator = a.annotator '
        'AND b.id != a.id AND b.start < a."end" AND a.start < b."end" AND a.label < b.label '
        "WHERE a.status != 'rejected' AND b.status != 'rejected'")
    return {(a, b) for a, b in rows}
