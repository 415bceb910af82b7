"""annotator pull / push: a person's documents out of a team project into a file of their
own and their work back, all or nothing, idempotent, nobody else's work touched. Real
project files; the same functions take a server address (tests/team runs them there)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotator.core.assign import AssignError, assignments, package_info, plan_assignment, record_plan
from annotator.core.importer import import_records
from annotator.core.native import parse_record
from annotator.core.project import Project
from annotator.core.suggest import suggest_project
from annotator.core.sync import pull, push

TEXT = "قال المتحدث باسم البلدية رقم {} إن الطريق سيفتح غدا."


def make(path, n=12):
    p = Project.create(path)
    records = [{"id": f"doc-{i:02d}", "text": TEXT.format(i)} for i in range(n)]
    import_records(p, [(f"doc {i}", parse_record(r, "x", p.scheme, "import"), 0) for i, r in enumerate(records)])
    return p


@pytest.fixture
def team(tmp_path):
    path = tmp_path / "team.annot"
    with make(path) as p:
        suggest_project(p)
        record_plan(p, plan_assignment(p.document_nums(), ["mona", "ali"], overlap=0.5, seed=4), overlap=0.5,
                    per_doc=2)
    return path


def mark(path, name, docs=None, shift=0):
    """Label the speaker in the first `docs` documents of a file and mark them done."""
    with Project.open(path) as p:
        for d in list(p.documents())[:docs]:
            s = d.text.index("المتحدث") + shift
            p.add_span(d.num, s, s + 7, "SOURCE", name)
            p.set_doc_status(d.num, name, "done")


def layer(path, name):
    with Project.open(path, readonly=True) as p:
        return sorted((p.document(s.doc).id, s.start, s.end, s.label) for d in p.document_nums()
                      for s in p.spans(d, annotator=name))


def test_pull_writes_the_annotators_documents_and_remembers_the_source(team, tmp_path):
    pkg = pull(str(team), tmp_path / "mona.annot", "mona")
    info = package_info(pkg.path)
    assert info["annotator"] == "mona" and info["source"] == str(team) and info["pulled"]
    with Project.open(team, readonly=True) as p:
        mine = {p.document(d).id for d, who in assignments(p).items() if "mona" in who}
        pid = p.conn.execute("SELECT value FROM meta WHERE key = 'project_id'").fetchone()[0]
    assert info["project_id"] == pid
    with Project.open(pkg.path, readonly=True) as p:
        assert {d.id for d in p.documents()} == mine
        assert any(p.spans(d, statuses=["suggested"]) for d in p.document_nums()), "suggestions travel"
    everything = pull(str(team), tmp_path / "all.annot", "mona", all_documents=True)
    assert everything.documents == 12


def test_push_brings_the_work_back_once_and_touches_nobody_else(team, tmp_path):
    mona = pull(str(team), tmp_path / "mona.annot", "mona").path
    ali = pull(str(team), tmp_path / "ali.annot", "ali").path
    mark(mona, "mona")
    mark(ali, "ali", 2)
    first = push(mona)
    assert first.changed and "spans: " in "\n".join(first.lines())
    push(ali)
    again = push(mona)  # pushing twice changes nothing
    assert not again.changed
    assert layer(team, "mona") == layer(mona, "mona") and layer(team, "ali") == layer(ali, "ali")
    # ali works on, mona pushes once more: ali's newer work stays
    mark(ali, "ali", 4, shift=0)
    push(ali)
    before = layer(team, "ali")
    push(mona)
    assert layer(team, "ali") == before and len(before) == 4 + 2  # two documents marked twice


def test_push_refuses_user_mistakes_and_changes_nothing(team, tmp_path):
    mona = pull(str(team), tmp_path / "mona.annot", "mona").path
    mark(mona, "mona", 1)
    with pytest.raises(AssignError, match="holds mona's work, not ali's"):
        push(mona, annotator="ali")
    with pytest.raises(AssignError, match="no such file"):
        push(tmp_path / "nothing.annot")
    with pytest.raises(AssignError, match="not a package"):
        push(team, str(team))
    with make(tmp_path / "other.annot", 3) as other:
        pass
    with pytest.raises(AssignError, match="another project"):
        push(mona, str(tmp_path / "other.annot"))
    mark(mona, "huda", 1)  # someone else worked in mona's file
    with pytest.raises(AssignError, match="also holds work of huda"):
        push(mona)
    assert layer(team, "mona") == [] and layer(team, "huda") == []


def test_pull_refuses_user_mistakes(team, tmp_path):
    with pytest.raises(AssignError, match="no document is assigned to sara"):
        pull(str(team), tmp_path / "sara.annot", "sara")
    assert not (tmp_path / "sara.annot").exists()
    (tmp_path / "mona.annot").write_text("mine")
    with pytest.raises(AssignError, match="already exists"):
        pull(str(team), tmp_path / "mona.annot", "mona")
    assert (tmp_path / "mona.annot").read_text() == "mine"
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".")] == []


def test_pull_take_checks_out_documents_for_a_newcomer(tmp_path):
    with make(tmp_path / "t.annot", 6) as p:
        record_plan(p, plan_assignment([1, 2], ["mona"]))
    pkg = pull(str(tmp_path / "t.annot"), tmp_path / "sara.annot", "sara", take=3)
    assert pkg.documents == 3
    with Project.open(pkg.path, readonly=True) as p:
        assert {d.id for d in p.documents()} == {"doc-02", "doc-03", "doc-04"}


def test_the_address_in_a_package_has_no_password():
    from annotator.core.assign import safe_address

    assert safe_address("postgresql://mona:s3cret@db.example:5432/team") == "postgresql://mona@db.example:5432/team"
    assert safe_address("postgresql://db.example/team") == "postgresql://db.example/team"
    assert safe_address("/home/mona/team.annot") == "/home/mona/team.annot"


def test_cli_pull_push_checkout(team, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True)

    r = run("pull", str(team), "-o", str(tmp_path / "mona.annot"), "--annotator", "mona")
    assert r.returncode == 0, r.stderr
    mark(tmp_path / "mona.annot", "mona", 2)
    r = run("push", str(tmp_path / "mona.annot"))
    assert r.returncode == 0, r.stderr
    assert "documents: 2 with work brought in (2 new, 0 updated)" in r.stdout
    assert "spans: 2 written" in r.stdout and "links: 0 written" in r.stdout
    r = run("push", str(tmp_path / "mona.annot"))
    assert "nothing new" in r.stdout
    r = run("push", str(tmp_path / "mona.annot"), "--annotator", "ali")
    assert r.returncode == 1 and "not ali's" in r.stderr and "Traceback" not in r.stderr
    r = run("checkout", str(team), "--annotator", "mona")
    assert r.returncode == 0 and ": to do" in r.stdout, r.stderr
    r = run("checkout", str(team), "--annotator", "sara")
    assert r.stdout.strip() == "nothing left for sara"  # every document was planned
    r = run("pull", str(team), "-o", str(tmp_path / "x.annot"), "--annotator", "sara")
    assert r.returncode == 1 and "no document is assigned to sara" in r.stderr and "Traceback" not in r.stderr


def edit_in_team(team, doc_id, name, label="SOURCE"):
    """The same person works on a document in the team project itself (say, in the window)."""
    with Project.open(team) as p:
        d = p.document(doc_id)
        p.add_span(d.num, 0, 3, label, name)


def test_a_document_changed_only_in_the_team_project_is_kept_not_overwritten(team, tmp_path):
    mona = pull(str(team), tmp_path / "mona.annot", "mona").path
    with Project.open(mona, readonly=True) as p:
        first, second = [d.id for d in p.documents()][:2]
    edit_in_team(team, first, "mona", "CUE")  # in the team project, after the pull
    with Project.open(mona) as p:  # and in her copy, on another document
        d = p.document(second)
        s = d.text.index("المتحدث")
        p.add_span(d.num, s, s + 7, "SOURCE", "mona")
    report = push(mona)
    assert f"kept as they are there: 1 ({first})" in "\n".join(report.lines())
    spans = layer(team, "mona")
    assert (first, 0, 3, "CUE") in spans  # her newer work there survived the stale copy
    assert any(doc == second and label == "SOURCE" for doc, _, _, label in spans)


def test_a_document_changed_on_both_sides_is_refused_unless_overwritten(team, tmp_path):
    from annotator.core.sync import PushConflict

    mona = pull(str(team), tmp_path / "mona.annot", "mona").path
    with Project.open(mona, readonly=True) as p:
        first = next(p.documents()).id
    edit_in_team(team, first, "mona", "CUE")
    mark(mona, "mona", 1)
    before = layer(team, "mona")
    with pytest.raises(PushConflict, match=f"first '{first}'"):
        push(mona)
    assert layer(team, "mona") == before  # nothing was pushed
    push(mona, overwrite=True)
    assert layer(team, "mona") == layer(mona, "mona")


def test_after_a_push_the_copy_is_the_new_base(team, tmp_path):
    mona = pull(str(team), tmp_path / "mona.annot", "mona").path
    mark(mona, "mona", 1)
    push(mona)
    mark(mona, "mona", 1, shift=1)  # more work on the same document, here only
    report = push(mona)  # not a conflict: the team project holds what was pushed last
    assert report.changed and layer(team, "mona") == layer(mona, "mona")


def test_a_push_that_lost_a_race_is_tried_again_and_lands_once(team, tmp_path, monkeypatch):
    """On a server two pushes can collide; the loser was rolled back whole ("busy"), so push
    reads, decides and writes again instead of failing the annotator."""
    from annotator.core import sync
    from annotator.core.errors import WriteFailed

    mona = pull(str(team), tmp_path / "mona.annot", "mona").path
    mark(mona, "mona")
    real, tries = sync._push_into, []

    def collide_twice(*args, **kwargs):
        tries.append(1)
        if len(tries) <= 2:
            raise WriteFailed("another session changed the same rows at the same moment", reason="busy")
        return real(*args, **kwargs)

    monkeypatch.setattr(sync, "_push_into", collide_twice)
    report = push(mona)
    assert len(tries) == 3 and report.changed
    assert layer(team, "mona") == layer(mona, "mona")
    monkeypatch.setattr(sync, "_push_into", lambda *a, **k: (_ for _ in ()).throw(WriteFailed("disk full", reason="full")))
    with pytest.raises(WriteFailed, match="disk full"):  # only a lost race is tried again
        push(mona)
