"""Kill a real editing process with SIGKILL N times; print the figures for RELIABILITY.md.

    python benchmarks/bench_kill.py [--kills 200] [--seed 7]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.reliability.kill_harness import run_kills  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = run_kills(Path(tmp), args.kills, args.seed)
    print(figures.table())
    for p in figures.problems:
        print("PROBLEM", p)
    return 1 if figures.problems or figures.edits_lost else 0


if __name__ == "__main__":
    sys.exit(main())
