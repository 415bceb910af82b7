"""brat file names: unsafe characters replaced, clashes (also case-only ones) numbered in
document order over the whole project, so a document's file name does not depend on the
export's filter or on which process wrote it."""

from __future__ import annotations

import json

from annotator.core.exporter import export_project
from annotator.core.formats.brat import file_names, safe_name
from annotator.core.importer import import_paths
from annotator.core.native import ExportFilter
from annotator.core.project import Project


def _project(tmp_path):
    ids = ["a/b", "a_b", "Report", "report", "plain"]
    src = tmp_path / "src.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i, doc_id in enumerate(ids):
            status = {"alice": "done"} if doc_id in ("a_b", "report") else {}
            rec = {"id": doc_id, "text": f"قال الوزير في النص رقم {i}", "meta": {}, "status": status,
                   "spans": [{"start": 0, "end": 3, "label": "CUE", "annotator": "alice"}], "relations": []}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    p = Project.create(tmp_path / "p.annot")
    import_paths(p, [src], "native")
    return p


def _names(out):
    return {json.loads(line)["id"]: json.loads(line)["file"] for line in (out / "documents.jsonl").open(encoding="utf-8")}


def test_clashing_ids_get_numbered_names(tmp_path):
    p = _project(tmp_path)
    try:
        assert safe_name("a/b") == "a_b"
        assert file_names(p) == {"a_b": "a_b~2", "report": "report~2"}
        out = tmp_path / "all"
        export_project(p, str(out), "brat", ExportFilter(include_suggestions=False, include_rejected=False))
        names = _names(out)
        assert names == {"a/b": "alice/a_b", "a_b": "alice/a_b~2", "Report": "alice/Report",
                         "report": "alice/report~2", "plain": "alice/plain"}
        assert len({n.lower() for n in names.values()}) == 5  # distinct even on a case-blind disk
        # Exporting only the done documents leaves each of them the name it had.
        done = tmp_path / "done"
        export_project(p, str(done), "brat", ExportFilter(only_done=True, include_suggestions=False,
                                                           include_rejected=False))
        assert _names(done) == {"a_b": "alice/a_b~2", "report": "alice/report~2"}
        assert (done / "alice" / "report~2.txt").read_text(encoding="utf-8").endswith("رقم 3")
    finally:
        p.close()
