"""`annotator desktop-install`: the Linux launcher entry and the project MIME type.

Installs into the user's XDG data folder (no root needed), so a double click on a
.annot file opens it in the window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.paths import resource_path


def register(sub) -> None:
    p = sub.add_parser("desktop-install", help="install the Linux launcher entry and the .annot file type",
                       description="Install annotator.desktop, the application/x-annotator-project MIME type and "
                       "the icon into the user's data folder (~/.local/share), so projects open with a double click.")
    p.add_argument("--prefix", help="data folder (default: $XDG_DATA_HOME or ~/.local/share)")
    p.add_argument("--uninstall", action="store_true", help="remove what was installed")
    p.set_defaults(run=run)


def _gui_command() -> str:
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).with_name("annotator-gui"))
    found = shutil.which("annotator-gui")
    return found or f"{sys.executable} -m annotator"


def targets(prefix: Path) -> dict[str, Path]:
    return {
        "desktop": prefix / "applications" / "annotator.desktop",
        "mime": prefix / "mime" / "packages" / "annotator.xml",
        "icon": prefix / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg",
    }


def run(args) -> int:
    if not sys.platform.startswith("linux"):
        raise AnnotatorError("desktop-install is for Linux desktops; on Windows and macOS the built application registers itself")
    prefix = Path(args.prefix or os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    paths = targets(prefix)
    if args.uninstall:
        for p in paths.values():
            p.unlink(missing_ok=True)
        print(f"removed the launcher entry and file type from {prefix}")
    else:
        try:
            for p in paths.values():
                p.parent.mkdir(parents=True, exist_ok=True)
            entry = resource_path("desktop", "annotator.desktop").read_text(encoding="utf-8")
            paths["desktop"].write_text(entry.replace("Exec=annotator-gui %f", f"Exec={_gui_command()} %f"),
                                        encoding="utf-8")
            shutil.copyfile(resource_path("desktop", "annotator-mime.xml"), paths["mime"])
            icon = resource_path("icons", "annotator.svg")
            if icon.exists():
                shutil.copyfile(icon, paths["icon"])
        except OSError as exc:
            raise AnnotatorError(f"{exc.filename}: cannot write: {exc.strerror}") from None
        print(f"installed {paths['desktop']} and the .annot file type in {prefix}")
    for tool, arg in (("update-mime-database", prefix / "mime"), ("update-desktop-database", prefix / "applications")):
        if shutil.which(tool):
            subprocess.run([tool, str(arg)], capture_output=True)
    return 0
