"""Kill at any moment: a real process editing through the GUI's mutators is SIGKILLed at
random points (ANNOTATOR_KILLS times, default 200); after each kill the project opens,
integrity_check is ok and every edit reported as done is there.

Figures for RELIABILITY.md: `python benchmarks/bench_kill.py`.
"""

import os

import pytest

from tests.reliability.kill_harness import run_kills

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill harness forks (POSIX only)")


def test_no_saved_edit_is_lost_when_the_process_is_killed(tmp_path):
    kills = int(os.environ.get("ANNOTATOR_KILLS", "200"))
    figures = run_kills(tmp_path, kills, seed=int(os.environ.get("ANNOTATOR_KILL_SEED", "7")))
    print("\n" + figures.table())
    assert figures.problems == []
    assert figures.kills == kills
    assert figures.edits_lost == 0
    assert figures.edits_verified == figures.edits_done
    # The harness must really have hit edits in progress and opens in progress, or it proves little.
    assert figures.edits_done > kills
    assert figures.rounds_with_edits > kills // 2
    assert figures.kills_during_open > 0
    assert figures.in_flight_committed + figures.in_flight_absent > kills // 4
    assert figures.opens_readonly > 0 and figures.opens_writable > 0
