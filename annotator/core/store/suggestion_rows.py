"""Suggested spans and links as rows: inserting a run's suggestions, changing their status,
and the date suggestions a document's dct governs.

Every function here writes inside the caller's transaction (project.transaction()): a
suggest run, a bulk accept or a dct change is one transaction however many rows it touches.
"""

from __future__ import annotations

from annotator.core.errors import ProjectError


# ----- a suggest run ------------------------------------------------------------------------------
def layer_span_keys(project, doc: int, annotator: str) -> dict[tuple[int, int, str], int]:
    """{(start, end, label): span id} of one annotator's spans in a document, whatever their status."""
    return {(s, e, lab): sid for sid, s, e, lab in project.conn.execute(
        'SELECT id, start, "end", label FROM spans WHERE doc = ? AND annotator = ?', (doc, annotator))}


def insert_suggested_span(project, doc: int, start: int, end: int, label: str, annotator: str, attrs_json: str,
                          rule: str | None, origin_json: str, stamp: str) -> int:
    """A new span with status 'suggested'; returns its id."""
    cur = project.conn.execute(
        'INSERT INTO spans(doc, start, "end", label, annotator, status, attrs, rule, origin, created, modified) '
        "VALUES (?, ?, ?, ?, ?, 'suggested', ?, ?, ?, ?, ?)",
        (doc, start, end, label, annotator, attrs_json, rule, origin_json, stamp, stamp))
    return cur.lastrowid


def insert_suggested_link(project, doc: int, label: str, from_span: int, to_span: int, annotator: str,
                          rule: str | None, stamp: str) -> None:
    """A new relation with status 'suggested' and no attributes."""
    project.conn.execute(
        "INSERT INTO relations(doc, label, from_span, to_span, annotator, status, attrs, rule, origin, created, "
        "modified) VALUES (?, ?, ?, ?, ?, 'suggested', '{}', ?, '{}', ?, ?)",
        (doc, label, from_span, to_span, annotator, rule, stamp, stamp))


def undated_count(project) -> int:
    """Documents without a dct in their metadata."""
    return project.conn.execute(
        "SELECT count(*) FROM documents WHERE json_extract(meta, '$.dct') IS NULL").fetchone()[0]


# ----- accepting and rejecting ----------------------------------------------------------------------
def suggested_spans(project, doc: int, annotator: str, label: str | None = None) -> list[tuple[int, str, str]]:
    """(id, status, origin JSON) of one annotator's suggested spans in a document (of one label)."""
    sql = "SELECT id, status, origin FROM spans WHERE doc = ? AND annotator = ? AND status = 'suggested'"
    args: list = [doc, annotator]
    if label is not None:
        sql += " AND label = ?"
        args.append(label)
    return project.conn.execute(sql, args).fetchall()


def suggested_links(project, doc: int, annotator: str) -> list[tuple[int, int, int, str]]:
    """(id, from span, to span, status) of one annotator's suggested links in a document."""
    return project.conn.execute(
        "SELECT r.id, r.from_span, r.to_span, r.status FROM relations r WHERE r.doc = ? AND r.annotator = ? "
        "AND r.status = 'suggested'", (doc, annotator)).fetchall()


def span_statuses(project, span_ids: tuple[int, ...]) -> dict[int, str]:
    """{id: status} of the given spans that exist."""
    return dict(project.conn.execute(
        f"SELECT id, status FROM spans WHERE id IN ({','.join('?' * len(span_ids))})", span_ids))


def set_span_status(project, span_id: int, status: str, stamp: str) -> None:
    project.conn.execute("UPDATE spans SET status = ?, modified = ? WHERE id = ?", (status, stamp, span_id))


def set_span_origin(project, span_id: int, origin_json: str) -> None:
    """Replace a span's origin without touching its modified time (who decided, not an edit)."""
    project.conn.execute("UPDATE spans SET origin = ? WHERE id = ?", (origin_json, span_id))


def set_link_status(project, rel_id: int, status: str, stamp: str) -> None:
    project.conn.execute("UPDATE relations SET status = ?, modified = ? WHERE id = ?", (status, stamp, rel_id))


# ----- removing a run and putting it back -------------------------------------------------------------
def _rows(c, sql: str, args) -> tuple[tuple[str, ...], list[tuple]]:
    cur = c.execute(sql, args)
    return tuple(d[0] for d in cur.description), [tuple(r) for r in cur]


# ----- dates and the dct ---------------------------------------------------------------------------------
def suggested_dates(project, doc: int) -> list[tuple[int, int, int, str]]:
    """(id, start, end, attrs JSON) of a document's DATE spans the date rules suggested and
    nobody decided on yet, by id."""
    return project.conn.execute(
        "SELECT id, start, \"end\", attrs FROM spans WHERE doc = ? AND label = 'DATE' AND status = 'suggested' "
        "AND rule LIKE 'dates:%' ORDER BY id", (doc,)).fetchall()


def set_span_attrs(project, changes: list[tuple[int, str]], stamp: str) -> None:
    """Give each (span id, attrs JSON) its attributes."""
    project.conn.executemany("UPDATE spans SET attrs = ?, modified = ? WHERE id = ?",
                             [(a, stamp, sid) for sid, a in changes])


def doc_meta_json(project, doc: int) -> str:
    """A document's metadata as stored (JSON); ProjectError when there is no such document."""
    row = project.conn.execute("SELECT meta FROM documents WHERE num = ?", (doc,)).fetchone()
    if row is None:
        raise ProjectError(f"no document {doc}")
    return row[0]


def set_doc_meta_json(project, doc: int, meta_json: str) -> None:
    project.conn.execute("UPDATE documents SET meta = ? WHERE num = ?", (meta_json, doc))
