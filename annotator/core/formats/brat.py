"""brat standoff: a folder of .txt + .ann pairs, one pair per (document, annotator).

Layout written by the export (brat reads annotation.conf and visual.conf from the folder
or any parent, so every subfolder shows with our labels and colours):

    OUT/annotation.conf, OUT/visual.conf
    OUT/documents.jsonl       one line per pair: {"file", "id", "annotator", "meta", "status"}
    OUT/<annotator>/<name>.txt + .ann   (documents nobody annotated: OUT/_unannotated/)

<name> is the document id with characters that are unsafe in file names replaced by "_"
(and "~2", "~3" ... added on a clash, also one of case only, counted in document order
over the whole project: a document's name does not depend on the filter); documents.jsonl
keeps the real id.

.ann lines:
    T1<TAB>LABEL START END<TAB>text            a span (code points of the .txt as brat reads it)
    T2<TAB>LABEL 0 12;13 20<TAB>text text     a span across a line break: brat's fragments,
                                               one per line; text joined by one space
    A1<TAB>attr T1 value                       choice/boolean attributes (declared in annotation.conf)
    #1<TAB>AnnotatorNotes T1<TAB>value=2021-12-09   free-text attributes (brat attributes take
                                               only declared values) and status=suggested
    R1<TAB>source Arg1:T1 Arg2:T2              relations (Arg1 = from, Arg2 = to)

Line breaks: brat reads the .txt with universal newlines, so CRLF counts as ONE character
(brat #853). The export writes offsets that way; a span edge between CR and LF cannot be
written and is reported. The import reads the .txt, turns CRLF/CR into LF as every text
import does, and accepts offsets counted either way (brat's one-per-break, or two for CRLF
as other tools write), choosing per document the reading under which every T line's text
matches. A span that begins or ends with a line break loses that break in brat (fragments
hold no line breaks); the export reports each such span.

Import of fragments: fragments separated only by white space become one span; a truly
discontinuous span (text between fragments) becomes one span per fragment, each with the
T line's attributes and relations. N (normalization) and E (event) lines are refused with
their line number; AnnotatorNotes that are not "attribute=value" are comments and skipped.
"""

from __future__ import annotations

import os
import queue
import re
import threading
from bisect import bisect_left
from pathlib import Path
from stat import S_ISREG

import orjson

from annotator.core.errors import AnnotatorError, ImportFailed, SpanError
from annotator.core.formats import checks
from annotator.core.formats.common import (OffsetConverter, decode_plain_text, iter_jsonl_objects, merge_lines,
                                           refuse_outside, text_matches, units)
from annotator.core.formats.outputs import atomic_folder, cut_bytes
from annotator.core.formats.pool import document_count, encode_all
from annotator.core.formats.registry import FOLDER, QT_TRANSLATE_NOOP, Format
from annotator.core.native import parse_record
from annotator.core.scheme import default_scheme, schema_validator
from annotator.core.store.name_set import NameSet
from annotator.core.store.records import annotator_names, document_ids

NAME = "brat"
UNANNOTATED = "_unannotated"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


_RESERVED = {"annotation", "visual", "tools", "kb_shortcuts", "annotation.conf", "visual.conf",
             "tools.conf", "kb_shortcuts.conf", "documents.jsonl"}
MAX_NAME_BYTES = 150  # of a file or folder name before "~k" and ".ann": far below NAME_MAX (255 bytes)


def safe_name(name: str) -> str:
    s = _UNSAFE.sub("_", name).strip(" .")
    if s in ("", ".", ".."):
        s = "_"
    if s.lower() in _RESERVED or s == UNANNOTATED:
        s = "_" + s  # would shadow brat's configuration files, our index or our folder
    # Cut by bytes, not characters: file systems limit a name to 255 bytes, and an Arabic
    # letter takes two or three.
    return cut_bytes(s[:120], MAX_NAME_BYTES).rstrip(" .") or "_"


def annotation_conf(scheme) -> str:
    out = ["# Written by annotator: the labels, relations and attributes of this export.", "[entities]"]
    out += [l.name for l in scheme.labels]
    out += ["", "[relations]"]
    for r in scheme.relations:
        out.append(f"{r.name}\tArg1:{'|'.join(r.from_labels)}, Arg2:{'|'.join(r.to_labels)}")
    out.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    out += ["", "[events]", "", "[attributes]"]
    attrs: dict[str, tuple[list[str], list[str]]] = {}
    for owner in (*scheme.labels, *scheme.relations):
        for a in owner.attributes:
            declared = a.kind.brat_values(a)
            if declared is None:
                continue
            args, values = attrs.setdefault(a.name, ([], []))
            args.append(owner.name)
            for v in declared:
                if v not in values:
                    values.append(v)
    for name, (args, values) in attrs.items():
        out.append(f"{name}\tArg:{'|'.join(args)}, Value:{'|'.join(values)}")
    return "\n".join(out) + "\n"


def visual_conf(scheme) -> str:
    out = ["[labels]"]
    out += [f"{l.name} | {l.name}" for l in scheme.labels]
    out += [f"{r.name} | {r.name}" for r in scheme.relations]
    out += ["", "[drawing]", "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
            "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5"]
    out += [f"{l.name}\tbgColor:{l.colour}" for l in scheme.labels]
    return "\n".join(out) + "\n"


class _CrlfMap:
    """Code point in the stored text -> offset as brat counts it (each CRLF one character)."""

    def __init__(self, text: str):
        self.pairs = [m.start() for m in re.finditer("\r\n", text)]

    def __call__(self, cp: int) -> int | None:
        if not self.pairs:
            return cp
        i = bisect_left(self.pairs, cp - 1)  # pairs wholly before cp
        if i < len(self.pairs) and self.pairs[i] == cp - 1:
            return None  # between CR and LF
        return cp - i


def _fragments(text: str, s: int, e: int) -> list[tuple[int, int]]:
    piece = text[s:e]
    if "\n" not in piece and "\r" not in piece:
        return [(s, e)] if piece else []
    return [(s + m.start(), s + m.end()) for m in _LINE.finditer(piece)]


_LINE = re.compile(r"[^\r\n]+")
_SPACE = re.compile(r"\s")
_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _write_file(path: str, data: bytes) -> None:
    """open(path, "wb").write(data) in three system calls: a brat export writes two files
    per document and annotator, and the buffered file object's own set-up cost as much."""
    fd = os.open(path, _FILE_FLAGS, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


class _Files:
    """Writes files on a second thread. Creating two files per document and annotator is
    kernel time (ext4's inode allocation alone can take 100 us a file after mass deletes);
    it runs in a system call that releases the GIL, so it overlaps the building of the next
    files. Bounded queue: memory stays flat. The first OSError is raised in the caller."""

    def __init__(self, depth: int = 256):
        self._queue: queue.Queue = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="brat-files", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                if self._error is None:  # after an error, drain without writing so put() never blocks
                    try:
                        _write_file(*item)
                    except BaseException as exc:  # handed to the caller's thread
                        self._error = exc
            finally:
                self._queue.task_done()

    def put(self, path: str, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put((path, data))

    def flush(self) -> None:
        """Wait until every file put so far is written; raise the first error."""
        self._queue.join()
        if self._error is not None:
            raise self._error

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()


def _unique(names, used: NameSet) -> dict:
    """name -> safe file name, for those whose safe name is not safe_name(name): names that
    clash once made safe or cut, or differ only in case (Windows and macOS folders), get
    "~2", "~3" ... in the given order."""
    renamed: dict = {}
    for name in names:
        base = safe_name(str(name))
        candidate, k = base, 1
        while not used.add(candidate):  # taken: by an earlier name, or an earlier "~k"
            k += 1
            candidate = f"{base}~{k}"
        if candidate != base:
            renamed[name] = candidate
    return renamed


def file_names(project) -> dict:
    """Documents whose file name is not safe_name(id) (see _unique), counted in document
    order over the whole project, so a document's file keeps its name whatever the
    export's filter, and any process can write any document's files."""
    # The names taken so far are kept on disk, so memory stays flat however many documents there are.
    with NameSet() as used:
        return _unique(document_ids(project), used)


def folder_names(project) -> dict:
    """Annotator -> folder, for every annotator of the project (in name order): two
    annotators never share a folder ("mona:1" and "mona_1" would both be "mona_1")."""
    names = annotator_names(project)
    with NameSet(on_disk=False) as used:
        renamed = _unique(names, used)
    # UNANNOTATED is never a safe name (safe_name prefixes it), so it stays free.
    return {n: renamed.get(n) or safe_name(n) for n in names}


class _Encoder:
    """encode(rec, report) writes a document's .txt and .ann files (one pair per annotator)
    and returns its documents.jsonl lines. Runs in the main process or in a worker
    (annotator.core.formats.pool); flush() after a batch waits for its files."""

    def __init__(self, root: str, renamed: dict, scheme, folders: dict | None = None):
        self.base_dir = os.path.join(root, "")
        self.renamed = renamed
        self.folder_of = folders or {}
        self.scheme = scheme
        self.folders: set[str] = set()
        self.text_attrs: dict = {}
        self.files: _Files | None = None

    def __call__(self, rec: dict, report) -> bytes:
        if self.files is None:
            self.files = _Files()
        files = self.files
        name = self.renamed.get(rec["id"]) or safe_name(str(rec["id"]))
        text = rec["text"]
        raw = text.encode("utf-8", "surrogatepass")
        to_brat = _CrlfMap(text)
        out = []
        for unit in units(rec, report, NAME):
            folder = UNANNOTATED if unit.annotator is None else self._folder(unit.annotator)
            if folder not in self.folders:
                os.makedirs(self.base_dir + folder, exist_ok=True)
                self.folders.add(folder)
            rel = f"{folder}/{name}"
            files.put(f"{self.base_dir}{rel}.txt", raw)
            lines = _ann_lines(rec, unit, text, to_brat, self.scheme, report, self.text_attrs)
            files.put(f"{self.base_dir}{rel}.ann", "".join(lines).encode("utf-8", "surrogatepass"))
            out.append(orjson.dumps({"file": rel, "id": rec["id"], "annotator": unit.annotator,
                                     "meta": rec["meta"], "status": unit.state}, option=orjson.OPT_APPEND_NEWLINE))
        return out[0] if len(out) == 1 else b"".join(out)

    def _folder(self, annotator: str) -> str:
        folder = self.folder_of.get(annotator)
        if folder is None:  # not in the project's list of annotators: a name no other can take
            folder = self.folder_of[annotator] = f"{safe_name(annotator)}~{_hex(annotator)}"
        return folder

    def flush(self) -> None:
        if self.files is not None:
            self.files.flush()

    def close(self) -> None:
        if self.files is not None:
            self.files.close()
            self.files = None


def _hex(name: str) -> str:
    import hashlib

    return hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def encoder(root: str, renamed: dict, scheme, folders: dict | None = None) -> _Encoder:
    return _Encoder(root, renamed, scheme, folders)


def write(project, records, output: str, report):
    if output == "-":
        raise ImportFailed("brat writes a folder of files: give a folder with -o, not '-'")
    # Built beside the target and swapped in when complete: a failed, cancelled or killed
    # export leaves the previous folder as it was, never a mix or a cut documents.jsonl.
    with atomic_folder(output) as root:
        write_into(project, records, root, report)
    report.files.append(output)
    return report


def write_into(project, records, root: Path, report) -> None:
    """Write the export into the folder `root` (which exists)."""
    scheme = project.scheme
    (root / "annotation.conf").write_text(annotation_conf(scheme), encoding="utf-8")
    (root / "visual.conf").write_text(visual_conf(scheme), encoding="utf-8")
    # Building and creating the files is the work; on a spare core it runs in worker processes.
    with open(root / "documents.jsonl", "wb") as index:
        for data in encode_all(records, f"{__name__}:encoder",
                               (os.path.abspath(root), file_names(project), scheme, folder_names(project)),
                               report, document_count(project)):
            index.write(data)


def _text_attributes(scheme, label: str, is_rel: bool) -> frozenset[str]:
    """Names of the free-text attributes of a label or relation type (none if unknown)."""
    try:
        owner = scheme.relation(label) if is_rel else scheme.label(label)
    except SpanError:
        return frozenset()
    first: dict[str, object] = {}
    for a in owner.attributes:
        first.setdefault(a.name, a)
    return frozenset(n for n, a in first.items() if a.kind.brat_values(a) is None)


def _ann_lines(rec, unit, text, to_brat, scheme, report, text_attrs: dict | None = None) -> list[str]:
    lines = []
    tid = {}
    n_attr = n_note = 0
    where = f"{NAME}: document {rec['id']}"
    if text_attrs is None:
        text_attrs = {}

    def attr_lines(target: str, owner_label: str, attrs: dict, is_rel: bool) -> None:
        nonlocal n_attr, n_note
        free = text_attrs.get((owner_label, is_rel))
        if free is None:
            free = text_attrs[owner_label, is_rel] = _text_attributes(scheme, owner_label, is_rel)
        for k, v in attrs.items():
            if k in free or isinstance(v, str) and _SPACE.search(v):
                if isinstance(v, str) and ("\n" in v or "\t" in v or "\r" in v):
                    report.problems.append(f"{where}: {target} attribute {k} holds a line break or tab; "
                                           "brat notes cannot carry it; not exported")
                    continue
                n_note += 1
                lines.append(f"#{n_note}\tAnnotatorNotes {target}\t{k}={v}\n")
            else:
                n_attr += 1
                value = ("true" if v else "false") if isinstance(v, bool) else v
                lines.append(f"A{n_attr}\t{k} {target} {value}\n")

    crlf = bool(to_brat.pairs)
    for i, s in enumerate(unit.spans, 1):
        start, end, label = s["start"], s["end"], s["label"]
        frags = _fragments(text, start, end)
        if not frags:
            report.problems.append(f"{where}: span {start}..{end} ({label}) is only line breaks; "
                                   "brat cannot show it; not exported")
            continue
        if frags[0][0] != start or frags[-1][1] != end:
            report.problems.append(f"{where}: span {start}..{end} ({label}) begins or ends with a "
                                   "line break, which brat fragments cannot hold; exported without it")
        if crlf:
            pos = []
            for a, b in frags:
                ba, bb = to_brat(a), to_brat(b)
                if ba is None or bb is None:
                    break
                pos.append(f"{ba} {bb}")
            if len(pos) != len(frags):
                report.problems.append(f"{where}: span {start}..{end} ({label}) has an edge between CR "
                                       "and LF, which brat cannot count; not exported")
                continue
        else:
            pos = [f"{a} {b}" for a, b in frags]
        t = f"T{i}"
        tid[s["id"]] = t
        shown = text[start:end] if len(frags) == 1 and frags[0] == (start, end) else " ".join(
            text[a:b] for a, b in frags)
        lines.append(f"{t}\t{label} {';'.join(pos)}\t{shown}\n")
        if s["attrs"]:
            attr_lines(t, label, s["attrs"], False)
        if s["status"] != "accepted":
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes {t}\tstatus={s['status']}\n")
    for j, r in enumerate(unit.relations, 1):
        if r["from"] not in tid or r["to"] not in tid:
            report.problems.append(f"{where}: relation {r['id']} ({r['label']}) links a span that was not exported")
            continue
        rid = f"R{j}"
        lines.append(f"{rid}\t{r['label']} Arg1:{tid[r['from']]} Arg2:{tid[r['to']]}\n")
        attrs = r.get("attrs")
        if attrs:
            attr_lines(rid, r["label"], attrs, True)
        if r["status"] != "accepted":
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes {rid}\tstatus={r['status']}\n")
    return lines


# ----- import -----------------------------------------------------------------------------------
_T = re.compile(r"^T\S*\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$", re.S)
_HUGE = re.compile(r"\d{16,}")  # no text has 10**15 characters; int() of 5,000 digits raises
_R = re.compile(r"^R\S*\t(\S+) Arg1:(\S+) Arg2:(\S+)\s*$")
_A = re.compile(r"^[AM]\S*\t(\S+) (\S+)(?: (.+))?$")
_NOTE = re.compile(r"^#\S*\t(\S+) (\S+)\t(.*)$", re.S)


def read_text(path: Path) -> tuple[str, str]:
    """(stored text with LF line breaks, text as read byte for byte)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read: {exc.strerror}") from None
    s = decode_plain_text(raw, str(path))
    return s.replace("\r\n", "\n").replace("\r", "\n"), s


def parse_ann(ann_path: Path, text: str, raw_text: str, annotator: str, scheme, mode: str) -> tuple[list, list, dict]:
    """Spans and relations (native-shaped) of one .ann file against its stored text."""
    try:
        content = ann_path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ImportFailed(f"{ann_path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"{ann_path}: not UTF-8 (bad byte at offset {exc.start})") from None
    if content.startswith("\ufeff"):
        content = content[1:]
    tlines, rlines, alines, notes = [], [], [], []
    ann_name = str(ann_path)
    for lineno, line in enumerate(content.split("\n"), 1):
        line = line.rstrip("\r")
        where = f"{ann_name}:{lineno}"
        if not line.strip():
            continue
        kind = line[0]
        if kind == "T":
            m = _T.match(line)
            if not m:
                raise SpanError(f"{where}: bad T line (want T1<TAB>LABEL START END<TAB>text): {line[:80]!r}")
            if _HUGE.search(m.group(2)):
                raise SpanError(f"{where}: offset {_HUGE.search(m.group(2)).group()[:20]}... is too large")
            offs = m.group(2)
            if ";" in offs:
                frags = [tuple(int(x) for x in f.split(" ")) for f in offs.split(";")]
            else:  # one fragment, most T lines: the regex gave exactly "digits digits"
                a, b = offs.split(" ")
                frags = [(int(a), int(b))]
            tlines.append((where, line.split("\t", 1)[0], m.group(1), frags, m.group(3)))
        elif kind == "R":
            m = _R.match(line)
            if not m:
                raise SpanError(f"{where}: bad R line (want R1<TAB>TYPE Arg1:T1 Arg2:T2): {line[:80]!r}")
            rlines.append((where, line.split("\t", 1)[0], m.group(1), m.group(2), m.group(3)))
        elif kind in "AM":
            m = _A.match(line)
            if not m:
                raise SpanError(f"{where}: bad attribute line (want A1<TAB>NAME T1 [VALUE]): {line[:80]!r}")
            alines.append((where, m.group(1), m.group(2), m.group(3)))
        elif kind == "#":
            m = _NOTE.match(line)
            if not m:
                raise SpanError(f"{where}: bad note line (want #1<TAB>AnnotatorNotes T1<TAB>note): {line[:80]!r}")
            notes.append((where, m.group(2), m.group(3)))
        elif kind in "EN*":
            what = {"E": "events", "N": "normalizations", "*": "equivalence sets"}[kind]
            raise SpanError(f"{where}: brat {what} are not supported (no place for them in a span annotation)")
        else:
            raise SpanError(f"{where}: unknown brat line type {kind!r}")

    # How were line breaks counted? Only matters when the file on disk has CRLF.
    interp = "lf"
    if "\r\n" in raw_text and mode in ("auto", "codepoints"):
        def fits(kind):
            for _, _, _, frags, shown in tlines:
                pieces = []
                for a, b in frags:
                    sa, sb = (a, b) if kind == "lf" else (_raw_to_lf(raw_text, a), _raw_to_lf(raw_text, b))
                    if sa is None or sb is None or not 0 <= sa < sb <= len(text):
                        return False
                    pieces.append(text[sa:sb])
                if not text_matches(" ".join(pieces), shown):
                    return False
            return True

        interp = "lf" if fits("lf") else ("raw" if fits("raw") else "lf")
    conv = OffsetConverter(text, mode if mode in ("utf16", "graphemes") else "codepoints")
    chosen = conv.choose([])

    spans, ids = [], {}
    for where, tid, label, frags, shown in tlines:
        cps = []
        for a, b in frags:
            if interp == "raw":
                a, b = _raw_to_lf(raw_text, a), _raw_to_lf(raw_text, b)
                if a is None or b is None:
                    raise SpanError(f"{where}: offset falls between CR and LF")
            try:
                a, b = conv.convert(a, b, chosen)
            except ValueError as exc:
                raise SpanError(f"{where}: offsets counted as {chosen}: {exc}") from None
            if not 0 <= a < b <= len(text):
                raise SpanError(f"{where}: fragment {a}..{b} is outside the text (length {len(text)})")
            cps.append((a, b))
        cps.sort()
        got = " ".join(text[a:b] for a, b in cps)
        if not text_matches(got, shown):
            raise SpanError(f"{where}: T text {shown!r} does not match the document text {got!r}")
        if tid in ids:
            raise SpanError(f"{where}: id {tid} is used twice")
        pieces = [list(cps[0])]
        for a, b in cps[1:]:
            if text[pieces[-1][1]:a].strip() == "":
                pieces[-1][1] = max(pieces[-1][1], b)
            else:
                pieces.append([a, b])
        ids[tid] = []
        for k, (a, b) in enumerate(pieces):
            ref = tid if len(pieces) == 1 else f"{tid}.{k}"
            spans.append({"id": ref, "start": a, "end": b, "label": label, "text": text[a:b],
                          "annotator": annotator, "status": "accepted", "attrs": {}})
            ids[tid].append(spans[-1])
    rels, rel_ids = [], {}
    for where, rid, label, a, b in rlines:
        if a not in ids or b not in ids:
            raise SpanError(f"{where}: relation {rid} points at {a if a not in ids else b}, which is not a T line")
        group = []
        for sa in ids[a]:
            for sb in ids[b]:
                rels.append({"label": label, "from": sa["id"], "to": sb["id"], "annotator": annotator,
                             "status": "accepted"})
                group.append(rels[-1])
        rel_ids[rid] = group

    def targets(where, target):
        if target in ids:
            return ids[target], scheme.label(ids[target][0]["label"]) if scheme.has_label(ids[target][0]["label"]) else None
        if target in rel_ids:
            lab = rel_ids[target][0]["label"] if rel_ids[target] else None
            try:
                return rel_ids[target], scheme.relation(lab) if lab else None
            except SpanError:
                return rel_ids[target], None
        raise SpanError(f"{where}: {target} is not a T or R line of this file")

    for where, name, target, value in alines:
        objs, owner = targets(where, target)
        attr = owner.attribute(name) if owner is not None and hasattr(owner, "attribute") else (
            next((x for x in owner.attributes if x.name == name), None) if owner is not None else None)
        if attr is None:
            raise SpanError(f"{where}: {owner.name if owner else target} has no attribute {name!r}")
        v = attr.kind.from_brat(value)
        for o in objs:
            o.setdefault("attrs", {})[name] = v
    for where, target, note in notes:
        objs, owner = targets(where, target)
        key, sep, value = note.partition("=")
        if not sep:
            continue  # a free comment
        if key == "status" and value in ("accepted", "suggested", "rejected"):
            for o in objs:
                o["status"] = value
            continue
        attr = next((a for a in owner.attributes if a.name == key), None) if owner is not None else None
        if attr is not None:
            for o in objs:
                o.setdefault("attrs", {})[key] = attr.kind.parse(value)
    state = {}
    return spans, rels, state


def _to_raw(spans: list[dict], text: str, raw_text: str) -> str:
    """Move spans found in the LF form of a text onto its CRLF form; returns that form."""
    from_crlf, lf = [], 0
    for m in re.finditer("\r\n|\r|\n", raw_text):
        lf = m.start() - len(from_crlf)
        if m.group() == "\r\n":
            from_crlf.append(lf)  # where this break sits in the LF text
    for sp in spans:
        sp["start"] += bisect_left(from_crlf, sp["start"])
        sp["end"] += bisect_left(from_crlf, sp["end"])
        sp["text"] = raw_text[sp["start"]:sp["end"]]
    return raw_text


def _raw_to_lf(raw_text: str, off: int) -> int | None:
    """An offset counted with CRLF as two characters -> offset in the LF text."""
    if not 0 <= off <= len(raw_text):
        return None
    if off and raw_text[off - 1] == "\r" and off < len(raw_text) and raw_text[off] == "\n":
        return None
    return off - raw_text.count("\r\n", 0, off)


def read(path, scheme, annotator: str, offsets: str = "auto", **_):
    root = Path(path)
    if root.is_file() and root.suffix == ".ann":
        entries = [(root.with_suffix(""), {"id": root.stem})]
    elif root.is_dir():
        index = root / "documents.jsonl"
        if index.exists():
            entries = index_entries(index, root)
        else:
            anns = sorted(root.rglob("*.ann"))
            if not anns:
                raise ImportFailed(f"{root}: no .ann files in this folder")
            entries = ((p.with_suffix(""), {"id": p.relative_to(root).with_suffix("").as_posix()}) for p in anns)
    else:
        raise ImportFailed(f"{root}: give a brat folder or an .ann file")

    in_folder = _InFolder(root) if root.is_dir() else None

    def natives():
        for stem, entry in entries:
            txt, ann = stem.with_suffix(".txt"), stem.with_suffix(".ann")
            size = in_folder.plain_pair(txt, ann) if in_folder else None
            if size is None:  # a link, a missing file, or a single .ann: every check in full
                if not txt.exists():
                    raise ImportFailed(f"{ann}: no matching {txt.name}")
                has_ann = ann.exists()
                if in_folder:
                    for f in (txt, ann) if has_ann else (txt,):
                        refuse_outside(root, f)
                size = txt.stat().st_size + (ann.stat().st_size if has_ann else 0)
            else:
                has_ann = True
            text, raw_text = read_text(txt)
            who = entry.get("annotator") or annotator
            spans, rels, _ = (parse_ann(ann, text, raw_text, who, scheme, offsets) if has_ann else ([], [], {}))
            if "\r\n" in raw_text:
                # Store the text as the .txt holds it: a round trip must not change a document.
                text = _to_raw(spans, text, raw_text)
            status = {who: entry["status"]} if entry.get("status") else {}
            meta = entry.get("meta") if isinstance(entry.get("meta"), dict) else {}
            yield f"{ann}:1", {"id": entry.get("id"), "text": text, "meta": dict(meta), "status": status,
                               "spans": spans, "relations": rels}, size

    for where, obj, size in merge_lines(natives()):
        yield where, parse_record(obj, where, scheme, annotator), size


class _InFolder:
    """refuse_outside's answer for the common pair, at one lstat a file: a regular file (not
    a link) lies where its folder's real path says, and each folder is resolved once."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.dirs: dict[Path, bool] = {}

    def _inside(self, folder: Path) -> bool:
        ok = self.dirs.get(folder)
        if ok is None:
            real = folder.resolve()
            ok = self.dirs[folder] = real == self.root or self.root in real.parents
        return ok

    def plain_pair(self, txt: Path, ann: Path) -> int | None:
        """Bytes of both files when both are regular files in a folder inside the root; else
        None (the caller then checks them the long way, which names what is wrong)."""
        try:
            st_txt, st_ann = os.lstat(txt), os.lstat(ann)
        except OSError:
            return None
        if not (S_ISREG(st_txt.st_mode) and S_ISREG(st_ann.st_mode)) or not self._inside(txt.parent):
            return None
        return st_txt.st_size + st_ann.st_size


def index_entries(index: Path, root: Path):
    """(file stem, entry) for each line of a brat export's documents.jsonl."""
    for where, obj, _ in iter_jsonl_objects(index):
        if not isinstance(obj, dict) or not isinstance(obj.get("file"), str):
            raise ImportFailed(f"{where}: expected {{\"file\", \"id\", ...}}")
        rel = Path(obj["file"])
        if rel.is_absolute() or ".." in rel.parts:
            raise ImportFailed(f"{where}: file {obj['file']!r} must stay inside {root}")
        yield root / rel, obj


# ----- check (annotator validate) -----------------------------------------------------------------
def check(path, scheme=None):
    path = Path(path)
    scheme = scheme or default_scheme()

    if path.is_file():
        anns = [path]
    else:
        index = path / "documents.jsonl"
        if index.exists():
            validator = schema_validator("brat-documents.schema.json")
            for where, obj, _ in iter_jsonl_objects(index):
                yield from checks.schema_errors(validator, obj, where)
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


# ----- the format ------------------------------------------------------------------------------------
def sniff(sample) -> bool:
    return not sample.is_folder or any(sample.path.rglob("*.ann"))


FORMAT = Format(
    name=NAME, title=QT_TRANSLATE_NOOP("Formats", "brat standoff (a folder of .txt and .ann files)"), folder=True,
    reads=(".ann", FOLDER), offsets="code points, a line break counted once (or twice: CRLF)", write=write,
    write_into=write_into, read=read, check=check, sniff=sniff)
