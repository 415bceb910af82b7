"""The window opens big projects without the whole-file check, then runs it in a worker."""

import pytest

from annotator.core import backup
from annotator.core.errors import DamagedProject
from annotator.core.importer import import_paths
from annotator.core.project import Project


@pytest.fixture
def project_path(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))
    src = tmp_path / "a.txt"
    src.write_text("قال الوزير إن الاجتماع عقد أمس", encoding="utf-8")
    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        import_paths(p, [src])
        p.add_span(1, 0, 3, "CUE", "amal")
    return path


def test_deferred_checks_back_up_a_changed_project(project_path):
    with Project.open(project_path, check=False, backup=False) as p:
        assert backup.list_backups(project_path) == []
        problem, warnings = backup.deferred_open_checks(project_path)
        assert problem is None and warnings == []
        assert len(backup.list_backups(project_path)) == 1
        p.add_span(1, 4, 10, "SOURCE", "amal")  # the opener keeps working meanwhile


def test_deferred_checks_find_damage_that_the_fast_open_skipped(project_path):
    data = bytearray(project_path.read_bytes())
    page = 4096
    for i in range(2 * page + 8, 3 * page):  # scribble over a b-tree page, keep the header
        data[i] = 0xA5
    project_path.write_bytes(bytes(data))
    with pytest.raises(DamagedProject):
        Project.open(project_path)
    problem, _ = backup.deferred_open_checks(project_path)
    assert problem is not None and "damaged" in problem and str(project_path) in problem
