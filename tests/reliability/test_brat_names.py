"""Issue 13, item 3: in a brat export every annotator has a folder of its own and names are
cut by bytes; re-import gives every span back to the annotator who made it."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.core.importer import import_paths
from annotator.core.project import Project

TEXT = "قال المتحدث باسم الوزارة إن الاجتماع سيعقد غداً في العاصمة."
LONG = "\ufefb" * 90  # 270 bytes of UTF-8: over the 255-byte limit of a file name


def _spans(path) -> set:
    with Project.open(path, readonly=True) as p:
        return {(d.id, s.start, s.end, s.label, s.annotator) for d in p.documents() for s in p.spans(d.num)}


def test_annotators_whose_names_clash_keep_their_spans(tmp_path, capsys):
    names = ["mona:1", "mona_1", "Mona_1", "mona?1", LONG, LONG + "x", "annotation.conf", "_unannotated"]
    src = tmp_path / "src.jsonl"
    records = [{"id": doc_id, "text": TEXT + doc_id,
                "spans": [{"start": i, "end": i + 3, "label": "CUE", "annotator": n} for i, n in enumerate(names)],
                "status": {n: "done" for n in names[:2]}}
               for doc_id in ["d1", LONG, LONG + "y", "D1"]]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    proj = tmp_path / "p.annot"
    with Project.create(proj) as p:
        import_paths(p, [src])
    out = tmp_path / "brat"
    assert main(["export", str(proj), "-o", str(out), "--format", "brat"]) == 0, capsys.readouterr().err
    folders = [d for d in out.iterdir() if d.is_dir()]
    assert len(folders) == len(names)  # one folder each, none shared
    for f in out.rglob("*"):
        assert len(f.name.encode()) <= 255
    anns = list(out.rglob("*.ann"))
    assert len(anns) == len(names) * len(records)  # no file written over another
    back = tmp_path / "back.annot"
    with Project.create(back) as p:
        import_paths(p, [out], fmt="brat")
        assert {n: p.statuses(p.document("d1").num).get(n) for n in names[:2]} == {"mona:1": "done", "mona_1": "done"}
    assert _spans(back) == _spans(proj)
