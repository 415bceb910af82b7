"""Hypothesis strategies for hostile import input, and the check every case must pass."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

from hypothesis import strategies as st

from annotator.core.backup import check_file
from annotator.core.errors import AnnotatorError
from annotator.core.importer import import_paths
from annotator.core.project import Project

from .util import dump_hash

CASES: Counter = Counter()  # outcome counts per format, printed for RELIABILITY.md

HOSTILE_STRINGS = [
    "'; DROP TABLE spans;--", "\" OR 1=1 --", "<img src=x onerror=alert(1)>", "<b>غامق</b>", "&lt;&amp;",
    "\u202eRTL override", "\u200f\u200e\u2066\u2069", "٠١٢٣", "ـ", "😀👍🏽", "a\u0301", "\ufeff", "\r\n", "\u2028\u2029",
    "x" * 300, "ق" * 1000, "", " ", "null", "None", "../../etc/passwd", "%s%n", "\\u0000",
]
ALPHABET = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
ARABIC = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوي ءآأإؤئىةًٌٍَُِّْ،؛؟") + ["\n", "\r\n", "😀", "\u200f", "١", "A"])
texts = st.one_of(
    st.lists(ARABIC, min_size=1, max_size=80).map("".join),
    st.text(ALPHABET, min_size=1, max_size=60),
    st.sampled_from(HOSTILE_STRINGS[:-3]).map(lambda s: s or "x"),
)
labels = st.one_of(st.sampled_from(["QUOTE", "SOURCE", "CUE", "DATE"]), st.sampled_from(HOSTILE_STRINGS),
                   st.text(ALPHABET, max_size=10), st.integers(), st.none())
offsets = st.one_of(st.integers(-5, 90), st.integers(-2**70, 2**70), st.floats(allow_nan=True), st.booleans(),
                    st.text(max_size=3), st.none())
ids = st.one_of(st.integers(0, 3), st.sampled_from(["a", "b", "1"]), st.none(), st.booleans(), st.floats(0, 2))
json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=False,
                      allow_infinity=False), st.text(ALPHABET, max_size=20), st.sampled_from(HOSTILE_STRINGS))
json_any = st.recursive(json_leaf, lambda kids: st.one_of(st.lists(kids, max_size=4),
                        st.dictionaries(st.text(ALPHABET, max_size=8), kids, max_size=4)), max_leaves=20)


@st.composite
def native_record(draw):
    text = draw(texts)
    n = len(text)
    spans = []
    hostile_record = draw(st.integers(0, 2)) == 0  # two records in three are valid but odd
    for _ in range(draw(st.integers(0, 4))):
        if not hostile_record or draw(st.booleans()):
            s = draw(st.integers(0, max(0, n - 1)))
            e = draw(st.integers(s + 1, n)) if n > s else s + 1
        else:
            s, e = draw(offsets), draw(offsets)
        label = draw(labels) if hostile_record else draw(st.sampled_from(["QUOTE", "SOURCE", "CUE", "DATE"]))
        span = {"start": s, "end": e, "label": label}
        if draw(st.booleans()):
            span["id"] = draw(ids) if hostile_record else len(spans) + 1
        if draw(st.booleans()) and isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n:
            span["text"] = text[s:e] if not hostile_record or draw(st.booleans()) else draw(texts)
        if hostile_record and draw(st.integers(0, 4)) == 0:
            span["attrs"] = draw(st.one_of(json_any, st.just({"type": "direct"}), st.just({"value": "<img src=x>"})))
        if hostile_record and draw(st.integers(0, 6)) == 0:
            span[draw(st.sampled_from(["annotator", "status", "rule", "origin", "bogus"]))] = draw(json_any)
        spans.append(span)
    rec = {"text": text, "spans": spans}
    if not hostile_record:
        if draw(st.booleans()):
            rec["id"] = draw(st.one_of(st.integers(0, 10**12), st.sampled_from(HOSTILE_STRINGS[:12]),
                                       st.text(ALPHABET, min_size=1, max_size=30)))
        if draw(st.booleans()):
            rec["meta"] = {"title": draw(texts), "dct": "2024-02-29", "html": "<img src=x>"}
        return rec
    if draw(st.booleans()):
        rec["id"] = draw(st.one_of(ids, st.sampled_from(HOSTILE_STRINGS), st.text(ALPHABET, max_size=600)))
    if draw(st.integers(0, 3)) == 0:
        rec["relations"] = draw(st.lists(st.fixed_dictionaries(
            {"label": st.sampled_from(["source", "cue", "<img src=x>", "'; DROP TABLE relations;--"]),
             "from": ids, "to": ids}), max_size=3))
    if draw(st.integers(0, 3)) == 0:
        rec["meta"] = draw(st.one_of(json_any, st.fixed_dictionaries({"dct": st.one_of(
            st.sampled_from(["2024-01-15", "2024-13-45", "", "<img src=x>"]), json_leaf)})))
    if draw(st.integers(0, 4)) == 0:
        rec["status"] = draw(st.one_of(json_any, st.dictionaries(st.sampled_from(["ann1", "", "x" * 300]),
                                                                 st.sampled_from(["done", "todo", "bad"]))))
    return rec


def deep(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


@st.composite
def jsonl_line(draw, record=native_record()):
    kind = draw(st.integers(0, 9))
    if kind <= 5:
        return json.dumps(draw(record), ensure_ascii=draw(st.booleans())).encode("utf-8")
    if kind == 6:
        return json.dumps(draw(json_any)).encode()
    if kind == 7:
        d = draw(st.sampled_from([10, 1000, 1025, 5000, 100_000]))
        return draw(st.sampled_from([deep(d).encode(), ('{"text": "نص", "meta": ' + deep(d, '{"a":', "}")
                                                       .replace('{"a":}', '{"a":1}') + "}").encode(),
                                     ('{"text": "نص", "spans": [' + deep(d) + "]}").encode()]))
    if kind == 8:
        return draw(st.binary(max_size=60))
    good = json.dumps(draw(record), ensure_ascii=False).encode()
    cut = draw(st.integers(0, len(good)))
    return good[:cut] + draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xed\xa0\x80", b""])) + good[cut:]


def clean_jsonl_file():
    """Valid records with odd contents (Arabic, marks, emoji, HTML, SQL): they must import exactly."""
    return st.lists(native_record(), min_size=1, max_size=3).map(
        lambda recs: b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in recs))


def jsonl_file(line=None):
    line = jsonl_line() if line is None else line
    return st.tuples(st.lists(line, min_size=1, max_size=4), st.sampled_from([b"\n", b"\r\n"]),
                     st.booleans()).map(lambda t: (b"\xef\xbb\xbf" if t[2] else b"") + t[1].join(t[0]) + t[1])


# ----- the check -----------------------------------------------------------------------------------
def fresh_copy(template: Path, workdir: Path) -> Path:
    target = workdir / "fuzz.annot"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, target)  # the template is closed: a plain copy is safe here
    return target


def import_or_refuse(project_path: Path, inputs: list[Path], fmt: str, check=None) -> str:
    """Import; on success run `check(project)` and the content check; on refusal prove that
    nothing changed. Any other exception propagates and fails the test. Returns the outcome."""
    before = dump_hash(project_path)
    with Project.open(project_path, backup=False) as p:
        try:
            report = import_paths(p, inputs, fmt, "fuzz")
        except AnnotatorError as exc:
            msg = str(exc)
            assert msg and "\n" not in msg, f"not one line: {msg[:300]!r}"
            assert len(msg) < 3000, f"a {len(msg)}-character message: {msg[:300]!r}"
            outcome = "refused"
        else:
            outcome = "imported" if report.documents else "nothing-new"
            if check:
                check(p, report)
    if outcome == "refused":
        assert dump_hash(project_path) == before, "a refused import changed the project"
    problem = check_file(project_path)
    assert problem is None, problem
    CASES[(fmt, outcome)] += 1
    return outcome
