"""`annotator suggest`: rule-based date and quote suggestions, into a project or file to file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import orjson

from annotator.core.native import parse_record
from annotator.core.scheme import default_scheme

from annotator.commands.common import TerminalProgress, open_project
from annotator.core.errors import AnnotatorError, SpanError
from annotator.core.suggest import DEFAULT_ANNOTATOR, KINDS, suggest_project, suggest_record

_JSONL = (".jsonl", ".ndjson", ".json")


def register(sub) -> None:
    p = sub.add_parser(
        "suggest", help="add rule-based suggestions (dates with values, quote attributions)",
        description="Suggest DATE spans with TIMEX3 values and QUOTE/SOURCE/CUE attributions. "
        "With a project: adds them to the annotator's layer as 'suggested' (spans it already has, "
        "in any status, are skipped). With a JSONL file and -o: reads native records (text, meta.dct) "
        "and writes each with the suggestions added, one line per input line.")
    p.add_argument("target", metavar="PROJECT_OR_JSONL")
    p.add_argument("-o", "--output", help="output JSONL ('-' for standard output); file-to-file mode")
    p.add_argument("--only", choices=KINDS, help="only dates or only quotes")
    p.add_argument("--annotator", default=DEFAULT_ANNOTATOR,
                   help=f"the layer the suggestions go to (default: {DEFAULT_ANNOTATOR})")
    p.add_argument("--doc", action="append", metavar="ID", help="only this document id (repeatable; projects)")
    p.set_defaults(run=run)


def run(args) -> int:
    target = Path(args.target)
    if args.output and _is_sqlite(target):
        raise AnnotatorError(f"{target}: is a project: suggestions go into it, so give no -o "
                             "(file to file works on native JSONL)")
    if args.output or target.suffix.lower() in _JSONL:
        if not args.output:
            raise AnnotatorError(f"{target}: give -o OUTPUT to write the suggested records")
        if args.doc:
            raise AnnotatorError("--doc works on projects only")
        n, spans, rels = suggest_file(target, args.output, args.only, args.annotator)
        print(f"suggested {spans} spans and {rels} relations in {n} records", file=sys.stderr
              if args.output == "-" else sys.stdout)
        return 0
    progress = TerminalProgress("suggesting")
    with open_project(args.target) as project:
        docs = None
        if args.doc:
            docs = [project.document(d).num for d in args.doc]
        report = suggest_project(project, args.annotator, args.only, docs, progress)
    progress.finish()
    for note in report.notes():
        print(note)
    print(report.summary())  # the last line, as scripts read it
    return 0


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _new_ids(existing: set, prefix: str):
    n = 0
    while True:
        n += 1
        ident = f"{prefix}{n}"
        if ident not in existing:
            yield ident


def suggest_file(src: Path, out: str, only: str | None, annotator: str) -> tuple[int, int, int]:
    """Native JSONL in, the same records with suggestions added out; written whole or not at all."""
    from annotator.core.dates_iso import check_dct

    if not src.exists():
        raise AnnotatorError(f"{src}: no such file")
    lines_out: list[bytes] = []
    n = n_spans = n_rels = 0
    try:
        fh = open(src, "rb")
    except OSError as exc:
        raise AnnotatorError(f"{src}: cannot open: {exc.strerror}") from None
    with fh:
        for lineno, raw in enumerate(fh, 1):
            where = f"{src}:{lineno}"
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                lines_out.append(b"")
                continue
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                raise AnnotatorError(f"{where}: invalid JSON: {exc}") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise AnnotatorError(f"{where}: expected a record with a \"text\" string")
            # The record's own spans must be sound before ours are added beside them.
            parse_record(obj, where, default_scheme(), annotator)
            meta = obj.get("meta") or {}
            if not isinstance(meta, dict):
                raise AnnotatorError(f"{where}: meta must be an object")
            dct = meta.get("dct")
            if dct is not None:
                try:
                    dct = check_dct(dct)
                except SpanError as exc:
                    raise AnnotatorError(f"{where}: {exc}") from None
            spans, rels = suggest_record(obj["text"], dct, only, annotator)
            old_spans = obj.get("spans") or []
            old_rels = obj.get("relations") or []
            if not isinstance(old_spans, list) or not isinstance(old_rels, list):
                raise AnnotatorError(f"{where}: spans and relations must be lists")
            have = {(s.get("start"), s.get("end"), s.get("label")): s.get("id") for s in old_spans
                    if isinstance(s, dict) and s.get("annotator") == annotator}
            span_ids = _new_ids({s.get("id") for s in old_spans if isinstance(s, dict)}, "sg")
            rel_ids = _new_ids({r.get("id") for r in old_rels if isinstance(r, dict)}, "sgr")
            idmap: dict[str, object] = {}
            there: dict[str, object] = {}
            added = []
            for s in spans:
                key = (s["start"], s["end"], s["label"])
                if key in have:
                    there[s["id"]] = have[key]  # already there: not suggested again, but may be linked to
                    continue
                new_id = next(span_ids)
                idmap[s["id"]] = new_id
                added.append(s | {"id": new_id})
            added_rels = []
            for r in rels:
                a = idmap.get(r["from"])
                b = idmap.get(r["to"], there.get(r["to"]))
                if a is None or b is None:
                    continue  # a quote that was there keeps the links its annotator gave it
                added_rels.append(r | {"id": next(rel_ids), "from": a, "to": b})
            obj["spans"] = old_spans + added
            obj["relations"] = old_rels + added_rels
            lines_out.append(orjson.dumps(obj))
            n += 1
            n_spans += len(added)
            n_rels += len(added_rels)
    data = b"\n".join(lines_out) + b"\n"
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return n, n_spans, n_rels
    out_path = Path(out)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".suggest-", dir=out_path.parent or ".")
        with os.fdopen(fd, "wb") as w:
            w.write(data)
        os.replace(tmp, out_path)
    except OSError as exc:
        raise AnnotatorError(f"{out_path}: cannot write: {exc.strerror}") from None
    return n, n_spans, n_rels
