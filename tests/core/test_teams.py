"""Offline team work: assign packages, annotate them, collect, progress, agreement, review,
gold export. Real project files throughout."""

import json
import subprocess
import sys
from collections import Counter

import pytest

from annotator.core import agreement, progress
from annotator.core.assign import (AssignError, assignments, collect_packages, package_info, package_name,
                                   plan_assignment, select_documents, write_packages)
from annotator.core.exporter import export_project
from annotator.core.importer import import_records
from annotator.core.native import parse_record
from annotator.core.native import ExportFilter
from annotator.core.project import Project
from annotator.core.review import auto_accept
from annotator.core.suggest import suggest_project

TEXTS = [f"قال المتحدث باسم البلدية رقم {i} إن الطريق سيفتح غدا أمام السيارات." for i in range(40)]


def make_project(path, n=40):
    p = Project.create(path)
    records = [{"id": f"doc-{i:02d}", "text": TEXTS[i], "meta": {"dct": "2023-05-18"}} for i in range(n)]
    import_records(p, [(f"doc {i}", parse_record(r, "x", p.scheme, "import"), 0) for i, r in enumerate(records)])
    return p


@pytest.fixture
def team(tmp_path):
    p = make_project(tmp_path / "team.annot")
    yield p
    p.close()


# ----- the plan ---------------------------------------------------------------------------------
def test_plan_is_reproducible_balanced_and_spread():
    docs = list(range(1, 1001))
    a = plan_assignment(docs, ["a", "b", "c", "d"], overlap=0.2, per_doc=2, seed=7)
    assert a.docs == plan_assignment(docs, ["a", "b", "c", "d"], overlap=0.2, per_doc=2, seed=7).docs
    assert a.docs != plan_assignment(docs, ["a", "b", "c", "d"], overlap=0.2, per_doc=2, seed=8).docs
    assert set(a.docs) == set(docs)
    assert len(a.overlap) == 200 and all(len(a.docs[d]) == 2 for d in a.overlap)
    assert all(len(who) == 1 for d, who in a.docs.items() if d not in a.overlap)
    loads = Counter(x for who in a.docs.values() for x in who)
    assert max(loads.values()) - min(loads.values()) <= 1
    pairs = Counter(who for who in a.docs.values() if len(who) == 2)
    assert len(pairs) == 6 and max(pairs.values()) - min(pairs.values()) <= 2
    # spread: every tenth of the project holds its share of the overlap
    for k in range(10):
        assert sum(1 for d in a.overlap if k * 100 < d <= (k + 1) * 100) == 20


def test_plan_refuses_what_cannot_be_done():
    with pytest.raises(AssignError, match="overlap"):
        plan_assignment([1, 2], ["a", "b"], overlap=1.5)
    with pytest.raises(AssignError, match="per-doc"):
        plan_assignment([1, 2], ["a", "b"], overlap=0.5, per_doc=3)
    with pytest.raises(AssignError, match="twice"):
        plan_assignment([1, 2], ["a", "A"])
    with pytest.raises(AssignError, match="control"):
        plan_assignment([1, 2], ["a\x1b[2J"])
    with pytest.raises(AssignError, match="no documents"):
        plan_assignment([], ["a"])


def test_package_names_are_safe_and_unique():
    taken = set()
    assert package_name("mona", taken) == "mona.annot"
    assert package_name("Mona", taken) == "Mona-2.annot"
    assert package_name("a/b:c", taken) == "a_b_c.annot"
    long = package_name("ﻻ" * 90, taken)
    assert len(long.encode()) <= 110


# ----- packages -----------------------------------------------------------------------------------
def test_packages_hold_their_documents_scheme_and_suggestions(team, tmp_path):
    suggest_project(team)
    docs, skipped = select_documents(team)
    plan = plan_assignment(docs, ["mona", "ali", "sara"], overlap=0.2, seed=1)
    packages = write_packages(team, plan, tmp_path / "out")
    assert {p.path.name for p in packages} == {"mona.annot", "ali.annot", "sara.annot"}
    assert assignments(team) == plan.docs
    for pkg in packages:
        info = package_info(pkg.path)
        assert info["annotator"] == pkg.annotator and info["documents"] == len(plan.documents_of(pkg.annotator))
        with Project.open(pkg.path) as p:
            assert p.scheme.to_json() == team.scheme.to_json()
            ids = {d.id for d in p.documents()}
            assert ids == {team.document(n).id for n in plan.documents_of(pkg.annotator)}
            first = next(p.documents())
            assert p.spans(first.num, statuses=["suggested"]), "suggestions travel with the documents"
    # nothing left behind but the packages
    assert sorted(f.name for f in (tmp_path / "out").iterdir() if not f.name.endswith((".backups", ".lock"))) == [
        "ali.annot", "mona.annot", "sara.annot"]


def test_an_existing_package_is_never_overwritten(team, tmp_path):
    docs, _ = select_documents(team)
    write_packages(team, plan_assignment(docs, ["mona"]), tmp_path / "out")
    before = (tmp_path / "out" / "mona.annot").read_bytes()
    with pytest.raises(AssignError, match="already there"):
        write_packages(team, plan_assignment(docs, ["mona"]), tmp_path / "out", reassign=True)
    assert (tmp_path / "out" / "mona.annot").read_bytes() == before
    # and the documents are assigned once: a second assign finds none left
    assert select_documents(team) == ([], 40)


# ----- the whole round ----------------------------------------------------------------------------
def annotate(path, name, docs_done, spans_per_doc=1, shift=0):
    """What one annotator does in their package: label the quote's source, mark done."""
    with Project.open(path) as p:
        for d in list(p.documents())[:docs_done]:
            start = d.text.index("المتحدث") + shift
            p.add_span(d.num, start, start + len("المتحدث"), "SOURCE", name)
            p.set_doc_status(d.num, name, "done")


def test_a_whole_team_round(team, tmp_path):
    suggest_project(team)
    docs, _ = select_documents(team)
    plan = plan_assignment(docs, ["mona", "ali", "sara"], overlap=0.2, seed=3)
    pk = {p.annotator: p.path for p in write_packages(team, plan, tmp_path / "out")}
    annotate(pk["mona"], "mona", 100)
    annotate(pk["ali"], "ali", 100)
    annotate(pk["sara"], "sara", 5)  # sara is behind: most of hers stay to do
    report = collect_packages(team, [str(pk["mona"]), str(pk["ali"]), str(pk["sara"])])
    by = {r.annotator: r for r in report.annotators}
    assert by["mona"].returned == by["mona"].assigned == len(plan.documents_of("mona"))
    assert by["mona"].states["done"] == by["mona"].assigned
    assert by["sara"].states["done"] == 5 and by["sara"].states["todo"] == by["sara"].assigned - 5
    assert not report.unassigned_edits
    # collecting again changes nothing
    again = collect_packages(team, [str(pk["mona"]), str(pk["ali"]), str(pk["sara"])])
    assert not again.merge.changed
    # agreement on the overlap: the documents mona and ali both did
    both = [d for d in plan.overlap if set(plan.docs[d]) == {"mona", "ali"}]
    res = agreement.compute(team, ["mona", "ali"])
    assert res.documents == len(both) > 0
    assert res.get("SOURCE", "f1_exact") == 1.0
    prog = progress.compute(team)
    assert prog.overlap == len(plan.overlap)
    assert prog.overlap_done == len(both) + sum(1 for d in plan.overlap if "sara" in plan.docs[d]
                                                and _sara_done(team, d))
    assert prog.agreement == 1.0 and prog.curve[-1] == (prog.overlap_done, 1.0)
    # review: unanimous clusters become gold, and the gold layer exports
    for d in both:
        auto_accept(team, d, "rev")
    out = tmp_path / "gold.jsonl"
    export_project(team, out, "native", ExportFilter(layers={"gold"}))
    gold = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    golden = [r for r in gold if r["spans"]]
    assert len(golden) == len(both) and all(s["label"] == "SOURCE" for r in golden for s in r["spans"])


def _sara_done(project, doc):
    return project.doc_status(doc, "sara") == "done" and any(
        project.doc_status(doc, o) == "done" for o in ("mona", "ali"))


def test_collect_names_missing_work_and_edits_by_someone_else(team, tmp_path):
    docs, _ = select_documents(team)
    plan = plan_assignment(docs, ["mona", "ali"], seed=2)
    pk = {p.annotator: p.path for p in write_packages(team, plan, tmp_path / "out")}
    annotate(pk["mona"], "mona", 3)
    annotate(pk["mona"], "huda", 2)  # someone else opened mona's package under her own name
    with Project.open(pk["mona"]) as p:  # and a document went missing from it
        victim = list(p.documents())[-1]
        p.conn.execute("DELETE FROM documents WHERE num = ?", (victim.num,))
        p.conn.commit()
    report = collect_packages(team, [str(pk["mona"])])
    by = {r.annotator: r for r in report.annotators}
    assert by["mona"].missing == [victim.id]
    assert by["mona"].foreign == {"huda": 2}
    assert report.unassigned_edits == {"huda": 2}
    assert not by["ali"].packages
    text = "\n".join(report.lines())
    assert "ali: no package came back" in text and "huda edited 2 documents" in text


def test_collect_refuses_a_package_of_another_project(team, tmp_path):
    other = make_project(tmp_path / "other.annot", 5)
    docs, _ = select_documents(other)
    pkg = write_packages(other, plan_assignment(docs, ["mona"]), tmp_path / "o")[0]
    other.close()
    docs, _ = select_documents(team)
    write_packages(team, plan_assignment(docs, ["mona"]), tmp_path / "t")
    with pytest.raises(AssignError, match="another project"):
        collect_packages(team, [str(pkg.path)])
    with pytest.raises(AssignError, match="not a package"):
        collect_packages(team, [str(tmp_path / "other.annot")])


def test_time_spent_counts_sittings_not_breaks():
    stamps = ["2023-05-18T09:00:00+00:00", "2023-05-18T09:05:00+00:00", "2023-05-18T09:09:00+00:00",
              "2023-05-18T13:00:00+00:00", "2023-05-18T13:02:30+00:00"]
    assert progress.time_spent(stamps) == 9 * 60 + 150


def test_cli_round(tmp_path):
    p = make_project(tmp_path / "cli.annot", 10)
    p.close()

    def run(*args):
        return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True)

    r = run("assign", str(tmp_path / "cli.annot"), "--annotators", "mona,ali", "--overlap", "0.2", "-o",
            str(tmp_path / "pk"))
    assert r.returncode == 0, r.stderr
    assert "assigned 10 documents to 2 annotators; 2 of them to 2 annotators each" in r.stdout
    annotate(tmp_path / "pk" / "mona.annot", "mona", 2)
    r = run("collect", str(tmp_path / "cli.annot"), str(tmp_path / "pk" / "mona.annot"))
    assert r.returncode == 0, r.stderr
    assert "mona: 6 of 6 assigned documents came back (2 done, 0 in progress, 4 to do)" in r.stdout
    assert "ali: no package came back" in r.stdout
    r = run("progress", str(tmp_path / "cli.annot"), "--json")
    data = json.loads(r.stdout)
    assert {a["annotator"]: a["done"] for a in data["annotators"]} == {"ali": 0, "mona": 2}
    r = run("assign", str(tmp_path / "cli.annot"), "--annotators", "x", "-o", str(tmp_path / "pk2"))
    assert r.returncode == 1 and "assigned already" in r.stderr and "Traceback" not in r.stderr


def test_time_spent_is_read_from_the_annotators_own_edit_times(team, tmp_path):
    """Collecting keeps when each span was made: time spent is the sitting's, not the merge's."""
    docs, _ = select_documents(team)
    plan = plan_assignment(docs, ["mona"])
    path = write_packages(team, plan, tmp_path / "out")[0].path
    with Project.open(path) as p:
        for k, d in enumerate(list(p.documents())[:3]):
            start = d.text.index("المتحدث")
            s = p.add_span(d.num, start, start + 7, "SOURCE", "mona").result
            stamp = f"2023-05-18T09:0{3 * k}:00.000+00:00"  # three edits, three minutes apart
            p.conn.execute("UPDATE spans SET created = ?, modified = ? WHERE id = ?", (stamp, stamp, s.id))
            p.conn.commit()
    collect_packages(team, [str(path)])
    mona = {a.annotator: a for a in progress.compute(team).annotators}["mona"]
    assert mona.seconds == 6 * 60


def test_a_failed_assign_leaves_no_package_and_no_record(team, tmp_path, monkeypatch):
    docs, _ = select_documents(team)
    plan = plan_assignment(docs, ["mona", "ali"], overlap=0.2)
    before = team.annotators()

    def failing_transaction():
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(team, "transaction", failing_transaction)
    with pytest.raises(OSError):
        write_packages(team, plan, tmp_path / "out")
    monkeypatch.undo()
    assert list((tmp_path / "out").iterdir()) == []
    assert assignments(team) == {} and team.annotators() == before


def test_package_and_project_share_the_annotators_identity(team, tmp_path):
    docs, _ = select_documents(team)
    pkg = write_packages(team, plan_assignment(docs, ["mona"]), tmp_path / "out")[0]
    mine = team.conn.execute("SELECT created FROM annotators WHERE name = 'mona'").fetchone()
    with Project.open(pkg.path, readonly=True) as p:
        assert p.conn.execute("SELECT created FROM annotators WHERE name = 'mona'").fetchone() == mine
