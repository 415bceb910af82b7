"""The team round on a PostgreSQL project: packages out and back (assign, collect), agreement,
progress, review and the gold export give what the same round gives on a project file; and
annotators working in the shared database directly, each in their own layer."""

from __future__ import annotations

import json
import subprocess
import sys

from annotator.core import agreement, progress
from annotator.core.assign import collect_packages, plan_assignment, select_documents, write_packages
from annotator.core.exporter import export_project
from annotator.core.importer import import_records
from annotator.core.native import ExportFilter, parse_record
from annotator.core.project import Project
from annotator.core.review import auto_accept
from annotator.core.suggest import suggest_project

TEXTS = [f"قال المتحدث باسم البلدية رقم {i} إن الطريق سيفتح غدا أمام السيارات." for i in range(30)]


def make_project(where, n=30):
    p = Project.create(where)
    records = [{"id": f"doc-{i:02d}", "text": TEXTS[i], "meta": {"dct": "2023-05-18"}} for i in range(n)]
    import_records(p, [(f"doc {i}", parse_record(r, "x", p.scheme, "import"), 0) for i, r in enumerate(records)])
    return p


def annotate(where, name, docs_done, only=None):
    """One annotator: label the quote's source, mark the document done."""
    with Project.open(where) as p:
        nums = only if only is not None else p.document_nums()
        for num in nums[:docs_done]:
            d = p.document(num)
            start = d.text.index("المتحدث")
            p.add_span(d.num, start, start + len("المتحدث"), "SOURCE", name)
            p.set_doc_status(d.num, name, "done")


def package_round(team, out):
    suggest_project(team)
    docs, _ = select_documents(team)
    plan = plan_assignment(docs, ["mona", "ali", "sara"], overlap=0.2, seed=3)
    pk = {p.annotator: p.path for p in write_packages(team, plan, out)}
    annotate(pk["mona"], "mona", 100)
    annotate(pk["ali"], "ali", 100)
    annotate(pk["sara"], "sara", 5)
    report = collect_packages(team, [str(pk["mona"]), str(pk["ali"]), str(pk["sara"])])
    again = collect_packages(team, [str(pk["mona"]), str(pk["ali"]), str(pk["sara"])])
    both = [d for d in plan.overlap if set(plan.docs[d]) == {"mona", "ali"}]
    res = agreement.compute(team, ["mona", "ali"])
    prog = progress.compute(team)
    for d in both:
        auto_accept(team, d, "rev")
    gold = out / "gold.jsonl"  # the review's own times differ from run to run: not compared
    export_project(team, str(gold), "native", ExportFilter(layers={"gold"}))
    full = out / "all.jsonl"
    export_project(team, str(full))
    by = {r.annotator: (r.returned, r.assigned, dict(r.states)) for r in report.annotators}
    return {"by": by, "changed_again": again.merge.changed, "agreement": (res.documents, res.get("SOURCE", "f1_exact")),
            "progress": (prog.overlap, prog.overlap_done, prog.agreement), "both": len(both),
            "gold": _timeless(gold.read_bytes()), "all": _timeless(full.read_bytes())}


def _timeless(data: bytes) -> bytes:
    import re

    return re.sub(rb'"time":"[^"]*"', b'"time":""', data)


def test_the_package_round_on_a_server_project_matches_the_file_one(tmp_path, pg_url):
    lite = make_project(tmp_path / "team.annot")
    server = make_project(pg_url)
    try:
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        a = package_round(lite, tmp_path / "a")
        b = package_round(server, tmp_path / "b")
    finally:
        lite.close()
        server.close()
    assert b["by"]["sara"][2]["done"] == 5 and b["by"]["mona"][0] == b["by"]["mona"][1]
    assert not b["changed_again"]
    assert b["agreement"][0] == b["both"] > 0 and b["agreement"][1] == 1.0
    golden = [json.loads(line) for line in b["gold"].splitlines() if json.loads(line)["spans"]]
    assert len(golden) == b["both"]
    for key in ("by", "agreement", "progress", "gold", "all"):
        assert b[key] == a[key], key


def test_annotators_in_the_shared_database_each_see_their_layer_the_reviewer_all(pg_url):
    team = make_project(pg_url, 10)
    nums = team.document_nums()
    team.close()
    annotate(pg_url, "mona", 6, only=nums[:6])  # mona and ali share documents 3..5
    annotate(pg_url, "ali", 7, only=nums[3:])
    with Project.open(pg_url) as mona:
        assert {s.annotator for n in nums for s in mona.spans(n, annotator="mona")} == {"mona"}
        assert mona.doc_status(nums[4], "mona") == "done" and mona.doc_status(nums[8], "mona") == "todo"
    with Project.open(pg_url) as rev:
        res = agreement.compute(rev, ["mona", "ali"])
        assert res.documents == 3 and res.get("SOURCE", "f1_exact") == 1.0
        for n in nums[3:6]:
            auto_accept(rev, n, "rev")
        assert sum(len(rev.spans(n, annotator="gold")) for n in nums) == 3
        assert {s.annotator for s in rev.spans(nums[4])} == {"mona", "ali", "gold"}


def test_cli_team_round_on_a_url(tmp_path, pg_url):
    make_project(pg_url, 10).close()

    def run(*args):
        return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], capture_output=True, text=True,
                              timeout=120)

    r = run("assign", pg_url, "--annotators", "mona,ali", "--overlap", "0.2", "-o", tmp_path / "pk")
    assert r.returncode == 0, r.stderr
    assert "assigned 10 documents to 2 annotators; 2 of them to 2 annotators each" in r.stdout
    annotate(tmp_path / "pk" / "mona.annot", "mona", 2)
    r = run("collect", pg_url, tmp_path / "pk" / "mona.annot")
    assert r.returncode == 0, r.stderr
    assert "mona: 6 of 6 assigned documents came back (2 done, 0 in progress, 4 to do)" in r.stdout
    r = run("progress", pg_url, "--json")
    assert {a["annotator"]: a["done"] for a in json.loads(r.stdout)["annotators"]} == {"ali": 0, "mona": 2}
