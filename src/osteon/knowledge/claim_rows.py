"""Read results as plain rows: what a parallel reader's worker sends back.

Cheap to pickle and to write; knowledge owns these tables, so their SQL lives here.

A `ReadResult` holds claims and mentions as frozen dataclasses, which take the parent
longer to unpickle than the worker took to write them out, and on two cores every
parent millisecond is taken from a worker. So a worker turns its results into the
very rows the store will hold, by running the claim store's own writer into
a scratch in-memory database with the store's tables and reading the rows back;
the parent inserts them unchanged. The rows are those a one-process read writes
because the same code made them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from osteon.corpus.store import Store
from osteon.knowledge import claim_store
from osteon.reading.records import ReadResult


@dataclass(frozen=True, slots=True)
class Rows:
    """One document's claims, mentions and read-state rows, as the store holds them."""

    doc_id: str
    claims: list[tuple]
    """Every column but the id, in the order the claims were read."""
    mentions: list[tuple]
    read_state: tuple
    skipped_sentences: int


@dataclass(frozen=True, slots=True)
class _Scratch:
    db: sqlite3.Connection
    claim_columns: str
    """The claims table's columns but its id."""
    marks: dict[str, str]
    """`?` placeholders for a row of each table (claims without its id)."""


@cache
def _scratch() -> _Scratch:
    """The in-memory database of this process, with the claim tables and their shapes."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.executescript(claim_store._SCHEMA)  # the store's own table shapes

    def columns(table: str) -> list[str]:
        return [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] != "id"]

    claim_columns = columns("claims")
    marks = {table: ",".join("?" * len(columns(table)))
             for table in ("claims", "mentions", "read_state")}
    return _Scratch(db, ", ".join(claim_columns), marks)


def to_rows(result: ReadResult, reader: str) -> Rows:
    """A document's result as the rows `claim_store` writes for it."""
    scratch = _scratch()
    db = scratch.db
    db.execute("BEGIN")
    try:
        claim_store._replace(db, result, reader)  # the store's own writer
        claims = db.execute(f"SELECT {scratch.claim_columns} FROM claims ORDER BY id").fetchall()
        mentions = db.execute("SELECT * FROM mentions ORDER BY rowid").fetchall()
        state = db.execute("SELECT * FROM read_state").fetchone()
    finally:
        db.execute("ROLLBACK")
    return Rows(result.doc_id, claims, mentions, state, result.skipped_sentences)


def write_rows(store: Store, batch: Iterable[Rows]) -> None:
    """Swap these documents' claims and mentions for the rows given, in one transaction."""
    scratch = _scratch()
    marks = scratch.marks
    with store.transaction() as db:
        for rows in batch:
            db.execute("DELETE FROM claims WHERE doc_id = ?", (rows.doc_id,))
            db.execute("DELETE FROM mentions WHERE doc_id = ?", (rows.doc_id,))
            db.executemany(f"INSERT INTO claims({scratch.claim_columns})"
                           f" VALUES ({marks['claims']})", rows.claims)
            db.executemany(f"INSERT INTO mentions VALUES ({marks['mentions']})", rows.mentions)
            db.execute(f"INSERT OR REPLACE INTO read_state VALUES ({marks['read_state']})",
                       rows.read_state)
