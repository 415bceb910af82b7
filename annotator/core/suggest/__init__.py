"""Pre-annotation: rule-based suggestions for dates (DATE with TIMEX3 values) and quote
attributions (QUOTE, SOURCE, CUE with source/cue relations), and the status changes that
accept or reject them.

Suggestions live in the layer of the annotator they are for, with status "suggested" and
the rule that made them. Accepting sets status "accepted", rejecting "rejected"; a span an
annotator already has (same start, end and label, any status) is never suggested again.

API (no Qt):
- suggest_record(text, dct, only=None, annotator="suggest") -> (spans, relations) as native dicts
- suggest_document(project, doc_num, annotator="suggest", only=None) -> created span ids
- suggest_project(project, annotator="suggest", only=None, progress=None) -> SuggestReport
- accept_suggestions / reject_suggestions(project, doc_num, annotator, label=None, span_ids=None)
  -> StatusChange (what changed; the window undoes it as one Change, store/change_rows.recorded).
- insert_suggested(project, doc_num, spans, rels, annotator) inserts suggestions made elsewhere
  (the recommender's), inside the caller's transaction.
- set_dct(project, doc_num, value) -> DctChange: a document's dct and the suggested date
  values that depend on it, in one transaction (annotator.core.suggest.dct).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

from annotator.core.errors import SpanError
from annotator.core.model import now
from annotator.core.offsets import check_span
from annotator.core.store import suggestion_rows
from annotator.core.suggest.arabic import Folded
from annotator.core.suggest.dates import DateMatch, find_dates
from annotator.core.suggest.quotes import Attribution, find_quotes
from annotator.core.suggest.dct import DctChange, refresh_values, set_dct, unresolved_dates

DEFAULT_ANNOTATOR = "suggest"
KINDS = ("dates", "quotes")

__all__ = [
    "Attribution", "DateMatch", "DctChange", "DEFAULT_ANNOTATOR", "KINDS", "StatusChange", "SuggestReport",
    "accept_suggestions", "find_dates", "find_quotes", "insert_suggested", "reject_suggestions", "set_dct",
    "suggest_document", "suggest_project", "suggest_record", "unresolved_dates",
]


def _kinds(only: str | Iterable[str] | None) -> set[str]:
    if only is None:
        return set(KINDS)
    wanted = {only} if isinstance(only, str) else set(only)
    bad = wanted - set(KINDS)
    if bad:
        raise SpanError(f"unknown suggestion kind {sorted(bad)[0]!r} (use {' or '.join(KINDS)})")
    return wanted


def _clean(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def suggest_record(text: str, dct: date | str | None = None, only: str | Iterable[str] | None = None,
                   annotator: str = DEFAULT_ANNOTATOR) -> tuple[list[dict], list[dict]]:
    """Suggested spans and relations for one text, as native-record dicts.

    Span ids are "s1", "s2" ...; relation "from"/"to" refer to them. A SOURCE named by several
    quotes is one span with several relations.
    """
    kinds = _kinds(only)
    folded = Folded(text)
    spans: list[dict] = []
    rels: list[dict] = []
    index: dict[tuple[int, int, str], str] = {}

    def span(s: int, e: int, label: str, attrs: dict, rule: str) -> str | None:
        se = _clean(text, s, e)
        if se is None:
            return None
        key = (*se, label)
        if key in index:
            return index[key]
        sid = f"s{len(spans) + 1}"
        index[key] = sid
        spans.append({"id": sid, "start": se[0], "end": se[1], "label": label, "text": text[se[0]:se[1]],
                      "annotator": annotator, "status": "suggested", "attrs": attrs, "rule": rule})
        return sid

    if "dates" in kinds:
        for d in find_dates(text, dct, folded):
            span(d.start, d.end, "DATE", d.attrs(), d.rule)
    if "quotes" in kinds:
        for a in find_quotes(text, folded):
            q = span(*a.content, "QUOTE", {"type": a.type}, a.rule)
            if q is None:
                continue
            if a.source:
                attrs = {"kind": a.source_kind} if a.source_kind else {}
                sid = span(*a.source, "SOURCE", attrs, a.rule)
                if sid:
                    rels.append({"id": f"r{len(rels) + 1}", "label": "source", "from": q, "to": sid,
                                 "annotator": annotator, "status": "suggested",
                                 "rule": a.rule if a.source_explicit else a.rule + "+previous_source"})
            if a.cue:
                cid = span(*a.cue, "CUE", {}, a.rule)
                if cid:
                    rels.append({"id": f"r{len(rels) + 1}", "label": "cue", "from": q, "to": cid,
                                 "annotator": annotator, "status": "suggested", "rule": a.rule})
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return spans, rels


# ----- into a project -------------------------------------------------------------------------------
def _fit_attrs(scheme, label: str, attrs: dict) -> dict:
    """Keep the attributes the project's scheme defines and accepts for this label."""
    lab = scheme.label(label)
    out = {}
    for k, v in attrs.items():
        a = lab.attribute(k)
        if a is None:
            continue
        try:
            a.check(v)
        except SpanError:
            continue
        out[k] = v
    return out


def _relation_ok(scheme, name: str, a: str, b: str) -> bool:
    try:
        scheme.check_relation(name, a, b)
        return True
    except SpanError:
        return False


def _insert(project, doc_num: int, text: str, dct, annotator: str, only,
            found: tuple[list[dict], list[dict]] | None = None) -> tuple[list[tuple[int, str]], int]:
    """Insert one document's suggestions (the rules', or `found`); the caller holds the transaction."""
    scheme = project.scheme
    spans, rels = found if found is not None else suggest_record(text, dct, only, annotator)
    existing = suggestion_rows.layer_span_keys(project, doc_num, annotator)
    ids: dict[str, int] = {}
    created: list[tuple[int, str]] = []
    stamp = now()
    for sp in spans:
        if not scheme.has_label(sp["label"]):
            continue
        key = (sp["start"], sp["end"], sp["label"])
        if key in existing:
            ids[sp["id"]] = -existing[key]  # an existing span: may be linked, never re-suggested
            continue
        check_span(text, sp["start"], sp["end"], where=f"document {doc_num}")
        attrs = _fit_attrs(scheme, sp["label"], sp["attrs"])
        sid = suggestion_rows.insert_suggested_span(
            project, doc_num, sp["start"], sp["end"], sp["label"], annotator,
            json.dumps(attrs, ensure_ascii=False, sort_keys=True), sp["rule"],
            json.dumps(sp.get("origin") or {}, ensure_ascii=False, sort_keys=True), stamp)
        ids[sp["id"]] = sid
        created.append((sid, sp["label"]))
    labels = {sp["id"]: sp["label"] for sp in spans}
    n_rels = 0
    for r in rels:
        a, b = ids.get(r["from"]), ids.get(r["to"])
        if a is None or b is None or a < 0:
            continue  # the quote was there already: its links are the annotator's business
        b = abs(b)
        if not _relation_ok(scheme, r["label"], labels[r["from"]], labels[r["to"]]):
            continue
        suggestion_rows.insert_suggested_link(project, doc_num, r["label"], a, b, annotator, r["rule"], stamp)
        n_rels += 1
    return created, n_rels


def _ensure(project, annotator: str) -> None:
    project.ensure_annotator(annotator, "suggester" if annotator == DEFAULT_ANNOTATOR else None)


def suggest_document(project, doc_num: int, annotator: str = DEFAULT_ANNOTATOR,
                     only: str | Iterable[str] | None = None) -> list[int]:
    """Add suggestions to one document in one transaction. Returns the new span ids (for undo:
    deleting them removes their relations too)."""
    doc = project.document(doc_num)
    with project.transaction():
        _ensure(project, annotator)
        created, _ = _insert(project, doc.num, doc.text, doc.meta.get("dct"), annotator, only)
    return [sid for sid, _ in created]


def insert_suggested(project, doc_num: int, spans: list[dict], rels: list[dict],
                     annotator: str = DEFAULT_ANNOTATOR) -> list[tuple[int, str]]:
    """Insert suggestions made elsewhere (suggest_record's form, with an optional "origin" per
    span) into one document, skipping the spans the layer has; the caller holds the
    transaction. Returns (span id, label) of the new spans."""
    _ensure(project, annotator)
    doc = project.document(doc_num)
    created, _ = _insert(project, doc.num, doc.text, None, annotator, None, (spans, rels))
    return created


@dataclass
class SuggestReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    refreshed: int = 0  # suggested dates made before their document's dct was set, given its values now
    undated: int = 0  # documents without a dct whose relative dates have no value
    unresolved: int = 0  # those dates

    def summary(self) -> str:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.by_label.items()))
        return (f"suggested {self.spans} spans ({labels or 'none'}) and {self.relations} relations "
                f"in {self.documents} documents")

    def notes(self) -> list[str]:
        out = []
        if self.refreshed:
            out.append(f"{self.refreshed} dates suggested earlier took their values from their document's dct")
        if self.undated:
            out.append(f"{self.undated} documents have no dct: {self.unresolved} relative dates were left without "
                       "a value (set dct when importing: --dct DATE or --dct-from-header)")
        return out


def suggest_project(project, annotator: str = DEFAULT_ANNOTATOR, only: str | Iterable[str] | None = None,
                    docs: Iterable[int] | None = None,
                    progress: Callable[[int, int], None] | None = None) -> SuggestReport:
    """Suggest for every document (or the given document numbers), all in one transaction."""
    _kinds(only)
    nums = list(docs) if docs is not None else project.document_nums()
    report = SuggestReport()
    with project.transaction():
        _ensure(project, annotator)
        for i, num in enumerate(nums):
            doc = project.document(num)
            dct = doc.meta.get("dct")
            created, n_rels = _insert(project, doc.num, doc.text, dct, annotator, only)
            if "dates" in _kinds(only):
                if dct:
                    report.refreshed += refresh_values(project, doc.num, doc.text, dct)
                else:
                    left = unresolved_dates(project, doc.num)
                    report.undated += bool(left)
                    report.unresolved += left
            report.documents += 1
            report.spans += len(created)
            report.relations += n_rels
            for _, label in created:
                report.by_label[label] = report.by_label.get(label, 0) + 1
            if progress:
                progress(i + 1, len(nums))
    return report


# ----- accepting and rejecting --------------------------------------------------------------------
@dataclass
class StatusChange:
    """What a bulk accept/reject changed: enough to undo it."""

    spans: dict[int, str] = field(default_factory=dict)  # span id -> status before
    relations: dict[int, str] = field(default_factory=dict)
    status: str = ""
    origins: dict[int, str] = field(default_factory=dict)  # span id -> origin JSON before

    def __bool__(self) -> bool:
        return bool(self.spans or self.relations)


def _set_status(project, doc_num: int, annotator: str, status: str, label: str | None,
                span_ids: Iterable[int] | None, edited_by: str | None = None) -> StatusChange:
    change = StatusChange(status=status)
    found = suggestion_rows.suggested_spans(project, doc_num, annotator, label)
    if span_ids is not None:
        wanted = set(span_ids)
        found = [r for r in found if r[0] in wanted]
    stamp = now()
    with project.transaction():
        for sid, old, origin in found:
            suggestion_rows.set_span_status(project, sid, status, stamp)
            change.spans[sid] = old
            if edited_by and edited_by != annotator:
                # The layer keeps its author; the person who decided is recorded beside it.
                change.origins[sid] = origin
                decided = {**json.loads(origin), "edited_by": edited_by}
                suggestion_rows.set_span_origin(project, sid, json.dumps(decided, ensure_ascii=False, sort_keys=True))
        # Relations follow their spans: a rejected span's links are rejected; a link is accepted
        # once both of its ends are accepted.
        for rid, a, b, old in suggestion_rows.suggested_links(project, doc_num, annotator):
            if status == "rejected" and (a in change.spans or b in change.spans):
                new = "rejected"
            elif status == "accepted" and (a in change.spans or b in change.spans):
                ends = suggestion_rows.span_statuses(project, (a, b))
                if not all(v == "accepted" for v in ends.values()):
                    continue
                new = "accepted"
            else:
                continue
            suggestion_rows.set_link_status(project, rid, new, stamp)
            change.relations[rid] = old
    return change


def accept_suggestions(project, doc_num: int, annotator: str, label: str | None = None,
                       span_ids: Iterable[int] | None = None, edited_by: str | None = None) -> StatusChange:
    """Accept the suggested spans of one annotator in a document (all, one label's, or the given
    ids) in one transaction, with the suggested links whose both ends are then accepted.
    `edited_by`, when another person decides on this layer, goes into each span's origin."""
    return _set_status(project, doc_num, annotator, "accepted", label, span_ids, edited_by)


def reject_suggestions(project, doc_num: int, annotator: str, label: str | None = None,
                       span_ids: Iterable[int] | None = None, edited_by: str | None = None) -> StatusChange:
    """Reject suggested spans (and their suggested links) in one transaction."""
    return _set_status(project, doc_num, annotator, "rejected", label, span_ids, edited_by)
