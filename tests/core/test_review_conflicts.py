"""Gold you can trust: a span whose edges and label agree but whose attributes or links do
not is undecided until the reviewer chooses, and the gold export never holds it with the
disputed value left out. Two annotators' files are made through the Project API, merged into
a review project as a team would, and the gold layer is exported with `--layer gold`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from annotator.core import review as rv
from annotator.core.model import GOLD
from tests.support.review_data import QUOTE2, T1, T2, build, export_gold, gold_spans, record, span_of, team


def test_attribute_conflicts_stay_undecided_and_out_of_gold_until_chosen(disputed, tmp_path):
    d = disputed.document("t1").num
    rv.auto_accept(disputed, d, "hind")
    # only the cue, on which they agree entirely, went to gold
    assert [(s.label, s.attrs) for s in disputed.spans(d, GOLD)] == [("CUE", {})]
    cs = rv.clusters(disputed, d)
    quote = next(c for c in cs if any(s.label == "QUOTE" for s in c.spans))
    source = next(c for c in cs if any(s.label == "SOURCE" for s in c.spans))
    assert not quote.decided and not source.decided and quote.same_spans
    assert rv.progress(disputed, d).decided == 1 and rv.progress(disputed, d).clusters == 3
    # the competing values, side by side, exactly as chosen (P24M and P2Y are not "the same")
    diffs = {(T1[x.span[0]:x.span[1]], x.name): x.values for x in quote.differences()}
    assert diffs == {("عام 2020", "value"): {"amal": "2020", "badr": "2021"},
                     ("لمدة عامين", "value"): {"amal": "P24M", "badr": "P2Y"},
                     ("العقد الموقع عام 2020 يمتد لمدة عامين", "type"): {"amal": "indirect", "badr": "direct"}}
    assert quote.disputed_attrs() == ["type", "value"]

    recs, err = export_gold(disputed, tmp_path / "before.jsonl")
    assert gold_spans(recs, "t1") == [("قال", "CUE", {})]  # no span with a value silently dropped
    assert "document t1: review not finished: 2 of 3 clusters undecided" in err

    rv.accept_version(disputed, quote, "badr", "hind")
    rv.accept_version(disputed, source, "amal", "hind")
    assert rv.progress(disputed, d).decided == 3
    recs, err = export_gold(disputed, tmp_path / "after.jsonl")
    assert gold_spans(recs, "t1") == sorted([
        ("عام 2020", "DATE", {"value": "2021"}), ("لمدة عامين", "DATE", {"type": "DURATION", "value": "P2Y"}),
        ("العقد الموقع عام 2020 يمتد لمدة عامين", "QUOTE", {"type": "direct"}),
        ("المتحدث باسم الوزارة", "SOURCE", {"kind": "person"}), ("قال", "CUE", {})])
    assert "t1" not in err
    q = next(s for r in recs if r["id"] == "t1" for s in r["spans"] if s["label"] == "QUOTE")
    assert q["origin"]["from"] == ["badr"] and q["origin"]["auto"] is False


def test_an_older_automatic_acceptance_with_a_value_dropped_is_undecided_again(disputed):
    """Projects reviewed before this rule hold "auto" decisions over disputed attributes."""
    d = disputed.document("t1").num
    date = next(c for c in rv.clusters(disputed, d) if any(s.label == "SOURCE" for s in c.spans))
    disputed.ensure_annotator(GOLD, "gold")
    disputed.add_span(d, date.start, date.end, "SOURCE", GOLD, origin={"auto": True})
    with disputed.transaction() as c:
        c.execute("INSERT INTO review_decisions(doc, kind, key, decision, reviewer, time, data) "
                  "VALUES (?, 'cluster', ?, 'auto', 'hind', 'x', ?)", (d, date.key, '{"disputed_attrs": ["kind"]}'))
    again = rv.find_cluster(disputed, d, date.key)
    assert again.stale_auto and not again.decided
    assert rv.auto_accept(disputed, d, "hind") is not None  # the cue; the stale cluster is left to the reviewer
    assert not rv.find_cluster(disputed, d, date.key).decided
    assert "clusters undecided" in rv.gold_warnings(disputed)[0]


def test_links_that_differ_leave_the_quote_undecided_and_the_choice_brings_them(tmp_path):
    spans = [("الشركة", "SOURCE", {"kind": "organization"}), ("بيان", "SOURCE", {"kind": "document"}),
             (QUOTE2, "QUOTE", {"type": "indirect"}), ("وأكدت", "CUE", {})]
    work = {"amal": [("t2", spans, [("source", 2, 0), ("cue", 2, 3)])],
            "badr": [("t2", spans, [("source", 2, 1)])]}  # another source, and no cue link
    with team(tmp_path, work) as p:
        d = p.document("t2").num
        rv.auto_accept(p, d, "hind")
        assert sorted(s.label for s in p.spans(d, GOLD)) == ["CUE", "SOURCE", "SOURCE"]
        assert p.relations(d, GOLD) == []
        quote = next(c for c in rv.clusters(p, d) if any(s.label == "QUOTE" for s in c.spans))
        assert not quote.decided and quote.same_spans and not quote.unanimous
        diffs = {x.name: x.values for x in quote.differences()}
        assert diffs["source"] == {"amal": (span_of(T2, "الشركة") + ("SOURCE",),),
                                   "badr": (span_of(T2, "بيان") + ("SOURCE",),)}
        assert diffs["cue"] == {"amal": (span_of(T2, "وأكدت") + ("CUE",),), "badr": ()}
        change = rv.accept_version(p, quote, "badr", "hind")
        links = {(r.label, T2[p.span(r.to_span).start:p.span(r.to_span).end]) for r in p.relations(d, GOLD)}
        assert links == {("source", "بيان")}
        decided = {c.key: c.decision for c in rv.relation_candidates(p, d)}
        assert sorted(decided.values()) == ["accepted", "rejected", "rejected"]
        p.undo(change)
        assert p.relations(d, GOLD) == [] and not rv.find_cluster(p, d, quote.key).decided


def test_a_chosen_link_waits_for_its_other_end_to_become_gold(tmp_path):
    work = {"amal": [("t2", [("الشركة", "SOURCE", {"kind": "organization"}), (QUOTE2, "QUOTE", {"type": "indirect"})],
                      [("source", 1, 0)])],
            "badr": [("t2", [("الشركة", "SOURCE", {"kind": "group"}), (QUOTE2, "QUOTE", {"type": "indirect"})],
                      [("source", 1, 0)])]}
    with team(tmp_path, work) as p:
        d = p.document("t2").num
        rv.auto_accept(p, d, "hind")  # the quote agrees entirely; its source's kind does not
        assert [s.label for s in p.spans(d, GOLD)] == ["QUOTE"]
        link = next(c for c in rv.relation_candidates(p, d))
        assert link.decision == "auto" and link.waiting
        source = next(c for c in rv.clusters(p, d) if any(s.label == "SOURCE" for s in c.spans))
        rv.accept_version(p, source, "badr", "hind")
        [r] = p.relations(d, GOLD)
        assert p.span(r.to_span).attrs == {"kind": "group"} and r.origin["from"] == ["amal", "badr"]


def test_agreement_reports_matches_that_differ_in_attributes(disputed):
    from annotator.core import agreement

    jsonschema = pytest.importorskip("jsonschema")
    from annotator.core.paths import schema_path

    res = agreement.compute(disputed)
    assert res.get("*", "f1_exact") == 1.0  # edges and labels all match ...
    assert res.pair_attrs[("amal", "badr")] == (5, 4)  # ... but four of the five differ in attributes
    [doc] = res.disagreement
    assert doc["attrs_differ"] == 4
    out = res.to_json()
    assert out["pairs"] == [{"annotators": ["amal", "badr"], "documents": 1, "matched": 5, "attrs_differ": 4}]
    jsonschema.validate(out, json.loads(schema_path("agreement.schema.json").read_text(encoding="utf-8")))
    text = subprocess.run([sys.executable, "-m", "annotator", "agreement", str(disputed.path)],
                          capture_output=True, text=True).stdout
    assert "4 of 5 exactly matched spans differ in attributes" in text


def test_documents_whose_spans_match_but_attributes_differ_come_before_agreed_ones(tmp_path):
    from annotator.core import agreement

    same = [("قال", "CUE", {}), ("المتحدث باسم الوزارة", "SOURCE", {"kind": "person"})]
    other = [("وأكدت", "CUE", {}), ("الشركة", "SOURCE", {"kind": "person"})]
    other_b = [("وأكدت", "CUE", {}), ("الشركة", "SOURCE", {"kind": "organization"})]
    with team(tmp_path, {"amal": [("t1", same, ()), ("t2", other, ())],
                         "badr": [("t1", same, ()), ("t2", other_b, ())]}) as p:
        assert [d["id"] for d in agreement.compute(p).disagreement] == ["t2", "t1"]
        assert [d["id"] for d in rv.review_order(p)] == ["t2", "t1"]


def test_gold_warnings_name_twenty_documents_then_count(tmp_path):
    date_a = (*span_of(T1, "عام 2020"), "DATE", {"value": "2020"})
    date_b = (*span_of(T1, "عام 2020"), "DATE", {"value": "2021"})
    recs = [record(f"x{i}", T1 + " " * i, {"a": [date_a], "b": [date_b]}, done="ab") for i in range(23)]
    recs.append(record("fresh", T2, {"a": [], "b": []}, done="ab"))
    with build(tmp_path / "w.annot", recs) as p:
        for i in range(23):
            rv.set_review_state(p, p.document(f"x{i}").num, "in_progress", "hind")
        lines = rv.gold_warnings(p)
        assert len(lines) == rv.WARN_DOCUMENTS + 2
        assert lines[0].startswith("document x0: review not finished: 1 of 1 clusters undecided")
        assert lines[-2] == "… documents with undecided clusters in all: 23"
        assert lines[-1] == "documents two or more annotators finished but nobody reviewed (their gold is empty): 1"
