"""One writer per project: OS locks that die with the process holding them.

SQLite's own locks protect single transactions; this lock keeps a second window or
process from editing the same project at all, so it can be told and offered read-only.

The lock belongs to the file, not to the name it was opened by. SQLite names its log
(`-wal`) after the path, so two writers reaching one file through a hard link or a
symlink would each write their own log and one of them would lose its work. Two locks:

- `<resolved path>.lock`, beside the real file (a symlink leads to the same lock file);
- the file's identity (device, inode), which every hard link shares: on Linux an
  open-file-description lock on one byte of the database file itself, far above the
  bytes SQLite locks (1 GiB + 512); elsewhere a lock file named by device and inode in
  the temporary folder.
"""

from __future__ import annotations

import errno
import os
import struct
import tempfile
import threading
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
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
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

    def release(self) -> None:
        if self._fd is None:
            return
        _unlock(self._fd)
        os.close(self._fd)
        # The file stays: unlinking it would let a waiter lock a dead inode while a
        # newcomer locks a fresh file, and both would think they are alone.
        self._fd = None


# ----- the lock on the file's identity ------------------------------------------------------------
_OFD = getattr(globals().get("fcntl"), "F_OFD_SETLK", None)
_BYTE = 1 << 62  # far above SQLite's lock bytes, never read or written
_guard = threading.Lock()
_spare: dict[tuple[int, int], list[int]] = {}  # unlocked descriptors kept open (see _OfdLock.release)


def _ofd(fd: int, kind: int) -> None:
    # struct flock: l_type, l_whence, l_start, l_len, l_pid (0 for open-file-description locks)
    fcntl.fcntl(fd, _OFD, struct.pack("hhqqi4x", kind, os.SEEK_SET, _BYTE, 1, 0))


class _OfdLock:
    """An exclusive lock on one byte of the database file, owned by this open file description.

    The descriptor is never closed while its file exists: closing any descriptor of a file
    drops every POSIX lock the process holds on it, SQLite's included. It is unlocked and
    kept for the next open of the same file instead.
    """

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None
        self._key: tuple[int, int] | None = None

    def acquire(self) -> bool:
        try:
            st = os.stat(self.path)
        except OSError:
            return True  # no file yet (a restore into a missing file): nothing shares it
        key = (st.st_dev, st.st_ino)
        with _guard:
            fd = _spare.get(key, []).pop() if _spare.get(key) else None
        if fd is None:
            try:
                fd = os.open(self.path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
            except OSError:
                return True  # not writable by us: SQLite will refuse the writes anyway
        try:
            _ofd(fd, fcntl.F_WRLCK)
        except OSError as exc:
            self._keep(key, fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            return True  # the filesystem has no such locks: the lock file remains
        self._fd, self._key = fd, key
        return True

    def _keep(self, key, fd: int) -> None:
        try:
            gone = os.fstat(fd).st_nlink == 0
        except OSError:
            gone = True
        if gone:  # deleted or replaced (a restore): nobody can open it by a name any more
            os.close(fd)
            return
        with _guard:
            _spare.setdefault(key, []).append(fd)

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            _ofd(self._fd, fcntl.F_UNLCK)
        except OSError:
            pass
        self._keep(self._key, self._fd)
        self._fd = self._key = None


class _InodeFileLock(_FileLock):
    """Where open-file-description locks are missing: a lock file named by the file's identity."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.target = path

    def acquire(self) -> bool:
        try:
            st = os.stat(self.target)
        except OSError:
            return True
        folder = Path(tempfile.gettempdir()) / "annotator-locks"
        try:
            folder.mkdir(mode=0o1777, exist_ok=True)
        except OSError:
            return True
        self.path = folder / f"{st.st_dev}-{st.st_ino}.lock"
        return super().acquire()


class ProjectLock:
    """The writer's lock on a project file: both locks, or ProjectInUse."""

    def __init__(self, project_path: Path):
        self.project_path = Path(project_path)
        try:
            real = self.project_path.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            real = self.project_path.absolute()
        self.path = Path(str(real) + ".lock")
        self._locks = [_FileLock(self.path), _OfdLock(real) if _OFD is not None else _InodeFileLock(real)]
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
