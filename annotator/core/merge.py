"""Bringing annotators' copies of a project into a reviewer's project.

Documents are matched by content hash. Each annotator's layer (spans, relations, their
attributes and statuses, and the document status) comes in under the annotator's name and
replaces what an earlier merge brought for that name and document, so merging the same file
twice changes nothing and a newer copy updates the layer.

Who is who: the annotators table row of a name carries the time it was first used in that
file. A copied project keeps it, so it identifies one person's work across copies and
re-merges, while two people who typed the same name into two copies get different times.
Such a clash on a document is refused (all-or-nothing) with both files named; the user
merges one of them under another name with a rename.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.agreement import gc_paused
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, now
from annotator.core.project import Project
from annotator.core.scheme import Scheme
from annotator.core.store import merge_rows

MAX_LISTED = 10  # documents named one by one in a report line; the rest are counted


class MergeConflict(AnnotatorError):
    """A merge was refused (scheme conflict, same name used by two people); nothing changed."""


@dataclass
class SourceReport:
    path: str
    layers: list[str] = field(default_factory=list)
    documents: int = 0  # documents in the file
    matched: int = 0  # documents found in the review project (skipped ones included)
    skipped_docs: list[str] = field(default_factory=list)  # found, but no work of the merged annotators in them
    added_docs: list[str] = field(default_factory=list)  # documents the review project lacked
    missing_docs: list[str] = field(default_factory=list)  # review documents absent from this file
    layers_new: int = 0  # (annotator, document) layers brought in for the first time
    layers_updated: int = 0
    layers_unchanged: int = 0
    spans: int = 0
    relations: int = 0
    skipped_layers: list[str] = field(default_factory=list)  # gold and suggester layers are not merged
    cross_layer_links: int = 0  # links from a span of one layer to another's: not merged, reported


@dataclass
class MergeReport:
    sources: list[SourceReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(s.layers_new or s.layers_updated or s.added_docs for s in self.sources)

    def counts(self) -> tuple[int, int, int]:
        """(matched, added, skipped) documents over all files: matched ones brought work, added
        ones were new to the review project, skipped ones were there but held none of it."""
        skipped = sum(len(s.skipped_docs) for s in self.sources)
        return (sum(s.matched for s in self.sources) - skipped, sum(len(s.added_docs) for s in self.sources),
                skipped)

    def summary(self) -> str:
        matched, added, skipped = self.counts()
        return (f"documents: {matched} matched, {added} added, {skipped} skipped, over {len(self.sources)} file(s) "
                "(skipped: already in the review project, with no work of the merged annotators)")

    def lines(self) -> list[str]:
        out = []
        for s in self.sources:
            out.append(
                f"{s.path}: {s.documents} documents: {s.matched - len(s.skipped_docs)} matched, "
                f"{len(s.added_docs)} added, {len(s.skipped_docs)} skipped; layers {', '.join(s.layers) or '(none)'}: "
                f"{s.layers_new} new, {s.layers_updated} updated, {s.layers_unchanged} unchanged "
                f"({s.spans} spans, {s.relations} relations written)"
            )
            if s.skipped_docs:
                out.append(f"{s.path}: {len(s.skipped_docs)} documents hold no work of {', '.join(s.layers) or 'anyone'} "
                           "and were skipped: " + _some(s.skipped_docs))
            if s.added_docs:
                out.append(f"{s.path}: {len(s.added_docs)} documents were not in the review project and were added: "
                           + _some(s.added_docs))
            if s.missing_docs:
                out.append(f"{s.path}: {len(s.missing_docs)} review documents are missing from this file: "
                           + _some(s.missing_docs))
            if s.skipped_layers:
                out.append(f"{s.path}: not merged (machine or gold layers): {', '.join(s.skipped_layers)}")
            if s.cross_layer_links:
                out.append(f"{s.path}: {s.cross_layer_links} links join spans of two different annotators "
                           "and were not merged")
        return out + self.notes


def _some(ids: list[str]) -> str:
    shown = ", ".join(ids[:MAX_LISTED])
    return shown + (f" and {len(ids) - MAX_LISTED} more" if len(ids) > MAX_LISTED else "")


# ----- reading a source ------------------------------------------------------------------------
class _Source:
    """An annotator's project opened read-only (a file of an older schema is read as it is)."""

    def __init__(self, path: Path):
        self.path = path
        self.project = Project.open(path, readonly=True)
        self.scheme = self.project.scheme

    def close(self) -> None:
        self.project.close()


def _attr_sig(a) -> tuple:
    return (a.type, tuple(a.choices), a.pattern)


def _describe(a) -> str:
    if a is None:
        return "absent"
    if a.type == "choice":
        return f"choice of {', '.join(a.choices)}"
    if a.pattern:
        return f"{a.type} with pattern {a.pattern}"
    return a.type


def check_schemes(review: Scheme, incoming: Scheme, used_labels: set[str], used_relations: set[str],
                  where: str) -> None:
    """Refuse an incoming scheme whose shared labels or relation types are defined differently,
    or whose used labels the review project lacks. The message names the label and attribute."""
    for lab in incoming.labels:
        if not review.has_label(lab.name):
            if lab.name in used_labels:
                raise MergeConflict(f"{where}: label {lab.name} is not in the review project's scheme")
            continue
        mine = review.label(lab.name)
        names = sorted({a.name for a in mine.attributes} | {a.name for a in lab.attributes})
        for name in names:
            a, b = mine.attribute(name), lab.attribute(name)
            if a is None or b is None or _attr_sig(a) != _attr_sig(b):
                raise MergeConflict(
                    f"{where}: scheme conflict: label {lab.name}: attribute '{name}' differs "
                    f"(review project: {_describe(a)}; this file: {_describe(b)})")
    review_rels = {r.name: r for r in review.relations}
    for rel in incoming.relations:
        mine = review_rels.get(rel.name)
        if mine is None:
            if rel.name in used_relations:
                raise MergeConflict(f"{where}: relation type {rel.name} is not in the review project's scheme")
            continue
        if (set(mine.from_labels), set(mine.to_labels)) != (set(rel.from_labels), set(rel.to_labels)):
            raise MergeConflict(
                f"{where}: scheme conflict: relation {rel.name} links {'/'.join(rel.from_labels)} -> "
                f"{'/'.join(rel.to_labels)} here but {'/'.join(mine.from_labels)} -> {'/'.join(mine.to_labels)} "
                "in the review project")
        a_attrs = {a.name: _attr_sig(a) for a in mine.attributes}
        b_attrs = {a.name: _attr_sig(a) for a in rel.attributes}
        if a_attrs != b_attrs:
            name = sorted(k for k in a_attrs.keys() | b_attrs.keys() if a_attrs.get(k) != b_attrs.get(k))[0]
            raise MergeConflict(f"{where}: scheme conflict: relation {rel.name}: attribute '{name}' differs")


# ----- layers --------------------------------------------------------------------------------
@dataclass
class _Layer:
    """One annotator's work on one document, as plain rows that compare and hash."""

    spans: list = field(default_factory=list)  # (key, start, end, label, status, attrs_json, rule, origin_json)
    relations: list = field(default_factory=list)  # (label, from_key, to_key, status, attrs_json, rule)
    state: str | None = None
    # When the annotator made each span (key -> (created, modified)) and set the status:
    # kept through the merge, so that time spent can be read from the review project.
    times: dict = field(default_factory=dict)
    state_time: str | None = None

    def digest(self) -> str:
        # Span ids differ between files: relations are compared through their spans' content.
        by_key = {s[0]: s[1:6] for s in self.spans}
        body = {
            "s": sorted(s[1:6] for s in self.spans),
            "r": sorted((r[0], by_key[r[1]], by_key[r[2]], r[3], r[4]) for r in self.relations),
            "d": self.state or "todo",
        }
        return hashlib.sha256(json.dumps(body, ensure_ascii=False).encode()).hexdigest()

    def empty(self) -> bool:
        return not self.spans and not self.relations and self.state in (None, "todo")


def _read_layers(project, annotators: list[str], docs: set | None = None) -> dict[tuple[str, int], _Layer]:
    """{(annotator, doc): layer} for these annotators, from any project."""
    layers: dict[tuple[str, int], _Layer] = {}
    if not annotators:
        return layers
    for sid, doc, start, end, label, ann, status, attrs, rule, origin, created, modified in merge_rows.layer_spans(
            project, annotators):
        if docs is None or doc in docs:
            layer = layers.setdefault((ann, doc), _Layer())
            layer.spans.append((sid, start, end, label, status, _canon(attrs), rule, origin))
            layer.times[sid] = (created, modified)
    # A link belongs to a layer only when both its spans do (see merge_rows.cross_layer_links).
    for doc, label, a, b, ann, status, attrs, rule in merge_rows.layer_links(project, annotators):
        if docs is None or doc in docs:
            layers.setdefault((ann, doc), _Layer()).relations.append((label, a, b, status, _canon(attrs), rule))
    for doc, ann, state, modified in merge_rows.layer_states(project, annotators):
        if docs is None or doc in docs:
            layer = layers.setdefault((ann, doc), _Layer())
            layer.state, layer.state_time = state, modified
    return layers


def layer_digests(project, annotator: str, docs: list[int]) -> dict[int, str]:
    """Document number -> digest of this annotator's layer on it (the empty layer's digest
    where they have none): the same digest the merge compares, so a push can tell which side
    of a pulled copy changed."""
    layers = _read_layers(project, [annotator], set(docs))
    empty = _Layer().digest()
    return {d: layers[(annotator, d)].digest() if (annotator, d) in layers else empty for d in docs}


_CANON: dict[str, str] = {}


def _canon(attrs_json: str) -> str:
    """Attributes as sorted compact JSON, so equal attributes compare equal across files."""
    if attrs_json == "{}":
        return attrs_json
    hit = _CANON.get(attrs_json)
    if hit is None:
        hit = json.dumps(json.loads(attrs_json), ensure_ascii=False, sort_keys=True)
        if len(_CANON) < 10000:
            _CANON[attrs_json] = hit
    return hit


# ----- the merge -----------------------------------------------------------------------------
def _parse_renames(renames: dict[str, str] | None) -> dict[str, str]:
    renames = dict(renames or {})
    for old, new in renames.items():
        if not new or new == GOLD or len(new) > 200:
            raise MergeConflict(f"cannot rename annotator {old!r} to {new!r}")
    return renames


def merge_projects(review: Project, paths: list[str], renames: dict[str, str] | None = None,
                   only: set[str] | None = None, progress=None) -> MergeReport:
    """Merge annotators' project files into `review`, all in one transaction.

    progress(files merged, files) is called before each file; what it raises (a Cancel
    button) rolls the whole merge back.

    renames: {name in the files: name in the review project}; only: merge just these
    (incoming) annotator names. Raises MergeConflict (nothing written) on a scheme conflict
    or when two different people's work arrives under one name for the same document.
    """
    renames = _parse_renames(renames)
    report = MergeReport()
    sources: list[_Source] = []
    seen_paths: dict[Path, str] = {}
    try:
        for p in paths:
            path = Path(p)
            if path.resolve() == review.path.resolve():
                raise MergeConflict(f"{p}: is the review project itself")
            if path.resolve() in seen_paths:
                raise MergeConflict(f"{p}: given twice")
            seen_paths[path.resolve()] = p
            sources.append(_Source(path))
        with review.transaction(), gc_paused():
            state = _ReviewState(review)
            for i, src in enumerate(sources):
                if progress is not None:
                    progress(i, len(sources))
                report.sources.append(_merge_one(review, state, src, renames, only))
            report.notes += state.notes
    finally:
        for s in sources:
            s.close()
    return report


class _ReviewState:
    """What the review project holds, loaded once per merge and kept current as sources come in."""

    def __init__(self, review: Project):
        self.review = review
        self.by_hash: dict[str, int] = {}
        self.doc_ids: dict[int, str] = {}
        for num, doc_id, digest in merge_rows.document_keys(review):
            self.by_hash.setdefault(digest, num)
            self.doc_ids[num] = doc_id
        self.used_ids = set(self.doc_ids.values())
        self.annotators = {n: (k, t) for n, k, t in merge_rows.annotators(review)}
        # (annotator, doc) -> (identity, source path, digest) of earlier merges
        self.merged = merge_rows.merged_layers(review)
        # never an id a deleted span had: undo restores it
        self.next_num, self.next_span, self.next_rel = merge_rows.next_ids(review)
        self.stamp = now()
        self.notes: list[str] = []
        self._layers_loaded: set[str] = set()
        self.layers: dict[tuple[str, int], _Layer] = {}

    def load_layers(self, names: list[str]) -> None:
        todo = [n for n in names if n not in self._layers_loaded]
        if todo:
            self.layers.update(_read_layers(self.review, todo))
            self._layers_loaded.update(todo)


def _merge_one(review: Project, st: _ReviewState, src: _Source, renames: dict[str, str],
               only: set[str] | None) -> SourceReport:
    where = str(src.path)
    stored = str(src.path.resolve())  # how merged_layers names the file, whatever the spelling given
    rep = SourceReport(where)
    sp = src.project
    # Layers: human annotators of the file (gold and suggester layers are someone else's work).
    names: dict[str, str] = {}  # incoming name -> review name
    identity: dict[str, str] = {}
    for name, kind, created in merge_rows.annotators(sp):
        if only is not None and name not in only:
            continue
        if kind != "human" or name == GOLD:
            rep.skipped_layers.append(name)
            continue
        names[name] = renames.get(name, name)
        identity[name] = created
    if only:
        absent = sorted(only - set(names) - set(rep.skipped_layers))
        if absent and not names:
            raise MergeConflict(f"{where}: has no annotator {absent[0]!r}")
    used_labels, used_rels = merge_rows.used_labels(sp)
    check_schemes(review.scheme, src.scheme, used_labels, used_rels, where)
    rep.layers = [names[n] if names[n] == n else f"{n} as {names[n]}" for n in names]
    for target in names.values():
        kind = st.annotators.get(target, ("human",))[0]
        if kind != "human":
            raise MergeConflict(f"{where}: annotator name {target!r} is a {kind} layer in the review project; "
                                "merge it under another name (--rename)")

    # Documents by content hash.
    src_docs = merge_rows.documents(sp)
    rep.documents = len(src_docs)
    doc_map: dict[int, int] = {}
    seen_review: set[int] = set()
    new_docs = []
    for snum, sid, digest, meta in src_docs:
        num = st.by_hash.get(digest)
        if num is None:
            num = st.next_num
            st.next_num += 1
            doc_id = sid if sid not in st.used_ids else f"{sid}@{digest[:8]}"
            if doc_id in st.used_ids:
                raise MergeConflict(f"{where}: document {sid!r} clashes with an existing id")
            new_docs.append((num, doc_id, snum, meta, digest, st.stamp))
            st.by_hash[digest] = num
            st.doc_ids[num] = doc_id
            st.used_ids.add(doc_id)
            rep.added_docs.append(doc_id)
        else:
            rep.matched += 1
        doc_map[snum] = num
        seen_review.add(num)
    if new_docs:
        texts = merge_rows.texts(sp, {row[2] for row in new_docs})
        new_docs = [(num, doc_id, texts[snum], meta, digest, stamp) for num, doc_id, snum, meta, digest, stamp in new_docs]
        merge_rows.insert_documents(review, new_docs)
    rep.missing_docs = [i for n, i in sorted(st.doc_ids.items()) if n not in seen_review]

    # Layers, compared with what the review project holds for the same name and document.
    incoming = _read_layers(sp, list(names))
    rep.cross_layer_links = merge_rows.cross_layer_links(sp, list(names))
    st.load_layers(list(names.values()))
    for name, target in names.items():
        if target not in st.annotators:
            merge_rows.insert_annotator(review, target, identity[name])
            st.annotators[target] = ("human", identity[name])
    rows_merged = []
    deletes: list[tuple[str, int]] = []
    span_rows, rel_rows, state_rows = [], [], []
    empty_digest = _Layer().digest()
    pairs = [(name, snum, num) for name in sorted(names) for snum, num in doc_map.items()]
    worked: set[int] = set()  # review documents some merged layer touched
    for name, snum, num in pairs:
        target, ident = names[name], identity[name]
        layer = incoming.get((name, snum))
        prev = st.merged.get((target, num))
        current = st.layers.get((target, num))
        if layer is None:
            if prev is None or prev[0] != ident:
                continue  # nothing from this person here, and nothing of theirs to clear
            layer = _Layer()  # they removed all their work on this document since the last merge
        worked.add(num)
        digest = layer.digest()
        if prev is not None:
            prev_ident, prev_src = prev[0], prev[1]
        elif current is not None and not current.empty():
            # Work in the review project that no merge brought: whose is it?
            prev_ident, prev_src = st.annotators[target][1], f"{review.path} (the review project itself)"
        else:
            prev_ident = prev_src = None
        current_digest = current.digest() if current is not None else empty_digest
        if prev_ident is not None and prev_ident != ident and current_digest != digest:
            raise MergeConflict(
                f"annotator {target!r}: {where} and {prev_src} hold different work on document "
                f"{st.doc_ids[num]!r} under this one name (begun {ident} and {prev_ident}): two people? "
                f"Merge one of them under another name, e.g. --rename {name}={name}-2")
        if prev != (ident, stored, digest):
            rows_merged.append((target, num, ident, stored, digest, st.stamp))
        if current_digest == digest:
            rep.layers_unchanged += 1
            continue
        if current is not None and not current.empty():
            deletes.append((target, num))
            rep.layers_updated += 1
        else:
            rep.layers_new += 1
        ids = {}
        for sid, start, end, label, status, attrs, rule, origin in layer.spans:
            ids[sid] = st.next_span
            created, modified = layer.times.get(sid, (st.stamp, st.stamp))
            span_rows.append((st.next_span, num, start, end, label, target, status, attrs, rule, origin,
                              created, modified))
            st.next_span += 1
        for label, a, b, status, attrs, rule in layer.relations:
            rel_rows.append((st.next_rel, num, label, ids[a], ids[b], target, status, attrs, rule, "{}",
                             st.stamp, st.stamp))
            st.next_rel += 1
        if layer.state and layer.state != "todo":
            state_rows.append((num, target, layer.state, layer.state_time or st.stamp))
        rep.spans += len(layer.spans)
        rep.relations += len(layer.relations)
        st.layers[(target, num)] = _Layer(
            [(ids[s[0]], *s[1:]) for s in layer.spans],
            [(r[0], ids[r[1]], ids[r[2]], *r[3:]) for r in layer.relations], layer.state)
    added = {row[0] for row in new_docs}
    rep.skipped_docs = [st.doc_ids[num] for num in sorted(set(doc_map.values()) - worked - added)]
    merge_rows.replace_layers(review, deletes, span_rows, rel_rows, state_rows, rows_merged)
    for row in rows_merged:
        st.merged[(row[0], row[1])] = (row[2], row[3], row[4])
    return rep
