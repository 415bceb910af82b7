"""The text view's span index on its own (no widget): spans by block, what an edit touches."""

from annotator.core.model import Span
from annotator.gui.text_view.span_index import SpanIndex


def _span(i, s, e, status="accepted"):
    return Span(id=i, doc=1, start=s, end=e, label="X", annotator="a", status=status)


def test_blocks_touched_and_spans_at_innermost_first():
    idx = SpanIndex()
    idx.reset([0, 10, 20], [_span(1, 2, 15), _span(2, 12, 14), _span(3, 12, 13, "rejected")])
    assert idx.by_block == [[1], [1, 2, 3], []]
    assert [s.id for s in idx.at(12)] == [2, 1]
    assert [s.id for s in idx.at(12, include_rejected=True)] == [3, 2, 1]
    assert idx.blocks_of(9, 10) == range(0, 1)  # end-exclusive: 10 is the next block's first
    assert idx.remove(1) == range(0, 2) and idx.by_block == [[], [2, 3], []]
    assert idx.remove(1) == range(0)
    assert idx.add(_span(4, 21, 25)) == range(2, 3) and idx.by_block[2] == [4]
