"""`annotator validate --format F FILE`: the JSON Schema of F (schemas/F.schema.json) plus
the checks a schema cannot express: offsets inside the text, span and token text equal to
the document text, token indices agreeing with offsets, relations pointing at real spans,
BIO order. Each problem names the file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from annotator.core.errors import AnnotatorError, ImportFailed
from annotator.core.formats.brat import index_entries, parse_ann, read_text
from annotator.core.formats.common import UNEXPECTED, describe_failure, iter_json_array, iter_jsonl_objects, text_matches
from annotator.core.native import MAX_DEPTH, too_deep
from annotator.core.offsets import Utf16Map
from annotator.core.scheme import default_scheme, schema_validator

LIMIT = 1000


def _schema_errors(validator, obj, where: str, strip_index: bool = False) -> list[str]:
    out = []
    for e in sorted(validator.iter_errors(obj), key=lambda e: list(map(str, e.absolute_path))):
        path = list(e.absolute_path)[1:] if strip_index else list(e.absolute_path)
        loc = "/".join(str(p) for p in path) or "(record)"
        out.append(f"{where}: {loc}: {e.message}")
    return out


def _offsets_ok(text: str, s, e) -> bool:
    return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)


def check_prodigy(obj: dict, where: str) -> list[str]:
    text = obj["text"]
    out = []
    toks = obj.get("tokens", [])
    prev_end = 0
    for i, t in enumerate(toks):
        if t["id"] != i:
            out.append(f"{where}: token {i}: id {t['id']} should be {i}")
        if not _offsets_ok(text, t["start"], t["end"]) or t["start"] < prev_end:
            out.append(f"{where}: token {i}: offsets {t['start']}..{t['end']} overlap or leave the text")
        elif text[t["start"]:t["end"]] != t["text"]:
            out.append(f"{where}: token {i}: text {t['text']!r} is not the document text {text[t['start']:t['end']]!r}")
        prev_end = t["end"]
    for i, s in enumerate(obj.get("spans", [])):
        sw = f"{where}: span {i + 1}"
        if not _offsets_ok(text, s["start"], s["end"]):
            out.append(f"{sw}: offsets {s['start']}..{s['end']} outside the text (length {len(text)})")
            continue
        if "text" in s and text[s["start"]:s["end"]] != s["text"]:
            out.append(f"{sw}: text {s['text']!r} is not the document text {text[s['start']:s['end']]!r}")
        ts, te = s["token_start"], s["token_end"]
        if toks and not (0 <= ts <= te < len(toks) and toks[ts]["start"] == s["start"] and toks[te]["end"] == s["end"]):
            out.append(f"{sw}: token_start {ts} / token_end {te} do not begin and end at {s['start']}..{s['end']}")
    keys = {(s["start"], s["end"]) for s in obj.get("spans", [])}
    for i, r in enumerate(obj.get("relations", [])):
        for side in ("head_span", "child_span"):
            sp = r.get(side)
            if sp is not None and (sp["start"], sp["end"]) not in keys:
                out.append(f"{where}: relation {i + 1}: {side} {sp['start']}..{sp['end']} is not one of the spans")
        for side in ("head", "child"):
            if toks and not 0 <= r[side] < len(toks):
                out.append(f"{where}: relation {i + 1}: {side} token {r[side]} does not exist")
    return out


def check_doccano(obj: dict, where: str) -> list[str]:
    text = obj["text"]
    out = []
    items = [(e["start_offset"], e["end_offset"], e["id"]) for e in obj.get("entities", [])]
    items += [(s, e, i) for i, (s, e, _) in enumerate(obj.get("label", []))]
    ids = set()
    for s, e, ref in items:
        if not _offsets_ok(text, s, e):
            out.append(f"{where}: span {ref}: offsets {s}..{e} outside the text (length {len(text)})")
        ids.add(ref)
    for r in obj.get("relations", []):
        for side in ("from_id", "to_id"):
            if r[side] not in ids:
                out.append(f"{where}: relation {r['id']}: {side} {r[side]!r} is not an entity of this line")
    return out


def check_label_studio(task: dict, where: str) -> list[str]:
    text = task["data"]["text"]
    u16 = Utf16Map(text)
    n16 = u16.utf16_length
    out = []
    for key in ("annotations", "predictions"):
        for i, a in enumerate(task.get(key, [])):
            aw = f"{where}: {key[:-1]} {i + 1}"
            regions = set()
            for j, r in enumerate(a["result"]):
                if r["type"] != "labels":
                    continue
                v = r["value"]
                regions.add(r["id"])
                if not (0 <= v["start"] < v["end"] <= n16):
                    out.append(f"{aw}: result {j + 1}: UTF-16 offsets {v['start']}..{v['end']} outside the text "
                               f"(UTF-16 length {n16})")
                    continue
                try:
                    s, e = u16.from_utf16_strict(v["start"]), u16.from_utf16_strict(v["end"])
                except ValueError:
                    out.append(f"{aw}: result {j + 1}: offset {v['start']}..{v['end']} splits a surrogate pair")
                    continue
                if "text" in v and not text_matches(text[s:e], v["text"]):
                    out.append(f"{aw}: result {j + 1}: value.text {v['text']!r} is not the document text "
                               f"{text[s:e]!r} at UTF-16 {v['start']}..{v['end']}")
            for j, r in enumerate(a["result"]):
                if r["type"] == "relation":
                    for side in ("from_id", "to_id"):
                        if r[side] not in regions:
                            out.append(f"{aw}: result {j + 1}: {side} {r[side]!r} is not a region of this annotation")
                elif r["type"] in ("choices", "textarea") and r["id"] not in regions:
                    out.append(f"{aw}: result {j + 1}: {r['type']} is not attached to a region")
    return out


def check_hf_bio(row: dict, where: str, columns: dict | None) -> list[str]:
    out = []
    n = len(row["tokens"])
    for col, tags in row.items():
        if not col.startswith("tags_"):
            continue
        if len(tags) != n:
            out.append(f"{where}: {col} has {len(tags)} tags for {n} tokens")
        if columns is not None:
            if col not in columns:
                out.append(f"{where}: {col} is not a column of labels.json")
            else:
                allowed = set(columns[col]["tags"])
                bad = sorted({t for t in tags if t not in allowed})
                if bad:
                    out.append(f"{where}: {col}: tags {', '.join(bad)} are not listed in labels.json")
        prev = "O"
        for i, t in enumerate(tags):
            if t.startswith("I-") and prev[2:] != t[2:]:
                out.append(f"{where}: {col}: token {i} is {t} after {prev} (an I- tag must continue its B-)")
                break
            prev = t
    if columns is not None:
        missing = [c for c in columns if c not in row]
        if missing:
            out.append(f"{where}: missing column {', '.join(missing)}")
    return out


def _each(path: Path, items, schema_errors, check) -> Iterator[str]:
    """Schema problems of each item, else its own check's, up to LIMIT in all."""
    problems = 0
    for where, obj, _ in items:
        if too_deep(obj):  # the limit every reader applies; checks below would recurse
            errs = [f"{where}: nested deeper than {MAX_DEPTH} levels"]
        else:
            errs = schema_errors(obj, where) or check(obj, where)
        for e in errs:
            yield e
            problems += 1
        if problems >= LIMIT:
            yield f"{path}: stopped after {LIMIT} problems"
            return


def _jsonl(path: Path, fmt: str, check) -> Iterator[str]:
    validator = schema_validator(f"{fmt}.schema.json")
    return _each(path, iter_jsonl_objects(path), lambda obj, where: _schema_errors(validator, obj, where), check)


def _label_studio(path: Path) -> Iterator[str]:
    validator = schema_validator("label-studio.schema.json")
    return _each(path, iter_json_array(path),
                 lambda task, where: _schema_errors(validator, [task], where, strip_index=True), check_label_studio)


def _hf_bio(path: Path) -> Iterator[str]:
    side = path.parent / "labels.json"
    columns = None
    if side.exists():
        try:
            columns = json.loads(side.read_text(encoding="utf-8"))["columns"]
        except (ValueError, KeyError, TypeError) as exc:
            yield f"{side}: not a labels.json of an hf-bio export ({exc})"
    yield from _jsonl(path, "hf-bio", lambda row, where: check_hf_bio(row, where, columns))


def _brat(path: Path, scheme) -> Iterator[str]:
    scheme = scheme or default_scheme()

    if path.is_file():
        anns = [path]
    else:
        index = path / "documents.jsonl"
        if index.exists():
            validator = schema_validator("brat-documents.schema.json")
            for where, obj, _ in iter_jsonl_objects(index):
                yield from _schema_errors(validator, obj, where)
            anns = [stem.with_suffix(".ann") for stem, _ in index_entries(index, path)]
        else:
            anns = sorted(path.rglob("*.ann"))
            if not anns:
                yield f"{path}: no .ann files (and no documents.jsonl)"
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            yield f"{ann}: no matching {txt.name}"
            continue
        if not ann.exists():
            yield f"{ann}: missing (listed in documents.jsonl)"
            continue
        try:
            text, raw = read_text(txt)
            parse_ann(ann, text, raw, "check", scheme, "auto")
        except AnnotatorError as exc:
            yield str(exc)


def validate_file(path, fmt: str, scheme=None) -> Iterator[str]:
    path = Path(path)
    if not path.exists():
        yield f"{path}: no such file or folder"
        return
    try:
        if fmt == "prodigy":
            yield from _jsonl(path, fmt, check_prodigy)
        elif fmt == "doccano":
            yield from _jsonl(path, fmt, check_doccano)
        elif fmt == "label-studio":
            yield from _label_studio(path)
        elif fmt == "hf-bio":
            yield from _hf_bio(path)
        elif fmt == "brat":
            yield from _brat(path, scheme)
        else:
            yield f"{path}: unknown format {fmt!r} (known: native, prodigy, doccano, label-studio, brat, hf-bio)"
    except ImportFailed as exc:
        yield str(exc)
    except OSError as exc:
        yield f"{path}: cannot read: {exc.strerror}"
    except UNEXPECTED as exc:  # the same one line as `import` gives
        yield f"{path}: cannot check: {describe_failure(exc)}"
