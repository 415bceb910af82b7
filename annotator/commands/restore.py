"""`annotator restore PROJECT`: put back the latest good backup (or a chosen one)."""

from __future__ import annotations

from annotator.core.backup import KEEP, backup_dir, check_file, list_backups, prune, restore_backup


def register(sub) -> None:
    p = sub.add_parser(
        "restore", help="restore a project from one of its automatic backups",
        description="Replace a project with its newest backup that passes its check (or the one given). "
        "The current file is kept beside the backups, never deleted. Close the project in every window first.")
    p.add_argument("project")
    p.add_argument("--list", action="store_true", help="list the backups with their times and sizes, and check them")
    p.add_argument("--backup", metavar="FILE", help="restore this backup file instead of the newest good one")
    p.add_argument("--prune", action="store_true",
                   help=f"delete all but the newest {KEEP} backups of each kind, even those that hold more work than "
                   "the project file (kept until you confirm this way)")
    p.set_defaults(run=run)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def run(args) -> int:
    if args.prune:
        gone = [p for p in prune(args.project, force=True) if not p.name.endswith("-wal")]
        print(f"deleted {len(gone)} old backup(s) of {args.project}; the newest {KEEP} of each kind are kept")
        return 0
    if args.list:
        found = list_backups(args.project)
        if not found:
            print(f"no backups of {args.project} in {backup_dir(args.project)}")
            return 0
        print(f"backups of {args.project} in {backup_dir(args.project)}, newest first:")
        for b in found:
            problem = "damaged (kept for inspection)" if b.kind == "damaged" else (check_file(b.path) or "ok")
            kind = "" if b.kind == "auto" else f" [{b.kind}]"
            print(f"  {b.describe()}  {_size(b.size):>9}  {b.path.name}{kind}  {problem}")
        return 0
    report = restore_backup(args.project, args.backup)
    print(report.summary())
    return 0
