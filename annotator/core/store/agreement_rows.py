"""What agreement compares: the annotators' finished documents and their accepted spans and links.

The span and link rows are streamed (an iterator of plain tuples, read as the caller goes),
because a big project holds millions and agreement keeps only those of documents two or
more annotators finished.
"""

from __future__ import annotations

from typing import Iterator

from annotator.core.model import GOLD


def _marks(names: list[str]) -> str:
    return ",".join("?" * len(names))


def annotators_with_done(project) -> list[str]:
    """The human annotators (gold excluded) who have marked at least one document done, by name."""
    return [r[0] for r in project.conn.execute(
        "SELECT DISTINCT a.name FROM annotators a JOIN doc_status d ON d.annotator = a.name "
        "WHERE a.kind = 'human' AND a.name != ? AND d.state = 'done' ORDER BY a.name", (GOLD,))]


def done_pairs(project, annotators: list[str]) -> list[tuple[int, str]]:
    """(doc, annotator) of every document one of these annotators marked done."""
    return project.conn.execute(
        f"SELECT doc, annotator FROM doc_status WHERE state = 'done' AND annotator IN ({_marks(annotators)})",
        annotators).fetchall()


def accepted_spans(project, annotators: list[str]) -> Iterator[tuple[int, str, int, int, str, str]]:
    """(doc, annotator, start, end, label, attrs as stored JSON) of these annotators' accepted spans."""
    yield from project.conn.execute(
        f'SELECT doc, annotator, start, "end", label, attrs FROM spans '
        f"WHERE status = 'accepted' AND annotator IN ({_marks(annotators)})", annotators)


def accepted_links(project, annotators: list[str]) -> Iterator[tuple]:
    """(doc, annotator, relation label, from start, from end, from label, to start, to end,
    to label) of these annotators' accepted links between accepted spans."""
    yield from project.conn.execute(
        f'SELECT r.doc, r.annotator, r.label, a.start, a."end", a.label, b.start, b."end", b.label '
        f"FROM relations r JOIN spans a ON a.id = r.from_span JOIN spans b ON b.id = r.to_span "
        f"WHERE r.status = 'accepted' AND a.status = 'accepted' AND b.status = 'accepted' "
        f"AND r.annotator IN ({_marks(annotators)})", annotators)
