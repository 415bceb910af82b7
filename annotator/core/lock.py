"""One writer per project: OS locks that die with the process holding them.

SQLite's own locks protect single transactions; this lock keeps a second window or
process from editing the same project at all, so it can be told and offered read-only.

The lock belongs to the file, not to the name it was opened by. SQLite names its log
(`-wal`) after the path, so two writers reaching one file through a hard link or a
symlink would each write their own log and one of them would lose its work. Two locks:

- `<resolved path>.lock`, beside the real file (a symlink leads to the same lock file);
- `/tmp/annotator-locks/<device>-<inode>.lock`, named by the file's identity, which every
  hard link shares.
"""

from __future__ import annotations

import os
import tempfile
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


def _in_use(path: Path) -> ProjectInUse:
    return ProjectInUse(f"{path}: the project is open in another window or process; close it there, or open it read-only")


# ----- the lock file beside the real file ----------------------------------------------------------
class _FileLock:
    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True when locked (or no lock file can be made here), False when someone holds it."""
        try:
            fd = self._open()
        except OSError:
            return True  # cannot create a lock file (odd filesystem): the other lock and SQLite remain
        if not _try_lock(fd):
            os.close(fd)
            return False
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass
        self._fd = fd
        return True

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)

    def release(self) -> None:
        if self._fd is None:
            return
        _unlock(self._fd)
        os.close(self._fd)
        # The file stays: unlinking it would let a waiter lock a dead inode while a
        # newcomer locks a fresh file, and both would think they are alone.
        self._fd = None


# ----- the lock on the file's identity ------------------------------------------------------------
def lock_folder() -> Path:
    """Where the identity locks live: one folder for every user and process of the machine,
    whatever TMPDIR says (two processes must meet at the same lock file)."""
    if os.name != "nt" and os.path.isdir("/tmp"):
        return Path("/tmp") / "annotator-locks"
    return Path(tempfile.gettempdir()) / "annotator-locks"


class _IdentityLock(_FileLock):
    """A lock file named by the project file's device and inode, which all its hard links share.

    Not a lock on the database file itself: holding a descriptor of it open would keep its
    disk busy after the project is closed (it could not be unmounted), and closing one
    drops every POSIX lock the process holds on the file, SQLite's included.
    """

    def __init__(self, target: Path):
        super().__init__(target)
        self.target = target

    def acquire(self) -> bool:
        try:
            st = os.stat(self.target)
        except OSError:
            return True  # no file yet (a restore into a missing file): nothing shares it
        folder = lock_folder()
        try:
            folder.mkdir(exist_ok=True)
            if folder.stat().st_uid == getattr(os, "getuid", lambda: -1)():
                os.chmod(folder, 0o1777)  # every user may add a lock file, none may remove another's
        except OSError:
            pass
        self.path = folder / f"{st.st_dev}-{st.st_ino}.lock"
        return super().acquire()

    def _open(self) -> int:
        # Read-only is enough for flock, so another user's lock file can be locked too. In a
        # folder every user writes to, a symlink planted under the lock's name is not followed.
        mode = os.O_RDWR if os.name == "nt" else os.O_RDONLY
        return os.open(self.path, mode | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)


class ProjectLock:
    """The writer's lock on a project file: both locks, or ProjectInUse."""

    def __init__(self, project_path: Path):
        self.project_path = Path(project_path)
        try:
            real = self.project_path.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            real = self.project_path.absolute()
        self.path = Path(str(real) + ".lock")
        self._locks = [_FileLock(self.path), _IdentityLock(real)]
        self._held: list = []

    def acquire(self) -> None:
        for lock in self._locks:
            if not lock.acquire():
                self.release()
                raise _in_use(self.project_path)
            self._held.append(lock)

    def release(self) -> None:
        while self._held:
            self._held.pop().release()
