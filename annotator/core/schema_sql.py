"""The project file's tables, and the forward migrations between schema versions."""

from __future__ import annotations

APPLICATION_ID = 0x414E4E54  # "ANNT": marks a SQLite file as an annotator project
SCHEMA_VERSION = 8
CHECKSUMS_SCHEMA = 4  # the first version with doc_checksums
ROW_SUMS_SCHEMA = 8  # the first whose checksums are XORs of row hashes (store/checksums.py)
EXTENSION = ".annot"

V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    hash TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents(hash);
CREATE TABLE annotators (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'human' CHECK (kind IN ('human', 'gold', 'suggester')),
    created TEXT NOT NULL
);
CREATE TABLE spans (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'suggested', 'rejected')),
    attrs TEXT NOT NULL DEFAULT '{}',
    rule TEXT,
    origin TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    CHECK (start >= 0 AND start < "end")
);
CREATE INDEX spans_doc ON spans(doc, annotator);
CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    label TEXT NOT NULL,
    from_span INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    to_span INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'suggested', 'rejected')),
    attrs TEXT NOT NULL DEFAULT '{}',
    rule TEXT,
    origin TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX relations_doc ON relations(doc, annotator);
CREATE INDEX relations_from ON relations(from_span);
CREATE INDEX relations_to ON relations(to_span);
CREATE TABLE doc_status (
    doc INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    state TEXT NOT NULL CHECK (state IN ('todo', 'in_progress', 'done')),
    modified TEXT NOT NULL,
    PRIMARY KEY (doc, annotator)
);
"""

# Version 2: a reviewer's project remembers where each merged layer came from (so that
# re-merging is idempotent and two people under one name are caught) and records review
# decisions that leave no gold span behind (a rejected cluster, "curated: nothing here").
# Every file also gets a random project_id, copied along when the file is copied.
V2 = """
CREATE TABLE merged_layers (
    annotator TEXT NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    identity TEXT NOT NULL,
    source TEXT NOT NULL,
    digest TEXT NOT NULL,
    merged TEXT NOT NULL,
    PRIMARY KEY (annotator, doc)
);
CREATE TABLE review_decisions (
    doc INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('cluster', 'relation', 'document')),
    key TEXT NOT NULL,
    decision TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    time TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (doc, kind, key)
);
INSERT OR IGNORE INTO meta(key, value) VALUES ('project_id', lower(hex(randomblob(16))));
"""

# Span and relation ids are never reused (AUTOINCREMENT): an undo puts a deleted span back
# under its old id, so no other span may have taken it meanwhile. SQLite cannot add
# AUTOINCREMENT to a table, so both are rebuilt; Project._migrate runs this step with
# foreign keys off (dropping the old tables must not cascade) and checks them after.
V3 = """
CREATE TABLE spans_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'suggested', 'rejected')),
    attrs TEXT NOT NULL DEFAULT '{}',
    rule TEXT,
    origin TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    CHECK (start >= 0 AND start < "end")
);
INSERT INTO spans_v3 SELECT id, doc, start, "end", label, annotator, status, attrs, rule, origin, created, modified FROM spans;
CREATE TABLE relations_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    label TEXT NOT NULL,
    from_span INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    to_span INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'suggested', 'rejected')),
    attrs TEXT NOT NULL DEFAULT '{}',
    rule TEXT,
    origin TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
INSERT INTO relations_v3 SELECT id, doc, label, from_span, to_span, annotator, status, attrs, rule, origin, created, modified FROM relations;
DROP TABLE relations;
DROP TABLE spans;
ALTER TABLE spans_v3 RENAME TO spans;
ALTER TABLE relations_v3 RENAME TO relations;
CREATE INDEX spans_doc ON spans(doc, annotator);
CREATE INDEX relations_doc ON relations(doc, annotator);
CREATE INDEX relations_from ON relations(from_span);
CREATE INDEX relations_to ON relations(to_span)
"""

# Version 4: a checksum per document over its exported rows (see core/checksums.py), so
# damage inside rows is found. Triggers mark a document's checksum stale (NULL) when one of
# its rows changes, whoever writes; Project recomputes the stale ones before each commit,
# and Project._migrate computes them all right after this step.
_STALE = """INSERT INTO doc_checksums(doc, sum) VALUES ({row}.{col}, NULL)
        ON CONFLICT(doc) DO UPDATE SET sum = NULL WHERE sum IS NOT NULL;"""
V4 = """
CREATE TABLE doc_checksums (
    doc INTEGER PRIMARY KEY,
    sum TEXT
);
CREATE INDEX doc_checksums_stale ON doc_checksums(doc) WHERE sum IS NULL;
""" + "\n".join(
    f"CREATE TRIGGER {table}_{event.lower()}_sum AFTER {event} ON {table} BEGIN\n    "
    + "\n    ".join(_STALE.format(row=row, col=col) for row in rows) + "\nEND;"
    for table, col in (("spans", "doc"), ("relations", "doc"), ("doc_status", "doc"), ("documents", "num"))
    for event, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)), ("UPDATE", ("NEW", "OLD")))
) + """
INSERT INTO doc_checksums(doc, sum) SELECT num, NULL FROM documents
"""

# Version 5: who was given which document (annotator assign), so that collecting can say
# what came back and the document list can show "assigned to me".
V5 = """
CREATE TABLE assignments (
    doc INTEGER NOT NULL REFERENCES documents(num) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    package TEXT NOT NULL,
    assigned TEXT NOT NULL,
    PRIMARY KEY (doc, annotator)
) WITHOUT ROWID;
CREATE INDEX assignments_annotator ON assignments(annotator, doc)
"""

# Version 6: the recommender's trained models (every version kept, with the held-out scores
# it was measured with: the project's learning curve) and its settings. Until version 6 the
# recommender made these tables itself on first save, so a version 5 file may hold them
# already: IF NOT EXISTS keeps its models.
V6 = """
CREATE TABLE IF NOT EXISTS recommender_models (
    version INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    labels TEXT NOT NULL,
    docs INTEGER NOT NULL,
    scores TEXT NOT NULL,
    training TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    model BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS recommender_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
"""

# Version 7: documents are also checked out one at a time (annotator checkout, the window's
# "Take the next document"), by several people at once. Each holder of a document takes a
# numbered seat (slot) on it, unique per document: two people asking at once for the last
# free seat both try the same (doc, slot) and only one insert lands, on any backend and at
# any isolation level. `kind` tells a planned assignment ('plan', annotator assign) from one
# taken on demand ('checkout').
V7 = """
ALTER TABLE assignments ADD COLUMN slot INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assignments ADD COLUMN kind TEXT NOT NULL DEFAULT 'plan' CHECK (kind IN ('plan', 'checkout'));
UPDATE assignments SET slot = (SELECT count(*) FROM assignments o
    WHERE o.doc = assignments.doc AND o.annotator < assignments.annotator);
CREATE UNIQUE INDEX assignments_slot ON assignments(doc, slot)
"""

# Version 8: each checksum is the XOR of one hash per row (core/checksums.py), kept up by the
# annotator's own connection row by row (store/checksums.py). The triggers in the file now
# only serve other programs: they mark a document stale unless `checksum_upkeep` holds a row,
# which only an annotator transaction in progress does. The sums are integers now (a TEXT
# column would turn them into text). Project._migrate checks the old checksums before this
# step and computes the new ones right after it.
_COVERED = {"documents": "num, id, hash, meta", "spans": 'doc, id, start, "end", label, annotator, status, attrs, rule, origin',
            "relations": "doc, id, label, from_span, to_span, annotator, status, attrs, rule, origin",
            "doc_status": "doc, annotator, state"}
V8 = "\n".join(
    f"DROP TRIGGER IF EXISTS {table}_{event.lower()}_sum;"
    for table in ("spans", "relations", "doc_status", "documents") for event in ("INSERT", "DELETE", "UPDATE")
) + """
CREATE TABLE IF NOT EXISTS checksum_upkeep (writer INTEGER NOT NULL);
DROP TABLE doc_checksums;
CREATE TABLE doc_checksums (
    doc INTEGER PRIMARY KEY,
    sum INTEGER
);
CREATE INDEX doc_checksums_stale ON doc_checksums(doc) WHERE sum IS NULL;
INSERT INTO doc_checksums(doc, sum) SELECT num, NULL FROM documents;
""" + "\n".join(
    f"CREATE TRIGGER {table}_{event.split()[0].lower()}_stale AFTER {event} ON {table} "
    "WHEN NOT EXISTS (SELECT 1 FROM checksum_upkeep) BEGIN\n    "
    + "\n    ".join(_STALE.format(row=row, col=col) for row in rows) + "\nEND;"
    for table, col in (("spans", "doc"), ("relations", "doc"), ("doc_status", "doc"), ("documents", "num"))
    for event, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)), (f"UPDATE OF {_COVERED[table]}", ("NEW", "OLD")))
) + """
"""

# MIGRATIONS[v] brings a file from schema version v to v + 1. Version 0 is an empty file.
MIGRATIONS: dict[int, str] = {0: V1, 1: V2, 2: V3, 3: V4, 4: V5, 5: V6, 6: V7, 7: V8}
