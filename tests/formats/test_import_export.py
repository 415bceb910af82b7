import io
import json

import orjson
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from annotator.core import Project
from annotator.core.errors import ImportFailed
from annotator.core.importer import import_paths
from annotator.core.native import ExportFilter, write_jsonl
from annotator.core.store.records import iter_records
from annotator.core.formats import validate_file


def native_line(text, spans=(), relations=(), **extra):
    rec = {"id": extra.pop("id", "d1"), "text": text, "spans": list(spans), "relations": list(relations), **extra}
    return json.dumps(rec, ensure_ascii=False)


def write(path, *lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def export_all(empty_project, flt=None):
    buf = io.BytesIO()
    write_jsonl(iter_records(empty_project, flt), buf)
    return [orjson.loads(l) for l in buf.getvalue().splitlines()]


def snapshot(empty_project):
    return export_all(empty_project), empty_project.stats()


def test_plain_text_is_normalized_once(tmp_path, empty_project):
    f = tmp_path / "a.txt"
    f.write_bytes("\ufeffسطر أول\r\nسطر\u00a0ثان\rثالث".encode("utf-8"))
    import_paths(empty_project, [f])
    assert empty_project.document("a").text == "سطر أول\nسطر\u00a0ثان\nثالث"


def test_folder_import_uses_relative_ids(tmp_path, empty_project):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "one.txt").write_text("واحد", encoding="utf-8")
    (tmp_path / "in" / "sub" / "two.txt").write_text("اثنان", encoding="utf-8")
    (tmp_path / "in" / "skip.md").write_text("x", encoding="utf-8")
    report = import_paths(empty_project, [tmp_path / "in"])
    assert report.documents == 2
    assert {d.id for d in empty_project.documents()} == {"one", "sub/two"}
    assert report.ignored == ["skip.md"] and "ignored 1 files that are not .txt (skip.md)" in report.summary()


def test_native_jsonl_keeps_bytes_spans_annotators_relations(tmp_path, empty_project):
    text = "قال\r\nالوزير: «غداً» 😀"
    q = text.index("«غداً»")
    spans = [
        {"id": "a", "start": q + 1, "end": q + 5, "label": "QUOTE", "text": "غداً", "annotator": "amal",
         "attrs": {"type": "direct"}},
        {"id": "b", "start": 5, "end": 11, "label": "SOURCE", "text": "الوزير", "annotator": "amal"},
        {"id": "c", "start": q + 1, "end": q + 5, "label": "DATE", "annotator": "omar", "status": "suggested",
         "attrs": {"value": "2021-12-10"}},
    ]
    rels = [{"id": 1, "label": "source", "from": "a", "to": "b"}]
    f = write(tmp_path / "in.jsonl", native_line(text, spans, rels, meta={"dct": "2021-12-09"},
                                                 status={"amal": "done"}))
    report = import_paths(empty_project, [f])
    assert (report.documents, report.spans, report.relations) == (1, 3, 1)
    (rec,) = export_all(empty_project)
    assert rec["text"] == text  # CRLF kept: JSONL is stored byte-exact
    assert rec["meta"] == {"dct": "2021-12-09"} and rec["status"] == {"amal": "done"}
    got = {(s["start"], s["end"], s["label"], s["annotator"], s["status"]) for s in rec["spans"]}
    assert got == {(q + 1, q + 5, "QUOTE", "amal", "accepted"), (5, 11, "SOURCE", "amal", "accepted"),
                   (q + 1, q + 5, "DATE", "omar", "suggested")}
    for s in rec["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
    (r,) = rec["relations"]
    by_id = {s["id"]: s for s in rec["spans"]}
    assert (by_id[r["from"]]["label"], by_id[r["to"]]["label"], r["annotator"]) == ("QUOTE", "SOURCE", "amal")


def test_duplicates_are_reported_and_skipped(tmp_path, empty_project):
    f = write(tmp_path / "a.jsonl", native_line("نص واحد", id="x"), native_line("نص واحد", id="y"))
    report = import_paths(empty_project, [f])
    assert report.documents == 1 and len(report.skipped) == 1 and "a.jsonl:2" in report.skipped[0][0]
    again = import_paths(empty_project, [f])
    assert again.documents == 0 and len(again.skipped) == 2


BAD = [
    (b'{"text": "abc"\n', "in.jsonl:1: invalid JSON at column"),
    (b'{"text": "ok"}\n{"text": "\xff\xfe"}\n', "in.jsonl:2: not UTF-8 (bad byte at file offset 25)"),
    ('{"text": "قال", "spans": [{"start": 0, "end": 9, "label": "CUE"}]}\n'.encode(), "in.jsonl:1: span 1: span 0..9 is outside"),
    ('{"text": "قال", "spans": [{"start": 2, "end": 2, "label": "CUE"}]}\n'.encode(), "less than end"),
    ('{"text": "قال", "spans": [{"start": 0, "end": 3, "label": "CUE", "text": "قول"}]}\n'.encode(), "does not match"),
    ('{"text": "قال", "spans": [{"start": 0, "end": 3, "label": "PERSON"}]}\n'.encode(), "unknown label 'PERSON'"),
    ('{"text": "قال", "spans": [{"id": 1, "start": 0, "end": 3, "label": "QUOTE"}], '
     '"relations": [{"label": "source", "from": 1, "to": 7}]}\n'.encode(), "relation 1: \"to\" points at a missing span 7"),
    ('{"text": "قال", "spans": [{"id": 1, "start": 0, "end": 3, "label": "QUOTE"}, {"id": 2, "start": 0, "end": 3, "label": "CUE"}], '
     '"relations": [{"label": "quoted_by", "from": 1, "to": 2}]}\n'.encode(), "unknown relation type 'quoted_by'"),
    (b'[1, 2]\n', "expected a JSON object"),
]


@pytest.mark.parametrize("content,message", BAD)
def test_bad_input_names_file_and_line_and_changes_nothing(tmp_path, empty_project, content, message):
    good = write(tmp_path / "good.jsonl", native_line("نص سليم", id="good"))
    bad = tmp_path / "in.jsonl"
    bad.write_bytes(content)
    before = snapshot(empty_project)
    with pytest.raises(ImportFailed) as err:
        import_paths(empty_project, [good, bad])
    assert message in str(err.value)
    assert str(bad) in str(err.value)
    assert "\n" not in str(err.value)
    assert snapshot(empty_project) == before


def test_text_file_not_utf8_names_byte_offset(tmp_path, empty_project):
    f = tmp_path / "w.txt"
    f.write_bytes("نص".encode() + b"\xc3\x28")
    with pytest.raises(ImportFailed, match=r"w.txt: not UTF-8 \(bad byte at offset 4\)"):
        import_paths(empty_project, [f])
    assert empty_project.document_count() == 0


def test_same_id_with_other_text_is_refused(tmp_path, empty_project):
    import_paths(empty_project, [write(tmp_path / "a.jsonl", native_line("أ", id="x"))])
    with pytest.raises(ImportFailed, match="b.jsonl:1: document id 'x' is already in the project"):
        import_paths(empty_project, [write(tmp_path / "b.jsonl", native_line("ب", id="x"))])


def test_export_filters_by_layer(tmp_path, empty_project):
    spans = [{"start": 0, "end": 3, "label": "CUE", "annotator": "amal"},
             {"start": 0, "end": 3, "label": "CUE", "annotator": "gold"}]
    import_paths(empty_project, [write(tmp_path / "a.jsonl", native_line("قال لهم", spans))])
    (rec,) = export_all(empty_project, ExportFilter(layers={"gold"}))
    assert [s["annotator"] for s in rec["spans"]] == ["gold"]


def test_export_validates_against_schema(tmp_path, empty_project):
    text = "أكد المتحدث أن «الجولة انتهت» في ١٢ أيار 2021"
    q = text.index("الجولة")
    spans = [{"id": 1, "start": q, "end": q + 12, "label": "QUOTE", "attrs": {"type": "direct"}},
             {"id": 2, "start": 4, "end": 11, "label": "SOURCE"}]
    import_paths(empty_project, [write(tmp_path / "a.jsonl", native_line(text, spans, [{"label": "source", "from": 1, "to": 2}]))])
    out = tmp_path / "out.jsonl"
    with open(out, "wb") as fh:
        write_jsonl(iter_records(empty_project), fh)
    assert list(validate_file(out, "native")) == []
    assert "\\u" not in out.read_text(encoding="utf-8")  # UTF-8, no ASCII escapes


def test_validate_reports_every_problem_with_line(tmp_path):
    f = write(tmp_path / "v.jsonl", native_line("قال"), '{"text": 5}',
              native_line("قال", [{"start": 0, "end": 3, "label": "CUE", "text": "xyz"}]))
    problems = list(validate_file(f, "native"))
    assert len(problems) == 2
    assert problems[0].startswith(f"{f}:2:") and problems[1].startswith(f"{f}:3:")


# ----- property: import/export round trip keeps every span ---------------------------------------
unicode_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"),
        st.sampled_from(list("قالَ ّ ًلا😀👍🏽\u200f\u202e\u0640«»“”\r\n")),
    ),
    min_size=1,
    max_size=80,
)


@st.composite
def documents(draw):
    text = draw(unicode_text)
    n = draw(st.integers(0, 6))
    spans = []
    for i in range(n):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        label = draw(st.sampled_from(["QUOTE", "SOURCE", "CUE", "DATE"]))
        ann = draw(st.sampled_from(["amal", "عمر", "gold"]))
        spans.append({"id": i, "start": a, "end": b, "label": label, "text": text[a:b], "annotator": ann})
    return text, spans


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(documents(), min_size=1, max_size=4))
def test_round_trip_keeps_offsets_and_text(tmp_path_factory, docs):
    tmp = tmp_path_factory.mktemp("rt")
    src = tmp / "in.jsonl"
    seen = set()
    lines = []
    for i, (text, spans) in enumerate(docs):
        if text in seen:
            continue
        seen.add(text)
        lines.append(native_line(text, spans, id=f"d{i}"))
    write(src, *lines)
    with Project.create(tmp / "p.annot") as p:
        import_paths(p, [src])
        out = tmp / "out.jsonl"
        with open(out, "wb") as fh:
            write_jsonl(iter_records(p), fh)
    with Project.create(tmp / "q.annot") as q:
        import_paths(q, [out])
        again = export_all(q)
    original = {json.loads(l)["id"]: json.loads(l) for l in lines}
    assert len(again) == len(original)
    for rec in again:
        orig = original[rec["id"]]
        assert rec["text"] == orig["text"]
        want = sorted((s["start"], s["end"], s["label"], s["annotator"], s["text"]) for s in orig["spans"])
        got = sorted((s["start"], s["end"], s["label"], s["annotator"], s["text"]) for s in rec["spans"])
        assert got == want
        for s in rec["spans"]:
            assert rec["text"][s["start"]:s["end"]] == s["text"]


def test_input_format_is_detected(tmp_path):
    from annotator.core.importer import detect_format

    cases = {
        "n.jsonl": '{"text": "نص", "spans": []}\n',
        "p.jsonl": '{"text": "نص", "tokens": [], "spans": [], "answer": "accept"}\n',
        "d.jsonl": '{"text": "نص", "label": [[0, 2, "CUE"]]}\n',
        "r.jsonl": '{"text": "نص", "entities": [], "relations": []}\n',
        "ls.json": '\ufeff [{"data": {"text": "نص"}}]',
        "t.txt": "نص",
    }
    for name, body in cases.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    got = {name: detect_format(tmp_path / name) for name in cases}
    assert got == {"n.jsonl": "native", "p.jsonl": "prodigy", "d.jsonl": "doccano", "r.jsonl": "doccano",
                   "ls.json": "label-studio", "t.txt": "text"}
    (tmp_path / "brat").mkdir()
    (tmp_path / "brat" / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "brat" / "a.ann").write_text("", encoding="utf-8")
    assert detect_format(tmp_path / "brat") == "brat"


def test_plain_text_gets_the_given_creation_date(tmp_path, empty_project):
    f = tmp_path / "a.txt"
    f.write_text("قال الوزير أمس", encoding="utf-8")
    with pytest.raises(ImportFailed, match="--dct"):
        import_paths(empty_project, [f], dct="9/12/2021")
    import_paths(empty_project, [f], dct="2021-12-09")
    assert empty_project.document("a").dct == "2021-12-09"
