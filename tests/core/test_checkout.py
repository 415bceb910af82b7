"""Checkout: each annotator gets their own unfinished documents first, then documents nobody
planned, a shared one to at most `per_doc` people and any other to one; never a document
planned for someone else; and two processes asking at once never share a document that has
one seat. Real project files throughout."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from annotator.core.assign import AssignError, assignments, plan_assignment, record_plan
from annotator.core.checkout import checkout, give_back, next_document, take_new
from annotator.core.importer import import_records
from annotator.core.native import parse_record
from annotator.core.project import Project

TEXT = "قال المتحدث باسم البلدية رقم {} إن الطريق سيفتح غدا."


def make(path, n):
    p = Project.create(path)
    records = [{"id": f"doc-{i:03d}", "text": TEXT.format(i)} for i in range(n)]
    import_records(p, [(f"doc {i}", parse_record(r, "x", p.scheme, "import"), 0) for i, r in enumerate(records)])
    return p


def test_own_documents_first_in_progress_before_to_do(tmp_path):
    with make(tmp_path / "t.annot", 6) as p:
        plan = plan_assignment([1, 2, 3, 4], ["mona", "ali"], seed=1)
        record_plan(p, plan)
        mine = plan.documents_of("mona")
        p.set_doc_status(mine[1], "mona", "in_progress")
        assert next_document(p, "mona") == mine[1]
        p.set_doc_status(mine[1], "mona", "done")
        assert next_document(p, "mona") == mine[0]
        p.set_doc_status(mine[0], "mona", "done")
        # her planned ones are done: she takes a free one, never one planned for ali
        got = next_document(p, "mona")
        assert got in (5, 6) and got not in plan.documents_of("ali")
        assert next_document(p, "mona") == got  # it is hers now, until she marks it done
        assert assignments(p)[got] == ("mona",)


def test_free_documents_go_to_one_person_and_shared_ones_to_per_doc(tmp_path):
    with make(tmp_path / "t.annot", 50) as p:
        # the lead recorded the sharing rule (20 %, two people each) with an empty plan
        record_plan(p, plan_assignment([1], ["lead"]), overlap=0.2, per_doc=2)
        give = Counter()
        for name in ("mona", "ali", "sara") * 40:
            doc = take_new(p, name)
            if doc is not None:
                give[doc] += 1
        holders = assignments(p)
        shared = [d for d in range(2, 51) if len(holders.get(d, ())) == 2]
        assert len(shared) == 10  # one document in five (numbers 5, 10, ... 50)
        assert all(len(holders[d]) == 1 for d in range(2, 51) if d not in shared)
        assert all(len(set(holders[d])) == len(holders[d]) for d in holders)
        assert holders[1] == ("lead",)  # planned: never handed to anyone else
        assert take_new(p, "mona") is None and take_new(p, "huda") is None


def test_checkout_refuses_someone_elses_document(tmp_path):
    with make(tmp_path / "t.annot", 5) as p:
        record_plan(p, plan_assignment([1, 2], ["mona"]))
        with pytest.raises(AssignError, match="assigned to mona"):
            checkout(p, "ali", 1)
        assert checkout(p, "ali", 3) is True and checkout(p, "ali", 3) is False
        with pytest.raises(AssignError, match="taken by ali"):
            checkout(p, "sara", 3)
        with pytest.raises(AssignError, match="no document 99"):
            checkout(p, "sara", 99)
        assert give_back(p, "ali", 3) and checkout(p, "sara", 3)
        assert not give_back(p, "mona", 1)  # a planned document stays planned


WORKER = r"""
import json, sys, time
from pathlib import Path
from annotator.core.checkout import take_new
from annotator.core.project import Project

path, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
# Two writers on one file: the project's lock would let only one in, so it is left out here
# and the seats' unique key is all that keeps them apart, as on a shared server.
project = Project(path, Project._connect(path, False), False, None)
(go.parent / f"ready-{name}").touch()
while not go.exists():
    time.sleep(0.001)
got = []
while True:
    doc = take_new(project, name)
    if doc is None:
        break
    got.append(doc)
    time.sleep(0.002)  # a moment's work: SQLite's busy wait would otherwise let one writer run alone
print(json.dumps(got))
"""


@pytest.mark.parametrize("overlap", [0.0, 0.2])
def test_two_processes_asking_at_once_never_share_a_single_seat_document(tmp_path, overlap):
    n = 120
    with make(tmp_path / "t.annot", n) as p:
        record_plan(p, plan_assignment([1], ["lead"]), overlap=overlap, per_doc=2)
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(tmp_path / "t.annot"), name, str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("mona", "ali")]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{n}").exists() for n in ("mona", "ali")) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()  # both are waiting: off they go together
    got = {}
    for name, proc in zip(("mona", "ali"), procs):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        got[name] = json.loads(out)
    mona, ali = set(got["mona"]), set(got["ali"])
    assert len(mona) == len(got["mona"]) and len(ali) == len(got["ali"])
    milli = round(overlap * 1000)
    shared = {d for d in range(2, n + 1) if milli and (d * milli) % 1000 < milli}
    assert mona & ali == shared  # only the shared documents went to both
    assert mona | ali == set(range(2, n + 1))  # and every free document went to someone
    assert min(len(mona), len(ali)) > 10  # they really did ask at the same time
    with Project.open(tmp_path / "t.annot", readonly=True) as p:
        holders = assignments(p)
    assert {d for d, who in holders.items() if len(who) == 2} == shared


def test_a_race_lost_as_a_rolled_back_transaction_is_taken_as_lost_and_retried(tmp_path, monkeypatch):
    """On a server whose writers run SERIALIZABLE, the loser's insert is rolled back with a
    'busy' error rather than landing on nothing: checkout looks again instead of failing."""
    from annotator.core.errors import WriteFailed
    from annotator.core.store import assignments as store

    with make(tmp_path / "t.annot", 3) as p:
        real = store.take_seat
        lost = []

        def racing(project, doc, slot, annotator, stamp):
            if not lost:
                lost.append(doc)
                real(project, doc, slot, "ali", stamp)  # ali got there first ...
                raise WriteFailed("another session changed the same rows at the same moment", "busy")
            return real(project, doc, slot, annotator, stamp)

        monkeypatch.setattr(store, "take_seat", racing)
        got = take_new(p, "mona")
        assert got is not None and got != lost[0]
        assert assignments(p)[lost[0]] == ("ali",) and assignments(p)[got] == ("mona",)
