"""`annotator export --format F` with the choosing options, every output validated."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from tests.support.formats_sample import make_project

FORMATS = {"prodigy": "o.jsonl", "doccano": "o.jsonl", "label-studio": "o.json", "brat": "o", "hf-bio": "o.jsonl"}


def labels_in(fmt, out):
    """(document id, annotator, label, status) of every exported span, read back from the file."""
    rows = set()
    if fmt == "brat":
        for entry in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines():
            e = json.loads(entry)
            notes = {}
            lines = (out / f"{e['file']}.ann").read_text(encoding="utf-8").splitlines()
            for line in lines:
                if line.startswith("#") and "status=" in line:
                    notes[line.split("\t")[1].split(" ")[1]] = line.split("status=")[1]
            for line in lines:
                if line.startswith("T"):
                    t = line.split("\t")
                    rows.add((e["id"], e["annotator"], t[1].split(" ")[0], notes.get(t[0], "accepted")))
        return rows
    if fmt == "label-studio":
        for task in json.loads(out.read_text(encoding="utf-8")):
            for key in ("annotations", "predictions"):
                for a in task.get(key, []):
                    who = a.get("annotator", a.get("model_version"))
                    for r in a["result"]:
                        if r["type"] == "labels":
                            rows.add((task["data"]["doc_id"], who, r["value"]["labels"][0],
                                      "accepted" if key == "annotations" else "suggested"))
        return rows
    for line in out.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if fmt == "prodigy":
            for s in d["spans"]:
                rows.add((d["meta"]["id"], d.get("_annotator_id"), s["label"], s.get("status", "accepted")))
        elif fmt == "doccano":
            info = d.get("span_info", {})
            for e in d.get("entities", []):
                rows.add((d["id"], d.get("annotator"), e["label"], info.get(str(e["id"]), {}).get("status", "accepted")))
        else:
            for col, tags in d.items():
                if col.startswith("tags_"):
                    for t in tags:
                        if t.startswith("B-"):
                            rows.add((d["id"], d["annotator"], t[2:], "?"))
    return rows


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_labels_layer_status_and_suggestions(tmp_path, fmt, capsys):
    make_project(tmp_path).close()
    proj = str(tmp_path / "p.annot")

    def export(name, *opts):
        out = tmp_path / name / FORMATS[fmt]
        assert main(["export", proj, "-o", str(out), "--format", fmt, *opts]) == 0
        assert main(["validate", "--format", fmt, str(out)]) == 0, capsys.readouterr()
        return labels_in(fmt, out)

    everything = export("all")
    assert {r[1] for r in everything} == {"alice", "bob", "gold"}  # no suggestions unless asked
    assert len({r[0] for r in everything}) == 3

    with_sugg = export("sugg", "--include-suggestions")
    assert {r[1] for r in with_sugg} == {"alice", "bob", "gold", "suggest"}
    if fmt != "hf-bio":
        assert ("doc-1", "suggest", "DATE", "suggested") in with_sugg

    gold = export("gold", "--layer", "gold")
    assert {r[1] for r in gold} == {"gold"} and {r[0] for r in gold} == {"doc-1", "doc-4"}

    dates = export("dates", "--labels", "DATE,CUE")
    assert {r[2] for r in dates} == {"DATE", "CUE"}

    done = export("done", "--status", "done", "--layer", "bob")
    assert done == set()  # bob finished nothing
    out = capsys.readouterr().out
    assert "exported 0 documents" in out

    done_gold = export("donegold", "--status", "done", "--layer", "gold")
    assert {r[0] for r in done_gold} == {"doc-1", "doc-4"}
