"""Issue 13, items 1 and 13a: an export never writes over the project or its companions, and
a long but valid output name is accepted."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.backup import backup_dir

from .util import annotated_project, dump_hash


@pytest.fixture
def proj(tmp_path, monkeypatch):
    monkeypatch.delenv("ANNOTATOR_BACKUP_DIR", raising=False)
    return annotated_project(tmp_path / "p.annot")


def _refused(capsys, argv, proj, *keep: Path):
    before = dump_hash(proj)
    kept = {p: p.read_bytes() for p in keep if p.is_file()}
    raw = proj.read_bytes()
    assert main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err and "will not export there" in err, err
    assert proj.read_bytes() == raw and dump_hash(proj) == before
    for p, data in kept.items():
        assert p.read_bytes() == data
    return err


@pytest.mark.parametrize("fmt", ["native", "doccano", "prodigy", "label-studio", "hf-bio"])
def test_export_onto_the_project_itself_is_refused(proj, capsys, fmt):
    _refused(capsys, ["export", str(proj), "-o", str(proj), "--format", fmt], proj)


def test_links_to_the_project_are_refused(proj, tmp_path, capsys):
    hard = tmp_path / "hard.jsonl"
    os.link(proj, hard)
    _refused(capsys, ["export", str(proj), "-o", str(hard)], proj)
    soft = tmp_path / "soft.jsonl"
    soft.symlink_to(proj)
    _refused(capsys, ["export", str(proj), "-o", str(soft), "--format", "doccano"], proj)


def test_other_projects_and_sqlite_files_are_refused(proj, tmp_path, capsys):
    other = annotated_project(tmp_path / "other.annot")
    _refused(capsys, ["export", str(proj), "-o", str(other)], proj, other)
    db = tmp_path / "data.jsonl"  # a database whatever its name says
    sqlite3.connect(db).execute("CREATE TABLE t(x)").connection.close()
    _refused(capsys, ["export", str(proj), "-o", str(db)], proj, db)


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", ".lock"])
def test_companion_files_are_refused(proj, capsys, suffix):
    target = Path(f"{proj}{suffix}")
    _refused(capsys, ["export", str(proj), "-o", str(target)], proj, target)


def test_backup_folder_is_refused(proj, capsys):
    from annotator.core.project import Project

    with Project.open(proj) as p:  # a writable open after changes makes a backup
        p.set_doc_meta(1, "x", "y")
    with Project.open(proj):
        pass
    backups = list(backup_dir(proj).glob("*.annot"))
    assert backups
    _refused(capsys, ["export", str(proj), "-o", str(backups[0])], proj, backups[0])
    _refused(capsys, ["export", str(proj), "-o", str(backup_dir(proj) / "new.jsonl")], proj)


def test_brat_folder_holding_the_project_is_refused(proj, capsys):
    err = _refused(capsys, ["export", str(proj), "-o", str(proj.parent), "--format", "brat"], proj)
    assert "holds the project" in err


def test_brat_folder_with_other_files_is_refused(proj, tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"my work")
    _refused(capsys, ["export", str(proj), "-o", str(folder), "--format", "brat"], proj)
    assert (folder / "thesis.docx").read_bytes() == b"my work"
    # An earlier export there is replaced, and an empty folder filled.
    out = tmp_path / "out"
    assert main(["export", str(proj), "-o", str(out), "--format", "brat"]) == 0
    assert main(["export", str(proj), "-o", str(out), "--format", "brat"]) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["export", str(proj), "-o", str(empty), "--format", "brat"]) == 0


def test_a_split_file_that_is_the_project_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ANNOTATOR_BACKUP_DIR", raising=False)
    proj = annotated_project(tmp_path / "x.train.jsonl")  # a project under an unusual name
    _refused(capsys, ["export", str(proj), "-o", str(tmp_path / "x.jsonl"), "--split", "train=0.5,test=0.5"], proj)


def test_export_dialog_refuses_the_project(tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.core.project import Project
    from annotator.gui.export_dialog import ExportDialog
    from annotator.gui.report_dialog import ReportDialog

    monkeypatch.setattr(ReportDialog, "exec", lambda self: 0)  # a success would show it
    monkeypatch.delenv("ANNOTATOR_BACKUP_DIR", raising=False)
    proj = annotated_project(tmp_path / "g.annot")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.Ok)
    with Project.open(proj, readonly=True) as project:
        before = dump_hash(proj)
        dialog = ExportDialog(project)
        qtbot.addWidget(dialog)
        i = dialog.format.findData("doccano")
        dialog.format.setCurrentIndex(i)
        dialog.output.setText(str(proj))
        dialog.export_button.click()
        assert dialog.report is None
    assert shown and "will not export there" in shown[-1]
    assert dump_hash(proj) == before


@pytest.mark.parametrize("fmt", ["native", "brat"])
def test_a_long_valid_output_name_is_accepted(proj, tmp_path, capsys, fmt):
    name = "ق" * 123  # 246 bytes: a valid name; the temporary one must fit as well
    out = tmp_path / name
    assert len(name.encode()) == 246
    assert main(["export", str(proj), "-o", str(out), "--format", fmt]) == 0, capsys.readouterr().err
    assert out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_brat_folder_holding_the_backups_is_refused(tmp_path, capsys, monkeypatch):
    store = tmp_path / "store"
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(store / "bk"))
    proj = annotated_project(tmp_path / "p.annot")
    from annotator.core.project import Project

    with Project.open(proj) as p:
        p.set_doc_meta(1, "x", "y")
    with Project.open(proj):
        pass
    backups = sorted(store.rglob("*.annot"))
    assert backups
    kept = {b: b.read_bytes() for b in backups}
    err = _refused(capsys, ["export", str(proj), "-o", str(store), "--format", "brat"], proj)
    assert "backups" in err
    assert {b: b.read_bytes() for b in sorted(store.rglob("*.annot"))} == kept
