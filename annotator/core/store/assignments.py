"""Who has which document: the plan `annotator assign` records, the seats taken on demand
(checkout), and the rows a package (a person's own project file) is built from.

Table `assignments`: one row per (document, annotator), each on a numbered seat (`slot`)
that is unique per document. A checkout takes a seat with a conditional insert: two people
asking at once for the last free seat of a document both try the same (doc, slot), one
insert lands and the other reports no row, so the loser looks again. That holds on any
backend at any isolation level, without locking the table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable

from annotator.core.model import DOC_STATES

CHUNK = 500  # documents per IN (...) list: well under every backend's parameter limit
_SPAN_COLS = 'id, doc, start, "end", label, annotator, status, attrs, rule, origin, created, modified'
_REL_COLS = "id, doc, label, from_span, to_span, annotator, status, attrs, rule, origin, created, modified"


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


# ----- the plan ----------------------------------------------------------------------------------
def assignments(project) -> dict[int, tuple[str, ...]]:
    """Document number -> its annotators (planned or checked out), names sorted."""
    out: dict[int, list[str]] = {}
    for doc, ann in project.conn.execute("SELECT doc, annotator FROM assignments ORDER BY doc, annotator"):
        out.setdefault(doc, []).append(ann)
    return {d: tuple(a) for d, a in out.items()}


def assigned_to(project, annotator: str) -> list[int]:
    return [r[0] for r in project.conn.execute(
        "SELECT doc FROM assignments WHERE annotator = ? ORDER BY doc", (annotator,))]


def documents(project, state: str | None = None) -> list[int]:
    """Document numbers, ascending: all of them; with state 'todo' those nobody has begun;
    with another state those some annotator has in it."""
    c = project.conn
    if state is None:
        return [r[0] for r in c.execute("SELECT num FROM documents ORDER BY num")]
    if state == "todo":
        return [r[0] for r in c.execute(
            "SELECT num FROM documents WHERE num NOT IN (SELECT doc FROM doc_status WHERE state != 'todo') "
            "ORDER BY num")]
    assert state in DOC_STATES
    return [r[0] for r in c.execute("SELECT DISTINCT doc FROM doc_status WHERE state = ? ORDER BY doc", (state,))]


def assigned_documents(project) -> set[int]:
    return {r[0] for r in project.conn.execute("SELECT DISTINCT doc FROM assignments")}


def record_plan(project, rows: list[tuple[int, str, str, int]], annotators: Iterable[tuple[str, str]],
                replace_docs: Iterable[int] = (), stamp: str = "", meta: dict | None = None) -> None:
    """Record a plan in one transaction: rows (doc, annotator, package, slot); annotators
    (name, created) made known to the project; the earlier rows of `replace_docs` go first;
    meta {key: JSON value} stored alongside."""
    with project.transaction():
        c = project.conn
        for key, value in (meta or {}).items():
            c.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      (key, json.dumps(value, ensure_ascii=False)))
        c.executemany("INSERT INTO annotators(name, kind, created) VALUES (?, 'human', ?) ON CONFLICT DO NOTHING",
                      list(annotators))
        for part in _chunks(sorted(set(replace_docs))):
            c.execute(f"DELETE FROM assignments WHERE doc IN ({','.join('?' * len(part))})", part)
        c.executemany("INSERT INTO assignments(doc, annotator, package, assigned, slot, kind) "
                      "VALUES (?, ?, ?, ?, ?, 'plan')", [(d, a, pkg, stamp, slot) for d, a, pkg, slot in rows])


# ----- checkout ------------------------------------------------------------------------------------
def open_documents_of(project, annotator: str) -> list[int]:
    """This annotator's documents not yet done: in progress first, then to do, by number."""
    return [r[0] for r in project.conn.execute(
        "SELECT a.doc FROM assignments a LEFT JOIN doc_status s ON s.doc = a.doc AND s.annotator = a.annotator "
        "WHERE a.annotator = ? AND coalesce(s.state, 'todo') != 'done' "
        "ORDER BY CASE WHEN s.state = 'in_progress' THEN 0 ELSE 1 END, a.doc", (annotator,))]


def free_documents(project, annotator: str, per_doc: int, share_milli: int, limit: int = 20) -> list[int]:
    """Documents with a free seat this annotator may take, fullest first (so the shared ones
    get their second reader soon), then by number.

    A planned document is full as planned. Any other document has `per_doc` seats when it is
    one of the shared ones and one otherwise; the shared ones are every document whose number
    n has (n * share_milli) mod 1000 < share_milli: share_milli in a thousand, spread evenly.
    Integer arithmetic only, so every backend draws the same documents. Documents this
    annotator has already marked done are left out."""
    return [r[0] for r in project.conn.execute(
        "SELECT d.num FROM documents d LEFT JOIN assignments a ON a.doc = d.num "
        "WHERE NOT EXISTS (SELECT 1 FROM assignments m WHERE m.doc = d.num AND (m.annotator = ? OR m.kind = 'plan')) "
        "AND NOT EXISTS (SELECT 1 FROM doc_status s WHERE s.doc = d.num AND s.annotator = ? AND s.state = 'done') "
        "GROUP BY d.num "
        "HAVING count(a.doc) < CASE WHEN (d.num * ?) % 1000 < ? THEN ? ELSE 1 END "
        "ORDER BY count(a.doc) DESC, d.num LIMIT ?",
        (annotator, annotator, share_milli, share_milli, per_doc, limit))]


def seats(project, doc: int) -> dict[int, str]:
    """slot -> annotator for one document."""
    return dict(project.conn.execute("SELECT slot, annotator FROM assignments WHERE doc = ?", (doc,)))


def is_planned(project, doc: int) -> bool:
    return project.conn.execute("SELECT 1 FROM assignments WHERE doc = ? AND kind = 'plan' LIMIT 1",
                                (doc,)).fetchone() is not None


def has_document(project, doc: int) -> bool:
    return project.conn.execute("SELECT 1 FROM documents WHERE num = ?", (doc,)).fetchone() is not None


def take_seat(project, doc: int, slot: int, annotator: str, stamp: str) -> bool:
    """Take seat `slot` of `doc` for `annotator` (checked out on demand): True when this
    insert landed, False when the seat or the person's place on the document was taken."""
    with project.transaction():
        project.conn.execute("INSERT INTO annotators(name, kind, created) VALUES (?, 'human', ?) "
                             "ON CONFLICT DO NOTHING", (annotator, stamp))
        cur = project.conn.execute(
            "INSERT INTO assignments(doc, annotator, package, assigned, slot, kind) "
            "VALUES (?, ?, '', ?, ?, 'checkout') ON CONFLICT DO NOTHING", (doc, annotator, stamp, slot))
        return cur.rowcount == 1


def release_seat(project, doc: int, annotator: str) -> bool:
    """Give back a document checked out on demand (a planned one stays). True if one was."""
    with project.transaction():
        cur = project.conn.execute("DELETE FROM assignments WHERE doc = ? AND annotator = ? AND kind = 'checkout'",
                                   (doc, annotator))
        return cur.rowcount == 1


# ----- settings kept in meta ------------------------------------------------------------------------
def read_meta_json(project, key: str):
    row = project.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    try:
        return json.loads(row[0])
    except ValueError:
        return None


def write_meta_json(project, key: str, value) -> None:
    with project.transaction():
        project.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                             "value = excluded.value", (key, json.dumps(value, ensure_ascii=False)))


def project_id(project) -> str:
    row = project.conn.execute("SELECT value FROM meta WHERE key = 'project_id'").fetchone()
    return row[0] if row else ""


def annotator_created(project, name: str) -> str | None:
    row = project.conn.execute("SELECT created FROM annotators WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


# ----- collecting ------------------------------------------------------------------------------------
def document_hashes(project) -> list[tuple[int, str, str]]:
    """(num, id, hash) of every document, highest number first."""
    return list(project.conn.execute("SELECT num, id, hash FROM documents ORDER BY num DESC"))


def states_of(project, annotator: str) -> dict[int, str]:
    return dict(project.conn.execute("SELECT doc, state FROM doc_status WHERE annotator = ?", (annotator,)))


# ----- a package's rows -------------------------------------------------------------------------------
@dataclass
class PackageRows:
    """What one person's package holds, as plain rows in the tables' column order."""

    documents: list[tuple] = field(default_factory=list)  # num, id, text, meta, hash, created
    annotators: list[tuple] = field(default_factory=list)  # name, kind, created
    spans: list[tuple] = field(default_factory=list)  # _SPAN_COLS
    relations: list[tuple] = field(default_factory=list)  # _REL_COLS
    statuses: list[tuple] = field(default_factory=list)  # doc, annotator, state, modified


def package_rows(project, annotator: str, docs: list[int]) -> PackageRows:
    """The documents `docs` with the suggestions and this annotator's own work on them."""
    c = project.conn
    out = PackageRows()
    out.annotators = list(c.execute("SELECT name, kind, created FROM annotators WHERE kind = 'suggester' OR name = ?",
                                    (annotator,)))
    layers = [annotator] + [a[0] for a in out.annotators if a[1] == "suggester"]
    ann_marks = ",".join("?" * len(layers))
    for part in _chunks(sorted(docs)):
        marks = ",".join("?" * len(part))
        out.documents += c.execute(f"SELECT num, id, text, meta, hash, created FROM documents WHERE num IN ({marks})",
                                   part).fetchall()
        out.spans += c.execute(f"SELECT {_SPAN_COLS} FROM spans WHERE doc IN ({marks}) "
                               f"AND annotator IN ({ann_marks})", [*part, *layers]).fetchall()
        out.relations += c.execute(f"SELECT {_REL_COLS} FROM relations WHERE doc IN ({marks}) "
                                   f"AND annotator IN ({ann_marks})", [*part, *layers]).fetchall()
        out.statuses += c.execute(f"SELECT doc, annotator, state, modified FROM doc_status WHERE doc IN ({marks}) "
                                  "AND annotator = ?", [*part, annotator]).fetchall()
    span_ids = {s[0] for s in out.spans}
    out.relations = [r for r in out.relations if r[3] in span_ids and r[4] in span_ids]
    return out


def write_package_rows(package, rows: PackageRows, meta: dict) -> None:
    """Fill a new, empty package project with `rows` and meta {key: JSON value} (its
    description), in one transaction."""
    with package.transaction():
        c = package.conn
        c.executemany("INSERT INTO documents(num, id, text, meta, hash, created) VALUES (?, ?, ?, ?, ?, ?)",
                      rows.documents)
        c.executemany("INSERT INTO annotators(name, kind, created) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                      rows.annotators)
        c.executemany(f"INSERT INTO spans({_SPAN_COLS}) VALUES ({','.join('?' * 12)})", rows.spans)
        c.executemany(f"INSERT INTO relations({_REL_COLS}) VALUES ({','.join('?' * 12)})", rows.relations)
        c.executemany("INSERT INTO doc_status(doc, annotator, state, modified) VALUES (?, ?, ?, ?)", rows.statuses)
        c.executemany("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      [(k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()])
