"""Adjudication in the core: clusters, automatic acceptance, decisions, provenance, undo, gold export."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from annotator.core import review as rv
from annotator.core.errors import SpanError
from annotator.core.model import GOLD
from tests.support.review_data import CUE, DATE_A, DATE_B, OTHER, QUOTE_LONG, QUOTE_SHORT, SOURCE, TEXT, S, build, record, span_of


@pytest.fixture
def adjudication_project(tmp_path):
    # a: cue, source, long quote, date 2022-03, links; b: the same but short quote; c: like a,
    # date 2021-03, and no source. The nested DATE shares the QUOTE cluster.
    layers = {
        "a": [CUE, SOURCE, QUOTE_LONG, DATE_A],
        "b": [CUE, SOURCE, QUOTE_SHORT, DATE_A],
        "c": [CUE, QUOTE_LONG, DATE_B],
    }
    rels = {"a": [("source", 2, 1), ("cue", 2, 0)], "b": [("cue", 2, 0)], "c": [("cue", 1, 0)]}
    p = build(tmp_path / "review.annot", [record("r1", TEXT, layers, done="abc", relations=rels),
                                          record("r2", OTHER, {"a": [S("مصادر مطلعة", "SOURCE", text=OTHER)],
                                                               "b": [S("مصادر مطلعة", "SOURCE", text=OTHER)]},
                                                 done="ab")])
    yield p
    p.close()


def doc(p, i="r1"):
    return p.document(i).num


def by_text(p, d, piece):
    return next(c for c in rv.clusters(p, d) if TEXT[c.start:c.end].startswith(piece))


def test_clusters_and_versions(adjudication_project):
    d = doc(adjudication_project)
    cs = rv.clusters(adjudication_project, d)
    assert [TEXT[c.start:c.end] for c in cs] == ["قال", "وزير النقل", TEXT[QUOTE_LONG[0]:QUOTE_LONG[1]]]
    cue, src, quote = cs
    assert cue.unanimous and not src.unanimous and not quote.unanimous
    assert src.versions["c"] == [] and src.agreeing("a") == ["a", "b"]
    assert {a: len(v) for a, v in quote.versions.items()} == {"a": 2, "b": 2, "c": 2}
    assert quote.agreeing("b") == ["b"] and quote.agreeing("a") == ["a", "c"]


def test_unanimous_spans_are_accepted_automatically_and_marked_auto(adjudication_project):
    d = doc(adjudication_project)
    assert adjudication_project.spans(d, GOLD) == []  # nothing happens unless asked: the switch is the caller's
    change = rv.auto_accept(adjudication_project, d, "hind")
    gold = adjudication_project.spans(d, GOLD)
    assert [(TEXT[s.start:s.end], s.label) for s in gold] == [("قال", "CUE")]
    assert gold[0].origin["auto"] is True and gold[0].origin["from"] == ["a", "b", "c"]
    assert gold[0].origin["reviewer"] == "hind" and gold[0].origin["time"]
    assert adjudication_project.doc_status(d, GOLD) == "in_progress"
    assert change.created == [gold[0].id]
    assert rv.auto_accept(adjudication_project, d, "hind") is None  # nothing more to accept


def test_accept_a_version_keeps_provenance(adjudication_project):
    d = doc(adjudication_project)
    quote = by_text(adjudication_project, d, "القطار")
    rv.accept_version(adjudication_project, quote, "a", "hind")
    gold = adjudication_project.spans(d, GOLD)
    assert sorted((s.label, s.start, s.end) for s in gold) == sorted(
        [("QUOTE", QUOTE_LONG[0], QUOTE_LONG[1]), ("DATE", DATE_A[0], DATE_A[1])])
    q = next(s for s in gold if s.label == "QUOTE")
    assert q.origin["from"] == ["a", "c"] and q.origin["auto"] is False and q.attrs == {"type": "indirect"}
    again = by_text(adjudication_project, d, "القطار")
    assert again.decision == "accepted" and again.decision_data == {"annotator": "a"}
    # choosing another version replaces the gold spans of the cluster
    rv.accept_version(adjudication_project, again, "b", "hind")
    q = next(s for s in adjudication_project.spans(d, GOLD) if s.label == "QUOTE")
    assert (q.start, q.end) == QUOTE_SHORT[:2] and q.origin["from"] == ["b"]


def test_undo_and_redo_restore_exactly(adjudication_project):
    from annotator.core.store.review_rows import gold_rows

    p = adjudication_project
    d = doc(p)
    c1 = rv.auto_accept(p, d, "hind")
    state1 = gold_rows(p, d)
    c2 = rv.accept_version(p, by_text(p, d, "القطار"), "c", "hind")
    state2 = gold_rows(p, d)
    p.undo(c2)
    assert gold_rows(p, d) == state1
    p.redo(c2)
    assert gold_rows(p, d) == state2
    p.undo(c2)
    p.undo(c1)
    assert p.spans(d, GOLD) == [] and p.doc_status(d, GOLD) == "todo"


def test_reject_add_edit_and_attribute_adjudication(adjudication_project):
    d = doc(adjudication_project)
    src = by_text(adjudication_project, d, "وزير")
    rv.reject_cluster(adjudication_project, src, "hind")
    assert by_text(adjudication_project, d, "وزير").decision == "rejected"
    assert adjudication_project.spans(d, GOLD) == []
    # a span nobody made
    s, e = span_of(TEXT, "بين المدينتين")
    rv.add_gold_span(adjudication_project, d, s, e, "QUOTE", "hind", {"type": "mixed"})
    added = adjudication_project.spans(d, GOLD)[0]
    assert added.origin["from"] == [] and by_text(adjudication_project, d, "القطار").decision == "edited"
    # a span some made: provenance names them
    rv.add_gold_span(adjudication_project, d, *DATE_A[:3], "hind")
    date = next(x for x in adjudication_project.spans(d, GOLD) if x.label == "DATE")
    assert date.origin["from"] == ["a", "b", "c"]
    rv.set_gold_attr(adjudication_project, date.id, "value", "2022-03", "hind")
    date = adjudication_project.span(date.id)
    assert date.attrs == {"value": "2022-03"} and date.origin["edited"] is True
    rv.edit_gold_span(adjudication_project, added.id, "hind", start=s + 4)
    assert TEXT[adjudication_project.span(added.id).start:adjudication_project.span(added.id).end] == "المدينتين"
    with pytest.raises(SpanError):
        rv.edit_gold_span(adjudication_project, added.id, "hind", end=len(TEXT) + 5)
    with pytest.raises(SpanError, match="not gold"):
        rv.edit_gold_span(adjudication_project, adjudication_project.spans(d, "a")[0].id, "hind", start=0)
    rv.delete_gold_span(adjudication_project, added.id, "hind")
    assert all(x.id != added.id for x in adjudication_project.spans(d, GOLD))


def test_attribute_disagreement_is_left_for_the_reviewer(tmp_path):
    layers = {"a": [DATE_A], "b": [DATE_B]}
    with build(tmp_path / "x.annot", [record("x", TEXT, layers, done="ab")]) as p:
        d = p.document("x").num
        assert rv.auto_accept(p, d, "hind") is None  # edges and label agree; the value does not
        assert p.spans(d, GOLD) == []
        c = rv.clusters(p, d)[0]
        assert not c.decided and not c.unanimous and c.same_spans and c.disputed_attrs() == ["value"]
        assert rv.progress(p, d).decided == 0
        rv.accept_version(p, c, "b", "hind")
        assert [s.attrs for s in p.spans(d, GOLD)] == [{"value": "2021-03"}]


def test_relations_are_adjudicated_between_gold_spans(adjudication_project):
    d = doc(adjudication_project)
    cands = {(c.label, c.source[2], c.target[2]): c for c in rv.relation_candidates(adjudication_project, d)}
    source_link = cands[("source", "QUOTE", "SOURCE")]
    assert source_link.annotators == ["a"]
    with pytest.raises(SpanError, match="accept the spans before their link"):
        rv.accept_relation(adjudication_project, d, source_link, "hind")
    rv.auto_accept(adjudication_project, d, "hind")
    rv.accept_version(adjudication_project, by_text(adjudication_project, d, "وزير"), "a", "hind")
    rv.accept_version(adjudication_project, by_text(adjudication_project, d, "القطار"), "a", "hind")
    rv.accept_relation(adjudication_project, d, source_link, "hind")
    # cue link: all three made it, but it had no gold ends when auto-accept ran
    cue_link = next(c for c in rv.relation_candidates(adjudication_project, d) if c.label == "cue" and c.source == QUOTE_LONG[:3])
    assert cue_link.annotators == ["a", "c"]
    rv.accept_relation(adjudication_project, d, cue_link, "hind")
    gold_rels = adjudication_project.relations(d, GOLD)
    assert sorted(r.label for r in gold_rels) == ["cue", "source"]
    assert next(r for r in gold_rels if r.label == "source").origin["from"] == ["a"]
    after = {c.key: c for c in rv.relation_candidates(adjudication_project, d)}
    assert after[source_link.key].gold is not None and after[source_link.key].decision == "accepted"
    rv.reject_relation(adjudication_project, d, after[source_link.key], "hind")
    assert [r.label for r in adjudication_project.relations(d, GOLD)] == ["cue"]
    # relabelling the quote's gold span drops links its new label cannot carry
    q = next(s for s in adjudication_project.spans(d, GOLD) if s.label == "QUOTE")
    rv.edit_gold_span(adjudication_project, q.id, "hind", label="DATE")
    assert adjudication_project.relations(d, GOLD) == []


def test_curated_nothing_here_and_progress(adjudication_project):
    d = doc(adjudication_project, "r2")
    assert rv.progress(adjudication_project, d) == rv.Progress(1, 0, "todo", False)
    rv.auto_accept(adjudication_project, d, "hind")
    assert rv.progress(adjudication_project, d).decided == 1
    rv.mark_empty(adjudication_project, d, "hind")
    p = rv.progress(adjudication_project, d)
    assert p.state == "done" and p.empty and adjudication_project.spans(d, GOLD) == []
    rv.set_review_state(adjudication_project, d, "in_progress", "hind")
    assert not rv.progress(adjudication_project, d).empty and rv.progress(adjudication_project, d).state == "in_progress"
    rv.set_review_state(adjudication_project, d, "todo", "hind")
    assert adjudication_project.doc_status(d, GOLD) == "todo"


def test_review_order_puts_the_worst_documents_first(adjudication_project):
    order = rv.review_order(adjudication_project)
    assert [o["id"] for o in order] == ["r1", "r2"]
    assert order[0]["score"] > order[1]["score"] == 0.0


def test_export_layer_gold(adjudication_project, tmp_path):
    d = doc(adjudication_project)
    rv.auto_accept(adjudication_project, d, "hind")
    rv.accept_version(adjudication_project, by_text(adjudication_project, d, "القطار"), "a", "hind")
    rv.set_review_state(adjudication_project, d, "done", "hind")
    out = tmp_path / "gold.jsonl"
    res = subprocess.run([sys.executable, "-m", "annotator", "export", str(adjudication_project.path), "-o", str(out),
                          "--layer", "gold"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    r1 = next(r for r in recs if r["id"] == "r1")
    assert {s["annotator"] for s in r1["spans"]} == {"gold"}
    assert sorted(s["label"] for s in r1["spans"]) == ["CUE", "DATE", "QUOTE"]
    assert all(s["text"] == TEXT[s["start"]:s["end"]] for s in r1["spans"])
    assert r1["status"] == {"gold": "done"}
    q = next(s for s in r1["spans"] if s["label"] == "QUOTE")
    assert q["origin"]["from"] == ["a", "c"] and q["origin"]["reviewer"] == "hind"
    assert next(r for r in recs if r["id"] == "r2")["spans"] == []
