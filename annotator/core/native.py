"""The native JSONL record: parsing (with line-numbered errors) and streaming export.

One document per line:
{"id", "text", "meta": {..., "dct"?}, "status": {annotator: state},
 "spans": [{"id", "start", "end", "label", "text", "annotator", "status", "attrs"}],
 "relations": [{"id", "label", "from", "to", "annotator", "status"}]}
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator

import orjson

from annotator.core.checksums import content_hash, matches, mismatch_message, short_error
from annotator.core.errors import AnnotatorError, SpanError
from annotator.core.model import DOC_STATES, SPAN_STATUSES
from annotator.core.offsets import check_span
from annotator.core.scheme import Scheme
from annotator.core.store.checksums import has_checksums

_SPAN_KEYS = {"id", "start", "end", "label", "text", "annotator", "status", "attrs", "rule", "origin"}
_REL_KEYS = {"id", "label", "from", "to", "annotator", "status", "attrs", "rule", "origin"}


@dataclass
class ParsedSpan:
    ref: object  # the id the file gave it, for relations
    start: int
    end: int
    label: str
    annotator: str
    status: str
    attrs: dict
    rule: str | None = None
    origin: dict = field(default_factory=dict)


@dataclass
class ParsedRelation:
    label: str
    from_ref: object
    to_ref: object
    annotator: str
    status: str
    attrs: dict
    rule: str | None = None


@dataclass
class ParsedRecord:
    id: str | None
    text: str
    meta: dict
    status: dict[str, str]
    spans: list[ParsedSpan]
    relations: list[ParsedRelation]


MAX_DEPTH = 64  # levels of nested objects and lists in one record; deeper is refused at import


def too_deep(obj, limit: int = MAX_DEPTH) -> bool:
    """Is `obj` nested deeper than `limit` levels (an object or list is one level)? Without
    recursion, so any depth is answered. Every reader refuses such data, so every writer
    (orjson stops at 255 levels) can write what was imported."""
    stack = [(obj, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        o, d = pop()
        kids = o.values() if type(o) is dict else o if type(o) is list else ()
        for v in kids:
            if type(v) is dict or type(v) is list:
                if d + 1 > limit:
                    return True
                push((v, d + 1))
    return False


def _refuse_nul(value, where: str, what: str) -> None:
    if isinstance(value, str) and "\x00" in value:
        _fail(where, f"{what} contains a NUL character")


def _fail(where: str, msg: str):
    raise SpanError(f"{where}: {msg}")


def _annotator(value, default: str, where: str) -> str:
    if value is None:
        return default
    if not isinstance(value, str) or not value or len(value) > 200:
        _fail(where, f"annotator must be a name of 1 to 200 characters, got {value!r}")
    _refuse_nul(value, where, "annotator name")
    return value


def parse_record(obj, where: str, scheme: Scheme, default_annotator: str) -> ParsedRecord:
    """Check one native record fully; raise SpanError naming `where` (file:line) on any problem."""
    if not isinstance(obj, dict):
        _fail(where, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        _fail(where, "missing \"text\" (a string)")
    if "\x00" in text:
        _fail(where, "text contains a NUL character")
    doc_id = obj.get("id")
    if doc_id is not None:
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
            _fail(where, f"id must be a string or an integer, got {doc_id!r}")
        doc_id = str(doc_id)
        if not doc_id or len(doc_id) > 500:
            _fail(where, "id must be 1 to 500 characters")
        _refuse_nul(doc_id, where, "id")
    meta = obj.get("meta", {})
    if not isinstance(meta, dict):
        _fail(where, "meta must be an object")
    if too_deep(meta, MAX_DEPTH - 1):  # the record is the first level
        _fail(where, f"meta is nested deeper than {MAX_DEPTH} levels")
    if _has_nul(meta):
        _fail(where, "meta contains a NUL character (in a key or a value)")
    if meta.get("dct") is not None:
        from annotator.core.dates_iso import check_dct

        try:
            check_dct(meta["dct"])
        except AnnotatorError as exc:
            _fail(where, str(exc))
    status = obj.get("status", {})
    if not isinstance(status, dict):
        _fail(where, "status must be an object {annotator: state}")
    for ann, state in status.items():
        _annotator(ann, default_annotator, where)
        if state not in DOC_STATES:
            _fail(where, f"status of {ann!r} must be one of {', '.join(DOC_STATES)}, got {state!r}")
    raw_spans = obj.get("spans", [])
    if not isinstance(raw_spans, list):
        _fail(where, "spans must be a list")
    spans: list[ParsedSpan] = []
    refs: dict[object, ParsedSpan] = {}
    for i, s in enumerate(raw_spans):
        sw = f"{where}: span {i + 1}"
        if not isinstance(s, dict):
            _fail(sw, "expected an object")
        unknown = set(s) - _SPAN_KEYS
        if unknown:
            _fail(sw, f"unknown key {sorted(unknown)[0]!r}")
        start, end, label = s.get("start"), s.get("end"), s.get("label")
        if not isinstance(label, str):
            _fail(sw, "missing \"label\"")
        span_text = s.get("text")
        if span_text is not None and not isinstance(span_text, str):
            _fail(sw, "text must be a string")
        check_span(text, start, end, span_text, where=sw)
        try:
            lab = scheme.label(label)
        except SpanError as exc:
            _fail(sw, str(exc))
        attrs = s.get("attrs", {}) or {}
        scheme.check_attrs(lab, attrs, where=sw)
        st = s.get("status", "accepted")
        if st not in SPAN_STATUSES:
            _fail(sw, f"status must be one of {', '.join(SPAN_STATUSES)}, got {st!r}")
        rule = s.get("rule")
        if rule is not None and not isinstance(rule, str):
            _fail(sw, "rule must be a string")
        origin = s.get("origin", {}) or {}
        if not isinstance(origin, dict):
            _fail(sw, "origin must be an object")
        if origin and too_deep(origin, MAX_DEPTH - 3):  # record > spans > span > origin
            _fail(sw, f"origin is nested deeper than {MAX_DEPTH} levels")
        if attrs and _has_nul(attrs) or origin and _has_nul(origin) or rule and "\x00" in rule:
            _fail(sw, "an attribute, origin or rule contains a NUL character")
        ref = s.get("id")
        if ref is None:  # no id (or null): nothing can point at it
            ref = f"__{i}"
        if isinstance(ref, (dict, list, bool, float)):
            _fail(sw, f"id must be a string or an integer, got {ref!r}")
        if ref in refs:
            _fail(sw, f"span id {ref!r} is used twice")
        ps = ParsedSpan(ref, start, end, label, _annotator(s.get("annotator"), default_annotator, sw), st, attrs,
                        rule, origin)
        refs[ref] = ps
        spans.append(ps)
    raw_rels = obj.get("relations", [])
    if not isinstance(raw_rels, list):
        _fail(where, "relations must be a list")
    rels: list[ParsedRelation] = []
    for i, r in enumerate(raw_rels):
        rw = f"{where}: relation {i + 1}"
        if not isinstance(r, dict):
            _fail(rw, "expected an object")
        unknown = set(r) - _REL_KEYS
        if unknown:
            _fail(rw, f"unknown key {sorted(unknown)[0]!r}")
        label = r.get("label")
        if not isinstance(label, str):
            _fail(rw, "missing \"label\"")
        a, b = r.get("from"), r.get("to")
        if isinstance(a, (dict, list)) or a not in refs:
            _fail(rw, f"\"from\" points at a missing span {a!r}")
        if isinstance(b, (dict, list)) or b not in refs:
            _fail(rw, f"\"to\" points at a missing span {b!r}")
        if a == b:
            _fail(rw, "a relation cannot link a span to itself")
        if refs[a].annotator != refs[b].annotator:
            _fail(rw, f"a relation stays inside one annotator's work, but it links {refs[a].annotator}'s span "
                      f"to {refs[b].annotator}'s")
        rel_type = scheme.check_relation(label, refs[a].label, refs[b].label, where=rw)
        attrs = r.get("attrs", {}) or {}
        scheme.check_attrs(rel_type, attrs, where=rw)
        if attrs and _has_nul(attrs):
            _fail(rw, "an attribute contains a NUL character")
        st = r.get("status", "accepted")
        if st not in SPAN_STATUSES:
            _fail(rw, f"status must be one of {', '.join(SPAN_STATUSES)}, got {st!r}")
        ann = _annotator(r.get("annotator"), refs[a].annotator, rw)
        rels.append(ParsedRelation(label, a, b, ann, st, attrs, r.get("rule")))
    return ParsedRecord(doc_id, text, meta, dict(status), spans, rels)


def _has_nul(obj) -> bool:
    """A NUL anywhere in the keys or string values of a JSON value (depth checked before)."""
    stack = [obj]
    while stack:
        o = stack.pop()
        if type(o) is dict:
            for k, v in o.items():
                if "\x00" in k:
                    return True
                stack.append(v)
        elif type(o) is list:
            stack.extend(o)
        elif type(o) is str and "\x00" in o:
            return True
    return False


# ----- export -----------------------------------------------------------------------------------
@dataclass
class ExportFilter:
    """Which spans go out. `layers` None means every annotator; `labels` None means all."""

    layers: set[str] | None = None
    labels: set[str] | None = None
    include_suggestions: bool = True
    include_rejected: bool = True
    only_done: bool = False  # only documents that some exported layer has marked done
    # Spans left out by id: gold spans in undecided clusters (see review.gold_review).
    exclude_spans: frozenset = frozenset()

    def span_ok(self, label: str, annotator: str, status: str) -> bool:
        if self.layers is not None and annotator not in self.layers:
            return False
        if self.labels is not None and label not in self.labels:
            return False
        if status == "suggested" and not self.include_suggestions:
            return False
        if status == "rejected" and not self.include_rejected:
            return False
        return True


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
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


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
        self._start = self._version()

    def _version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def unchanged(self) -> bool:
        return self._version() == self._start

    def close(self) -> None:
        self.conn.close()


def write_jsonl(records: Iterable[dict], fh: IO[bytes]) -> int:
    """Write records as UTF-8 JSONL (no ASCII escapes). Returns the count."""
    n = 0
    dumps = orjson.dumps
    for rec in records:
        fh.write(dumps(rec))
        fh.write(b"\n")
        n += 1
    return n


def dumps_line(rec: dict) -> str:
    return json.dumps(rec, ensure_ascii=False)
