"""`annotator evaluate GOLD PRED`: precision, recall and F1 per label, date values, quote sources."""

from __future__ import annotations

import json

from annotator.core.evaluate import evaluate, load_gold, read_jsonl


def register(sub) -> None:
    p = sub.add_parser(
        "evaluate", help="score predictions against gold (P/R/F1 per label, date values, quote sources)",
        description="Compare two native JSONL files (documents paired by id, else by line). Prints "
        "precision, recall and F1 per label, exact and overlap; value accuracy for matched DATE "
        "spans; source accuracy for matched QUOTE spans. Rejected spans are ignored. GOLD may also "
        "be an offset-gold .json (texts read from --texts).")
    p.add_argument("gold")
    p.add_argument("pred")
    p.add_argument("--gold-annotator", metavar="NAME", help="only this annotator's spans in GOLD (default: all)")
    p.add_argument("--pred-annotator", metavar="NAME", help="only this annotator's spans in PRED (default: all)")
    p.add_argument("--texts", metavar="DIR", help="folder of the texts an offset-gold .json refers to")
    p.add_argument("--errors", action="store_true", help="also list DATE value mismatches")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    gold = load_gold(args.gold, args.texts)
    pred = read_jsonl(args.pred)
    report = evaluate(gold, pred, args.gold_annotator, args.pred_annotator)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"{report.documents} documents")
    print(report.table())
    if args.errors and report.value_errors:
        print("\nDATE value mismatches (span, gold, predicted, document):")
        for span, gv, pv, doc in report.value_errors:
            print(f"  {span!r}: {gv} != {pv}  [{doc}]")
    return 0
