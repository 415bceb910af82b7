"""The one change model: what an edit did to the stored rows, so it can be undone and redone.

Every mutator of the Project and of review returns a Change: the rows it touched, each as it
was before and after (a row that did not exist is None). Undo writes the before side back,
redo the after side, each in one transaction through the Project (`project.undo(change)`,
`project.redo(change)`), so an undone add gets its span back under the same id and a redone
review decision restores the gold layer exactly. `result` is the mutator's answer to its
caller (the span it made, the value it replaced), documented at each mutator.

Rows are kept as stored (attrs and origin as their JSON text): applying one is a plain write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from annotator.core.model import Relation, Span

# Each table a change may touch, by the columns of its key.
KEYS = {
    "spans": ("id",),
    "relations": ("id",),
    "review_decisions": ("doc", "kind", "key"),
    "doc_status": ("doc", "annotator"),
    "documents": ("num",),
}
# When a set of rows is written at once: what others point at goes in first and out last.
ORDER = ("spans", "relations", "review_decisions", "doc_status", "documents")


@dataclass(frozen=True)
class RowChange:
    table: str
    key: tuple
    before: dict | None  # column -> stored value; None: there was no such row
    after: dict | None

    def inverse(self) -> "RowChange":
        return RowChange(self.table, self.key, self.after, self.before)


@dataclass
class Change:
    rows: tuple[RowChange, ...] = ()
    doc: int | None = None
    result: object = None
    created: list[int] = field(default_factory=list)  # span ids the action made

    @property
    def empty(self) -> bool:
        return not self.rows

    def inverse(self) -> "Change":
        """The change that puts the rows back: each row inverted, in reverse order."""
        return Change(tuple(r.inverse() for r in reversed(self.rows)), self.doc, self.result)

    def then(self, other: "Change | None") -> "Change":
        """This change followed by `other`, as one (undone and redone together)."""
        if other is None:
            return self
        return Change(self.rows + other.rows, self.doc if self.doc is not None else other.doc, self.result,
                      self.created + other.created)

    def tables(self) -> set[str]:
        return {r.table for r in self.rows}

    def spans(self, side: str = "after") -> list[Span]:
        """The spans this change leaves (side "after") or found (side "before")."""
        return [row_span(getattr(r, side)) for r in self.rows if r.table == "spans" and getattr(r, side) is not None]


def diff(before: dict, after: dict) -> tuple[RowChange, ...]:
    """The rows that differ between two readings of the same rows ({(table, key): row}),
    ordered so that each write keeps the foreign keys whole: rows that go leave before those
    they point at (a link before its span), rows that come or change arrive after them.
    The inverse (the same list reversed and inverted) is ordered right as well."""
    out_rows, in_rows = [], []
    for k in sorted(set(before) | set(after), key=lambda k: (ORDER.index(k[0]), _sortable(k[1]))):
        b, a = before.get(k), after.get(k)
        if b == a:
            continue
        (in_rows if a is not None else out_rows).append(RowChange(k[0], k[1], b, a))
    out_rows.sort(key=lambda r: -ORDER.index(r.table))
    return tuple(out_rows + in_rows)


def _sortable(key: tuple) -> tuple:
    return tuple((0, v) if isinstance(v, int) else (1, str(v)) for v in key)


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def span_row(s: Span) -> dict:
    return {"id": s.id, "doc": s.doc, "start": s.start, "end": s.end, "label": s.label, "annotator": s.annotator,
            "status": s.status, "attrs": dumps(s.attrs), "rule": s.rule, "origin": dumps(s.origin),
            "created": s.created, "modified": s.modified}


def row_span(r: dict) -> Span:
    return Span(r["id"], r["doc"], r["start"], r["end"], r["label"], r["annotator"], r["status"],
                json.loads(r["attrs"]), r["rule"], json.loads(r["origin"]), r["created"], r["modified"])


def relation_row(r: Relation) -> dict:
    return {"id": r.id, "doc": r.doc, "label": r.label, "from_span": r.from_span, "to_span": r.to_span,
            "annotator": r.annotator, "status": r.status, "attrs": dumps(r.attrs), "rule": r.rule,
            "origin": dumps(r.origin), "created": r.created, "modified": r.modified}

