from __future__ import annotations

import os
import shutil
import sys

from annotator.commands.common import open_project
from annotator.core.errors import AnnotatorError
from annotator.core.terminal import PALETTE, display, field, render_document, write_raw


def register(sub) -> None:
    p = sub.add_parser("show", help="print a document with its spans coloured and listed",
                       description="Print a document with its spans coloured and listed. Arabic is shaped "
                       "and put in visual order for terminals without bidi support, unless --logical.")
    p.add_argument("project")
    p.add_argument("doc_id")
    p.add_argument("--annotator", help="only this annotator's spans")
    p.add_argument("--logical", action="store_true", help="print logical order: the terminal does bidi itself")
    p.add_argument("--no-colour", "--no-color", dest="colour", action="store_false", help="no ANSI colours")
    p.set_defaults(run=run)


def run(args) -> int:
    colour = args.colour and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    with open_project(args.project, readonly=True) as project:
        try:
            doc = project.document(args.doc_id)
        except AnnotatorError:
            raise AnnotatorError(f"{args.project}: no document with id {args.doc_id!r}") from None
        spans = project.spans(doc.num, args.annotator)
        rels = project.relations(doc.num, args.annotator)
        colours = {l.name: PALETTE[i % len(PALETTE)] for i, l in enumerate(project.scheme.labels)}
    out = sys.stdout
    print(f"# {field(doc.id)}" + (f"  (dct {field(doc.dct)})" if doc.dct else ""))
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 0
    # The document's colours are ours; render_document escapes the text's own control characters.
    write_raw(out, render_document(doc.text, spans, colours, logical=args.logical, colour=colour, width=width) + "\n")
    print()
    print(f"{len(spans)} spans, {len(rels)} relations")
    by_id = {s.id: s for s in spans}
    for s in spans:
        attrs = field(" ".join(f"{k}={v}" for k, v in sorted(s.attrs.items())))
        name = field(s.label)
        label = f"\x1b[{colours.get(s.label, 37)}m{name}\x1b[0m" if colour else name
        flag = "" if s.status == "accepted" else f" [{field(s.status)}]"
        text = display(field(doc.text[s.start:s.end].replace(chr(10), ' ')), args.logical)
        write_raw(out, f"  {s.id:>6} {label:<8} {s.start:>6}-{s.end:<6} {field(s.annotator)}{flag}  {text}  {attrs}\n")
    for r in rels:
        a, b = by_id.get(r.from_span), by_id.get(r.to_span)
        if a and b:
            print(f"  {field(r.label)}: {r.from_span} {field(a.label)} -> {r.to_span} {field(b.label)} "
                  f"({field(r.annotator)})")
    return 0
