"""The command line as a user runs it: a real process, real files."""

import json
import subprocess
import sys

import pytest

from annotator import __version__


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("قال المتحدث إن «الاجتماع عُقد أمس» 😀\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("Latin only paragraph.\nوفقرة عربية ثانية.", encoding="utf-8")
    return tmp_path


def test_version_and_help():
    out = run("--version")
    assert out.returncode == 0 and __version__ in out.stdout
    for cmd in ("new", "import", "export", "validate", "stats", "show"):
        h = run(cmd, "--help")
        assert h.returncode == 0 and "usage:" in h.stdout, cmd


def test_new_import_export_validate_stats_show(workdir):
    proj = workdir / "w.annot"
    assert run("new", proj).returncode == 0
    out = run("import", proj, workdir / "docs")
    assert out.returncode == 0 and "imported 2 documents" in out.stdout
    again = run("import", proj, workdir / "docs" / "a.txt")
    assert "skipped 1 duplicate" in again.stdout and "same text as document 'a'" in again.stderr
    exp = workdir / "out.jsonl"
    assert run("export", proj, "-o", exp).returncode == 0
    recs = [json.loads(l) for l in exp.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["a", "b"]
    # add spans by editing the export and importing it into a fresh project
    text = recs[0]["text"]
    q = text.index("الاجتماع")
    recs[0]["spans"] = [{"id": 1, "start": q, "end": q + len("الاجتماع عُقد أمس"), "label": "QUOTE",
                         "annotator": "amal", "attrs": {"type": "direct"}},
                        {"id": 2, "start": 4, "end": 11, "label": "SOURCE", "annotator": "amal"}]
    recs[0]["relations"] = [{"id": 1, "label": "source", "from": 1, "to": 2}]
    edited = workdir / "edited.jsonl"
    edited.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    assert run("validate", edited).returncode == 0
    proj2 = workdir / "w2.annot"
    run("new", proj2)
    assert run("import", proj2, edited).returncode == 0
    stats = json.loads(run("stats", proj2, "--json").stdout)
    assert stats["documents"] == 2 and stats["spans_by_label"] == {"QUOTE": 1, "SOURCE": 1}
    shown = run("show", proj2, "a")
    assert shown.returncode == 0 and "2 spans, 1 relations" in shown.stdout
    logical = run("show", proj2, "a", "--logical")
    assert "الاجتماع عُقد أمس" in logical.stdout  # logical order, unshaped, for bidi terminals
    assert "الاجتماع عُقد أمس" not in shown.stdout  # shaped and reordered for plain terminals


@pytest.mark.parametrize(
    "args,needle",
    [
        (("import", "{proj}", "{dir}/missing.txt"), "missing.txt: no such file or folder"),
        (("show", "{proj}", "nope"), "no document with id 'nope'"),
        (("stats", "{dir}/docs/a.txt"), "not an annotator project"),
        (("new", "{proj}"), "already exists"),
        (("import", "{proj}", "{dir}/bad.jsonl"), "bad.jsonl:2: span 1: span 0..99 is outside the text"),
    ],
)
def test_user_errors_are_one_line_without_traceback(workdir, args, needle):
    proj = workdir / "w.annot"
    run("new", proj)
    (workdir / "bad.jsonl").write_text('{"text": "نص"}\n{"text": "قال", "spans": [{"start": 0, "end": 99, "label": "CUE"}]}\n',
                                       encoding="utf-8")
    out = run(*[a.format(proj=proj, dir=workdir) for a in args])
    assert out.returncode != 0
    assert needle in out.stderr
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_failed_import_changes_nothing(workdir):
    proj = workdir / "w.annot"
    run("new", proj)
    (workdir / "bad.jsonl").write_text('{"text": "وثيقة سليمة"}\n{"text": 7}\n', encoding="utf-8")
    assert run("import", proj, workdir / "bad.jsonl").returncode == 1
    assert json.loads(run("stats", proj, "--json").stdout)["documents"] == 0


def test_validate_lists_problems_with_lines(workdir):
    f = workdir / "v.jsonl"
    f.write_text('{"text": "قال"}\n{"txt": "x"}\n{"text": "قال", "spans": [{"start": 0, "end": 3, "label": "CUE", "text": "قول"}]}\n',
                 encoding="utf-8")
    out = run("validate", f)
    assert out.returncode == 1
    lines = out.stdout.strip().splitlines()
    assert any(l.startswith(f"{f}:2:") for l in lines) and any(l.startswith(f"{f}:3:") for l in lines)
