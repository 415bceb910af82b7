"""The native JSONL record: parsing (with line-numbered errors), the export filter, and
writing records as JSON Lines. Reading them from a project is annotator.core.store.records.

One document per line:
{"id", "text", "meta": {..., "dct"?}, "status": {annotator: state},
 "spans": [{"id", "start", "end", "label", "text", "annotator", "status", "attrs"}],
 "relations": [{"id", "label", "from", "to", "annotator", "status"}]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import IO, Iterable

import orjson

from annotator.core.checksums import content_hash  # noqa: F401 - the hash every reader and writer of documents uses
from annotator.core.errors import AnnotatorError, SpanError
from annotator.core.model import DOC_STATES, SPAN_STATUSES
from annotator.core.offsets import check_span
from annotator.core.scheme import Scheme

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
