"""Merging annotators' copies into a review project: real files, copied as annotators would."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys

import pytest

from annotator.core.merge import MergeConflict, merge_projects
from annotator.core.project import Project
from annotator.core.scheme import Scheme, default_scheme
from tests.support.review_data import annotate, build, record

T1 = "قال رئيس البلدية إن الجسر الجديد سيفتتح في أيار المقبل."
T2 = "وأكدت الوزارة في بيان أن المدارس ستغلق يومين بسبب العاصفة."
T3 = "وذكرت الشركة أن أرباحها تضاعفت خلال عام 2022."


@pytest.fixture
def base(tmp_path):
    """The lead's project: documents, no work yet. Annotators get copies of this file."""
    p = build(tmp_path / "base.annot", [record("d1", T1, {}), record("d2", T2, {})])
    p.close()
    return tmp_path / "base.annot"


def copy(base, tmp_path, name):
    dst = tmp_path / f"{name}.annot"
    shutil.copy(base, dst)
    return dst


def dump(path) -> dict:
    with Project.open(path, readonly=True) as p:
        c = p.conn
        return {
            "docs": c.execute("SELECT num, id, hash, meta FROM documents ORDER BY num").fetchall(),
            "spans": c.execute('SELECT id, doc, start, "end", label, annotator, status, attrs, modified FROM spans ORDER BY id').fetchall(),
            "rels": c.execute("SELECT id, label, from_span, to_span, annotator, modified FROM relations ORDER BY id").fetchall(),
            "status": c.execute("SELECT doc, annotator, state, modified FROM doc_status ORDER BY 1, 2").fetchall(),
            "merged": c.execute("SELECT * FROM merged_layers ORDER BY 1, 2").fetchall(),
        }


QUOTE = ("الجسر الجديد سيفتتح في أيار المقبل", "QUOTE", {"type": "indirect"})
SRC = ("رئيس البلدية", "SOURCE", {"kind": "person"})
CUE = ("قال", "CUE", {})
DATE = ("أيار المقبل", "DATE", {"value": "2022-05"})


@pytest.fixture
def two(base, tmp_path):
    a = copy(base, tmp_path, "ليلى")
    b = copy(base, tmp_path, "omar")
    annotate(a, "ليلى", "d1", [QUOTE, SRC, CUE, DATE], relations=[("source", 0, 1), ("cue", 0, 2)])
    annotate(b, "omar", "d1", [QUOTE, SRC, ("أيار المقبل", "DATE", {"value": "2021-05"})], relations=[("source", 0, 1)])
    annotate(b, "omar", "d2", [("الوزارة", "SOURCE", {"kind": "organization"})], done=False)
    review = copy(base, tmp_path, "review")
    return review, a, b


def test_merge_brings_each_annotators_work_under_their_name(two):
    review, a, b = two
    with Project.open(review) as p:
        rep = merge_projects(p, [str(a), str(b)])
        d1 = p.document("d1")
        assert {s.annotator for s in p.spans(d1.num)} == {"ليلى", "omar"}
        mine = {(s.label, d1.text[s.start:s.end], json.dumps(s.attrs, sort_keys=True)) for s in p.spans(d1.num, "omar")}
        assert ("DATE", "أيار المقبل", '{"value": "2021-05"}') in mine
        assert len(p.relations(d1.num, "ليلى")) == 2
        rel = p.relations(d1.num, "omar")[0]
        assert (p.span(rel.from_span).label, p.span(rel.to_span).label) == ("QUOTE", "SOURCE")
        assert p.statuses(d1.num) == {"omar": "done", "ليلى": "done"}
        assert p.doc_status(p.document("d2").num, "omar") == "todo"
        assert [s.label for s in p.spans(p.document("d2").num, "omar")] == ["SOURCE"]
    assert rep.changed
    first = {s.path: s for s in rep.sources}
    assert first[str(a)].layers == ["ليلى"] and first[str(a)].spans == 4 and first[str(a)].relations == 2
    assert first[str(b)].layers_new == 2
    assert not first[str(a)].added_docs and not first[str(a)].missing_docs


def test_merging_again_changes_nothing(two):
    review, a, b = two
    with Project.open(review) as p:
        merge_projects(p, [str(a), str(b)])
    before = dump(review)
    with Project.open(review) as p:
        rep = merge_projects(p, [str(b), str(a)])
    assert not rep.changed
    assert sum(s.layers_unchanged for s in rep.sources) == 3
    assert dump(review) == before


def test_progress_is_called_per_file_and_raising_from_it_rolls_back(two):
    review, a, b = two
    before = dump(review)
    calls = []

    class Stop(Exception):  # what a Cancel button raises out of the progress call
        pass

    def stop_at_second(done, total):
        calls.append((done, total))
        if done == 1:
            raise Stop()
    with Project.open(review) as p:
        with pytest.raises(Stop):
            merge_projects(p, [str(a), str(b)], progress=stop_at_second)
    assert calls == [(0, 2), (1, 2)] and dump(review) == before  # the first file's work rolled back too
    calls.clear()
    with Project.open(review) as p:
        merge_projects(p, [str(a), str(b)], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 2), (1, 2)] and dump(review) != before


def test_annotator_files_are_not_written(two):
    review, a, b = two
    digest = hashlib.sha256(a.read_bytes()).hexdigest()
    with Project.open(review) as p:
        merge_projects(p, [str(a)])
    assert hashlib.sha256(a.read_bytes()).hexdigest() == digest


def test_remerge_of_an_updated_copy_replaces_only_that_layer(two):
    review, a, b = two
    with Project.open(review) as p:
        merge_projects(p, [str(a), str(b)])
    before = dump(review)
    with Project.open(b) as p:  # omar fixes his date value and removes his work on d2
        d1 = p.document("d1")
        date = next(s for s in p.spans(d1.num) if s.label == "DATE")
        p.set_span_attr(date.id, "value", "2022-05")
        for s in p.spans(p.document("d2").num):
            p.delete_span(s.id)
    with Project.open(review) as p:
        rep = merge_projects(p, [str(a), str(b)])
        d1 = p.document("d1")
        assert {s.attrs.get("value") for s in p.spans(d1.num) if s.label == "DATE"} == {"2022-05"}
        assert p.spans(p.document("d2").num, "omar") == []
        assert len(p.relations(d1.num, "omar")) == 1
    by = {s.path: s for s in rep.sources}
    assert by[str(b)].layers_updated == 2 and by[str(a)].layers_unchanged == 1
    after = dump(review)
    layla = [r for r in before["spans"] if r[5] == "ليلى"]
    assert layla == [r for r in after["spans"] if r[5] == "ليلى"]  # untouched, same ids and stamps


def _other_scheme(change):
    raw = json.loads(default_scheme().to_json())
    change(raw)
    return Scheme.from_dict(raw)


def test_scheme_conflict_is_refused_and_names_label_and_attribute(two, tmp_path):
    review, a, b = two

    def change(raw):
        date = next(l for l in raw["labels"] if l["name"] == "DATE")
        next(x for x in date["attributes"] if x["name"] == "value")["pattern"] = "^\\d{4}$"

    odd = tmp_path / "odd.annot"
    with Project.create(odd, _other_scheme(change)) as p:
        pass
    before = dump(review)
    with Project.open(review) as p:
        with pytest.raises(MergeConflict) as err:
            merge_projects(p, [str(a), str(odd)])  # a is fine: nothing of it may land either
    msg = str(err.value)
    assert "odd.annot" in msg and "label DATE" in msg and "attribute 'value' differs" in msg
    assert dump(review) == before


def test_unknown_label_in_use_is_refused(two, tmp_path):
    review, _, _ = two

    def change(raw):
        raw["labels"].append({"name": "PLACE"})

    from annotator.core.importer import import_records
    from annotator.core.native import parse_record

    odd = tmp_path / "odd.annot"
    doc = record("d1", T1, {"x": [(0, 3, "PLACE")]}, done=["x"])
    with Project.create(odd, _other_scheme(change)) as p:
        import_records(p, [("x", parse_record(doc, "x", p.scheme, "x"), 0)])
    with Project.open(review) as p, pytest.raises(MergeConflict, match="label PLACE is not in the review"):
        merge_projects(p, [str(odd)])


def test_missing_documents_are_added_or_reported(base, tmp_path):
    a = copy(base, tmp_path, "a")
    with Project.open(a) as p:  # the annotator was sent one more document
        from annotator.core.importer import import_paths

        f = tmp_path / "d3.txt"
        f.write_text(T3, encoding="utf-8")
        import_paths(p, [f])
    annotate(a, "a", "d3", [("الشركة", "SOURCE", {})])
    review = build(tmp_path / "review.annot", [record("d1", T1, {}), record("d4", T3 + " ", {})])
    rep = merge_projects(review, [str(a)])
    s = rep.sources[0]
    assert sorted(s.added_docs) == ["d2", "d3"]
    assert s.missing_docs == ["d4"]
    d3 = review.document("d3")
    assert d3.text == T3 and d3.meta.get("source") == "d3.txt"
    assert [x.label for x in review.spans(d3.num, "a")] == ["SOURCE"]
    lines = "\n".join(rep.lines())
    assert "were not in the review project and were added: d2, d3" in lines
    assert "missing from this file: d4" in lines
    review.close()


def test_two_people_under_one_name_are_detected(base, tmp_path):
    # Two people both typed "sara" in their own copies.
    one = copy(base, tmp_path, "one")
    two = copy(base, tmp_path, "two")
    annotate(one, "sara", "d1", [CUE])
    annotate(two, "sara", "d1", [SRC])
    review = copy(base, tmp_path, "review")
    before = dump(review)
    with Project.open(review) as p:
        with pytest.raises(MergeConflict) as err:
            merge_projects(p, [str(one), str(two)])
    msg = str(err.value)
    assert "'sara'" in msg and "one.annot" in msg and "two.annot" in msg and "--rename" in msg
    assert dump(review) == before
    # across two merge runs as well
    with Project.open(review) as p:
        merge_projects(p, [str(one)])
        with pytest.raises(MergeConflict, match="two people"):
            merge_projects(p, [str(two)])
        rep = merge_projects(p, [str(two)], renames={"sara": "sara-2"})
        d1 = p.document("d1")
        assert {s.annotator: s.label for s in p.spans(d1.num)} == {"sara": "CUE", "sara-2": "SOURCE"}
    assert rep.sources[0].layers == ["sara as sara-2"]


def test_same_person_from_a_moved_copy_is_not_a_clash(two, tmp_path):
    review, a, _ = two
    with Project.open(review) as p:
        merge_projects(p, [str(a)])
    moved = tmp_path / "sent-again.annot"
    shutil.copy(a, moved)
    annotate(moved, "ليلى", "d2", [("الوزارة", "SOURCE", {})])
    with Project.open(review) as p:
        rep = merge_projects(p, [str(moved)])
        assert rep.sources[0].layers_new == 1 and rep.sources[0].layers_unchanged == 1


def test_gold_and_suggester_layers_are_not_merged(two):
    review, a, _ = two
    with Project.open(a) as p:
        d = p.document("d1")
        p.add_span(d.num, 0, 3, "CUE", "gold")
        p.add_span(d.num, 4, 8, "SOURCE", "dates-rules", status="suggested", rule="r1")
    with Project.open(review) as p:
        rep = merge_projects(p, [str(a)])
        assert set(rep.sources[0].skipped_layers) == {"gold", "dates-rules"}
        assert {s.annotator for s in p.spans(p.document("d1").num)} == {"ليلى"}


def test_cli_merge_reports_and_refuses_in_one_line(two, tmp_path):
    review, a, b = two
    cmd = [sys.executable, "-m", "annotator", "merge", str(review), str(a), str(b)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "2 documents: 2 matched, 0 added, 0 skipped" in out.stdout
    again = subprocess.run(cmd, capture_output=True, text=True)
    assert "nothing changed" in again.stdout
    bad = subprocess.run([sys.executable, "-m", "annotator", "merge", str(review), str(tmp_path / "nope.annot")],
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_links_across_two_annotators_layers_are_reported_not_merged(tmp_path):
    """Files written before links were kept inside one layer must not crash a merge."""
    import sqlite3

    from annotator.core.importer import import_paths
    from annotator.core.merge import merge_projects
    from annotator.core.project import Project

    text = "قال الوزير إن الاجتماع انتهى"
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "d", "text": text, "spans": [
        {"id": 1, "start": 14, "end": 28, "label": "QUOTE", "annotator": "hala"},
        {"id": 2, "start": 4, "end": 10, "label": "SOURCE", "annotator": "sample"}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    with Project.create(tmp_path / "hala.annot") as p:
        import_paths(p, [src])
        p.set_doc_status(1, "hala", "done")
    with pytest.raises(Exception, match="one annotator's work"):
        with Project.open(tmp_path / "hala.annot") as p:
            p.add_relation("source", 1, 2, "hala")
    c = sqlite3.connect(tmp_path / "hala.annot")  # as an older version could have written it
    c.execute("INSERT INTO relations(doc, label, from_span, to_span, annotator, created, modified) "
              "VALUES (1, 'source', 1, 2, 'hala', 'x', 'x')")
    c.commit()
    c.close()
    with Project.create(tmp_path / "review.annot") as review:
        report = merge_projects(review, [tmp_path / "hala.annot"])
        assert any("1 links join spans of two different annotators" in line for line in report.lines())
        assert [s.label for s in review.spans(1, "hala")] == ["QUOTE"]
        assert review.relations(1) == []


def test_summary_counts_matched_added_and_skipped_documents(base, tmp_path):
    a = copy(base, tmp_path, "a")
    with Project.open(a) as p:  # one more document than the review project has
        from annotator.core.importer import import_paths

        f = tmp_path / "d3.txt"
        f.write_text(T3, encoding="utf-8")
        import_paths(p, [f])
    annotate(a, "a", "d1", [CUE])  # d2: no work of a's, so nothing of it to merge
    review = copy(base, tmp_path, "review")
    with Project.open(review) as p:
        rep = merge_projects(p, [str(a)])
    s = rep.sources[0]
    assert (s.documents, s.skipped_docs, s.added_docs) == (3, ["d2"], ["d3"])
    assert rep.counts() == (1, 1, 1)
    assert rep.lines()[0].startswith(f"{a}: 3 documents: 1 matched, 1 added, 1 skipped; layers a:")
    assert "hold no work of a and were skipped: d2" in "\n".join(rep.lines())
    assert rep.summary().startswith("documents: 1 matched, 1 added, 1 skipped, over 1 file(s)")
    out = subprocess.run([sys.executable, "-m", "annotator", "merge", str(copy(base, tmp_path, "r2")), str(a)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1].startswith("documents: 1 matched, 1 added, 1 skipped")
