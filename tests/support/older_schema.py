"""Turn a project made by this version back into the file an older schema wrote, one layer at a
time, so migration tests start from what older annotators really left on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.checksums import legacy_checksum
from annotator.core.store.scripts import split_sql
from annotator.core.schema_sql import MIGRATIONS


def downgrade(path: Path, version: int, keep_recommender_tables: bool = True) -> None:
    """As schema `version` (5, 6 or 7) wrote it. keep_recommender_tables: a version 5 file whose
    recommender made its tables itself (before version 6 made them part of the schema)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    if version < 7:  # no seats
        conn.execute("DROP INDEX assignments_slot")
        conn.execute("ALTER TABLE assignments DROP COLUMN kind")
        conn.execute("ALTER TABLE assignments DROP COLUMN slot")
    if version < 6 and not keep_recommender_tables:
        conn.execute("DROP TABLE recommender_models")
        conn.execute("DROP TABLE recommender_settings")
    if version < 8:  # SHA-256 checksums over whole documents, kept by the old triggers
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE doc_checksums")
        conn.execute("DROP TABLE checksum_upkeep")
        for statement in split_sql(MIGRATIONS[3]):
            conn.execute(statement)
        for num, doc_id, digest, meta in conn.execute("SELECT num, id, hash, meta FROM documents").fetchall():
            rows = [conn.execute(f"SELECT {cols} FROM {t} WHERE doc = ?", (num,)).fetchall() for t, cols in (
                ("spans", 'id, start, "end", label, annotator, status, attrs, rule, origin'),
                ("relations", "id, label, from_span, to_span, annotator, status, attrs, rule, origin"),
                ("doc_status", "annotator, state"))]
            conn.execute("UPDATE doc_checksums SET sum = ? WHERE doc = ?",
                         (legacy_checksum(doc_id, digest, meta, *rows), num))
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("COMMIT")
    conn.close()
