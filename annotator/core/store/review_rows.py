"""Review's rows: the gold layer, the reviewer's decisions (review_decisions) and review progress
(the gold layer's doc_status), read and written for annotator.core.review.

Writers run inside the caller's transaction (review's one-action transaction). Decision data
is a dict (stored as JSON); span keys are (start, end, label).
"""

from __future__ import annotations

import json

from annotator.core.change import dumps
from annotator.core.errors import SpanError
from annotator.core.model import GOLD
from annotator.core.store import change_rows


# ----- reading ---------------------------------------------------------------------------------
def done_annotators(project, doc: int | None = None) -> list[str]:
    """Human annotators (not gold) who marked the document done, or, with doc None, any document."""
    sql = ("SELECT DISTINCT d.annotator FROM doc_status d JOIN annotators a ON a.name = d.annotator "
           "WHERE a.kind = 'human' AND d.annotator != ? AND d.state = 'done'")
    args: list = [GOLD]
    if doc is not None:
        sql += " AND d.doc = ?"
        args.append(doc)
    return [r[0] for r in project.conn.execute(sql + " ORDER BY 1", args)]


def decisions(project, doc: int, kind: str) -> dict[str, tuple[str, dict]]:
    """key -> (decision, data) of the document's decisions of one kind (cluster | relation)."""
    return {k: (d, json.loads(data)) for k, d, data in project.conn.execute(
        "SELECT key, decision, data FROM review_decisions WHERE doc = ? AND kind = ?", (doc, kind))}


def decision_data(project, doc: int, kind: str, key: str) -> dict | None:
    row = project.conn.execute("SELECT data FROM review_decisions WHERE doc = ? AND kind = ? AND key = ?",
                               (doc, kind, key)).fetchone()
    return json.loads(row[0]) if row else None


def curated_empty(project, doc: int) -> bool:
    """The reviewer said: nothing in this document."""
    return project.conn.execute("SELECT 1 FROM review_decisions WHERE doc = ? AND kind = 'document' "
                                "AND decision = 'empty'", (doc,)).fetchone() is not None


def accepted_links(project, doc: int) -> list[tuple[str, dict]]:
    """(decision, data) of the document's accepted links (accepted or auto), by key."""
    return [(d, json.loads(data)) for d, data in project.conn.execute(
        "SELECT decision, data FROM review_decisions WHERE doc = ? AND kind = 'relation' "
        "AND decision IN ('accepted', 'auto') ORDER BY key", (doc,)).fetchall()]


def edited_cluster_keys(project, doc: int) -> list[str]:
    return [k for k, in project.conn.execute("SELECT key FROM review_decisions WHERE doc = ? AND kind = 'cluster' "
                                             "AND decision = 'edited'", (doc,)).fetchall()]


def review_states(project) -> dict[int, str]:
    """doc -> the gold layer's state, for documents that have one."""
    return dict(project.conn.execute("SELECT doc, state FROM doc_status WHERE annotator = ?", (GOLD,)))


def has_review_state(project, doc: int) -> bool:
    return project.conn.execute("SELECT 1 FROM doc_status WHERE doc = ? AND annotator = ?",
                                (doc, GOLD)).fetchone() is not None


def document_ids(project) -> list[tuple[int, str]]:
    """(num, id) of every document, in order."""
    return project.conn.execute("SELECT num, id FROM documents ORDER BY num").fetchall()


def document_text(project, doc: int) -> str:
    row = project.conn.execute("SELECT text FROM documents WHERE num = ?", (doc,)).fetchone()
    if row is None:
        raise SpanError(f"no document {doc}")
    return row[0]


_TOUCHED = ("SELECT doc FROM doc_status WHERE annotator = ? UNION SELECT doc FROM spans WHERE annotator = ? "
            "UNION SELECT doc FROM review_decisions")


def reviewed_docs(project) -> list[int]:
    """Documents reviewed at all: a review state, a gold span or a decision."""
    return [r[0] for r in project.conn.execute(_TOUCHED + " ORDER BY 1", (GOLD, GOLD))]


def unreviewed_count(project) -> int:
    """Documents that two or more annotators finished and nobody reviewed."""
    return project.conn.execute(
        "SELECT count(*) FROM (SELECT doc FROM doc_status d JOIN annotators a ON a.name = d.annotator "
        "WHERE a.kind = 'human' AND d.annotator != ? AND d.state = 'done' GROUP BY doc HAVING count(*) >= 2) "
        f"WHERE doc NOT IN ({_TOUCHED})", (GOLD, GOLD, GOLD)).fetchone()[0]


def gold_keys(project, doc: int) -> dict[tuple, int]:
    """(start, end, label) -> id of the document's gold spans."""
    return {(s, e, lab): i for i, s, e, lab in project.conn.execute(
        'SELECT id, start, "end", label FROM spans WHERE doc = ? AND annotator = ?', (doc, GOLD))}


def gold_links(project, doc: int) -> set[tuple[str, int, int]]:
    """(label, from span, to span) of the document's gold relations."""
    return set(project.conn.execute("SELECT label, from_span, to_span FROM relations WHERE doc = ? AND annotator = ?",
                                    (doc, GOLD)))


def gold_in(project, doc: int, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the gold spans overlapping start..end."""
    return project.conn.execute('SELECT start, "end" FROM spans WHERE doc = ? AND annotator = ? AND start < ? '
                                'AND "end" > ?', (doc, GOLD, end, start)).fetchall()


def links_of(project, span_id: int) -> list[tuple[int, str, int, int]]:
    """(id, label, from span, to span) of every relation that uses the span."""
    return project.conn.execute("SELECT id, label, from_span, to_span FROM relations WHERE from_span = ? OR to_span = ?",
                                (span_id, span_id)).fetchall()


def gold_links_from(project, label: str, from_span: int) -> list[tuple[int, int]]:
    """(id, to span) of the gold relations `label` from the span."""
    return project.conn.execute("SELECT id, to_span FROM relations WHERE annotator = ? AND label = ? AND from_span = ?",
                                (GOLD, label, from_span)).fetchall()


def gold_rows(project, doc: int) -> dict[tuple, dict]:
    """Everything a review action may change in a document, as rows (annotator.core.change):
    gold spans and relations, every decision, the review state."""
    out = change_rows.rows(project, "spans", "doc = ? AND annotator = ?", (doc, GOLD))
    out.update(change_rows.rows(project, "relations", "doc = ? AND annotator = ?", (doc, GOLD)))
    out.update(change_rows.rows(project, "review_decisions", "doc = ?", (doc,)))
    out.update(change_rows.rows(project, "doc_status", "doc = ? AND annotator = ?", (doc, GOLD)))
    return out


# ----- writing (inside the caller's transaction) -------------------------------------------------
def insert_gold_span(project, doc: int, start: int, end: int, label: str, attrs: dict, origin: dict,
                     time: str) -> int:
    cur = project.conn.execute(
        'INSERT INTO spans(doc, start, "end", label, annotator, status, attrs, rule, origin, created, modified) '
        "VALUES (?, ?, ?, ?, ?, 'accepted', ?, NULL, ?, ?, ?)",
        (doc, start, end, label, GOLD, dumps(attrs), dumps(origin), time, time))
    return cur.lastrowid


def update_gold_span(project, span_id: int, start: int, end: int, label: str, attrs: dict, origin: dict,
                     time: str) -> None:
    project.conn.execute('UPDATE spans SET start = ?, "end" = ?, label = ?, attrs = ?, origin = ?, modified = ? '
                         'WHERE id = ?', (start, end, label, dumps(attrs), dumps(origin), time, span_id))


def delete_span(project, span_id: int) -> None:
    project.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))


def delete_gold_in(project, doc: int, start: int, end: int) -> None:
    project.conn.execute('DELETE FROM spans WHERE doc = ? AND annotator = ? AND start < ? AND "end" > ?',
                         (doc, GOLD, end, start))


def delete_gold_spans(project, doc: int) -> None:
    project.conn.execute("DELETE FROM spans WHERE doc = ? AND annotator = ?", (doc, GOLD))


def insert_gold_relation(project, doc: int, label: str, from_span: int, to_span: int, origin: dict,
                         time: str) -> None:
    project.conn.execute(
        "INSERT INTO relations(doc, label, from_span, to_span, annotator, status, attrs, rule, origin, created, modified) "
        "VALUES (?, ?, ?, ?, ?, 'accepted', '{}', NULL, ?, ?, ?)",
        (doc, label, from_span, to_span, GOLD, dumps(origin), time, time))


def delete_relation(project, rel_id: int) -> None:
    project.conn.execute("DELETE FROM relations WHERE id = ?", (rel_id,))


def delete_gold_link(project, label: str, from_span: int, to_span: int) -> None:
    project.conn.execute("DELETE FROM relations WHERE annotator = ? AND label = ? AND from_span = ? AND to_span = ?",
                         (GOLD, label, from_span, to_span))


def set_decision(project, doc: int, kind: str, key: str, decision: str | None, reviewer: str = "", time: str = "",
                 data: dict | None = None) -> None:
    """Record a decision (None removes it)."""
    if decision is None:
        project.conn.execute("DELETE FROM review_decisions WHERE doc = ? AND kind = ? AND key = ?", (doc, kind, key))
        return
    project.conn.execute(
        "INSERT INTO review_decisions(doc, kind, key, decision, reviewer, time, data) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(doc, kind, key) DO UPDATE SET decision = excluded.decision, reviewer = excluded.reviewer, "
        "time = excluded.time, data = excluded.data", (doc, kind, key, decision, reviewer, time, dumps(data or {})))


def set_review_state(project, doc: int, state: str, time: str) -> None:
    """The gold layer's doc_status: todo (no row), in_progress or done."""
    if state == "todo":
        project.conn.execute("DELETE FROM doc_status WHERE doc = ? AND annotator = ?", (doc, GOLD))
    else:
        project.conn.execute(
            "INSERT INTO doc_status(doc, annotator, state, modified) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(doc, annotator) DO UPDATE SET state = excluded.state, modified = excluded.modified",
            (doc, GOLD, state, time))
