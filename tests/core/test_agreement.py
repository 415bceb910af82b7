"""Agreement figures against independent implementations (krippendorff, NLTK) and hand-made cases."""

from __future__ import annotations

import itertools
import json
import random

import pytest

from annotator.core import agreement
from annotator.core.agreement import ALL, alpha_binary, alpha_nominal, cohen_kappa, max_overlap_matching
from tests.support.review_data import LABELS, build, make_text, random_layers, record, span_of

krippendorff = pytest.importorskip("krippendorff")
np = pytest.importorskip("numpy")
nltk_agreement = pytest.importorskip("nltk.metrics.agreement")


# ----- Krippendorff's own worked example -----------------------------------------------------------
def test_alpha_published_example_nominal_with_missing_values():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
    # 12 units, values 1-5, missing data; nominal alpha = 0.743.
    m = None
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
        [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m],
    ]
    units = list(zip(*data))
    assert alpha_nominal(units) == pytest.approx(0.743, abs=0.0005)
    # and the independent package agrees on the same matrix
    ref = krippendorff.alpha(reliability_data=np.array([[np.nan if v is None else v for v in row] for row in data]),
                             level_of_measurement="nominal")
    assert alpha_nominal(units) == pytest.approx(ref)


def test_alpha_binary_equals_general_form():
    rng = random.Random(5)
    for coders in (2, 3, 4):
        rows = [[rng.random() < 0.3 for _ in range(coders)] for _ in range(200)]
        ones = [0] * (coders + 1)
        for r in rows:
            ones[sum(r)] += 1
        assert alpha_binary(ones, coders) == pytest.approx(alpha_nominal(rows))


def test_undefined_statistics_are_none():
    assert alpha_binary([10, 0, 0], 2) is None  # nobody marked anything: no variation
    assert cohen_kappa(0, 0, 0, 10) is None
    assert agreement.f1(0, 0, 0) is None


def test_overlap_matching_is_maximum():
    # a greedy left-to-right pairing gets 1 here; the maximum is 2
    a = [(0, 10), (12, 14)]
    b = [(5, 13), (8, 9)]
    assert max_overlap_matching(a, b) == 2
    assert max_overlap_matching([(0, 5)], [(5, 9)]) == 0  # touching is not overlapping


# ----- independent reference over characters -------------------------------------------------------
def _char_vectors(text, spans_by_ann, label, annotators):
    units = [i for i, ch in enumerate(text) if not ch.isspace()]
    rows = []
    for ann in annotators:
        cover = set()
        for s, e, lab in spans_by_ann.get(ann, []):
            if lab == label:
                cover.update(range(s, e))
        rows.append([1 if i in cover else 0 for i in units])
    return rows


def _brute_matching(a, b):
    best = 0
    if len(a) > len(b):
        a, b = b, a
    for perm in itertools.permutations(range(len(b)), len(a)):
        best = max(best, sum(1 for i, j in enumerate(perm) if a[i][0] < b[j][1] and b[j][0] < a[i][1]))
    return best


@pytest.fixture(scope="module")
def random_project(tmp_path_factory):
    rng = random.Random(20261124)
    names = ["ليلى", "omar", "sami"]
    docs = []
    truth = []
    for i in range(40):
        text = make_text(rng, 2)
        layers = random_layers(rng, text, names, n=4)
        done = names if i % 7 else names[:2]  # some documents are not done by everyone
        docs.append(record(f"r{i}", text, layers, done=done))
        truth.append((text, layers, done))
    # a document nobody finished: must not count
    t = make_text(rng, 1)
    docs.append(record("unfinished", t, {"omar": [(0, 3, "CUE")]}, done=[]))
    p = build(tmp_path_factory.mktemp("agr") / "r.annot", docs)
    yield p, truth, names
    p.close()


def test_alpha_and_kappa_match_krippendorff_and_nltk_on_random_data(random_project):
    project, truth, names = random_project
    res = agreement.compute(project, names)
    everyone = [t for t in truth if list(t[2]) == names]
    assert res.documents == len(everyone)
    pooled = [[] for _ in names]
    for label in LABELS:
        rows = [[] for _ in names]
        for text, layers, _ in everyone:
            for k, r in enumerate(_char_vectors(text, layers, label, names)):
                rows[k] += r
        for k in range(len(names)):
            pooled[k] += rows[k]
        ref = krippendorff.alpha(reliability_data=np.array(rows, dtype=float), level_of_measurement="nominal")
        assert res.get(label, "alpha") == pytest.approx(ref, abs=1e-9), label
        # pairs: documents both marked done, Cohen's kappa from NLTK
        for a, b in itertools.combinations(range(len(names)), 2):
            ra, rb = [], []
            for text, layers, done in truth:
                if names[a] in done and names[b] in done:
                    va, vb = _char_vectors(text, layers, label, [names[a], names[b]])
                    ra += va
                    rb += vb
            task = nltk_agreement.AnnotationTask(
                data=[("a", i, v) for i, v in enumerate(ra)] + [("b", i, v) for i, v in enumerate(rb)])
            assert res.get(label, "kappa", (names[a], names[b])) == pytest.approx(task.kappa_pairwise("a", "b"), abs=1e-9)
            ref_pair = krippendorff.alpha(reliability_data=np.array([ra, rb], dtype=float),
                                          level_of_measurement="nominal")
            assert res.get(label, "alpha", (names[a], names[b])) == pytest.approx(ref_pair, abs=1e-9)
    ref_all = krippendorff.alpha(reliability_data=np.array(pooled, dtype=float), level_of_measurement="nominal")
    assert res.get(ALL, "alpha") == pytest.approx(ref_all, abs=1e-9)


def test_span_f1_matches_set_arithmetic_on_random_data(random_project):
    project, truth, names = random_project
    res = agreement.compute(project, names)
    for a, b in itertools.combinations(names, 2):
        tot = [0, 0, 0, 0]
        for label in LABELS:
            m = ov = na = nb = 0
            for text, layers, done in truth:
                if a in done and b in done:
                    A = {(s, e) for s, e, l in layers[a] if l == label}
                    B = {(s, e) for s, e, l in layers[b] if l == label}
                    m += len(A & B)
                    ov += _brute_matching(sorted(A), sorted(B))
                    na += len(A)
                    nb += len(B)
            tot = [tot[0] + m, tot[1] + ov, tot[2] + na, tot[3] + nb]
            exp = 2 * m / (na + nb) if na + nb else None
            assert res.get(label, "f1_exact", (a, b)) == pytest.approx(exp)
            assert res.get(label, "f1_overlap", (a, b)) == pytest.approx(2 * ov / (na + nb) if na + nb else None)
        assert res.get(ALL, "f1_exact", (a, b)) == pytest.approx(2 * tot[0] / (tot[2] + tot[3]))
    pair_vals = [res.get("DATE", "f1_exact", p) for p in itertools.combinations(names, 2)]
    assert res.get("DATE", "f1_exact") == pytest.approx(sum(pair_vals) / 3)


def test_json_output_validates_against_schema(random_project):
    jsonschema = pytest.importorskip("jsonschema")
    from annotator.core.paths import schema_path

    project, _, names = random_project
    out = agreement.compute(project, names).to_json()
    schema = json.loads(schema_path("agreement.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(json.dumps(out)), schema)
    keys = {(f["label"], f["measure"], tuple(f["annotators"]), f.get("attribute")) for f in out["figures"]}
    assert len(keys) == len(out["figures"])  # each figure has its own key
    assert ("QUOTE", "kappa", ("ليلى", "omar"), None) in keys


# ----- hand-made cases -------------------------------------------------------------------------------
TEXT = "قال الوزير إن الاجتماع سيعقد يوم الأحد المقبل في العاصمة."


def _one(tmp_path, layers, done=None, relations=None, name="h.annot"):
    done = list(layers) if done is None else done
    p = build(tmp_path / name, [record("h1", TEXT, layers, done=done, relations=relations)])
    return p


def test_perfect_agreement(tmp_path):
    q = (*span_of(TEXT, "الاجتماع سيعقد يوم الأحد المقبل"), "QUOTE", {"type": "indirect"})
    src = (*span_of(TEXT, "الوزير"), "SOURCE")
    cue = (*span_of(TEXT, "قال"), "CUE")
    d = (*span_of(TEXT, "يوم الأحد المقبل"), "DATE", {"value": "2021-12-12"})
    work = [q, src, cue, d]
    rels = [("source", 0, 1), ("cue", 0, 2)]
    with _one(tmp_path, {"a": work, "b": work, "c": work}, relations={"a": rels, "b": rels, "c": rels}) as p:
        res = agreement.compute(p)
        for label in LABELS:
            assert res.get(label, "alpha") == pytest.approx(1.0)
            assert res.get(label, "f1_exact") == pytest.approx(1.0)
            assert res.get(label, "kappa", ("a", "b")) == pytest.approx(1.0)
        assert res.get("DATE", "attr_agreement", ("a", "c"), "value") == 1.0
        assert res.get("source", "relation_f1", ("b", "c")) == 1.0
        assert res.disagreement[0]["score"] == 0.0
        assert not [c for c in res.confusion if c["label_a"] != c["label_b"]]


def test_no_agreement(tmp_path):
    a = [(*span_of(TEXT, "قال"), "CUE")]
    b = [(*span_of(TEXT, "العاصمة"), "CUE")]
    with _one(tmp_path, {"a": a, "b": b}) as p:
        res = agreement.compute(p)
        assert res.get("CUE", "f1_exact") == 0.0
        assert res.get("CUE", "f1_overlap") == 0.0
        assert res.get("CUE", "kappa", ("a", "b")) < 0  # worse than chance
        assert res.get("QUOTE", "alpha") is None  # nobody used QUOTE: undefined, not 1
        assert res.disagreement[0]["score"] == 1.0
        assert res.disagreement[0]["disputed"] == 2


def test_one_annotator_silent(tmp_path):
    work = [(*span_of(TEXT, "قال"), "CUE"), (*span_of(TEXT, "الوزير"), "SOURCE")]
    with _one(tmp_path, {"a": work, "b": []}, done=["a", "b"]) as p:
        res = agreement.compute(p)
        assert res.annotators == ["a", "b"]
        assert res.get("CUE", "f1_exact") == 0.0
        assert res.get("CUE", "kappa", ("a", "b")) == pytest.approx(0.0)
        # 3 CUE characters marked by a only, out of all non-whitespace characters
        n = sum(1 for ch in TEXT if not ch.isspace())
        units = [[1 if i < 3 else 0 for i in range(n)], [0] * n]
        ref = krippendorff.alpha(reliability_data=np.array(units, dtype=float), level_of_measurement="nominal")
        assert res.get("CUE", "alpha") == pytest.approx(ref)
        assert {"annotators": ["a", "b"], "label_a": "CUE", "label_b": None, "count": 1} in res.confusion


def test_attributes_relations_and_confusion(tmp_path):
    q = span_of(TEXT, "الاجتماع سيعقد يوم الأحد المقبل")
    d = span_of(TEXT, "يوم الأحد المقبل")
    who = span_of(TEXT, "الوزير")
    a = [(*q, "QUOTE", {"type": "indirect"}), (*d, "DATE", {"value": "2021-12-12"}), (*who, "SOURCE")]
    b = [(*q, "QUOTE", {"type": "direct"}), (*d, "DATE", {"value": "2021-12-12"}), (*who, "CUE")]
    with _one(tmp_path, {"a": a, "b": b}, relations={"a": [("source", 0, 2)], "b": []}) as p:
        res = agreement.compute(p)
        assert res.get("QUOTE", "attr_agreement", ("a", "b"), "type") == 0.0
        assert res.get("DATE", "attr_agreement", ("a", "b"), "value") == 1.0
        # the SOURCE span is not matched, so a's link is outside relation agreement
        assert res.get("source", "relation_f1", ("a", "b")) is None
        assert {"annotators": ["a", "b"], "label_a": "SOURCE", "label_b": "CUE", "count": 1} in res.confusion


def test_only_accepted_spans_and_done_documents_count(tmp_path):
    cue = span_of(TEXT, "قال")
    doc = record("h1", TEXT, {"a": [(*cue, "CUE")], "b": [(*cue, "CUE")]}, done=["a", "b"])
    doc["spans"].append({"start": 4, "end": 10, "label": "SOURCE", "annotator": "b", "status": "suggested"})
    doc["spans"].append({"start": 4, "end": 10, "label": "SOURCE", "annotator": "a", "status": "rejected"})
    other = record("h2", TEXT + " ", {"a": [(*cue, "CUE")], "b": []}, done=["a"])
    with build(tmp_path / "s.annot", [doc, other]) as p:
        res = agreement.compute(p)
        assert res.documents == 1
        assert res.get(ALL, "f1_exact") == 1.0
        assert res.get("SOURCE", "f1_exact") is None


def test_cli_json_and_table(random_project, tmp_path):
    import subprocess
    import sys

    project, _, names = random_project
    out = subprocess.run([sys.executable, "-m", "annotator", "agreement", str(project.path), "--json"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    res = agreement.compute(project, names)
    fig = next(f for f in data["figures"] if f["label"] == "DATE" and f["measure"] == "kappa"
               and sorted(f["annotators"]) == sorted(["ليلى", "omar"]))
    assert fig["value"] == pytest.approx(res.get("DATE", "kappa", ("ليلى", "omar")))
    table = subprocess.run([sys.executable, "-m", "annotator", "agreement", str(project.path), "--logical"],
                           capture_output=True, text=True)
    assert table.returncode == 0 and "omar / ليلى" in table.stdout and "f1_exact" in table.stdout
    bad = subprocess.run([sys.executable, "-m", "annotator", "agreement", str(project.path), "--annotators", "x,y"],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "no annotator 'x'" in bad.stderr and "Traceback" not in bad.stderr


def test_an_attribute_written_as_null_is_one_not_set(tmp_path):
    """An imported "mod": null on one side and no mod on the other is no disagreement (as in
    review): neither the attribute figures nor the count of matched spans that differ see one."""
    d_a = (*span_of(TEXT, "يوم الأحد المقبل"), "DATE", {"value": "2021-12-12", "mod": None})
    d_b = (*span_of(TEXT, "يوم الأحد المقبل"), "DATE", {"value": "2021-12-12"})
    with _one(tmp_path, {"a": [d_a], "b": [d_b]}) as p:
        res = agreement.compute(p)
        assert res.get("DATE", "attr_agreement", ("a", "b"), "value") == 1.0
        assert res.pair_attrs[("a", "b")] == (1, 0)
        assert res.get("DATE", "attr_agreement", ("a", "b"), "mod") in (None, 1.0)
        assert res.disagreement[0]["attrs_differ"] == 0
