"""The document list's queries: which documents pass a filter, and their columns a page at a time.

Opening a 100,000-document project must be instant, so the list asks first for the numbers
of the documents that pass (one indexed SELECT of integers) and later for the displayed
columns of a few hundred of them, by number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocFilter:
    """What the list shows: one annotator's view, narrowed by state, assignment and text."""

    annotator: str
    state: str | None = None  # "todo", "in_progress", "done"; None: any
    assigned_only: bool = False  # only documents assigned to the annotator (annotator assign)
    text: str = ""  # found in the id, the metadata or the text; "" matches all


def _like_pattern(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def matching_nums(project, f: DocFilter) -> list[int]:
    """Numbers of the documents that pass the filter, in document order."""
    joins, where, args = "", [], []
    if f.state:
        joins = " LEFT JOIN doc_status s ON s.doc = d.num AND s.annotator = ?"
        args.append(f.annotator)
        where.append("coalesce(s.state, 'todo') = ?")
        args.append(f.state)
    if f.assigned_only:
        where.append("d.num IN (SELECT doc FROM assignments WHERE annotator = ?)")
        args.append(f.annotator)
    if f.text:
        pat = _like_pattern(f.text)
        where.append("(d.id LIKE ? ESCAPE '\\' OR d.meta LIKE ? ESCAPE '\\' OR d.text LIKE ? ESCAPE '\\')")
        args += [pat, pat, pat]
    sql = f"SELECT d.num FROM documents d{joins}{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY d.num"
    return [r[0] for r in project.conn.execute(sql, args)]


def page_rows(project, annotator: str, nums: list[int]) -> list[tuple[int, str, str | None, str, int]]:
    """(num, id, title or None, the annotator's state, spans not rejected) of each document of
    `nums`, in the order of `nums`; a number no longer in the project reads (num, "", None, "todo", 0)."""
    found = {}
    if nums:
        marks = ",".join("?" * len(nums))
        for row in project.conn.execute(
                "SELECT d.num, d.id, json_extract(d.meta, '$.title'), coalesce(s.state, 'todo'), "
                "(SELECT count(*) FROM spans x WHERE x.doc = d.num AND x.status != 'rejected') "
                "FROM documents d LEFT JOIN doc_status s ON s.doc = d.num AND s.annotator = ? "
                f"WHERE d.num IN ({marks})", [annotator, *nums]):
            found[row[0]] = row
    return [found.get(n, (n, "", None, "todo", 0)) for n in nums]


def has_assignments(project, annotator: str) -> bool:
    """Whether some document is assigned to this annotator."""
    return project.conn.execute("SELECT 1 FROM assignments WHERE annotator = ? LIMIT 1",
                                (annotator,)).fetchone() is not None


def done_count(project, annotator: str) -> int:
    """Documents the annotator marked done."""
    return project.conn.execute("SELECT count(*) FROM doc_status WHERE annotator = ? AND state = 'done'",
                                (annotator,)).fetchone()[0]
