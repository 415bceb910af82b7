"""Edit a project until the disk (or the file size limit) is full; report what happened.

Usage: full_disk_worker.py PROJECT [FSIZE_LIMIT_BYTES] [--wait]
With a limit, RLIMIT_FSIZE makes every write past it fail (EFBIG; SIGXFSZ is ignored),
as a full disk would. Prints JSON lines: {"done": i} per saved edit, then
{"failed": i, "type", "reason", "message", "unchanged": bool} and a retry's outcome.
"""

from __future__ import annotations

import json
import resource
import signal
import sys

from annotator.core.errors import AnnotatorError, WriteFailed
from annotator.core.project import Project


def _state(p: Project):
    c = p.conn
    return (c.execute("SELECT count(*), max(id) FROM spans").fetchone(),
            c.execute("SELECT meta FROM documents ORDER BY num").fetchall())


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    p = Project.open(args[0], backup=False)
    if len(args) > 1:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        limit = int(args[1])
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    filler = "ب" * 20000  # each edit needs several new pages
    for i in range(100000):
        before = _state(p)
        edits = p.edits
        try:
            if i % 2:
                p.set_doc_meta(1 + i % 3, f"k{i}", filler)
            else:
                p.add_span(1 + i % 3, 0, 3, "CUE", f"a{i}")
        except AnnotatorError as exc:
            unchanged = _state(p) == before and p.edits == edits
            print(json.dumps({"failed": i, "type": type(exc).__name__, "reason": getattr(exc, "reason", None),
                              "message": str(exc), "unchanged": unchanged}), flush=True)
            # The GUI keeps the action and offers a retry: still full, so it fails the same clean way.
            try:
                p.set_doc_meta(1, "retry", filler)
                print(json.dumps({"retry": "saved"}), flush=True)
            except WriteFailed as exc2:
                print(json.dumps({"retry": "failed", "unchanged": _state(p) == before,
                                  "reason": exc2.reason}), flush=True)
            break
        print(json.dumps({"done": i}), flush=True)
    if "--wait" in sys.argv:
        sys.stdin.readline()  # the test frees space, then lets us retry
        try:
            p.set_doc_meta(2, "after", "saved after space was freed")
            print(json.dumps({"after_free": "saved"}), flush=True)
        except AnnotatorError as exc:
            print(json.dumps({"after_free": str(exc)}), flush=True)
    try:
        p.close()
    except Exception:  # noqa: BLE001 - the checkpoint at close may hit the limit too: the log stays
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
