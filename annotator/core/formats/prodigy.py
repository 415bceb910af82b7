"""Prodigy / spaCy JSONL: one line per (document, annotator).

Line: {"text", "meta": {"id", ...document meta}, "_input_hash", "_task_hash", "tokens":
[{"text", "start", "end", "id", "ws"}], "spans": [{"start", "end", "text", "label",
"token_start", "token_end"}] (token_end inclusive), "relations": [{"head", "child",
"head_span", "child_span", "label"}], "answer": "accept", "_annotator_id", "_view_id"}.

Tokens come from annotator.core.tokenize, split at span edges, so a spaCy Doc built from
words=[t.text], spaces=[t.ws] has the exact text and doc.char_span(start, end) finds every
span. A relation's head/child is the token_end of its span (Prodigy's convention); our
relation goes head = from, child = to. Extra keys Prodigy keeps and ignores: span "attrs"
and "status" (suggested), line "status" (the annotator's document state).

Import: answer accept -> spans accepted (or their "status"), reject -> spans rejected,
ignore -> the document without spans. Offsets are code points (Prodigy is Python); every
token's and span's text is checked against the document.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import count
from operator import eq, itemgetter

import orjson

from annotator.core.errors import SpanError
from annotator.core.formats import checks
from annotator.core.formats.common import OffsetConverter, int_hash, open_output, read_jsonl_with, units
from annotator.core.formats.pool import document_count, encode_all
from annotator.core.formats.registry import QT_TRANSLATE_NOOP, Format
from annotator.core.tokenize import token_table

NAME = "prodigy"


def token_rows(tt) -> list[dict]:
    return [{"text": t, "start": s, "end": e, "id": i, "ws": w}
            for i, t, s, e, w in zip(count(), tt.texts, tt.starts, tt.ends, tt.ws)]


# The "tokens" array is most of every line (~300 objects a document). Built as bytes from
# per-number pieces, it costs a third of a dict per token serialized by orjson, and comes
# out byte for byte the same (tests/test_tokenize.py checks it against orjson on any text).
_START: list[bytes] = []  # b'","start":N' at index N
_END: list[bytes] = []  # b',"end":N'
_ID: list[bytes] = []  # b',"id":N,"ws":'
# A dict: map(dict.__getitem__, flags) costs half of indexing a tuple (a slot wrapper),
# and answers both bools and the 0/1 of ws_flags.
_WS = {False: b'false},{"text":"', True: b'true},{"text":"'}
_TABLE_MAX = 1 << 17  # longer texts format their numbers directly; memory stays small
_SEP = b"\\u0000"  # how orjson writes the NUL that joins the token texts below


def _numbers(upto: int) -> None:
    n = len(_START)
    if upto >= n:
        top = max(upto + 1, 2 * n, 4096)
        _START.extend(b'","start":%d' % i for i in range(n, top))
        _END.extend(b',"end":%d' % i for i in range(n, top))
        _ID.extend(b',"id":%d,"ws":' % i for i in range(n, top))


def tokens_json(text: str, tt) -> bytes:
    """The "tokens" array of a line, as orjson.dumps(token_rows(tt)) writes it."""
    n = len(tt.texts)
    if not n:
        return b"[]"
    if tt.ends[-1] >= _TABLE_MAX or n >= _TABLE_MAX or "\x00" in text:
        # NUL joins the texts below. (A backslash cannot fake the joint: it is a token
        # of its own, so its two-character escape is never followed by "u0000" in a token.)
        return orjson.dumps(token_rows(tt))
    _numbers(max(tt.ends[-1], n))
    # Every token's text escaped and UTF-8 encoded by orjson in one call.
    texts = orjson.dumps("\x00".join(tt.texts))[1:-1].split(_SEP)
    parts = [None] * (5 * n)
    parts[0::5] = texts
    parts[1::5] = map(_START.__getitem__, tt.starts)
    parts[2::5] = map(_END.__getitem__, tt.ends)
    parts[3::5] = _ID[:n]
    parts[4::5] = map(_WS.__getitem__, tt.ws_flags)
    parts[-1] = parts[-1][: -len(b',{"text":"')]
    return b'[{"text":"' + b"".join(parts) + b"]"


def encoder():
    """encode(rec, report) -> the bytes of one document's lines (one per annotator)."""
    dumps = orjson.dumps
    line_end = orjson.OPT_APPEND_NEWLINE

    def encode(rec: dict, report) -> bytes:
        text = rec["text"]
        tt = token_table(text, [(s["start"], s["end"]) for s in rec["spans"]])
        starts, ends = tt.starts, tt.ends
        tokens = orjson.Fragment(tokens_json(text, tt))
        input_hash = int_hash(text)
        meta = dict(rec["meta"])
        meta["id"] = rec["id"]
        out = []
        for unit in units(rec, report, NAME):
            spans = []
            span_of = {}
            for s in unit.spans:
                # Every span edge is a token edge: token_table split the tokens there.
                row = {"start": s["start"], "end": s["end"], "text": s["text"], "label": s["label"],
                       "token_start": bisect_left(starts, s["start"]), "token_end": bisect_left(ends, s["end"])}
                if s["attrs"]:
                    row["attrs"] = s["attrs"]
                if s["status"] != "accepted":
                    row["status"] = s["status"]
                spans.append(row)
                span_of[s["id"]] = row
            rels = []
            for r in unit.relations:
                h, c = span_of[r["from"]], span_of[r["to"]]
                row = {"head": h["token_end"], "child": c["token_end"],
                       "head_span": {k: h[k] for k in ("start", "end", "token_start", "token_end", "label")},
                       "child_span": {k: c[k] for k in ("start", "end", "token_start", "token_end", "label")},
                       "label": r["label"]}
                if r.get("attrs"):
                    row["attrs"] = r["attrs"]
                if r["status"] != "accepted":
                    row["status"] = r["status"]
                rels.append(row)
            line = {"text": text, "meta": meta, "_input_hash": input_hash,
                    "_task_hash": int_hash(str(input_hash), unit.annotator or "",
                                           *(f"{s['start']}:{s['end']}:{s['label']}" for s in spans)),
                    "tokens": tokens, "spans": spans, "relations": rels, "answer": "accept",
                    "_view_id": "relations" if rels else "spans_manual"}
            if unit.annotator is not None:
                line["_annotator_id"] = unit.annotator
            if unit.state:
                line["status"] = unit.state
            out.append(dumps(line, option=line_end))
        return out[0] if len(out) == 1 else b"".join(out)

    return encode


def write(project, records, output: str, report):
    # Tokenizing and serializing is the work; on a spare core it runs in worker processes.
    with open_output(output) as fh:
        for data in encode_all(records, f"{__name__}:encoder", (), report, document_count(project)):
            fh.write(data)
    report.files.append(output)
    return report


# ----- import -----------------------------------------------------------------------------------
def _annotator(obj: dict, default: str) -> str:
    for key in ("_annotator_id", "_session_id"):
        v = obj.get(key)
        if isinstance(v, str) and v:
            return v
    v = obj.get("meta", {}).get("annotator") if isinstance(obj.get("meta"), dict) else None
    return v if isinstance(v, str) and v else default


def to_native(obj, where: str, default_annotator: str, mode: str, vote=None) -> dict:
    if not isinstance(obj, dict):
        raise SpanError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise SpanError(f"{where}: missing \"text\" (a string)")
    meta = obj.get("meta", {})
    if not isinstance(meta, dict):
        raise SpanError(f"{where}: meta must be an object")
    meta = dict(meta)
    doc_id = meta.pop("id", None)
    if doc_id is None:
        doc_id = obj.get("id")
    meta.pop("annotator", None)
    ann = _annotator(obj, default_annotator)
    answer = obj.get("answer", "accept")
    if answer not in ("accept", "reject", "ignore"):
        raise SpanError(f"{where}: answer must be accept, reject or ignore, got {answer!r}")
    raw_spans = obj.get("spans") or []
    raw_rels = obj.get("relations") or []
    if not isinstance(raw_spans, list) or not isinstance(raw_rels, list):
        raise SpanError(f"{where}: spans and relations must be lists")
    tokens = obj.get("tokens") or []
    if not isinstance(tokens, list):
        raise SpanError(f"{where}: tokens must be a list")
    conv = OffsetConverter(text, mode, ("codepoints", "utf16", "graphemes"), vote=vote)
    chosen = conv.choose(lambda: [(t.get("start"), t.get("end"), t.get("text")) for t in tokens if isinstance(t, dict)]
                         + [(s.get("start"), s.get("end"), s.get("text")) for s in raw_spans if isinstance(s, dict)])
    _check_tokens(tokens, text, conv, chosen, where)
    status = {}
    if isinstance(obj.get("status"), str):
        status[ann] = obj["status"]
    spans, rels = [], []
    key_of = {}
    if answer != "ignore":
        for i, sp in enumerate(raw_spans):
            sw = f"{where}: span {i + 1}"
            if not isinstance(sp, dict):
                raise SpanError(f"{sw}: expected an object")
            s, e = _conv(conv, sp.get("start"), sp.get("end"), chosen, sw)
            st = sp.get("status", "accepted") if answer == "accept" else "rejected"
            row = {"id": i, "start": s, "end": e, "label": sp.get("label"), "annotator": ann, "status": st,
                   "attrs": sp.get("attrs") or {}}
            if isinstance(sp.get("text"), str):
                row["text"] = sp["text"]  # parse_record refuses the line if it does not match
            spans.append(row)
            key_of.setdefault((sp.get("start"), sp.get("end"), sp.get("label")), i)
            key_of.setdefault((sp.get("start"), sp.get("end"), None), i)
        for i, r in enumerate(raw_rels):
            rw = f"{where}: relation {i + 1}"
            if not isinstance(r, dict):
                raise SpanError(f"{rw}: expected an object")
            ends = []
            for side in ("head_span", "child_span"):
                sp = r.get(side)
                if not isinstance(sp, dict):
                    raise SpanError(f"{rw}: missing {side}; token-to-token relations have no span to attach to")
                ref = key_of.get((sp.get("start"), sp.get("end"), sp.get("label")))
                if ref is None:
                    ref = key_of.get((sp.get("start"), sp.get("end"), None))
                if ref is None:
                    raise SpanError(f"{rw}: {side} {sp.get('start')}..{sp.get('end')} is not one of the line's spans")
                ends.append(ref)
            row = {"label": r.get("label"), "from": ends[0], "to": ends[1], "annotator": ann,
                   "status": r.get("status", "accepted") if answer == "accept" else "rejected"}
            if r.get("attrs"):
                row["attrs"] = r["attrs"]
            rels.append(row)
    return {"id": doc_id, "text": text, "meta": meta, "status": status, "spans": spans, "relations": rels}


def _check_tokens(tokens: list, text: str, conv: OffsetConverter, mode: str, where: str) -> None:
    """Every token lies on its own text. Hundreds per line, so the common case stays in one
    tight loop and the error message is built only for a token that fails."""
    same = mode == "codepoints"
    if same and _tokens_fit(tokens, text):
        return
    for i, t in enumerate(tokens):
        if type(t) is dict:
            s, e, tt = t.get("start"), t.get("end"), t.get("text")
            if type(s) is int and type(e) is int and type(tt) is str:
                if not same:
                    try:
                        s, e = conv.convert(s, e, mode)
                    except ValueError:
                        s = None
                if s is not None and text[s:e] == tt:
                    continue
        tw = f"{where}: token {i}"
        if not isinstance(t, dict) or not isinstance(t.get("text"), str):
            raise SpanError(f"{tw}: expected an object with \"text\", \"start\", \"end\"")
        s, e = _conv(conv, t.get("start"), t.get("end"), mode, tw)
        raise SpanError(f"{tw}: token text {t['text']!r} does not match the document text {text[s:e]!r} "
                        f"at {t.get('start')}..{t.get('end')} ({mode})")


_TOKEN_FIELDS = itemgetter("start", "end", "text")


def _tokens_fit(tokens: list, text: str) -> bool:
    """The check of _check_tokens for code points, with the per-token work in C (map over
    builtins): True when every token is an object whose int start/end cover its own str text.
    False when any is not; the caller's loop then finds and names it."""
    try:
        rows = list(map(_TOKEN_FIELDS, tokens))  # KeyError / TypeError: not all objects with the keys
    except (KeyError, TypeError, IndexError):
        return False
    if not rows:
        return True
    if not set(map(type, tokens)) <= {dict}:
        return False
    starts, ends, texts = zip(*rows)
    if not (set(map(type, starts)) | set(map(type, ends))) <= {int} or not set(map(type, texts)) <= {str}:
        return False  # type() is int also refuses True/False, as the loop does
    return all(map(eq, map(text.__getitem__, map(slice, starts, ends)), texts))


def _conv(conv: OffsetConverter, start, end, mode: str, where: str) -> tuple[int, int]:
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int):
        raise SpanError(f"{where}: offsets must be integers, got start={start!r} end={end!r}")
    try:
        return conv.convert(start, end, mode)
    except ValueError as exc:
        raise SpanError(f"{where}: offsets {start}..{end} counted as {mode}: {exc}") from None


def read(path, scheme, annotator: str, offsets: str = "auto", **_):
    return read_jsonl_with(to_native, path, scheme, annotator, offsets)


# ----- check (annotator validate) -----------------------------------------------------------------
def check_record(obj: dict, where: str) -> list[str]:
    text = obj["text"]
    out = []
    toks = obj.get("tokens", [])
    prev_end = 0
    for i, t in enumerate(toks):
        if t["id"] != i:
            out.append(f"{where}: token {i}: id {t['id']} should be {i}")
        if not checks.offsets_ok(text, t["start"], t["end"]) or t["start"] < prev_end:
            out.append(f"{where}: token {i}: offsets {t['start']}..{t['end']} overlap or leave the text")
        elif text[t["start"]:t["end"]] != t["text"]:
            out.append(f"{where}: token {i}: text {t['text']!r} is not the document text {text[t['start']:t['end']]!r}")
        prev_end = t["end"]
    for i, s in enumerate(obj.get("spans", [])):
        sw = f"{where}: span {i + 1}"
        if not checks.offsets_ok(text, s["start"], s["end"]):
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




def check(path, scheme=None):
    return checks.jsonl(path, "prodigy.schema.json", check_record)


# ----- the format ------------------------------------------------------------------------------------
def sniff(sample) -> bool:
    first = sample.first_record
    return isinstance(first, dict) and ("tokens" in first or "answer" in first)


FORMAT = Format(
    name=NAME, title=QT_TRANSLATE_NOOP("Formats", "Prodigy JSONL (spans and relations)"), extension=".jsonl",
    reads=(".jsonl", ".ndjson"), offsets="code points", write=write, read=read, check=check, sniff=sniff)
