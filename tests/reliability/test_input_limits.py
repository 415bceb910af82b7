"""Issue 13, items 7, 10 and 13: one depth limit for every reader (and so every writer),
`validate` as calm as `import` on hostile files, NUL refused in every name, and folder
imports that do not follow links out of the folder."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError, SchemeError
from annotator.core.importer import import_paths
from annotator.core.native import MAX_DEPTH
from annotator.core.project import Project
from annotator.core.scheme import Scheme, default_scheme

from .util import annotated_project, dump_hash

TEXT = "قال المتحدث إن الاجتماع سيعقد غداً."
FORMATS = {"native": "o.jsonl", "prodigy": "o.jsonl", "doccano": "o.jsonl", "label-studio": "o.json",
           "brat": "o", "hf-bio": "o.jsonl"}


def _nested(depth: int):
    v: object = "leaf"
    for _ in range(depth):
        v = {"k": v}
    return v


def _one_line_error(capsys, argv, code=1) -> str:
    assert main(argv) == code
    out, err = capsys.readouterr()
    text = (out + err).strip()
    assert "Traceback" not in text
    return err.strip()


@pytest.fixture
def proj(tmp_path):
    return annotated_project(tmp_path / "p.annot")


# ----- item 7: depth ---------------------------------------------------------------------------------
def test_deep_meta_is_refused_at_import(proj, tmp_path, capsys):
    src = tmp_path / "deep.jsonl"
    src.write_text(json.dumps({"id": "x", "text": TEXT, "meta": {"m": _nested(253)}}) + "\n", encoding="utf-8")
    before = dump_hash(proj)
    err = _one_line_error(capsys, ["import", str(proj), str(src)])
    assert err.count("\n") == 0 and f"deeper than {MAX_DEPTH}" in err and "deep.jsonl:1" in err
    assert dump_hash(proj) == before


def test_deep_label_studio_data_is_refused_at_import(proj, tmp_path, capsys):
    src = tmp_path / "ls.json"
    src.write_text(json.dumps([{"data": {"text": TEXT}, "meta": {"extra": _nested(100)}}]), encoding="utf-8")
    err = _one_line_error(capsys, ["import", str(proj), str(src), "--format", "label-studio"])
    assert err.count("\n") == 0 and "deeper than" in err


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_meta_at_the_limit_exports_in_every_format(tmp_path, capsys, fmt):
    src = tmp_path / "ok.jsonl"
    src.write_text(json.dumps({"id": "x", "text": TEXT, "meta": _nested(MAX_DEPTH - 1),
                               "spans": [{"start": 0, "end": 3, "label": "CUE", "annotator": "a",
                                          "origin": _nested(MAX_DEPTH - 3)}]}) + "\n", encoding="utf-8")
    proj = tmp_path / "p.annot"
    with Project.create(proj) as p:
        import_paths(p, [src])
    out = tmp_path / FORMATS[fmt]
    assert main(["export", str(proj), "-o", str(out), "--format", fmt]) == 0, capsys.readouterr().err
    if fmt == "native":  # and it reads back
        with Project.create(tmp_path / "back.annot") as p:
            import_paths(p, [out])


def test_one_level_more_is_refused(tmp_path):
    src = tmp_path / "over.jsonl"
    src.write_text(json.dumps({"id": "x", "text": TEXT, "meta": _nested(MAX_DEPTH)}) + "\n", encoding="utf-8")
    with Project.create(tmp_path / "p.annot") as p, pytest.raises(AnnotatorError, match="deeper than"):
        import_paths(p, [src])


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_of_deep_data_stored_before_the_limit_is_one_line(proj, tmp_path, capsys, fmt):
    with Project.open(proj, backup=False) as p:  # what an older version let in
        p.set_doc_meta(1, "deep", _nested(300))
    out = tmp_path / FORMATS[fmt]
    code = main(["export", str(proj), "-o", str(out), "--format", fmt])
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err and err.count("\n") == 0
    assert code == 0 or "nested too deeply" in err
    if code:
        assert not out.exists()


# ----- item 10: validate ---------------------------------------------------------------------------
def test_validate_deep_label_studio_is_one_line(proj, tmp_path, capsys):
    src = tmp_path / "deep.json"
    src.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    err_import = _one_line_error(capsys, ["import", str(proj), str(src), "--format", "label-studio"])
    assert "nested too deeply" in err_import
    assert main(["validate", str(src), "--format", "label-studio"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and out.strip().count("\n") == 0 and "nested too deeply" in out
    src.write_text(json.dumps([{"data": {"text": TEXT}, "x": _nested(200)}]), encoding="utf-8")
    assert main(["validate", str(src), "--format", "label-studio"]) == 1
    out, err = capsys.readouterr()
    assert f"deeper than {MAX_DEPTH}" in out and "Traceback" not in out + err


@pytest.mark.parametrize("fmt", ["native", "prodigy", "doccano"])
def test_validate_deep_jsonl_is_one_line(tmp_path, capsys, fmt):
    src = tmp_path / "deep.jsonl"
    src.write_text(json.dumps({"text": TEXT, "meta": _nested(300)}) + "\n", encoding="utf-8")
    assert main(["validate", str(src), "--format", fmt]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "deeper than" in out


def test_validate_huge_brat_offset_is_one_line(proj, tmp_path, capsys):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.ann").write_text(f"T1\tCUE 0 {'9' * 5000}\tقال\n", encoding="utf-8")
    err_import = _one_line_error(capsys, ["import", str(proj), str(folder), "--format", "brat"])
    assert "too large" in err_import and "a.ann:1" in err_import
    assert main(["validate", str(folder), "--format", "brat"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "too large" in out and "a.ann:1" in out


# ----- item 13: NUL ---------------------------------------------------------------------------------
NUL_RECORDS = {
    "id": {"id": "a\x00b", "text": TEXT},
    "annotator": {"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "CUE", "annotator": "m\x00"}]},
    "status annotator": {"text": TEXT, "status": {"m\x00": "done"}},
    "title": {"text": TEXT, "meta": {"title": "t\x00"}},
    "meta key": {"text": TEXT, "meta": {"k\x00": 1}},
    "nested meta": {"text": TEXT, "meta": {"a": [{"b": "\x00"}]}},
    "label": {"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "CUE\x00"}]},
    "attribute": {"text": TEXT, "spans": [{"start": 0, "end": 10, "label": "DATE", "attrs": {"value": "2024\x00"}}]},
    "origin": {"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "CUE", "origin": {"from": "\x00"}}]},
}


@pytest.mark.parametrize("case", list(NUL_RECORDS))
def test_nul_is_refused_at_import(proj, tmp_path, capsys, case):
    src = tmp_path / "nul.jsonl"
    src.write_text(json.dumps(NUL_RECORDS[case]) + "\n", encoding="utf-8")
    before = dump_hash(proj)
    err = _one_line_error(capsys, ["import", str(proj), str(src)])
    assert "NUL" in err or "unknown label" in err, err
    assert dump_hash(proj) == before


def test_nul_is_refused_in_other_formats(proj, tmp_path, capsys):
    src = tmp_path / "d.jsonl"
    src.write_text(json.dumps({"id": "x\x00", "text": TEXT, "label": [[0, 3, "CUE"]]}) + "\n", encoding="utf-8")
    assert "NUL" in _one_line_error(capsys, ["import", str(proj), str(src), "--format", "doccano"])
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.ann").write_text("T1\tCUE 0 3\tقال\n", encoding="utf-8")
    (folder / "documents.jsonl").write_text(json.dumps({"file": "a", "id": "a", "annotator": "m\x00"}) + "\n",
                                            encoding="utf-8")
    assert "NUL" in _one_line_error(capsys, ["import", str(proj), str(folder), "--format", "brat"])


def test_nul_in_a_scheme_is_refused():
    data = json.loads(default_scheme().to_json())
    attr = next(a for l in data["labels"] for a in l.get("attributes", []) if a.get("choices"))
    attr["choices"][0] += "\x00"
    with pytest.raises(SchemeError, match="NUL"):
        Scheme.from_dict(data)


def test_nul_in_an_attribute_value_is_refused_by_the_mutators(proj):
    with Project.open(proj, backup=False) as p:
        before = p.spans(2)
        with pytest.raises(AnnotatorError, match="NUL"):
            p.add_span(2, 0, 3, "DATE", "ann2", {"value": "2024\x00"})
        span = before[0]
        with pytest.raises(AnnotatorError, match="NUL"):
            p.set_span_attr(span.id, "value", "2024-06\x00")
        assert p.spans(2) == before


def test_nul_is_refused_by_the_name_mutators(proj):
    with Project.open(proj, backup=False) as p:
        with pytest.raises(AnnotatorError, match="NUL"):
            p.set_doc_status(1, "m\x00", "done")
        with pytest.raises(AnnotatorError, match="NUL"):
            p.set_doc_meta(1, "k\x00", "v")
        with pytest.raises(AnnotatorError, match="NUL"):
            p.set_doc_meta(1, "title", "a\x00b")
        with pytest.raises(AnnotatorError, match="NUL"):
            p.ensure_annotator("m\x00")
        assert "m\x00" not in p.annotators()


# ----- item 13: links out of an imported folder -----------------------------------------------------
def test_folder_import_does_not_follow_links_outside(proj, tmp_path, capsys):
    secret = tmp_path / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("كلمة السر", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").symlink_to(secret)
    before = dump_hash(proj)
    err = _one_line_error(capsys, ["import", str(proj), str(folder)])
    assert "outside the folder" in err and "b.txt" in err
    assert dump_hash(proj) == before
    (folder / "b.txt").unlink()
    (folder / "sub").symlink_to(secret.parent, target_is_directory=True)  # a linked folder is not entered
    (folder / "c.txt").symlink_to(folder / "a.txt")  # a link inside the folder is fine
    assert main(["import", str(proj), str(folder)]) == 0
    with Project.open(proj, readonly=True) as p:
        texts = [d.text for d in p.documents()]
    assert TEXT in texts and not any("كلمة السر" in t for t in texts)


def test_brat_import_does_not_follow_links_outside(proj, tmp_path, capsys):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.txt").write_text("نص خاص", encoding="utf-8")
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.ann").write_text("", encoding="utf-8")
    (folder / "a.txt").symlink_to(outside / "x.txt")
    assert "outside the folder" in _one_line_error(capsys, ["import", str(proj), str(folder), "--format", "brat"])
