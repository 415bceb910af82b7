"""Scoring against gold: `annotator evaluate` and annotator.core.evaluate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.evaluate import EvaluationError, evaluate, load_offset_gold, read_jsonl, span_hash
from annotator.core.suggest import suggest_record

DATA = Path(__file__).resolve().parents[1] / "data" / "devgold"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
TEXT = "وقال الوزير إن الخطة جاهزة منذ أمس، وستنفذ خلال 15 يوما."


def rec(spans, rels=(), text=TEXT, rid="d1"):
    return {"id": rid, "text": text, "spans": list(spans), "relations": list(rels)}


def sp(i, s, e, label, **attrs):
    return {"id": i, "start": s, "end": e, "label": label, "attrs": attrs}


def test_counts_exact_overlap_values_and_sources():
    q = TEXT.index("الخطة")
    gold = rec([sp(1, 5, 11, "SOURCE"), sp(2, q, q + 11, "QUOTE", type="indirect"),
                sp(3, TEXT.index("أمس"), TEXT.index("أمس") + 3, "DATE", value="2021-12-08"),
                sp(4, TEXT.index("15"), TEXT.index("15") + 7, "DATE", type="DURATION", value="P15D")],
               [{"label": "source", "from": 2, "to": 1}])
    pred = rec([sp("a", 5, 11, "SOURCE"), sp("b", q, q + 20, "QUOTE", type="direct"),  # overlap only
                sp("c", TEXT.index("أمس"), TEXT.index("أمس") + 3, "DATE", value="2021-12-07"),  # wrong value
                sp("d", 0, 4, "CUE")],  # not in gold
               [{"label": "source", "from": "b", "to": "a"}])
    r = evaluate([gold], [pred])
    d, qq, c = r.labels["DATE"], r.labels["QUOTE"], r.labels["CUE"]
    assert (d.gold, d.pred, d.exact, d.overlap) == (2, 1, 1, 1)
    assert d.overlap_prf() == pytest.approx((1.0, 0.5, 2 / 3))
    assert (qq.exact, qq.overlap) == (0, 1)
    assert c.overlap_prf()[0] == 0.0 and c.gold == 0
    assert (r.value_right, r.value_total) == (0, 1)
    assert (r.source_right, r.source_total) == (1, 1)
    assert r.quote_type_right == 0
    assert "DATE" in r.table() and "source accuracy" in r.table()


def test_wrong_source_and_rejected_spans():
    gold = rec([sp(1, 5, 11, "SOURCE"), sp(2, 15, 26, "QUOTE")], [{"label": "source", "from": 2, "to": 1}])
    pred = rec([sp(1, 0, 4, "SOURCE"), sp(2, 15, 26, "QUOTE"), dict(sp(3, 30, 33, "DATE"), status="rejected")],
               [{"label": "source", "from": 2, "to": 1}])
    r = evaluate([gold], [pred])
    assert (r.source_right, r.source_total) == (0, 1)
    assert r.labels["DATE"].pred == 0  # rejected spans do not count


def test_pairing_and_mismatch_errors():
    with pytest.raises(EvaluationError, match="missing"):
        evaluate([rec([], rid="a")], [rec([], rid="b")])
    with pytest.raises(EvaluationError, match="texts differ"):
        evaluate([rec([])], [rec([], text="نص آخر")])
    with pytest.raises(EvaluationError, match="documents"):
        evaluate([{"text": "x"}], [])


def test_annotator_filters():
    g = rec([dict(sp(1, 5, 11, "SOURCE"), annotator="gold")])
    p = rec([dict(sp(1, 5, 11, "SOURCE"), annotator="suggest"), dict(sp(2, 0, 4, "CUE"), annotator="other")])
    r = evaluate([g], [p], gold_annotator="gold", pred_annotator="suggest")
    assert r.labels["CUE"].pred == 0 and r.labels["SOURCE"].exact == 1


def test_cli_evaluate_after_cli_suggest(tmp_path, capsys):
    gold = DATA / "own.jsonl"
    bare = tmp_path / "bare.jsonl"
    bare.write_text("".join(json.dumps({"id": r["id"], "text": r["text"], "meta": r["meta"]}, ensure_ascii=False)
                            + "\n" for r in read_jsonl(gold)), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert main(["suggest", str(bare), "-o", str(pred)]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(gold), str(pred)]) == 0
    out = capsys.readouterr().out
    assert "DATE" in out and "QUOTE" in out and "value accuracy" in out and "source accuracy" in out
    assert main(["evaluate", str(gold), str(pred), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["labels"]["DATE"]["overlap"]["f1"] >= 0.9
    assert data["date_values"]["accuracy"] >= 0.9
    assert data["labels"]["QUOTE"]["overlap"]["f1"] >= 0.8
    assert data["quote_sources"]["accuracy"] >= 0.8
    assert main(["evaluate", str(gold), str(tmp_path / "nope.jsonl")]) == 1


def test_dev_gold_files_are_valid_and_match_their_builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_own", DATA / "build_own.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert read_jsonl(DATA / "own.jsonl") == mod.build(mod.DOCS, "own")
    assert read_jsonl(DATA / "heldout.jsonl") == mod.build(mod.HELDOUT, "heldout")
    for name in ("own.jsonl", "heldout.jsonl"):
        assert main(["validate", str(DATA / name)]) == 0


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")
def test_seed_gold_loads_and_the_suggester_meets_the_targets():
    gold = load_offset_gold(DATA / "seeds.json", SEEDS)
    assert len(gold) == 5
    pred = []
    for g in gold:
        spans, rels = suggest_record(g["text"], g["meta"].get("dct"))
        pred.append({"id": g["id"], "text": g["text"], "spans": spans, "relations": rels})
    r = evaluate(gold, pred)
    assert r.labels["DATE"].overlap_prf()[2] >= 0.9 and r.value_accuracy >= 0.9
    assert r.labels["QUOTE"].overlap_prf()[2] >= 0.8 and r.source_accuracy >= 0.8


def test_offset_gold_refuses_a_changed_text(tmp_path):
    (tmp_path / "t.txt").write_text("قال الوزير إن الخطة جاهزة", encoding="utf-8")
    good = {"texts": ".", "docs": [{"file": "t.txt", "spans": [
        {"id": 1, "start": 0, "end": 3, "label": "CUE", "hash": span_hash("قال")}]}]}
    (tmp_path / "g.json").write_text(json.dumps(good), encoding="utf-8")
    assert load_offset_gold(tmp_path / "g.json")[0]["spans"][0]["text"] == "قال"
    good["docs"][0]["spans"][0]["hash"] = span_hash("قول")
    (tmp_path / "g.json").write_text(json.dumps(good), encoding="utf-8")
    with pytest.raises(EvaluationError, match="does not match"):
        load_offset_gold(tmp_path / "g.json")


def test_source_kind_and_quote_type_accuracy():
    q = TEXT.index("الخطة")
    gold = rec([sp(1, 5, 11, "SOURCE", kind="person"), sp(2, q, q + 11, "QUOTE", type="indirect")],
               [{"label": "source", "from": 2, "to": 1}])
    pred = rec([sp("a", 5, 11, "SOURCE", kind="organization"), sp("b", q, q + 11, "QUOTE", type="indirect")],
               [{"label": "source", "from": "b", "to": "a"}])
    r = evaluate([gold], [pred])
    assert (r.kind_right, r.kind_total) == (0, 1) and r.kind_accuracy == 0.0
    assert r.quote_type_accuracy == 1.0
    assert r.as_dict()["source_kinds"]["matched_with_kind"] == 1 and "kind accuracy" in r.table()
