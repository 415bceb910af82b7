"""A process that edits a project through the GUI's mutators until it is killed.

Run as `python kill_worker.py --serve`: a fork server. It imports everything once, then
for each line `RUN <project> <seed> <log>` on stdin forks a child that opens the project
and edits it forever, and prints `PID <pid>` and later `EXIT <pid> <status>`. The caller
SIGKILLs the child at a moment of its choosing. Forking keeps a kill round at a few
milliseconds instead of a fresh interpreter's half second; the child is still a real
process that dies by SIGKILL with its SQLite connection open.

The child writes to <log>, with unbuffered os.write:
  TRY {"op", "keys": [touched keys], "new": "span"|"rel"|null}   before a mutator
  DONE {"op", "set": [[key, value]...], "del": [key...]}          after it returned
  FAIL {"op", "why"}                                             it refused (scheme rule)
Keys are ["span", id], ["rel", id], ["status", doc, annotator], ["meta", doc]; values are
what state_of() reads, so the test can replay DONE lines into an expected state.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project

LABELS = ("QUOTE", "SOURCE", "CUE", "DATE")
ANNOTATORS = ("ann1", "ann2")
ATTR_CHOICES = {
    "QUOTE": {"type": ["direct", "indirect", "mixed", None]},
    "SOURCE": {"kind": ["person", "organization", "anonymous", None]},
    "DATE": {"type": ["DATE", "DURATION", None], "value": ["2024-01-15", "2023-W10", "P3D", None],
             "mod": ["START", "END", None]},
}
MAX_SPANS = 400


# ----- the state both sides compare -----------------------------------------------------------
def span_value(row) -> list:
    doc, start, end, label, annotator, status, attrs = row
    return [doc, start, end, label, annotator, status, json.dumps(json.loads(attrs), sort_keys=True)]


def state_of(conn: sqlite3.Connection) -> dict[tuple, object]:
    """Everything an edit can change, keyed like the log's keys."""
    out: dict[tuple, object] = {}
    for row in conn.execute('SELECT id, doc, start, "end", label, annotator, status, attrs FROM spans'):
        out[("span", row[0])] = span_value(row[1:])
    for rid, doc, label, a, b, ann, status in conn.execute(
            "SELECT id, doc, label, from_span, to_span, annotator, status FROM relations"):
        out[("rel", rid)] = [doc, label, a, b, ann, status]
    for doc, ann, state in conn.execute("SELECT doc, annotator, state FROM doc_status"):
        out[("status", doc, ann)] = state
    for num, meta in conn.execute("SELECT num, meta FROM documents"):
        out[("meta", num)] = json.dumps(json.loads(meta), sort_keys=True)
    return out


def _value(conn, key: tuple):
    kind = key[0]
    if kind == "span":
        row = conn.execute('SELECT doc, start, "end", label, annotator, status, attrs FROM spans WHERE id = ?',
                           (key[1],)).fetchone()
        return span_value(row) if row else None
    if kind == "rel":
        row = conn.execute("SELECT doc, label, from_span, to_span, annotator, status FROM relations WHERE id = ?",
                           (key[1],)).fetchone()
        return list(row) if row else None
    if kind == "status":
        row = conn.execute("SELECT state FROM doc_status WHERE doc = ? AND annotator = ?", key[1:]).fetchone()
        return row[0] if row else None
    row = conn.execute("SELECT meta FROM documents WHERE num = ?", (key[1],)).fetchone()
    return json.dumps(json.loads(row[0]), sort_keys=True)


# ----- the editing child ----------------------------------------------------------------------
class Editor:
    def __init__(self, project: Project, rng: random.Random, log_fd: int):
        self.p = project
        self.rng = rng
        self.fd = log_fd
        self.texts = {d.num: d.text for d in project.documents()}
        self.deleted: list = []  # (span, relations) for undo, as the GUI's undo stack holds them

    def _log(self, tag: str, obj: dict) -> None:
        os.write(self.fd, f"{tag} {json.dumps(obj, ensure_ascii=False)}\n".encode())

    def _ids(self, sql: str, args=()) -> list:
        return [r[0] for r in self.p.conn.execute(sql, args)]

    def _offsets(self, doc: int) -> tuple[int, int]:
        n = len(self.texts[doc])
        start = self.rng.randrange(0, n - 1)
        return start, min(n, start + self.rng.randint(1, 25))

    def step(self) -> None:
        rng, p = self.rng, self.p
        n_spans = p.conn.execute("SELECT count(*) FROM spans").fetchone()[0]
        ops = ["add"] * 6 + ["relabel", "edges", "attr", "attr", "delete", "delete", "restore", "relate", "relate",
                             "unrelate", "status", "meta"]
        if n_spans > MAX_SPANS:
            ops += ["delete"] * 12
        op = rng.choice(ops)
        spans = self._ids("SELECT id FROM spans ORDER BY id")
        if op != "add" and op not in ("status", "meta", "restore", "relate", "unrelate") and not spans:
            op = "add"
        doc = rng.choice(sorted(self.texts))
        keys: list = []
        new = None
        call = None
        touched_after: list = []
        deleted_after: list = []
        if op == "add":
            start, end = self._offsets(doc)
            label = rng.choice(LABELS)
            new = "span"
            call = lambda: p.add_span(doc, start, end, label, rng.choice(ANNOTATORS))  # noqa: E731
        elif op in ("relabel", "edges", "attr"):
            sid = rng.choice(spans)
            span = p.span(sid)
            keys = [["span", sid]]
            touched_after = [("span", sid)]
            if op == "relabel":
                label = rng.choice([l for l in LABELS if l != span.label])
                call = lambda: p.update_span(sid, label=label)  # noqa: E731
            elif op == "edges":
                n = len(self.texts[span.doc])
                start = max(0, min(n - 1, span.start + rng.randint(-3, 3)))
                end = max(start + 1, min(n, span.end + rng.randint(-3, 3)))
                call = lambda: p.update_span(sid, start=start, end=end)  # noqa: E731
            else:
                choices = ATTR_CHOICES.get(span.label)
                if not choices:
                    return
                name = rng.choice(sorted(choices))
                value = rng.choice(choices[name])
                call = lambda: p.set_span_attr(sid, name, value)  # noqa: E731
        elif op == "delete":
            sid = rng.choice(spans)
            rels = p.relations_of(sid)
            keys = [["span", sid]] + [["rel", r.id] for r in rels]
            deleted_after = [tuple(k) for k in keys]

            def call():
                self.deleted.append(p.delete_span(sid))
        elif op == "restore":
            if not self.deleted:
                return
            gone = self.deleted.pop()  # the delete's Change: its undo puts span and links back
            keys = [["span" if r.table == "spans" else "rel", r.key[0]] for r in reversed(gone.rows)]
            touched_after = [tuple(k) for k in keys]
            call = lambda: p.undo(gone)  # noqa: E731
        elif op == "relate":
            quotes = self._ids("SELECT id FROM spans WHERE doc = ? AND label = 'QUOTE'", (doc,))
            others = self._ids("SELECT id FROM spans WHERE doc = ? AND label IN ('SOURCE', 'CUE')", (doc,))
            if not quotes or not others:
                return
            a, b = rng.choice(quotes), rng.choice(others)
            kind = "source" if p.span(b).label == "SOURCE" else "cue"
            new = "rel"
            call = lambda: p.add_relation(kind, a, b, rng.choice(ANNOTATORS))  # noqa: E731
        elif op == "unrelate":
            rels = self._ids("SELECT id FROM relations ORDER BY id")
            if not rels:
                return
            rid = rng.choice(rels)
            keys = [["rel", rid]]
            deleted_after = [("rel", rid)]
            call = lambda: p.delete_relation(rid)  # noqa: E731
        elif op == "status":
            ann = rng.choice(ANNOTATORS)
            state = rng.choice(["todo", "in_progress", "done"])
            keys = [["status", doc, ann]]
            touched_after = [("status", doc, ann)]
            call = lambda: p.set_doc_status(doc, ann, state)  # noqa: E731
        else:
            key, value = rng.choice([("note", f"ملاحظة {rng.randint(0, 10**6)}"), ("dct", "2024-03-0" + str(rng.randint(1, 9))),
                                     ("note", None)])
            keys = [["meta", doc]]
            touched_after = [("meta", doc)]
            call = lambda: p.set_doc_meta(doc, key, value)  # noqa: E731
        self._log("TRY", {"op": op, "keys": keys, "new": new})
        try:
            result = call()
        except (AnnotatorError, sqlite3.IntegrityError) as exc:
            self._log("FAIL", {"op": op, "why": str(exc)[:200]})
            return
        if new == "span":
            touched_after = [("span", result.result.id)]
        elif new == "rel":
            touched_after = [("rel", result.result.id)]
        conn = p.conn
        self._log("DONE", {"op": op, "set": [[list(k), _value(conn, k)] for k in touched_after],
                           "del": [list(k) for k in deleted_after]})


def child(project_path: str, seed: int, log_path: str) -> None:
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.write(fd, b"START\n")
    project = Project.open(project_path)
    os.write(fd, b"OPEN\n")
    editor = Editor(project, random.Random(seed), fd)
    for _ in range(20000):  # bounded, in case nobody comes to kill it
        editor.step()
    project.close()
    os.write(fd, b"END\n")


def serve() -> None:
    """The fork server loop (see the module docstring)."""
    from annotator.core.scheme import default_scheme

    default_scheme()  # parsed once here, inherited by every child
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] != "RUN":
            continue
        path, seed, log = parts[1], int(parts[2]), parts[3]
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                child(path, seed, log)
            except BaseException as exc:  # noqa: BLE001 - reported through the log, then exit
                try:
                    with open(log, "a", encoding="utf-8") as fh:
                        fh.write(f"ERROR {type(exc).__name__}: {exc}\n")
                except OSError:
                    pass
                code = 3
            os._exit(code)
        print(f"PID {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"EXIT {pid} {status}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    elif len(sys.argv) == 4:
        child(sys.argv[1], int(sys.argv[2]), sys.argv[3])
    else:
        print("usage: kill_worker.py --serve | PROJECT SEED LOG", file=sys.stderr)
        sys.exit(2)
