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
