"""Plain records for documents, spans and relations, shared by store, formats and GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

SPAN_STATUSES = ("accepted", "suggested", "rejected")
DOC_STATES = ("todo", "in_progress", "done")
GOLD = "gold"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass
class Document:
    num: int  # internal row number, stable for the life of the project
    id: str  # the user-facing id (file name, JSONL id)
    text: str
    meta: dict = field(default_factory=dict)
    hash: str = ""

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.id)

    @property
    def dct(self) -> str | None:
        return self.meta.get("dct")


@dataclass
class Span:
    id: int
    doc: int
    start: int
    end: int
    label: str
    annotator: str
    status: str = "accepted"
    attrs: dict[str, Any] = field(default_factory=dict)
    rule: str | None = None  # the suggester rule that made it, if any
    origin: dict[str, Any] = field(default_factory=dict)  # provenance: merged from, reviewer
    created: str = ""
    modified: str = ""

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Relation:
    id: int
    doc: int
    label: str
    from_span: int
    to_span: int
    annotator: str
    status: str = "accepted"
    attrs: dict[str, Any] = field(default_factory=dict)
    rule: str | None = None
    origin: dict[str, Any] = field(default_factory=dict)
    created: str = ""
    modified: str = ""
