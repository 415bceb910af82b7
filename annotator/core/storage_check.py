"""Is a project on a network share or in a cloud-synced folder? SQLite's locks and its
log file are not safe there (a sync client can upload the file mid-write, or replace it
with a stale copy), so the user is warned once when the project opens for writing."""

from __future__ import annotations

import os
from pathlib import Path

NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "virtiofs", "davfs", "fuse.davfs2",
    "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.glusterfs", "glusterfs", "ceph",
    "fuse.ceph", "lustre", "gpfs", "fuse.onedriver", "fuse.google-drive-ocamlfuse", "fuse.dropbox",
    "fuse.goofys", "fuse.juicefs", "webdav", "vboxsf", "fuse.vmhgfs-fuse",
}
SYNCED_FOLDERS = ("Dropbox", "OneDrive", "Google Drive", "GoogleDrive", "My Drive", "iCloud Drive", "iCloudDrive",
                  "Mobile Documents", "Nextcloud", "ownCloud", "Box", "Box Sync", "Sync", "pCloud Drive",
                  "MEGA", "MEGAsync", "Yandex.Disk", "SynologyDrive", "Seafile", "CloudStorage")


def _unescape(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def mount_fstype(path: Path, mounts_text: str | None = None) -> str | None:
    """The filesystem type of the mount holding `path` (Linux /proc/mounts), or None."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best, best_type = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def storage_warning(path: str | os.PathLike, mounts_text: str | None = None) -> str | None:
    """A one-line warning if the project sits on a network or cloud-synced folder, else None."""
    path = Path(path)
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path.absolute()
    if str(resolved).startswith("\\\\"):
        return f"{path}: the project is on a network share; keep projects on a local disk to avoid damage"
    fstype = mount_fstype(resolved, mounts_text)
    if fstype and (fstype.lower() in NETWORK_FS or fstype.lower().startswith(("nfs", "smb", "cifs"))):
        return (f"{path}: the project is on a network filesystem ({fstype}); SQLite's locking is unreliable there. "
                "Keep projects on a local disk")
    names = {p.lower() for p in resolved.parts[:-1]}
    for folder in SYNCED_FOLDERS:
        folder_l = folder.lower()
        if folder_l in names or any(n.startswith(folder_l + " ") or n.startswith(folder_l + "-") for n in names):
            return (f"{path}: the project is in a cloud-synced folder ({folder}); a sync while it is open can damage "
                    "it or bring back an old copy. Keep it on a local disk and sync exports or backups instead")
    return None
