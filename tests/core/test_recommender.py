"""The span recommender: train -> suggest -> accept/reject -> retrain, nested labels, rules
winning where both fire, active-learning order, and the model stored in the project (and
refused with one line when damaged or from a newer version)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import struct
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.evaluate import read_jsonl
from annotator.core.importer import import_records, iter_native
from annotator.core.project import Project
from annotator.core.recommender import RecommenderError, load_model, versions
from annotator.core.recommender import train as rtrain
from annotator.core.recommender.active import next_document, rank
from annotator.core.recommender.features import bio, decode, units
from annotator.core.recommender.model import FORMAT, MAGIC
from annotator.core.recommender.suggest import recommend_project
from annotator.core.scheme import Scheme
from annotator.core.suggest import accept_suggestions, reject_suggestions
from benchmarks.bench_recommender import ENTITY_SCHEME, entity_records

DEVGOLD = Path(__file__).resolve().parents[1] / "data" / "devgold"
FP = "وصل القطار إلى المحطة الأخيرة في موعده."


def _write(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _project(tmp_path, records, done_ids, scheme=None, layer="ann") -> Path:
    path = tmp_path / "p.annot"
    with Project.create(path, scheme) as p:
        import_records(p, iter_native([_write(tmp_path / "in.jsonl", records)], p.scheme, layer))
        for ident in done_ids:
            p.set_doc_status(p.document(ident).num, layer, "done")
    return path


def _entities(n=30, seed=5):
    recs = entity_records(n, seed=seed)
    for r in recs:
        for s in r["spans"]:
            s["annotator"] = "ann"
    return recs


@pytest.fixture
def entity_project(tmp_path):
    recs = _entities()
    todo = [{"id": f"todo-{i}", "text": f"{FP} وأعلنت شركة النقل عن رحلات إضافية {i}.", "meta": {}} for i in range(4)]
    return _project(tmp_path, recs + todo, [r["id"] for r in recs], Scheme.from_dict(ENTITY_SCHEME))


def _found(model, text):
    return {(text[p.start:p.end], p.label) for p in model.predict(text)}


def test_train_suggest_accept_reject_retrain(entity_project):
    with Project.open(entity_project) as p:
        result = rtrain.train(p)
        assert result.version == 1 and result.docs == 30
        assert set(result.scores["labels"]) == {"ORG", "PERSON", "PLACE"} and result.scores["held_out"] >= 1
        model = load_model(p)
        todo = [p.document(f"todo-{i}").num for i in range(4)]
        text = p.document(todo[0]).text
        assert ("المحطة", "PLACE") in _found(model, text)  # the false positive to be taught away
        assert ("شركة النقل", "ORG") in _found(model, text)

        report, ids = recommend_project(p, model, "ann", docs=todo[:2])
        assert report.from_model == report.spans == len(ids) > 0
        spans = p.spans(todo[0], "ann")
        assert all(s.status == "suggested" and s.rule == "recommender v1" and s.origin["model"] == "recommender"
                   and s.origin["version"] == 1 and 0 < s.origin["confidence"] <= 1 for s in spans)
        org = [s.id for s in spans if s.label == "ORG"]
        assert accept_suggestions(p, todo[0], "ann", span_ids=org)
        assert p.span(org[0]).status == "accepted"

        # Retraining without any rejection learns the same thing again (training is deterministic).
        rtrain.train(p)
        assert ("المحطة", "PLACE") in _found(load_model(p), p.document(todo[3]).text)

        for num in todo[:2]:
            bad = [s.id for s in p.spans(num, "ann") if s.text_in(p.document(num).text) == "المحطة"]
            assert bad and reject_suggestions(p, num, "ann", span_ids=bad)
        data = rtrain.collect(p)
        assert data.summary["negatives"] == 2
        third = rtrain.train(p)
        assert third.version == 3
        found = _found(load_model(p), p.document(todo[3]).text)
        assert ("المحطة", "PLACE") not in found  # the rejections removed that false positive
        assert ("شركة النقل", "ORG") in found  # and not what was right
        assert [v["version"] for v in versions(p)] == [1, 2, 3]


def test_label_groups_keep_nested_spans_apart_and_both_are_found(tmp_path):
    recs = read_jsonl(DEVGOLD / "own.jsonl")
    examples = [rtrain.Example(r["id"], r["text"], [(s["start"], s["end"], s["label"]) for s in r["spans"]])
                for r in recs]
    groups = rtrain.label_groups(examples, ["CUE", "DATE", "QUOTE", "SOURCE"])
    assert not any({"QUOTE", "DATE"} <= set(g) for g in groups)  # QUOTE contains DATE in the gold
    assert sorted(l for g in groups for l in g) == ["CUE", "DATE", "QUOTE", "SOURCE"]
    path = _project(tmp_path, recs, [r["id"] for r in recs], layer="gold")
    with Project.open(path) as p:
        rtrain.train(p, layer="gold")
        model = load_model(p)
    text = "وقال الوزير إن «الاجتماع سيعقد الخميس المقبل في العاصمة»."
    preds = model.predict(text)
    quote = [x for x in preds if x.label == "QUOTE"]
    date = [x for x in preds if x.label == "DATE"]
    assert quote and date and quote[0].start <= date[0].start < date[0].end <= quote[0].end


def test_rules_win_where_both_fire_and_say_so(tmp_path):
    recs = read_jsonl(DEVGOLD / "own.jsonl")
    held = [{"id": r["id"], "text": r["text"], "meta": r["meta"]} for r in read_jsonl(DEVGOLD / "heldout.jsonl")]
    path = _project(tmp_path, recs + held, [r["id"] for r in recs], layer="gold")
    with Project.open(path) as p:
        rtrain.train(p, layer="gold")
        model = load_model(p)
        nums = [p.document(h["id"]).num for h in held]
        recommend_project(p, model, "ann", docs=nums)
        spans = [s for n in nums for s in p.spans(n, "ann")]
    # Ids stay unique, and links keep their labels, when some labels are left out.
    from annotator.core.recommender.suggest import recommend_record

    from annotator.core.recommender.model import Prediction

    text = held[0]["text"]  # the rules find DATE, QUOTE, SOURCE and CUE here, DATE first
    extra = Prediction(text.index("بيان"), text.index("بيان") + 4, "SOURCE", 0.5)
    rspans, rrels = recommend_record(text, model, labels={"QUOTE", "SOURCE", "CUE"}, predictions=[extra])
    ids = [s["id"] for s in rspans]
    assert len(ids) == len(set(ids)) and "DATE" not in {s["label"] for s in rspans}
    label = {s["id"]: s["label"] for s in rspans}
    assert {(label[r["from"]], label[r["to"]]) for r in rrels} == {("QUOTE", "SOURCE"), ("QUOTE", "CUE")}
    both = [s for s in spans if s.origin.get("recommender") == "recommender v1"]
    assert both and all(s.rule and not s.rule.startswith("recommender") for s in both)
    assert all("rules win" in s.origin["decided"] for s in both)
    for a in spans:  # never a rule span and a model span of one label over the same text
        for b in spans:
            if a.id < b.id and a.doc == b.doc and a.label == b.label and a.overlaps(b):
                assert not ((a.rule or "").startswith("recommender") or (b.rule or "").startswith("recommender"))


def test_active_learning_orders_the_todo_list(tmp_path):
    recs = _entities(30)
    known = dict(recs[0], id="known-again", text=recs[0]["text"] + ".")  # learnt: the model is sure of it
    known.pop("spans"), known.pop("relations")
    odd = {"id": "odd", "text": "انطلقت قافلة المساعدات نحو الجنوب وسط ترقب الأهالي ورافقها فريق طبي من المتطوعين.",
           "meta": {}}
    long_odd = {"id": "long-odd", "text": " ".join([odd["text"]] * 6), "meta": {}}
    path = _project(tmp_path, recs + [known, odd, long_odd], [r["id"] for r in recs],
                    Scheme.from_dict(ENTITY_SCHEME))
    with Project.open(path) as p:
        rtrain.train(p)
        model = load_model(p)
        by_u = [p.document(n).id for n, _ in rank(p, model, "ann", "uncertainty")]
        by_gain = rank(p, model, "ann", "gain")
        first = next_document(p, model, "ann", "gain")
        current = next_document(p, model, "ann", "gain", current=first)
    assert set(by_u) == {"known-again", "odd", "long-odd"}  # done documents are not offered
    assert by_u[-1] == "known-again"
    scores = [s for _, s in by_gain]
    assert scores == sorted(scores, reverse=True)
    assert first == by_gain[0][0] and current == by_gain[1][0]
    with Project.open(path, readonly=True) as p:
        assert p.document(first).id == "long-odd"  # the same text six times: six times the expected gain


def test_model_is_stored_in_the_project_and_survives_reopening(entity_project):
    with Project.open(entity_project) as p:
        rtrain.train(p)
        before = load_model(p)
    with Project.open(entity_project, readonly=True) as p:
        after = load_model(p)
    assert after.taggers == before.taggers and after.groups == before.groups and after.meta["version"] == 1
    assert _found(after, FP) == _found(before, FP)


def _set_blob(path, blob, sha=None):
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE recommender_models SET model = ?, sha256 = COALESCE(?, sha256)", (blob, sha))
    conn.close()


def _blob(path) -> bytes:
    conn = sqlite3.connect(path)
    blob = conn.execute("SELECT model FROM recommender_models").fetchone()[0]
    conn.close()
    return blob


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "format"])
def test_damaged_model_is_refused_with_one_line(entity_project, capsys, damage):
    with Project.open(entity_project) as p:
        rtrain.train(p)
    blob = bytearray(_blob(entity_project))
    if damage == "flip":
        blob[-100] ^= 0x01
    elif damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "format":  # damage that reads like a newer model must still say damaged
        assert b'"format": 1' in blob
        blob = bytearray(bytes(blob).replace(b'"format": 1', b'"format": 9'))
    else:
        blob = bytearray(b"not a model at all")
    _set_blob(entity_project, bytes(blob))
    # (the test's folder name holds "damaged" too: match the message itself)
    with Project.open(entity_project) as p, pytest.raises(RecommenderError, match=r"model v1: damaged \("):
        load_model(p)
    assert main(["recommend", str(entity_project), "--annotator", "ann"]) == 1
    err = capsys.readouterr().err
    assert "model v1: damaged (" in err and "retrain" in err and err.count("\n") == 1 and "Traceback" not in err
    with Project.open(entity_project, readonly=True) as p:
        assert not any(p.spans(n, "ann", ["suggested"]) for n in p.document_nums())


def test_damage_that_keeps_the_inner_checksum_is_caught_by_the_stored_one(entity_project):
    with Project.open(entity_project) as p:
        rtrain.train(p)
    blob = _blob(entity_project)
    (n,) = struct.unpack(">I", blob[8:12])
    header = json.loads(blob[12:12 + n])
    header["meta"]["docs"] = 9999  # the header changed; the taggers' checksum still holds
    head = json.dumps(header).encode()
    _set_blob(entity_project, MAGIC + struct.pack(">I", len(head)) + head + blob[12 + n:])
    with Project.open(entity_project) as p, pytest.raises(RecommenderError, match="checksum"):
        load_model(p)


def test_model_from_a_newer_version_is_refused(entity_project, capsys):
    with Project.open(entity_project) as p:
        rtrain.train(p)
    blob = _blob(entity_project)
    (n,) = struct.unpack(">I", blob[8:12])
    header = json.loads(blob[12:12 + n])
    header["format"] = FORMAT + 1
    head = json.dumps(header).encode()
    newer = MAGIC + struct.pack(">I", len(head)) + head + blob[12 + n:]
    _set_blob(entity_project, newer, hashlib.sha256(newer).hexdigest())
    with Project.open(entity_project) as p, pytest.raises(RecommenderError, match="newer annotator"):
        load_model(p)
    assert main(["recommend", str(entity_project), "--order", "uncertainty", "--annotator", "ann"]) == 1
    err = capsys.readouterr().err
    assert "newer annotator" in err and err.count("\n") == 1


def test_cli_train_history_curve_and_recommend(tmp_path, capsys):
    recs = _entities(60, seed=7)
    todo = [{"id": "t1", "text": FP + " والتقى أحمد العلي بوفد من وزارة الصحة في دمشق.", "meta": {}}]
    scheme = tmp_path / "scheme.json"
    scheme.write_text(json.dumps(ENTITY_SCHEME), encoding="utf-8")
    path = _project(tmp_path, recs + todo, [r["id"] for r in recs], Scheme.from_dict(ENTITY_SCHEME))
    assert main(["train", str(path), "--labels", "PERSON", "PLACE", "--layer", "ann"]) == 0
    out = capsys.readouterr().out
    assert "recommender v1: 60 documents, 2 labels" in out and "PERSON" in out and "ORG" not in out
    assert main(["train", str(path), "--curve"]) == 0
    out = capsys.readouterr().out.splitlines()
    with Project.open(path, readonly=True) as p:
        train_part, test = rtrain.split(rtrain.collect(p).examples)
    expected = [str(n) for n in rtrain.CURVE_SIZES if n <= len(train_part)]
    assert test and expected[:2] == ["10", "25"]
    assert out[1].split()[:2] == ["docs", "train"] and [l.split()[0] for l in out[2:]] == expected
    assert all(0 <= float(f) <= 1 for l in out[2:] for f in l.split()[2:])
    assert main(["train", str(path), "--history"]) == 0
    assert capsys.readouterr().out.startswith("v1 ")
    assert main(["recommend", str(path), "--annotator", "ann", "--order", "gain"]) == 0
    assert capsys.readouterr().out.split("\t")[0] == "t1"
    assert main(["recommend", str(path), "--annotator", "ann", "--no-rules"]) == 0
    assert "by the recommender" in capsys.readouterr().out
    with Project.open(path, readonly=True) as p:
        labels = {s.label for s in p.spans(p.document("t1").num, "ann")}
    assert labels <= {"PERSON", "PLACE"} and "PERSON" in labels


def test_cli_errors_are_one_line(tmp_path, capsys):
    recs = _entities(5)
    path = _project(tmp_path, recs, [], Scheme.from_dict(ENTITY_SCHEME))
    assert main(["train", str(path)]) == 1
    assert "no done documents" in capsys.readouterr().err
    assert main(["recommend", str(path)]) == 1
    assert "no recommender trained yet" in capsys.readouterr().err
    assert main(["train", str(path), "--labels", "QUOTE", "--status", "any"]) == 1
    assert "not in the project's scheme" in capsys.readouterr().err


def test_units_split_clitics_and_bio_round_trips():
    text = "وقال بأحمد لـمصادر: ١٢ و2021"
    bounds, _ = units(text)
    assert [text[s:e] for s, e in bounds] == ["و", "قال", "ب", "أحمد", "لـ", "مصادر", ":", "١٢", "و", "2021"]
    spans = [(1, 4, "CUE"), (6, 10, "PERSON")]
    assert [(s, e, l) for s, e, l, _, _ in decode(bounds, bio(bounds, spans))] == spans


def test_any_state_learns_only_from_layers_with_accepted_spans(tmp_path):
    recs = _entities(6)
    path = _project(tmp_path, recs, [], Scheme.from_dict(ENTITY_SCHEME))
    with Project.open(path) as p:
        num = p.document(recs[0]["id"]).num
        for sp in p.spans(num, "ann"):
            p.update_span(sp.id, status="suggested")  # a layer of suggestions nobody looked at
        data = rtrain.collect(p, state=None)
    assert sorted(e.key for e in data.examples) == sorted(r["id"] for r in recs[1:])


def test_ranking_candidates_are_a_reproducible_sample_of_the_todo_list(tmp_path):
    from annotator.core.recommender.active import candidates

    recs = [{"id": f"d{i}", "text": f"نص رقم {i} للتجربة.", "meta": {}} for i in range(30)]
    path = _project(tmp_path, recs, ["d0", "d1"], Scheme.from_dict(ENTITY_SCHEME))
    with Project.open(path, readonly=True) as p:
        done = {p.document("d0").num, p.document("d1").num}
        every = candidates(p, "ann")
        some = candidates(p, "ann", 10)
        assert len(every) == 28 and not done & set(every)
        assert len(some) == 10 and set(some) <= set(every) and some == sorted(some)
        assert candidates(p, "ann", 10) == some
