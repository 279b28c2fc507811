"""One-time ids already seen, each with its expiry, in a small SQLite file beside a store.

The CDS service refuses a replayed token (`jti`) with it, on whichever server process
the replay lands: the id is the table's primary key, so a second insert fails
wherever it is tried. It is a file of its own, not a table of the store: a write
there (one per call) would move the store's data_version, on which every
connection's caches of the knowledge key, so each call would rebuild them (3 calls/s
instead of hundreds on 2 workers).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

PURGE_EVERY = 1000
"""Ids recorded between two sweeps of the expired ones."""


class SeenIds:
    """Ids seen before, shared by every process that opens the same file."""

    def __init__(self, connection: sqlite3.Connection, grace_s: float = 0.0) -> None:
        self._db = connection
        self._grace_s = grace_s
        """How long past its expiry an id is still kept (the clock skew a token is allowed)."""
        self._db.execute("CREATE TABLE IF NOT EXISTS seen_ids"
                         " (id TEXT PRIMARY KEY, expires REAL NOT NULL) WITHOUT ROWID")
        self._inserted = 0

    @classmethod
    def open(cls, path: Path, grace_s: float = 0.0) -> SeenIds:
        """The ids kept in the file at `path` (made if missing)."""
        db = sqlite3.connect(path, isolation_level=None, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # a lost id on power loss: harmless
        return cls(db, grace_s)

    @classmethod
    def beside(cls, store: Path, suffix: str, grace_s: float = 0.0) -> SeenIds:
        """The ids kept in the file named like the store plus `suffix`, next to it."""
        return cls.open(store.with_name(store.name + suffix), grace_s)

    def first_use(self, seen_id: str, expires: float) -> bool:
        """Record the id; False when it was recorded before (expired ids are swept now and then)."""
        try:
            self._db.execute("INSERT INTO seen_ids VALUES (?, ?)", (seen_id, expires))
        except sqlite3.IntegrityError:
            return False
        self._inserted += 1
        if self._inserted % PURGE_EVERY == 0:
            self._db.execute("DELETE FROM seen_ids WHERE expires < ?",
                             (time.time() - self._grace_s,))
        return True
