"""What a document's checksum is (issue 13): pure functions, no SQL (the store's
`core/store/checksums.py` keeps and checks them in the file).

A checksum covers the document's row number and id, the SHA-256 of its text
(`documents.hash`, itself checked against the text), its metadata, each annotator's status,
and every span (id, start, end, label, annotator, status, attrs, rule, origin) and relation
(id, label, from, to, annotator, status, attrs, rule, origin) of the document, as stored.
Not covered: creation and modification times, the annotators table (the names the rows use
are checked against it), merged_layers and review_decisions.

Since schema 6 it is the XOR of one 64-bit hash per row (the document's own row and each
span, link and status row; each hash includes its table and the row's id, so no two rows
of a document share one). Adding, removing or changing a row changes the checksum by that
row's hash alone: upkeep costs O(rows changed), never a re-read of the document, and a
damaged row still changes the sum the rows give. Schema 4 and 5 files hold the older
checksum (SHA-256 over the whole document, `legacy_checksum`): a read-only open of such a
file checks that one; opening it writable checks it once and then converts.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

import orjson

_blake = hashlib.blake2b
_from_bytes = int.from_bytes
_dumps = orjson.dumps

# The rows as the store reads them (and as triggers pass them), the document first.
HEADER_COLS = "num, id, hash, meta"
SPAN_COLS = 'doc, id, start, "end", label, annotator, status, attrs, rule, origin'
REL_COLS = "doc, id, label, from_span, to_span, annotator, status, attrs, rule, origin"
STATE_COLS = "doc, annotator, state"


def content_hash(text: str) -> str:
    """A document's identity: the SHA-256 of its text (how merges match documents)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _other(value):
    # A value whose type changed (damage turned a text into a blob) still gets a sum,
    # different from the one of the text it was.
    if isinstance(value, bytes):
        return {"blob": value.hex()}
    raise TypeError(type(value).__name__)


def _sum(tag: bytes, row) -> int:
    return _from_bytes(_blake(tag + _dumps(row, default=_other), digest_size=8).digest(), "little", signed=True)


def header_sum(row) -> int:
    """(num, id, text hash, meta) of a document."""
    return _sum(b"d", row)


def span_sum(row) -> int:
    """A span row as SPAN_COLS."""
    return _sum(b"s", row)


def relation_sum(row) -> int:
    """A relation row as REL_COLS."""
    return _sum(b"r", row)


def status_sum(row) -> int:
    """A doc_status row as STATE_COLS."""
    return _sum(b"t", row)


def doc_sum(header, spans: Iterable = (), relations: Iterable = (), states: Iterable = ()) -> int:
    """The checksum of one document from its rows (any order)."""
    acc = header_sum(header)
    for row in spans:
        acc ^= span_sum(row)
    for row in relations:
        acc ^= relation_sum(row)
    for row in states:
        acc ^= status_sum(row)
    return acc


def matches(stored, header, spans, relations, states) -> bool:
    """Do these rows (each with its document first) give the stored checksum? An int is a
    schema 6 sum, a text the older checksum of schema 4 and 5."""
    if isinstance(stored, str):
        return stored == legacy_checksum(header[1], header[2], header[3], [r[1:] for r in spans],
                                         [r[1:] for r in relations], [r[1:] for r in states])
    return stored == doc_sum(header, spans, relations, states)


def legacy_checksum(doc_id: str, text_hash: str, meta: str, spans: Iterable, relations: Iterable,
                    states: Iterable) -> str:
    """The checksum of schema 4 and 5: rows without their leading doc, in any order."""
    body = _dumps([doc_id, text_hash, meta, sorted(spans, key=_first), sorted(relations, key=_first),
                   sorted(states, key=_first)], default=_other)
    return hashlib.sha256(body).hexdigest()


def _first(row):
    return row[0]


def short_error(exc: Exception) -> str:
    """An SQLite error without the undecodable value it quotes."""
    return str(exc).split(" with text ")[0]


def describe(num: int, doc_id: str | None = None) -> str:
    return f"document {doc_id!r} (row {num})" if doc_id is not None else f"document row {num}"


def mismatch_message(num: int, doc_id: str | None = None) -> str:
    return f"{describe(num, doc_id)}: its annotations or metadata do not match their checksum"
