"""The knowledge tables in the store, and the triggers that tell knowledge what reading changed.

Triggers on the claims table log every claim reading adds or removes in
`knowledge_dirty`, in the same transaction as the claim itself, so an update
knows exactly which assertions to re-merge. Knowledge is derived data: a store
whose tables have an older shape drops them and rebuilds from the claims.
"""

from __future__ import annotations

import hashlib

from osteon.corpus.store import Store
from osteon.knowledge import claim_store, sources
from osteon.reading.terms import fold

SCHEMA = """
CREATE TABLE IF NOT EXISTS assertions (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object TEXT NOT NULL,
    object_is_text INTEGER NOT NULL,
    context TEXT NOT NULL,
    polarity TEXT NOT NULL,
    n_documents INTEGER NOT NULL,
    n_sources INTEGER NOT NULL,
    n_claims INTEGER NOT NULL,
    belief REAL NOT NULL,
    first_document TEXT NOT NULL,
    text TEXT NOT NULL,
    confidence REAL NOT NULL DEFAULT 1.0,
    scope TEXT,
    UNIQUE (subject, predicate, object, context, polarity)
);
CREATE INDEX IF NOT EXISTS assertions_object ON assertions(object);
CREATE TABLE IF NOT EXISTS assertion_claims (
    claim_id INTEGER PRIMARY KEY,
    assertion_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    doc_kind TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    numbers TEXT,
    scope TEXT,
    confidence REAL NOT NULL DEFAULT 1.0
);
CREATE INDEX IF NOT EXISTS assertion_claims_assertion ON assertion_claims(assertion_id, doc_id);
CREATE INDEX IF NOT EXISTS assertion_claims_numbers
    ON assertion_claims(assertion_id, numbers, doc_id) WHERE numbers IS NOT NULL;
CREATE TABLE IF NOT EXISTS stances (
    assertion_id INTEGER NOT NULL,
    family TEXT NOT NULL,
    sign TEXT NOT NULL,
    agent TEXT NOT NULL,
    target TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stances_assertion ON stances(assertion_id);
CREATE INDEX IF NOT EXISTS stances_target ON stances(target);
CREATE INDEX IF NOT EXISTS stances_agent ON stances(agent);
CREATE TABLE IF NOT EXISTS conflicts (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    kind TEXT NOT NULL,
    family TEXT NOT NULL,
    explanation TEXT NOT NULL,
    PRIMARY KEY (a, b, kind, family)
);
CREATE INDEX IF NOT EXISTS conflicts_b ON conflicts(b);
CREATE TABLE IF NOT EXISTS knowledge_dirty (
    seq INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL,
    op TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS knowledge_claim_added AFTER INSERT ON claims
BEGIN INSERT INTO knowledge_dirty(claim_id, op) VALUES (NEW.id, 'add'); END;
CREATE TRIGGER IF NOT EXISTS knowledge_claim_removed AFTER DELETE ON claims
BEGIN INSERT INTO knowledge_dirty(claim_id, op) VALUES (OLD.id, 'del'); END;
"""

VERSION_META = "knowledge_version"
GENERATION_META = "knowledge_generation"
LINK_PREDICATES = ("is_a", "synonym_of")
"""Assertions that change the hierarchy: touching one re-checks every conflict."""

ASSERTION_COLUMNS = ("id, subject, predicate, object, object_is_text, context, polarity,"
                      " n_documents, n_sources, n_claims, belief, text, first_document,"
                      " confidence, scope")
CLAIM_COLUMNS = ("c.doc_id, c.sentence_idx, c.subject, c.predicate, c.object, c.object_is_text,"
                  " c.polarity, c.qualifiers, c.section, c.span_start, c.span_end,"
                  " c.sentence_start, c.sentence_end, c.quote, c.rule")
"""The columns claim_store.row_to_claim reads, in its order."""
CLAIM_SQL = ("SELECT c.id, c.doc_id, d.kind, s.text, c.subject, c.predicate, c.object,"
              " c.object_is_text, c.polarity, c.qualifiers, c.rule FROM claims c"
              " JOIN documents d ON d.id = c.doc_id"
              " LEFT JOIN sentences s ON s.doc_id = c.doc_id AND s.idx = c.sentence_idx")


SCHEMA_VERSION = "5"
SCHEMA_META = "knowledge_schema"
TABLES = ("assertions", "assertion_claims", "stances", "conflicts", "knowledge_dirty",
           *sources.TABLES)


def ensure_schema(store: Store) -> None:
    """Create the knowledge tables and the claim triggers (after the claim tables).

    Knowledge is derived data: a store whose tables have an older shape drops them and
    rebuilds them from the claims at the next update.
    """
    claim_store.ensure_schema(store)
    db = store.connection
    if store.get_meta(SCHEMA_META) != SCHEMA_VERSION:
        with store.transaction():
            for table in TABLES:
                db.execute(f"DROP TABLE IF EXISTS {table}")  # noqa: S608 - fixed names
            db.execute("DROP TRIGGER IF EXISTS knowledge_claim_added")
            db.execute("DROP TRIGGER IF EXISTS knowledge_claim_removed")
            store.set_meta(SCHEMA_META, SCHEMA_VERSION)
            store.set_meta(VERSION_META, "")
    db.executescript(SCHEMA + sources.SCHEMA)


def text_hash(sentence: str | None) -> str:
    """A stable fingerprint of a sentence, equal for word-for-word copies."""
    return hashlib.blake2b(fold(sentence or "").encode(), digest_size=8).hexdigest()


