"""Claims and mentions in the store, beside the documents they were read from.

Knowledge owns these tables: reading hands over typed records (`ReadResult`,
`Claim`, `Mention`) and never writes SQL; knowledge merges the claims into
assertions (its triggers on `claims` log what changed). Rows reference their
document with ON DELETE CASCADE, so replacing or removing a document removes
what was read from it; `read_state` records which reader (lexicon and rules,
by hash) read which version of a document, so only what changed is read again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from osteon.corpus.store import Store, chunked, sentence_chunks
from osteon.reading.records import Claim, Evidence, Mention, Qualifiers, ReadResult, Scope

_SCHEMA = """
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    subject TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object TEXT NOT NULL,
    object_is_text INTEGER NOT NULL,
    polarity TEXT NOT NULL,
    qualifiers TEXT NOT NULL,
    section TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    rule TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE INDEX IF NOT EXISTS claims_subject ON claims(subject);
CREATE INDEX IF NOT EXISTS claims_object ON claims(object);
CREATE INDEX IF NOT EXISTS claims_predicate ON claims(predicate);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    concept_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL
);
-- mentions are looked up by sentence (ask quotes a few sentences of many documents): an
-- index of (doc_id, sentence_idx) reads only those rows, and serves doc_id alone as well
DROP INDEX IF EXISTS mentions_doc;
CREATE INDEX IF NOT EXISTS mentions_sentence ON mentions(doc_id, sentence_idx);
CREATE INDEX IF NOT EXISTS mentions_concept ON mentions(concept_id);
CREATE TABLE IF NOT EXISTS read_state (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    reader TEXT NOT NULL
);
"""


def ensure_schema(store: Store) -> None:
    """Create the claim tables if this store has none yet."""
    store.connection.executescript(_SCHEMA)


def unread(store: Store, reader: str) -> list[str]:
    """Documents never read, read from an older version, or by another reader."""
    rows = store.connection.execute(
        "SELECT d.id FROM documents d LEFT JOIN read_state r ON r.doc_id = d.id"
        " WHERE r.doc_id IS NULL OR r.content_hash != d.content_hash OR r.reader != ?"
        " ORDER BY d.id", (reader,))
    return [r[0] for r in rows]


def replace_claims(store: Store, results: Iterable[ReadResult], reader: str) -> None:
    """Swap documents' claims and mentions for new ones, all in one transaction.

    Writing a batch of documents per transaction halves the cost of the writes; a crash
    loses only the batch, whose documents stay unread and are read again next time.
    """
    with store.transaction() as db:
        for result in results:
            _replace(db, result, reader)


def _replace(db: sqlite3.Connection, result: ReadResult, reader: str) -> None:
    doc_id, content_hash = result.doc_id, result.content_hash
    claims, mentions = result.claims, result.mentions
    db.execute("DELETE FROM claims WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM mentions WHERE doc_id = ?", (doc_id,))
    db.executemany(
        "INSERT INTO claims(doc_id, sentence_idx, subject, predicate, object,"
        " object_is_text, polarity, qualifiers, section, span_start, span_end,"
        " sentence_start, sentence_end, quote, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(doc_id, c.evidence.sentence_idx, c.subject, c.predicate, c.object,
          int(c.object_is_text), c.polarity, qualifiers_json(c),
          c.evidence.section, c.evidence.span_start, c.evidence.span_end,
          c.evidence.sentence_start, c.evidence.sentence_end, c.evidence.quote, c.rule)
         for c in claims])
    db.executemany(
        "INSERT INTO mentions VALUES (?,?,?,?,?,?,?)",
        [(doc_id, idx, m.concept_id, m.start, m.end, m.text, _status(m))
         for idx, m in mentions])
    db.execute("INSERT OR REPLACE INTO read_state VALUES (?,?,?)",
               (doc_id, content_hash, reader))


def load_claims(store: Store, *, doc_id: str | None = None, predicate: str | None = None,
                concept: str | None = None) -> list[Claim]:
    """Stored claims, filtered by document, predicate or a concept on either side."""
    where, params = [], []
    if doc_id:
        where.append("doc_id = ?")
        params.append(doc_id)
    if predicate:
        where.append("predicate = ?")
        params.append(predicate)
    if concept:
        where.append("(subject = ? OR object = ?)")
        params.extend([concept, concept])
    sql = ("SELECT doc_id, sentence_idx, subject, predicate, object, object_is_text, polarity,"
           " qualifiers, section, span_start, span_end, sentence_start, sentence_end, quote, rule"
           " FROM claims" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY doc_id, sentence_idx, id")
    return [row_to_claim(row) for row in store.connection.execute(sql, params)]


def mentions_at(store: Store, keys: Iterable[tuple[str, int]]
                ) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """(concept id, status) of each stored mention in these sentences, by (doc id, index).

    Remembered per version of the store (any write forgets them): the sentences a
    question's candidates are, and the ones around them, come back question after question.
    """
    return _mention_rows(store, keys, "mentions", "concept_id, status")


def mention_spans_at(store: Store, keys: Iterable[tuple[str, int]]
                     ) -> dict[tuple[str, int], list[tuple[str, int, int]]]:
    """(concept id, start, end in the sentence) of each stored mention, by (doc id, index).

    Where a statement's words stand in its sentence: what stands just before a name.
    """
    return _mention_rows(store, keys, "mention_spans", "concept_id, start, end")


def _mention_rows(store: Store, keys: Iterable[tuple[str, int]], memo: str, columns: str
                  ) -> dict[tuple[str, int], list[Any]]:
    """Some columns of the stored mentions of these sentences, remembered per store version."""
    known: dict[tuple[str, int], list[Any]] = store.per_version(memo)
    keys = list(keys)
    missing = [key for key in dict.fromkeys(keys) if key not in known]
    for key in missing:
        known[key] = []
    for doc_id, chunk, marks in sentence_chunks(missing):
        for idx, *row in store.connection.execute(
                f"SELECT sentence_idx, {columns} FROM mentions"
                f" WHERE doc_id = ? AND sentence_idx IN ({marks})", [doc_id, *chunk]):
            known[(doc_id, idx)].append(tuple(row))
    return {(doc_id, idx): known[(doc_id, idx)] for doc_id, chunk, _ in sentence_chunks(keys)
            for idx in chunk if known[(doc_id, idx)]}


def concept_sentences(store: Store, doc_ids: Sequence[str]) -> dict[str, dict[str, int]]:
    """How many sentences of each document mention each concept: what a page is about."""
    found: dict[str, dict[str, int]] = {d: {} for d in doc_ids}
    for chunk in chunked(list(doc_ids)):
        marks = ",".join("?" * len(chunk))
        for doc_id, concept, n in store.connection.execute(
                "SELECT doc_id, concept_id, COUNT(DISTINCT sentence_idx) FROM mentions"
                f" WHERE doc_id IN ({marks}) GROUP BY doc_id, concept_id", chunk):
            found[doc_id][concept] = n
    return found


def row_to_claim(row: sqlite3.Row | tuple) -> Claim:
    """A claim from the columns load_claims selects, in that order."""
    (doc_id, sentence_idx, subject, predicate, obj, is_text, polarity, qualifiers, section,
     span_start, span_end, sentence_start, sentence_end, quote, rule) = row
    quals = json.loads(qualifiers)
    scope = Scope.from_dict(quals.get(SCOPE_KEY))
    return Claim(subject=subject, predicate=predicate, object=obj, polarity=polarity,
                 evidence=Evidence(doc_id, sentence_idx, section, span_start, span_end,
                                   sentence_start, sentence_end, quote),
                 object_is_text=bool(is_text), qualifiers=Qualifiers.from_dict(quals),
                 rule=rule, scope=scope)


SCOPE_KEY = "scope"
"""Where a claim's Scope is kept in the qualifiers column (absent when nothing is said)."""


def qualifiers_json(claim: Claim) -> str:
    """The qualifiers column of a claim: its qualifiers, and its scope when it has one."""
    quals = claim.qualifiers.as_dict()
    if claim.scope:
        quals[SCOPE_KEY] = claim.scope.as_dict()
    return json.dumps(quals, sort_keys=True)


def _status(mention: Mention) -> str:
    flags = [name for name in ("negated", "hedged", "historical", "hypothetical")
             if getattr(mention, name)]
    return ",".join(flags) or "asserted"
