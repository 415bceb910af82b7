"""Guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

Every call of a Qt method returning void (QPainter.fillRect, QColor.setAlpha, ...) drops
one reference to None without having taken it. Python 3.12+ makes None immortal, so
nothing happens there; on 3.11 None's count (a few thousand at start) reaches zero after
a few thousand such calls and the interpreter aborts with "none_dealloc: deallocating
None" -- within seconds of painting or scrolling a text view. Measured here:
500 x QRectF.setX(1) lowers sys.getrefcount(None) by exactly 500.

protect_none() gives None a reference count no program can exhaust, which is what 3.12's
immortal objects do. Call it once, before any Qt work (importing annotator.gui.text_view
or annotator.gui.fonts does). It is harmless where the bug is absent.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40  # references added to None: more void calls than a process can make


def protect_none() -> bool:
    """Make None effectively immortal on CPython < 3.12. Returns True if it changed anything."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the object's first field
    if refcnt.value >= _RESERVE // 2:  # already done (and nowhere near used up)
        return False
    refcnt.value += _RESERVE
    return True


def leaks_none_references() -> bool:
    """True if this PySide6 build drops a None reference per void call (for tests and diagnostics)."""
    from PySide6.QtCore import QRectF

    r = QRectF()
    before = sys.getrefcount(None)
    for _ in range(100):
        r.setX(1.0)
    return sys.getrefcount(None) < before - 50


protect_none()
