"""Handing documents out to a team and taking the work back, with files and no server.

`plan_assignment` decides who annotates what: each document goes to one annotator, and a
share of them (`overlap`) to `per_doc` annotators so that agreement can be measured. The
overlap documents are drawn one from each of equal slices of the project (spread through
it, not bunched at its start), loads are kept within one document of each other, and the
pairs that share documents are kept as even as the numbers allow. The same seed gives the
same plan.

`write_packages` writes one project file per annotator, holding their documents, the
scheme, the suggestions and any work of theirs already in the project. Each package is a
plain project: the annotator opens it in the window like any other. The project remembers
the plan (table `assignments`) and each package names the project it came from, so
`collect_packages` can say what came back, what is missing and who edited what they were
not given. Collecting is the reviewer's merge (annotator.core.merge): keyed by content
hash, idempotent.
"""

from __future__ import annotations

import heapq
import json
import os
import random
import re
import shutil
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.formats.outputs import cut_bytes
from annotator.core.merge import MergeReport, merge_projects
from annotator.core.model import DOC_STATES, GOLD, now
from annotator.core.project import Project

PACKAGE_KEY = "package"  # meta key of a package: where it came from and for whom
MAX_NAME = 200


class AssignError(AnnotatorError):
    """An assignment or a collection was refused; nothing was written."""


# ----- planning --------------------------------------------------------------------------------
@dataclass
class Plan:
    annotators: list[str]
    docs: dict[int, tuple[str, ...]]  # document number -> its annotators
    overlap: set[int] = field(default_factory=set)  # documents given to more than one

    def documents_of(self, annotator: str) -> list[int]:
        return sorted(d for d, who in self.docs.items() if annotator in who)

    def by_annotator(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {a: [] for a in self.annotators}
        for d in sorted(self.docs):
            for a in self.docs[d]:
                out[a].append(d)
        return out


def check_names(annotators: Iterable[str]) -> list[str]:
    names = [a.strip() for a in annotators]
    if not names or any(not a for a in names):
        raise AssignError("give at least one annotator name, none of them empty")
    for a in names:
        if len(a) > MAX_NAME or any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200c\u200d"
                                    for ch in a):
            raise AssignError(f"annotator name {a!r}: 1 to {MAX_NAME} characters, no control characters")
        if a == GOLD:
            raise AssignError(f"annotator name {a!r} is the gold layer's")
    seen = set()
    for a in names:
        if a.casefold() in seen:
            raise AssignError(f"annotator {a!r} is named twice")
        seen.add(a.casefold())
    return names


def plan_assignment(doc_nums: Iterable[int], annotators: list[str], overlap: float = 0.0, per_doc: int = 2,
                    seed: int = 0) -> Plan:
    docs = sorted(set(doc_nums))
    names = check_names(annotators)
    if not docs:
        raise AssignError("no documents to assign")
    if not 0.0 <= overlap <= 1.0:
        raise AssignError(f"--overlap {overlap}: a share between 0 and 1 (0.2 is one document in five)")
    if overlap > 0 and not 2 <= per_doc <= len(names):
        raise AssignError(f"--per-doc {per_doc}: overlap needs 2 to {len(names)} annotators per document "
                          f"(there are {len(names)} annotators)")
    rng = random.Random(seed)
    n_over = round(overlap * len(docs)) if len(names) > 1 else 0
    chosen: set[int] = set()
    for k in range(n_over):  # one document from each of n_over equal slices
        lo, hi = k * len(docs) // n_over, (k + 1) * len(docs) // n_over
        chosen.add(docs[rng.randrange(lo, hi)])
    order = docs[:]
    rng.shuffle(order)
    load = dict.fromkeys(names, 0)
    pairs: dict[tuple[str, str], int] = {}
    tiebreak = {a: i for i, a in enumerate(rng.sample(names, len(names)))}
    n = len(names)
    plan: dict[int, tuple[str, ...]] = {}
    # Overlap documents first: they are the hard part to balance (loads and pairs).
    for i, d in enumerate(x for x in order if x in chosen):
        def rank(a, taken):
            shared = sum(pairs.get((min(a, b), max(a, b)), 0) for b in taken)
            return (shared, load[a], (tiebreak[a] - i) % n)

        who = [min(names, key=lambda a: (load[a], (tiebreak[a] - i) % n))]
        for _ in range(per_doc - 1):
            who.append(min((a for a in names if a not in who), key=lambda a: rank(a, who)))
        for a in who:
            load[a] += 1
        for x in range(len(who)):
            for y in range(x + 1, len(who)):
                key = (min(who[x], who[y]), max(who[x], who[y]))
                pairs[key] = pairs.get(key, 0) + 1
        plan[d] = tuple(sorted(who))
    # Then one annotator each, always the least loaded (ties in turn): a heap, since a big
    # project has far more of these.
    heap = [(load[a], tiebreak[a], a) for a in names]
    heapq.heapify(heap)
    turn = n
    for d in order:
        if d in chosen:
            continue
        _, _, a = heapq.heappop(heap)
        load[a] += 1
        heapq.heappush(heap, (load[a], turn, a))
        turn += 1
        plan[d] = (a,)
    return Plan(names, plan, chosen)


# ----- the project's record of it -------------------------------------------------------------
def assignments(project) -> dict[int, tuple[str, ...]]:
    """Document number -> its assigned annotators, as the project remembers them."""
    out: dict[int, list[str]] = {}
    for doc, ann in project.conn.execute("SELECT doc, annotator FROM assignments ORDER BY doc, annotator"):
        out.setdefault(doc, []).append(ann)
    return {d: tuple(a) for d, a in out.items()}


def assigned_to(project, annotator: str) -> list[int]:
    return [r[0] for r in project.conn.execute(
        "SELECT doc FROM assignments WHERE annotator = ? ORDER BY doc", (annotator,))]


def select_documents(project, by_status: str | None = None, reassign: bool = False) -> tuple[list[int], int]:
    """(documents to assign, documents left out because they are assigned already).

    by_status 'todo': only documents nobody has begun; 'in_progress'/'done': documents some
    annotator has in that state."""
    c = project.conn
    if by_status is None:
        docs = [r[0] for r in c.execute("SELECT num FROM documents ORDER BY num")]
    elif by_status == "todo":
        docs = [r[0] for r in c.execute(
            "SELECT num FROM documents WHERE num NOT IN (SELECT doc FROM doc_status WHERE state != 'todo') ORDER BY num")]
    elif by_status in DOC_STATES:
        docs = [r[0] for r in c.execute(
            "SELECT DISTINCT doc FROM doc_status WHERE state = ? ORDER BY doc", (by_status,))]
    else:
        raise AssignError(f"--by-status {by_status!r}: one of {', '.join(DOC_STATES)}")
    if reassign:
        return docs, 0
    taken = {r[0] for r in c.execute("SELECT DISTINCT doc FROM assignments")}
    free = [d for d in docs if d not in taken]
    return free, len(docs) - len(free)


# ----- packages --------------------------------------------------------------------------------
@dataclass
class Package:
    annotator: str
    path: Path
    documents: int
    spans: int


def package_name(name: str, taken: set[str]) -> str:
    """A file name for an annotator's package: their name where the file system allows it,
    cut at 100 bytes, made unique ignoring case."""
    base = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]', "_", unicodedata.normalize("NFC", name)).strip(" .") or "annotator"
    base = cut_bytes(base, 100).rstrip(" .") or "annotator"
    stem, k = base, 2
    while stem.casefold() in taken:
        stem = f"{base}-{k}"
        k += 1
    taken.add(stem.casefold())
    return stem + ".annot"


def _project_id(conn) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'project_id'").fetchone()
    return row[0] if row else ""


def write_packages(project: Project, plan: Plan, outdir: str | os.PathLike, reassign: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> list[Package]:
    """One package per annotator in `outdir`, and the plan recorded in the project.

    All or nothing: packages are built under temporary names and renamed at the end; an
    existing package is never overwritten (it may hold work that has not come back)."""
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise AssignError(f"{out}: exists and is not a folder")
    taken: set[str] = set()
    targets = {a: out / package_name(a, taken) for a in plan.annotators}
    for a, path in targets.items():
        if path.exists():
            raise AssignError(f"{path}: a package is already there (it may hold work not yet collected); "
                              "collect it and move it away, or choose another folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AssignError(f"{out}: cannot create the folder: {exc.strerror}") from None
    stamp = now()
    made: list[Path] = []  # temporary files, then the packages renamed into place
    packages: list[Package] = []
    try:
        docs_of = plan.by_annotator()
        for i, a in enumerate(plan.annotators):
            tmp = out / f".{targets[a].name}.part"
            for extra in ("", "-wal", "-shm"):
                Path(str(tmp) + extra).unlink(missing_ok=True)
            made.append(tmp)
            packages.append(_write_one(project, a, docs_of[a], tmp, targets[a], stamp))
            if progress:
                progress(i + 1, len(plan.annotators))
        # Packages first, the record second: the project never names a package that is not
        # there, and a failure below takes the new packages away again.
        for p in packages:
            os.replace(out / f".{p.path.name}.part", p.path)
            made.append(p.path)
        with project.transaction():
            c = project.conn
            # One identity per person in the project and in their package (see merge).
            c.executemany("INSERT OR IGNORE INTO annotators(name, kind, created) VALUES (?, 'human', ?)",
                          ((a, stamp) for a in plan.annotators))
            if reassign:
                c.execute("CREATE TEMP TABLE handed(num INTEGER PRIMARY KEY)")
                c.executemany("INSERT INTO handed(num) VALUES (?)", ((d,) for d in plan.docs))
                c.execute("DELETE FROM assignments WHERE doc IN (SELECT num FROM handed)")
                c.execute("DROP TABLE temp.handed")
            c.executemany("INSERT INTO assignments(doc, annotator, package, assigned) VALUES (?, ?, ?, ?)",
                          ((d, a, targets[a].name, stamp) for d, who in plan.docs.items() for a in who))
    except BaseException:
        for path in made:
            _remove_side_files(path)
            Path(path).unlink(missing_ok=True)
        raise
    return packages


def _remove_side_files(path: Path) -> None:
    """The lock, WAL and backups a project file leaves beside itself while it is built."""
    for extra in ("-wal", "-shm", ".lock"):
        Path(str(path) + extra).unlink(missing_ok=True)
    shutil.rmtree(str(path) + ".backups", ignore_errors=True)


def _write_one(project: Project, annotator: str, docs: list[int], tmp: Path, final: Path, stamp: str) -> Package:
    pkg = Project.create(tmp, project.scheme)
    try:
        c = pkg.conn
        src = str(project.path.resolve())
        if project.is_server:  # the server's rows of these documents, as a file ATTACH can read
            from annotator.core.store.pg import sqlite_extract

            src = str(tmp) + ".src"
            sqlite_extract(project.conn, docs, src)
        c.execute("ATTACH DATABASE ? AS src", (src,))
        try:
            with pkg.transaction():
                c.execute("CREATE TEMP TABLE pick(num INTEGER PRIMARY KEY)")
                c.executemany("INSERT INTO pick(num) VALUES (?)", ((d,) for d in docs))
                c.execute("INSERT INTO documents(num, id, text, meta, hash, created) "
                          "SELECT num, id, text, meta, hash, created FROM src.documents WHERE num IN (SELECT num FROM pick)")
                c.execute("INSERT OR IGNORE INTO annotators(name, kind, created) SELECT name, kind, created "
                          "FROM src.annotators WHERE kind = 'suggester' OR name = ?", (annotator,))
                # Someone new to the project: the time write_packages also gives them there.
                c.execute("INSERT OR IGNORE INTO annotators(name, kind, created) VALUES (?, 'human', ?)",
                          (annotator, stamp))
                layers = "(annotator = ? OR annotator IN (SELECT name FROM src.annotators WHERE kind = 'suggester'))"
                cols = 'id, doc, start, "end", label, annotator, status, attrs, rule, origin, created, modified'
                c.execute(f"INSERT INTO spans({cols}) SELECT {cols} FROM src.spans "
                          f"WHERE doc IN (SELECT num FROM pick) AND {layers}", (annotator,))
                rcols = "id, doc, label, from_span, to_span, annotator, status, attrs, rule, origin, created, modified"
                c.execute(f"INSERT INTO relations({rcols}) SELECT {rcols} FROM src.relations "
                          f"WHERE doc IN (SELECT num FROM pick) AND {layers} "
                          "AND from_span IN (SELECT id FROM main.spans) AND to_span IN (SELECT id FROM main.spans)",
                          (annotator,))
                c.execute("INSERT INTO doc_status(doc, annotator, state, modified) SELECT doc, annotator, state, modified "
                          "FROM src.doc_status WHERE annotator = ? AND doc IN (SELECT num FROM pick)", (annotator,))
                info = {"project_id": _project_id(project.conn), "project": project.path.name,
                        "annotator": annotator, "assigned": stamp, "documents": len(docs), "file": final.name}
                c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                          (PACKAGE_KEY, json.dumps(info, ensure_ascii=False)))
                spans = c.execute("SELECT count(*) FROM spans").fetchone()[0]
                c.execute("DROP TABLE temp.pick")
        finally:
            c.execute("DETACH DATABASE src")
    finally:
        pkg.close()
        _remove_side_files(tmp)
        if project.is_server:
            Path(str(tmp) + ".src").unlink(missing_ok=True)
    return Package(annotator, final, len(docs), spans)


def package_info(path: str | os.PathLike) -> dict | None:
    """What a package file says of itself (None for a project that is not a package)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (PACKAGE_KEY,)).fetchone()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()


# ----- collecting ------------------------------------------------------------------------------
@dataclass
class AnnotatorReturn:
    annotator: str
    assigned: int = 0
    packages: list[str] = field(default_factory=list)
    returned: int = 0  # assigned documents present in a returned package
    states: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DOC_STATES, 0))
    missing: list[str] = field(default_factory=list)  # assigned documents that did not come back
    foreign: dict[str, int] = field(default_factory=dict)  # other names' edits in this person's package


@dataclass
class CollectReport:
    merge: MergeReport
    annotators: list[AnnotatorReturn]
    unassigned_edits: dict[str, int]  # name -> documents edited that were not assigned to that name

    def lines(self) -> list[str]:
        out = []
        for r in self.annotators:
            states = ", ".join(f"{r.states[s]} {word}" for s, word in
                               (("done", "done"), ("in_progress", "in progress"), ("todo", "to do")))
            if not r.packages:
                out.append(f"{r.annotator}: no package came back ({r.assigned} documents assigned)")
                continue
            out.append(f"{r.annotator}: {r.returned} of {r.assigned} assigned documents came back ({states})")
            if r.missing:
                shown = ", ".join(r.missing[:10]) + (f" and {len(r.missing) - 10} more" if len(r.missing) > 10 else "")
                out.append(f"{r.annotator}: {len(r.missing)} assigned documents missing: {shown}")
            for name, n in sorted(r.foreign.items()):
                out.append(f"{r.annotator}'s package: {name} edited {n} documents there (merged under {name})")
        for name, n in sorted(self.unassigned_edits.items()):
            out.append(f"{name} edited {n} documents that were not assigned to {name}")
        return out


def collect_packages(project: Project, paths: list[str]) -> CollectReport:
    """Merge returned packages into the project and say, per annotator, what came back."""
    plan = assignments(project)
    if not plan:
        raise AssignError(f"{project.path}: has no assignment to collect (annotator assign makes one)")
    pid = _project_id(project.conn)
    infos = []
    for p in paths:
        info = package_info(p)
        if not Path(p).is_file():
            raise AssignError(f"{p}: no such package file")
        if info is None:
            raise AssignError(f"{p}: not a package (annotator assign writes them); merge it with annotator merge")
        if info.get("project_id") != pid:
            raise AssignError(f"{p}: a package of another project ({info.get('project', '?')}), not of {project.path.name}")
        infos.append(info)
    report = merge_projects(project, paths)
    c = project.conn
    ids, hash_of, num_of = {}, {}, {}
    for num, doc_id, digest in c.execute("SELECT num, id, hash FROM documents ORDER BY num DESC"):
        ids[num], hash_of[num] = doc_id, digest
        num_of[digest] = num  # the lowest number wins, as merge matches
    by_name: dict[str, AnnotatorReturn] = {}
    for doc, who in plan.items():
        for a in who:
            by_name.setdefault(a, AnnotatorReturn(a)).assigned += 1
    unassigned: dict[str, set[int]] = {}
    for path, info, src in zip(paths, infos, report.sources):
        owner = info["annotator"]
        r = by_name.setdefault(owner, AnnotatorReturn(owner))
        r.packages.append(path)
        present, layers = _package_contents(path)
        mine = {d for d, who in plan.items() if owner in who}
        back = {d for d in mine if hash_of[d] in present}
        r.returned = len(back)
        r.missing = [ids[d] for d in sorted(mine - back)]
        for name, docs in layers.items():
            nums = {num_of[h] for h in docs if h in num_of}
            if name != owner:
                r.foreign[name] = len(nums)
            outside = {d for d in nums if name not in plan.get(d, ())}
            if outside:
                unassigned.setdefault(name, set()).update(outside)
    for r in by_name.values():
        r.states = dict.fromkeys(DOC_STATES, 0)
        mine = [d for d, who in plan.items() if r.annotator in who]
        states = dict(c.execute("SELECT doc, state FROM doc_status WHERE annotator = ?", (r.annotator,)).fetchall())
        for d in mine:
            r.states[states.get(d, "todo")] += 1
    return CollectReport(report, [by_name[a] for a in sorted(by_name)],
                         {n: len(d) for n, d in unassigned.items()})


def _open_ro(path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot read: {exc}") from None


def _package_contents(path) -> tuple[set[str], dict[str, set[str]]]:
    """(hashes of the package's documents, human annotator -> hashes of the documents they
    edited there: spans, relations or a status other than to-do)."""
    conn = _open_ro(path)
    try:
        docs = {r[0] for r in conn.execute("SELECT hash FROM documents")}
        layers: dict[str, set[str]] = {}
        for name, digest in conn.execute(
                "SELECT a.name, d.hash FROM annotators a JOIN ("
                "  SELECT annotator, doc FROM spans UNION SELECT annotator, doc FROM relations"
                "  UNION SELECT annotator, doc FROM doc_status WHERE state != 'todo') e ON e.annotator = a.name "
                "JOIN documents d ON d.num = e.doc WHERE a.kind = 'human' AND a.name != ?", (GOLD,)):
            layers.setdefault(name, set()).add(digest)
        return docs, layers
    finally:
        conn.close()
