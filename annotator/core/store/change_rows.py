"""Rows of a Change (annotator.core.change): reading them as stored and writing either side back.

Rows are dicts of column -> stored value; a table's key columns are change.KEYS[table].
The functions run inside the caller's transaction (the Project's).
"""

from __future__ import annotations

from annotator.core.change import KEYS, Change, RowChange, diff

SPAN_COLUMNS = ("id", "doc", "start", "end", "label", "annotator", "status", "attrs", "rule", "origin", "created",
                "modified")
RELATION_COLUMNS = ("id", "doc", "label", "from_span", "to_span", "annotator", "status", "attrs", "rule", "origin",
                    "created", "modified")
COLUMNS = {
    "spans": SPAN_COLUMNS,
    "relations": RELATION_COLUMNS,
    "review_decisions": ("doc", "kind", "key", "decision", "reviewer", "time", "data"),
    "doc_status": ("doc", "annotator", "state", "modified"),
    "documents": ("num", "meta"),  # a change touches a document's metadata only; its text never changes
}


def _q(column: str) -> str:
    return f'"{column}"'


def rows(project, table: str, where: str = "", args: tuple = ()) -> dict[tuple, dict]:
    """{(table, key): row} of the rows of `table` matching `where` (SQL over its columns)."""
    cols = COLUMNS[table]
    sql = f"SELECT {', '.join(map(_q, cols))} FROM {table}" + (f" WHERE {where}" if where else "")
    keys = KEYS[table]
    out = {}
    for values in project.conn.execute(sql, args):
        row = dict(zip(cols, values))
        out[(table, tuple(row[k] for k in keys))] = row
    return out


def doc_rows(project, doc: int, annotator: str | None = None) -> dict[tuple, dict]:
    """Everything of one document a change may touch: its spans, relations and statuses (of
    one annotator, or all), its review decisions and its metadata."""
    who, args = ("", (doc,)) if annotator is None else (" AND annotator = ?", (doc, annotator))
    out = rows(project, "spans", "doc = ?" + who, args)
    out.update(rows(project, "relations", "doc = ?" + who, args))
    out.update(rows(project, "doc_status", "doc = ?" + who, args))
    out.update(rows(project, "review_decisions", "doc = ?", (doc,)))
    out.update(rows(project, "documents", "num = ?", (doc,)))
    return out


def recorded(project, doc: int, action) -> Change:
    """A Change for an action that is not a mutator of its own (suggesting, deciding on
    suggestions, a dct with the dates it re-resolves): run `action()` (it commits its own
    transactions; every row it writes is of document `doc`) and return the document's rows
    read before and after; result is the action's answer. An action that fails half way is
    undone: all or nothing, as for the mutators."""
    before = doc_rows(project, doc)
    try:
        result = action()
    except BaseException:
        partial = Change(diff(before, doc_rows(project, doc)), doc)
        if not partial.empty:
            project.undo(partial)
        raise
    return Change(diff(before, doc_rows(project, doc)), doc, result)


def write(project, change: Change) -> None:
    """Write the after side of every row of `change`, in its order."""
    for r in change.rows:
        _write(project, r)


def _write(project, r: RowChange) -> None:
    conn = project.conn
    keys = KEYS[r.table]
    where = " AND ".join(f"{_q(k)} = ?" for k in keys)
    if r.after is None:
        conn.execute(f"DELETE FROM {r.table} WHERE {where}", r.key)
        return
    if "annotator" in r.after:
        project.ensure_annotator(r.after["annotator"])
    if r.before is None:
        cols = list(r.after)
        conn.execute(f"INSERT INTO {r.table}({', '.join(map(_q, cols))}) VALUES ({', '.join('?' * len(cols))})",
                     [r.after[c] for c in cols])
        return
    cols = [c for c in r.after if c not in keys]
    conn.execute(f"UPDATE {r.table} SET {', '.join(f'{_q(c)} = ?' for c in cols)} WHERE {where}",
                 [r.after[c] for c in cols] + list(r.key))
