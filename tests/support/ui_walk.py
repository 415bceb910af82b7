"""Every text a window shows, and the ones that are English in the Arabic interface.

Not a test module: test_gui_arabic_walk.py applies it to the main window and the review
window. A window's visible text is: window titles, labels, buttons, group boxes, tab titles,
combo box items, line-edit placeholders, menus and their actions, toolbar actions, tooltips,
headers and cells of item views, and the status bar. The document text itself is user data and
is not walked.
"""

from __future__ import annotations

import re

from PySide6.QtGui import Qt  # QtGui.Qt also holds mightBeRichText
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QHeaderView, QLabel,
                               QLineEdit, QMainWindow, QMenu, QPlainTextEdit, QTabWidget, QTextEdit, QToolBar,
                               QWidget)

LATIN = re.compile(r"[A-Za-z]")
# Key names are printed on the keys (the shortcut part of a menu entry, "[S]" on a button).
KEY = r"(?:Ctrl|Alt|Shift|Meta|Del|Delete|Enter|Return|Esc|Tab|Space|Backspace|PgUp|PgDown|Home|End|F\d{1,2}|[A-Z0-9]|[←→↑↓])"
_SHORTCUT = rf"{KEY}(?:\+(?:{KEY}|[,=+\-]))*"  # Ctrl+, Ctrl+= Ctrl++ Ctrl+-
KEYS = re.compile(rf"^\s*{_SHORTCUT}(?:\s*[,/]\s*{_SHORTCUT})*\s*$")  # alternatives: "Tab / Shift+Tab"
BRACKET_KEY = re.compile(rf"\[{KEY}\]")
LONE_KEY = re.compile(r"(?<![A-Za-z])(?:[A-Z]|F\d{1,2})(?![A-Za-z])")  # "(L accept, K reject)": a key
# A key's name inside an Arabic sentence ("Esc للإغلاق"); alone, "Delete" may be an untranslated button.
KEY_WORD = re.compile(rf"(?<![A-Za-z]){KEY}(?![A-Za-z])")
ARABIC = re.compile(r"[\u0600-\u06ff]")
COMBO = re.compile(rf"(?<![A-Za-z]){KEY}(?:\+{KEY})+(?![A-Za-z])")  # Ctrl+Shift+P inside a sentence
# TIMEX3 values and ISO dates are data notation, not English: 2021-12-09, P15D, PT2H, 2021-W49, PAST_REF.
TIMEX = re.compile(r"\b(?:\d{2,4}(?:-(?:\d\d|W\d\d|Q\d|H\d|SP|SU|FA|WI|WE|WXX|XX|\d))*(?:T[\dMAEVNOFI:]+)?"
                   r"|P(?:T?\d+(?:\.\d+)?[YMWDHS])+|PX[YMWD]|XXXX[-\dWX]*|(?:PRESENT|PAST|FUTURE)_REF)\b")
APP_NAME = "annotator"  # the program's name is not translated


def _plain(text: str) -> str:
    if Qt.mightBeRichText(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _model_texts(view: QAbstractItemView, max_rows: int):
    model = view.model()
    if model is None:
        return
    try:
        cols = model.columnCount(QModelIndex())
    except TypeError:  # list models hide columnCount; they have one column
        cols = 1
    header = getattr(view, "horizontalHeader", None)
    if header is not None and header() is not None and not header().isHidden():
        for c in range(cols):
            yield "header", str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "")
    for r in range(min(model.rowCount(QModelIndex()), max_rows)):
        for c in range(max(cols, 1)):
            index = model.index(r, c)
            for role, where in ((Qt.DisplayRole, "cell"), (Qt.ToolTipRole, "cell tooltip")):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield where, value


def _action_texts(action, where: str):
    if action.isSeparator() or not action.isVisible():
        return
    text, _, keys = action.text().partition("\t")
    yield where, text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    if keys and not KEYS.match(keys):
        yield where + " keys", keys
    tip, _, _keys = action.toolTip().partition("\t")  # by default the text, keys included
    if tip and tip != text.replace("&", ""):
        yield where + " tooltip", tip
    if action.menu() is not None:
        yield from _menu_texts(action.menu(), where + " › " + text)


def _menu_texts(menu: QMenu, where: str):
    if menu.aboutToShow is not None:
        menu.aboutToShow.emit()  # menus filled when opened (recent projects)
    yield where, menu.title().replace("&", "")
    for action in menu.actions():
        yield from _action_texts(action, where)


def visible_texts(window: QWidget, max_rows: int = 200):
    """(where, text) for every text `window` shows (see the module docstring)."""
    yield "window title", window.windowTitle()
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.menu() is not None:
                yield from _menu_texts(action.menu(), "menu")
        yield "status bar", window.statusBar().currentMessage()
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        name = type(w).__name__
        if w.toolTip():
            yield f"{name} tooltip", w.toolTip()
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QLineEdit):
            yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item", w.itemText(i)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab", w.tabText(i)
        elif isinstance(w, QToolBar):
            yield name, w.windowTitle()
            for action in w.actions():
                yield from _action_texts(action, name)
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):  # headers: with their view
            for where, text in _model_texts(w, max_rows):
                yield f"{name} {where}", text
        elif isinstance(w, (QTextEdit, QPlainTextEdit)) and w.isReadOnly() is False:
            yield f"{name} placeholder", w.placeholderText()


def english_left_in_text(text: str, user_data: set[str], key_cell: bool = False) -> bool:
    """Whether `text` has Latin letters once user data, key names, TIMEX values and the program's
    name are taken out (see english_left). `key_cell`: a table cell that may hold only keys."""
    if key_cell and KEYS.match(text or ""):
        return False
    allowed = sorted({s for s in user_data if s and LATIN.search(s)}, key=len, reverse=True)

    def strip_data(rest: str) -> str:
        for s in allowed:
            rest = rest.replace(s, " ")
        return rest

    def strip_notation(rest: str) -> str:
        for pattern in (TIMEX, BRACKET_KEY, COMBO, LONE_KEY):
            rest = pattern.sub(" ", rest)
        if ARABIC.search(rest):
            rest = KEY_WORD.sub(" ", rest)
        return rest.replace(APP_NAME, " ")

    plain = _plain(text or "")
    # Data first ("2021" a stored value inside "2021-W49"), or notation first (an id holding "2021").
    return all(LATIN.search(f(g(plain))) for f, g in ((strip_notation, strip_data), (strip_data, strip_notation)))


def english_left(window: QWidget, user_data: set[str], max_rows: int = 200) -> list[tuple[str, str]]:
    """The texts of `window` with Latin letters once user data (ids, titles, paths, names, values:
    `user_data`), key names, TIMEX values and the program's name are taken out."""
    return sorted({(where, text) for where, text in visible_texts(window, max_rows)
                   if english_left_in_text(text, user_data, key_cell=where.endswith(" cell"))})


def report(left: list[tuple[str, str]]) -> str:
    return "English left in the Arabic interface:\n" + "\n".join(f"  {where}: {text!r}" for where, text in left)


def project_user_data(project, extra=()) -> set[str]:
    """Every user-supplied string of a project: document ids, texts, metadata, span texts and
    attribute values, annotator names, the path; plus `extra`."""
    import json

    found = {str(project.path), project.path.name, str(project.path.parent), *extra}
    for doc_id, text, meta in project.conn.execute("SELECT id, text, meta FROM documents"):
        found |= {doc_id, text}
        for k, v in (json.loads(meta) if meta else {}).items():
            found |= {str(v), f"{k}: {v}", k}
    found |= {name for (name,) in project.conn.execute("SELECT name FROM annotators")}
    for (attrs, rule) in project.conn.execute("SELECT attrs, rule FROM spans"):
        found.add(rule or "")
        for v in (json.loads(attrs) if attrs else {}).values():
            found.add(str(v))
    return found
