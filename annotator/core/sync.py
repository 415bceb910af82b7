"""Offline work against a team project: pull a person's documents into a file of their own,
work anywhere, push the work back.

`pull` writes a package (an ordinary project file, as `annotator assign` writes them) with
the documents assigned to one annotator (or all of them), the scheme, the suggestions and
that annotator's own work, and remembers where it came from: the project's identity and its
address without any password. `push` brings that annotator's layer back with the reviewer's
merge (documents matched by content hash, each layer replaced whole): pushing twice changes
nothing, and other people's work, and this person's work on documents not in the file, is
left as it is. Both are all or nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from annotator.core.assign import (AssignError, Package, _remove_side_files, _write_one, check_names, package_info,
                                   project_label, safe_address)
from annotator.core.checkout import take_new
from annotator.core.merge import MergeReport, merge_projects
from annotator.core.model import now
from annotator.core.project import Project
from annotator.core.store import assignments as store
from annotator.core.store import packages as package_files


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
        try:
            package = _write_one(project, annotator, docs, tmp, out, now(),
                                 {"source": safe_address(str(source)), "pulled": True})
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
    merge: MergeReport

    def lines(self) -> list[str]:
        s = self.merge.sources[0]
        worked = s.layers_new + s.layers_updated
        out = [f"documents: {worked} with work brought in ({s.layers_new} new, {s.layers_updated} updated), "
               f"{s.layers_unchanged} unchanged, {len(s.skipped_docs)} without work of {self.annotator}",
               f"spans: {s.spans} written", f"links: {s.relations} written"]
        if s.added_docs:
            out.append(f"documents added to the team project (not found there by their text): {len(s.added_docs)}")
        if s.cross_layer_links:
            out.append(f"links between two annotators' spans, not pushed: {s.cross_layer_links}")
        return out

    @property
    def changed(self) -> bool:
        return self.merge.changed


def push(path: str | os.PathLike, target: str | None = None, annotator: str | None = None) -> PushReport:
    """Bring the package at `path` back into its team project (`target`, or where it was
    pulled from)."""
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
    with Project.open(target) as project:
        if store.project_id(project) != info.get("project_id"):
            raise AssignError(f"{path}: a package of another project ({info.get('project', '?')}), "
                              f"not of {project_label(project)}")
        report = merge_projects(project, [str(path)], only={owner})
    return PushReport(owner, safe_address(str(target)), report)
