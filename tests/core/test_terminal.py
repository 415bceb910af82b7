from annotator.core.model import Span
from annotator.core.terminal import display, render_document, reshape, visual_order, wrap_logical


def test_visual_order_reverses_arabic_and_keeps_numbers_and_latin_readable():
    line = "قال 2021 iOS"
    shown = "".join(g for g, _ in visual_order([(c, i) for i, c in enumerate(line)]))
    # RTL paragraph: the Latin word and the number stay left-to-right, the Arabic word goes right
    assert shown.startswith("iOS 2021") and shown.endswith("لاق")


def test_reshape_joins_letters_and_makes_lam_alef_one_glyph():
    glyphs = reshape("لا")
    assert len(glyphs) == 1 and glyphs[0] == ("\ufefb", 0)
    assert "".join(g for g, _ in reshape("قال")) == "\ufed7\ufe8e\ufedd"


def test_render_colours_follow_the_span_after_reordering():
    text = "قال الوزير"
    span = Span(1, 1, 4, 10, "SOURCE", "a")
    out = render_document(text, [span], {"SOURCE": 34})
    # the coloured run holds exactly the shaped letters of الوزير, reversed for display
    coloured = out.split("\x1b[4;34m")[1].split("\x1b[0m")[0]
    assert coloured == "".join(g for g, _ in reshape("الوزير"))[::-1]
    assert out.endswith("".join(g for g, _ in reshape("قال"))[::-1])


def test_logical_mode_leaves_text_alone():
    assert display("قال «نعم»", logical=True) == "قال «نعم»"


def test_wrap_happens_before_reordering():
    line = "كلمة " * 30
    pieces = wrap_logical(line.strip(), 20)
    assert all(b - a <= 20 for a, b in pieces)
    assert " ".join(line.strip()[a:b] for a, b in pieces) == line.strip()
