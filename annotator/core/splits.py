"""Train/dev/test splits by document, deterministic for a seed, with near-duplicates together.

Grouping: each document's text is cut into paragraphs (at line breaks) and each paragraph
normalized: harakat, tatweel, punctuation and case removed, Arabic-Indic and Persian digits
read as Latin, white space collapsed. Paragraphs shorter than MIN_PARAGRAPH characters
after that (datelines, "—") are ignored; a document with none keeps its whole normalized
text as one paragraph. Two documents belong to the same group when they share at least
OVERLAP of the paragraphs of the smaller one: the same paragraph set, one article
duplicated inside another, or a copy with one paragraph edited. Groups are closed under
this (union-find), so a chain of copies stays together. A paragraph found in more than
BOILERPLATE documents is boilerplate (a sign-off) and links nothing.

Assignment: groups are ordered by a hash of (seed, the group's smallest text hash) and
cut into splits by cumulative document count, so proportions are as close as whole groups
allow, the same seed always gives the same files, and a group never straddles two splits.

Writing: one pass over the records spools each one (as native JSONL) to its split's
temporary file, then each split's file is written from its spool with the format's own
writer: memory holds one record plus a group number per document, never the texts.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.store.doc_texts import doc_texts

MIN_PARAGRAPH = 20
OVERLAP = 0.8
BOILERPLATE = 1000

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NONWORD = re.compile(r"[\W_]+")  # marks (harakat) are not \w, so they go too


def parse_spec(spec: str) -> list[tuple[str, float]]:
    parts = []
    for item in spec.split(","):
        name, sep, frac = item.strip().partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z0-9_-]+", name.strip()):
            raise AnnotatorError(f"--split {spec!r}: each part must be NAME=FRACTION, e.g. train=0.8,dev=0.1,test=0.1")
        try:
            f = float(frac)
        except ValueError:
            raise AnnotatorError(f"--split {spec!r}: {frac!r} is not a number") from None
        if not 0 < f <= 1:
            raise AnnotatorError(f"--split {spec!r}: fraction of {name} must be in (0, 1]")
        parts.append((name.strip(), f))
    names = [n for n, _ in parts]
    if len(set(names)) != len(names):
        raise AnnotatorError(f"--split {spec!r}: a split name is used twice")
    total = sum(f for _, f in parts)
    if abs(total - 1) > 1e-6:
        raise AnnotatorError(f"--split {spec!r}: fractions add up to {total:g}, not 1")
    return parts


def _h(*parts: str) -> int:
    return int.from_bytes(hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def normalize(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).translate(_DIGITS).casefold().replace("\u0640", "")
    return _NONWORD.sub(" ", t).strip()


def paragraph_keys(text: str) -> tuple[int, ...]:
    keys = []
    for para in text.split("\n"):
        n = normalize(para)
        if len(n) >= MIN_PARAGRAPH:
            keys.append(_h(n))
    if not keys:
        whole = normalize(text)
        keys.append(_h(whole) if whole else _h("\x00empty", text))
    return tuple(sorted(set(keys)))


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        p = self.parent
        while p[a] != a:
            p[a] = p[p[a]]
            a = p[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def assign(docs: list[tuple[str, tuple[int, ...], int]], parts: list[tuple[str, float]], seed: int) -> dict[str, int]:
    """docs: (doc id, paragraph keys, whole-text key). Returns doc id -> split index."""
    n = len(docs)
    uf = _Union(n)
    postings: dict[int, list[int]] = {}
    for i, (_, keys, _) in enumerate(docs):
        for k in keys:
            postings.setdefault(k, []).append(i)
    for i, (_, keys, _) in enumerate(docs):
        shared: Counter = Counter()
        for k in keys:
            post = postings[k]
            if len(post) > BOILERPLATE:
                continue
            for j in post:
                if j > i:
                    shared[j] += 1
        for j, c in shared.items():
            if c >= OVERLAP * min(len(keys), len(docs[j][1])):
                uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    order = sorted(groups.values(), key=lambda g: (_h(str(seed), str(min(docs[i][2] for i in g))), min(docs[i][2] for i in g)))
    bounds = []
    acc = 0.0
    for _, f in parts:
        acc += f * n
        bounds.append(acc)
    out: dict[str, int] = {}
    done = 0
    for g in order:
        mid = done + len(g) / 2
        k = next((j for j, b in enumerate(bounds) if mid < b), len(parts) - 1)
        for i in g:
            out[docs[i][0]] = k
        done += len(g)
    return out


def split_of_documents(project, parts, seed: int) -> dict[str, int]:
    docs = [(doc_id, paragraph_keys(text), _h(normalize(text) or text)) for _num, doc_id, text in doc_texts(project)]
    return assign(docs, parts, seed)


def split_output(output: str, name: str, folder: bool) -> str:
    p = Path(output)
    if folder:
        return str(p / name)
    if p.suffix:
        return str(p.with_name(f"{p.stem}.{name}{p.suffix}"))
    return str(p.with_name(f"{p.name}.{name}"))


def export_splits(project, records, output: str, fmt: str, split_spec: str, seed: int, report):
    """Write one file (or folder) per split, all of them or none: everything is built in a
    work folder beside the output and moved into place at the end (formats.outputs)."""
    from annotator.core.formats import FORMATS
    from annotator.core.formats.outputs import atomic_folder, commit_files, work_folder

    if output == "-":
        raise AnnotatorError("--split writes one file per split: give a file name with -o, not '-'")
    parts = parse_spec(split_spec)
    where = split_of_documents(project, parts, seed)
    if FORMATS[fmt].folder:
        with atomic_folder(output) as root:
            spools, counts = _spool(records, where, len(parts), root.parent / "spool")
            report.splits = {}
            for i, (name, _) in enumerate(parts):
                (root / name).mkdir()
                FORMATS[fmt].write_into(project, _replay(spools[i]), root / name, report)
                report.files.append(split_output(output, name, True))
                report.splits[name] = counts[i]
        return report
    with work_folder(Path(output)) as work:
        spools, counts = _spool(records, where, len(parts), work / "spool")
        built = work / "built"
        built.mkdir()
        report.splits = {}
        files: list[str] = []
        for i, (name, _) in enumerate(parts):
            target = split_output(output, name, False)
            _write_one(project, fmt, _replay(spools[i]), str(built / Path(target).name), report, files)
            report.splits[name] = counts[i]
        shutil.rmtree(work / "spool", ignore_errors=True)
        dest = Path(output).parent
        moves = [(f"built/{Path(f).name}", str(dest / Path(f).name)) for f in files]
        commit_files(work, moves)
        report.files += [d for _, d in moves]
    return report


def _write_one(project, fmt, records, target: str, report, files: list[str]) -> None:
    """One split's file (and side files) written by the format's writer into the work folder."""
    from annotator.core.formats import FORMATS

    before = len(report.files)
    FORMATS[fmt].write(project, records, target, report)
    files += [f for f in report.files[before:] if f not in files]  # moved into place later, named then
    del report.files[before:]


def _spool(records, where: dict, n: int, folder: Path) -> tuple[list[Path], list[int]]:
    """One pass over the records: each goes, as native JSONL, to its split's spool file."""
    folder.mkdir()
    paths = [folder / f"{i}.jsonl" for i in range(n)]
    spools = [open(p, "wb") for p in paths]
    counts = [0] * n
    try:
        dumps = orjson.dumps
        for rec in records:
            k = where[rec["id"]]
            spools[k].write(dumps(rec))
            spools[k].write(b"\n")
            counts[k] += 1
    finally:
        for fh in spools:
            fh.close()
    return paths, counts


def _replay(path: Path):
    with open(path, "rb") as fh:
        for line in fh:
            yield orjson.loads(line)
