"""The recommender's suggestions, joined with the rule-based ones.

Both go into the layer as status "suggested", so the same accept/reject keys work. A model span
carries rule "recommender vN" and an origin naming the model, its version and its confidence.
Where the rules and the model both find a span of one label (overlapping), the rules win: the
rule's span is kept, and its origin says the model found it too (and where). The model never
suggests over a span the layer already has for that label (accepted, suggested or rejected).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from annotator.core.recommender.model import Model, Prediction
from annotator.core.suggest import DEFAULT_ANNOTATOR, insert_suggested, suggest_record


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def recommend_record(text: str, model: Model, dct=None, rules: bool = True, annotator: str = DEFAULT_ANNOTATOR,
                     labels: set[str] | None = None, min_confidence: float = 0.0,
                     predictions: list[Prediction] | None = None) -> tuple[list[dict], list[dict]]:
    """Rule and model suggestions for one text, in suggest_record's form (rule span ids s1, s2 ...,
    model span ids m1, m2 ...)."""
    found = suggest_record(text, dct, None, annotator)
    spans, rels = found if rules else ([], [])
    preds = predictions if predictions is not None else model.predict(
        text, labels, [dict(s) for s in found[0]])  # the model's features see the rules' spans too
    if labels is not None:
        keep = {s["id"] for s in spans if s["label"] in labels}
        spans = [s for s in spans if s["id"] in keep]
        rels = [r for r in rels if r["from"] in keep and r["to"] in keep]
    name = model.name()
    version = model.meta.get("version")
    n = 0
    added = []
    for p in preds:
        if p.confidence < min_confidence or (labels is not None and p.label not in labels):
            continue
        rival = next((s for s in spans if s["label"] == p.label and _overlaps((s["start"], s["end"]),
                                                                                (p.start, p.end))), None)
        if rival is not None:
            rival.setdefault("origin", {}).update({
                "recommender": name, "recommender_span": [p.start, p.end],
                "recommender_confidence": p.confidence, "decided": "rules win where rules and recommender both fire"})
            continue
        n += 1
        # "m" ids: the rules' "s" ids may have gaps (labels filtered out) and must not be reused.
        added.append({"id": f"m{n}", "start": p.start, "end": p.end, "label": p.label, "text": text[p.start:p.end],
                      "annotator": annotator, "status": "suggested", "attrs": {}, "rule": name,
                      "origin": {"model": "recommender", "version": version, "confidence": p.confidence}})
    spans = sorted(spans + added, key=lambda s: (s["start"], -s["end"]))
    return spans, rels


@dataclass
class RecommendReport:
    documents: int = 0
    spans: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    from_model: int = 0

    def summary(self) -> str:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.by_label.items()))
        return (f"suggested {self.spans} spans ({labels or 'none'}; {self.from_model} by the recommender) "
                f"in {self.documents} documents")


def _fresh(project, doc_num: int, annotator: str, spans: list[dict], rels: list[dict]):
    """Drop model spans over a span of the same label the layer already has (any status)."""
    have = [(s.start, s.end, s.label) for s in project.spans(doc_num, annotator)]
    out = [s for s in spans if not (s.get("origin", {}).get("model") == "recommender" and any(
        l == s["label"] and _overlaps((a, b), (s["start"], s["end"])) for a, b, l in have))]
    ids = {s["id"] for s in out}
    return out, [r for r in rels if r["from"] in ids and r["to"] in ids]


def recommend_project(project, model: Model, annotator: str = DEFAULT_ANNOTATOR, docs: Iterable[int] | None = None,
                      rules: bool = True, labels: set[str] | None = None, min_confidence: float = 0.0,
                      progress: Callable[[int, int], None] | None = None) -> tuple[RecommendReport, list[int]]:
    """Suggest with rules and model in the given documents (default: all), in one transaction.
    Returns the report and the new span ids (deleting them is the undo)."""
    nums = list(docs) if docs is not None else project.document_nums()
    report = RecommendReport()
    ids: list[int] = []
    with project.transaction():
        for i, num in enumerate(nums):
            doc = project.document(num)
            spans, rels = recommend_record(doc.text, model, doc.meta.get("dct"), rules, annotator, labels,
                                           min_confidence)
            spans, rels = _fresh(project, num, annotator, spans, rels)
            created = insert_suggested(project, num, spans, rels, annotator)
            report.documents += 1
            report.spans += len(created)
            for sid, label in created:
                ids.append(sid)
                report.by_label[label] = report.by_label.get(label, 0) + 1
                report.from_model += project.span(sid).rule == model.name()
            if progress:
                progress(i + 1, len(nums))
    return report, ids
