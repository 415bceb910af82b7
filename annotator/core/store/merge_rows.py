"""The rows a merge reads from annotators' files and writes into the review project.

Reads return plain tuples (documented per function); the layer readers stream them, since a
merge of many files reads every span once. Writes run inside the caller's transaction: a
merge is one transaction over all its files.
"""

from __future__ import annotations

from typing import Iterator

from annotator.core.project import next_id


def _marks(names: list[str]) -> str:
    return ",".join("?" * len(names))


# ----- what a project holds ---------------------------------------------------------------------
def documents(project) -> list[tuple[int, str, str, str]]:
    """(num, id, content hash, metadata JSON) of every document, in document order."""
    return project.conn.execute("SELECT num, id, hash, meta FROM documents ORDER BY num").fetchall()


def document_keys(project) -> list[tuple[int, str, str]]:
    """(num, id, content hash) of every document, in document order."""
    return project.conn.execute("SELECT num, id, hash FROM documents ORDER BY num").fetchall()


def texts(project, nums: set[int]) -> dict[int, str]:
    """{num: text} of these documents."""
    c = project.conn
    if len(nums) > 100:  # one pass over the file beats a query per document
        return {n: t for n, t in c.execute("SELECT num, text FROM documents") if n in nums}
    return {n: c.execute("SELECT text FROM documents WHERE num = ?", (n,)).fetchone()[0] for n in nums}


def annotators(project) -> list[tuple[str, str, str]]:
    """(name, kind, created) of every annotator, by name. `created` identifies one person's
    work across copies of a file (see core/merge.py)."""
    return project.conn.execute("SELECT name, kind, created FROM annotators ORDER BY name").fetchall()


def used_labels(project) -> tuple[set[str], set[str]]:
    """(span labels, relation labels) the project's rows use."""
    c = project.conn
    return ({r[0] for r in c.execute("SELECT DISTINCT label FROM spans")},
            {r[0] for r in c.execute("SELECT DISTINCT label FROM relations")})


def merged_layers(project) -> dict[tuple[str, int], tuple[str, str, str]]:
    """{(annotator, doc): (identity, source file, digest)} of the layers earlier merges brought."""
    return {(a, d): (i, s, g) for a, d, i, s, g in project.conn.execute(
        "SELECT annotator, doc, identity, source, digest FROM merged_layers")}


def next_ids(project) -> tuple[int, int, int]:
    """(next document number, next span id, next relation id) a merge may give itself: above
    every id ever used, so no undo finds its deleted span's id taken."""
    c = project.conn
    return ((c.execute("SELECT max(num) FROM documents").fetchone()[0] or 0) + 1,
            next_id(c, "spans"), next_id(c, "relations"))


# ----- layers ---------------------------------------------------------------------------------------
def layer_spans(project, names: list[str]) -> Iterator[tuple]:
    """(id, doc, start, end, label, annotator, status, attrs JSON, rule, origin JSON, created,
    modified) of these annotators' spans."""
    yield from project.conn.execute(
        f'SELECT id, doc, start, "end", label, annotator, status, attrs, rule, origin, created, modified '
        f"FROM spans WHERE annotator IN ({_marks(names)})", names)


def layer_links(project, names: list[str]) -> Iterator[tuple]:
    """(doc, label, from span, to span, annotator, status, attrs JSON, rule) of these annotators'
    links whose two spans are the link's own annotator's (a layer links only its own spans)."""
    yield from project.conn.execute(
        f"SELECT r.doc, r.label, r.from_span, r.to_span, r.annotator, r.status, r.attrs, r.rule FROM relations r "
        f"JOIN spans x ON x.id = r.from_span JOIN spans y ON y.id = r.to_span "
        f"WHERE r.annotator IN ({_marks(names)}) AND x.annotator = r.annotator AND y.annotator = r.annotator",
        names)


def layer_states(project, names: list[str]) -> Iterator[tuple[int, str, str, str]]:
    """(doc, annotator, state, modified) of these annotators' document states."""
    yield from project.conn.execute(
        f"SELECT doc, annotator, state, modified FROM doc_status WHERE annotator IN ({_marks(names)})", names)


def cross_layer_links(project, names: list[str]) -> int:
    """Links of these annotators whose two spans are not both in the link's own layer."""
    if not names:
        return 0
    return project.conn.execute(
        f"SELECT count(*) FROM relations r JOIN spans x ON x.id = r.from_span JOIN spans y ON y.id = r.to_span "
        f"WHERE r.annotator IN ({_marks(names)}) AND (x.annotator != r.annotator OR y.annotator != r.annotator)",
        names).fetchone()[0]


# ----- writing into the review project ----------------------------------------------------------------
def insert_documents(project, rows: list[tuple]) -> None:
    """Add documents: rows of (num, id, text, metadata JSON, content hash, created)."""
    project.conn.executemany("INSERT INTO documents(num, id, text, meta, hash, created) VALUES (?, ?, ?, ?, ?, ?)",
                             rows)


def insert_annotator(project, name: str, created: str) -> None:
    """A human annotator under the identity (created time) their file gave them."""
    project.conn.execute("INSERT INTO annotators(name, kind, created) VALUES (?, 'human', ?)", (name, created))


def replace_layers(project, deletes: list[tuple[str, int]], spans: list[tuple], links: list[tuple],
                   states: list[tuple], merged: list[tuple]) -> None:
    """Write a source's layers: delete the (annotator, doc) layers in `deletes` (spans, their
    links, the state), insert `spans` (id, doc, start, end, label, annotator, status, attrs,
    rule, origin, created, modified), `links` (id, doc, label, from, to, annotator, status,
    attrs, rule, origin, created, modified) and `states` (doc, annotator, state, modified), and
    record `merged` (annotator, doc, identity, source, digest, merged time) in merged_layers."""
    c = project.conn
    if deletes:
        # Relations go with their spans (ON DELETE CASCADE); relations of this layer between
        # spans of another layer cannot exist, as a layer links only its own spans.
        c.executemany("DELETE FROM relations WHERE annotator = ? AND doc = ?", deletes)
        c.executemany("DELETE FROM spans WHERE annotator = ? AND doc = ?", deletes)
        c.executemany("DELETE FROM doc_status WHERE annotator = ? AND doc = ?", deletes)
    if spans:
        c.executemany('INSERT INTO spans(id, doc, start, "end", label, annotator, status, attrs, rule, origin, '
                      "created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", spans)
    if links:
        c.executemany("INSERT INTO relations(id, doc, label, from_span, to_span, annotator, status, attrs, rule, "
                      "origin, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", links)
    if states:
        c.executemany("INSERT INTO doc_status(doc, annotator, state, modified) VALUES (?, ?, ?, ?)", states)
    c.executemany("INSERT OR REPLACE INTO merged_layers(annotator, doc, identity, source, digest, merged) "
                  "VALUES (?, ?, ?, ?, ?, ?)", merged)
