"""One writer per project: an OS file lock that dies with the process holding it.

SQLite's own locks protect single transactions; this lock keeps a second window or
process from editing the same project at all, so it can be told and offered read-only.
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.errors import ProjectInUse

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, 0)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class ProjectLock:
    """An exclusive lock on `<project>.lock`, a small file beside the project.

    A separate file because SQLite's POSIX locks on the database itself must not be
    disturbed, and Windows locks are mandatory (they would block SQLite's reads).
    """

    def __init__(self, project_path: Path):
        self.project_path = Path(project_path)
        self.path = Path(str(project_path) + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return  # cannot create a lock file (odd filesystem): fall back to SQLite's locking
        if not _try_lock(fd):
            os.close(fd)
            raise ProjectInUse(
                f"{self.project_path}: the project is open in another window or process; close it there, or open it read-only"
            )
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        _unlock(self._fd)
        os.close(self._fd)
        # The file stays: unlinking it would let a waiter lock a dead inode while a
        # newcomer locks a fresh file, and both would think they are alone.
        self._fd = None
