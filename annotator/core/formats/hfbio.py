"""Token classification for Hugging Face `datasets`: JSONL rows plus labels.json.

Row (one per document and annotator): {"id", "annotator", "tokens": [...],
"tags_<group>": ["O", "B-QUOTE", "I-QUOTE", ...], ...}: one BIO column per label group.
White-space tokens are left out (they would all be "O"); tokens are split at span edges
exactly as for prodigy (annotator.core.tokenize), so every span starts on a B- tag.

Spans overlap (a QUOTE contains its SOURCE and DATE), and one BIO column can hold only
non-overlapping spans, so labels are grouped: labels whose spans overlap anywhere in the
project (any annotator) go to different groups; the rest share one (greedy, in scheme
order, so the grouping is the same for every file of one export, splits included).
Spans of one label that overlap each other (a quote nested in a quote) cannot share a
column either: the outermost (then the earliest) is kept and every other one is reported
in the export's problems by document and offsets, never dropped silently.

labels.json, next to the file: {"tokenizer", "columns": {"tags_quote": {"labels": [...],
"tags": ["O", "B-QUOTE", "I-QUOTE"]}}}: tag names per column, for ClassLabel features.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from itertools import compress, count
from operator import not_
from pathlib import Path

import orjson

from annotator.core.formats import checks
from annotator.core.formats.common import open_output, units
from annotator.core.formats.outputs import write_small
from annotator.core.formats.pool import document_count, encode_all
from annotator.core.formats.registry import QT_TRANSLATE_NOOP, Format
from annotator.core.store.records import overlapping_label_pairs, span_labels
from annotator.core.tokenize import VERSION, token_table

NAME = "hf-bio"
SIDECAR = "labels.json"


def label_groups(project) -> list[list[str]]:
    names = [l.name for l in project.scheme.labels]
    extra = [label for label in span_labels(project) if label not in names]
    clash = overlapping_label_pairs(project)
    groups: list[list[str]] = []
    for name in names + extra:
        for g in groups:
            if all((min(name, o), max(name, o)) not in clash for o in g):
                g.append(name)
                break
        else:
            groups.append([name])
    return groups


def column_name(group: list[str]) -> str:
    return "tags_" + "_".join(l.lower() for l in group)


def sidecar(groups: list[list[str]]) -> dict:
    return {"format": NAME, "tokenizer": VERSION,
            "columns": {column_name(g): {"labels": g, "tags": ["O"] + [f"{p}-{l}" for l in g for p in "BI"]}
                        for g in groups}}


def encoder(column_of: dict[str, str], columns: list[str]):
    """encode(rec, report) -> the bytes of one document's rows (one per annotator)."""
    begin: dict[str, str] = {}  # label -> "B-label"
    inside: dict[str, str] = {}
    dumps = orjson.dumps
    line_end = orjson.OPT_APPEND_NEWLINE

    def encode(rec: dict, report) -> bytes:
        text = rec["text"]
        tt = token_table(text, [(s["start"], s["end"]) for s in rec["spans"]])
        starts, ends, space = tt.starts, tt.ends, tt.space
        # Rows leave white-space tokens out: a token's row position is its index less the
        # white-space tokens before it (bisect over the few white-space indices).
        blanks = list(compress(count(), space))
        words = list(compress(tt.texts, map(not_, space))) if blanks else tt.texts
        n = len(words)
        tokens = orjson.Fragment(dumps(words))
        out = []
        for unit in units(rec, None, NAME):
            row = {"id": rec["id"], "annotator": unit.annotator, "tokens": tokens}
            tags = {c: ["O"] * n for c in columns}
            kept_end: dict[str, tuple[int, int, str]] = {}
            for s in sorted(unit.spans, key=lambda s: (s["start"], -s["end"], s["label"])):
                label = s["label"]
                col = column_of[label]
                prev = kept_end.get(col)
                if prev is not None and s["start"] < prev[1]:
                    report.problems.append(
                        f"{NAME}: document {rec['id']} ({unit.annotator}): span {s['start']}..{s['end']} "
                        f"{label} overlaps {prev[0]}..{prev[1]} {prev[2]} in column {col}; kept the outer one")
                    continue
                # Span edges are token edges (token_table split there).
                first, last = bisect_left(starts, s["start"]), bisect_left(ends, s["end"]) + 1
                if blanks:
                    first -= bisect_left(blanks, first)
                    last -= bisect_left(blanks, last)
                if last <= first:
                    report.problems.append(
                        f"{NAME}: document {rec['id']} ({unit.annotator}): span {s['start']}..{s['end']} "
                        f"{label} covers only white space, which has no token here; not exported")
                    continue
                kept_end[col] = (s["start"], s["end"], label)
                b = begin.get(label)
                if b is None:
                    b = begin[label] = "B-" + label
                    inside[label] = "I-" + label
                t = tags[col]
                t[first] = b
                if last - first > 1:
                    t[first + 1:last] = [inside[label]] * (last - first - 1)
            row.update(tags)
            out.append(dumps(row, option=line_end))
        return out[0] if len(out) == 1 else b"".join(out)

    return encode


def write(project, records, output: str, report):
    groups = label_groups(project)
    column_of = {l: column_name(g) for g in groups for l in g}
    columns = [column_name(g) for g in groups]
    # Tokenizing and serializing is the work; on a spare core it runs in worker processes.
    with open_output(output) as fh:
        for data in encode_all(records, f"{__name__}:encoder", (column_of, columns), report,
                               document_count(project)):
            fh.write(data)
    report.files.append(output)
    if output != "-":
        side = Path(output).parent / SIDECAR
        write_small(side, (json.dumps(sidecar(groups), ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        report.files.append(str(side))
    return report


# ----- check (annotator validate) -----------------------------------------------------------------
def check_row(row: dict, where: str, columns: dict | None) -> list[str]:
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


def check(path, scheme=None):
    side = Path(path).parent / SIDECAR
    columns = None
    if side.exists():
        try:
            columns = json.loads(side.read_text(encoding="utf-8"))["columns"]
        except (ValueError, KeyError, TypeError) as exc:
            yield f"{side}: not a labels.json of an hf-bio export ({exc})"
    yield from checks.jsonl(path, "hf-bio.schema.json", lambda row, where: check_row(row, where, columns))


# ----- the format ------------------------------------------------------------------------------------
def side_files(output: str) -> list[str]:
    return [str(Path(output).parent / SIDECAR)]


FORMAT = Format(
    name=NAME, title=QT_TRANSLATE_NOOP("Formats", "Hugging Face token classification (BIO tags, JSONL)"),
    extension=".jsonl", offsets="tokens (BIO tags)", write=write, check=check, side_files=side_files)
