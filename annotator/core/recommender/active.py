"""Active learning: the to-do documents in the order that teaches the model most.

"uncertainty" puts first the documents where the model is least sure on average (mean over
units of 1 - the marginal probability of its best tag); "gain" those where labelling is
expected to bring the most corrections (the same sum, not divided by length), which favours
long uncertain documents. Ties keep document order.
"""

from __future__ import annotations

import random
from typing import Callable

from annotator.core.recommender.model import Model
from annotator.core.recommender.store import todo_docs

ORDERS = ("uncertainty", "gain")


def candidates(project, annotator: str, limit: int | None = None) -> list[int]:
    """The annotator's to-do documents; with a limit, a reproducible sample of that many (ranking
    reads and tags every candidate: a window wants an answer in seconds, not for all 100,000)."""
    nums = todo_docs(project, annotator)
    if limit is not None and len(nums) > limit:
        nums = sorted(random.Random(16).sample(nums, limit))
    return nums


def rank(project, model: Model, annotator: str, order: str = "uncertainty", docs: list[int] | None = None,
         progress: Callable[[int, int], None] | None = None, cancel=None) -> list[tuple[int, float]]:
    """(document number, score) of the annotator's documents not done, most useful first."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    nums = candidates(project, annotator) if docs is None else docs
    texts = [(n, project.document(n).text) for n in nums]
    return rank_texts(model, texts, order, progress, cancel)


def rank_texts(model: Model, texts: list[tuple[int, str]], order: str = "uncertainty",
               progress: Callable[[int, int], None] | None = None, cancel=None) -> list[tuple[int, float]]:
    """The ranking over (key, text) pairs; needs no database (a worker thread may run it)."""
    scored = []
    for i, (key, text) in enumerate(texts):
        if cancel is not None and cancel.is_set():
            break
        mean, total = model.uncertainty(text)
        scored.append((key, round(mean if order == "uncertainty" else total, 6), i))
        if progress:
            progress(i + 1, len(texts))
    scored.sort(key=lambda t: (-t[1], t[2]))
    return [(k, s) for k, s, _ in scored]


def next_document(project, model: Model, annotator: str, order: str = "uncertainty",
                  current: int | None = None) -> int | None:
    """The most useful to-do document other than the current one, or None."""
    for num, _ in rank(project, model, annotator, order):
        if num != current:
            return num
    return None
