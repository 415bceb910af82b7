"""Handing documents to annotators one at a time, several of them asking at once.

`next_document` gives an annotator their own unfinished documents first (in progress, then
to do) and, once those are done, takes a new one for them: a document nobody planned, with
a free seat. A document has one seat, or `per_doc` seats when it is one of the shared
documents the team's overlap asks for (the rule `annotator assign` recorded; see
store.assignments.free_documents). A document planned for someone else is never handed out.

Taking a seat is one conditional insert on a key unique per (document, seat): when two
people ask at once, one insert lands and the other finds the seat gone and looks again.
No lock is held between looking and taking, so this holds on a shared server as well as in
a file.
"""

from __future__ import annotations

from annotator.core.assign import AssignError, check_names, team_policy
from annotator.core.errors import WriteFailed
from annotator.core.model import now
from annotator.core.store import assignments as store

ATTEMPTS = 200  # lost races before giving up; each loss means someone else got a document


def _capacity(doc: int, overlap: float, per_doc: int) -> int:
    milli = round(overlap * 1000)
    return per_doc if milli and (doc * milli) % 1000 < milli else 1


def next_document(project, annotator: str, take: bool = True) -> int | None:
    """The document this annotator should work on next (its number), or None when nothing is
    left for them. take=False only looks at their own unfinished documents."""
    annotator = check_names([annotator])[0]
    mine = store.open_documents_of(project, annotator)
    if mine:
        return mine[0]
    return take_new(project, annotator) if take else None


def take_new(project, annotator: str) -> int | None:
    """Check out one more document for this annotator; None when none is free."""
    overlap, per_doc = team_policy(project)
    milli = round(overlap * 1000)
    for _ in range(ATTEMPTS):
        candidates = store.free_documents(project, annotator, per_doc if milli else 1, milli)
        if not candidates:
            return None
        for doc in candidates:
            if _claim(project, doc, annotator, _capacity(doc, overlap, per_doc)):
                return doc
    raise AssignError(f"{annotator}: could not take a document after {ATTEMPTS} tries (many people asking at once?); "
                      "try again")


def checkout(project, annotator: str, doc: int) -> bool:
    """Take this document for this annotator. True when newly taken, False when it was theirs
    already; AssignError when it is someone else's (planned, or all its seats taken)."""
    annotator = check_names([annotator])[0]
    taken = store.seats(project, doc)
    if annotator in taken.values():
        return False
    if not store.has_document(project, doc):
        raise AssignError(f"no document {doc} in the project")
    if store.is_planned(project, doc):
        raise AssignError(f"document {doc} is assigned to {', '.join(sorted(taken.values()))}")
    overlap, per_doc = team_policy(project)
    if _claim(project, doc, annotator, _capacity(doc, overlap, per_doc)):
        return True
    holders = sorted(store.seats(project, doc).values())
    if annotator in holders:
        return False
    raise AssignError(f"document {doc} is taken by {', '.join(holders)}")


def _claim(project, doc: int, annotator: str, capacity: int) -> bool:
    """One attempt at a free seat of `doc`; False when there is none or another took it."""
    for _ in range(capacity):
        free = sorted(set(range(capacity)) - set(store.seats(project, doc)))
        if not free:
            return False
        try:
            if store.take_seat(project, doc, free[0], annotator, now()):
                return True
        except WriteFailed as exc:
            # A server running writers as SERIALIZABLE rolls the loser of a race back instead
            # of reporting no row: the same lost race, so look again.
            if exc.reason != "busy":
                raise
            continue
        if annotator in store.seats(project, doc).values():
            return True  # a second window of the same person got there first
    return False


def give_back(project, annotator: str, doc: int) -> bool:
    """Return a checked-out document (its seat is free again). Planned ones stay."""
    return store.release_seat(project, doc, annotator)
