"""Adjudication: from several annotators' layers to one gold layer.

A cluster is a connected group of overlapping spans of the compared annotators in one
document; each annotator's spans in it are that annotator's version. The reviewer accepts
a version, rejects the cluster ("nothing here"), edits gold spans or adds one nobody made;
relations are accepted or rejected between gold spans the same way. Unanimous clusters
(every annotator: the same edges, labels, attribute values and outgoing links) can be
accepted automatically (origin.auto). A cluster whose versions agree on edges and labels
but not on an attribute value or a link stays undecided: the reviewer picks a version (its
attributes and links come with it), and gold never holds a span with a disputed value
silently left out. Attribute values are compared exactly, as the strings the annotators chose
(P24M and P2Y differ).

Accepting a version decides the links from its spans: the chosen annotator's are accepted,
the others' rejected. An accepted link whose other end is not gold yet waits in
review_decisions (with its ends in the data) and is made as soon as both ends are gold.

Gold spans carry origin {"from": [annotators whose version it is], "reviewer", "time",
"auto"}. Decisions that leave no gold span behind are rows of review_decisions. Review
progress is the gold layer's doc_status (in_progress at the first decision, done when the
reviewer says so or curates the document as empty).

Every mutator is one transaction and returns a Change (annotator.core.change): the rows of the
document's gold state (gold spans and links, decisions, review state) that the action changed,
before and after, so project.undo and project.redo are exact restores whatever the action was.
The rows live in annotator.core.store.review_rows.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from annotator.core.change import Change, diff
from annotator.core.change import dumps as _dumps
from annotator.core.errors import SpanError
from annotator.core.model import GOLD, Relation, Span, now
from annotator.core.offsets import check_span
from annotator.core.store import review_rows as rows


SpanKey = tuple[int, int, str]  # (start, end, label)


def key_of(s: Span) -> SpanKey:
    return (s.start, s.end, s.label)


def attr_values(s: Span) -> dict:
    """The span's attribute values; an attribute written as null is one not set (an imported
    "mod": null and no mod are the same choice, and must not split a unanimous cluster with
    nothing to show in "what differs")."""
    return {k: v for k, v in s.attrs.items() if v is not None}


# ----- reading ---------------------------------------------------------------------------------
def review_annotators(project, doc: int | None = None) -> list[str]:
    """Human annotators (not gold) who marked the document done, or, with doc None, any document."""
    return rows.done_annotators(project, doc)


LinkKey = tuple[str, SpanKey]  # (relation label, the target span's key)


@dataclass
class Cluster:
    doc: int
    start: int
    end: int
    versions: dict[str, list[Span]]  # every compared annotator, [] where they marked nothing here
    gold: list[Span] = field(default_factory=list)  # gold spans overlapping the cluster
    decision: str | None = None  # accepted | rejected | edited | auto
    decision_data: dict = field(default_factory=dict)
    links: dict[int, frozenset] = field(default_factory=dict)  # span id -> {(relation label, target key)}
    stale_auto: bool = False  # accepted automatically once, but the versions differ now

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}"

    def signature(self, annotator: str) -> frozenset:
        return frozenset(key_of(s) for s in self.versions.get(annotator, ()))

    def agreeing(self, annotator: str) -> list[str]:
        """Annotators whose version has the same edges and labels as this one's."""
        sig = self.signature(annotator)
        return sorted(a for a in self.versions if self.signature(a) == sig)

    def full_signature(self, annotator: str) -> frozenset:
        """Edges, label, exact attribute values and outgoing links of each span of the version."""
        return frozenset((key_of(s), _dumps(attr_values(s)), self.links.get(s.id, frozenset()))
                         for s in self.versions.get(annotator, ()))

    def identical(self, annotator: str) -> list[str]:
        """Annotators whose version is this one's in every respect (attributes and links too)."""
        sig = self.full_signature(annotator)
        return sorted(a for a in self.versions if self.full_signature(a) == sig)

    @property
    def unanimous(self) -> bool:
        """Every annotator made the same spans with the same attributes and links."""
        sigs = {self.full_signature(a) for a in self.versions}
        return len(self.versions) >= 1 and len(sigs) == 1 and next(iter(sigs)) != frozenset()

    @property
    def same_spans(self) -> bool:
        """Edges and labels agree (attributes or links may not)."""
        sigs = {self.signature(a) for a in self.versions}
        return len(sigs) == 1 and next(iter(sigs)) != frozenset()

    @property
    def spans(self) -> list[Span]:
        return [s for v in self.versions.values() for s in v]

    @property
    def decided(self) -> bool:
        return self.decision is not None

    def disputed_attrs(self) -> list[str]:
        """Attributes on which annotators who made the same span (edges and label) differ."""
        return sorted({d.name for d in self.differences() if d.kind == "attr"})

    def differences(self) -> list["Difference"]:
        """What differs between annotators who made the same span: attribute values (exact),
        and the links from it. One entry per span and attribute or relation label, with every
        annotator's value (None: that annotator has no such span; () no link / no value)."""
        have: dict[SpanKey, dict[str, Span]] = {}
        for a, v in self.versions.items():
            for s in v:
                have.setdefault(key_of(s), {})[a] = s
        out = []
        for key in sorted(have):
            by = have[key]
            if len(by) < 2:
                continue  # one annotator's span: the versions table shows it, nothing to set against
            names = sorted({n for s in by.values() for n in s.attrs})
            for name in names:
                values = {a: (by[a].attrs.get(name) if a in by else None) for a in self.versions}
                if len({_dumps(by[a].attrs.get(name)) for a in by}) > 1:
                    out.append(Difference(key, "attr", name, values, {a for a in by}))
            rels = sorted({r for s in by.values() for r, _ in self.links.get(s.id, ())})
            for rel in rels:
                targets = {a: (tuple(sorted(t for r, t in self.links.get(by[a].id, ()) if r == rel))
                               if a in by else None) for a in self.versions}
                if len({targets[a] for a in by}) > 1:
                    out.append(Difference(key, "link", rel, targets, {a for a in by}))
        return out


@dataclass
class Difference:
    span: SpanKey
    kind: str  # attr | link
    name: str  # the attribute name or the relation label
    values: dict  # annotator -> value (attr) or tuple of target keys (link); None: no such span
    holders: set  # annotators who made the span


def clusters(project, doc: int, annotators: list[str] | None = None) -> list[Cluster]:
    """The document's clusters in text order, each with the gold spans and decision it has."""
    annotators = review_annotators(project, doc) if annotators is None else list(annotators)
    spans = [s for a in annotators for s in project.spans(doc, a, statuses=("accepted",))]
    spans.sort(key=lambda s: (s.start, -s.end, s.annotator, s.id))
    groups: list[list[Span]] = []
    end = -1
    for s in spans:
        if groups and s.start < end:
            groups[-1].append(s)
            end = max(end, s.end)
        else:
            groups.append([s])
            end = s.end
    links = _links(project, doc, annotators, {s.id: s for s in spans})
    gold = project.spans(doc, GOLD)
    decisions = rows.decisions(project, doc, "cluster")
    # Gold spans by start, so that each cluster looks at the few that can reach it (a scan of
    # all gold for each cluster made a 2,000-span document take a third of a second a key).
    gold_starts = [s.start for s in gold]  # project.spans orders by start
    reach = max((s.end - s.start for s in gold), default=0)
    out = []
    for g in groups:
        versions = {a: [] for a in annotators}
        for s in g:
            versions[s.annotator].append(s)
        c = Cluster(doc, min(s.start for s in g), max(s.end for s in g), versions,
                    links={s.id: links[s.id] for s in g if s.id in links})
        near = gold[bisect_left(gold_starts, c.start - reach):bisect_left(gold_starts, c.end)]
        c.gold = [s for s in near if s.start < c.end and c.start < s.end]
        if c.key in decisions:
            c.decision, c.decision_data = decisions[c.key]
        if c.decision == "auto" and not c.unanimous:
            # Accepted automatically under an older rule, or the annotators' layers changed
            # since (a new merge): the reviewer decides again.
            c.decision, c.decision_data, c.stale_auto = None, {}, True
        out.append(c)
    return out


def _links(project, doc: int, annotators: list[str], by_id: dict[int, Span]) -> dict[int, frozenset]:
    """Span id -> its outgoing accepted links as (relation label, target key), for spans in by_id."""
    out: dict[int, set] = {}
    for a in annotators:
        for r in project.relations(doc, a):
            x, y = by_id.get(r.from_span), by_id.get(r.to_span)
            if r.status == "accepted" and x is not None and y is not None:
                out.setdefault(x.id, set()).add((r.label, key_of(y)))
    return {k: frozenset(v) for k, v in out.items()}


def find_cluster(project, doc: int, key: str, annotators: list[str] | None = None) -> Cluster:
    for c in clusters(project, doc, annotators):
        if c.key == key:
            return c
    raise SpanError(f"document {doc}: no cluster {key}")


@dataclass
class RelationCandidate:
    label: str
    source: SpanKey
    target: SpanKey
    annotators: list[str]
    gold: Relation | None = None
    decision: str | None = None

    @property
    def key(self) -> str:
        return relation_key(self.label, self.source, self.target)

    @property
    def waiting(self) -> bool:
        """Accepted, but one of its ends is not gold yet: it is made when both are."""
        return self.decision in ("accepted", "auto") and self.gold is None


def relation_key(label: str, a: SpanKey, b: SpanKey) -> str:
    return f"{label}|{a[0]}-{a[1]}-{a[2]}|{b[0]}-{b[1]}-{b[2]}"


def relation_candidates(project, doc: int, annotators: list[str] | None = None) -> list[RelationCandidate]:
    """Every distinct link the annotators made (by the edges and labels of its two spans)."""
    annotators = review_annotators(project, doc) if annotators is None else list(annotators)
    by_id = {s.id: s for s in project.spans(doc)}
    found: dict[tuple, RelationCandidate] = {}
    for a in annotators:
        for r in project.relations(doc, a):
            x, y = by_id.get(r.from_span), by_id.get(r.to_span)
            if r.status != "accepted" or x is None or y is None or x.status != "accepted" or y.status != "accepted":
                continue
            k = (r.label, key_of(x), key_of(y))
            cand = found.setdefault(k, RelationCandidate(r.label, k[1], k[2], []))
            if a not in cand.annotators:
                cand.annotators.append(a)
    for r in project.relations(doc, GOLD):
        x, y = by_id.get(r.from_span), by_id.get(r.to_span)
        if x is None or y is None:
            continue
        k = (r.label, key_of(x), key_of(y))
        found.setdefault(k, RelationCandidate(r.label, k[1], k[2], [])).gold = r
    decisions = rows.decisions(project, doc, "relation")
    out = sorted(found.values(), key=lambda c: (c.source, c.target, c.label))
    for c in out:
        c.decision = decisions[c.key][0] if c.key in decisions else None
    return out


@dataclass
class Progress:
    clusters: int
    decided: int
    state: str  # the gold layer's doc_status: todo | in_progress | done
    empty: bool  # curated: nothing here


def progress(project, doc: int, annotators: list[str] | None = None, cs: list[Cluster] | None = None) -> Progress:
    """cs: the document's clusters when the caller has just read them (the review window)."""
    cs = clusters(project, doc, annotators) if cs is None else cs
    return Progress(len(cs), sum(1 for c in cs if c.decided), project.doc_status(doc, GOLD),
                    rows.curated_empty(project, doc))


# ----- one review action ----------------------------------------------------------------------------
class _Tx:
    """One review action: the gold rows read, the changes, the rows read again (their
    difference is the Change); progress moves to in_progress."""

    def __init__(self, project, doc: int, reviewer: str):
        if not reviewer:
            raise SpanError("a reviewer name is needed")
        self.project, self.doc, self.reviewer = project, doc, reviewer
        self.time = now()
        self.created: list[int] = []
        self.starts_progress = True  # the first decision puts the document in progress

    def __enter__(self):
        self._cm = self.project.transaction()
        self._cm.__enter__()
        self.project.ensure_annotator(GOLD, "gold")
        self.before = rows.gold_rows(self.project, self.doc)
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            try:
                self.make_waiting_links()
                if self.starts_progress and not rows.has_review_state(self.project, self.doc):
                    self.status("in_progress")
                after = rows.gold_rows(self.project, self.doc)
                self.change = Change(diff(self.before, after), self.doc, None, self.created)
            except BaseException as e:
                self._cm.__exit__(type(e), e, e.__traceback__)
                raise
        return self._cm.__exit__(*exc)

    def origin(self, sources: list[str], auto: bool = False, **extra) -> dict:
        return {"from": sorted(sources), "reviewer": self.reviewer, "time": self.time, "auto": auto, **extra}

    def insert_span(self, start: int, end: int, label: str, attrs: dict, origin: dict) -> int:
        span_id = rows.insert_gold_span(self.project, self.doc, start, end, label, attrs, origin, self.time)
        self.created.append(span_id)
        return span_id

    def delete_gold_in(self, start: int, end: int) -> None:
        gone = rows.gold_in(self.project, self.doc, start, end)
        rows.delete_gold_in(self.project, self.doc, start, end)
        # A span the reviewer drew over this cluster and a neighbouring one was that neighbour's
        # decision ("edited"): with it gone and nothing gold left there, the neighbour is
        # undecided again instead of decided with nothing in gold.
        reach = [(s, e) for s, e in gone if s < start or e > end]
        if not reach:
            return
        for key in rows.edited_cluster_keys(self.project, self.doc):
            cs, ce = (int(x) for x in key.split("-"))
            if (cs, ce) == (start, end) or not any(s < ce and cs < e for s, e in reach):
                continue
            if not rows.gold_in(self.project, self.doc, cs, ce):
                self.decide("cluster", key, None)

    def decide(self, kind: str, key: str, decision: str | None, data: dict | None = None) -> None:
        rows.set_decision(self.project, self.doc, kind, key, decision, self.reviewer, self.time, data)

    def make_waiting_links(self) -> None:
        """Accepted links whose two ends are gold now and that are not yet in gold."""
        gold = rows.gold_keys(self.project, self.doc)
        have = rows.gold_links(self.project, self.doc)
        for decision, d in rows.accepted_links(self.project, self.doc):
            if "source" not in d:
                continue  # decided before links waited for their ends: made at the time
            a, b = gold.get(tuple(d["source"])), gold.get(tuple(d["target"]))
            if a is not None and b is not None and (d["label"], a, b) not in have:
                rows.insert_gold_relation(self.project, self.doc, d["label"], a, b,
                                          self.origin(d.get("from", []), auto=decision == "auto"), self.time)
                have.add((d["label"], a, b))

    def status(self, state: str) -> None:
        rows.set_review_state(self.project, self.doc, state, self.time)


def _check(project, doc: int, start: int, end: int, label: str, attrs: dict) -> None:
    check_span(rows.document_text(project, doc), start, end, where=f"document {doc}")
    project.scheme.check_attrs(project.scheme.label(label), attrs, where=f"{label} span {start}..{end}")


# ----- mutators --------------------------------------------------------------------------------
def accept_version(project, cluster: Cluster, annotator: str, reviewer: str) -> Change:
    """Gold for this cluster becomes `annotator`'s version (replacing gold spans there)."""
    if annotator not in cluster.versions:
        raise SpanError(f"{annotator!r} has no version of this cluster")
    version = cluster.versions[annotator]
    with _Tx(project, cluster.doc, reviewer) as tx:
        tx.delete_gold_in(cluster.start, cluster.end)
        for s in version:
            tx.insert_span(s.start, s.end, s.label, attr_values(s), tx.origin(_same_span(cluster, s)))
        tx.decide("cluster", cluster.key, "accepted" if version else "rejected", {"annotator": annotator})
        _decide_links(tx, cluster, annotator)
    return tx.change


def _same_span(cluster: Cluster, span: Span) -> list[str]:
    """Annotators who made this span with these attribute values (its provenance)."""
    attrs = _dumps(attr_values(span))
    return sorted(a for a, v in cluster.versions.items()
                  if any(key_of(s) == key_of(span) and _dumps(attr_values(s)) == attrs for s in v))


def _link_data(label: str, source: SpanKey, target: SpanKey, annotators) -> dict:
    return {"label": label, "source": list(source), "target": list(target), "from": sorted(annotators)}


def _decide_links(tx: "_Tx", cluster: Cluster, annotator: str | None) -> None:
    """The links from the cluster's spans go with the chosen version: its annotator's are
    accepted (made now, or once their other end is gold), every other one is rejected."""
    made: dict[tuple, list[str]] = {}
    for a, v in cluster.versions.items():
        for s in v:
            for rel, target in cluster.links.get(s.id, ()):
                made.setdefault((rel, key_of(s), target), []).append(a)
    chosen = {(rel, key_of(s), t) for s in cluster.versions.get(annotator, ()) for rel, t in cluster.links.get(s.id, ())}
    for (rel, source, target), who in sorted(made.items()):
        tx.decide("relation", relation_key(rel, source, target), "accepted" if (rel, source, target) in chosen
                  else "rejected", _link_data(rel, source, target, who))


def reject_cluster(project, cluster: Cluster, reviewer: str) -> Change:
    """Curated: nothing here. Gold spans overlapping the cluster go."""
    with _Tx(project, cluster.doc, reviewer) as tx:
        tx.delete_gold_in(cluster.start, cluster.end)
        tx.decide("cluster", cluster.key, "rejected")
        _decide_links(tx, cluster, None)  # nothing here: no link from it either
    return tx.change


def undecide_cluster(project, cluster: Cluster, reviewer: str) -> Change:
    """Back to undecided: gold spans of the cluster and its decision go."""
    with _Tx(project, cluster.doc, reviewer) as tx:
        tx.delete_gold_in(cluster.start, cluster.end)
        tx.decide("cluster", cluster.key, None)
    return tx.change


def auto_accept(project, doc: int, reviewer: str, annotators: list[str] | None = None) -> Change | None:
    """Accept every undecided unanimous cluster (edges, labels, attribute values and links
    all the same) with its links, and then every unanimous link between gold spans. Returns
    None when there was nothing to accept."""
    annotators = review_annotators(project, doc) if annotators is None else annotators
    if len(annotators) < 2:
        return None
    cs = clusters(project, doc, annotators)
    todo = [c for c in cs if c.unanimous and not c.decided and not c.gold and not c.stale_auto]
    # Accepted automatically once, but the annotators' layers changed since (a new merge): the
    # gold made then holds values the annotators no longer agree on, and leaves gold.
    stale = [c for c in cs if c.stale_auto and c.gold and all(g.origin.get("auto") for g in c.gold)]
    rels = [r for r in relation_candidates(project, doc, annotators)
            if len(r.annotators) == len(annotators) and r.gold is None and r.decision is None]
    if not todo and not rels and not stale:
        return None
    with _Tx(project, doc, reviewer) as tx:
        for c in stale:
            tx.delete_gold_in(c.start, c.end)
            tx.decide("cluster", c.key, None)
        for c in todo:
            first = c.versions[annotators[0]]
            for s in first:
                tx.insert_span(s.start, s.end, s.label, attr_values(s), tx.origin(annotators, auto=True))
                for rel, target in sorted(c.links.get(s.id, ())):
                    # the same link in every version (the cluster is unanimous); made once both ends are gold
                    tx.decide("relation", relation_key(rel, key_of(s), target), "auto",
                              _link_data(rel, key_of(s), target, annotators))
            tx.decide("cluster", c.key, "auto")
        gold = rows.gold_keys(project, doc)
        for r in rels:
            a, b = gold.get(r.source), gold.get(r.target)
            if a is not None and b is not None:
                _insert_relation(tx, r, a, b, auto=True)
                tx.decide("relation", r.key, "auto", _link_data(r.label, r.source, r.target, r.annotators))
    if not tx.created and tx.change.empty:
        return None
    return tx.change


def add_gold_span(project, doc: int, start: int, end: int, label: str, reviewer: str,
                  attrs: dict | None = None) -> Change:
    """A gold span the reviewer draws (perhaps one nobody made). Overlapping undecided clusters
    count as decided ("edited"); a span in them that every annotator made identically (edges,
    label, attribute values, links) goes to gold with it: drawing a quote's edges must not
    silently drop the date inside it that everybody agreed on."""
    attrs = dict(attrs or {})
    _check(project, doc, start, end, label, attrs)
    annotators = review_annotators(project, doc)
    same = [s.annotator for a in annotators for s in project.spans(doc, a, ("accepted",))
            if key_of(s) == (start, end, label)]
    with _Tx(project, doc, reviewer) as tx:
        tx.insert_span(start, end, label, attrs, tx.origin(same))
        have = {(start, end, label)} | {(s.start, s.end, s.label) for s in project.spans(doc, GOLD)}
        for c in clusters(project, doc, annotators):
            if c.start < end and start < c.end and not c.decided:
                agreed = _agreed_spans(c)
                # Spans of another label the annotators disagree on (a date whose values differ
                # inside the drawn quote) do not come along: the decision names them, so the
                # gold export says they are missing instead of dropping them without a word.
                kept = {key_of(s) for s in agreed} | {(start, end, label)}
                left = sorted({key_of(s) for v in c.versions.values() for s in v
                               if s.label != label and key_of(s) not in kept})
                tx.decide("cluster", c.key, "edited", {"left": [list(k) for k in left]} if left else None)
                for s in agreed:
                    if key_of(s) not in have:
                        have.add(key_of(s))
                        tx.insert_span(s.start, s.end, s.label, attr_values(s), tx.origin(sorted(c.versions)))
                        for rel, target in sorted(c.links.get(s.id, ())):
                            tx.decide("relation", relation_key(rel, key_of(s), target), "accepted",
                                      _link_data(rel, key_of(s), target, sorted(c.versions)))
    return tx.change


def _agreed_spans(c: Cluster) -> list[Span]:
    """The spans of the cluster every annotator made with the same attribute values and links
    (one annotator's copy of each), when there are two annotators or more."""
    if len(c.versions) < 2:
        return []
    sigs = {a: {(key_of(s), _dumps(attr_values(s)), c.links.get(s.id, frozenset())): s for s in v}
            for a, v in c.versions.items()}
    first, *rest = sigs.values()
    return [s for sig, s in sorted(first.items(), key=lambda x: x[0][0]) if all(sig in r for r in rest)]


def edit_gold_span(project, span_id: int, reviewer: str, **changes) -> Change:
    """Change start, end, label or attrs of a gold span; its origin says it was edited."""
    span = project.span(span_id)
    if span.annotator != GOLD:
        raise SpanError(f"span {span_id} is {span.annotator}'s, not gold: accept it first")
    bad = set(changes) - {"start", "end", "label", "attrs"}
    if bad:
        raise SpanError(f"cannot change {', '.join(sorted(bad))} of a gold span")
    new = {k: changes.get(k, getattr(span, k)) for k in ("start", "end", "label", "attrs")}
    if new["label"] != span.label and "attrs" not in changes:
        lab = project.scheme.label(new["label"])
        new["attrs"] = {k: v for k, v in span.attrs.items() if lab.attribute(k) and _fits(lab.attribute(k), v)}
    _check(project, span.doc, new["start"], new["end"], new["label"], new["attrs"])
    with _Tx(project, span.doc, reviewer) as tx:
        if new["label"] != span.label:
            # Links whose types no longer fit the new label go with the old label.
            for rid, rel, a, b in rows.links_of(project, span_id):
                other = project.span(b if a == span_id else a).label
                pair = (new["label"], other) if a == span_id else (other, new["label"])
                rt = next((r for r in project.scheme.relations if r.name == rel), None)
                if rt is None or pair[0] not in rt.from_labels or pair[1] not in rt.to_labels:
                    rows.delete_relation(project, rid)
        origin = dict(span.origin)
        origin.update(reviewer=reviewer, time=tx.time, edited=True)
        rows.update_gold_span(project, span_id, new["start"], new["end"], new["label"], new["attrs"], origin, tx.time)
    return tx.change


def _fits(attr, value) -> bool:
    try:
        attr.check(value)
        return True
    except SpanError:
        return False


def set_gold_attr(project, span_id: int, name: str, value, reviewer: str) -> Change:
    """Adjudicate one attribute (e.g. take one annotator's DATE value). None removes it."""
    attrs = dict(project.span(span_id).attrs)
    if value is None:
        attrs.pop(name, None)
    else:
        attrs[name] = value
    return edit_gold_span(project, span_id, reviewer, attrs=attrs)


def delete_gold_span(project, span_id: int, reviewer: str) -> Change:
    span = project.span(span_id)
    if span.annotator != GOLD:
        raise SpanError(f"span {span_id} is {span.annotator}'s, not gold")
    with _Tx(project, span.doc, reviewer) as tx:
        rows.delete_span(project, span_id)
    return tx.change


def _insert_relation(tx: _Tx, cand: RelationCandidate, a: int, b: int, auto: bool = False) -> None:
    rows.insert_gold_relation(tx.project, tx.doc, cand.label, a, b, tx.origin(cand.annotators, auto=auto), tx.time)


def accept_relation(project, doc: int, cand: RelationCandidate, reviewer: str) -> Change:
    """Link the gold spans with the candidate's edges and labels as the annotators did."""
    gold = {key_of(s): s.id for s in project.spans(doc, GOLD)}
    a, b = gold.get(cand.source), gold.get(cand.target)
    if a is None or b is None:
        missing = cand.source if a is None else cand.target
        raise SpanError(f"no gold {missing[2]} span at {missing[0]}..{missing[1]}: accept the spans before their link")
    rel_type = project.scheme.check_relation(cand.label, cand.source[2], cand.target[2])
    with _Tx(project, doc, reviewer) as tx:
        rows.delete_gold_link(project, cand.label, a, b)
        if not getattr(rel_type, "many", False):
            # One source (cue) per quote, as when annotating: the quote's other one goes.
            keys = {s.id: key_of(s) for s in project.spans(doc, GOLD)}
            for rid, to in rows.gold_links_from(project, cand.label, a):
                rows.delete_relation(project, rid)
                key = relation_key(cand.label, cand.source, keys[to])
                was = rows.decision_data(project, doc, "relation", key)
                tx.decide("relation", key, "rejected", _link_data(
                    cand.label, cand.source, keys[to], was.get("from", []) if was else []))
        _insert_relation(tx, cand, a, b)
        tx.decide("relation", cand.key, "accepted", _link_data(cand.label, cand.source, cand.target, cand.annotators))
    return tx.change


def reject_relation(project, doc: int, cand: RelationCandidate, reviewer: str) -> Change:
    with _Tx(project, doc, reviewer) as tx:
        if cand.gold is not None:
            rows.delete_relation(project, cand.gold.id)
        tx.decide("relation", cand.key, "rejected", _link_data(cand.label, cand.source, cand.target, cand.annotators))
    return tx.change


def mark_empty(project, doc: int, reviewer: str) -> Change:
    """Curated: nothing here, for the whole document. Its gold spans go; review is done."""
    with _Tx(project, doc, reviewer) as tx:
        rows.delete_gold_spans(project, doc)
        tx.decide("document", "", "empty")
        tx.status("done")
    return tx.change


def set_review_state(project, doc: int, state: str, reviewer: str) -> Change:
    """todo | in_progress | done for the gold layer (the document's review progress)."""
    if state not in ("todo", "in_progress", "done"):
        raise SpanError(f"review state must be todo, in_progress or done, got {state!r}")
    with _Tx(project, doc, reviewer) as tx:
        tx.starts_progress = False
        tx.status(state)
        if state != "done":
            tx.decide("document", "", None)
    return tx.change


def review_order(project, annotators: list[str] | None = None) -> list[dict]:
    """Every document, those with the most disagreement first; documents fewer than two
    annotators finished follow in their order, with score None."""
    from annotator.core.agreement import compute

    scored = compute(project, annotators or review_annotators(project)).disagreement if (
        len(annotators or review_annotators(project)) >= 2) else []
    seen = {d["num"] for d in scored}
    states = rows.review_states(project)
    out = [{"num": d["num"], "id": d["id"], "score": d["score"], "disputed": d["disputed"],
            "attrs_differ": d["attrs_differ"], "review": states.get(d["num"], "todo")} for d in scored]
    for num, doc_id in rows.document_ids(project):
        if num not in seen:
            out.append({"num": num, "id": doc_id, "score": None, "disputed": 0, "attrs_differ": 0,
                        "review": states.get(num, "todo")})
    return out


WARN_DOCUMENTS = 20  # documents named one by one; beyond, a count


def _places(cs: list[Cluster]) -> str:
    return ", ".join(f"{c.start}..{c.end}" for c in cs[:5]) + (" …" if len(cs) > 5 else "")


def _places_links(links: list[dict]) -> str:
    return ", ".join(f"{d['label']} {d['source'][0]}..{d['source'][1]} → {d['target'][0]}..{d['target'][1]}"
                     for d in links[:5]) + (" …" if len(links) > 5 else "")


def _lost_links(project, doc: int) -> list[dict]:
    """Accepted links still waiting for a gold span at one end although the cluster that
    span would come from is decided (another version, or nothing, was chosen there): the
    link will never be made by itself, and the gold quote silently lacks its source or cue."""
    if rows.curated_empty(project, doc):
        return []  # curated as empty: no link is expected
    gold = {(s.start, s.end, s.label) for s in project.spans(doc, GOLD)}
    cs = None
    out = []
    for _decision, d in rows.accepted_links(project, doc):
        if "source" not in d:
            continue
        ends = [tuple(d["source"]), tuple(d["target"])]
        missing = [e for e in ends if e not in gold]
        if not missing:
            continue
        cs = clusters(project, doc) if cs is None else cs
        # waiting is fine while a cluster that could still bring the missing span is open
        if not any(not c.decided and c.start <= e[0] and e[1] <= c.end for e in missing for c in cs):
            out.append(d)
    return out


def gold_warnings(project) -> list[str]:
    """What a gold export should say about unfinished review: documents with undecided
    clusters (their spans are not in gold), and documents that annotators finished but
    nobody has reviewed (their gold is empty)."""
    return gold_review(project)[0]


def gold_review(project) -> tuple[list[str], set[int]]:
    """(gold_warnings, the ids of gold spans that sit in undecided clusters). Such a span was
    accepted automatically before the annotators' layers changed, or is a decision a new
    merge left behind: nobody decided on it as it stands, so a gold export leaves it out."""
    out = []
    held_ids: set[int] = set()
    unfinished = 0
    ids = dict(rows.document_ids(project))
    # Reviewed at all: a review state, a gold span or a decision (a document set back to "to do"
    # keeps its gold and its undecided clusters, and must be named as unfinished).
    touched = rows.reviewed_docs(project)
    for doc in touched:
        if len(review_annotators(project, doc)) < 2:
            continue
        cs = clusters(project, doc)
        open_ = [c for c in cs if not c.decided]
        lost = _lost_links(project, doc)
        gold_keys = {key_of(s) for s in project.spans(doc, GOLD)}
        left = sorted({tuple(k) for c in cs if c.decision == "edited"
                       for k in (c.decision_data or {}).get("left", ()) if tuple(k) not in gold_keys})
        if open_ or lost or left:
            unfinished += 1
            if unfinished > WARN_DOCUMENTS:
                continue
        if left:
            places = ", ".join(f"{s}..{e} {lab}" for s, e, lab in left[:10])
            out.append(f"document {ids[doc]}: a gold span drawn over disputed spans left them out of gold "
                       f"({places}): decide them")
        if open_:
            # A gold span can sit in an undecided cluster (accepted automatically before the
            # annotators' layers changed, or a decision a new merge left behind): that one IS
            # in the file, with a value nobody decided on now, and the warning says so.
            held = [c for c in open_ if c.gold]
            free = [c for c in open_ if not c.gold]
            held_ids.update(g.id for c in held for g in c.gold)
            line = f"document {ids[doc]}: review not finished: {len(open_)} of {len(cs)} clusters undecided"
            if free:
                line += f" (at {_places(free)}); they are not in gold"
            if held:
                line += (f"; gold still holds an earlier version at {_places(held)}, "
                         "which the export leaves out: decide again")
            out.append(line)
        if lost:
            out.append(f"document {ids[doc]}: {len(lost)} accepted links are not in gold, a span at one end is not "
                       f"gold ({_places_links(lost)}): accept that span or decide the link again")
    if unfinished > WARN_DOCUMENTS:
        out.append(f"… documents with undecided clusters in all: {unfinished}")
    unreviewed = rows.unreviewed_count(project)
    if unreviewed:
        out.append(f"documents two or more annotators finished but nobody reviewed (their gold is empty): {unreviewed}")
    return out, held_ids
