"""How far a team has got: per annotator, their assigned documents by state, the time they
spent, and agreement on the documents given to more than one of them as it grows.

Time spent is read from edit times (span, link and status changes): the gaps between an
annotator's consecutive edits are added up when shorter than IDLE, so a lunch break or a
night does not count. It is a lower bound: reading before the first edit of a sitting is
not seen.

Agreement on the overlap is exact span F1 (same start, end and label; accepted spans)
between each pair of annotators on the documents both marked done, taken cumulatively in
the order the second of them finished: the curve shows whether the team converges.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from annotator.core.model import DOC_STATES
from annotator.core.store import progress_rows
from annotator.core.store.assignments import assignments

IDLE = 10 * 60  # seconds: a longer gap between two edits is a break, not work


@dataclass
class AnnotatorProgress:
    annotator: str
    assigned: int = 0
    states: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DOC_STATES, 0))
    spans: int = 0  # accepted spans of theirs on their assigned documents
    seconds: float = 0.0
    edits: int = 0


@dataclass
class Progress:
    annotators: list[AnnotatorProgress]
    documents: int  # documents assigned to anyone
    overlap: int  # documents assigned to more than one
    overlap_done: int  # overlap documents at least two assignees marked done
    agreement: float | None  # exact span F1 over those
    curve: list[tuple[int, float]]  # (overlap documents done by two, F1 so far)

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "overlap": {"documents": self.overlap, "done_by_two": self.overlap_done, "span_f1": self.agreement,
                        "curve": [{"documents": n, "span_f1": f} for n, f in self.curve]},
            "annotators": [{"annotator": a.annotator, "assigned": a.assigned, **a.states, "spans": a.spans,
                            "minutes": round(a.seconds / 60, 1), "edits": a.edits} for a in self.annotators],
        }

    def lines(self) -> list[str]:
        width = max([len(a.annotator) for a in self.annotators] + [9])
        out = [f"{'annotator':<{width}} {'assigned':>8} {'done':>6} {'in prog.':>8} {'to do':>6} {'spans':>7} "
               f"{'minutes':>8}"]
        for a in self.annotators:
            out.append(f"{a.annotator:<{width}} {a.assigned:>8} {a.states['done']:>6} {a.states['in_progress']:>8} "
                       f"{a.states['todo']:>6} {a.spans:>7} {a.seconds / 60:>8.1f}")
        agreement = "not yet measurable" if self.agreement is None else f"span F1 {self.agreement:.3f}"
        out.append(f"overlap: {self.overlap} of {self.documents} documents given to more than one annotator; "
                   f"{self.overlap_done} done by two so far: {agreement}")
        return out


def _seconds(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def time_spent(stamps: list[str]) -> float:
    """Seconds of work in a list of edit times (any order)."""
    times = sorted(_seconds(s) for s in stamps)
    return sum(b - a for a, b in zip(times, times[1:]) if b - a <= IDLE)


def compute(project) -> Progress:
    plan = assignments(project)
    names = sorted({a for who in plan.values() for a in who})
    rows = {a: AnnotatorProgress(a) for a in names}
    state = progress_rows.doc_states(project)
    for doc, who in plan.items():
        for a in who:
            rows[a].assigned += 1
            rows[a].states[state.get((doc, a), ("todo", ""))[0]] += 1
    stamps: dict[str, list[str]] = defaultdict(list)
    keys: dict[tuple[int, str], set] = defaultdict(set)
    for doc, ann, start, end, label, status, created, modified in progress_rows.span_rows(project):
        if ann in rows:
            stamps[ann].append(modified)
            if created != modified:
                stamps[ann].append(created)
            if status == "accepted" and ann in plan.get(doc, ()):
                rows[ann].spans += 1
                keys[(doc, ann)].add((start, end, label))
    for ann, modified in progress_rows.relation_times(project):
        if ann in rows:
            stamps[ann].append(modified)
    for (doc, ann), (s, modified) in state.items():
        if ann in rows:
            stamps[ann].append(modified)
    for a in names:
        rows[a].seconds = time_spent(stamps[a])
        rows[a].edits = len(stamps[a])
    # Agreement on the overlap, in the order the documents became comparable.
    finished = []
    for doc, who in plan.items():
        if len(who) < 2:
            continue
        done = sorted((state[(doc, a)][1], a) for a in who if state.get((doc, a), ("",))[0] == "done")
        if len(done) >= 2:
            finished.append((done[1][0], doc, [a for _, a in done]))
    finished.sort()
    matches = total = 0
    curve = []
    for _, doc, who in finished:
        for i in range(len(who)):
            for j in range(i + 1, len(who)):
                ka, kb = keys.get((doc, who[i]), set()), keys.get((doc, who[j]), set())
                matches += 2 * len(ka & kb)
                total += len(ka) + len(kb)
        curve.append((len(curve) + 1, matches / total if total else 1.0))
    return Progress([rows[a] for a in names], len(plan), sum(len(w) > 1 for w in plan.values()), len(finished),
                    curve[-1][1] if curve else None, curve)
