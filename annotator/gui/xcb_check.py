"""Before Qt starts on X11: are the system libraries its xcb plugin needs installed?

Qt's own failure is an abort ("could not load the Qt platform plugin xcb") that names
no package. pip cannot bring these libraries, so we name the Debian/Ubuntu packages.
"""

from __future__ import annotations

import ctypes
import os
import sys

# (shared object, Debian/Ubuntu package) — Qt 6's xcb plugin requirements.
XCB_LIBS: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)


def platform_will_be_xcb(environ=None, platform: str | None = None) -> bool:
    """Guess the platform plugin Qt will choose, the way Qt 6 does on Linux."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        # "wayland;xcb" tries wayland first; only a leading xcb is certain.
        return chosen.split(";")[0].split(":")[0] == "xcb"
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return True


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        return False


def missing_libraries(libs=XCB_LIBS, loadable=_loadable) -> list[tuple[str, str]]:
    return [(so, pkg) for so, pkg in libs if not loadable(so)]


def message(missing: list[tuple[str, str]]) -> str:
    pkgs = " ".join(pkg for _, pkg in missing)
    return (f"annotator: Qt needs system libraries that are not installed: {pkgs} — "
            f"install them with: sudo apt-get install {pkgs}")


def check(environ=None, loadable=_loadable) -> str | None:
    """None when Qt can start; otherwise the one line to print."""
    if not platform_will_be_xcb(environ):
        return None
    missing = missing_libraries(loadable=loadable)
    return message(missing) if missing else None
