"""The document creation date (dct) and the date values that hang on it.

Relative dates (أمس، الشهر الماضي، 26 يوليو الماضي) get their TIMEX3 value from the dct. A
suggestion made before the dct was known has no value (or XXXX for the year), and suggesting
again skips it, as the span is there. So setting or changing a document's dct re-resolves
the suggested date spans it governs, in the same transaction:

- only spans still `suggested` (an accepted or rejected span is someone's decision);
- only spans whose attributes are still what the date rules gave them, under the old dct or
  under none (a value the annotator typed is theirs and stays);
- the change records every span's attributes before and after (the window undoes the whole
  action as one Change).

API (no Qt): set_dct(project, doc, value) -> DctChange;
unresolved_dates(project, doc) -> the suggested date spans a missing dct leaves without a
year or value; header_dct(text) -> the date written in a text's first line, if any.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from annotator.core.model import now
from annotator.core.store import suggestion_rows
from annotator.core.suggest.dates import find_dates

# A dct far from any document: dates whose value differs under it and under none depend on the dct.
_PROBE = date(2001, 1, 17)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _dumps(attrs: dict) -> str:
    return json.dumps(attrs, ensure_ascii=False, sort_keys=True)


def _rule_attrs(text: str, dct, scheme) -> dict[tuple[int, int], str]:
    """(start, end) -> the attributes JSON the date rules give each DATE span under `dct`, as
    suggest_document stores them (trimmed edges, attributes the scheme accepts)."""
    from annotator.core.suggest import _clean, _fit_attrs

    out = {}
    if not scheme.has_label("DATE"):
        return out
    for d in find_dates(text, dct):
        se = _clean(text, d.start, d.end)
        if se is not None:
            out[se] = _dumps(_fit_attrs(scheme, "DATE", d.attrs()))
    return out


@dataclass
class DctChange:
    """What set_dct changed: enough to undo and redo it exactly."""

    doc: int
    old: str | None
    new: str | None
    before: dict[int, str] = field(default_factory=dict)  # span id -> attrs JSON before
    after: dict[int, str] = field(default_factory=dict)

    @property
    def redated(self) -> int:
        return len(self.after)


def set_dct(project, doc: int, value: str | None) -> DctChange:
    """Set (None: remove) a document's dct and re-resolve its suggested date values, in one
    transaction. Raises SpanError for a dct that is not a date (nothing changes)."""
    from annotator.core.dates_iso import check_dct

    if value is not None:
        check_dct(value)
    document = project.document(doc)
    old = document.meta.get("dct")
    change = DctChange(doc, old, value)
    if value != old:
        scheme = project.scheme
        before = _rule_attrs(document.text, old, scheme)
        undated = before if old is None else _rule_attrs(document.text, None, scheme)
        after = _rule_attrs(document.text, value, scheme)
        for sid, start, end, attrs in suggestion_rows.suggested_dates(project, doc):
            key = (start, end)
            new = after.get(key)
            if new is None or new == attrs:
                continue
            if attrs in (before.get(key), undated.get(key)):
                change.before[sid], change.after[sid] = attrs, new
    _apply(project, change, change.new, change.after)
    return change


def _apply(project, change: DctChange, dct: str | None, attrs: dict[int, str]) -> None:
    stamp = now()
    with project.transaction():
        meta = json.loads(suggestion_rows.doc_meta_json(project, change.doc))
        if dct is None:
            meta.pop("dct", None)
        else:
            meta["dct"] = dct
        suggestion_rows.set_doc_meta_json(project, change.doc, _dumps(meta))
        suggestion_rows.set_span_attrs(project, list(attrs.items()), stamp)


def refresh_values(project, doc: int, text: str, dct) -> int:
    """Give a document's suggested date spans that still carry the undated rule value (made
    before its dct was set by a way that did not re-resolve them) the value under `dct`.
    The caller holds the transaction (a suggest run). Returns how many changed."""
    if not dct:
        return 0
    spans = suggestion_rows.suggested_dates(project, doc)
    if not spans:
        return 0
    undated = _rule_attrs(text, None, project.scheme)
    dated = _rule_attrs(text, dct, project.scheme)
    todo = [(sid, dated[(s, e)]) for sid, s, e, attrs in spans
            if attrs == undated.get((s, e)) and dated.get((s, e)) not in (None, attrs)]
    suggestion_rows.set_span_attrs(project, todo, now())
    return len(todo)


def unresolved_dates(project, doc: int) -> int:
    """How many suggested date spans of a document without a dct lack the value a dct would
    give them (relative dates, and day-and-month dates with XXXX for the year). 0 with a dct."""
    document = project.document(doc)
    if document.meta.get("dct"):
        return 0
    spans = suggestion_rows.suggested_dates(project, doc)
    if not spans:
        return 0
    scheme = project.scheme
    undated = _rule_attrs(document.text, None, scheme)
    probed = _rule_attrs(document.text, _PROBE, scheme)
    return sum(1 for _, s, e, attrs in spans if attrs == undated.get((s, e)) and probed.get((s, e)) != attrs)


def header_dct(text: str) -> str | None:
    """The full date (YYYY-MM-DD) written in the first non-blank line of a text, if that line
    holds one: many news texts open with their date. Used only when the user asks, since a
    header's date is not always the article's."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")[:300]
    for d in find_dates(line, None):
        if d.type == "DATE" and d.value and _FULL_DATE.match(d.value):
            return d.value
    return None
