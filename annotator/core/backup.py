"""Rolling backups of a project file, made with SQLite's backup API (never a file copy).

Where: a folder beside the project, `<project file>.backups/` (work.annot -> work.annot.backups/),
so backups move with the project, are easy to find, and need no per-user state. When the
environment variable ANNOTATOR_BACKUP_DIR is set, they go to
`$ANNOTATOR_BACKUP_DIR/<stem>-<hash of the absolute path>/` instead (tests, or a second disk).

Names: `<stem>-<UTC time>Z[.<kind>].annot`, kind "before-restore" (the file a restore replaced,
still sound) or "damaged" (a file that failed its check, moved aside with its -wal). The
newest KEEP plain backups are kept. A backup is written as `.partial`, checked, synced and
renamed, so a crash mid-backup never leaves a half backup that looks whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import weakref
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.lock import ProjectLock
from annotator.core.store import backups as store_backups
from annotator.core.store.backups import FileFailed

KEEP = 5
PERIOD_MINUTES = 10
ENV_DIR = "ANNOTATOR_BACKUP_DIR"
_STATE = "state.json"
_NAME = re.compile(r"^(?P<stem>.*)-(?P<ts>\d{8}-\d{6}-\d{3})Z(?:\.(?P<kind>before-restore|damaged))?\.annot$")


class BackupFailed(AnnotatorError):
    """A backup could not be written or checked."""


class BackupsKept(AnnotatorError):
    """The backup was made, but older backups holding more work than the project file were
    not pruned: the user confirms with `annotator restore PROJECT --prune`. `dest` is the
    new backup."""

    def __init__(self, message: str, dest: Path):
        super().__init__(message)
        self.dest = dest


@dataclass
class BackupInfo:
    path: Path
    time: datetime  # UTC, from the name
    size: int
    kind: str  # "auto", "before-restore" or "damaged"

    def describe(self) -> str:
        return f"{self.time:%Y-%m-%d %H:%M:%S} UTC"


@dataclass
class RestoreReport:
    project: Path
    restored_from: BackupInfo
    kept: Path | None  # where the replaced file went (None: there was no file)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # newer backups that failed their check

    def summary(self) -> str:
        s = f"restored {self.project} from {self.restored_from.path} ({self.restored_from.describe()})"
        if self.kept:
            s += f"; the replaced file was kept as {self.kept}"
        for path, why in self.skipped:
            s += f"; skipped {path.name}: {why}"
        return s


# ----- where --------------------------------------------------------------------------------------
def backup_dir(project_path: str | os.PathLike) -> Path:
    project_path = Path(project_path).absolute()
    root = os.environ.get(ENV_DIR)
    if root:
        digest = hashlib.sha256(str(project_path).encode("utf-8", "surrogateescape")).hexdigest()[:12]
        return Path(root) / f"{project_path.stem}-{digest}"
    return project_path.with_name(project_path.name + ".backups")


def list_backups(project_path: str | os.PathLike, kinds: tuple[str, ...] = ("auto", "before-restore", "damaged")
                 ) -> list[BackupInfo]:
    """Backups of a project, newest first."""
    folder = backup_dir(project_path)
    out = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for p in entries:
        m = _NAME.match(p.name)
        if not m or not p.is_file():
            continue
        kind = m["kind"] or "auto"
        if kind not in kinds:
            continue
        stamp = datetime.strptime(m["ts"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=timezone.utc)
        try:
            size = p.stat().st_size
        except OSError:
            continue
        out.append(BackupInfo(p, stamp, size, kind))
    out.sort(key=lambda b: (b.time, b.path.name), reverse=True)
    return out


def restorable(project_path) -> list[BackupInfo]:
    return list_backups(project_path, ("auto", "before-restore"))


def restore_hint(project_path: str | os.PathLike) -> str:
    """The end of a 'damaged' message: how to get the work back."""
    found = restorable(project_path)
    if not found:
        return f"; no backup of it was found in {backup_dir(project_path)}"
    return f"; run 'annotator restore {project_path}' to restore the latest backup (from {found[0].describe()})"


# ----- checking ------------------------------------------------------------------------------------
def check_file(path: str | os.PathLike, content: bool = True) -> str | None:
    """None if the file is a sound project, else the problem (one line).

    quick_check covers the file's structure; `content` adds what SQLite cannot see: each
    document's text against its stored hash, span offsets inside their text, JSON columns.
    """
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return f"cannot read: {exc.strerror}"
    if not head.startswith(b"SQLite format 3\x00"):
        return "not an SQLite file"
    return store_backups.file_problem(path, content)


# ----- making ------------------------------------------------------------------------------------------
def _stamp() -> str:
    t = datetime.now(timezone.utc)
    return t.strftime("%Y%m%d-%H%M%S-") + f"{t.microsecond // 1000:03d}"


def _new_name(folder: Path, stem: str, kind: str = "auto") -> Path:
    suffix = "" if kind == "auto" else f".{kind}"
    while True:
        p = folder / f"{stem}-{_stamp()}Z{suffix}.annot"
        if not p.exists():
            return p
        time.sleep(0.002)


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # folders cannot be synced on some systems
    finally:
        os.close(fd)


def _copy_db(source: Path, dest: Path) -> None:
    """SQLite's backup API from `source` (read-only, a consistent snapshot) into a new file."""
    problem = store_backups.copy_file(source, dest)
    if problem:
        raise BackupFailed(f"{dest}: the copy failed its check ({problem})")
    _fsync(dest)


def make_backup(project_path: str | os.PathLike, kind: str = "auto", keep: int = KEEP) -> Path:
    """Back up a project file now (it may be open: the copy is a consistent snapshot).

    Safe to call from a worker thread: it uses its own connections. Raises BackupsKept
    (after making the backup) when pruning would delete a backup that holds more work
    than the project file.
    """
    project_path = Path(project_path)
    folder = backup_dir(project_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.partial*"):
            stale.unlink(missing_ok=True)  # left by a crash mid-backup
        dest = _new_name(folder, project_path.stem, kind)
        tmp = dest.with_name(dest.name + ".partial")
        try:
            _copy_db(project_path, tmp)
            os.replace(tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _fsync(folder)
        held: list[tuple[BackupInfo, tuple]] = []
        prune(project_path, keep, held=held)
    except FileFailed as exc:
        raise BackupFailed(f"{folder}: backup failed: {exc}") from None
    except OSError as exc:
        raise BackupFailed(f"{folder}: backup failed: {exc.strerror or exc}") from None
    if held:
        newest, work = held[0]
        live = work_done(dest)
        raise BackupsKept(
            f"{project_path}: kept {len(held)} older backup(s) that hold more work than the project file "
            f"(the one from {newest.describe()}: {_describe_work(work)}; the project: {_describe_work(live)}); "
            f"if that work was removed on purpose, run 'annotator restore {project_path} --prune', "
            f"else 'annotator restore {project_path} --list' to get it back", dest)
    return dest


def work_done(path: str | os.PathLike) -> tuple[int, int, int] | None:
    """(documents, spans ever made, relations ever made) of a project file, None if unreadable
    (see store.backups.work_done)."""
    return store_backups.work_done(path)


def _describe_work(work) -> str:
    if work is None:
        return "unreadable"
    return f"{work[0]} documents, {work[1]} spans and {work[2]} links made"


def _ahead(work, live) -> bool:
    if work is None:
        return False
    return live is None or any(a > b for a, b in zip(work, live))


def prune(project_path: str | os.PathLike, keep: int = KEEP, force: bool = False,
          held: list | None = None) -> list[Path]:
    """Delete all but the newest `keep` backups of each kind. Returns what was deleted.

    A backup that holds more work than the project file (work_done) is not deleted unless
    `force` (the user confirmed): a project emptied or replaced by an older copy would
    otherwise rotate the only copies of the lost work out. Those are added to `held`.
    """
    gone = []
    live = None if force else work_done(project_path)
    for kind in ("auto", "before-restore", "damaged"):
        for b in list_backups(project_path, (kind,))[max(keep, 1):]:
            if not force and kind != "damaged":
                work = work_done(b.path)
                if _ahead(work, live):
                    if held is not None:
                        held.append((b, work))
                    continue
            for p in (b.path, Path(str(b.path) + "-wal")):
                try:
                    p.unlink()
                    gone.append(p)
                except FileNotFoundError:
                    pass
    return gone


# ----- when ---------------------------------------------------------------------------------------------
def fingerprint(project) -> str:
    return _fingerprint(project.path, project)


def _fingerprint(path: Path, source) -> str:
    """Changes whenever the file's content may have changed since it was last backed up.

    SQLite rewrites the main file when a session's log is checkpointed (at the latest when
    the last connection closes) and a crashed session leaves its log behind, so size and
    modification time of both, plus row counts, move with every saved edit. A false
    'changed' only costs one extra backup.
    """
    parts = []
    for p in (path, Path(str(path) + "-wal")):
        try:
            st = p.stat()
            parts.append(f"{st.st_size}:{st.st_mtime_ns}" if p == path else str(st.st_size))
        except FileNotFoundError:
            parts.append("-")
    counts = store_backups.row_counts(source)
    parts.append(",".join(str(c) for c in counts))
    return "|".join(parts)


def _read_state(project_path: Path) -> dict:
    try:
        return json.loads((backup_dir(project_path) / _STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_state(project_path: Path, state: dict) -> None:
    path = backup_dir(project_path) / _STATE
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


_session: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # project -> (monotonic time, edits)


def backup_if_changed(project, keep: int = KEEP, rows_checked: bool = False) -> Path | None:
    """At open: back the file up if it changed since its last backup. Returns the new backup.
    `rows_checked`: the open has just verified every row (see store.backups.content_problem)."""
    start_session(project)
    if project.readonly:
        return None
    return backup_if_changed_at(project.path, project, keep, rows_checked)


def start_session(project) -> None:
    """Start the clock of maybe_periodic_backup for a freshly opened project."""
    _session[project] = (time.monotonic(), project.edits)


def backup_if_changed_at(path: Path, source, keep: int = KEEP, rows_checked: bool = False) -> Path | None:
    """backup_if_changed on any store source of the file (a Project, or a store FileReader in a
    worker thread)."""
    path = Path(path)
    fp = _fingerprint(path, source)
    state = _read_state(path)
    if state.get("fingerprint") == fp and restorable(path):
        return None
    # Damage inside rows passes quick_check; backing it up would rotate the good copies out.
    problem = store_backups.content_problem(source, rows_checked)
    if problem:
        raise BackupFailed(f"the project's content is damaged ({problem}), so no backup replaced the older ones"
                           f"{restore_hint(path)}")
    try:
        dest = make_backup(path, keep=keep)
    except BackupsKept:
        _write_state(path, {"project": str(path.absolute()), "fingerprint": fp})
        raise
    _write_state(path, {"project": str(path.absolute()), "fingerprint": fp})
    return dest


def deferred_open_checks(path: str | os.PathLike, keep: int = KEEP) -> tuple[str | None, list[str]]:
    """The checks Project.open(check=False, backup=False) skipped, on a connection of their own.

    Returns (damage message or None, warnings). Safe in a worker thread while the opening
    thread already reads the project: WAL lets both read at once.
    """
    path = Path(path)
    warnings: list[str] = []
    reader = store_backups.FileReader(path, resolve=True, worker=True)
    try:
        problem = store_backups.quick_check(reader) or store_backups.checksum_problem(reader)
        if problem:
            return f"{path}: the project file is damaged ({problem}){restore_hint(path)}", warnings
        try:
            backup_if_changed_at(path, reader, keep, rows_checked=True)
        except BackupsKept as exc:
            warnings.append(str(exc))
        except (BackupFailed, OSError, FileFailed) as exc:
            warnings.append(f"{path}: could not make a backup: {exc}")
    except FileFailed as exc:
        return f"{path}: the project file is damaged ({exc}){restore_hint(path)}", warnings
    finally:
        reader.close()
    return None, warnings


def maybe_periodic_backup(project, minutes: float = PERIOD_MINUTES, keep: int = KEEP) -> Path | None:
    """Call on a timer: backs up when there were edits and `minutes` passed since the last backup."""
    if project.readonly or project.closed:
        return None
    last_time, last_edits = _session.get(project, (time.monotonic(), 0))
    _session.setdefault(project, (last_time, last_edits))
    if project.edits == last_edits or time.monotonic() - last_time < minutes * 60:
        return None
    try:
        dest = make_backup(project.path, keep=keep)
    except BackupsKept:
        _session[project] = (time.monotonic(), project.edits)
        raise
    _session[project] = (time.monotonic(), project.edits)
    try:
        _write_state(project.path, {"project": str(project.path.absolute()), "fingerprint": fingerprint(project)})
    except OSError:
        pass
    return dest


# ----- restoring ----------------------------------------------------------------------------------------
def _keep_current(project_path: Path, real: Path) -> Path:
    """Save the file a restore is about to replace: a backup if sound, else moved aside as is.

    `real` is the file itself, `project_path` the name it was opened by (a symlink's backups
    live beside the symlink)."""
    if check_file(real, content=True) is None:
        try:
            return make_backup(project_path, kind="before-restore")
        except BackupsKept as exc:
            return exc.dest
    folder = backup_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    dest = _new_name(folder, project_path.stem, "damaged")
    os.replace(real, dest)
    wal = Path(str(real) + "-wal")
    if wal.exists():
        os.replace(wal, Path(str(dest) + "-wal"))  # the log belongs to that file, never to the restored one
    return dest


def restore_backup(project_path: str | os.PathLike, backup_path: str | os.PathLike | None = None) -> RestoreReport:
    """Replace a project with a backup: the given one, or the newest that passes its check.

    Refuses (ProjectInUse) while any window or process has the project open for writing.
    The replaced file is kept (see _keep_current); nothing is ever deleted.
    """
    project_path = Path(project_path)
    if project_path.is_dir():
        raise ProjectError(f"{project_path}: is a folder, not a project file")
    if backup_path is not None:
        bp = Path(backup_path)
        if not bp.is_file():
            raise ProjectError(f"{bp}: no such backup file")
        m = _NAME.match(bp.name)
        stamp = (datetime.strptime(m["ts"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=timezone.utc) if m
                 else datetime.fromtimestamp(bp.stat().st_mtime, timezone.utc))
        candidates = [BackupInfo(bp, stamp, bp.stat().st_size, (m and m["kind"]) or "auto")]
    else:
        candidates = restorable(project_path)
        if not candidates:
            raise ProjectError(f"{project_path}: no backups found in {backup_dir(project_path)}")
    lock = ProjectLock(project_path)
    lock.acquire()  # raises ProjectInUse
    try:
        chosen, skipped = None, []
        for b in candidates:
            problem = check_file(b.path)
            if problem is None:
                chosen = b
                break
            skipped.append((b.path, problem))
        if chosen is None:
            raise ProjectError(f"{project_path}: no backup passed its check ({skipped[0][0].name}: {skipped[0][1]})")
        # A symlink stays a symlink: the file it points at is what gets replaced.
        real = project_path.resolve()
        tmp = real.with_name(real.name + ".restoring")
        tmp.unlink(missing_ok=True)
        try:
            _copy_db(chosen.path, tmp)
            kept = _keep_current(project_path, real) if real.exists() else None
            for suffix in ("-wal", "-shm"):
                Path(str(real) + suffix).unlink(missing_ok=True)
            os.replace(tmp, real)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _fsync(real.parent)
    except FileFailed as exc:
        raise ProjectError(f"{project_path}: restore failed: {exc}") from None
    except OSError as exc:
        raise ProjectError(f"{project_path}: restore failed: {exc.strerror or exc}") from None
    finally:
        lock.release()
    return RestoreReport(project_path, chosen, kept, skipped)
