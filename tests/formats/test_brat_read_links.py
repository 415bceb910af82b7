"""A brat folder's files are checked at one lstat each when they are plain files; a link, a
linked sub-folder or a missing file still takes the full check (refuse_outside)."""

import json

import pytest

from annotator.core.errors import ImportFailed
from annotator.core.importer import import_paths
from annotator.core.project import Project

TEXT = "قال الوزير إن الخطة جاهزة"
ANN = "T1\tSOURCE 4 10\tالوزير\n"


@pytest.fixture
def proj(tmp_path):
    path = tmp_path / "p.annot"
    Project.create(path).close()
    return path


def _import(proj, folder):
    with Project.open(proj) as p:
        return import_paths(p, [folder], fmt="brat", annotator="a")


def _spans(proj):
    with Project.open(proj, readonly=True) as p:
        return len(p.conn.execute("SELECT 1 FROM spans").fetchall())


def _pair(folder, name, text=TEXT, ann=ANN):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")


def test_plain_files_import(proj, tmp_path):
    _pair(tmp_path / "b", "a")
    _pair(tmp_path / "b" / "sub", "c", text=TEXT + " اليوم")
    assert _import(proj, tmp_path / "b").documents == 2
    assert _spans(proj) == 2


def test_ann_linked_outside_is_refused(proj, tmp_path):
    _pair(tmp_path / "elsewhere", "x")
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.ann").symlink_to(tmp_path / "elsewhere" / "x.ann")
    with pytest.raises(ImportFailed, match="a.ann: a link to .* outside the folder"):
        _import(proj, folder)
    assert _spans(proj) == 0


def test_listed_file_in_a_linked_folder_outside_is_refused(proj, tmp_path):
    _pair(tmp_path / "elsewhere", "x")
    folder = tmp_path / "b"
    _pair(folder, "a")
    (folder / "sub").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (folder / "documents.jsonl").write_text(
        json.dumps({"file": "a", "id": "a"}) + "\n" + json.dumps({"file": "sub/x", "id": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="outside the folder"):
        _import(proj, folder)
    assert _spans(proj) == 0


def test_links_inside_the_folder_and_a_linked_root_are_followed(proj, tmp_path):
    real = tmp_path / "real"
    _pair(real, "a")
    (real / "inner").mkdir()
    (real / "inner" / "c.txt").symlink_to(real / "a.txt")
    (real / "inner" / "c.ann").symlink_to(real / "a.ann")
    (real / "d.txt").write_text(TEXT + " غدا", encoding="utf-8")  # no .ann: a document without spans
    (real / "documents.jsonl").write_text(
        "".join(json.dumps({"file": f, "id": f}) + "\n" for f in ("a", "inner/c", "d")), encoding="utf-8")
    root = tmp_path / "via"
    root.symlink_to(real, target_is_directory=True)
    report = _import(proj, root)
    assert (report.documents, len(report.skipped)) == (2, 1)  # inner/c has a's text
    assert _spans(proj) == 1


def test_missing_txt_is_named(proj, tmp_path):
    folder = tmp_path / "b"
    _pair(folder, "a")
    (folder / "b.ann").write_text(ANN, encoding="utf-8")
    with pytest.raises(ImportFailed, match="b.ann: no matching b.txt"):
        _import(proj, folder)
    assert _spans(proj) == 0
