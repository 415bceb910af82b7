"""The recommender's rows in the project file: its trained models and settings, and the
training data it reads.

Every trained model is kept as a new version (never overwritten), with the held-out scores
it was measured with and the number of documents it learnt from: the versions are the
project's learning curve. The tables belong to the schema (version 6, core/schema_sql.py).
"""

from __future__ import annotations

import json
from typing import Iterator


def insert_model(project, created: str, labels: list[str], docs: int, scores: dict, training: dict, sha256: str,
                 blob: bytes) -> int:
    """Store one trained model as the next version, in one transaction; returns the version."""
    with project.transaction() as c:
        cur = c.execute("INSERT INTO recommender_models(created, labels, docs, scores, training, sha256, model) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (created, json.dumps(labels, ensure_ascii=False), docs,
                         json.dumps(scores, ensure_ascii=False, sort_keys=True),
                         json.dumps(training, ensure_ascii=False, sort_keys=True), sha256, blob))
    return cur.lastrowid


def model_row(project, version: int | None = None) -> tuple[int, str, object] | None:
    """(version, stored SHA-256, model bytes as stored) of the newest model or of `version`;
    None when there is none. The bytes are whatever the row holds (damage is the caller's to find)."""
    c = project.conn
    if version is None:
        return c.execute("SELECT version, sha256, model FROM recommender_models ORDER BY version DESC LIMIT 1"
                         ).fetchone()
    return c.execute("SELECT version, sha256, model FROM recommender_models WHERE version = ?", (version,)).fetchone()


def versions(project) -> list[dict]:
    """Every stored version, oldest first, without the model bytes: dicts of version, created,
    labels, docs, scores and training."""
    out = []
    for v, created, labels, docs, scores, training in project.conn.execute(
            "SELECT version, created, labels, docs, scores, training FROM recommender_models ORDER BY version"):
        out.append({"version": v, "created": created, "labels": json.loads(labels), "docs": docs,
                    "scores": json.loads(scores), "training": json.loads(training)})
    return out


def get_setting(project, key: str, default=None):
    row = project.conn.execute("SELECT value FROM recommender_settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def set_setting(project, key: str, value) -> None:
    with project.transaction() as c:
        c.execute("INSERT OR REPLACE INTO recommender_settings(key, value) VALUES (?, ?)", (key, json.dumps(value)))


# ----- the training data ----------------------------------------------------------------------------
def training_layers(project, layer: str | None, state: str | None) -> Iterator[tuple[int, str]]:
    """(doc, annotator) pairs to learn from: layers of documents in `state` (None: any state),
    of one layer or of every layer that is not a suggester's."""
    c = project.conn
    if state is None:
        # Any state: a layer counts where it has accepted spans (suggestions alone are no
        # evidence that the rest of the text holds nothing).
        sql = ("SELECT DISTINCT s.doc, s.annotator FROM spans s JOIN annotators a ON a.name = s.annotator "
               "WHERE a.kind != 'suggester' AND s.status = 'accepted'")
        args: list = []
    else:
        sql = ("SELECT d.doc, d.annotator FROM doc_status d JOIN annotators a ON a.name = d.annotator "
               "WHERE d.state = ? AND a.kind != 'suggester'")
        args = [state]
    if layer is not None:
        sql += (" AND s.annotator = ?" if state is None else " AND d.annotator = ?")
        args.append(layer)
    sql += " ORDER BY 1, 2"
    yield from c.execute(sql, args).fetchall()


def rejected_spans(project, annotator: str | None) -> Iterator[tuple[int, str, int, int, str]]:
    """(doc, annotator, start, end, label) of every rejected suggestion (of one layer or all)."""
    sql = 'SELECT doc, annotator, start, "end", label FROM spans WHERE status = \'rejected\''
    args: list = []
    if annotator is not None:
        sql += " AND annotator = ?"
        args.append(annotator)
    yield from project.conn.execute(sql + " ORDER BY doc, start", args).fetchall()


def done_count(project, annotator: str | None = None) -> int:
    sql = "SELECT count(*) FROM doc_status WHERE state = 'done'"
    args = []
    if annotator is not None:
        sql += " AND annotator = ?"
        args.append(annotator)
    return project.conn.execute(sql, args).fetchone()[0]


def todo_docs(project, annotator: str) -> list[int]:
    """Documents the annotator has not marked done, in document order."""
    return [r[0] for r in project.conn.execute(
        "SELECT num FROM documents WHERE num NOT IN (SELECT doc FROM doc_status WHERE annotator = ? AND state = 'done') "
        "ORDER BY num", (annotator,))]
