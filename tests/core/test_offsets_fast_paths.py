"""The fast roads of offset handling give exactly what the plain ones gave: grapheme starts
found by a regular expression over marker letters, the "every mode agrees" shortcut of
OffsetConverter, and line numbers counted once per newline in the streaming JSON reader."""

import json

from hypothesis import given, settings, strategies as st

from annotator.core.formats.common import OffsetConverter, iter_json_array
from annotator.core.offsets import _is_cluster_extender, grapheme_starts, graphemes_are_codepoints


def reference_grapheme_starts(text: str) -> list[int]:
    """The character-by-character walk grapheme_starts used to be: the specification."""
    starts = []
    i, n = 0, len(text)
    while i < n:
        starts.append(i)
        ch = text[i]
        i += 1
        if ch == "\r" and i < n and text[i] == "\n":
            i += 1
            continue
        if "\U0001f1e6" <= ch <= "\U0001f1ff" and i < n and "\U0001f1e6" <= text[i] <= "\U0001f1ff":
            i += 1
        while i < n:
            c = text[i]
            if _is_cluster_extender(c):
                i += 1
                if c == "\u200d" and i < n:
                    i += 1
            else:
                break
    return starts


# The characters that make clusters, with plain Arabic and Latin around them.
TRICKY = st.sampled_from(["a", " ", "\r", "\n", "\u200d", "\u064e", "\u0651", "\ufe0f", "\u20dd", "ل", "ا",
                          "ﻻ", "٣", "\U0001f1e6", "\U0001f1ea", "\U0001f44d", "\U0001f3fd", "\U000e0067",
                          "\U0001f468", "\u0903"])


@settings(max_examples=600, deadline=None)
@given(st.lists(TRICKY, max_size=16).map("".join))
def test_grapheme_starts_match_the_walk_on_tricky_text(text):
    assert grapheme_starts(text) == reference_grapheme_starts(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_grapheme_starts_match_the_walk_on_any_text(text):
    assert grapheme_starts(text) == reference_grapheme_starts(text)
    if graphemes_are_codepoints(text):  # a sufficient test: it may say no to a lone joiner
        assert reference_grapheme_starts(text) == list(range(len(text)))


def test_harakat_make_the_modes_differ_and_plain_arabic_does_not():
    plain = OffsetConverter("قال الوزير إن الاجتماع عقد أمس", "auto")
    assert plain.modes_agree()
    assert not OffsetConverter("قالَ الوزير", "auto").modes_agree()
    assert not OffsetConverter("قال 👍 الوزير", "auto").modes_agree()
    assert not OffsetConverter("سطر\r\nسطر", "auto").modes_agree()


def test_agreeing_modes_still_refuse_offsets_outside_the_text():
    conv = OffsetConverter("قال الوزير", "auto")
    for mode in ("codepoints", "utf16", "graphemes"):
        assert conv.convert(0, 3, mode) == (0, 3)
    for mode in ("utf16", "graphemes"):
        try:
            conv.convert(0, 99, mode)
        except ValueError as exc:
            assert "99" in str(exc)
        else:
            raise AssertionError(f"{mode}: an offset past the end was accepted")


def test_grapheme_offsets_are_still_chosen_after_harakat():
    # doccano's grapheme mode gives no span text: the mode that lands on word edges wins.
    text = "قالَ الوزيرُ إنَّ الاجتماعَ عُقِدَ"
    starts = grapheme_starts(text)
    word = "الاجتماعَ"
    cp = text.index(word)
    g_start, g_end = starts.index(cp), starts.index(cp) + len(grapheme_starts(word))
    conv = OffsetConverter(text, "auto", ("codepoints", "graphemes", "utf16"))
    chosen = conv.choose([(g_start, g_end, None)])
    assert chosen == "graphemes"
    s, e = conv.convert(g_start, g_end, chosen)
    assert text[s:e] == word


def test_a_lazy_span_list_is_only_made_when_the_modes_differ():
    calls = []

    def spans():
        calls.append(1)
        return [(0, 4, "قالَ")]

    assert OffsetConverter("قال الوزير", "auto").choose(spans) == "codepoints"
    assert calls == []
    assert OffsetConverter("قالَ الوزير", "auto", ("utf16", "codepoints", "graphemes")).choose(spans) == "utf16"
    assert calls == [1]


def test_json_array_lines_are_right_across_chunks(tmp_path):
    # Elements of varying height, read in chunks far smaller than the file, so the reader
    # trims and refills its buffer many times between elements.
    path = tmp_path / "tasks.json"
    parts, lines, line = [], [], 1
    for i in range(300):
        body = json.dumps({"n": i, "text": "نص " * (i % 7)}, ensure_ascii=False, indent=(i % 3) or None)
        lines.append(line + 1)
        parts.append(body)
        line += 1 + body.count("\n")
    path.write_text("[\n" + ",\n".join(parts) + "\n]\n", encoding="utf-8")
    got = [(int(where.rsplit(":", 1)[1]), obj["n"]) for where, obj, _ in iter_json_array(path, chunk=97)]
    assert got == [(lines[i], i) for i in range(300)]


def test_a_file_settles_on_its_convention_after_a_sample_of_agreeing_documents():
    from annotator.core.formats.common import ModeVote

    vote = ModeVote()
    text = "قالَ الوزيرُ إنَّ الاجتماعَ عُقِدَ"
    word = "الاجتماعَ"
    cp = text.index(word)
    for _ in range(ModeVote.SAMPLE):  # documents whose spans only code points explain
        conv = OffsetConverter(text, "auto", ("codepoints", "graphemes", "utf16"), vote=vote)
        assert conv.choose([(cp, cp + len(word), word)]) == "codepoints"
    assert vote.settled == "codepoints"
    # Settled, a document is checked against the convention: no grapheme walk, no scoring.
    calls = []
    conv = OffsetConverter(text, "auto", ("codepoints", "graphemes", "utf16"), vote=vote)
    conv._choose = lambda spans: calls.append(spans) or "graphemes"
    assert conv.choose([(cp, cp + len(word), None)]) == "codepoints" and calls == []
    # A document the convention does not fit still chooses for itself.
    starts = grapheme_starts(text)
    g = starts.index(cp)
    end_g = g + len(grapheme_starts(word))
    conv = OffsetConverter(text, "auto", ("codepoints", "graphemes", "utf16"), vote=vote)
    assert conv.choose([(len(text) + 5, len(text) + 9, None)]) == "codepoints"  # nothing fits: the first
    conv = OffsetConverter(text, "auto", ("graphemes", "codepoints", "utf16"), vote=ModeVote())
    assert conv.choose([(g, end_g, word)]) == "graphemes"


def test_a_file_whose_documents_disagree_never_settles():
    from annotator.core.formats.common import ModeVote

    vote = ModeVote()
    for k in range(3 * ModeVote.SAMPLE):
        vote.record("codepoints" if k % 2 else "graphemes")
    assert vote.settled is None
