"""Where an export may write, and writing it whole or not at all.

Refused targets: the project file itself (same file: device and inode, so hard and symbolic
links count), its -wal, -shm, -journal and lock files, anything in its backup folder, any
existing SQLite or .annot file, and for a folder export a folder that holds the project or
files that are not an earlier export.

Whole or absent:
- A file is written under a temporary name beside it (`.NAME~PID.RANDOM.part`) and renamed
  over the target once complete.
- A folder (brat) is built in a work folder beside it (`.NAME~PID.RANDOM.work/new`); once
  complete a `commit` mark is written, the old folder is moved into the work folder, the
  new one takes its place, and the work folder is deleted.
- A split export's files are all written in its work folder first, then the list of
  renames is written as `commit` and the files are renamed into place.
A process killed at any point leaves its work beside the target; the next export to the
same target finds it (the process is gone) and deletes it, or, when `commit` is there,
finishes its renames first: the target is then the old export or the new one, whole.

The temporary names keep at most NAME_MAX bytes however long the target's name is: the
name is cut (by bytes, at a character) to make room for the suffix.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from annotator.core.errors import AnnotatorError

NAME_MAX = 255  # bytes in one file name (ext4, NTFS counts UTF-16 units: never more bytes than this)
_SUFFIX = re.compile(r"~([0-9a-f]{8})\.[0-9a-f]{6}\.(part|work)")
_SUFFIX_LEN = 1 + 8 + 1 + 6 + 1 + 4
SQLITE_MAGIC = b"SQLite format 3\x00"


class ExportFailed(AnnotatorError):
    """An export could not be written; the target is as it was before."""


def cut_bytes(name: str, limit: int) -> str:
    """`name` cut to at most `limit` bytes of UTF-8, at a character boundary."""
    raw = name.encode("utf-8", "surrogatepass")
    if len(raw) <= limit:
        return name
    return raw[:limit].decode("utf-8", "ignore")


def temp_name(name: str, kind: str) -> str:
    prefix = "." + cut_bytes(name, NAME_MAX - 1 - _SUFFIX_LEN)
    return f"{prefix}~{os.getpid() & 0xFFFFFFFF:08x}.{secrets.token_hex(3)}.{kind}"


def write_error(output, exc: OSError) -> ExportFailed:
    """One line for a failed write: disk full, file too large, no permission ..."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        why = "the disk is full"
    elif exc.errno == errno.EFBIG:
        why = "the file is too large for this disk or limit"
    else:
        why = exc.strerror or str(exc)
    return ExportFailed(f"{output}: cannot write: {why}; the previous export there (if any) is unchanged")


# ----- what may not be written ----------------------------------------------------------------
def _stat(path: Path):
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _protected(project_path, backups) -> list[Path]:
    p = Path(os.path.realpath(project_path))
    return [p, Path(f"{p}-wal"), Path(f"{p}-shm"), Path(f"{p}-journal"), Path(f"{p}.lock")] + (
        [Path(os.path.realpath(backups))] if backups is not None else [])


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(project_path, output: str, folder: bool = False, backups=None) -> None:
    """Refuse an output that would overwrite or move the project or its companions
    (`backups`: the project's backup folder, which the caller knows)."""
    if output == "-" or project_path is None:
        return
    real = Path(os.path.realpath(output))
    protected = _protected(project_path, backups)
    why = None
    for p in protected:
        if _inside(real, p):
            why = "it is the project file or one of its own files (journal, lock, backups)"
            break
        if folder and _inside(p, real):  # the swap would move them away with the old folder
            why = "the folder holds the project or its backups"
            break
    st = _stat(output)
    if why is None and st is not None:
        for p in protected:
            ps = _stat(p)
            if ps is not None and (ps.st_dev, ps.st_ino) == (st.st_dev, st.st_ino):
                why = "it is the project file (under another name or a link)"
                break
    if why is None and st is not None and not os.path.isdir(output):
        if folder:
            why = "it is a file, and this format writes a folder"
        elif real.suffix.lower() == ".annot" or _is_sqlite(output):
            why = "it is a project or database file"
    if why is None and folder and os.path.isdir(output) and not replaceable_folder(Path(output)):
        why = "the folder holds files that are not an export; give an empty or new folder"
    if why is not None:
        raise ExportFailed(f"{output}: will not export there: {why}")


def _is_sqlite(path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


EXPORT_MARK = "# Written by annotator"


def replaceable_folder(folder: Path) -> bool:
    """Empty, an earlier export (its annotation.conf is ours), or a split export's folder
    (only such folders in it). Replacing anything else would delete the user's files."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    if not entries:
        return True
    conf = folder / "annotation.conf"
    try:
        with open(conf, encoding="utf-8", errors="replace") as fh:
            if fh.readline().startswith(EXPORT_MARK):
                return True
    except OSError:
        pass
    return all(e.is_dir(follow_symlinks=False) and replaceable_folder(Path(e.path)) for e in entries)


# ----- leftovers of killed exports -----------------------------------------------------------------
def _alive(pid: int) -> bool:
    if pid == os.getpid() & 0xFFFFFFFF:
        return True
    if os.name == "nt":  # os.kill would end the process there: keep its work
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_leftovers(target: Path) -> None:
    """Delete what killed exports to `target` left beside it; finish a committed one."""
    parent = target.parent
    prefix = "." + cut_bytes(target.name, NAME_MAX - 1 - _SUFFIX_LEN)
    try:
        names = [n for n in os.listdir(parent) if n.startswith(prefix)]
    except OSError:
        return
    for n in names:
        m = _SUFFIX.fullmatch(n[len(prefix):])
        if not m or _alive(int(m.group(1), 16)):
            continue
        path = parent / n
        if m.group(2) == "part":
            try:
                os.unlink(path)
            except OSError:
                pass
            continue
        try:
            if (path / "commit").exists():
                _finish(path, target)
        except OSError:
            continue  # cannot finish it now: keep it for the next run rather than lose either version
        shutil.rmtree(path, ignore_errors=True)


# ----- one file --------------------------------------------------------------------------------------
@contextmanager
def atomic_file(output: str) -> Iterator:
    target = Path(output)
    if target.is_dir():
        raise ExportFailed(f"{output}: cannot write: it is a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(target)
        tmp = target.with_name(temp_name(target.name, "part"))
        # O_EXCL with a fresh name; mode 0o666 so that the umask applies as for open().
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise write_error(output, exc) from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                yield fh
            os.replace(tmp, target)
        except OSError as exc:
            raise write_error(output, exc) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_small(path, data: bytes) -> None:
    """A side file (labels, configuration): whole or as it was."""
    with atomic_file(str(path)) as fh:
        fh.write(data)


# ----- a folder, or a set of files --------------------------------------------------------------------
def _finish(work: Path, target: Path) -> None:
    """Move a complete build from `work` to its target(s). Idempotent: safe to run again
    after a kill at any step."""
    plan = (work / "commit").read_text(encoding="utf-8").split("\n")
    if plan[0] == "folder":
        new, old = work / "new", work / "old"
        st = _stat(target)
        if st is not None and st.st_ino == int(plan[1]):
            return  # the new folder is in place already
        if not new.exists():
            return
        if st is not None and _exchange(new, target):
            return  # one step: the target was the old export, then the new, never absent
        if st is not None and not old.exists():
            os.rename(target, old)
        os.rename(new, target)
        return
    for line in plan[1:]:  # "files": temporary name TAB target path, one a line
        if not line:
            continue
        name, _, dest = line.partition("\t")
        if (work / name).exists():
            os.replace(work / name, dest)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where the
    system or the file system cannot, and the caller falls back to two renames."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


@contextmanager
def work_folder(target: Path) -> Iterator[Path]:
    """A fresh work folder beside `target`, deleted at the end unless committed and killed."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(target)
        work = target.with_name(temp_name(target.name, "work"))
        work.mkdir()
    except OSError as exc:
        raise write_error(str(target), exc) from None
    try:
        yield work
    except BaseException:
        _undo(work, target)
        raise
    shutil.rmtree(work, ignore_errors=True)


def _undo(work: Path, target: Path) -> None:
    old = work / "old"
    if old.exists() and not os.path.lexists(target):
        try:
            os.rename(old, target)
        except OSError:
            return  # keep the work folder: it holds the only copy of the old export
    shutil.rmtree(work, ignore_errors=True)


def _commit(work: Path, plan: str) -> None:
    path = work / "commit"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(plan)
        fh.flush()
        os.fsync(fh.fileno())


@contextmanager
def atomic_folder(output: str) -> Iterator[Path]:
    """Yields the folder to build the export in; it replaces `output` when the block ends."""
    target = Path(os.path.realpath(output))
    if target.exists() and not target.is_dir():
        raise ExportFailed(f"{output}: cannot write: it is a file, and this format writes a folder")
    with work_folder(target) as work:
        new = work / "new"
        new.mkdir()
        try:
            yield new
            _commit(work, f"folder\n{os.stat(new).st_ino}\n")
            _finish(work, target)
        except OSError as exc:
            raise write_error(output, exc) from None


def commit_files(work: Path, moves: list[tuple[str, str]]) -> None:
    """Rename files built in `work` (by name) onto their targets, all or, after a kill, the
    rest on the next run."""
    try:
        _commit(work, "files\n" + "".join(f"{name}\t{dest}\n" for name, dest in moves))
        _finish(work, Path(moves[0][1]) if moves else work)
    except OSError as exc:
        raise write_error(moves[0][1] if moves else str(work), exc) from None
