"""Benchmark of the suggesters: speed, and quality on the development gold set, with dateparser
as a baseline for dates.

    python benchmarks/bench_suggest.py [--mb 2] [--dateparser-seconds 60]

Gold: tests/data/devgold/own.jsonl (original sentences the rules were developed on),
heldout.jsonl (original sentences written afterwards, not tuned on), press.jsonl and
press_heldout.jsonl (a second set in Maghrebi and Gulf press styles, issue 17: the held-out part
was written and committed before the rules for it, and scored once), press_heldout2.jsonl (written
after the rules in other wordings, scored once) and seeds.json (offsets into
../shared/corpus/seeds, read at run time; skipped when ../shared is absent).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.evaluate import EvalReport, evaluate, load_offset_gold, read_jsonl  # noqa: E402
from annotator.core.suggest import suggest_record  # noqa: E402
from annotator.core.suggest.dates import find_dates  # noqa: E402
from annotator.core.suggest.quotes import find_quotes  # noqa: E402

GOLD = ROOT / "tests" / "data" / "devgold"


def gold_sets() -> dict[str, list[dict]]:
    sets = {"own": read_jsonl(GOLD / "own.jsonl"), "heldout (unseen)": read_jsonl(GOLD / "heldout.jsonl"),
            "press": read_jsonl(GOLD / "press.jsonl"),
            "press heldout (unseen)": read_jsonl(GOLD / "press_heldout.jsonl"),
            "press heldout 2 (unseen)": read_jsonl(GOLD / "press_heldout2.jsonl"),
            # Written by someone other than the rules' author and never shown to them: the
            # honest figure. A rule changed because of it makes it development gold.
            "blind (lead's, never tuned on)": read_jsonl(ROOT / "tests" / "data" / "blind" / "blind.jsonl")}
    seeds_dir = ROOT.parent / "shared" / "corpus" / "seeds"
    if seeds_dir.is_dir():
        sets["seeds"] = load_offset_gold(GOLD / "seeds.json", seeds_dir)
    return sets


def predict(gold: list[dict]) -> list[dict]:
    out = []
    for g in gold:
        spans, rels = suggest_record(g["text"], (g.get("meta") or {}).get("dct"))
        out.append({"id": g["id"], "text": g["text"], "spans": spans, "relations": rels})
    return out


def dateparser_predict(gold: list[dict], budget: float) -> tuple[list[dict] | None, str]:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None, "dateparser not installed"
    from datetime import datetime

    out = []
    t0 = time.perf_counter()
    for g in gold:
        if time.perf_counter() - t0 > budget:
            return None, f"stopped after {budget:.0f} s"
        text = g["text"]
        dct = (g.get("meta") or {}).get("dct")
        settings = {"RELATIVE_BASE": datetime.fromisoformat(dct)} if dct else {}
        spans = []
        try:
            found = search_dates(text, languages=["ar"], settings=settings) or []
        except Exception as exc:  # dateparser raises on some inputs; count as nothing found
            found = []
            print(f"  dateparser failed on {g['id']}: {type(exc).__name__}", file=sys.stderr)
        pos = 0
        for frag, when in found:
            i = text.find(frag, pos)
            if i < 0:
                i = text.find(frag)
            if i < 0:
                continue
            pos = i + len(frag)
            spans.append({"id": len(spans) + 1, "start": i, "end": i + len(frag), "label": "DATE",
                          "attrs": {"value": when.date().isoformat()}})
        out.append({"id": g["id"], "text": text, "spans": spans, "relations": []})
    return out, f"{time.perf_counter() - t0:.1f} s"


def speed(texts: list[str], mb: float) -> tuple[float, float, float]:
    """chars/s of dates, quotes and both, over `mb` MB of repeated gold text."""
    blob = "\n".join(texts)
    target = int(mb * 1024 * 1024)
    docs = []
    size = 0
    while size < target:
        docs.append(blob)
        size += len(blob.encode("utf-8"))
    chars = sum(len(d) for d in docs)
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    res = []
    for fn in (lambda d: find_dates(d, "2021-12-09"), find_quotes,
               lambda d: suggest_record(d, "2021-12-09")):
        best = float("inf")
        for _ in range(3):  # best of three: the machine is shared
            t0 = time.perf_counter()
            for d in docs:
                fn(d)
            best = min(best, time.perf_counter() - t0)
        res.append(best)
    return chars, nbytes, res


def row(name: str, r: EvalReport) -> list[str]:
    d, q, s, c = (r.labels[k] for k in ("DATE", "QUOTE", "SOURCE", "CUE"))
    dp, dr, df = d.overlap_prf()
    ep, er, ef = d.exact_prf()
    qp, qr, qf = q.overlap_prf()
    qep, qer, qef = q.exact_prf()
    return [
        f"{name:<24} DATE   gold {d.gold:>3} pred {d.pred:>3}  overlap P {dp:.3f} R {dr:.3f} F1 {df:.3f}  "
        f"exact F1 {ef:.3f}  value acc {r.value_accuracy:.3f} ({r.value_right}/{r.value_total})",
        f"{'':<24} QUOTE  gold {q.gold:>3} pred {q.pred:>3}  overlap P {qp:.3f} R {qr:.3f} F1 {qf:.3f}  "
        f"exact F1 {qef:.3f}  source acc {r.source_accuracy:.3f} ({r.source_right}/{r.source_total})",
        f"{'':<24} SOURCE overlap F1 {s.overlap_prf()[2]:.3f} exact F1 {s.exact_prf()[2]:.3f}   "
        f"CUE overlap F1 {c.overlap_prf()[2]:.3f} exact F1 {c.exact_prf()[2]:.3f}",
        f"{'':<24} QUOTE type acc {r.quote_type_accuracy:.3f} ({r.quote_type_right}/{r.quote_pairs})   "
        f"SOURCE kind acc {r.kind_accuracy:.3f} ({r.kind_right}/{r.kind_total})",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="MB of text for the speed run (default 2)")
    ap.add_argument("--dateparser-seconds", type=float, default=120, help="time bound for dateparser")
    ap.add_argument("--errors", action="store_true", help="list date value errors")
    args = ap.parse_args()

    sets = gold_sets()
    if "seeds" not in sets:
        print("(../shared/corpus/seeds absent: the seed gold is skipped)")
    allgold = [g for gs in sets.values() for g in gs]
    sets["all"] = allgold
    print(f"gold: {', '.join(f'{k} {len(v)} docs' for k, v in sets.items())}\n")
    print("== rule-based suggesters (annotator.core.suggest)")
    for name, gold in sets.items():
        r = evaluate(gold, predict(gold))
        for line in row(name, r):
            print(line)
        if args.errors and name == "all":
            for span, gv, pv, doc in r.value_errors:
                print(f"    value error {span!r}: gold {gv} predicted {pv} [{doc}]")
    print("\n== dateparser.search.search_dates(languages=['ar'], RELATIVE_BASE=dct), DATE only")
    pred, note = dateparser_predict(allgold, args.dateparser_seconds)
    if pred is None:
        print(f"  skipped: {note}")
    else:
        r = evaluate(allgold, pred, pred_annotator=None)
        d = r.labels["DATE"]
        dp, dr, df = d.overlap_prf()
        print(f"{'all':<24} DATE   gold {d.gold:>3} pred {d.pred:>3}  overlap P {dp:.3f} R {dr:.3f} F1 {df:.3f}  "
              f"exact F1 {d.exact_prf()[2]:.3f}  value acc* {r.value_accuracy:.3f} ({r.value_right}/{r.value_total})"
              f"  [{note}]")
        print("  * a dateparser value is its day (YYYY-MM-DD); right only where the gold value is a day")
    chars, nbytes, (td, tq, tb) = speed([g["text"] for g in allgold], args.mb)
    print(f"\n== speed, one core, best of 3 runs over {nbytes / 1e6:.1f} MB ({chars} chars) of gold text repeated")
    print(f"  dates   {chars / td:>12,.0f} chars/s  {nbytes / td / 1e6:6.2f} MB/s")
    print(f"  quotes  {chars / tq:>12,.0f} chars/s  {nbytes / tq / 1e6:6.2f} MB/s")
    print(f"  both    {chars / tb:>12,.0f} chars/s  {nbytes / tb / 1e6:6.2f} MB/s   (goal: >= 1 MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
