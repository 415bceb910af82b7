"""The bundled sample project: valid offsets, every label and relation, the Arabic forms
it is meant to exercise, and its copy in the user data folder."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from annotator.core.paths import resource_path
from annotator.core.project import Project
from annotator.core.scheme import default_scheme

SAMPLE = resource_path("sample", "sample.jsonl")


@pytest.fixture(scope="module")
def records():
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_span_text_matches_its_offsets(records):
    assert 10 <= len(records) <= 20
    for rec in records:
        for s in rec["spans"]:
            assert rec["text"][s["start"]:s["end"]] == s["text"], (rec["id"], s)


def test_generator_output_is_what_is_committed():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_sample", resource_path("sample", "make_sample.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    built = [json.dumps(r, ensure_ascii=False) for r in mod.build()]
    assert built == SAMPLE.read_text(encoding="utf-8").splitlines()


def test_meta_labels_relations_and_attributes(records):
    scheme = default_scheme()
    labels = {s["label"] for r in records for s in r["spans"]}
    assert labels == {l.name for l in scheme.labels}
    assert {x["label"] for r in records for x in r["relations"]} == {r.name for r in scheme.relations}
    for r in records:
        assert set(r["meta"]) >= {"title", "dct"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["meta"]["dct"])
    values = [s["attrs"].get("value") for r in records for s in r["spans"] if s["label"] == "DATE"]
    assert all(values)
    types = {s["attrs"].get("type") for r in records for s in r["spans"] if s["label"] == "QUOTE"}
    assert {"direct", "indirect"} <= types
    assert {s["annotator"] for r in records for s in r["spans"]} == {"sample", "suggester"}
    assert any(s["status"] == "suggested" for r in records for s in r["spans"])


def test_exercises_the_arabic_forms(records):
    text = "\n".join(r["text"] for r in records)
    for mark in ('"', "“", "”", "«", "»"):
        assert mark in text
    # Unbalanced marks: a paragraph with an odd number of straight quotes, one » without «.
    paras = text.split("\n")
    assert any(p.count('"') % 2 == 1 for p in paras)
    assert any(p.count("»") > p.count("«") for p in paras)
    months = ["يناير", "فبراير", "نوفمبر", "أكتوبر", "كانون الأول", "شباط", "آذار", "أيلول", "جانفي", "فيفري",
              "جوان", "جويلية", "أفريل", "أوت", "يوليوز", "غشت", "شتنبر", "دجنبر", "أغشت", "إبريل"]
    for m in months:
        assert m in text, m
    assert "كانون الأول/ ديسمبر" in text and "أيلول/سبتمبر" in text  # paired forms
    assert re.search(r"\d{1,2}/\d{1,2}/\d{4}", text) and re.search(r"\d{4}/\d{1,2}/\d{1,2}", text)
    assert re.search("[\u0660-\u0669]", text)  # Arabic-Indic digits
    assert re.search("[\u064b-\u0652]", text)  # harakat
    assert any(ord(c) > 0xFFFF and unicodedata.category(c) == "So" for c in text)  # an emoji
    assert re.search(r"\([^)]*\)", text)
    assert any(re.search("[A-Za-z]", p) and re.search("[\u0600-\u06ff]", p) for p in paras)
    assert "وأضاف" in text
    assert "\u2066" in text  # an isolate: the window's bidi warning shows on that document


def test_sample_copy_is_made_once_in_the_data_folder(tmp_path, monkeypatch):
    from annotator.gui.sample import ensure_sample_project

    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    before = SAMPLE.read_bytes()
    path = ensure_sample_project()
    assert path == tmp_path / "data" / "sample.annot"
    with Project.open(path) as p:
        assert p.document_count() == len(SAMPLE.read_text(encoding="utf-8").splitlines())
        num = p.document("sample-01-desalination").num
        span = p.spans(num)[0]
        p.delete_span(span.id)  # the user's edit to the copy
    assert ensure_sample_project() == path  # not rebuilt: the edit stays
    with Project.open(path, readonly=True) as p:
        assert span.id not in {s.id for s in p.spans(num)}
    assert SAMPLE.read_bytes() == before
    assert not list((tmp_path / "data").glob(".*.tmp"))
