"""native -> F -> native keeps every span for every import-capable format, and each export validates."""

from __future__ import annotations

import pytest

from annotator.core.exporter import export_project
from annotator.core.formats import validate_file
from annotator.core.importer import import_paths
from annotator.core.native import ExportFilter
from annotator.core.project import Project
from tests.support.formats_sample import canonical, make_project

# What each format carries besides label, offsets, text, annotator and relations.
CARRIES = {
    "prodigy": {"attrs", "status", "docstatus", "meta", "id"},
    "doccano": {"attrs", "status", "docstatus", "meta", "id"},
    "label-studio": {"attrs", "status", "docstatus", "meta", "id"},
    "brat": {"attrs", "status", "docstatus", "meta", "id"},
}
OUT = {"prodigy": "out.jsonl", "doccano": "out.jsonl", "label-studio": "out.json", "brat": "out"}


@pytest.mark.parametrize("fmt", sorted(CARRIES))
def test_round_trip_keeps_every_span(tmp_path, fmt):
    project = make_project(tmp_path)
    flt = ExportFilter(include_rejected=False)
    out = tmp_path / OUT[fmt]
    report = export_project(project, str(out), fmt, flt)
    assert report.documents == 4
    assert report.problems == []
    assert list(validate_file(out, fmt)) == []
    before = canonical(project, flt, CARRIES[fmt])
    project.close()
    again = Project.create(tmp_path / "again.annot")
    try:
        rep = import_paths(again, [out], fmt, "import", offsets="auto")
        assert rep.documents == 4 and not rep.skipped
        after = canonical(again, None, CARRIES[fmt])
        assert after == before
    finally:
        again.close()


@pytest.mark.parametrize("fmt", sorted(CARRIES))
def test_gold_layer_round_trip(tmp_path, fmt):
    project = make_project(tmp_path)
    flt = ExportFilter(layers={"gold"}, include_suggestions=False, include_rejected=False)
    out = tmp_path / OUT[fmt]
    export_project(project, str(out), fmt, flt)
    before = canonical(project, flt, CARRIES[fmt])
    project.close()
    again = Project.create(tmp_path / "again.annot")
    try:
        import_paths(again, [out], fmt, "gold", offsets="auto")
        after = canonical(again, None, CARRIES[fmt])
        assert after == before
        spans = sum(len(v["spans"]) for v in after.values())
        assert spans == 7  # gold spans of doc-1 and doc-4
    finally:
        again.close()


@pytest.mark.parametrize("fmt", sorted(CARRIES))
def test_import_twice_skips_duplicates(tmp_path, fmt):
    project = make_project(tmp_path)
    out = tmp_path / OUT[fmt]
    export_project(project, str(out), fmt, ExportFilter(include_rejected=False))
    project.close()
    again = Project.create(tmp_path / "again.annot")
    try:
        import_paths(again, [out], fmt, "import")
        rep = import_paths(again, [out], fmt, "import")
        assert rep.documents == 0 and len(rep.skipped) == 4
    finally:
        again.close()
