"""The spans of one document by id and by block (paragraph): a paint or a hit test looks only
at the spans of the blocks it touches, and an edit tells which blocks to repaint. Offsets are
code points; no Qt here."""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

from annotator.core.model import Span


class SpanIndex:
    __slots__ = ("spans", "by_block", "_starts")

    def __init__(self):
        self.spans: dict[int, Span] = {}
        self.by_block: list[list[int]] = [[]]  # per block: the ids of the spans touching it
        self._starts: list[int] = [0]  # code-point start of every block

    def reset(self, block_starts: list[int], spans: Iterable[Span]) -> None:
        self._starts = block_starts
        self.spans = {}
        self.by_block = [[] for _ in block_starts]
        for span in spans:
            self.add(span)

    def blocks_of(self, start: int, end: int) -> range:
        first = bisect_right(self._starts, start) - 1
        last = bisect_right(self._starts, max(start, end - 1)) - 1
        return range(max(first, 0), max(last, 0) + 1)

    def add(self, span: Span) -> range:
        """Index `span`; the blocks it touches."""
        self.spans[span.id] = span
        blocks = self.blocks_of(span.start, span.end)
        for b in blocks:
            self.by_block[b].append(span.id)
        return blocks

    def remove(self, span_id: int) -> range:
        """Drop a span; the blocks it touched (none if it was not here)."""
        span = self.spans.pop(span_id, None)
        if span is None:
            return range(0)
        blocks = self.blocks_of(span.start, span.end)
        for b in blocks:
            try:
                self.by_block[b].remove(span_id)
            except ValueError:
                pass
        return blocks

    def at(self, cp: int, include_rejected: bool = False) -> list[Span]:
        """Spans covering code point cp, innermost (shortest) first."""
        if not self.by_block:
            return []
        spans = self.spans
        found = [
            spans[i]
            for i in self.by_block[bisect_right(self._starts, cp) - 1]
            if spans[i].start <= cp < spans[i].end and (include_rejected or spans[i].status != "rejected")
        ]
        found.sort(key=lambda s: (s.end - s.start, -s.start, s.id))
        return found
