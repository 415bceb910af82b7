"""Kill a real editing process with SIGKILL again and again; after each kill, prove that
the project opens, passes integrity_check, and holds every edit reported as done.

Used by tests/reliability/test_kill.py (asserts) and benchmarks/bench_kill.py (prints the figures).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.importer import import_paths
from annotator.core.project import Project

WORKER = Path(__file__).with_name("kill_worker.py")

# Original sentences written for these tests (not taken from any corpus).
_TEXTS = [
    "قال رئيس البلدية في مؤتمر صحفي صباح الأحد إن أعمال صيانة الجسر القديم ستبدأ في الخامس عشر من "
    "آذار المقبل، مضيفاً أن الطريق البديل سيفتح أمام السيارات خلال أسبوعين.",
    "أكدت مديرة المدرسة أن الامتحانات النهائية ستجري كما هو مقرر في حزيران، وأوضحت أن «الطلاب "
    "سيحصلون على نتائجهم قبل نهاية الشهر».",
    "ذكر تقرير صادر عن هيئة الأرصاد يوم الخميس أن موجة الحر ستستمر ثلاثة أيام على الأقل، "
    "ونقلت الصحيفة عن خبير قوله: \"لم نشهد مثل هذه الحرارة منذ عام 2010\".",
]


def make_project(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    src = path.with_suffix(".seed.jsonl")
    with open(src, "w", encoding="utf-8") as fh:
        for i, text in enumerate(_TEXTS):
            fh.write(json.dumps({"id": f"d{i}", "text": text, "meta": {"dct": "2024-03-01"}}, ensure_ascii=False) + "\n")
    with Project.create(path) as project:
        import_paths(project, [src])
    src.unlink()
    return path


@dataclass
class KillFigures:
    kills: int = 0
    rounds_with_edits: int = 0
    edits_done: int = 0  # DONE lines: the user was told these were saved
    edits_verified: int = 0  # DONE edits whose effect was found after the kill
    edits_lost: int = 0  # DONE edits missing after the kill (must be 0)
    in_flight_committed: int = 0  # the edit cut short by the kill was found saved anyway
    in_flight_absent: int = 0  # ... or was absent: both are correct
    refused: int = 0  # mutators that refused an edit (scheme rules): nothing to check
    kills_during_open: int = 0  # killed before the child finished opening (lock, quick_check, backup)
    opens_readonly: int = 0
    opens_writable: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def table(self) -> str:
        rows = [("kills (SIGKILL)", self.kills), ("kills during open/backup", self.kills_during_open),
                ("edits reported done", self.edits_done), ("edits verified after kill", self.edits_verified),
                ("edits lost", self.edits_lost), ("in-flight edit found saved", self.in_flight_committed),
                ("in-flight edit absent", self.in_flight_absent), ("edits refused by the scheme", self.refused),
                ("reopened read-only / writable", f"{self.opens_readonly} / {self.opens_writable}"),
                ("integrity_check failures", sum("integrity" in p for p in self.problems)),
                ("seconds", f"{self.seconds:.1f}")]
        return "\n".join(f"{k:<32} {v}" for k, v in rows)


def _key(k) -> tuple:
    return tuple(k)


def _parse_log(path: Path) -> tuple[list[tuple[str, dict | None]], bool]:
    data = path.read_bytes() if path.exists() else b""
    entries = []
    opened = False
    for raw in data.split(b"\n")[:-1]:  # a last line without its newline was cut by the kill
        line = raw.decode("utf-8")
        tag, _, rest = line.partition(" ")
        if tag == "OPEN":
            opened = True
        elif tag in ("TRY", "DONE", "FAIL"):
            entries.append((tag, json.loads(rest)))
        elif tag == "ERROR":
            raise AssertionError(f"worker failed: {line}")
    return entries, opened


def _state_of(conn):
    from .kill_worker import state_of

    return state_of(conn)


def _wait_for_open(log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if b"OPEN\n" in log.read_bytes()[:64]:
                return
        except FileNotFoundError:
            pass
        time.sleep(0.001)


class Killer:
    def __init__(self, workdir: Path, seed: int = 7):
        self.workdir = Path(workdir)
        self.project = make_project(self.workdir / "killed.annot")
        self.rng = random.Random(seed)
        env = dict(os.environ)
        self.server = subprocess.Popen([sys.executable, str(WORKER), "--serve"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, text=True, bufsize=1, env=env,
                                       cwd=str(self.workdir))
        with Project.open(self.project, readonly=True) as p:
            self.model = _state_of(p.conn)

    def close(self) -> None:
        if self.server.poll() is None:
            self.server.stdin.close()
            self.server.wait(timeout=30)

    def one_round(self, n: int, figures: KillFigures) -> None:
        log = self.workdir / f"round-{n}.log"
        self.server.stdin.write(f"RUN {self.project} {self.rng.randrange(1 << 30)} {log}\n")
        self.server.stdin.flush()
        line = self.server.stdout.readline().split()
        assert line and line[0] == "PID", f"fork server said {line!r}"
        pid = int(line[1])
        # One round in five is killed at a random moment of the open itself (lock, quick_check,
        # backup); the rest a random 0-100 ms into editing, whatever this machine's speed.
        if self.rng.random() < 1 / 5:
            time.sleep(self.rng.uniform(0.0, 0.03))
        else:
            _wait_for_open(log, timeout=10.0)
            time.sleep(self.rng.uniform(0.0, 0.1))
        os.kill(pid, signal.SIGKILL)
        end = self.server.stdout.readline().split()
        assert end and end[0] == "EXIT" and int(end[1]) == pid, f"fork server said {end!r}"
        status = int(end[2])
        if os.WIFEXITED(status):
            raise AssertionError(f"worker exited by itself with {os.WEXITSTATUS(status)}: {log.read_text()[-500:]}")
        figures.kills += 1
        entries, opened = _parse_log(log)
        if not opened:
            figures.kills_during_open += 1
        self.check(entries, figures, readonly=(n % 2 == 1))
        log.unlink(missing_ok=True)

    def check(self, entries, figures: KillFigures, readonly: bool) -> None:
        expected = dict(self.model)
        pending = None
        done_here = 0
        for tag, obj in entries:
            if tag == "TRY":
                pending = obj
            elif tag == "FAIL":
                pending = None
                figures.refused += 1
            else:
                pending = None
                done_here += 1
                for k, v in obj["set"]:
                    if v is None:
                        expected.pop(_key(k), None)
                    else:
                        expected[_key(k)] = v
                for k in obj["del"]:
                    expected.pop(_key(k), None)
        figures.edits_done += done_here
        if done_here:
            figures.rounds_with_edits += 1
        # The user's next open: must succeed (quick_check inside), integrity_check must be ok.
        with Project.open(self.project, readonly=readonly) as p:
            integrity = p.conn.execute("PRAGMA integrity_check").fetchall()
            actual = _state_of(p.conn)
            fk = p.conn.execute("PRAGMA foreign_key_check").fetchall()
        if readonly:
            figures.opens_readonly += 1
        else:
            figures.opens_writable += 1
        if integrity != [("ok",)]:
            figures.problems.append(f"integrity_check: {integrity[:3]}")
        if fk:
            figures.problems.append(f"foreign_key_check: {fk[:3]}")
        diff = {k for k in expected.keys() | actual.keys() if expected.get(k) != actual.get(k)}
        allowed: set = set()
        if pending is not None:
            allowed = {_key(k) for k in pending["keys"]}
            if pending["new"]:
                allowed |= {k for k in actual if k[0] == pending["new"] and k not in expected}
        unexplained = diff - allowed
        if pending is not None:
            if diff and not unexplained:
                figures.in_flight_committed += 1
            else:
                figures.in_flight_absent += 1
        if pending is not None and pending["new"] and len([k for k in diff if k[0] == pending["new"]
                                                         and k not in expected]) > 1:
            unexplained |= diff
        figures.edits_lost += len(unexplained)
        figures.edits_verified += done_here if not unexplained else 0
        for k in sorted(unexplained, key=str)[:5]:
            figures.problems.append(f"lost or wrong {k}: expected {expected.get(k)!r}, found {actual.get(k)!r}")
        self.model = actual


def run_kills(workdir: Path, kills: int, seed: int = 7) -> KillFigures:
    figures = KillFigures()
    t0 = time.perf_counter()
    killer = Killer(workdir, seed)
    try:
        for n in range(kills):
            killer.one_round(n, figures)
    finally:
        killer.close()
    figures.seconds = time.perf_counter() - t0
    return figures
