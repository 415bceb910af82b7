"""Schema 1 project files, made exactly as the first version made them."""

from __future__ import annotations

import sqlite3

from annotator.core.native import content_hash
from annotator.core.schema_sql import APPLICATION_ID, V1
from annotator.core.scheme import default_scheme

TEXT = "قالت المعلمة إن الرحلة المدرسية تأجلت إلى الخميس."


def make_v1(path, annotator="hala"):
    """A project file as schema 1 wrote it, with one document, one span and a status."""
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode = WAL")
    c.execute("BEGIN")
    for statement in [s for s in V1.split(";") if s.strip()]:
        c.execute(statement)
    c.execute("INSERT INTO meta VALUES ('scheme', ?)", (default_scheme().to_json(),))
    c.execute("INSERT INTO meta VALUES ('created', '2026-01-01T00:00:00.000+00:00')")
    c.execute("INSERT INTO documents VALUES (1, 'd1', ?, '{}', ?, 'x')", (TEXT, content_hash(TEXT)))
    c.execute("INSERT INTO annotators VALUES (?, 'human', '2026-01-02T00:00:00.000+00:00')", (annotator,))
    c.execute("INSERT INTO spans(doc, start, \"end\", label, annotator, created, modified) "
              "VALUES (1, 0, 4, 'CUE', ?, 'x', 'x')", (annotator,))
    c.execute("INSERT INTO doc_status VALUES (1, ?, 'done', 'x')", (annotator,))
    c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    c.execute("PRAGMA user_version = 1")
    c.execute("COMMIT")
    c.close()
