"""The rows a team's progress is read from: statuses, spans and link edit times."""

from __future__ import annotations

from typing import Iterator


def doc_states(project) -> dict[tuple[int, str], tuple[str, str]]:
    """(doc, annotator) -> (state, when it was set), for every status row."""
    return {(d, a): (s, m) for d, a, s, m in project.conn.execute(
        "SELECT doc, annotator, state, modified FROM doc_status")}


def span_rows(project) -> Iterator[tuple[int, str, int, int, str, str, str, str]]:
    """(doc, annotator, start, end, label, status, created, modified) of every span."""
    yield from project.conn.execute('SELECT doc, annotator, start, "end", label, status, created, modified FROM spans')


def relation_times(project) -> Iterator[tuple[str, str]]:
    """(annotator, modified) of every link."""
    yield from project.conn.execute("SELECT annotator, modified FROM relations")
