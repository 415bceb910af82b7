"""The bundled Arabic font: Noto Sans Arabic from the fontpkg-noto-sans-arabic wheel.

Registered with Qt once per process. Many systems have no good Arabic font (this one has
only DejaVu Sans), so the annotation view never depends on what is installed.
"""

from __future__ import annotations

from pathlib import Path

from annotator.gui import pyside_guard  # noqa: F401  (first: PySide6 6.12 None refcount bug)
from PySide6.QtGui import QFont, QFontDatabase

FALLBACK_FAMILIES = ["Noto Naskh Arabic", "Amiri", "DejaVu Sans"]
_family: str | None = None


def bundled_font_files() -> list[Path]:
    try:
        import fontpkg_noto_sans_arabic as pkg
    except ImportError:
        return []
    folder = Path(pkg.ROOT) / "files"
    return sorted(p for p in folder.glob("*.[ot]tf"))


def ensure_fonts() -> str:
    """Register the bundled Arabic font (once) and return its family name.

    Needs a QGuiApplication. Falls back to the first installed Arabic-capable family if
    the font package is missing or unreadable, and to the default family after that.
    """
    global _family
    if _family is not None:
        return _family
    for path in bundled_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                _family = families[0]
                return _family
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))
    for name in FALLBACK_FAMILIES:
        if name in installed:
            _family = name
            return _family
    _family = QFont().defaultFamily()
    return _family


def text_font(family: str, point_size: float) -> QFont:
    """A font for the text: the chosen family first, the bundled Arabic font behind it."""
    base = ensure_fonts()
    families = [family] + [f for f in [base, *FALLBACK_FAMILIES] if f != family]
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    # Kerning and shaping stay on; hinting off keeps glyph advances identical at every
    # zoom so highlight rectangles line up with the shaped text.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def default_text_font(size: float = 15) -> QFont:
    return text_font(ensure_fonts(), size)
