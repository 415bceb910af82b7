"""What an import writes: documents, spans, relations and document statuses, in batches
(executemany), with ids the importer gives them itself so that relations can point at spans
before they reach the database. The caller holds the transaction (Project.transaction)."""

from __future__ import annotations

from annotator.core.project import next_id


def next_ids(project) -> tuple[int, int, int]:
    """(next document row number, next span id, next relation id). Span and relation ids are
    above every id the tables ever used: undo may restore a deleted one."""
    c = project.conn
    num = (c.execute("SELECT max(num) FROM documents").fetchone()[0] or 0) + 1
    return num, next_id(c, "spans"), next_id(c, "relations")


def document_with_hash(project, digest: str) -> str | None:
    """The id of a document whose text has this hash, if any (indexed)."""
    row = project.conn.execute("SELECT id FROM documents WHERE hash = ? LIMIT 1", (digest,)).fetchone()
    return row[0] if row else None


def document_id_taken(project, doc_id: str) -> bool:
    return project.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def insert_rows(project, docs: list[tuple], spans: list[tuple], relations: list[tuple], states: list[tuple]) -> None:
    """Rows as tuples in column order:
    docs (num, id, text, meta JSON, hash, created);
    spans (id, doc num, start, end, label, annotator, status, attrs JSON, rule, origin JSON, created, modified);
    relations (id, doc num, label, from span, to span, annotator, status, attrs JSON, rule, origin JSON,
    created, modified);
    states (doc num, annotator, state, modified)."""
    c = project.conn
    if docs:
        c.executemany("INSERT INTO documents(num, id, text, meta, hash, created) VALUES (?, ?, ?, ?, ?, ?)", docs)
    if spans:
        c.executemany(
            'INSERT INTO spans(id, doc, start, "end", label, annotator, status, attrs, rule, origin, created, modified) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", spans)
    if relations:
        c.executemany(
            "INSERT INTO relations(id, doc, label, from_span, to_span, annotator, status, attrs, rule, origin, created, "
            "modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", relations)
    if states:
        c.executemany("INSERT INTO doc_status(doc, annotator, state, modified) VALUES (?, ?, ?, ?)", states)
