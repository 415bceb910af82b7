"""The per-document checksums in the file (`doc_checksums`): their upkeep and their check.

What a checksum covers and how it is computed: `core/checksums.py`. Functions here take an
SQLite connection (a Project's, or a checker's own read-only one on any project file).

Upkeep, schema 6:
- The annotator's own writes (Project transactions): temporary triggers of its connection
  pass every changed row to `core/checksums.py` and XOR the row's hash into a per-document
  delta (a temporary table, so a statement SQLite rolls back takes its deltas with it);
  `finish` folds the deltas into the stored sums in the same transaction. O(rows changed).
- Any other program writing the file: triggers in the file (plain SQL, so every writer fires
  them) mark the checksum of each document it changes stale (NULL); the annotator's next
  commit recomputes the stale ones from the rows (`refresh`). A stale checksum is not judged
  before. During the annotator's own transactions the table `checksum_upkeep` holds a row,
  which those triggers see and skip; it is removed before each commit, so no other writer
  ever sees it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Iterator

import orjson

from annotator.core.checksums import (HEADER_COLS, REL_COLS, SPAN_COLS, STATE_COLS, describe, doc_sum, header_sum,
                                      matches, mismatch_message, relation_sum, short_error, span_sum, status_sum)
from annotator.core.schema_sql import ROW_SUMS_SCHEMA

BATCH = 2000


def has_checksums(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'doc_checksums'").fetchone() is not None


# ----- upkeep by the annotator's own connection -------------------------------------------------------
_DELTA = ("INSERT INTO checksum_delta(doc, d{fresh_col}) VALUES ({doc}, {fn}({args}){fresh_val}) "
          "ON CONFLICT(doc) DO UPDATE SET d = (d | excluded.d) - (d & excluded.d){fresh_set};")
# (table, SQL function, columns as the row sums take them, document column, whether an insert makes a new document)
_TABLES = (("documents", "annotator_header_sum", HEADER_COLS, "num", True),
           ("spans", "annotator_span_sum", SPAN_COLS, "doc", False),
           ("relations", "annotator_relation_sum", REL_COLS, "doc", False),
           ("doc_status", "annotator_status_sum", STATE_COLS, "doc", False))


def _delta(fn: str, cols: str, doc_col: str, row: str, fresh: bool) -> str:
    args = ", ".join(f"{row}.{c.strip()}" for c in cols.split(","))
    return _DELTA.format(doc=f"{row}.{doc_col}", fn=fn, args=args, fresh_col=", fresh" if fresh else "",
                         fresh_val=", 1" if fresh else "", fresh_set=", fresh = 1" if fresh else "")


def _upkeep_sql() -> list[str]:
    out = ["CREATE TEMP TABLE IF NOT EXISTS checksum_delta (doc INTEGER PRIMARY KEY, d INTEGER NOT NULL, "
           "fresh INTEGER NOT NULL DEFAULT 0)"]
    for table, fn, cols, doc_col, new_doc in _TABLES:
        covered = ", ".join(c.strip() for c in cols.split(","))
        out.append(f"CREATE TEMP TRIGGER IF NOT EXISTS {table}_insert_delta AFTER INSERT ON main.{table} BEGIN "
                   + _delta(fn, cols, doc_col, "NEW", new_doc) + " END")
        out.append(f"CREATE TEMP TRIGGER IF NOT EXISTS {table}_delete_delta AFTER DELETE ON main.{table} BEGIN "
                   + _delta(fn, cols, doc_col, "OLD", False) + " END")
        out.append(f"CREATE TEMP TRIGGER IF NOT EXISTS {table}_update_delta AFTER UPDATE OF {covered} ON main.{table} "
                   "BEGIN " + _delta(fn, cols, doc_col, "OLD", False) + " "
                   + _delta(fn, cols, doc_col, "NEW", False) + " END")
    return out


def start_upkeep(conn: sqlite3.Connection) -> None:
    """Make this (writable) connection keep the checksums of what it writes."""
    for name, fn in (("annotator_header_sum", header_sum), ("annotator_span_sum", span_sum),
                     ("annotator_relation_sum", relation_sum), ("annotator_status_sum", status_sum)):
        conn.create_function(name, -1, lambda *row, _fn=fn: _fn(row), deterministic=True)
    for statement in _upkeep_sql():
        conn.execute(statement)
    if conn.execute("SELECT 1 FROM checksum_upkeep").fetchone():  # never committed; cleared all the same
        conn.execute("DELETE FROM checksum_upkeep")


def begin(conn: sqlite3.Connection) -> None:
    """At the start of a transaction of the annotator's (after BEGIN)."""
    conn.execute("DELETE FROM temp.checksum_delta")  # left by writes outside a transaction: those marked stale
    conn.execute("INSERT INTO checksum_upkeep(writer) VALUES (1)")


def finish(conn: sqlite3.Connection) -> None:
    """Before COMMIT: fold the transaction's deltas into the stored sums, recompute stale ones."""
    conn.execute("UPDATE main.doc_checksums SET sum = (sum | x.d) - (sum & x.d) FROM temp.checksum_delta AS x "
                 "WHERE doc_checksums.doc = x.doc AND x.d != 0")
    # A document new in this transaction starts from its delta; one that had no checksum
    # before (another program's) is left stale, for refresh.
    conn.execute("INSERT INTO main.doc_checksums(doc, sum) SELECT doc, CASE WHEN fresh = 1 THEN d END "
                 "FROM temp.checksum_delta WHERE true ON CONFLICT(doc) DO NOTHING")
    conn.execute("DELETE FROM main.doc_checksums WHERE doc IN (SELECT doc FROM temp.checksum_delta) "
                 "AND doc NOT IN (SELECT num FROM main.documents)")
    conn.execute("DELETE FROM temp.checksum_delta")
    conn.execute("DELETE FROM checksum_upkeep")
    refresh(conn)


# ----- reading rows -------------------------------------------------------------------------------------
def _rows_by_doc(conn, cols: str, table: str, lo: int, hi: int, from_table: bool = True) -> dict[int, list]:
    # The index finds the rows; their values are then read from the table itself. SQLite
    # reads a column the index also holds from the index, so damage to a row whose index
    # entry is intact would otherwise be invisible here while an export (a table scan) sees it.
    # Computing a sum afresh (refresh) judges nothing: it reads the rows the plain way.
    out: dict[int, list] = {}
    if not from_table:
        for row in conn.execute(f"SELECT {cols} FROM {table} WHERE doc BETWEEN ? AND ?", (lo, hi)):
            out.setdefault(row[0], []).append(row)
        return out
    ids = [r[0] for r in conn.execute(f"SELECT rowid FROM {table} WHERE doc BETWEEN ? AND ?", (lo, hi))]
    if not ids:
        return out
    picked = ", ".join(f"t.{c.strip()}" for c in cols.split(","))
    for row in conn.execute(f"SELECT {picked} FROM json_each(?) AS j CROSS JOIN {table} AS t NOT INDEXED "
                            "ON t.rowid = j.value", (orjson.dumps(ids).decode(),)):
        out.setdefault(row[0], []).append(row)
    return out


def _docs(conn, lo: int, hi: int, from_table: bool = True) -> Iterator[tuple]:
    """(header, spans, relations, states) of the documents numbered lo..hi, rows as the sums take them."""
    spans = _rows_by_doc(conn, SPAN_COLS, "spans", lo, hi, from_table)
    rels = _rows_by_doc(conn, REL_COLS, "relations", lo, hi, from_table)
    states = _rows_by_doc(conn, STATE_COLS, "doc_status", lo, hi, from_table)
    for header in conn.execute(f"SELECT {HEADER_COLS} FROM documents WHERE num BETWEEN ? AND ?", (lo, hi)):
        yield header, spans.get(header[0], ()), rels.get(header[0], ()), states.get(header[0], ())


def refresh(conn: sqlite3.Connection) -> int:
    """Recompute every stale checksum from the rows (inside the caller's transaction)."""
    done = 0
    after = -(1 << 62)
    while True:
        stale = [r[0] for r in conn.execute(
            "SELECT doc FROM doc_checksums WHERE sum IS NULL AND doc > ? ORDER BY doc LIMIT ?", (after, BATCH))]
        if not stale:
            return done
        after = stale[-1]
        wanted = set(stale)
        found = {h[0]: doc_sum(h, s, r, t) for h, s, r, t in _docs(conn, stale[0], stale[-1], False)
                 if h[0] in wanted}
        conn.executemany("UPDATE doc_checksums SET sum = ? WHERE doc = ?", [(s, num) for num, s in found.items()])
        conn.executemany("DELETE FROM doc_checksums WHERE doc = ?", [(n,) for n in stale if n not in found])
        done += len(found)


# ----- checking -----------------------------------------------------------------------------------------
def verify(conn: sqlite3.Connection, lo: int | None = None, hi: int | None = None,
           texts: bool = True) -> str | None:
    """None when every document is sound, else the first problem (one line naming the
    document): its text bytes against its stored hash (`texts`), its rows against its
    stored checksum, the annotators its rows name against the list of annotators. Rows are
    read from the tables, not their indexes. A document whose checksum is stale (NULL) or
    missing has its rows not judged. lo/hi bound the document numbers (inclusive)."""
    if not has_checksums(conn):
        return None
    own = not conn.in_transaction
    if own:  # one state of the file throughout, whatever a writer commits meanwhile
        conn.execute("BEGIN")
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM annotators NOT INDEXED")}  # the table, not its index
        try:
            if lo is None and hi is None and _row_sums(conn):
                return _verify_all(conn, names, texts)
            return _verify_range(conn, -(1 << 62) if lo is None else lo, (1 << 62) if hi is None else hi,
                                 names, texts)
        except sqlite3.DatabaseError as exc:  # a value that no longer decodes
            return f"a stored value cannot be read ({short_error(exc)})"
    finally:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")


def verify_document(conn: sqlite3.Connection, num: int) -> str | None:
    """verify() for one document: None, or the one-line problem naming it."""
    return verify(conn, num, num)


def _row_sums(conn) -> bool:
    return conn.execute("PRAGMA user_version").fetchone()[0] >= ROW_SUMS_SCHEMA


def _text_ok(blob, text_hash) -> bool:
    # The text as stored bytes: hashing them needs no decoding, and text that is no longer
    # UTF-8 is then a mismatch of this document rather than an error reading the file.
    return isinstance(blob, bytes) and hashlib.sha256(blob).hexdigest() == text_hash


def _verify_all(conn, names: set, texts: bool) -> str | None:
    """verify() of a whole schema-6 file: one scan of each table, no sorting (sums are XORs)."""
    problems: dict[int, str] = {}  # document -> its first problem
    ids: dict[int, str] = {}
    acc: dict[int, int] = {}
    cols = HEADER_COLS + (", CAST(text AS BLOB)" if texts else "")
    for row in conn.execute(f"SELECT {cols} FROM documents NOT INDEXED"):
        num = row[0]
        ids[num] = row[1]
        if texts and not _text_ok(row[4], row[2]):
            problems[num] = f"{describe(num, row[1])}: its text does not match its stored hash"
        acc[num] = header_sum(row[:4])
    get = acc.get
    for table, cols, fn, kind, col in (("spans", SPAN_COLS, span_sum, "span", 5),
                                       ("relations", REL_COLS, relation_sum, "link", 5),
                                       ("doc_status", STATE_COLS, status_sum, "status of", 1)):
        for row in conn.execute(f"SELECT {cols} FROM {table} NOT INDEXED"):
            num = row[0]
            acc[num] = get(num, 0) ^ fn(row)
            if row[col] not in names and num in ids and num not in problems:
                problems[num] = (f"{describe(num, ids[num])}: the {kind} {row[1]!r} belongs to an annotator missing "
                                 "from the project's list of annotators")
    for num, stored in conn.execute("SELECT doc, sum FROM doc_checksums"):
        if num in ids and stored is not None and stored != acc[num]:
            problems[num] = mismatch_message(num, ids[num]) if not problems.get(num, "").endswith(
                "stored hash") else problems[num]
    if problems:
        return problems[min(problems)]
    return None


def _verify_range(conn, lo: int, hi: int, names: set, texts: bool) -> str | None:
    start = lo
    while start <= hi:
        nums = [r[0] for r in conn.execute(
            "SELECT num FROM documents WHERE num BETWEEN ? AND ? ORDER BY num LIMIT ?", (start, hi, BATCH))]
        if not nums:
            return None
        problem = _verify_batch(conn, nums[0], nums[-1], names, texts)
        if problem:
            return problem
        start = nums[-1] + 1
    return None


def _verify_batch(conn, lo: int, hi: int, names: set, texts: bool) -> str | None:
    stored = dict(conn.execute("SELECT doc, sum FROM doc_checksums WHERE doc BETWEEN ? AND ?", (lo, hi)))
    text_ok = {}
    if texts:
        text_ok = {num: _text_ok(blob, h) for num, blob, h in conn.execute(
            "SELECT num, CAST(text AS BLOB), hash FROM documents WHERE num BETWEEN ? AND ?", (lo, hi))}
    for header, spans, rels, states in _docs(conn, lo, hi):
        num, doc_id = header[0], header[1]
        if texts and not text_ok.get(num, False):
            return f"{describe(num, doc_id)}: its text does not match its stored hash"
        expected = stored.get(num)
        if expected is not None and not matches(expected, header, spans, rels, states):
            return mismatch_message(num, doc_id)
        for kind, column, found in (("span", 5, spans), ("link", 5, rels), ("status of", 1, states)):
            for row in found:  # a name changed in one place only
                if row[column] not in names:
                    return (f"{describe(num, doc_id)}: the {kind} {row[1]!r} belongs to an annotator missing "
                            "from the project's list of annotators")
    return None


def mismatch(conn: sqlite3.Connection, num: int, doc_id: str | None = None) -> str:
    if doc_id is None:
        try:
            row = conn.execute("SELECT id FROM documents WHERE num = ?", (num,)).fetchone()
            doc_id = row[0] if row else None
        except sqlite3.Error:
            doc_id = None
    return mismatch_message(num, doc_id)

