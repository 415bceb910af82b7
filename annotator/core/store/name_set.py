"""A set of names kept in a private temporary database, so that memory stays flat however
many names it holds (a brat export names one file per document). Not the project: the
database is the connection's own and is deleted when the set is closed."""

from __future__ import annotations

import sqlite3


class NameSet:
    """add(name) -> False when the name (compared case-folded, as Windows and macOS compare
    file names) is in the set already."""

    def __init__(self, on_disk: bool = True):
        # "" is a temporary file SQLite deletes on close (pages spill to disk); ":memory:" is RAM.
        self._db = sqlite3.connect("" if on_disk else ":memory:")
        self._db.execute("CREATE TABLE used (name TEXT PRIMARY KEY) WITHOUT ROWID")

    def add(self, name: str) -> bool:
        try:
            self._db.execute("INSERT INTO used VALUES (?)", (name.lower(),))
        except sqlite3.IntegrityError:
            return False
        return True

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "NameSet":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
