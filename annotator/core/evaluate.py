"""Scoring suggestions (or any annotator) against gold: per-label precision, recall and F1,
exact and overlap, DATE value accuracy, QUOTE source and type accuracy, SOURCE kind accuracy.

Matching: exact = same start and end; overlap = one-to-one pairs of overlapping spans, the
largest overlaps first. Value accuracy counts overlap-matched DATE pairs whose gold span has
a value; source accuracy counts overlap-matched QUOTE pairs whose gold quote has a source,
right when a predicted source of the quote overlaps a gold source of it. Type accuracy counts
overlap-matched QUOTE pairs with the same type; kind accuracy, overlap-matched SOURCE pairs whose
gold span has a kind, right when the predicted kind is the same.

Also reads "offset gold": JSON that stores offsets, labels and a short hash of each span's text
for documents kept outside the repository (the seed articles), joined with their text at run time.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from annotator.core.errors import AnnotatorError

LABELS = ("DATE", "QUOTE", "SOURCE", "CUE")


class EvaluationError(AnnotatorError):
    """Gold and prediction files cannot be compared."""


def span_hash(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:10]


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0

    @staticmethod
    def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else (1.0 if not gold else 0.0)
        r = tp / gold if gold else (1.0 if not pred else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def exact_prf(self):
        return self._prf(self.exact, self.pred, self.gold)

    def overlap_prf(self):
        return self._prf(self.overlap, self.pred, self.gold)


@dataclass
class EvalReport:
    labels: dict[str, Counts] = field(default_factory=lambda: {l: Counts() for l in LABELS})
    value_total: int = 0
    value_right: int = 0
    type_right: int = 0
    mod_right: int = 0
    source_total: int = 0
    source_right: int = 0
    quote_type_right: int = 0
    quote_pairs: int = 0
    kind_total: int = 0
    kind_right: int = 0
    documents: int = 0
    value_errors: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)

    @property
    def value_accuracy(self) -> float:
        return self.value_right / self.value_total if self.value_total else 1.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.source_total if self.source_total else 1.0

    @property
    def quote_type_accuracy(self) -> float:
        return self.quote_type_right / self.quote_pairs if self.quote_pairs else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.kind_total if self.kind_total else 1.0

    def as_dict(self) -> dict:
        out = {"documents": self.documents, "labels": {}}
        for lab, c in self.labels.items():
            ep, er, ef = c.exact_prf()
            op, or_, of = c.overlap_prf()
            out["labels"][lab] = {"gold": c.gold, "pred": c.pred, "exact": {"p": ep, "r": er, "f1": ef},
                                  "overlap": {"p": op, "r": or_, "f1": of}}
        out["date_values"] = {"matched_with_value": self.value_total, "right": self.value_right,
                              "accuracy": self.value_accuracy}
        out["quote_sources"] = {"matched_with_source": self.source_total, "right": self.source_right,
                                "accuracy": self.source_accuracy}
        out["quote_types"] = {"matched": self.quote_pairs, "right": self.quote_type_right}
        out["source_kinds"] = {"matched_with_kind": self.kind_total, "right": self.kind_right,
                               "accuracy": self.kind_accuracy}
        return out

    def table(self) -> str:
        lines = [f"{'label':<8} {'gold':>5} {'pred':>5}   {'exact P':>7} {'R':>6} {'F1':>6}   {'overlap P':>9} "
                 f"{'R':>6} {'F1':>6}"]
        for lab, c in self.labels.items():
            ep, er, ef = c.exact_prf()
            op, or_, of = c.overlap_prf()
            lines.append(f"{lab:<8} {c.gold:>5} {c.pred:>5}   {ep:>7.3f} {er:>6.3f} {ef:>6.3f}   {op:>9.3f} "
                         f"{or_:>6.3f} {of:>6.3f}")
        lines.append("")
        lines.append(f"DATE value accuracy (overlap-matched, gold has a value): {self.value_right}/{self.value_total}"
                     f" = {self.value_accuracy:.3f}")
        lines.append(f"QUOTE source accuracy (overlap-matched, gold has a source): {self.source_right}/"
                     f"{self.source_total} = {self.source_accuracy:.3f}")
        if self.quote_pairs:
            lines.append(f"QUOTE type agreement: {self.quote_type_right}/{self.quote_pairs}")
        if self.kind_total:
            lines.append(f"SOURCE kind accuracy (overlap-matched, gold has a kind): {self.kind_right}/"
                         f"{self.kind_total} = {self.kind_accuracy:.3f}")
        return "\n".join(lines)


def _spans(rec: dict, annotator: str | None) -> list[dict]:
    out = []
    for s in rec.get("spans", []):
        if s.get("status", "accepted") == "rejected":
            continue
        if annotator is not None and s.get("annotator") != annotator:
            continue
        out.append(s)
    return out


def _links(rec: dict, spans: list[dict], label: str) -> dict:
    """quote span ref -> list of target spans, for relations of this label among kept spans."""
    by_id = {s.get("id"): s for s in spans}
    out: dict = {}
    for r in rec.get("relations", []):
        if r.get("label") != label or r.get("status", "accepted") == "rejected":
            continue
        a, b = by_id.get(r.get("from")), by_id.get(r.get("to"))
        if a is not None and b is not None:
            out.setdefault(id(a), []).append(b)
    return out


def _overlap_pairs(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    cands = []
    for g in gold:
        for p in pred:
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((ov, id(g), id(p), g, p))
    cands.sort(key=lambda c: -c[0])
    used_g, used_p, pairs = set(), set(), []
    for _, ig, ip, g, p in cands:
        if ig in used_g or ip in used_p:
            continue
        used_g.add(ig)
        used_p.add(ip)
        pairs.append((g, p))
    return pairs


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def evaluate(gold: Iterable[dict], pred: Iterable[dict], gold_annotator: str | None = None,
             pred_annotator: str | None = None) -> EvalReport:
    """Compare native records. Documents pair by id when every record has one, else by position."""
    gold, pred = list(gold), list(pred)
    if all(r.get("id") is not None for r in gold + pred):
        pmap = {str(r["id"]): r for r in pred}
        pairs = []
        for g in gold:
            p = pmap.get(str(g["id"]))
            if p is None:
                raise EvaluationError(f"document {g['id']!r} of the gold file is missing from the predictions")
            pairs.append((g, p))
    else:
        if len(gold) != len(pred):
            raise EvaluationError(f"gold has {len(gold)} documents, predictions {len(pred)}; give ids to pair them")
        pairs = list(zip(gold, pred))
    report = EvalReport()
    for g, p in pairs:
        if g.get("text") != p.get("text"):
            raise EvaluationError(f"document {g.get('id', '?')!r}: gold and prediction texts differ")
        report.documents += 1
        gs, ps = _spans(g, gold_annotator), _spans(p, pred_annotator)
        g_src, p_src = _links(g, gs, "source"), _links(p, ps, "source")
        for lab in LABELS:
            gl = [s for s in gs if s["label"] == lab]
            pl = [s for s in ps if s["label"] == lab]
            c = report.labels[lab]
            c.gold += len(gl)
            c.pred += len(pl)
            gkeys = {(s["start"], s["end"]) for s in gl}
            c.exact += len(gkeys & {(s["start"], s["end"]) for s in pl})
            pairs_ov = _overlap_pairs(gl, pl)
            c.overlap += len(pairs_ov)
            for gsp, psp in pairs_ov:
                if lab == "DATE":
                    gv = (gsp.get("attrs") or {}).get("value")
                    pv = (psp.get("attrs") or {}).get("value")
                    if gv:
                        report.value_total += 1
                        if gv == pv:
                            report.value_right += 1
                        else:
                            report.value_errors.append((g.get("text", "")[gsp["start"]:gsp["end"]], gv, pv,
                                                        str(g.get("id"))))
                elif lab == "SOURCE":
                    gk = (gsp.get("attrs") or {}).get("kind")
                    if gk:
                        report.kind_total += 1
                        if gk == (psp.get("attrs") or {}).get("kind"):
                            report.kind_right += 1
                elif lab == "QUOTE":
                    report.quote_pairs += 1
                    if (gsp.get("attrs") or {}).get("type") == (psp.get("attrs") or {}).get("type"):
                        report.quote_type_right += 1
                    golds = g_src.get(id(gsp), [])
                    if golds:
                        report.source_total += 1
                        preds = p_src.get(id(psp), [])
                        if any(_overlaps(a, b) for a in golds for b in preds):
                            report.source_right += 1
    return report


# ----- reading -----------------------------------------------------------------------------------------
def read_jsonl(path: str | Path) -> list[dict]:
    from annotator.core.formats.common import iter_jsonl_objects

    out = []
    try:
        for where, obj, _ in iter_jsonl_objects(Path(path)):
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise EvaluationError(f"{where}: expected a record with a \"text\" string")
            out.append(obj)
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read: {exc.strerror}") from None
    except AnnotatorError as exc:
        raise EvaluationError(str(exc)) from None
    return out


def load_offset_gold(path: str | Path, texts: str | Path | None = None) -> list[dict]:
    """Native records from an offset-gold file: {"texts": DIR, "docs": [{"file", "sha256", "dct",
    "spans": [{"id", "start", "end", "label", "attrs", "hash"}], "relations": [...]}]}.

    Texts are read from `texts` (default: the file's "texts", relative to the gold file) and
    each span's hash is checked, so a changed text is reported instead of scored wrongly.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{path}: cannot read offset gold: {exc}") from None
    root = Path(texts) if texts else (path.parent / data.get("texts", ".")).resolve()
    out = []
    for doc in data.get("docs", []):
        f = root / doc["file"]
        try:
            text = f.read_text(encoding="utf-8")
        except OSError as exc:
            raise EvaluationError(f"{f}: cannot read: {exc.strerror}") from None
        if doc.get("sha256") and hashlib.sha256(text.encode("utf-8")).hexdigest() != doc["sha256"]:
            raise EvaluationError(f"{f}: text differs from the one the gold was made on")
        spans = []
        for s in doc.get("spans", []):
            seg = text[s["start"]:s["end"]]
            if s.get("hash") and span_hash(seg) != s["hash"]:
                raise EvaluationError(f"{path}: {doc['file']} span {s.get('id')} ({s['start']}..{s['end']}) "
                                      f"does not match the text")
            spans.append({k: v for k, v in s.items() if k != "hash"} | {"text": seg})
        meta = {"dct": doc["dct"]} if doc.get("dct") else {}
        out.append({"id": doc["file"], "text": text, "meta": meta, "spans": spans,
                    "relations": doc.get("relations", [])})
    return out


def load_gold(path: str | Path, texts: str | Path | None = None) -> list[dict]:
    """A gold file: native JSONL, or offset gold (.json)."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return load_offset_gold(p, texts)
    return read_jsonl(p)
