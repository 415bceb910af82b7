"""Merge and agreement at scale: three annotators' copies of a 10,000-document project.

    python -m benchmarks.bench_agreement [--docs 10000] [--keep DIR]

Each annotator's copy holds the synthetic corpus with its spans perturbed (kept, edge moved,
relabelled, dropped, one added). Times: building the copies (not a goal), merging the three
into an empty review project (goal < 10 s), re-merging them (idempotent, nothing written),
and computing agreement (goal < 5 s).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from annotator.core import agreement
from annotator.core.importer import import_records
from annotator.core.merge import merge_projects
from annotator.core.native import parse_record
from annotator.core.project import Project
from benchmarks.corpus import LABELS, records

ANNOTATORS = ("annotator1", "annotator2", "annotator3")
GOALS = {"merge": 10.0, "agreement": 5.0}


def perturb(rec: dict, name: str, rng: random.Random) -> dict:
    text = rec["text"]
    bounds = [m.end() for m in re.finditer(r"\S+", text)]
    spans, keep = [], {}
    for s in rec["spans"]:
        r = rng.random()
        if r < 0.08:
            continue
        start, end, label = s["start"], s["end"], s["label"]
        if r < 0.16:
            later = [b for b in bounds if b > end]
            end = later[0] if later else end
        elif r < 0.2:
            label = rng.choice(LABELS)
        attrs = {"type": "direct"} if label == "QUOTE" else {}
        keep[s["id"]] = label
        spans.append({"id": s["id"], "start": start, "end": end, "label": label, "annotator": name, "attrs": attrs})
    if rng.random() < 0.3:
        b = rng.randrange(len(bounds))
        start = text.rfind(" ", 0, bounds[b]) + 1
        spans.append({"id": "extra", "start": start, "end": bounds[b], "label": "CUE", "annotator": name})
    rels = [{"label": r["label"], "from": r["from"], "to": r["to"], "annotator": name}
            for r in rec["relations"] if keep.get(r["from"]) == "QUOTE" and keep.get(r["to"]) == "SOURCE"]
    return {"id": rec["id"], "text": text, "meta": rec["meta"], "status": {name: "done"}, "spans": spans,
            "relations": rels}


def make_copy(path: Path, name: str, n: int, seed: int) -> None:
    rng = random.Random(seed)
    with Project.create(path) as p:
        recs = ((f"{path}:{i}", parse_record(perturb(r, name, rng), str(i), p.scheme, name), 0)
                for i, r in enumerate(records(n, seed=1)))
        import_records(p, recs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--keep", help="build the files in this folder and keep them")
    args = ap.parse_args(argv)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-agreement-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        t = time.perf_counter()
        copies = []
        for k, name in enumerate(ANNOTATORS):
            path = folder / f"{name}.annot"
            path.unlink(missing_ok=True)
            make_copy(path, name, args.docs, seed=100 + k)
            copies.append(str(path))
        rows.append(("build 3 annotator copies", time.perf_counter() - t, None, ""))
        review_path = folder / "review.annot"
        review_path.unlink(missing_ok=True)
        with Project.create(review_path) as review:
            t = time.perf_counter()
            rep = merge_projects(review, copies)
            spans = sum(s.spans for s in rep.sources)
            rows.append(("merge 3 x %d documents" % args.docs, time.perf_counter() - t, GOALS["merge"],
                         f"{spans} spans"))
            t = time.perf_counter()
            rep2 = merge_projects(review, copies)
            assert not rep2.changed
            rows.append(("merge again (no change)", time.perf_counter() - t, None,
                         f"{sum(s.layers_unchanged for s in rep2.sources)} layers unchanged"))
            t = time.perf_counter()
            res = agreement.compute(review)
            rows.append((f"agreement {len(res.annotators)} annotators", time.perf_counter() - t, GOALS["agreement"],
                         f"{res.documents} docs, alpha(*) {res.get('*', 'alpha'):.3f}, "
                         f"F1 exact(*) {res.get('*', 'f1_exact'):.3f}"))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{'step':<34} {'seconds':>8} {'goal':>6}  note")
    ok = True
    for step, secs, goal, note in rows:
        flag = ""
        if goal is not None:
            flag = "ok" if secs < goal else "SLOW"
            ok = ok and secs < goal
        print(f"{step:<34} {secs:8.2f} {('< %g' % goal) if goal else '':>6}  {flag} {note}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
