"""Imports convert offsets the source tool counted differently, verify span text, and are all-or-nothing."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.errors import ImportFailed
from annotator.core.exporter import export_project
from annotator.core.importer import import_paths
from annotator.core.native import ExportFilter
from annotator.core.offsets import Utf16Map, cp_to_grapheme
from annotator.core.project import Project
from tests.support.formats_sample import make_project


def spans_of(empty_project):
    out = []
    for doc in empty_project.documents():
        for s in empty_project.spans(doc.num):
            out.append((doc.text[s.start:s.end], s.label, s.start, s.end, s.annotator))
    return out


def ls_task(text, start, end, span_text, label="SOURCE", **extra):
    return {"data": {"text": text}, "annotations": [{"completed_by": 7, "result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": start, "end": end, "text": span_text, "labels": [label]}}]}], **extra}


def test_label_studio_export_counts_utf16(tmp_path):
    p = make_project(tmp_path)
    out = tmp_path / "ls.json"
    export_project(p, str(out), "label-studio", ExportFilter(layers={"alice"}, include_rejected=False))
    p.close()
    tasks = json.loads(out.read_text(encoding="utf-8"))
    text = tasks[0]["data"]["text"]
    m = Utf16Map(text)
    shifted = 0
    for r in tasks[0]["annotations"][0]["result"]:
        if r["type"] == "labels":
            v = r["value"]
            s, e = m.from_utf16(v["start"]), m.from_utf16(v["end"])
            assert text[s:e] == v["text"]
            shifted += v["start"] != s
    assert shifted >= 3  # spans after the emoji are further on in UTF-16 than in code points
    assert (tmp_path / "ls.label_config.xml").read_text(encoding="utf-8").startswith("<View")


def test_label_studio_utf16_offsets_after_emoji(tmp_path, empty_project):
    text = "😀👍🏽 قال الوزير"
    s = text.index("الوزير")
    m = Utf16Map(text)
    f = tmp_path / "t.json"
    f.write_text(json.dumps([ls_task(text, m.to_utf16(s), m.to_utf16(s + 6), "الوزير")], ensure_ascii=False), "utf-8")
    import_paths(empty_project, [f], "label-studio", "x")
    assert spans_of(empty_project) == [("الوزير", "SOURCE", s, s + 6, "ls-user-7")]


def test_label_studio_codepoint_offsets_are_detected(tmp_path, empty_project):
    text = "😀👍🏽 قال الوزير"
    s = text.index("الوزير")
    f = tmp_path / "t.json"
    f.write_text(json.dumps([ls_task(text, s, s + 6, "الوزير")], ensure_ascii=False), "utf-8")
    import_paths(empty_project, [f], "label-studio", "x", offsets="auto")
    assert spans_of(empty_project)[0][:4] == ("الوزير", "SOURCE", s, s + 6)


def test_label_studio_forced_codepoints_refuses_utf16_offsets(tmp_path, empty_project):
    text = "😀 قال الوزير"
    s = text.index("الوزير")
    f = tmp_path / "t.json"
    f.write_text(json.dumps([ls_task(text, s + 1, s + 7, "الوزير")], ensure_ascii=False), "utf-8")
    with pytest.raises(ImportFailed, match=r"t\.json:1: .*does not match"):
        import_paths(empty_project, [f], "label-studio", "x", offsets="codepoints")


def test_label_studio_collapsed_spaces_in_region_text(tmp_path, empty_project):
    text = "قال  الوزير اليوم"
    f = tmp_path / "t.json"
    f.write_text(json.dumps([ls_task(text, 0, 11, "قال الوزير", "QUOTE")], ensure_ascii=False), "utf-8")
    import_paths(empty_project, [f], "label-studio", "x")
    assert spans_of(empty_project)[0][0] == "قال  الوزير"


def test_label_studio_bad_task_changes_nothing_and_names_the_line(tmp_path, empty_project):
    good = ls_task("قال الوزير", 4, 10, "الوزير")
    bad = ls_task("قال المدير", 4, 10, "الوزير")
    f = tmp_path / "t.json"
    f.write_text("[\n" + json.dumps(good, ensure_ascii=False) + ",\n" + json.dumps(bad, ensure_ascii=False) + "\n]",
                 "utf-8")
    with pytest.raises(ImportFailed, match=r"t\.json:3: annotation 1: result 1: value.text 'الوزير'"):
        import_paths(empty_project, [f], "label-studio", "x")
    assert empty_project.document_count() == 0


def test_doccano_grapheme_mode_is_detected_and_can_be_forced(tmp_path):
    text = "قالَ الوزيرُ إنّ الخطةَ جاهزةٌ"
    # doccano with grapheme_mode counts a letter and its harakah as one: قالَ is 3 clusters.
    g_src, g_end = 4, 10  # الوزيرُ
    q = text.index("الخطةَ")
    g_q = (cp_to_grapheme(text, q), cp_to_grapheme(text, len(text)))
    assert g_q[0] == q - 3  # three harakat/shadda before it
    line = {"text": text, "label": [[g_src, g_end, "SOURCE"], [g_q[0], g_q[1], "QUOTE"]]}
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    for mode in ("auto", "graphemes"):
        with Project.create(tmp_path / f"{mode}.annot") as p:
            import_paths(p, [f], "doccano", "u", offsets=mode)
            got = sorted(spans_of(p), key=lambda s: s[2])
            assert [g[0] for g in got] == ["الوزيرُ", "الخطةَ جاهزةٌ"]


def test_doccano_code_points_by_default(tmp_path, empty_project):
    text = "قالَ الوزيرُ"
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"text": text, "label": [[5, 12, "SOURCE"]]}, ensure_ascii=False) + "\n", "utf-8")
    import_paths(empty_project, [f], "doccano", "u")
    assert spans_of(empty_project)[0][:4] == ("الوزيرُ", "SOURCE", 5, 12)


def test_doccano_unknown_label_names_the_line(tmp_path, empty_project):
    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "قال", "label": []}\n{"text": "قال الوزير", "label": [[4, 10, "PER"]]}\n', "utf-8")
    with pytest.raises(ImportFailed, match=r"d\.jsonl:2: span 1: .*unknown label 'PER'"):
        import_paths(empty_project, [f], "doccano", "u")
    assert empty_project.document_count() == 0


@pytest.mark.parametrize("counting", ["one-per-break", "crlf-as-two"])
def test_brat_crlf_offsets(tmp_path, empty_project, counting):
    raw = "سطر أول\r\nقال الوزير\r\nسطر ثالث"
    lf = raw.replace("\r\n", "\n")
    s = lf.index("الوزير")
    shift = 0 if counting == "one-per-break" else 1
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "n.txt").write_bytes(raw.encode())
    (tmp_path / "b" / "n.ann").write_bytes(f"T1\tSOURCE {s + shift} {s + 6 + shift}\tالوزير\r\n".encode())
    import_paths(empty_project, [tmp_path / "b"], "brat", "x")
    doc = next(empty_project.documents())
    # The text is kept as the .txt holds it (a round trip never changes a document); the
    # offsets, counted either way in the .ann, land on the same characters.
    assert doc.text == raw and doc.id == "n"
    r = raw.index("الوزير")
    assert spans_of(empty_project) == [("الوزير", "SOURCE", r, r + 6, "x")]


def test_brat_discontinuous_span_becomes_fragments_with_their_relation(tmp_path, empty_project):
    text = "«الخطة جاهزة» قال الوزير «وستبدأ غداً»"
    a1, a2 = text.index("«الخطة"), text.index("«وستبدأ")
    src = text.index("الوزير")
    ann = (f"T1\tQUOTE {a1} {a1 + 13};{a2} {len(text)}\t{text[a1:a1 + 13]} {text[a2:]}\n"
           f"T2\tSOURCE {src} {src + 6}\tالوزير\nA1\ttype T1 direct\nR1\tsource Arg1:T1 Arg2:T2\n")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "q.txt").write_text(text, "utf-8")
    (tmp_path / "b" / "q.ann").write_text(ann, "utf-8")
    import_paths(empty_project, [tmp_path / "b"], "brat", "x")
    doc = next(empty_project.documents())
    quotes = [s for s in empty_project.spans(doc.num) if s.label == "QUOTE"]
    assert [doc.text[s.start:s.end] for s in quotes] == ["«الخطة جاهزة»", "«وستبدأ غداً»"]
    assert all(s.attrs == {"type": "direct"} for s in quotes)
    assert len(empty_project.relations(doc.num)) == 2


def test_brat_bad_line_is_named(tmp_path, empty_project):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "q.txt").write_text("قال الوزير", "utf-8")
    (tmp_path / "b" / "q.ann").write_text("T1\tSOURCE 4 10\tالوزير\nT2\tCUE 0 3\tقول\n", "utf-8")
    with pytest.raises(ImportFailed, match=r"q\.ann:2: T text 'قول' does not match"):
        import_paths(empty_project, [tmp_path / "b"], "brat", "x")
    assert empty_project.document_count() == 0


def test_prodigy_token_text_checked(tmp_path, empty_project):
    line = {"text": "قال الوزير", "tokens": [{"text": "قال", "start": 0, "end": 3, "id": 0, "ws": True},
                                             {"text": "المدير", "start": 4, "end": 10, "id": 1, "ws": False}],
            "spans": [], "answer": "accept"}
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    with pytest.raises(ImportFailed, match=r"p\.jsonl:1: token 1: token text 'المدير'"):
        import_paths(empty_project, [f], "prodigy", "x")


def test_prodigy_reject_and_ignore_answers(tmp_path, empty_project):
    base = {"text": "قال الوزير", "spans": [{"start": 4, "end": 10, "label": "SOURCE"}]}
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps(dict(base, answer="reject"), ensure_ascii=False) + "\n" +
                 json.dumps(dict(base, text="قال المدير", answer="ignore"), ensure_ascii=False) + "\n", "utf-8")
    import_paths(empty_project, [f], "prodigy", "x")
    assert [s.status for d in empty_project.documents() for s in empty_project.spans(d.num)] == ["rejected"]
    assert empty_project.document_count() == 2


def test_cli_import_offsets_flag_and_validate(tmp_path, capsys):
    text = "😀 قال الوزير"
    s = text.index("الوزير")
    f = tmp_path / "t.json"
    f.write_text(json.dumps([ls_task(text, s + 1, s + 7, "الوزير")], ensure_ascii=False), "utf-8")
    assert main(["new", str(tmp_path / "c.annot")]) == 0
    assert main(["validate", "--format", "label-studio", str(f)]) == 0
    assert main(["import", str(tmp_path / "c.annot"), str(f), "--format", "label-studio", "--offsets", "utf16"]) == 0
    assert "imported 1 documents, 1 spans" in capsys.readouterr().out
    f.write_text(json.dumps([ls_task(text, s + 1, s + 7, "الوزراء")], ensure_ascii=False), "utf-8")
    assert main(["validate", "--format", "label-studio", str(f)]) == 1
    assert "t.json:1: annotation 1: result 1: value.text 'الوزراء'" in capsys.readouterr().out


def test_brat_round_trip_keeps_crlf_text_and_spans(tmp_path, empty_project):
    from annotator.core.exporter import export_project

    text = "سطر أول\r\nقال الوزير 😀\r\n«الخطة جاهزة»"
    src = tmp_path / "in.jsonl"
    q = text.index("الخطة")
    s = text.index("الوزير")
    src.write_text(json.dumps({"id": "n", "text": text, "spans": [
        {"start": s, "end": s + 6, "label": "SOURCE", "annotator": "x"},
        {"start": s, "end": q + 11, "label": "QUOTE", "annotator": "x"}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    import_paths(empty_project, [src])
    export_project(empty_project, str(tmp_path / "out"), "brat")
    again = Project.create(tmp_path / "again.annot")
    try:
        import_paths(again, [tmp_path / "out"], "brat", "x")
        doc = next(again.documents())
        assert doc.text == text
        assert sorted(spans_of(again)) == sorted(spans_of(empty_project))
    finally:
        again.close()
