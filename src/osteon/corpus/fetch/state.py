"""Intake state: what was fetched, when, from which query, and how far a run got.

Two tables in the corpus store. `fetch_runs` holds one row per `osteon fetch`
(its query, the counts, its status); `fetch_items` one row per record a run
tried (stored or failed, with the reason). Each batch's rows are written in
the same transaction as its counts, so a run killed mid-way leaves a row saying
"running" with the counts of the batches that went in. The next run of the
same query finds it, says it resumes it, and fetches only what is not stored.

Whether a record is already stored is read from the documents themselves
(their PMID or PMCID in the meta), so a document ingested from an exported file,
or one deleted since, is judged by what the store holds now.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from osteon.corpus.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS fetch_runs (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    query TEXT NOT NULL,
    since TEXT,
    max_records INTEGER,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    found INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,
    already INTEGER NOT NULL DEFAULT 0,
    stored INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS fetch_items (
    run_id INTEGER NOT NULL REFERENCES fetch_runs(id) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    status TEXT NOT NULL,
    doc_id TEXT,
    message TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    PRIMARY KEY (run_id, uid)
);
"""

UID_KEYS = {"pubmed": "pmid", "pmc": "pmcid"}
"""The meta key that holds a source's record id in a stored document."""


@dataclass(frozen=True, slots=True)
class FetchRun:
    """One `osteon fetch`, as `osteon sources` lists it."""

    id: int
    source: str
    query: str
    since: str | None
    max_records: int | None
    started_at: str
    finished_at: str | None
    status: str
    """running (or killed while running), done, interrupted, failed."""
    found: int
    new: int
    already: int
    stored: int
    failed: int
    message: str


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    """What became of one fetched record."""

    uid: str
    status: str
    """stored, unchanged, duplicate or failed."""
    doc_id: str | None = None
    message: str = ""


def now() -> str:
    """The time as the tables keep it (UTC, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def ensure_tables(store: Store) -> None:
    """Create the intake tables if this store has none yet."""
    with store.transaction() as db:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)


def stored_uids(store: Store, source: str) -> set[str]:
    """The record ids (PMIDs, PMCIDs) of the documents the store holds now."""
    key = UID_KEYS[source]
    return {row[0] for row in store.connection.execute(
        f"SELECT json_extract(meta, '$.{key}') FROM documents"
        f" WHERE json_extract(meta, '$.{key}') IS NOT NULL")}


def unfinished(store: Store, source: str, query: str, since: str | None) -> FetchRun | None:
    """The last run of this query that never finished (killed, stopped by Ctrl-C, gave up)."""
    row = store.connection.execute(
        f"SELECT {_COLUMNS} FROM fetch_runs WHERE source = ? AND query = ? AND since IS ?"
        " AND status IN ('running', 'interrupted', 'failed') ORDER BY id DESC LIMIT 1",
        (source, query, since)).fetchone()
    return FetchRun(*row) if row else None


def start_run(store: Store, source: str, query: str, *, since: str | None,
              max_records: int | None, found: int, new: int, already: int,
              resumes: FetchRun | None = None) -> int:
    """Record a run as started; an unfinished run it takes over is marked as resumed."""
    with store.transaction() as db:
        if resumes is not None:
            db.execute("UPDATE fetch_runs SET status = 'resumed', message = ? WHERE id = ?",
                       (f"continued by a later run at {now()}", resumes.id))
        cursor = db.execute(
            "INSERT INTO fetch_runs (source, query, since, max_records, started_at, status,"
            " found, new, already) VALUES (?,?,?,?,?,?,?,?,?)",
            (source, query, since, max_records, now(), "running", found, new, already))
        return int(cursor.lastrowid or 0)


def record_batch(store: Store, run_id: int, outcomes: Iterable[ItemOutcome]) -> None:
    """Record one batch's outcomes and add them to the run's counts, in one transaction."""
    outcomes = list(outcomes)
    stamp = now()
    stored = sum(o.status != "failed" for o in outcomes)
    failed = len(outcomes) - stored
    with store.transaction() as db:
        db.executemany(
            "INSERT OR REPLACE INTO fetch_items (run_id, uid, status, doc_id, message, at)"
            " VALUES (?,?,?,?,?,?)",
            [(run_id, o.uid, o.status, o.doc_id, o.message, stamp) for o in outcomes])
        db.execute("UPDATE fetch_runs SET stored = stored + ?, failed = failed + ? WHERE id = ?",
                   (stored, failed, run_id))


def finish_run(store: Store, run_id: int, status: str, message: str = "") -> None:
    """Mark a run done, interrupted or failed, with when and why."""
    with store.transaction() as db:
        db.execute("UPDATE fetch_runs SET status = ?, finished_at = ?, message = ? WHERE id = ?",
                   (status, now(), message, run_id))


def runs(store: Store, limit: int | None = None) -> list[FetchRun]:
    """Every recorded fetch, newest first (none when this store never fetched)."""
    db = store.connection
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'fetch_runs'").fetchone() is None:
        return []
    rows = db.execute(f"SELECT {_COLUMNS} FROM fetch_runs ORDER BY id DESC"
                      + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
    return [FetchRun(*row) for row in rows]


_COLUMNS = ("id, source, query, since, max_records, started_at, finished_at, status, found,"
            " new, already, stored, failed, message")
