"""Documents' texts without their metadata: for code that reads every text once (agreement,
splits, rule suggestions), where building a Document with parsed metadata per row would
cost more than the reading."""

from __future__ import annotations

from typing import Iterator


def doc_texts(project) -> Iterator[tuple[int, str, str]]:
    """(num, id, text) of every document, in document order, read as the caller goes."""
    yield from project.conn.execute("SELECT num, id, text FROM documents ORDER BY num")
