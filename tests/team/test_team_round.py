"""A whole team round on one machine, through the API: the lead assigns the documents to three
annotators with 20 % overlap; the three pull their documents and annotate them at the same
time, each in a process of their own, and push their work back; the lead measures agreement
on the shared documents, decides what the annotators disagree on, and exports the gold layer.

The team project is a file here. The same round runs against PostgreSQL through the
`team_project` fixture's "postgresql" case, which asks for a `pg_url` fixture (an empty
database's address; tests/team/conftest.py on the pg branch provides it) and is skipped
where there is none.
"""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import combinations

import pytest

from annotator.core import agreement, progress
from annotator.core.assign import assignments, plan_assignment, record_plan
from annotator.core.exporter import export_project
from annotator.core.importer import import_records
from annotator.core.native import ExportFilter, parse_record
from annotator.core.project import Project
from annotator.core.review import accept_version, auto_accept, clusters, reject_cluster
from annotator.core.suggest import suggest_project

TEAM = ["mona", "ali", "sara"]
N_DOCS = 30
TEXT = "قال المتحدث باسم البلدية رقم {} إن الطريق سيفتح غدا أمام السيارات."


def _fill(address: str) -> None:
    with Project.create(address) as p:
        records = [{"id": f"doc-{i:02d}", "text": TEXT.format(i)} for i in range(N_DOCS)]
        import_records(p, [(f"doc {i}", parse_record(r, "x", p.scheme, "import"), 0) for i, r in enumerate(records)])
        suggest_project(p)


@pytest.fixture(params=["sqlite", "postgresql"])
def team_project(request, tmp_path) -> str:
    """The address of an empty team project, filled with the round's documents."""
    if request.param == "sqlite":
        address = str(tmp_path / "team.annot")
    else:  # the PostgreSQL hook: the pg branch's tests/team/conftest.py defines pg_url
        try:
            address = request.getfixturevalue("pg_url")
        except pytest.FixtureLookupError:
            pytest.skip("no PostgreSQL server here (the pg_url fixture is not defined)")
    _fill(address)
    return address


# One annotator's session, in a process of its own: pull, annotate, push. Everyone labels the
# speaker; sara also marks the cue "قال" (a disagreement the reviewer decides). A file
# project lets one writer in at a time, so a push waits its turn; on a server they overlap.
WORKER = r"""
import sys, time
from annotator.core.errors import ProjectInUse
from annotator.core.project import Project
from annotator.core.sync import pull, push

address, name, folder = sys.argv[1], sys.argv[2], sys.argv[3]
mine = pull(address, f"{folder}/{name}.annot", name).path
with Project.open(mine) as p:
    for d in p.documents():
        s = d.text.index("المتحدث")
        p.add_span(d.num, s, s + len("المتحدث"), "SOURCE", name)
        if name == "sara":
            p.add_span(d.num, 0, 3, "CUE", name)
        p.set_doc_status(d.num, name, "done")
for attempt in range(600):
    try:
        report = push(mine)
        break
    except ProjectInUse:
        time.sleep(0.05)
else:
    raise SystemExit("could not push: the project stayed in use")
print("\n".join(report.lines()))
"""


def test_a_team_round(team_project, tmp_path):
    address = team_project
    with Project.open(address) as p:
        docs = p.document_nums()
        plan = plan_assignment(docs, TEAM, overlap=0.2, per_doc=2, seed=11)
        record_plan(p, plan, overlap=0.2, per_doc=2)
        assert len(plan.overlap) == 6  # 20 % of 30
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, address, name, str(tmp_path)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in TEAM]
    for name, proc in zip(TEAM, procs):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, f"{name}: {err}"
        assert f"documents: {len(plan.documents_of(name))} with work brought in" in out

    with Project.open(address) as p:
        # every assigned document came back done, and nobody got anyone else's
        prog = {a.annotator: a for a in progress.compute(p).annotators}
        for name in TEAM:
            assert prog[name].states["done"] == prog[name].assigned == len(plan.documents_of(name))
            worked = {d for d in docs if p.spans(d, annotator=name)}
            assert worked == set(plan.documents_of(name))
        assert assignments(p) == plan.docs

        # agreement on the overlap: the speaker always agrees, sara's cue never does
        for a, b in combinations(TEAM, 2):
            shared = [d for d in plan.overlap if set(plan.docs[d]) == {a, b}]
            if not shared:
                continue
            res = agreement.compute(p, [a, b])
            assert res.documents == len(shared)
            assert res.get("SOURCE", "f1_exact") == 1.0
            assert res.get("CUE", "f1_exact") == (0.0 if "sara" in (a, b) else None)

        # review: unanimous clusters become gold; sara's lone cue is accepted on one shared
        # document and rejected on the others
        with_sara = sorted(d for d in plan.overlap if "sara" in plan.docs[d])
        assert with_sara
        for d in sorted(plan.overlap):
            assert auto_accept(p, d, "lead") is not None
            for c in clusters(p, d):
                if not c.decided and not c.gold:
                    if d == with_sara[0]:
                        accept_version(p, c, "sara", "lead")
                    else:
                        reject_cluster(p, c, "lead")
        out = tmp_path / "gold.jsonl"
        export_project(p, out, "native", ExportFilter(layers={"gold"}))
    gold = {r["id"]: sorted((s["label"], s["text"]) for s in r["spans"])
            for r in map(json.loads, out.read_text(encoding="utf-8").splitlines()) if r["spans"]}
    expected = {f"doc-{d - 1:02d}": sorted([("SOURCE", "المتحدث")] + ([("CUE", "قال")] if d == with_sara[0] else []))
                for d in plan.overlap}
    assert gold == expected
