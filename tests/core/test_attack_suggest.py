"""Adversarial checks of the suggestion rules (issue 17): the forms the README promises, on
sentences written for these tests, and edge text."""

from __future__ import annotations

from annotator.core.suggest import suggest_record


def _spans(text: str):
    spans, rels = suggest_record(text, "2024-03-10")
    by_id = {s["id"]: s for s in spans}
    return ([(s["label"], text[s["start"]:s["end"]], s.get("attrs", {})) for s in spans],
            {(r["label"], text[by_id[r["from"]]["start"]:by_id[r["from"]]["end"]],
              text[by_id[r["to"]]["start"]:by_id[r["to"]]["end"]]) for r in rels})


def test_an_official_who_did_not_reveal_his_name_is_the_source_not_a_cue():
    """"لم يكشف عن اسمه" describes the speaker: كشف is not the cue, and أكد is."""
    for text, cue in [("أكد مسؤول لم يكشف عن اسمه أن الاجتماع تأجل إلى الأسبوع المقبل.", "أكد"),
                      ("وقال دبلوماسي لم يكشف عن هويته إن المحادثات متعثرة.", "قال")]:
        spans, links = _spans(text)
        source = text.split(cue, 1)[1].split(" أن ")[0].split(" إن ")[0].strip()
        assert ("CUE", cue, {}) in spans, spans
        assert ("SOURCE", source, {"kind": "anonymous"}) in spans, spans
        assert not any(label == "CUE" and word in ("يكشف", "كشف") for label, word, _ in spans)
        quote = next(w for label, w, _ in spans if label == "QUOTE")
        assert links == {("source", quote, source), ("cue", quote, cue)}


def test_many_anonymous_sources_cost_no_more_than_their_length():
    """Each cue was tested against every "لم يكشف عن اسمه" of the document: quadratic."""
    import time

    sentence = "وأكد مسؤول لم يكشف عن اسمه أن الاجتماع تأجل. "
    small, big = sentence * 500, sentence * 5000

    def cost(text):
        t0 = time.perf_counter()
        suggest_record(text, "2024-03-10", only="quotes")
        return time.perf_counter() - t0

    cost(small)
    ratio = cost(big) / max(cost(small), 1e-3)
    assert ratio < 25, ratio  # ten times the text: about ten times the time (it was over 60)


def _dates(text: str, dct: str):
    spans, _ = suggest_record(text, dct, only="dates")
    return [(text[s["start"]:s["end"]], s["attrs"].get("value"), s["attrs"].get("mod")) for s in spans]


def test_a_part_of_a_hijri_month_is_the_gregorian_part_it_falls_in():
    # Sha'ban 1445 ran 11 February - 10 March 2024: its last days are early March, not late February.
    assert _dates("وتنتهي المهلة في أواخر شعبان 1445 هـ", "2024-01-20") == [
        ("أواخر شعبان 1445 هـ", "2024-03", "START")]
    # Rabi' al-Thani 1445 ran 16 October - 14 November 2023: its middle is the end of October.
    assert _dates("وعقد الاجتماع في منتصف ربيع الثاني 1445", "2024-01-20") == [
        ("منتصف ربيع الثاني 1445", "2023-10", "END")]
    # Ramadan 1446 began on 1 March 2025: its first days are early March.
    assert _dates("وتبدأ الحملة في مطلع رمضان 1446", "2025-01-20") == [("مطلع رمضان 1446", "2025-03", "START")]


def test_bidi_marks_pasted_with_the_text_change_nothing_but_the_offsets():
    """RLM / LRM / ALM around words (text copied from the web) hid sentence ends and
    descriptions, and a quote began with the mark."""
    clean = "وأكد مسؤول لم يكشف عن اسمه أن الاجتماع تأجل إلى الأسبوع المقبل. وفي غرة رمضان أعلنت الحكومة انتهاء المهام."
    marked = (clean.replace("لم يكشف", "لم \u200fيكشف").replace("أن ", "أن\u061c ")
              .replace("المقبل. ", "المقبل.\u200e ").replace("رمضان ", "رمضان\u200e "))
    bidi = str.maketrans("", "", "\u200e\u200f\u061c")
    a, _ = _spans(clean)
    b, _ = _spans(marked)
    assert [(label, text.translate(bidi), attrs) for label, text, attrs in b] == a
    assert all(text == text.strip().strip("\u200e\u200f\u061c") for _, text, _ in b)


def test_a_quote_ends_at_any_paragraph_separator():
    for sep in ("\n", "\u2029", "\u2028", "\r"):
        text = f"قال الوزير إن الوضع صعب{sep}وأضاف أن الحل قريب"
        quotes = [w for label, w, _ in _spans(text)[0] if label == "QUOTE"]
        assert quotes == ["الوضع صعب", "الحل قريب"], (sep, quotes)


def test_quotation_marks_round_nothing_but_punctuation_are_no_quote():
    for text in ["قال الوزير: «...»", "وقال المدير: \"؟!\"", "قال الوزير: «…»"]:
        spans, links = _spans(text)
        assert not any(label == "QUOTE" for label, _, _ in spans), (text, spans)
        assert links == set()


def test_a_long_paragraph_without_a_full_stop_costs_no_more_than_its_length():
    """Each cue searched to the text's end for the sentence's end, then read its clause to there."""
    import time

    def cost(n):
        text = "قال الوزير إن الوضع صعب و" * n
        t0 = time.perf_counter()
        spans, _ = suggest_record(text, "2024-03-10", only="quotes")
        assert spans
        return time.perf_counter() - t0

    cost(100)
    ratio = cost(4000) / max(cost(400), 1e-3)
    assert ratio < 25, ratio  # ten times the text: about ten times the time (it was about 90)


def test_the_walk_back_to_a_sentence_start_is_bounded_like_the_walk_forward():
    from annotator.core.suggest.quotes import _SENT_MAX, _sentence_start

    text = "كلمة " * 20000 + "قال"
    start = _sentence_start(text, len(text) - 3)
    assert len(text) - 3 - start <= _SENT_MAX and text[start - 1] == " "
