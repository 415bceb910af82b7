"""Suggestions into a project and file to file: the `suggest` command and the core API."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.native import parse_record
from annotator.core.project import Project
from annotator.core.scheme import default_scheme
from annotator.core.store.change_rows import recorded
from annotator.core.suggest import accept_suggestions, reject_suggestions, suggest_document, suggest_project, suggest_record

TEXT1 = ("وقال المتحدث باسم الوزارة اللواء سعد الراشد، في مؤتمر صحفي اليوم، إن القوات أنهت مهمتها. "
         "وأضاف أن \"الانسحاب سيكتمل خلال 15 يوما\". وكانت القيادة قد أكدت في 24 نوفمبر الماضي أن الجدول ثابت.")
TEXT2 = "وصل الوفد أمس إلى عمّان ويغادرها الخميس المقبل."


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def project_path(tmp_path):
    src = _jsonl(tmp_path / "docs.jsonl", [
        {"id": "a", "text": TEXT1, "meta": {"dct": "2021-12-09"}},
        {"id": "b", "text": TEXT2},
    ])
    path = tmp_path / "p.annot"
    assert main(["new", str(path)]) == 0
    assert main(["import", str(path), str(src)]) == 0
    return path


def _spans(path, doc, annotator="suggest"):
    with Project.open(path, readonly=True) as p:
        return p.spans(p.document(doc).num, annotator), p.relations(p.document(doc).num, annotator)


def test_suggest_project_adds_suggested_spans_with_rules(project_path, capsys):
    assert main(["suggest", str(project_path)]) == 0
    assert "suggested" in capsys.readouterr().out
    spans, rels = _spans(project_path, "a")
    by = {(TEXT1[s.start:s.end], s.label): s for s in spans}
    assert by[("اليوم", "DATE")].attrs == {"type": "DATE", "value": "2021-12-09"}
    assert by[("24 نوفمبر الماضي", "DATE")].attrs["value"] == "2021-11-24"
    assert by[("15 يوما", "DATE")].attrs == {"type": "DURATION", "value": "P15D"}
    assert ("القوات أنهت مهمتها", "QUOTE") in by
    assert ("المتحدث باسم الوزارة اللواء سعد الراشد", "SOURCE") in by
    assert all(s.status == "suggested" and s.rule for s in spans)
    assert all(TEXT1[s.start:s.end] == TEXT1[s.start:s.end].strip() for s in spans)
    source_of = {r.from_span: r.to_span for r in rels if r.label == "source"}
    quote = by[("الانسحاب سيكتمل خلال 15 يوما", "QUOTE")]
    assert source_of[quote.id] == by[("المتحدث باسم الوزارة اللواء سعد الراشد", "SOURCE")].id  # elided: وأضاف
    assert all(r.status == "suggested" for r in rels)
    # document without dct: relative dates found, values left empty
    spans_b, _ = _spans(project_path, "b")
    assert {TEXT2[s.start:s.end]: s.attrs.get("value") for s in spans_b} == {"أمس": None, "الخميس المقبل": None}


def test_suggest_twice_adds_nothing_and_rejected_stay_rejected(project_path, capsys):
    assert main(["suggest", str(project_path)]) == 0
    first, _ = _spans(project_path, "a")
    with Project.open(project_path) as p:
        date = next(s for s in first if s.label == "DATE")
        p.update_span(date.id, status="rejected")
    assert main(["suggest", str(project_path)]) == 0
    assert "suggested 0 spans" in capsys.readouterr().out.splitlines()[-1]
    again, _ = _spans(project_path, "a")
    assert len(again) == len(first)
    assert next(s for s in again if s.id == date.id).status == "rejected"


def test_only_and_annotator_options(project_path):
    assert main(["suggest", str(project_path), "--only", "dates", "--annotator", "maha"]) == 0
    spans, rels = _spans(project_path, "a", "maha")
    assert spans and {s.label for s in spans} == {"DATE"} and rels == []
    assert _spans(project_path, "a", "suggest")[0] == []
    assert main(["suggest", str(project_path), "--only", "quotes", "--annotator", "maha", "--doc", "a"]) == 0
    spans, rels = _spans(project_path, "a", "maha")
    assert {s.label for s in spans} == {"DATE", "QUOTE", "SOURCE", "CUE"} and rels


def test_suggest_file_to_file(tmp_path):
    gold_span = {"id": 7, "start": 0, "end": 4, "label": "CUE", "annotator": "gold"}
    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "x", "text": TEXT1, "meta": {"dct": "2021-12-09"}, "spans": [gold_span]},
        {"id": "y", "text": TEXT2},
        {"id": "z", "text": "لا شيء هنا."},
    ])
    out = tmp_path / "out.jsonl"
    assert main(["suggest", str(src), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(l)["id"] for l in lines] == ["x", "y", "z"]
    recs = [json.loads(l) for l in lines]
    assert recs[0]["spans"][0] == gold_span
    for i, rec in enumerate(recs):
        parsed = parse_record(rec, f"out:{i + 1}", default_scheme(), "import")  # valid native, offsets checked
        assert all(s.status == "suggested" for s in parsed.spans if s.annotator == "suggest")
    spans, rels = suggest_record(TEXT1, "2021-12-09")
    assert len(recs[0]["spans"]) == 1 + len(spans) and len(recs[0]["relations"]) == len(rels)
    assert recs[2]["spans"] == [] and recs[2]["relations"] == []
    # --only, and running over its own output adds nothing new for the same annotator
    out2 = tmp_path / "out2.jsonl"
    assert main(["suggest", str(out), "-o", str(out2)]) == 0
    assert [json.loads(l) for l in out2.read_text(encoding="utf-8").splitlines()] == recs


def test_suggest_file_errors_name_the_line(tmp_path, capsys):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "أمس"}\n{"text": "اليوم", "meta": {"dct": "9/12/2021"}}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["suggest", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl:2" in err and "Traceback" not in err
    assert not out.exists()  # all or nothing
    assert main(["suggest", str(src)]) == 1
    assert "-o" in capsys.readouterr().err


def test_core_api_one_transaction_accept_reject_undo(tmp_path):
    with Project.create(tmp_path / "p.annot") as p:
        from annotator.core.importer import import_records
        from annotator.core.native import ParsedRecord

        import_records(p, [("t", ParsedRecord("a", TEXT1, {"dct": "2021-12-09"}, {}, [], []), 0)])
        num = p.document("a").num
        edits = p.edits
        ids = suggest_document(p, num, "maha")
        assert ids and p.edits == edits + 1  # one commit
        assert suggest_document(p, num, "maha") == []
        n_dates = len([s for s in p.spans(num, "maha") if s.label == "DATE"])
        undoable = recorded(p, num, lambda: accept_suggestions(p, num, "maha", label="DATE"))  # as the window does
        assert len(undoable.result.spans) == n_dates
        assert all(s.status == "accepted" for s in p.spans(num, "maha") if s.label == "DATE")
        p.undo(undoable)
        assert all(s.status == "suggested" for s in p.spans(num, "maha"))
        # accepting a quote and its source and cue accepts the links between them
        quote = next(s for s in p.spans(num, "maha") if s.label == "QUOTE")
        linked = [r.to_span for r in p.relations_of(quote.id)]
        accept_suggestions(p, num, "maha", span_ids=[quote.id, *linked])
        assert all(r.status == "accepted" for r in p.relations_of(quote.id))
        # rejecting a source rejects its suggested links
        other = [s for s in p.spans(num, "maha") if s.label == "SOURCE" and s.status == "suggested"]
        if other:
            ch = reject_suggestions(p, num, "maha", span_ids=[other[0].id])
            assert all(r.status == "rejected" for r in p.relations_of(other[0].id) if r.id in ch.relations)
        report = suggest_project(p, "maha")
        assert report.spans == 0 and report.documents == 1
        # an undo of the suggestion: deleting the created spans removes their relations
        for sid in ids:
            if any(s.id == sid for s in p.spans(num, "maha")):
                p.delete_span(sid)
        assert p.relations(num, "maha") == []


def test_read_only_project_is_refused(project_path):
    from annotator.core.errors import ReadOnlyProject

    with Project.open(project_path, readonly=True) as p:
        with pytest.raises(ReadOnlyProject):
            suggest_project(p)
        with pytest.raises(ReadOnlyProject):
            suggest_document(p, p.document("a").num)
    assert _spans(project_path, "a") == ([], [])


def test_file_mode_refuses_bad_input_spans_and_projects_with_one_line(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "قال الوزير أمس", "spans": [{"start": 0, "end": 99, "label": "CUE"}]}\n',
                   encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "annotator", "suggest", str(bad), "-o", str(tmp_path / "o.jsonl")],
                         capture_output=True, text=True)
    assert out.returncode == 1 and "bad.jsonl:1: span 1: span 0..99 is outside" in out.stderr
    assert not (tmp_path / "o.jsonl").exists()
    proj = tmp_path / "p.annot"
    subprocess.run([sys.executable, "-m", "annotator", "new", str(proj)], check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "annotator", "suggest", str(proj), "-o", str(tmp_path / "o.jsonl")],
                         capture_output=True, text=True)
    assert out.returncode == 1 and "is a project" in out.stderr and "Traceback" not in out.stderr
