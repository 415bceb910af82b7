"""doccano JSONL: one line per (document, annotator), as doccano's own per-user export.

Sequence labelling: {"id", "text", "label": [[start, end, "LABEL"], ...]}.
Relation variant:   {"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
                     "relations": [{"id", "from_id", "to_id", "type"}]}.
The export writes the relation variant when the project holds any relation (so every file of
one export, splits included, has the same shape), else the sequence variant. doccano keeps
other keys as metadata, so each line also carries "annotator", "meta" (document meta),
"status" (the annotator's document state) and "span_info" ({span key: {"attrs", "status"}}
for spans with attributes or suggested status; the key is the entity id, or the index in
"label") so that a round trip through our own reader loses nothing doccano cannot show.

Offsets are code points. doccano's grapheme_mode counts grapheme clusters: give
``--offsets graphemes``, or let auto-detection pick it (it does when code points put span
edges inside words and grapheme clusters put them on word edges).
"""

from __future__ import annotations


import orjson

from annotator.core.errors import SpanError
from annotator.core.formats import checks
from annotator.core.formats.common import OffsetConverter, open_output, read_jsonl_with, units
from annotator.core.formats.registry import QT_TRANSLATE_NOOP, Format
from annotator.core.store.records import has_relations

NAME = "doccano"


def write(project, records, output: str, report, variant: str | None = None):
    variant = variant or ("relations" if has_relations(project) else "sequence")
    dumps = orjson.dumps
    with open_output(output) as fh:
        for rec in records:
            for unit in units(rec, report, NAME):
                line = {"id": rec["id"], "text": rec["text"]}
                info = {}
                if variant == "relations":
                    line["entities"] = [{"id": s["id"], "label": s["label"], "start_offset": s["start"],
                                         "end_offset": s["end"]} for s in unit.spans]
                    line["relations"] = [{"id": r["id"], "from_id": r["from"], "to_id": r["to"], "type": r["label"]}
                                         for r in unit.relations]
                    keys = [str(s["id"]) for s in unit.spans]
                else:
                    line["label"] = [[s["start"], s["end"], s["label"]] for s in unit.spans]
                    keys = [str(i) for i in range(len(unit.spans))]
                for key, s in zip(keys, unit.spans):
                    extra = {}
                    if s["attrs"]:
                        extra["attrs"] = s["attrs"]
                    if s["status"] != "accepted":
                        extra["status"] = s["status"]
                    if extra:
                        info[key] = extra
                if unit.annotator is not None:
                    line["annotator"] = unit.annotator
                if rec["meta"]:
                    line["meta"] = rec["meta"]
                if unit.state:
                    line["status"] = unit.state
                if info:
                    line["span_info"] = info
                fh.write(dumps(line))
                fh.write(b"\n")
            report.documents += 1
    report.files.append(output)
    return report


# ----- import -----------------------------------------------------------------------------------
def to_native(obj, where: str, default_annotator: str, mode: str, vote=None) -> dict:
    if not isinstance(obj, dict):
        raise SpanError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise SpanError(f"{where}: missing \"text\" (a string)")
    ann = obj.get("annotator") or obj.get("user") or default_annotator
    if not isinstance(ann, str):
        ann = str(ann)
    info = obj.get("span_info") or {}
    if not isinstance(info, dict):
        raise SpanError(f"{where}: span_info must be an object")
    raw = []  # (key, start, end, label)
    rel_rows = []
    if "entities" in obj:
        ents = obj["entities"]
        if not isinstance(ents, list):
            raise SpanError(f"{where}: entities must be a list")
        for i, e in enumerate(ents):
            if not isinstance(e, dict):
                raise SpanError(f"{where}: entity {i + 1}: expected an object")
            raw.append((e.get("id", i), e.get("start_offset"), e.get("end_offset"), e.get("label")))
        rels = obj.get("relations") or []
        if not isinstance(rels, list):
            raise SpanError(f"{where}: relations must be a list")
        for i, r in enumerate(rels):
            if not isinstance(r, dict):
                raise SpanError(f"{where}: relation {i + 1}: expected an object")
            rel_rows.append({"label": r.get("type"), "from": r.get("from_id"), "to": r.get("to_id"),
                             "annotator": ann})
    else:
        labels = obj.get("label", obj.get("labels", []))
        if not isinstance(labels, list):
            raise SpanError(f"{where}: label must be a list of [start, end, \"LABEL\"]")
        for i, item in enumerate(labels):
            if not (isinstance(item, list) and len(item) == 3):
                raise SpanError(f"{where}: label {i + 1}: expected [start, end, \"LABEL\"], got {item!r} "
                                "(text classification labels are not spans)")
            raw.append((i, item[0], item[1], item[2]))
    wanted = mode
    if mode == "auto" and obj.get("grapheme_mode") is True:
        wanted = "graphemes"
    conv = OffsetConverter(text, wanted, ("codepoints", "graphemes", "utf16"), vote=vote)
    chosen = conv.choose([(s, e, None) for _, s, e, _ in raw])
    spans = []
    for i, (key, s, e, label) in enumerate(raw):
        sw = f"{where}: span {i + 1}"
        if isinstance(s, bool) or isinstance(e, bool) or not isinstance(s, int) or not isinstance(e, int):
            raise SpanError(f"{sw}: offsets must be integers, got {s!r}, {e!r}")
        try:
            cs, ce = conv.convert(s, e, chosen)
        except ValueError as exc:
            raise SpanError(f"{sw}: offsets {s}..{e} counted as {chosen}: {exc}") from None
        extra = info.get(str(key), {})
        spans.append({"id": key, "start": cs, "end": ce, "label": label, "annotator": ann,
                      "status": extra.get("status", "accepted"), "attrs": extra.get("attrs", {})})
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    status = {ann: obj["status"]} if isinstance(obj.get("status"), str) else {}
    return {"id": obj.get("id"), "text": text, "meta": dict(meta), "status": status, "spans": spans,
            "relations": rel_rows}


def read(path, scheme, annotator: str, offsets: str = "auto", **_):
    return read_jsonl_with(to_native, path, scheme, annotator, offsets)


# ----- check (annotator validate) -----------------------------------------------------------------
def check_record(obj: dict, where: str) -> list[str]:
    text = obj["text"]
    out = []
    items = [(e["start_offset"], e["end_offset"], e["id"]) for e in obj.get("entities", [])]
    items += [(s, e, i) for i, (s, e, _) in enumerate(obj.get("label", []))]
    ids = set()
    for s, e, ref in items:
        if not checks.offsets_ok(text, s, e):
            out.append(f"{where}: span {ref}: offsets {s}..{e} outside the text (length {len(text)})")
        ids.add(ref)
    for r in obj.get("relations", []):
        for side in ("from_id", "to_id"):
            if r[side] not in ids:
                out.append(f"{where}: relation {r['id']}: {side} {r[side]!r} is not an entity of this line")
    return out




def check(path, scheme=None):
    return checks.jsonl(path, "doccano.schema.json", check_record)


# ----- the format ------------------------------------------------------------------------------------
def sniff(sample) -> bool:
    first = sample.first_record
    return isinstance(first, dict) and "spans" not in first and (
        "entities" in first or isinstance(first.get("label"), list))


FORMAT = Format(
    name=NAME, title=QT_TRANSLATE_NOOP("Formats", "doccano JSONL"), extension=".jsonl", reads=(".jsonl", ".ndjson"),
    offsets="code points, or grapheme clusters (grapheme_mode)", write=write, read=read, check=check, sniff=sniff)
