"""Inter-annotator agreement: span F1, Cohen's kappa, Krippendorff's alpha, attributes, relations.

What is compared: accepted spans only, of the documents that every compared annotator has
marked done (a pair: both of them; "all": every annotator). Kappa and alpha take the
non-whitespace characters of those documents as units: for label L a character's value for
an annotator is 1 inside one of that annotator's L spans, else 0. Overall ("*") figures pool
the labels: a unit is then a (character, label) pair. F1 for "all" is the mean over pairs.

Speed: nothing loops over characters. Per document and label a sweep over span edges yields
segments with the set (bit mask) of annotators covering them; a segment adds its count of
non-whitespace characters to that mask. Every kappa and alpha is computed from those counts.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable, Sequence

import orjson

from annotator.core.store import agreement_rows
from annotator.core.store.doc_texts import doc_texts

ALL = "*"  # the label key of figures pooled over labels
MEASURES = ("alpha", "kappa", "f1_exact", "f1_overlap", "attr_agreement", "relation_f1")


# ----- the statistics, on their own ------------------------------------------------------------
def alpha_nominal(units: Iterable[Sequence]) -> float | None:
    """Krippendorff's alpha, nominal, for units given as sequences of values (None = missing).

    General form (any number of coders and values, missing data): units with fewer than two
    values are not pairable and drop out. None when there is no variation (alpha undefined).
    """
    coincidence: dict[tuple, float] = defaultdict(float)
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        counts: dict = defaultdict(int)
        for v in values:
            counts[v] += 1
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nk - 1) if c == k else nc * nk
                if pairs:
                    coincidence[(c, k)] += pairs / (m - 1)
    totals: dict = defaultdict(float)
    for (c, _), o in coincidence.items():
        totals[c] += o
    n = sum(totals.values())
    disagree = sum(o for (c, k), o in coincidence.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if n <= 1 or expected == 0:
        return None
    return 1.0 - (n - 1) * disagree / expected


def alpha_binary(ones: Sequence[int], coders: int) -> float | None:
    """Alpha, nominal, for complete binary data: ones[k] = number of units that k of the coders
    marked 1 (k = 0..coders). Same result as alpha_nominal on the expanded units."""
    m = coders
    if m < 2:
        return None
    n1 = sum(k * c for k, c in enumerate(ones))
    n0 = sum((m - k) * c for k, c in enumerate(ones))
    o01 = sum(c * k * (m - k) for k, c in enumerate(ones)) / (m - 1)
    n = n0 + n1
    if n <= 1 or n0 == 0 or n1 == 0:
        return None
    return 1.0 - (n - 1) * o01 / (n0 * n1)


def cohen_kappa(n11: int, n10: int, n01: int, n00: int) -> float | None:
    """Cohen's kappa of a 2x2 table (first coder's value first). None when chance agreement is 1."""
    n = n11 + n10 + n01 + n00
    if n == 0:
        return None
    po = (n11 + n00) / n
    a1, b1 = (n11 + n10) / n, (n11 + n01) / n
    pe = a1 * b1 + (1 - a1) * (1 - b1)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def f1(matches: int, a: int, b: int) -> float | None:
    """Span F1 of two annotators (symmetric: each is the other's reference). None with no spans."""
    if a + b == 0:
        return None
    return 2 * matches / (a + b)


def max_overlap_matching(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Size of a maximum one-to-one matching of overlapping intervals (Kuhn's augmenting paths)."""
    if not a or not b:
        return 0
    adj = [[j for j, (s2, e2) in enumerate(b) if s1 < e2 and s2 < e1] for s1, e1 in a]
    owner = [-1] * len(b)

    def augment(i: int, seen: list[bool]) -> bool:
        for j in adj[i]:
            if not seen[j]:
                seen[j] = True
                if owner[j] < 0 or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    size = 0
    for i in range(len(a)):
        if adj[i] and augment(i, [False] * len(b)):
            size += 1
    return size


# ----- loading -------------------------------------------------------------------------------
@dataclass
class _DocData:
    num: int
    done: tuple[int, ...]  # indexes of the compared annotators who marked it done
    spans: dict[int, dict[str, set]] = field(default_factory=dict)  # annotator -> label -> {(start, end)}
    attrs: dict[int, dict[tuple, dict]] = field(default_factory=dict)  # annotator -> (s, e, label) -> attrs
    rels: dict[int, set] = field(default_factory=dict)  # annotator -> {(rel, from key, to key)}
    keys: dict[int, set] = field(default_factory=dict)  # annotator -> {(start, end, label)}


def default_annotators(project) -> list[str]:
    """The human annotators who have marked at least one document done."""
    return agreement_rows.annotators_with_done(project)


def _load(project, annotators: list[str]) -> tuple[list[_DocData], dict[int, str], dict[int, str]]:
    index = {a: i for i, a in enumerate(annotators)}
    done: dict[int, list[int]] = defaultdict(list)
    for doc, ann in agreement_rows.done_pairs(project, annotators):
        done[doc].append(index[ann])
    docs = {num: _DocData(num, tuple(sorted(ix))) for num, ix in done.items() if len(ix) >= 2}
    parsed: dict[str, dict] = {}
    for doc, ann, start, end, label, attrs in agreement_rows.accepted_spans(project, annotators):
        d = docs.get(doc)
        if d is None:
            continue
        i = index[ann]
        key = (start, end, label)
        ks = d.keys.get(i)
        if ks is None:
            d.keys[i] = {key}
        else:
            ks.add(key)
        if attrs != "{}":
            value = parsed.get(attrs)
            if value is None:
                # An attribute written as null is one not set (as review counts it): an
                # imported "mod": null must not pass for a disagreement.
                value = parsed[attrs] = {k: v for k, v in orjson.loads(attrs).items() if v is not None}
            if value:
                d.attrs.setdefault(i, {}).setdefault(key, value)
    for d in docs.values():
        for i, ks in d.keys.items():
            by_label: dict[str, set] = {}
            for s, e, label in ks:
                cell = by_label.get(label)
                if cell is None:
                    by_label[label] = {(s, e)}
                else:
                    cell.add((s, e))
            d.spans[i] = by_label
    for doc, ann, label, s1, e1, l1, s2, e2, l2 in agreement_rows.accepted_links(project, annotators):
        d = docs.get(doc)
        if d is not None:
            d.rels.setdefault(index[ann], set()).add((label, (s1, e1, l1), (s2, e2, l2)))
    texts: dict[int, str] = {}
    ids: dict[int, str] = {}
    for num, doc_id, text in doc_texts(project):
        if num in docs:
            texts[num] = text
            ids[num] = doc_id
    return [docs[n] for n in sorted(docs)], texts, ids


# ----- the result ---------------------------------------------------------------------------
@dataclass
class Agreement:
    annotators: list[str]
    labels: list[str]
    relations: list[str]
    documents: int  # documents every compared annotator marked done
    pair_documents: dict[tuple[str, str], int]
    figures: list[dict]
    confusion: list[dict]
    disagreement: list[dict]  # per document, worst first
    # pair -> (exact-matched spans, of those how many differ in an attribute value): a match
    # on edges and label is not agreement on the attributes, and the figures say so.
    pair_attrs: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)

    def get(self, label: str, measure: str, pair: tuple[str, str] | None = None,
            attribute: str | None = None) -> float | None:
        """One figure's value: pair None means all annotators together."""
        if pair is None and len(self.annotators) == 2:
            pair = tuple(self.annotators)  # with two annotators, "all" is their pair
        names = sorted(pair) if pair else sorted(self.annotators)
        for f in self.figures:
            if (f["label"] == label and f["measure"] == measure and sorted(f["annotators"]) == names
                    and f.get("attribute") == attribute):
                return f["value"]
        raise KeyError((label, measure, pair, attribute))

    def to_json(self) -> dict:
        return {
            "annotators": self.annotators,
            "labels": self.labels,
            "relations": self.relations,
            "documents": self.documents,
            "pairs": [{"annotators": list(p), "documents": n, "matched": self.pair_attrs.get(p, (0, 0))[0],
                       "attrs_differ": self.pair_attrs.get(p, (0, 0))[1]} for p, n in self.pair_documents.items()],
            "figures": self.figures,
            "confusion": self.confusion,
            "disagreement": self.disagreement,
        }


class _PairAcc:
    def __init__(self, labels: list[str]):
        self.docs = 0
        self.matched = 0  # exact matches (edges and label)
        self.attrs_differ = 0  # exact matches whose attribute values are not all the same
        self.exact = {l: [0, 0, 0] for l in labels}  # matches, |A|, |B|
        self.overlap = {l: 0 for l in labels}
        self.attrs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # (label, attr) -> same, n
        self.rels: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        self.confusion: dict[tuple, int] = defaultdict(int)


@contextmanager
def gc_paused():
    """The cyclic collector finds no garbage among the many small tuples and sets built here,
    yet its full passes cost a third of the time: hold it off while they are built."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def compute(project, annotators: list[str] | None = None, labels: list[str] | None = None) -> Agreement:
    """Every figure for these annotators (default: the human ones who marked something done)."""
    with gc_paused():
        return _compute(project, annotators, labels)


def _compute(project, annotators: list[str] | None, labels: list[str] | None) -> Agreement:
    annotators = list(annotators) if annotators else default_annotators(project)
    if len(set(annotators)) != len(annotators):
        raise ValueError("an annotator is named twice")
    labels = list(labels) if labels else [l.name for l in project.scheme.labels]
    rel_labels = [r.name for r in project.scheme.relations]
    m = len(annotators)
    docs, texts, ids = _load(project, annotators) if m >= 2 else ([], {}, {})
    everyone = tuple(range(m))
    pairs = list(combinations(range(m), 2))
    # masks[group][label][mask] = non-whitespace characters covered by exactly that set;
    # a group is the tuple of annotators who marked the document done.
    masks: dict[tuple, dict[str, dict[int, int]]] = {}
    units: dict[tuple, int] = defaultdict(int)
    acc = {p: _PairAcc(labels) for p in pairs}
    per_doc = []
    label_set = set(labels)
    for d in docs:
        text = texts[d.num]
        group = d.done
        units[group] += len("".join(text.split()))
        gm = masks.setdefault(group, {l: defaultdict(int) for l in labels})
        for label in labels:
            _sweep(text, [(i, d.spans.get(i, {}).get(label, ())) for i in group], gm[label])
        doc_f1 = []
        for p in combinations(group, 2):
            doc_f1.append(_pair_doc(d, p, acc[p], labels, label_set))
        union = set()
        inter = None
        for i in group:
            ks = d.keys.get(i, set())
            if len(label_set) < len(project.scheme.labels):
                ks = {k for k in ks if k[2] in label_set}
            union |= ks
            inter = ks if inter is None else inter & ks
        per_doc.append({"id": ids[d.num], "num": d.num, "annotators": [annotators[i] for i in group],
                        "score": round(1.0 - sum(doc_f1) / len(doc_f1), 6),
                        "disputed": len(union) - len(inter or ()), "spans": len(union),
                        "attrs_differ": _attrs_differ(d, group, label_set)})
    # Attribute disagreement is not agreement: it orders documents whose spans all match.
    per_doc.sort(key=lambda r: (-r["score"], -r["disputed"], -r["attrs_differ"], r["num"]))

    figures: list[dict] = []
    pair_docs: dict[tuple[str, str], int] = {}
    pair_attrs: dict[tuple[str, str], tuple[int, int]] = {}

    def fig(label, measure, who, value, n, attribute=None):
        rec = {"label": label, "measure": measure, "scope": "all" if len(who) > 2 else "pair",
               "annotators": [annotators[i] for i in who], "value": value, "n": n}
        if attribute is not None:
            rec["attribute"] = attribute
        figures.append(rec)
        return rec

    # Pairs.
    for p in pairs:
        a, b = p
        pa = acc[p]
        pair_docs[(annotators[a], annotators[b])] = pa.docs
        pair_attrs[(annotators[a], annotators[b])] = (pa.matched, pa.attrs_differ)
        tot = [0, 0, 0, 0]
        ones_tot = [0, 0, 0]
        for label in labels:
            t = _pair_table(masks, units, a, b, label)
            tot = [x + y for x, y in zip(tot, t)]
            ones = [t[3], t[1] + t[2], t[0]]
            ones_tot = [x + y for x, y in zip(ones_tot, ones)]
            fig(label, "kappa", p, cohen_kappa(*t), sum(t))
            fig(label, "alpha", p, alpha_binary(ones, 2), sum(t))
        fig(ALL, "kappa", p, cohen_kappa(*tot), sum(tot))
        fig(ALL, "alpha", p, alpha_binary(ones_tot, 2), sum(tot))
        sums = [0, 0, 0, 0]
        for label in labels:
            mt, na, nb = pa.exact[label]
            ov = pa.overlap[label]
            sums = [sums[0] + mt, sums[1] + na, sums[2] + nb, sums[3] + ov]
            fig(label, "f1_exact", p, f1(mt, na, nb), na + nb)
            fig(label, "f1_overlap", p, f1(ov, na, nb), na + nb)
        fig(ALL, "f1_exact", p, f1(sums[0], sums[1], sums[2]), sums[1] + sums[2])
        fig(ALL, "f1_overlap", p, f1(sums[3], sums[1], sums[2]), sums[1] + sums[2])
        for label in labels:
            for attr in _attr_names(project, label):
                same, n = pa.attrs.get((label, attr), (0, 0))
                fig(label, "attr_agreement", p, same / n if n else None, n, attr)
        rs = [0, 0, 0]
        for rel in rel_labels:
            mt, na, nb = pa.rels.get(rel, (0, 0, 0))
            rs = [rs[0] + mt, rs[1] + na, rs[2] + nb]
            fig(rel, "relation_f1", p, f1(mt, na, nb), na + nb)
        fig(ALL, "relation_f1", p, f1(*rs), rs[1] + rs[2])

    # All together (with two annotators "all" is the pair itself, already given).
    all_docs = sum(1 for d in docs if d.done == everyone)
    if m > 2:
        gm = masks.get(everyone)
        n_units = units.get(everyone, 0)
        pooled = [0] * (m + 1)
        for label in labels:
            ones = [0] * (m + 1)
            if gm:
                for mask, cnt in gm[label].items():
                    ones[bin(mask).count("1")] += cnt
            ones[0] = n_units - sum(ones[1:])
            pooled = [x + y for x, y in zip(pooled, ones)]
            fig(label, "alpha", everyone, alpha_binary(ones, m), n_units)
        fig(ALL, "alpha", everyone, alpha_binary(pooled, m), n_units * len(labels))
        by_key: dict[tuple, list] = defaultdict(list)
        for f in figures:
            if f["scope"] == "pair" and f["measure"] != "kappa" and f["measure"] != "alpha":
                by_key[(f["label"], f["measure"], f.get("attribute"))].append(f)
        for (label, measure, attribute), fs in by_key.items():
            vals = [f["value"] for f in fs if f["value"] is not None]
            fig(label, measure, everyone, sum(vals) / len(vals) if vals else None, sum(f["n"] for f in fs), attribute)
        kap = defaultdict(list)
        for f in figures:
            if f["scope"] == "pair" and f["measure"] == "kappa" and f["value"] is not None:
                kap[f["label"]].append(f["value"])
        for label in [*labels, ALL]:
            vals = kap.get(label, [])
            fig(label, "kappa_mean", everyone, sum(vals) / len(vals) if vals else None, len(vals))

    confusion = []
    for p in pairs:
        for (la, lb), n in sorted(acc[p].confusion.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
            confusion.append({"annotators": [annotators[p[0]], annotators[p[1]]], "label_a": la, "label_b": lb,
                              "count": n})
    return Agreement(annotators, labels, rel_labels, all_docs if m > 2 else (acc[pairs[0]].docs if pairs else 0),
                     pair_docs, figures, confusion, per_doc, pair_attrs)


def _attr_names(project, label: str) -> list[str]:
    try:
        return [a.name for a in project.scheme.label(label).attributes]
    except Exception:
        return []


def _sweep(text: str, layers: list[tuple[int, Iterable[tuple[int, int]]]], out: dict[int, int]) -> None:
    """Add, per covering set of annotators, the non-whitespace characters the spans cover."""
    events = []
    for i, spans in layers:
        bit = 1 << i
        for s, e in spans:
            events.append((s, 1, bit))
            events.append((e, -1, bit))
    if not events:
        return
    events.sort()
    depth: dict[int, int] = defaultdict(int)
    mask = 0
    prev = events[0][0]
    for pos, delta, bit in events:
        if pos != prev:
            if mask:
                seg = text[prev:pos]
                n = len("".join(seg.split()))
                if n:
                    out[mask] += n
            prev = pos
        depth[bit] += delta
        if depth[bit]:
            mask |= bit
        else:
            mask &= ~bit


def _pair_table(masks, units, a: int, b: int, label: str) -> list[int]:
    """[n11, n10, n01, n00] for annotators a, b over every group that holds both."""
    ba, bb = 1 << a, 1 << b
    n11 = n10 = n01 = total = 0
    for group, gm in masks.items():
        if a in group and b in group:
            total += units[group]
            for mask, cnt in gm[label].items():
                ha, hb = mask & ba, mask & bb
                if ha and hb:
                    n11 += cnt
                elif ha:
                    n10 += cnt
                elif hb:
                    n01 += cnt
    return [n11, n10, n01, total - n11 - n10 - n01]


def _pair_doc(d: _DocData, p: tuple[int, int], pa: _PairAcc, labels: list[str], label_set: set) -> float:
    """Add one document's span, attribute and relation counts for a pair; return its F1 (pooled)."""
    a, b = p
    pa.docs += 1
    ka, kb = d.keys.get(a, set()), d.keys.get(b, set())
    common = ka & kb
    conf = pa.confusion
    if ka == kb:
        for s, e, label in common:
            if label in label_set:
                pa.exact[label][0] += 1
                pa.exact[label][1] += 1
                pa.exact[label][2] += 1
                pa.overlap[label] += 1
                conf[(label, label)] += 1
    else:
        sa, sb = d.spans.get(a, {}), d.spans.get(b, {})
        for label in labels:
            A, B = sa.get(label), sb.get(label)
            if not A and not B:
                continue
            A, B = A or set(), B or set()
            same = A & B
            ex = pa.exact[label]
            ex[0] += len(same)
            ex[1] += len(A)
            ex[2] += len(B)
            pa.overlap[label] += len(same) + max_overlap_matching(sorted(A - same), sorted(B - same)) \
                if _matching_splits(A, B, same) else max_overlap_matching(sorted(A), sorted(B))
        _confusion(ka, kb, common, conf, label_set)
    n_all = sum(1 for k in ka if k[2] in label_set) + sum(1 for k in kb if k[2] in label_set)
    m_all = sum(1 for k in common if k[2] in label_set)
    pa.matched += m_all
    # Attributes on exact matches.
    at_a, at_b = d.attrs.get(a), d.attrs.get(b)
    if at_a or at_b:
        at_a, at_b = at_a or {}, at_b or {}
        for key in common:
            x, y = at_a.get(key, {}), at_b.get(key, {})
            if x != y and key[2] in label_set:
                pa.attrs_differ += 1
            for name in x.keys() | y.keys():
                cell = pa.attrs[(key[2], name)]
                cell[1] += 1
                if x.get(name) == y.get(name):
                    cell[0] += 1
    # Relations between spans both annotators marked.
    ra_all, rb_all = d.rels.get(a), d.rels.get(b)
    if ra_all or rb_all:
        ra = {r for r in ra_all or () if r[1] in common and r[2] in common}
        rb = {r for r in rb_all or () if r[1] in common and r[2] in common}
        for r in ra | rb:
            cell = pa.rels[r[0]]
            if r in ra and r in rb:
                cell[0] += 1
            if r in ra:
                cell[1] += 1
            if r in rb:
                cell[2] += 1
    return 1.0 if n_all == 0 else 2 * m_all / n_all


def _attrs_differ(d: _DocData, group: tuple[int, ...], label_set: set) -> int:
    """Distinct spans (edges and label) that two or more annotators made with different attribute values."""
    if not d.attrs:
        return 0
    seen: dict[tuple, set] = {}
    for i in group:
        at = d.attrs.get(i, {})
        for key in d.keys.get(i, ()):
            if key[2] in label_set:
                seen.setdefault(key, set()).add(orjson.dumps(at.get(key, {}), option=orjson.OPT_SORT_KEYS))
    return sum(1 for v in seen.values() if len(v) > 1)


def _matching_splits(A: set, B: set, same: set) -> bool:
    """Whether exact matches can be taken out before matching the rest: true when no leftover
    span overlaps an exactly matched one (then no augmenting path can run through them)."""
    if not same:
        return True
    rest = (A | B) - same
    return not any(s1 < e2 and s2 < e1 for s1, e1 in rest for s2, e2 in same)


def _confusion(ka: set, kb: set, common: set, conf: dict, label_set: set) -> None:
    """A span with a same-label overlapping partner counts on the diagonal; otherwise it is set
    against the overlapping spans of other labels that found no same-label partner either (so a
    DATE nested in a QUOTE both agree on is no confusion); None: nothing overlaps it."""
    la = [k for k in ka if k[2] in label_set]
    lb = [k for k in kb if k[2] in label_set]
    for k in common:
        if k[2] in label_set:
            conf[(k[2], k[2])] += 1
    ua = [k for k in la if k not in common]
    ub = [k for k in lb if k not in common]
    ok_b = {k: any(x[2] == k[2] and x[0] < k[1] and k[0] < x[1] for x in la) for k in ub}
    used_b = set()
    for s1, e1, l1 in ua:
        over = [k for k in lb if s1 < k[1] and k[0] < e1]
        if any(k[2] == l1 for k in over):
            conf[(l1, l1)] += 1
            continue
        partners = [k for k in over if k in ok_b and not ok_b[k]]
        for k in partners:
            conf[(l1, k[2])] += 1
            used_b.add(k)
        if not partners:
            conf[(l1, None)] += 1
    for k in ub:
        if not ok_b[k] and k not in used_b:
            conf[(None, k[2])] += 1
