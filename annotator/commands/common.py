"""Helpers shared by the subcommands: opening projects, progress on a terminal."""

from __future__ import annotations

import sys
import time

from annotator.core.project import Project
from annotator.core.terminal import field, write_raw


def open_project(path: str, readonly: bool = False) -> Project:
    project = Project.open(path, readonly=readonly)
    for warning in project.warnings:  # network/cloud folder, failed backup
        print(f"annotator: warning: {warning}", file=sys.stderr)
    return project


class TerminalProgress:
    """A one-line progress bar on stderr, shown only when stderr is a terminal."""

    def __init__(self, label: str, stream=None):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or not total:
            return
        t = time.monotonic()
        if t - self._last < 0.1 and done < total:
            return
        self._last = t
        frac = min(1.0, done / total)
        bar = "#" * int(frac * 30)
        write_raw(self.stream, f"\r{field(self.label)} [{bar:<30}] {frac * 100:5.1f}%")
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            write_raw(self.stream, "\r" + " " * (len(self.label) + 42) + "\r")
            self.stream.flush()
