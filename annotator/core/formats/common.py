"""Pieces every format shares: per-annotator units, offset conversion with text checks,
the readers of plain text, folders, JSON Lines and JSON arrays (errors naming file, line and
byte), what hostile input may raise, and merging of per-annotator lines. The import driver
(annotator.core.importer) and `validate` read files through these too."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator

import orjson

from annotator.core.errors import ImportFailed
from annotator.core.native import parse_record
from annotator.core.offsets import (Utf16Map, grapheme_starts, grapheme_to_cp, graphemes_are_codepoints,
                                    has_astral)
from annotator.core.tokenize import segments

MODES = ("codepoints", "utf16", "graphemes")
MAX_TEXT_BYTES = 64 * 1024 * 1024  # one document (or JSONL line); larger is refused with this limit named


# ----- export side ---------------------------------------------------------------------------
@dataclass
class Unit:
    """One annotator's view of one document: what one line of a per-annotator format holds."""

    annotator: str | None
    spans: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    state: str | None = None


def units(rec: dict, report=None, fmt: str = "") -> list[Unit]:
    """Split a native record by annotator, in name order. A document nobody annotated (in the
    exported layers) is one unit with annotator None, so it still goes out as a negative example.

    A relation goes with the annotator of the spans it links. A relation between spans of two
    different annotators cannot live in one line; it is reported, never dropped silently.
    """
    by: dict[str, Unit] = {}

    def get(name: str) -> Unit:
        u = by.get(name)
        if u is None:
            u = by[name] = Unit(name)
        return u

    owner = {}
    for s in rec["spans"]:
        get(s["annotator"]).spans.append(s)
        owner[s["id"]] = s["annotator"]
    for r in rec["relations"]:
        a, b = owner.get(r["from"]), owner.get(r["to"])
        if a is None or b is None:
            continue
        if a != b:
            if report is not None:
                report.problems.append(
                    f"{fmt}: document {rec['id']}: relation {r['id']} ({r['label']}) links spans of {a} and {b}; "
                    f"one {fmt} line holds one annotator, so it is not exported")
            continue
        get(a).relations.append(r)
    for name, state in rec.get("status", {}).items():
        get(name).state = state
    if not by:
        return [Unit(None)]
    return [by[k] for k in sorted(by)]


def int_hash(*parts: str) -> int:
    """A stable signed 32-bit hash (Prodigy's _input_hash/_task_hash are such ints)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def sibling(output: str, suffix: str) -> Path:
    """A file next to `output` sharing its stem: out.json -> out<suffix>."""
    p = Path(output)
    return p.with_name(p.name[: -len(p.suffix)] + suffix if p.suffix else p.name + suffix)


@contextmanager
def open_output(output: str) -> Iterator[IO[bytes]]:
    """The file an export writes `output` through ("-": standard output).

    A file is written under a temporary name beside it and takes its name only once
    everything is written (annotator.core.formats.outputs): an export that fails or is
    cancelled leaves no truncated file that looks whole, and whatever was there before
    stays as it was.
    """
    if output == "-":
        out = sys.stdout.buffer
        yield out
        out.flush()
        return
    from annotator.core.formats.outputs import atomic_file

    with atomic_file(output) as fh:
        yield fh


# ----- import side: offsets -------------------------------------------------------------------
def _ws_fold(s: str) -> str:
    # Label Studio stores region text with runs of spaces collapsed (LS #3078).
    return re.sub(r"\s+", " ", s).strip()


def text_matches(doc_slice: str, given: str) -> bool:
    return doc_slice == given or _ws_fold(doc_slice) == _ws_fold(given)


class ModeVote:
    """One file's offset convention, learnt from its first documents: once SAMPLE documents
    in which the conventions differ have all chosen the same one, later documents are only
    checked against it (and choose for themselves if it does not fit them). A file whose
    documents disagree never settles: each keeps choosing on its own."""

    SAMPLE = 20

    def __init__(self):
        self.settled: str | None = None
        self._first: str | None = None
        self._agreeing = 0

    def record(self, chosen: str) -> None:
        if self.settled is not None or self._agreeing < 0:
            return
        if self._first is None:
            self._first = chosen
        if chosen != self._first:
            self._agreeing = -1  # mixed: never settle
            return
        self._agreeing += 1
        if self._agreeing >= self.SAMPLE:
            self.settled = chosen


class OffsetConverter:
    """Turns one document's foreign offsets into code points.

    `mode` is codepoints | utf16 | graphemes, or auto. For auto, every mode in `order` is
    tried for the whole document and the first one under which every span lies inside the
    text, is not empty, and (where the file gives the span's text) covers exactly that text,
    wins. Without any span text, auto keeps `order[0]` unless that puts span edges inside
    words where another mode puts them all on word edges (doccano's grapheme mode after
    harakat shows exactly that pattern).
    """

    def __init__(self, text: str, mode: str, order: tuple[str, ...] = MODES, vote: "ModeVote | None" = None):
        self.text = text
        self.mode = mode
        self.order = order
        self.vote = vote
        self._u16: Utf16Map | None = None
        self._g: list[int] | None = None
        self._same: bool | None = None

    def modes_agree(self) -> bool:
        """True when the text has no astral character and no multi-code-point cluster, so
        every mode reads the same numbers (most plain news text): nothing to choose."""
        if self._same is None:
            self._same = not has_astral(self.text) and graphemes_are_codepoints(self.text)
        return self._same

    def convert(self, start: int, end: int, mode: str) -> tuple[int, int]:
        if mode == "codepoints":
            return start, end
        if mode == "utf16":
            m = self._u16 or Utf16Map(self.text)
            self._u16 = m
            return m.from_utf16_strict(start), m.from_utf16_strict(end)
        if mode == "graphemes":
            if self._g is None and self.modes_agree():
                n = len(self.text)
                for g in (start, end):
                    if not 0 <= g <= n:
                        raise ValueError(f"grapheme offset {g} outside 0..{n}")
                return start, end
            g = self._g if self._g is not None else grapheme_starts(self.text)
            self._g = g
            return grapheme_to_cp(self.text, start, g), grapheme_to_cp(self.text, end, g)
        raise ValueError(f"unknown offset mode {mode!r}")

    def _fits(self, spans, mode: str) -> bool:
        n = len(self.text)
        for start, end, given in spans:
            if not isinstance(start, int) or not isinstance(end, int):
                return False
            try:
                s, e = self.convert(start, end, mode)
            except ValueError:
                return False
            if not (0 <= s < e <= n):
                return False
            if given is not None and not text_matches(self.text[s:e], given):
                return False
        return True

    def choose(self, spans) -> str:
        """The mode for this document. spans: (start, end, text or None) as the file gives
        them, or a function that lists them (called only when the modes can differ)."""
        if self.mode != "auto":
            return self.mode
        if self.modes_agree():
            # Every mode gives the same spans, so the first is as good as any.
            return self.order[0]
        if callable(spans):
            spans = spans()
        if not spans:
            return self.order[0]
        vote = self.vote
        if vote is not None and vote.settled is not None and self._fits(spans, vote.settled):
            return vote.settled  # the file's convention, and this document agrees with it
        chosen = self._choose(spans)
        if vote is not None:
            vote.record(chosen)
        return chosen

    def _choose(self, spans) -> str:
        if any(t is not None for _, _, t in spans):
            # The span texts decide: the first mode that fits them all.
            return next((m for m in self.order if self._fits(spans, m)), self.order[0])
        fitting = [m for m in self.order if self._fits(spans, m)]
        if not fitting:
            return self.order[0]  # the caller's checks then name the first bad span
        if len(fitting) == 1:
            return fitting[0]
        edges = set()
        for s, e, _ in segments(self.text):
            edges.add(s)
            edges.add(e)

        def score(mode):
            ok = 0
            for start, end, _ in spans:
                s, e = self.convert(start, end, mode)
                ok += (s in edges) + (e in edges)
            return ok

        scores = {m: score(m) for m in fitting}
        best = max(scores.values())
        return next(m for m in fitting if scores[m] == best)


# ----- import side: plain text, folders, JSON Lines ------------------------------------------------
def decode_plain_text(raw: bytes, where: str) -> str:
    """A plain-text file's characters: UTF-8 with the BOM removed, refused if it holds NUL."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"{where}: not UTF-8 (bad byte at offset {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise ImportFailed(f"{where}: contains a NUL byte at character {text.index(chr(0))}; not a text file")
    return text


def normalize_plain_text(raw: bytes, where: str) -> str:
    """Decode a plain-text file: UTF-8 (BOM removed), CRLF and CR to LF. Nothing else."""
    return decode_plain_text(raw, where).replace("\r\n", "\n").replace("\r", "\n")


def scan_folder(path: Path) -> tuple[list[Path], list[Path]]:
    """(the .txt files under a folder, every other file there), each sorted."""
    files, others = [], []
    for p in sorted(path.rglob("*")):
        if p.is_file():
            refuse_outside(path, p)
            (files if p.suffix.lower() == ".txt" else others).append(p)
    if not files:
        raise ImportFailed(f"{path}: folder holds no .txt files")
    return files, others


def refuse_outside(folder: Path, path: Path) -> None:
    """A file met while reading a folder must be in it: a link to a file elsewhere (another
    user's home, /etc) is never followed without being named on the command line."""
    real, root = path.resolve(), folder.resolve()
    if root not in real.parents:
        raise ImportFailed(f"{path}: a link to {real}, outside the folder {folder}; not followed "
                           "(copy the file into the folder, or give it by name)")


def iter_jsonl_objects(path: Path) -> Iterator[tuple[str, object, int]]:
    """(where, parsed JSON, bytes) for each non-blank line; errors name the line and byte."""
    offset = 0
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read: {exc.strerror}") from None
    with fh:
        for lineno, line in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            size = len(line)
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
                offset += 3
            if len(line) > MAX_TEXT_BYTES:
                raise ImportFailed(f"{where}: line of {len(line)} bytes is over the {MAX_TEXT_BYTES // (1024 * 1024)} MB limit")
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ImportFailed(f"{where}: not UTF-8 (bad byte at file offset {offset + exc.start})") from None
            offset += len(line)
            if not line.strip():
                continue
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise ImportFailed(f"{where}: invalid JSON at column {exc.colno}: {exc.msg}") from None
            yield where, obj, size


# What hostile input can raise in a reader that did not foresee it; `validate` catches the same.
UNEXPECTED = (RecursionError, MemoryError, ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)


def describe_failure(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, MemoryError):
        return "too large to load into memory"
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__



# ----- import side: reading -------------------------------------------------------------------
def iter_json_array(path: Path, chunk: int = 1 << 20) -> Iterator[tuple[str, object, int]]:
    """(where, element, bytes) for each element of a top-level JSON array, streaming.

    Also accepts a single object or JSON Lines. `where` is path:line of the element's start.
    """
    decoder = json.JSONDecoder()
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read: {exc.strerror}") from None
    with fh:
        raw = fh.read(chunk)
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        buf, pending = _decode_some(raw, path)
        line = 1  # the line buf[0] is on
        seen, seen_lines = 0, 0  # newlines in buf[:seen], so each is counted once

        def line_at(p: int) -> int:
            nonlocal seen, seen_lines
            if p < seen:
                return line + buf.count("\n", 0, p)
            seen_lines += buf.count("\n", seen, p)
            seen = p
            return line + seen_lines
        pos = 0
        eof = not raw
        state = "start"  # start -> (array | lines) ; in array: expect value or ','/']'

        def more() -> bool:
            nonlocal buf, pending, eof, pos, line, seen, seen_lines
            data = fh.read(chunk)
            if not data:
                eof = True
                if pending:
                    raise ImportFailed(f"{path}:{line}: not UTF-8 (truncated character at end of file)")
                return False
            text, pending = _decode_some(pending + data, path)
            line = line_at(pos)
            seen, seen_lines = 0, 0
            buf = buf[pos:] + text
            pos = 0
            return True

        def skip_ws():
            nonlocal pos
            while True:
                m = _WS.match(buf, pos)
                pos = m.end()
                if pos < len(buf) or not more():
                    return

        skip_ws()
        if pos >= len(buf):
            raise ImportFailed(f"{path}: empty file")
        if buf[pos] == "[":
            state = "array"
            pos += 1
        else:
            state = "lines"
        first = True
        while True:
            skip_ws()
            if pos >= len(buf):
                if state == "array":
                    raise ImportFailed(f"{path}:{line_at(pos)}: the JSON array is not closed (missing ']')")
                return
            if state == "array":
                if buf[pos] == "]":
                    pos += 1
                    skip_ws()
                    if pos < len(buf):
                        raise ImportFailed(f"{path}:{line_at(pos)}: text after the closing ']'")
                    return
                if not first:
                    if buf[pos] != ",":
                        raise ImportFailed(f"{path}:{line_at(pos)}: expected ',' or ']' between tasks")
                    pos += 1
                    skip_ws()
            while True:
                try:
                    obj, end = decoder.raw_decode(buf, pos)
                    if end >= len(buf) and not eof and isinstance(obj, (int, float)):
                        raise json.JSONDecodeError("number may continue", buf, end)
                    break
                except json.JSONDecodeError as exc:
                    if eof or not more():
                        where_line = line_at(exc.pos)
                        raise ImportFailed(f"{path}:{where_line}: invalid JSON: {exc.msg}") from None
            where = f"{path}:{line_at(pos)}"
            size = len(buf[pos:end].encode("utf-8", "surrogatepass"))
            pos = end
            first = False
            yield where, obj, size
            if pos > chunk:
                line = line_at(pos)
                seen, seen_lines = 0, 0
                buf = buf[pos:]
                pos = 0


_WS = re.compile(r"[ \t\r\n]*")


def _decode_some(data: bytes, path) -> tuple[str, bytes]:
    """Decode UTF-8, holding back an incomplete character at the end of a chunk."""
    try:
        return data.decode("utf-8"), b""
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            try:
                return data[: exc.start].decode("utf-8"), data[exc.start:]
            except UnicodeDecodeError as inner:
                exc = inner
        raise ImportFailed(f"{path}: not UTF-8 (bad byte near offset {exc.start} of a chunk)") from None


def merge_lines(items: Iterator[tuple[str, dict, int]]) -> Iterator[tuple[str, dict, int]]:
    """Join consecutive native-shaped dicts of the same document (one line per annotator in
    the per-annotator formats) into one: spans, relations and statuses of all annotators."""
    current = None
    cur_where = ""
    cur_size = 0
    for where, obj, size in items:
        if current is not None and obj["text"] == current["text"] and obj.get("id") == current.get("id"):
            _absorb(current, obj, where)
            cur_size += size
            continue
        if current is not None:
            yield cur_where, current, cur_size
        current, cur_where, cur_size = obj, where, size
    if current is not None:
        yield cur_where, current, cur_size


def _absorb(into: dict, obj: dict, where: str) -> None:
    taken = {s["id"] for s in into["spans"]}
    remap = {}
    for s in obj["spans"]:
        ref = s["id"]
        if ref in taken:
            new = f"{where}#{ref}"
            remap[ref] = new
            s = dict(s, id=new)
        taken.add(s["id"])
        into["spans"].append(s)
    for r in obj["relations"]:
        into["relations"].append(dict(r, **{"from": remap.get(r["from"], r["from"]), "to": remap.get(r["to"], r["to"])}))
    into["status"].update(obj.get("status", {}))
    for k, v in obj.get("meta", {}).items():
        into["meta"].setdefault(k, v)


def read_jsonl_with(to_native, path, scheme, annotator: str, offsets: str):
    """A JSONL format's reader: each line made native by `to_native`, lines of one document
    merged, then checked like a native record."""
    vote = ModeVote()

    def natives():
        for where, obj, size in iter_jsonl_objects(Path(path)):
            yield where, to_native(obj, where, annotator, offsets, vote=vote), size

    for where, obj, size in merge_lines(natives()):
        yield where, parse_record(obj, where, scheme, annotator), size
