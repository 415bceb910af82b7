"""SQL scripts cut into statements, for the migrations of a file and of a server alike."""

from __future__ import annotations

import sqlite3


def split_sql(script: str) -> list[str]:
    """Statements of a script; a trigger's body (BEGIN ... END) stays one statement."""
    out, current = [], ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n;"):
                out.append(current.strip())
            current = ""
    if current.strip(" \n;"):
        out.append(current.strip())
    return out
