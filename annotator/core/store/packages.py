"""Reading a package file (a person's own project file) without opening it as a project:
what it says of itself, which documents it holds and who worked in it. Packages are always
local project files, whatever backend the team's project lives on."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.model import GOLD


def _open_ro(path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot read: {exc}") from None


def meta_json(path: str | os.PathLike, key: str) -> dict | None:
    """The JSON value of a meta key of a project file (None when absent or unreadable)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()


def contents(path) -> tuple[set[str], dict[str, set[str]]]:
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
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot read: {exc}") from None
    finally:
        conn.close()
