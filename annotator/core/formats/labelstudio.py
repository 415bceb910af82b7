"""Label Studio JSON: an array of tasks, written one task per line as it streams.

Task: {"data": {"text", "doc_id"}, "meta": {...document meta},
       "annotations": [{"annotator", "ground_truth", "status"?, "result": [...]}],
       "predictions": [{"model_version", "result": [...]}]}  (predictions: suggested spans,
       only with --include-suggestions).
Result items: a region {"id", "from_name": "label", "to_name": "text", "type": "labels",
"value": {"start", "end", "text", "labels": [L]}}; per-region attributes as items with the
region's id, "from_name": "<LABEL>_<attr>" and type "choices" or "textarea"; relations
{"from_id", "to_id", "type": "relation", "direction": "right", "labels": [REL]}.

OFFSETS ARE UTF-16 CODE UNITS: Label Studio's Text tag measures JavaScript strings, so a
span after an emoji is one unit further per astral character than in Python (LS #1347,
#1008). The export converts; the import converts back (auto: per task, UTF-16 first, then
code points, then grapheme clusters, whichever makes every region's value.text match the
document; runs of white space in value.text are compared collapsed, LS #3078).

The labelling config for these tasks is written next to the file as <name>.label_config.xml.
The annotator's name travels in "annotator" (Label Studio keeps its own completed_by user).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

import orjson

from annotator.core.errors import SpanError
from annotator.core.formats import checks
from annotator.core.formats.common import (ModeVote, OffsetConverter, iter_json_array, open_output, sibling, text_matches,
                                           units)
from annotator.core.formats.outputs import write_small
from annotator.core.formats.pool import document_count, encode_all
from annotator.core.formats.registry import QT_TRANSLATE_NOOP, Format
from annotator.core.model import GOLD
from annotator.core.native import parse_record
from annotator.core.offsets import Utf16Map
from annotator.core.scheme import schema_validator

NAME = "label-studio"
CONFIG_SUFFIX = ".label_config.xml"


def control_name(label: str, attr: str) -> str:
    return f"{label}_{attr}"


def label_config(scheme) -> str:
    """A Label Studio labelling config matching the export (labels, relations, attributes)."""
    out = ['<View style="direction: rtl">', '  <Relations>']
    out += [f"    <Relation value={quoteattr(r.name)}/>" for r in scheme.relations]
    out += ['  </Relations>', '  <Labels name="label" toName="text">']
    out += [f"    <Label value={quoteattr(l.name)} background={quoteattr(l.colour)}/>" for l in scheme.labels]
    out += ['  </Labels>', '  <Text name="text" value="$text" granularity="symbol"/>']
    for l in scheme.labels:
        for a in l.attributes:
            cond = f'visibleWhen="region-selected" whenLabelValue={quoteattr(l.name)}'
            out += a.kind.ls_control(a, control_name(l.name, a.name), cond)
    out.append("</View>")
    return "\n".join(out) + "\n"


def _regions(spans, rels, text: str, u16: Utf16Map, scheme) -> list[dict]:
    result = []
    ids = {}
    for s in spans:
        rid = f"s{s['id']}"
        ids[s["id"]] = rid
        value = {"start": u16.to_utf16(s["start"]), "end": u16.to_utf16(s["end"]), "text": s["text"]}
        result.append({"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
                       "value": dict(value, labels=[s["label"]]), "origin": "manual"})
        label = scheme.label(s["label"]) if scheme.has_label(s["label"]) else None
        for k, v in s["attrs"].items():
            attr = label.attribute(k) if label else None
            typ, part = attr.kind.to_ls(v) if attr is not None else ("choices", {"choices": [v]})
            result.append({"id": rid, "from_name": control_name(s["label"], k), "to_name": "text",
                           "type": typ, "value": dict(value, **part)})
    for r in rels:
        result.append({"from_id": ids[r["from"]], "to_id": ids[r["to"]], "type": "relation", "direction": "right",
                       "labels": [r["label"]]})
    return result


def encoder(scheme):
    """encode(rec, report) -> b",\n" and the task (the writer drops the first comma)."""
    dumps = orjson.dumps

    def encode(rec: dict, report) -> bytes:
        text = rec["text"]
        u16 = Utf16Map(text)
        annotations, predictions = [], []
        for unit in units(rec, report, NAME):
            if unit.annotator is None:
                continue
            done = [s for s in unit.spans if s["status"] != "suggested"]
            sugg = [s for s in unit.spans if s["status"] == "suggested"]
            kept = {s["id"] for s in done}
            rels = [r for r in unit.relations if r["from"] in kept and r["to"] in kept]
            if done or unit.state or not sugg:
                a = {"annotator": unit.annotator, "ground_truth": unit.annotator == GOLD,
                     "result": _regions(done, rels, text, u16, scheme)}
                if unit.state:
                    a["status"] = unit.state
                annotations.append(a)
            if sugg:
                ks = {s["id"] for s in sugg}
                prel = [r for r in unit.relations if r["from"] in ks and r["to"] in ks]
                predictions.append({"model_version": unit.annotator,
                                    "result": _regions(sugg, prel, text, u16, scheme)})
            mixed = [r for r in unit.relations if (r["from"] in kept) != (r["to"] in kept)]
            for r in mixed:
                report.problems.append(
                    f"{NAME}: document {rec['id']}: relation {r['id']} links a suggested and a confirmed "
                    "span; Label Studio keeps predictions apart from annotations, so it is not exported")
        task = {"data": {"text": text, "doc_id": rec["id"]}, "meta": rec["meta"], "annotations": annotations}
        if predictions:
            task["predictions"] = predictions
        return b",\n" + dumps(task)

    return encode


def write(project, records, output: str, report):
    scheme = project.scheme
    with open_output(output) as fh:
        fh.write(b"[")
        first = True
        # Building the tasks is the work; on a spare core it runs in worker processes.
        for data in encode_all(records, f"{__name__}:encoder", (scheme,), report, document_count(project)):
            if first and data:
                data = data[1:]  # the first task has no comma before it
                first = False
            fh.write(data)
        fh.write(b"\n]\n")
    report.files.append(output)
    if output != "-":
        conf = sibling(output, CONFIG_SUFFIX)
        write_small(conf, label_config(scheme).encode("utf-8"))
        report.files.append(str(conf))
    return report


# ----- import -----------------------------------------------------------------------------------
def _text_of(data, where: str) -> str:
    if not isinstance(data, dict):
        raise SpanError(f"{where}: task \"data\" must be an object")
    if isinstance(data.get("text"), str):
        return data["text"]
    strings = [k for k, v in data.items() if isinstance(v, str) and k != "doc_id"]
    if len(strings) == 1:
        return data[strings[0]]
    raise SpanError(f"{where}: cannot tell which field of \"data\" is the text (no \"text\"; fields: {', '.join(data)})")


def _annotator_of(a: dict, default: str) -> str:
    name = a.get("annotator")
    if isinstance(name, str) and name:
        return name
    cb = a.get("completed_by")
    if isinstance(cb, dict):
        cb = cb.get("email") or cb.get("username") or cb.get("id")
    if cb is not None and cb != "":
        return f"{cb}" if isinstance(cb, str) else f"ls-user-{cb}"
    return default


def to_native(task, where: str, scheme, default_annotator: str, mode: str, vote=None) -> dict:
    if not isinstance(task, dict):
        raise SpanError(f"{where}: expected a task object, got {type(task).__name__}")
    data = task.get("data")
    text = _text_of(data, where)
    groups = []  # (annotator, status, result list, state)
    for key, status in (("annotations", "accepted"), ("predictions", "suggested")):
        items = task.get(key) or []
        if not isinstance(items, list):
            raise SpanError(f"{where}: {key} must be a list")
        for i, a in enumerate(items):
            aw = f"{where}: {key[:-1]} {i + 1}"
            if not isinstance(a, dict):
                raise SpanError(f"{aw}: expected an object")
            if a.get("was_cancelled"):
                continue
            if key == "annotations":
                ann = _annotator_of(a, default_annotator)
            else:
                mv = a.get("model_version")
                ann = mv if isinstance(mv, str) and mv else default_annotator
            result = a.get("result") or []
            if not isinstance(result, list):
                raise SpanError(f"{aw}: result must be a list")
            groups.append((aw, ann, status, result, a.get("status") if isinstance(a.get("status"), str) else None))
    conv = OffsetConverter(text, mode, ("utf16", "codepoints", "graphemes"), vote=vote)
    checks = []
    for _, _, _, result, _ in groups:
        for r in result:
            if isinstance(r, dict) and r.get("type") == "labels" and isinstance(r.get("value"), dict):
                v = r["value"]
                checks.append((v.get("start"), v.get("end"), v.get("text") if isinstance(v.get("text"), str) else None))
    chosen = conv.choose(checks)
    spans, rels, state = [], [], {}
    span_of: dict[str, dict] = {}  # region reference -> its span, for the attribute results
    for aw, ann, status, result, st in groups:
        if st:
            state[ann] = st
        regions = {}
        attrs_of: dict[str, dict] = {}
        for j, r in enumerate(result):
            if not isinstance(r, dict):
                raise SpanError(f"{aw}: result {j + 1}: expected an object")
            typ = r.get("type")
            if typ == "labels":
                v = r.get("value")
                if not isinstance(v, dict):
                    raise SpanError(f"{aw}: result {j + 1}: missing value")
                labels = v.get("labels")
                if not isinstance(labels, list) or len(labels) != 1:
                    raise SpanError(f"{aw}: result {j + 1}: a region must carry exactly one label, got {labels!r}")
                s, e = v.get("start"), v.get("end")
                if isinstance(s, bool) or isinstance(e, bool) or not isinstance(s, int) or not isinstance(e, int):
                    raise SpanError(f"{aw}: result {j + 1}: value.start/end must be integers (character offsets), got {s!r}, {e!r}")
                try:
                    cs, ce = conv.convert(s, e, chosen)
                except ValueError as exc:
                    raise SpanError(f"{aw}: result {j + 1}: offsets {s}..{e} counted as {chosen}: {exc}") from None
                given = v.get("text")
                if isinstance(given, str) and text[cs:ce] != given:
                    if not text_matches(text[cs:ce], given):
                        raise SpanError(f"{aw}: result {j + 1}: value.text {given!r} does not match the document text "
                                        f"{text[cs:ce]!r} at {s}..{e} ({chosen})")
                rid = r.get("id", f"r{j}")
                ref = f"{aw}/{rid}"
                if rid in regions:
                    raise SpanError(f"{aw}: result {j + 1}: region id {rid!r} is used twice")
                regions[rid] = ref
                span_of[ref] = {"id": ref, "start": cs, "end": ce, "label": labels[0], "annotator": ann,
                                "status": status, "attrs": attrs_of.setdefault(rid, {})}
                spans.append(span_of[ref])
        for j, r in enumerate(result):
            typ = r.get("type")
            if typ == "labels":
                continue
            if typ == "relation":
                a, b = r.get("from_id"), r.get("to_id")
                if a not in regions or b not in regions:
                    raise SpanError(f"{aw}: result {j + 1}: relation points at a region that is not in this annotation")
                if r.get("direction") == "left":
                    a, b = b, a
                labels = r.get("labels") or []
                label = labels[0] if labels else _only_relation(scheme, spans, regions[a], regions[b], f"{aw}: result {j + 1}")
                rels.append({"label": label, "from": regions[a], "to": regions[b], "annotator": ann,
                             "status": status})
            elif typ in ("choices", "textarea"):
                rid = r.get("id")
                if rid not in regions:
                    raise SpanError(f"{aw}: result {j + 1}: {typ} result is not attached to a region of this annotation "
                                    "(document-level answers have no span to carry them)")
                name = str(r.get("from_name", ""))
                span = span_of[regions[rid]]
                attr = name[len(span["label"]) + 1:] if name.startswith(span["label"] + "_") else name
                v = r.get("value") or {}
                vals = v.get("choices") if typ == "choices" else v.get("text")
                if not isinstance(vals, list) or len(vals) != 1:
                    raise SpanError(f"{aw}: result {j + 1}: expected one value in {typ}, got {vals!r}")
                value = vals[0]
                if scheme.has_label(span["label"]):
                    at = scheme.label(span["label"]).attribute(attr)
                    if at is not None:
                        value = at.kind.from_ls(value)
                attrs_of[rid][attr] = value
            else:
                raise SpanError(f"{aw}: result {j + 1}: result type {typ!r} is not a span, relation or region attribute")
    return {"id": data.get("doc_id", task.get("id")), "text": text,
            "meta": dict(task["meta"]) if isinstance(task.get("meta"), dict) else {},
            "status": state, "spans": spans, "relations": rels}


def _only_relation(scheme, spans, a, b, where):
    la = next(s["label"] for s in spans if s["id"] == a)
    lb = next(s["label"] for s in spans if s["id"] == b)
    fits = [r.name for r in scheme.relations if la in r.from_labels and lb in r.to_labels]
    if len(fits) != 1:
        raise SpanError(f"{where}: relation has no label and the scheme allows {len(fits)} types for {la} -> {lb}")
    return fits[0]


def read(path, scheme, annotator: str, offsets: str = "auto", **_):
    path = Path(path)
    vote = ModeVote()
    for where, task, size in iter_json_array(path):
        obj = to_native(task, where, scheme, annotator, offsets, vote=vote)
        # Region text was checked above (leniently for LS's collapsed spaces); parse_record
        # checks offsets, labels, attributes and relations.
        yield where, parse_record(obj, where, scheme, annotator), size


# ----- check (annotator validate) -----------------------------------------------------------------
def check_task(task: dict, where: str) -> list[str]:
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




def check(path, scheme=None):
    validator = schema_validator("label-studio.schema.json")
    return checks.each(path, iter_json_array(path),
                       lambda task, where: checks.schema_errors(validator, [task], where, strip_index=True), check_task)


# ----- the format ------------------------------------------------------------------------------------
def sniff(sample) -> bool:
    return sample.head.startswith(b"[")


def side_files(output: str) -> list[str]:
    return [str(sibling(output, CONFIG_SUFFIX))]


FORMAT = Format(
    name=NAME, title=QT_TRANSLATE_NOOP("Formats", "Label Studio JSON tasks"), extension=".json", reads=(".json",),
    offsets="UTF-16 code units", write=write, read=read, check=check, sniff=sniff, side_files=side_files)
