"""Offline work against a team project: pull a person's documents into a file of their own,
work anywhere, push the work back.

`pull` writes a package (an ordinary project file, as `annotator assign` writes them) with
the documents assigned to one annotator (or all of them), the scheme, the suggestions and
that annotator's own work, and remembers where it came from: the project's identity, its
address without any password, and the digest of the annotator's layer on each document as
it was pulled (the base). `push` brings that annotator's layer back with the reviewer's
merge (documents matched by content hash, each layer replaced whole): pushing twice changes
nothing, and other people's work, and this person's work on documents not in the file, is
left as it is. Both are all or nothing.

The same person may also work on a document elsewhere meanwhile (in the team project
itself, or in a second copy). Per document, with the base: changed only here, it is
pushed; changed only there, the team project's newer version is kept (never overwritten by
the stale copy); changed on both sides, the push is refused naming the document, unless
`overwrite` says that this copy wins.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.assign import (AssignError, Package, _remove_side_files, _write_one, check_names,
                                   package_info, project_label, safe_address)
from annotator.core.checkout import take_new
from annotator.core.errors import AnnotatorError, WriteFailed
from annotator.core.merge import MergeReport, layer_digests, merge_projects
from annotator.core.model import now
from annotator.core.project import Project
from annotator.core.store import assignments as store
from annotator.core.store import packages as package_files

class PushConflict(AssignError):
    """The same person's work on a document changed both in the copy and in the team project."""


PUSH_ATTEMPTS = 8  # a push that lost a race on a server is tried again this many times at most
BASE_KEY = "pulled_layers"  # meta key of a pulled copy: {document hash: digest of the layer as pulled}


def pull(source: str, out: str | os.PathLike, annotator: str, all_documents: bool = False,
         take: int = 0) -> Package:
    """Write `out`: `annotator`'s documents of the project at `source` (a path or an address).
    take > 0 first checks out that many more documents for them (see core.checkout)."""
    annotator = check_names([annotator])[0]
    out = Path(out)
    if out.exists():
        raise AssignError(f"{out}: already exists (it may hold work not yet pushed); push it and move it away, "
                          "or choose another file name")
    if not out.parent.is_dir():
        raise AssignError(f"{out.parent}: no such folder")
    with Project.open(source, readonly=take <= 0) as project:
        for _ in range(max(0, take)):
            if take_new(project, annotator) is None:
                break
        docs = store.documents(project) if all_documents else store.assigned_to(project, annotator)
        if not docs:
            known = sorted({a for who in store.assignments(project).values() for a in who})
            raise AssignError(f"{source}: no document is assigned to {annotator}"
                              + (f" (assigned: {', '.join(known[:10])}{' …' if len(known) > 10 else ''})" if known
                                 else "") + "; --take N checks some out, --all takes every document")
        tmp = out.parent / f".{out.name}.part"
        for extra in ("", "-wal", "-shm"):
            Path(str(tmp) + extra).unlink(missing_ok=True)
        hashes = {num: digest for num, _, digest in store.document_hashes(project)}
        base = {hashes[d]: g for d, g in layer_digests(project, annotator, docs).items()}
        try:
            package = _write_one(project, annotator, docs, tmp, out, now(),
                                 {"source": safe_address(str(source)), "pulled": True}, {BASE_KEY: base})
            os.replace(tmp, out)
        except BaseException:
            _remove_side_files(tmp)
            tmp.unlink(missing_ok=True)
            raise
    return package


@dataclass
class PushReport:
    annotator: str
    target: str
    merge: MergeReport | None  # None when nothing was left to merge
    kept_theirs: list[str] = field(default_factory=list)  # documents changed only in the team project
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        s = self.merge.sources[0] if self.merge else None
        new, updated, same = (s.layers_new, s.layers_updated, s.layers_unchanged) if s else (0, 0, 0)
        out = [f"documents: {new + updated} with work brought in ({new} new, {updated} updated), {same} unchanged, "
               f"{len(s.skipped_docs) if s else 0} without work of {self.annotator}",
               f"spans: {s.spans if s else 0} written", f"links: {s.relations if s else 0} written"]
        if self.kept_theirs:
            out.append(f"documents changed in the team project since the pull and not in this copy, kept as they are "
                       f"there: {len(self.kept_theirs)} ({', '.join(self.kept_theirs[:10])}"
                       f"{' …' if len(self.kept_theirs) > 10 else ''})")
        if s and s.added_docs:
            out.append(f"documents added to the team project (not found there by their text): {len(s.added_docs)}")
        if s and s.cross_layer_links:
            out.append(f"links between two annotators' spans, not pushed: {s.cross_layer_links}")
        return out + self.notes

    @property
    def changed(self) -> bool:
        return self.merge is not None and self.merge.changed


def push(path: str | os.PathLike, target: str | None = None, annotator: str | None = None, overwrite: bool = False,
         copy: Project | None = None) -> PushReport:
    """Bring the package at `path` back into its team project (`target`, or where it was
    pulled from). `copy`: the package already open for writing (the window's), through which
    the new base is recorded."""
    path = Path(path)
    if not path.is_file():
        raise AssignError(f"{path}: no such file")
    info = package_info(path)
    if info is None:
        raise AssignError(f"{path}: not a package of a team project (annotator pull and annotator assign write them)")
    owner = info.get("annotator", "")
    if annotator is not None and annotator != owner:
        raise AssignError(f"{path}: holds {owner}'s work, not {annotator}'s")
    target = target or info.get("source")
    if not target:
        raise AssignError(f"{path}: does not say where it came from; name the team project to push to")
    _, layers = package_files.contents(path)
    others = sorted(n for n in layers if n != owner)
    if others:
        raise AssignError(f"{path}: also holds work of {others[0]}; push brings back only {owner}'s work "
                          "(bring the whole file in with annotator collect or annotator merge)")
    with Project.open(path, readonly=True) as local:
        ids = {digest: doc_id for _, doc_id, digest in store.document_hashes(local)}
        num_here = {digest: num for num, _, digest in store.document_hashes(local)}
        digests = layer_digests(local, owner, list(num_here.values()))
        mine = {h: digests[num] for h, num in num_here.items()}
        base = store.read_meta_json(local, BASE_KEY) or {}
    # On a server several people push at once; a push that lost a race was rolled back whole,
    # so it is read, decided and written again (the file's lock makes them wait their turn).
    for attempt in range(PUSH_ATTEMPTS):
        try:
            report, send = _push_into(target, path, info, owner, ids, num_here, mine, base, overwrite)
            break
        except WriteFailed as exc:
            if exc.reason != "busy" or attempt == PUSH_ATTEMPTS - 1:
                raise
            time.sleep(random.uniform(0.05, 0.25) * (attempt + 1))
    _record_base(path, copy, {**base, **{h: mine[h] for h in send}}, report)
    return report


def _push_into(target, path: Path, info: dict, owner: str, ids: dict, num_here: dict, mine: dict, base: dict,
               overwrite: bool) -> tuple[PushReport, list[str]]:
    """One attempt at a push: read the team project's side, decide per document, merge."""
    with Project.open(target) as project:
        if store.project_id(project) != info.get("project_id"):
            raise AssignError(f"{path}: a package of another project ({info.get('project', '?')}), "
                              f"not of {project_label(project)}")
        num_there: dict[str, int] = {}
        for num, _, digest in sorted(store.document_hashes(project)):
            num_there.setdefault(digest, num)  # the lowest number, as the merge matches
        shared = [h for h in mine if h in num_there]
        digests = layer_digests(project, owner, [num_there[h] for h in shared])
        theirs = {h: digests[num_there[h]] for h in shared}
        send, kept, both = [], [], []
        for h, here in mine.items():
            there, was = theirs.get(h), base.get(h)
            if there is None or here == there or was is None or there == was or overwrite:
                send.append(h)
            elif here == was:
                kept.append(h)
            else:
                both.append(h)
        if both:
            raise PushConflict(f"{path}: {len(both)} document(s) changed both in this copy and in the team project since "
                              f"the pull, first {ids[both[0]]!r}: {owner}'s work there would be lost; nothing was pushed "
                              "(push with --overwrite to replace it with this copy's)")
        report = PushReport(owner, safe_address(str(target)), None, sorted(ids[h] for h in kept))
        if send:
            report.merge = _merge_some(project, path, owner, [num_here[h] for h in send] if kept else None)
    return report, send


def _merge_some(project, path: Path, owner: str, docs: list[int] | None) -> MergeReport:
    """Merge the owner's layer from `path`; with `docs`, only from those documents (through a
    copy of the file holding just them)."""
    if docs is None:
        return merge_projects(project, [str(path)], only={owner})
    folder = Path(tempfile.mkdtemp(prefix="annotator-push-"))
    try:
        with Project.open(path, readonly=True) as local:
            _write_one(local, owner, docs, folder / path.name, folder / path.name, now())
        return merge_projects(project, [str(folder / path.name)], only={owner})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _record_base(path: Path, copy: Project | None, base: dict, report: PushReport) -> None:
    """The copy now matches the team project on the documents pushed: that is its new base."""
    try:
        if copy is not None:
            store.write_meta_json(copy, BASE_KEY, base)
            return
        with Project.open(path, backup=False) as local:
            store.write_meta_json(local, BASE_KEY, base)
    except (AnnotatorError, OSError) as exc:
        report.notes.append(f"{path}: could not note what was pushed ({exc}); the next push may ask for --overwrite")
