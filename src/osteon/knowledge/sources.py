"""Independent sources of each assertion, kept so one new document costs its own claims.

A source is a group of documents that state an assertion with a shared sentence,
word for word (see belief.py). The groups are a union-find over documents and
sentence fingerprints; here it is persisted (`source_docs`, `source_texts`,
`sources`), so adding a document joins it to the groups whose sentences it
shares with a few indexed queries, instead of re-reading every claim of an
assertion that ten thousand pages repeat. Removing claims rebuilds that
assertion's groups from its claims.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from osteon.corpus.store import chunked

SCHEMA = """
CREATE TABLE IF NOT EXISTS source_docs (
    assertion_id INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (assertion_id, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS source_docs_source ON source_docs(assertion_id, source);
CREATE TABLE IF NOT EXISTS source_texts (
    assertion_id INTEGER NOT NULL,
    text_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (assertion_id, text_hash)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS source_texts_source ON source_texts(assertion_id, source);
CREATE TABLE IF NOT EXISTS sources (
    assertion_id INTEGER NOT NULL,
    source TEXT NOT NULL,
    weight REAL NOT NULL,
    n_docs INTEGER NOT NULL,
    PRIMARY KEY (assertion_id, source)
) WITHOUT ROWID;
"""
TABLES = ("source_docs", "source_texts", "sources")


@dataclass(frozen=True, slots=True)
class Support:
    """How many documents and independent sources back an assertion, and the belief."""

    n_documents: int
    n_sources: int
    belief: float


@dataclass(frozen=True, slots=True)
class DocumentSupport:
    """What one document brings to one assertion: its weight and its sentences."""

    doc_id: str
    weight: float
    text_hashes: frozenset[str]


def noisy_or(weights: Iterable[float]) -> float:
    """1 - prod(1 - w): the belief formula of belief.py, over independent sources."""
    return round(1.0 - math.prod(1.0 - w for w in weights), 4)


def group_documents(docs: Iterable[DocumentSupport]) -> list[list[DocumentSupport]]:
    """Documents joined wherever they share a sentence (union-find), as groups."""
    docs = list(docs)
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, doc in enumerate(docs):
        for text_hash in doc.text_hashes:
            j = first_with.setdefault(text_hash, i)
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[DocumentSupport]] = {}
    for i, doc in enumerate(docs):
        groups.setdefault(find(i), []).append(doc)
    return list(groups.values())


class SourceIndex:
    """The persisted groups of every assertion, in the store's connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def rebuild(self, assertion_id: int, docs: Iterable[DocumentSupport]) -> None:
        """Replace an assertion's groups with those computed from all its documents."""
        self.drop([assertion_id])
        doc_rows, text_rows, source_rows = [], [], []
        for group in group_documents(docs):
            root = min(d.doc_id for d in group)
            source_rows.append((assertion_id, root, max(d.weight for d in group), len(group)))
            doc_rows.extend((assertion_id, d.doc_id, root) for d in group)
            text_rows.extend((assertion_id, h, root)
                             for h in set().union(*(d.text_hashes for d in group)))
        self.db.executemany("INSERT INTO source_docs VALUES (?,?,?)", doc_rows)
        self.db.executemany("INSERT INTO source_texts VALUES (?,?,?)", text_rows)
        self.db.executemany("INSERT INTO sources VALUES (?,?,?,?)", source_rows)

    def add(self, assertion_id: int, doc: DocumentSupport) -> None:
        """Join a document to the groups it shares a sentence with (or start its own)."""
        db = self.db
        hashes = sorted(doc.text_hashes)
        joined: set[str] = set()
        for chunk in chunked(hashes):
            marks = ",".join("?" * len(chunk))
            joined.update(r[0] for r in db.execute(
                f"SELECT DISTINCT source FROM source_texts WHERE assertion_id = ?"
                f" AND text_hash IN ({marks})", [assertion_id, *chunk]))
        known = db.execute("SELECT source FROM source_docs WHERE assertion_id = ? AND doc_id = ?",
                           (assertion_id, doc.doc_id)).fetchone()
        if known:
            joined.add(known[0])
        root = min(joined | {doc.doc_id})
        weight, n_docs = doc.weight, 0 if known else 1
        for source in sorted(joined):
            w, n = db.execute("SELECT weight, n_docs FROM sources WHERE assertion_id = ?"
                              " AND source = ?", (assertion_id, source)).fetchone()
            weight, n_docs = max(weight, w), n_docs + n
        others = sorted(joined - {root})
        for table in ("source_docs", "source_texts"):
            db.executemany(f"UPDATE {table} SET source = ? WHERE assertion_id = ?"  # noqa: S608
                           " AND source = ?", [(root, assertion_id, s) for s in others])
        db.executemany("DELETE FROM sources WHERE assertion_id = ? AND source = ?",
                       [(assertion_id, s) for s in others])
        db.execute("INSERT OR REPLACE INTO sources VALUES (?,?,?,?)",
                   (assertion_id, root, weight, n_docs))
        db.execute("INSERT OR REPLACE INTO source_docs VALUES (?,?,?)",
                   (assertion_id, doc.doc_id, root))
        db.executemany("INSERT OR REPLACE INTO source_texts VALUES (?,?,?)",
                       [(assertion_id, h, root) for h in hashes])

    def support(self, assertion_ids: list[int]) -> dict[int, Support]:
        """Documents, independent sources and belief of each assertion, from its groups."""
        weights: dict[int, list[float]] = {}
        docs: dict[int, int] = {}
        for chunk in chunked(assertion_ids):
            marks = ",".join("?" * len(chunk))
            for assertion_id, weight, n_docs in self.db.execute(
                    "SELECT assertion_id, weight, n_docs FROM sources"
                    f" WHERE assertion_id IN ({marks})", chunk):
                weights.setdefault(assertion_id, []).append(weight)
                docs[assertion_id] = docs.get(assertion_id, 0) + n_docs
        return {a: Support(docs[a], len(w), noisy_or(w)) for a, w in weights.items()}

    def drop(self, assertion_ids: list[int]) -> None:
        """Forget the groups of these assertions."""
        for chunk in chunked(assertion_ids):
            marks = ",".join("?" * len(chunk))
            for table in TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE assertion_id IN ({marks})",  # noqa: S608
                                chunk)
