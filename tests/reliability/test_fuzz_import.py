"""Hostile input: every importer, fed generated hostile files, either imports correctly or
refuses with a one-line error and leaves the project byte-for-byte unchanged (by content);
never a crash, a hang or a partial write. ANNOTATOR_FUZZ_EXAMPLES scales the run.
"""

import json
import os
from collections import Counter
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.formats import FORMATS
from annotator.core.formats.common import normalize_plain_text
from annotator.core.errors import ImportFailed
from annotator.core.native import content_hash
from annotator.core.project import Project
from tests.reliability import hostile
from tests.reliability.hostile import CASES, fresh_copy, import_or_refuse, jsonl_file, jsonl_line
from tests.reliability.util import annotated_project

EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])

READERS = FORMATS.names("read")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    os.environ.setdefault("ANNOTATOR_BACKUP_DIR", str(tmp_path_factory.mktemp("backups")))
    return annotated_project(tmp_path_factory.mktemp("template") / "template.annot")


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if CASES:
        print("\nfuzz cases by format and outcome: " + json.dumps({f"{f}:{o}": n for (f, o), n in sorted(CASES.items())}))
        print(f"fuzz cases total: {sum(CASES.values())}")


def _native_records(data: bytes) -> list:
    out = []
    for line in data.split(b"\n"):
        try:
            out.append(json.loads(line.lstrip(b"\xef\xbb\xbf")))
        except ValueError:
            pass
    return out


@FUZZ
@given(data=st.one_of(jsonl_file(), hostile.clean_jsonl_file()))
def test_native_jsonl(template, tmp_path, data):
    path = fresh_copy(template, tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_bytes(data)

    def check(p, report):
        # Each record that went in is there verbatim, with exactly its spans.
        recs = [r for r in _native_records(data) if isinstance(r, dict) and isinstance(r.get("text"), str)]
        seen = Counter(r["text"] for r in recs)
        for rec in recs:
            num = p.doc_num_by_hash(content_hash(rec["text"]))
            assert num is not None and p.document(num).text == rec["text"]
            if seen[rec["text"]] == 1 and num > 3:
                got = sorted((s.start, s.end, s.label) for s in p.spans(num))
                want = sorted((s["start"], s["end"], s["label"]) for s in rec.get("spans", []))
                assert got == want
                for s in p.spans(num):
                    assert p.document(num).text[s.start:s.end]

    import_or_refuse(path, [src], "native", check)


@FUZZ
@given(raw=st.one_of(st.binary(max_size=300), st.text(hostile.ALPHABET, max_size=200).map(lambda t: t.encode()),
                     st.sampled_from(hostile.HOSTILE_STRINGS).map(lambda t: t.encode()),
                     st.binary(max_size=40).map(lambda b: "نص عربي ".encode() + b)))
def test_plain_text(template, tmp_path, raw):
    path = fresh_copy(template, tmp_path)
    src = tmp_path / "doc.txt"
    src.write_bytes(raw)

    def check(p, report):
        text = normalize_plain_text(raw, "x")
        num = p.doc_num_by_hash(content_hash(text))
        assert p.document(num).text == text

    outcome = import_or_refuse(path, [src], "text", check)
    if outcome == "refused":
        with pytest.raises(ImportFailed):
            normalize_plain_text(raw, "x")


# ----- the other formats: whatever annotator.core.formats can read --------------------------------
def _doccano_line():
    rec = st.fixed_dictionaries({"text": hostile.texts}, optional={
        "id": hostile.ids, "label": st.lists(st.lists(st.one_of(hostile.offsets, hostile.labels), max_size=4),
                                             max_size=3),
        "entities": st.lists(st.fixed_dictionaries({"id": hostile.ids, "label": hostile.labels,
                                                    "start_offset": hostile.offsets, "end_offset": hostile.offsets}),
                             max_size=3),
        "relations": st.lists(st.fixed_dictionaries({"id": hostile.ids, "from_id": hostile.ids, "to_id": hostile.ids,
                                                     "type": st.sampled_from(["source", "cue", "<b>"])}), max_size=2),
        "annotator": st.one_of(st.just("ann1"), hostile.json_leaf), "meta": hostile.json_any})
    return jsonl_line(rec)


def _prodigy_line():
    span = st.fixed_dictionaries({"start": hostile.offsets, "end": hostile.offsets, "label": hostile.labels},
                                 optional={"token_start": hostile.offsets, "token_end": hostile.offsets})
    tok = st.fixed_dictionaries({"text": hostile.texts, "start": hostile.offsets, "end": hostile.offsets,
                                 "id": hostile.offsets, "ws": st.booleans()})
    rec = st.fixed_dictionaries({"text": hostile.texts}, optional={
        "spans": st.lists(span, max_size=3), "tokens": st.lists(tok, max_size=3),
        "answer": st.sampled_from(["accept", "reject", "ignore", "<img src=x>"]), "_input_hash": hostile.json_leaf,
        "_task_hash": hostile.json_leaf, "meta": hostile.json_any})
    return jsonl_line(rec)


def _labelstudio_file():
    value = st.fixed_dictionaries({"start": hostile.offsets, "end": hostile.offsets},
                                  optional={"text": hostile.texts, "labels": st.lists(hostile.labels, max_size=2)})
    result = st.one_of(
        st.fixed_dictionaries({"id": hostile.ids, "from_name": st.just("label"), "to_name": st.just("text"),
                               "type": st.sampled_from(["labels", "choices", "<img>"]), "value": value}),
        st.fixed_dictionaries({"from_id": hostile.ids, "to_id": hostile.ids, "type": st.just("relation"),
                               "labels": st.lists(st.sampled_from(["source", "cue", "x"]), max_size=1)}),
        hostile.json_any)
    task = st.fixed_dictionaries({"data": st.one_of(st.fixed_dictionaries({"text": hostile.texts}), hostile.json_any)},
                                 optional={"annotations": st.lists(st.fixed_dictionaries(
                                     {"result": st.lists(result, max_size=3)},
                                     optional={"completed_by": hostile.json_leaf}), max_size=2),
                                     "predictions": hostile.json_any, "id": hostile.ids})
    as_json = st.lists(st.one_of(task, hostile.json_any), max_size=3).map(lambda t: json.dumps(t).encode())
    nested = st.sampled_from([1000, 100_000]).map(lambda d: hostile.deep(d).encode())
    cut = st.tuples(as_json, st.integers(0, 200)).map(lambda t: t[0][: t[1]])
    return st.one_of(as_json, as_json, nested, cut, st.binary(max_size=80))


def _brat_pair():
    line = st.one_of(
        st.tuples(st.sampled_from(["T1", "T2", "T3", "Tx"]), hostile.labels, hostile.offsets, hostile.offsets,
                  hostile.texts).map(lambda t: f"{t[0]}\t{t[1]} {t[2]} {t[3]}\t{t[4]}"),
        st.tuples(st.sampled_from(["T1", "T2"]), st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))
        .map(lambda t: f"{t[0]}\tQUOTE {t[1]} {t[2]};{t[2] + 1} {t[3]}\tx"),
        st.sampled_from(["R1\tsource Arg1:T1 Arg2:T2", "R2\tcue Arg1:T9 Arg2:T1", "A1\ttype T1 direct",
                         "A2\t<img> T2 x", "#1\tAnnotatorNotes T1\tملاحظة", "E1\tX:T1", "*\tEquiv T1 T2", ""]),
        st.text(hostile.ALPHABET, max_size=30))
    ann = st.lists(line, max_size=5).map(lambda ls: "\n".join(ls).encode())
    txt = st.one_of(hostile.texts.map(lambda t: t.encode()), st.binary(max_size=40))
    return st.tuples(txt, st.one_of(ann, st.binary(max_size=60)))


FORMAT_CASES = {
    "doccano": ("in.jsonl", jsonl_file(_doccano_line())),
    "prodigy": ("in.jsonl", jsonl_file(_prodigy_line())),
    "label-studio": ("in.json", _labelstudio_file()),
    "brat": ("folder", _brat_pair()),
}


@pytest.mark.parametrize("fmt", sorted(FORMAT_CASES))
def test_other_formats(fmt, template, tmp_path):
    if fmt not in READERS:
        pytest.skip(f"annotator.core.formats has no reader for {fmt}")
    name, strategy = FORMAT_CASES[fmt]

    @FUZZ
    @given(data=strategy)
    def run(data):
        path = fresh_copy(template, tmp_path)
        if fmt == "brat":
            folder = tmp_path / "brat"
            if folder.exists():
                for f in folder.iterdir():
                    f.unlink()
            folder.mkdir(exist_ok=True)
            (folder / "doc.txt").write_bytes(data[0])
            (folder / "doc.ann").write_bytes(data[1])
            src = folder
        else:
            src = tmp_path / name
            src.write_bytes(data)
        import_or_refuse(path, [src], fmt)

    run()


# ----- the command line on hostile input: one line on stderr, no traceback -------------------------
@pytest.mark.parametrize("content, fmt", [
    (hostile.deep(100_000).encode() + b"\n", "native"),
    (b'{"text": "\xff\xfe bad"}\n', "native"),
    (b'{"text": "abc\\u0000def"}\n', "native"),
    (b'{"text": "\xd9\x86\xd8\xb5", "spans": [{"start": -1, "end": 99999999999999999999, "label": "QUOTE"}]}\n',
     "native"),
    (b'{"text": "<img src=x>", "spans": [{"start": 0, "end": 3, "label": "\'; DROP TABLE spans;--"}]}\n', "native"),
    (b"\x00\x01\x02binary", "text"),
    (hostile.deep(100_000).encode(), "label-studio"),
])
def test_cli_import_of_hostile_input_is_one_line(template, tmp_path, content, fmt):
    if fmt not in ("native", "text") and fmt not in READERS:
        pytest.skip(f"no reader for {fmt}")
    path = fresh_copy(template, tmp_path)
    before = hostile.dump_hash(path)
    src = tmp_path / ("in.txt" if fmt == "text" else "in.json")
    src.write_bytes(content)
    r = subprocess.run([sys.executable, "-m", "annotator", "import", str(path), str(src), "--format", fmt],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert str(src) in r.stderr
    assert hostile.dump_hash(path) == before
    with Project.open(path, readonly=True) as p:
        assert p.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
