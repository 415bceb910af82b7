"""Real consumers read our exports: spaCy builds Docs from prodigy lines, `datasets` loads hf-bio.

spacy and datasets are in the test extra; these tests do not skip.
"""

from __future__ import annotations

import json
import os

from annotator.core.exporter import export_project
from annotator.core.formats import validate_file
from annotator.core.native import ExportFilter
from annotator.core.store.records import iter_records
from tests.support.formats_sample import make_project


def test_spacy_docs_from_prodigy_export_map_every_span(tmp_path):
    import spacy
    from spacy.tokens import Doc, DocBin

    project = make_project(tmp_path)
    flt = ExportFilter(include_rejected=False)
    out = tmp_path / "train.jsonl"
    report = export_project(project, str(out), "prodigy", flt)
    assert list(validate_file(out, "prodigy")) == []
    expected = sum(len(r["spans"]) for r in iter_records(project, flt))
    project.close()
    nlp = spacy.blank("xx")
    mapped = 0
    bin_ = DocBin()
    for line in out.read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        doc = Doc(nlp.vocab, words=[t["text"] for t in task["tokens"]], spaces=[t["ws"] for t in task["tokens"]])
        assert doc.text == task["text"]
        ents = []
        for s in task["spans"]:
            span = doc.char_span(s["start"], s["end"], label=s["label"])  # strict alignment
            assert span is not None, (s, task["text"][s["start"]:s["end"]])
            assert span.text == s["text"]
            assert (span.start, span.end - 1) == (s["token_start"], s["token_end"])
            ents.append(span)
            mapped += 1
        doc.spans["sc"] = ents  # overlapping spans: a SpanGroup, as spancat trains on
        for r in task["relations"]:
            assert doc[r["head"]].idx + len(doc[r["head"]]) == r["head_span"]["end"]
        bin_.add(doc)
    assert mapped == expected == 32
    bin_.to_disk(tmp_path / "train.spacy")  # what `spacy train` reads
    assert len(list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab))) == 7 and report.documents == 4


def test_datasets_loads_hf_bio_export(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    import datasets

    project = make_project(tmp_path)
    flt = ExportFilter(include_rejected=False, include_suggestions=False)
    out = tmp_path / "bio" / "train.jsonl"
    report = export_project(project, str(out), "hf-bio", flt)
    assert list(validate_file(out, "hf-bio")) == []
    recs = list(iter_records(project, flt))
    project.close()
    # The nested quote (one QUOTE inside another, same column) is reported, not dropped silently.
    assert len(report.problems) == 1 and "doc-1" in report.problems[0] and "50..66 QUOTE" in report.problems[0]
    side = json.loads((out.parent / "labels.json").read_text(encoding="utf-8"))
    ds = datasets.load_dataset("json", data_files={"train": str(out)}, cache_dir=str(tmp_path / "cache"))["train"]
    cols = [c for c in ds.column_names if c.startswith("tags_")]
    assert sorted(cols) == sorted(side["columns"])
    features = datasets.Features({
        "id": datasets.Value("string"), "annotator": datasets.Value("string"),
        "tokens": datasets.Sequence(datasets.Value("string")),
        **{c: datasets.Sequence(datasets.ClassLabel(names=side["columns"][c]["tags"])) for c in cols}})
    typed = ds.cast(features)  # every tag is one of labels.json's names
    assert typed.num_rows == ds.num_rows == 6  # (doc, annotator) pairs plus the unannotated document
    # Read the spans back from the BIO columns and compare with the project's spans.
    by_key = {(r["id"], s["annotator"]): r for r in recs for s in r["spans"]}
    for row in ds:
        if row["annotator"] is None:
            assert all(t == "O" for c in cols for t in row[c])
            continue
        rec = by_key[(row["id"], row["annotator"])]
        want = {(s["label"], " ".join(s["text"].split())) for s in rec["spans"] if s["annotator"] == row["annotator"]}
        got_text = set()
        for c in cols:
            cur = None
            for tok, tag in [*zip(row["tokens"], row[c]), ("", "O")]:
                if tag.startswith("I-"):
                    cur[1].append(tok)
                    continue
                if cur:
                    got_text.add((cur[0], "".join(cur[1])))
                cur = (tag[2:], [tok]) if tag.startswith("B-") else None
        want_text = {(lab, "".join(t.split())) for lab, t in want}
        dropped = {("QUOTE", "ولاسلاماًهشّاً")} if (row["id"], row["annotator"]) == ("doc-1", "alice") else set()
        assert got_text == want_text - dropped, row["id"]
    assert os.environ["HF_DATASETS_OFFLINE"] == "1"
