"""The recommender's tables inside the project file; all of the recommender's SQL is here.

Every trained model is kept as a new version (never overwritten), with the held-out scores
it was measured with and the number of documents it learnt from: the versions are the
project's learning curve. The tables are made on first save (CREATE TABLE IF NOT EXISTS)
rather than by a schema migration, so an older annotator still opens the file and simply
ignores them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Iterator

from annotator.core.model import now
from annotator.core.recommender.model import Model, RecommenderError

_TABLES = """
CREATE TABLE IF NOT EXISTS recommender_models (
    version INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    labels TEXT NOT NULL,
    docs INTEGER NOT NULL,
    scores TEXT NOT NULL,
    training TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    model BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS recommender_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
"""


def _exists(conn) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'recommender_models'"
                        ).fetchone() is not None


def _ensure(conn) -> None:
    for stmt in _TABLES.split(";"):
        conn.execute(stmt)


def save_model(project, model: Model, docs: int, scores: dict, training: dict) -> int:
    """Store a model as the next version, in one transaction; returns the version."""
    blob = model.pack()
    with project.transaction() as c:
        _ensure(c)
        cur = c.execute("INSERT INTO recommender_models(created, labels, docs, scores, training, sha256, model) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (now(), json.dumps(model.labels, ensure_ascii=False), docs,
                         json.dumps(scores, ensure_ascii=False, sort_keys=True),
                         json.dumps(training, ensure_ascii=False, sort_keys=True), hashlib.sha256(blob).hexdigest(),
                         blob))
    version = cur.lastrowid
    model.meta["version"] = version
    return version


def load_model(project, version: int | None = None) -> Model | None:
    """The newest model (or the given version); None when none was trained. A damaged or
    too-new model raises RecommenderError with one line."""
    c = project.conn
    if not _exists(c):
        if version is not None:
            raise RecommenderError(f"{project.path}: no recommender model version {version}")
        return None
    if version is None:
        row = c.execute("SELECT version, sha256, model FROM recommender_models ORDER BY version DESC LIMIT 1").fetchone()
    else:
        row = c.execute("SELECT version, sha256, model FROM recommender_models WHERE version = ?", (version,)).fetchone()
    if row is None:
        if version is not None:
            raise RecommenderError(f"{project.path}: no recommender model version {version}")
        return None
    where = f"{project.path}: recommender model v{row[0]}"
    blob = row[2]
    if not isinstance(blob, bytes):
        raise RecommenderError(f"{where}: damaged (not stored as bytes); retrain with 'annotator train'")
    # The row's checksum first: a flipped bit in the header must read as damage, not as a
    # model from a newer version.
    if hashlib.sha256(blob).hexdigest() != row[1]:
        raise RecommenderError(f"{where}: damaged (checksum mismatch); retrain with 'annotator train'")
    model = Model.unpack(blob, where)
    model.meta["version"] = row[0]
    return model


def versions(project) -> list[dict]:
    """Every stored version, oldest first, without the model bytes."""
    c = project.conn
    if not _exists(c):
        return []
    out = []
    for v, created, labels, docs, scores, training in c.execute(
            "SELECT version, created, labels, docs, scores, training FROM recommender_models ORDER BY version"):
        out.append({"version": v, "created": created, "labels": json.loads(labels), "docs": docs,
                    "scores": json.loads(scores), "training": json.loads(training)})
    return out


def get_setting(project, key: str, default=None):
    c = project.conn
    if not _exists(c):
        return default
    row = c.execute("SELECT value FROM recommender_settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def set_setting(project, key: str, value) -> None:
    with project.transaction() as c:
        _ensure(c)
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
