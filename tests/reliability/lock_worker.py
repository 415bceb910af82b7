"""A writer for the one-writer lock tests: opens PROJECT for writing (waiting while it is
in use, counting the refusals), says "open", waits for GO_FILE, adds N spans as TAG, closes.

    python -m tests.reliability.lock_worker PROJECT TAG N GO_FILE
"""

from __future__ import annotations

import json
import os
import sys
import time

from annotator.core.errors import ProjectInUse
from annotator.core.project import Project


def main() -> None:
    path, tag, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    refused = 0
    while True:
        try:
            project = Project.open(path, backup=False)
            break
        except ProjectInUse:
            refused += 1
            time.sleep(0.02)
    print("open", flush=True)
    while not os.path.exists(go):
        time.sleep(0.01)
    for _ in range(n):
        project.add_span(1, 0, 3, "CUE", tag)
    project.close()
    print(json.dumps({"refused": refused}), flush=True)


if __name__ == "__main__":
    main()
