"""The annotation text view: read-only right-to-left text with stacked span highlights.

Why it is built this way (each point fixes a bug the peer tools ship):

- The stored text is the truth. The widget holds a copy with the same UTF-16 length at
  every character, and every offset crosses the boundary through one Utf16Map. Text is
  never read back from Qt (it turns NBSP into a space, joins blocks with U+2029).
- Highlights never touch the text's formats. Spans are painted with QPainter over
  rectangles taken from the glyph runs of each block's QTextLayout, so a partly
  highlighted Arabic word keeps its letters joined and a span crossing an RTL/LTR
  boundary gets one rectangle per visual run. Only visible blocks are painted, and a span
  change repaints only the blocks it touches (a few ms with thousands of spans).
- QPlainTextDocumentLayout lays every block out with the document's default option and
  left-aligns right-to-left paragraphs (QTBUG-7516); it also ignores line height. So each
  visible block is re-laid out here with its own direction (Unicode P2/P3: first strong
  character outside isolates), absolute alignment and a gap below every line where the
  underline lanes of nested spans go. Line breaking is unchanged, so Qt's line-based
  scrolling stays exact, and hit testing uses these same layouts.
- Invisible characters are drawn as marks over the text, never substituted, so no offset
  moves when they are shown.

The view is split by what each part holds:

    view.py          AnnotationView: the document, its spans, selection, fonts (the public API)
    span_index.py    SpanIndex: spans by id and by block (no Qt)
    block_layout.py  BlockLayout: each block laid out with its direction and lane gap, the
                     visible blocks, the rectangles of a range
    span_painter.py  SpanPainter: highlights, lanes, outlines, link numbers, invisibles
    view_input.py    ViewInput: mouse and keyboard, hit tests, tooltips
"""

from annotator.gui import pyside_guard  # noqa: F401  (first: PySide6 6.12 None refcount bug)
from annotator.gui.text_view.view import AnnotationView

__all__ = ["AnnotationView"]
