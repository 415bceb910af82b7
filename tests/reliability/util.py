"""Helpers for the reliability tests: a small real project, and a dump of everything in one."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from annotator.core.project import Project

from .kill_harness import make_project

__all__ = ["make_project", "annotated_project", "dump", "dump_hash"]


def annotated_project(path: Path) -> Path:
    """A project with three documents, spans, a relation, statuses and metadata."""
    make_project(path)
    with Project.open(path, backup=False) as p:
        q = p.add_span(1, 0, 3, "CUE", "ann1").result
        s = p.add_span(1, 4, 15, "SOURCE", "ann1", {"kind": "person"}).result
        quote = p.add_span(1, 40, 60, "QUOTE", "ann1", {"type": "indirect"}).result
        p.add_relation("source", quote.id, s.id, "ann1")
        p.add_relation("cue", quote.id, q.id, "ann1")
        p.add_span(2, 10, 20, "DATE", "ann2", {"type": "DATE", "value": "2024-06"})
        p.set_doc_status(1, "ann1", "done")
        p.set_doc_meta(2, "title", "خبر المدرسة")
    return path


def dump(path: Path) -> list:
    """Every row of every table, sorted: equal dumps mean equal projects."""
    conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
    try:
        out = []
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for t in tables:
            rows = conn.execute(f'SELECT * FROM "{t}"').fetchall()
            out.append((t, sorted(rows, key=repr)))
        return out
    finally:
        conn.close()


def dump_hash(path: Path) -> str:
    return hashlib.sha256(repr(dump(path)).encode("utf-8", "surrogatepass")).hexdigest()
