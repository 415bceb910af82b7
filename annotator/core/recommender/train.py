"""Training the recommender from a project's own annotations.

Three steps, so a window can run the slow middle one in a worker thread without touching the
database from it: collect() reads the training data (accepted spans of done documents, and
every rejected suggestion), fit() featurizes and trains (no database), save() stores the model
as a new version.

The held-out scores are measured on a reproducible split of the training documents (a document
is held out when a hash of its id says so, about one in five), with a model trained on the rest;
the stored model is then trained on every document.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

import pycrfsuite

from annotator.core.recommender.features import bio, featurize
from annotator.core.recommender.model import Model, RecommenderError
from annotator.core.recommender.store import rejected_spans, save_model, training_layers

HELD_OUT_EVERY = 5
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 80, "feature.possible_transitions": True}
NEGATIVE_CONTEXT = 2  # units on each side of a rejected suggestion that go with it


class Cancelled(Exception):
    """Training was cancelled by the user; nothing was stored."""


@dataclass
class Example:
    key: str  # document id: decides the held-out split (every layer of a document on one side)
    text: str
    spans: list[tuple[int, int, str]]
    negatives: list[tuple[int, int, str]] = field(default_factory=list)  # rejected suggestions
    done: bool = True  # False: only its negatives are learnt from


@dataclass
class TrainingData:
    labels: list[str]
    examples: list[Example]
    summary: dict = field(default_factory=dict)

    @property
    def done(self) -> list[Example]:
        return [e for e in self.examples if e.done]


@dataclass
class TrainResult:
    model: Model
    scores: dict  # label -> {"p", "r", "f1", "gold", "pred"}; "held_out": number of documents
    seconds: float
    docs: int
    version: int | None = None

    def summary(self) -> str:
        lines = [f"recommender v{self.version}: {self.docs} documents, {len(self.model.labels)} labels, "
                 f"trained in {self.seconds:.1f} s; held-out scores on {self.scores.get('held_out', 0)} documents:"]
        lines.append(f"  {'label':<16} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5}")
        for label in self.model.labels:
            s = self.scores.get("labels", {}).get(label)
            if s:
                lines.append(f"  {label:<16} {s['p']:5.2f} {s['r']:5.2f} {s['f1']:5.2f} {s['gold']:5d}")
        return "\n".join(lines)


# ----- collecting ----------------------------------------------------------------------------------
def collect(project, labels: Iterable[str] | None = None, layer: str | None = None,
            state: str | None = "done") -> TrainingData:
    """Accepted spans of the chosen layers (every non-suggester layer, or one) of documents in
    `state` (None: any), and every rejected suggestion as a negative."""
    scheme = project.scheme
    wanted = set(labels) if labels else None
    if wanted:
        unknown = sorted(l for l in wanted if not scheme.has_label(l))
        if unknown:
            raise RecommenderError(f"{project.path}: label {unknown[0]!r} is not in the project's scheme")
    examples: dict[tuple[int, str], Example] = {}
    texts: dict[int, tuple[str, str]] = {}

    def doc(num: int) -> tuple[str, str]:
        if num not in texts:
            d = project.document(num)
            texts[num] = (d.id, d.text)
        return texts[num]

    seen: set[str] = set()
    for num, annotator in training_layers(project, layer, state):
        ident, text = doc(num)
        spans = [(s.start, s.end, s.label) for s in project.spans(num, annotator, ["accepted"])
                 if wanted is None or s.label in wanted]
        seen.update(l for _, _, l in spans)
        examples[(num, annotator)] = Example(ident, text, spans)
    for num, annotator, s, e, label in rejected_spans(project, layer):
        if wanted is not None and label not in wanted:
            continue
        ex = examples.get((num, annotator))
        if ex is None:
            ident, text = doc(num)
            accepted = [(sp.start, sp.end, sp.label) for sp in project.spans(num, annotator, ["accepted"])]
            ex = examples[(num, annotator)] = Example(ident, text, accepted, done=False)
        ex.negatives.append((s, e, label))
    chosen = sorted(wanted) if wanted else sorted(l for l in seen if scheme.has_label(l))
    data = TrainingData(chosen, list(examples.values()))
    data.summary = {"layer": layer, "state": state, "documents": len(data.done),
                    "negatives": sum(len(e.negatives) for e in data.examples)}
    if not data.done:
        raise RecommenderError(f"{project.path}: no {state or ''} documents to learn from"
                               + (f" in layer {layer!r}" if layer else "") + "; mark some documents done first")
    if not chosen:
        raise RecommenderError(f"{project.path}: the training documents have no accepted spans")
    return data


# ----- label groups -----------------------------------------------------------------------------------
def label_groups(examples: Iterable[Example], labels: list[str]) -> list[list[str]]:
    """Labels split so that no two labels whose spans overlap share a tagger (greedy colouring,
    most frequent label first)."""
    count = {l: 0 for l in labels}
    clash: dict[str, set[str]] = {l: set() for l in labels}
    for ex in examples:
        spans = sorted(s for s in ex.spans if s[2] in count)
        for i, (s, e, a) in enumerate(spans):
            count[a] += 1
            for s2, e2, b in spans[i + 1:]:
                if s2 >= e:
                    break
                if a != b:
                    clash[a].add(b)
                    clash[b].add(a)
    groups: list[list[str]] = []
    for label in sorted(labels, key=lambda l: (-count[l], l)):
        for g in groups:
            if not clash[label].intersection(g):
                g.append(label)
                break
        else:
            groups.append([label])
    return [sorted(g) for g in groups]


def held_out(key: str) -> bool:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % HELD_OUT_EVERY == 0


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """(train, test) of the done examples; test is empty with fewer than 5 documents."""
    done = [e for e in examples if e.done]
    if len(done) < HELD_OUT_EVERY:
        return done, []
    test = [e for e in done if held_out(e.key)]
    if not test:  # a small set where the hash picked nothing: the first by key
        test = [min(done, key=lambda e: hashlib.sha256(e.key.encode()).hexdigest())]
    chosen = {id(e) for e in test}
    return [e for e in examples if id(e) not in chosen], test


# ----- fitting -----------------------------------------------------------------------------------------
class _Trainer(pycrfsuite.BaseTrainer):
    _ITER = re.compile(r"\*+ Iteration #(\d+)")

    def __init__(self, cancel: threading.Event | None, tick: Callable[[int], None] | None):
        super().__init__(verbose=False)
        self.cancel = cancel
        self.tick = tick

    def message(self, message):
        # Raising here makes CRFsuite stop and train() re-raise it.
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()
        m = self._ITER.search(message)
        if m and self.tick:
            self.tick(int(m.group(1)))


class _Featurized:
    """Features of each example's text, computed once (they do not depend on the labels)."""

    def __init__(self):
        self.cache: dict[int, tuple] = {}

    def get(self, ex: Example):
        k = id(ex)
        if k not in self.cache:
            self.cache[k] = featurize(ex.text)
        return self.cache[k]


def _sequences(ex: Example, group: list[str], feats_of: _Featurized):
    bounds, feats = feats_of.get(ex)
    if not bounds:
        return
    if ex.done:
        yield feats, bio(bounds, [s for s in ex.spans if s[2] in group])
    taken = [(s, e) for s, e, l in ex.spans if l in group]
    for s, e, label in ex.negatives:
        if label not in group:
            continue
        i = next((k for k, b in enumerate(bounds) if b[1] > s), len(bounds))
        j = next((k for k in range(i, len(bounds)) if bounds[k][0] >= e), len(bounds))
        i, j = max(0, i - NEGATIVE_CONTEXT), min(len(bounds), j + NEGATIVE_CONTEXT)
        lo, hi = bounds[i][0], bounds[j - 1][1] if j > i else bounds[i][1]
        if any(a < hi and lo < b for a, b in taken):
            continue  # the fragment holds an accepted span: not all of it is outside
        yield feats[i:j], ["O"] * (j - i)


def fit_group(examples: list[Example], group: list[str], feats_of: _Featurized, params: dict | None = None,
              cancel: threading.Event | None = None, tick: Callable[[int], None] | None = None) -> bytes:
    trainer = _Trainer(cancel, tick)
    trainer.select("lbfgs")
    n = 0
    for xseq, yseq in (seq for ex in examples for seq in _sequences(ex, group, feats_of)):
        trainer.append(xseq, yseq)
        n += 1
        if cancel is not None and cancel.is_set():
            raise Cancelled()
    if not n:
        raise RecommenderError("nothing to train on")
    trainer.set_params({**PARAMS, **(params or {})})
    fd, path = tempfile.mkstemp(prefix="annotator-rec-", suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as fh:
            return fh.read()
    finally:
        try:
            os.remove(path)
        except OSError:
            pass


def fit_model(examples: list[Example], labels: list[str], params: dict | None = None,
              cancel: threading.Event | None = None, progress: Callable[[int, int], None] | None = None,
              feats_of: _Featurized | None = None, step: tuple[int, int] = (0, 1)) -> Model:
    feats_of = feats_of or _Featurized()
    groups = label_groups([e for e in examples if e.done], labels)
    iters = (params or {}).get("max_iterations", PARAMS["max_iterations"])
    taggers = []
    for gi, group in enumerate(groups):
        def tick(i: int, gi=gi):
            if progress:
                part = (gi + min(i, iters) / iters) / len(groups)
                progress(int(1000 * (step[0] + part) / step[1]), 1000)
        taggers.append(fit_group(examples, group, feats_of, params, cancel, tick))
    return Model(groups, taggers, {"labels": labels})


def score(model: Model, examples: list[Example], labels: list[str]) -> dict:
    """Exact-match precision, recall and F1 per label on the examples' accepted spans."""
    out = {}
    counts = {l: [0, 0, 0] for l in labels}  # gold, pred, right
    for ex in examples:
        gold = {s for s in ex.spans if s[2] in counts}
        pred = {(p.start, p.end, p.label) for p in model.predict(ex.text) if p.label in counts}
        for s in gold:
            counts[s[2]][0] += 1
        for s in pred:
            counts[s[2]][1] += 1
            if s in gold:
                counts[s[2]][2] += 1
    for l, (g, p, r) in counts.items():
        prec = r / p if p else (1.0 if not g else 0.0)
        rec = r / g if g else (1.0 if not p else 0.0)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[l] = {"p": round(prec, 4), "r": round(rec, 4), "f1": round(f1, 4), "gold": g, "pred": p}
    return out


def fit(data: TrainingData, params: dict | None = None, cancel: threading.Event | None = None,
        progress: Callable[[int, int], None] | None = None) -> TrainResult:
    """Held-out scores from a model trained on the training split, then the model on all."""
    t0 = time.perf_counter()
    feats_of = _Featurized()
    train_part, test = split(data.examples)
    scores: dict = {"held_out": len(test), "labels": {}}
    steps = 2 if test else 1
    if test:
        probe = fit_model(train_part, data.labels, params, cancel, progress, feats_of, (0, steps))
        scores["labels"] = score(probe, test, data.labels)
    model = fit_model(data.examples, data.labels, params, cancel, progress, feats_of, (steps - 1, steps))
    if progress:
        progress(1000, 1000)
    return TrainResult(model, scores, time.perf_counter() - t0, len(data.done))


def save(project, data: TrainingData, result: TrainResult) -> int:
    training = {**data.summary, "seconds": round(result.seconds, 2), "groups": result.model.groups}
    result.version = save_model(project, result.model, result.docs, result.scores, training)
    return result.version


def train(project, labels: Iterable[str] | None = None, layer: str | None = None, state: str | None = "done",
          params: dict | None = None, progress=None, cancel=None) -> TrainResult:
    data = collect(project, labels, layer, state)
    result = fit(data, params, cancel, progress)
    save(project, data, result)
    return result


# ----- learning curve -------------------------------------------------------------------------------
CURVE_SIZES = (10, 25, 50, 100, 200)


def learning_curve(data: TrainingData, sizes: Iterable[int] = CURVE_SIZES, params: dict | None = None,
                   test: list[Example] | None = None, cancel=None) -> list[dict]:
    """F1 per label after n done documents (the first n of the training split, in a fixed
    shuffled order), on the held-out split (or the given test examples)."""
    import random

    feats_of = _Featurized()
    if test is None:
        train_part, test = split(data.examples)
    else:
        train_part = list(data.examples)
    done = [e for e in train_part if e.done]
    random.Random(16).shuffle(done)
    negatives = [e for e in train_part if not e.done]
    rows = []
    for n in sorted(set(sizes)):
        if n > len(done):
            break
        t0 = time.perf_counter()
        model = fit_model(done[:n] + negatives, data.labels, params, cancel, None, feats_of)
        secs = time.perf_counter() - t0
        rows.append({"docs": n, "seconds": round(secs, 2), "labels": score(model, test, data.labels)})
    return rows
