"""A checksum per document over everything that is exported of it, kept in the same
transaction as every change, so damage inside rows (which SQLite's checks cannot see
without page checksums) is found at open, in the content check and on export.

What one checksum covers: the document's id, the SHA-256 of its text (`documents.hash`,
itself checked against the text), its metadata, each annotator's status, and every
span (id, start, end, label, annotator, status, attrs, rule, origin) and relation (id,
label, from, to, annotator, status, attrs, rule, origin) of the document, as stored.
Not covered: creation and modification times, the annotators table (verify() checks
the names the rows use against it), merged_layers and review_decisions.

Upkeep: triggers (plain SQL, so every writer fires them) mark a document's checksum
stale (NULL) whenever one of its rows changes; Project commits recompute the stale ones
(refresh) in the same transaction. A stale checksum is one written by a program that is
not the annotator; it is recomputed at the next commit and not checked before.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Iterable, Iterator

import orjson


def content_hash(text: str) -> str:
    """A document's identity: the SHA-256 of its text (how merges match documents)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

DOC_COLS = "num, id, hash, meta"
SPAN_COLS = 'doc, id, start, "end", label, annotator, status, attrs, rule, origin'
REL_COLS = "doc, id, label, from_span, to_span, annotator, status, attrs, rule, origin"
STATE_COLS = "doc, annotator, state"
BATCH = 2000


def doc_checksum(doc_id: str, text_hash: str, meta: str, spans: Iterable, relations: Iterable,
                 states: Iterable) -> str:
    """The checksum of one document. spans/relations/states: rows as SPAN_COLS/REL_COLS/
    STATE_COLS without the leading doc (any order: they are sorted here)."""
    body = orjson.dumps([doc_id, text_hash, meta, sorted(spans, key=_first), sorted(relations, key=_first),
                         sorted(states, key=_first)], default=_other)
    return hashlib.sha256(body).hexdigest()


def _first(row):
    return row[0]


def _other(value):
    # A value whose type changed (damage turned a text into a blob) still gets a checksum,
    # different from the one of the text it was.
    if isinstance(value, bytes):
        return {"blob": value.hex()}
    raise TypeError(type(value).__name__)


def has_checksums(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'doc_checksums'").fetchone() is not None


def _rows_by_doc(conn, cols: str, table: str, lo: int, hi: int) -> dict[int, list]:
    # The index finds the rows; their values are then read from the table itself. SQLite
    # reads a column the index also holds from the index, so damage to a row whose index
    # entry is intact would otherwise be invisible here while an export (a table scan) sees it.
    ids = [r[0] for r in conn.execute(f"SELECT rowid FROM {table} WHERE doc BETWEEN ? AND ?", (lo, hi))]
    out: dict[int, list] = {}
    if not ids:
        return out
    picked = ", ".join(f"t.{c.strip()}" for c in cols.split(","))
    for row in conn.execute(f"SELECT {picked} FROM json_each(?) AS j CROSS JOIN {table} AS t NOT INDEXED "
                            "ON t.rowid = j.value", (orjson.dumps(ids).decode(),)):
        out.setdefault(row[0], []).append(row[1:])
    return out


def _sums(conn, lo: int, hi: int, texts: bool = False) -> Iterator[tuple]:
    """(num, checksum, doc_id, rows) of the documents numbered lo..hi; rows is
    [(kind, annotator column, rows)] for the name check. With `texts`, a document whose
    text bytes do not match its stored hash comes with checksum None."""
    spans = _rows_by_doc(conn, SPAN_COLS, "spans", lo, hi)
    rels = _rows_by_doc(conn, REL_COLS, "relations", lo, hi)
    states = _rows_by_doc(conn, STATE_COLS, "doc_status", lo, hi)
    # The text as stored bytes: hashing them needs no decoding, and text that is no longer
    # UTF-8 is then a mismatch of this document rather than an error reading the batch.
    cols = DOC_COLS + (", CAST(text AS BLOB)" if texts else "")
    for row in conn.execute(f"SELECT {cols} FROM documents WHERE num BETWEEN ? AND ?", (lo, hi)):
        num, doc_id, text_hash, meta = row[:4]
        s, r, t = spans.get(num, ()), rels.get(num, ()), states.get(num, ())
        if texts and (not isinstance(row[4], bytes) or hashlib.sha256(row[4]).hexdigest() != text_hash):
            yield num, None, doc_id, ()
            continue
        yield num, doc_checksum(doc_id, text_hash, meta, s, r, t), doc_id, (("span", 4, s), ("link", 4, r),
                                                                              ("status of", 0, t))


def refresh(conn: sqlite3.Connection) -> int:
    """Recompute every stale checksum (inside the caller's transaction). Returns how many."""
    done = 0
    after = -(1 << 62)
    while True:
        stale = [r[0] for r in conn.execute(
            "SELECT doc FROM doc_checksums WHERE sum IS NULL AND doc > ? ORDER BY doc LIMIT ?", (after, BATCH))]
        if not stale:
            return done
        after = stale[-1]
        wanted = set(stale)
        found = {num: s for num, s, _id, _rows in _sums(conn, stale[0], stale[-1]) if num in wanted}
        conn.executemany("UPDATE doc_checksums SET sum = ? WHERE doc = ?", [(s, num) for num, s in found.items()])
        gone = [(num,) for num in stale if num not in found]  # the document was deleted
        conn.executemany("DELETE FROM doc_checksums WHERE doc = ?", gone)
        done += len(found)


def verify(conn: sqlite3.Connection, lo: int | None = None, hi: int | None = None,
           texts: bool = True) -> str | None:
    """None when every document is sound, else the first problem (one line naming the
    document): its text bytes against its stored hash (`texts`), its rows against its
    stored checksum, the annotators its rows name against the list of annotators.
    A document whose checksum is stale (NULL) or missing has its rows not judged.
    lo/hi bound the document numbers (inclusive)."""
    if not has_checksums(conn):
        return None
    own = not conn.in_transaction
    if own:  # one state of the file throughout, whatever a writer commits meanwhile
        conn.execute("BEGIN")
    try:
        return _verify(conn, lo, hi, texts)
    finally:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")


def _verify(conn: sqlite3.Connection, lo: int | None, hi: int | None, texts: bool) -> str | None:
    lo = -(1 << 62) if lo is None else lo
    hi = (1 << 62) if hi is None else hi
    names = {r[0] for r in conn.execute("SELECT name FROM annotators NOT INDEXED")}  # the table, not its index
    start = lo
    while start <= hi:
        nums = [r[0] for r in conn.execute(
            "SELECT num FROM documents WHERE num BETWEEN ? AND ? ORDER BY num LIMIT ?", (start, hi, BATCH))]
        if not nums:
            break
        try:
            problem = _verify_batch(conn, nums[0], nums[-1], names, texts)
        except sqlite3.DatabaseError as exc:  # a value that no longer decodes
            return f"documents in rows {nums[0]} to {nums[-1]}: a stored value cannot be read ({short_error(exc)})"
        if problem:
            return problem
        start = nums[-1] + 1
    return None


def _verify_batch(conn, lo: int, hi: int, names: set, texts: bool) -> str | None:
    stored = dict(conn.execute("SELECT doc, sum FROM doc_checksums WHERE doc BETWEEN ? AND ?", (lo, hi)))
    for num, checksum, doc_id, rows in _sums(conn, lo, hi, texts=texts):
        if checksum is None:
            return f"{_name(conn, num, doc_id)}: its text does not match its stored hash"
        expected = stored.get(num)
        if expected is not None and expected != checksum:
            return mismatch(conn, num, doc_id)
        for kind, column, found in rows:  # a name changed in one place only
            for row in found:
                if row[column] not in names:
                    return (f"{_name(conn, num, doc_id)}: the {kind} {row[0]!r} belongs to an annotator missing "
                            "from the project's list of annotators")
    return None


def short_error(exc: Exception) -> str:
    """An SQLite error without the undecodable value it quotes."""
    return str(exc).split(" with text ")[0]


def verify_document(conn: sqlite3.Connection, num: int) -> str | None:
    """verify() for one document: None, or the one-line problem naming it."""
    return verify(conn, num, num)


def _name(conn: sqlite3.Connection, num: int, doc_id: str | None = None) -> str:
    if doc_id is None:
        try:
            row = conn.execute("SELECT id FROM documents WHERE num = ?", (num,)).fetchone()
            doc_id = row[0] if row else None
        except sqlite3.Error:
            doc_id = None
    return f"document {doc_id!r} (row {num})" if doc_id is not None else f"document row {num}"


def mismatch(conn: sqlite3.Connection, num: int, doc_id: str | None = None) -> str:
    return f"{_name(conn, num, doc_id)}: its annotations or metadata do not match their checksum"

