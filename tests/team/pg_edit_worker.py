"""A second annotator process for the concurrency tests (run as a script).

edit URL NAME N: N rounds on the project's first document, each one committed edit per step:
add a span of NAME's layer, set an attribute of it, set a document metadata key of NAME's, and
set NAME's attribute of the DATE span both workers share ('value' for a, 'mod' for b). An edit
refused because another session changed the same data at the same moment is tried again, as a
user would. Prints JSON: what this process saw committed.

hold URL: open a transaction that adds a span and an annotator and changes the document's
metadata, print "holding", and wait (to be killed)."""

from __future__ import annotations

import json
import sys
import time

from annotator.core.errors import SpanError, WriteFailed
from annotator.core.project import Project

MODS = ["START", "MID", "END", "APPROX"]


def retry(action):
    for _ in range(200):
        try:
            return action()
        except WriteFailed as exc:
            if exc.reason != "busy":
                raise
        except SpanError as exc:
            if "changed by someone else" not in str(exc):
                raise
        time.sleep(0.002)
    raise RuntimeError("gave up after 200 tries")


def edit(url: str, name: str, rounds: int) -> None:
    p = Project.open(url)
    doc = p.document_nums()[0]
    shared = next(s.id for s in p.spans(doc) if s.label == "DATE")
    text_len = len(p.document(doc).text)
    out = {"spans": [], "meta": [], "shared": None, "conflicts": 0}
    for n in range(rounds):
        start = (n * 7) % (text_len - 4)
        span = retry(lambda: p.add_span(doc, start, start + 3, "QUOTE", name).result)
        retry(lambda: p.set_span_attr(span.id, "type", "indirect"))
        out["spans"].append(span.id)
        retry(lambda: p.set_doc_meta(doc, f"{name}-{n}", n))
        out["meta"].append(f"{name}-{n}")
        value = f"2023-05-{n % 28 + 1:02d}" if name == "a" else MODS[n % 4]
        retry(lambda: p.set_span_attr(shared, "value" if name == "a" else "mod", value))
        out["shared"] = value
    p.close()
    print(json.dumps(out))


def hold(url: str) -> None:
    p = Project.open(url)
    doc = p.document_nums()[0]
    with p.transaction() as c:
        c.execute("INSERT INTO annotators(name, kind, created) VALUES ('ghost', 'human', 'x')")
        c.execute('INSERT INTO spans(doc, start, "end", label, annotator, status, attrs, origin, created, modified) '
                  "VALUES (?, 0, 3, 'CUE', 'ghost', 'accepted', '{}', '{}', 'x', 'x')", (doc,))
        c.execute("UPDATE documents SET meta = ? WHERE num = ?", ('{"ghost": 1}', doc))
        print("holding", flush=True)
        time.sleep(600)


if __name__ == "__main__":
    if sys.argv[1] == "edit":
        edit(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        hold(sys.argv[2])
