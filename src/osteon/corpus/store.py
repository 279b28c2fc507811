"""The SQLite store: documents, sections and sentences, with an FTS5 index.

One file holds the corpus. Each document is written in one transaction, so a
crash or a kill mid-ingest leaves whole documents only; WAL journaling keeps
readers working while a writer ingests. Later stages (claims, assertions) add
their own tables to the same file.

A store that cannot be written (a read-only file, folder or mount) is opened
read-only, so the commands that only read still answer. A write that fails
because the disk is full, or because the store is read-only, is rolled back
and raised as a one-line `StoreFullError` / `StoreReadOnlyError`.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.request import pathname2url

from osteon.corpus.records import (
    Document,
    DocumentDescription,
    DocumentSummary,
    DroppedLine,
    PageCoverage,
    SearchHit,
    Section,
    Sentence,
    SentencePlace,
)
from osteon.corpus.scripts import fts_phrase, indexed_text, unspaced
from osteon.errors import DocumentNotFound, StoreError, StoreFullError, StoreReadOnlyError

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    format TEXT NOT NULL,
    origin TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    n_sections INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL,
    meta TEXT NOT NULL,
    notes TEXT NOT NULL,
    dropped TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS sections (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    parent_idx INTEGER,
    level INTEGER NOT NULL,
    heading TEXT,
    heading_start INTEGER,
    heading_end INTEGER,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    path TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    section_idx INTEGER NOT NULL,
    block_idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (doc_id, idx)
);
CREATE VIEW IF NOT EXISTS sentences_indexed AS
    SELECT id, indexed_text(text) AS text FROM sentences;
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, content='sentences_indexed', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, indexed_text(new.text));
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text)
        VALUES ('delete', old.id, indexed_text(old.text));
END;
"""


T = TypeVar("T")
STEM_CACHE = 50_000
"""Words whose stems a store remembers (questions reuse their words)."""
PAGE_CACHE_KIB = 65_536
"""SQLite's page cache per connection, at most (KiB; filled only as pages are read). Its
default, 2 MiB, holds little of a 10,000-document store: an answer's lookups evicted each
other's pages and read ~1,800 pages a question back from the file (a system call each);
with 64 MiB a warm server reads almost none, and answers take ~15 % less CPU."""
NAME_WORD = re.compile(r"[a-z][a-z0-9]+")
"""A word of a document's id, title or address (ids join words with "_", addresses with "/",
"." and "-")."""
_FILE_PATH = re.compile(r"(?:file://|/|~|\.{1,2}/|[A-Za-z]:[\\/])")
"""An address that is a file path, not a web address or a description."""


def _named_part(origin: str | None) -> str | None:
    """What of a document's address may name it: a file path's file name only.

    A web address and a description count whole; the folders a user keeps pages in name
    none of them (a test's temporary folder named after it made its words "mentioned").
    """
    if origin and _FILE_PATH.match(origin):
        return re.split(r"[\\/]", origin)[-1]
    return origin


HELD_CACHE = 50_000
"""Words and phrases a store remembers holding or not, per version of its sentences."""
CAPITALS_SAMPLE = 50
"""Sentences looked at to tell whether the sources write a word only in capitals."""
PLACES_CACHE = 20_000
"""Sentences (text, place, headings) a store remembers, per version of its sentences."""
HOLDING_CACHE = 500
"""Words whose documents (`documents_holding`) are remembered per version of the store: each
holds at most the rows a caller bounds its words by (ask: context.max_rows together)."""
OPENING_CACHE = 200
"""Openings searched (`sentences_opening`) remembered per version of the store: a concept's
defining sentences are the same whichever words ask what it is."""
HEADED_CACHE = 2_000
"""Phrases looked up in titles and headings (`headed`) remembered per version of the store."""
URL = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?(?P<host>[^/:?#]+)", re.IGNORECASE)
FILE_NAME = re.compile(r"[^/\\]+?(?=\.\w{1,5}$|$)")
"""A file's name without its extension: the name a reader saved a page by."""
ORIGIN_WORD = re.compile(r"[^\W_]+")
HOST_PARTS = frozenset({"www", "com", "org", "net", "gov", "edu", "info", "io", "co", "uk",
                        "de", "fr", "ca", "au", "nih", "html", "htm"})
"""Parts of a host that name no site: "www.imaios.com" is IMAIOS."""
SQL_CHUNK = 900
"""Ids bound per `IN (...)` query: far below SQLite's bound-parameter limit."""


_FAULT_MESSAGES: dict[type[StoreError], str] = {
    StoreFullError: "the disk is full: {path} could not be written, and the change was rolled "
                    "back: nothing was changed (free some space, then run again)",
    StoreReadOnlyError: "the store {path} is read-only here: nothing can be written to it "
                        "(make the file and its folder writable to ingest or read documents)",
}
"""One line per fault, naming the store and what to do."""
_SQLITE_FAULTS: dict[str, type[StoreError]] = {
    "SQLITE_FULL": StoreFullError,
    "SQLITE_READONLY": StoreReadOnlyError,  # and its extended codes (_DBMOVED, _CANTINIT ...)
}
_SQLITE_FAULT_TEXTS: dict[str, type[StoreError]] = {
    "database or disk is full": StoreFullError,
    "readonly database": StoreReadOnlyError,
}
"""For errors that carry no error name (raised by hand, or by an older sqlite3 module)."""
_OS_FAULTS: dict[int, type[StoreError]] = {
    errno.ENOSPC: StoreFullError, errno.EDQUOT: StoreFullError,
    errno.EROFS: StoreReadOnlyError, errno.EACCES: StoreReadOnlyError,
    errno.EPERM: StoreReadOnlyError,
}


def store_fault(exc: BaseException, path: str | Path) -> StoreError | None:
    """The one-line error for a full disk or a read-only store behind `exc`, else None."""
    kind: type[StoreError] | None = None
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", None) or ""
        kind = next((k for prefix, k in _SQLITE_FAULTS.items() if name.startswith(prefix)),
                    None)
        if kind is None:
            text = str(exc).lower()
            kind = next((k for words, k in _SQLITE_FAULT_TEXTS.items() if words in text), None)
    elif isinstance(exc, OSError) and exc.errno is not None:
        kind = _OS_FAULTS.get(exc.errno)
    if kind is None:
        return None
    return kind(_FAULT_MESSAGES[kind].format(path=path))


@contextmanager
def faults_as_errors(path: str | Path) -> Iterator[None]:
    """Raise a full disk or a read-only store that SQLite met in the block as its one-line error.

    Only SQLite's errors: an OSError in the block may be about some other file.
    """
    try:
        yield
    except sqlite3.Error as exc:
        fault = store_fault(exc, path)
        if fault is None:
            raise
        raise fault from exc


def writable(path: Path) -> bool:
    """Whether this process may write the store file (or create it) and its companions.

    os.access sees read-only mounts even for root; for plain permissions root
    passes, and a write SQLite then refuses is caught as a fault instead.
    """
    folder = path.parent if path.parent.exists() else next(
        (p for p in path.parents if p.exists()), Path("."))
    if not os.access(folder, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def chunked(items: Sequence[T], size: int = SQL_CHUNK) -> Iterator[list[T]]:
    """Slices of `items` small enough to bind in one `IN (...)` query."""
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def sentence_chunks(keys: Iterable[tuple[str, int]]) -> Iterator[tuple[str, list[int], str]]:
    """(doc id, sentence indexes, their `?` marks) per document, in `IN (...)`-sized chunks.

    How every lookup of sentences by (doc id, index) keys groups them: one query per
    document and chunk, using the (doc_id, idx) index.
    """
    by_doc: dict[str, list[int]] = {}
    for doc_id, idx in keys:
        by_doc.setdefault(doc_id, []).append(idx)
    for doc_id, indexes in by_doc.items():
        for chunk in chunked(sorted(set(indexes))):
            yield doc_id, chunk, ",".join("?" * len(chunk))


def keys_json(keys: Iterable[tuple[str, int]]) -> tuple[list[tuple[str, int]], str]:
    """(doc id, index) keys once each, and as one JSON object (doc id → indexes) for `KEYS_JOIN`.

    The keys in the order a lookup per document returned them (documents as first met,
    indexes ascending). A question's candidate sentences lie in a hundred documents of
    a large corpus: one query for all cost a quarter to a third less than a query per
    document, on the five seeds' store too (one JSON pair per key instead cost more).
    """
    wanted, bound = _by_document(keys)
    return wanted, json.dumps(bound)


def _by_document(keys: Iterable[tuple[str, int]]
                 ) -> tuple[list[tuple[str, int]], dict[str, list[int]]]:
    """The keys once each in `keys_json`'s order, and each document's indexes ascending."""
    by_doc: dict[str, list[int]] = {}
    for doc_id, idx in keys:
        by_doc.setdefault(doc_id, []).append(idx)
    bound = {doc_id: sorted(set(indexes)) for doc_id, indexes in by_doc.items()}
    return [(doc_id, idx) for doc_id, indexes in bound.items() for idx in indexes], bound


KEYS_JOIN = ("json_each(?) AS k CROSS JOIN {table} ON {doc} = k.key"
             " AND {idx} IN (SELECT value FROM json_each(k.value))")
"""The rows of a table at the keys bound as `keys_json`'s object: per document, its
indexes looked up by the table's (doc id, index) index (CROSS JOIN keeps the documents the
outer loop)."""


def _index_functions(db: sqlite3.Connection) -> None:
    """The SQL functions the schema's index view and triggers call (`indexed_text`)."""
    db.create_function("indexed_text", 1, indexed_text, deterministic=True)


class Store:
    """A connection to one osteon store file."""

    def __init__(self, path: Path, connection: sqlite3.Connection, *,
                 read_only: bool = False) -> None:
        self.path = path
        self._db = connection
        _index_functions(connection)
        self._db.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        self.read_only = read_only
        """Opened read-only: every write raises StoreReadOnlyError before it starts."""
        self._depth = 0
        """Open `transaction()` blocks: only the outermost begins and commits."""
        self._derived: tuple[tuple[object, ...] | None, dict[str, Any]] = (None, {})
        self._stamped: tuple[tuple[int, int] | None, tuple[object, ...]] = (None, ())
        """(data_version, total_changes) when `_version` last read the sentences, and it."""
        self._has_query_tables = False
        self._tokenizer: sqlite3.Connection | None = None
        self._stem_cache: dict[str, str] = {}

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool | None = None) -> Store:
        """Open (creating if needed) the store at `path` and check its schema version.

        `read_only` None decides by the file system: a store this process may not
        write is opened read-only (and a store SQLite then finds read-only, too).
        """
        path = Path(path)
        if read_only is None:
            read_only = path.exists() and not writable(path)
        if read_only:
            return cls._open_read_only(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            _index_functions(db)
            db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            fault = store_fault(exc, path)
            if isinstance(fault, StoreReadOnlyError) and path.exists():
                return cls._open_read_only(path)
            raise fault or StoreError(f"{path}: cannot open the store: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the store folder: {exc.strerror}") from exc
        store = cls(path, db)
        version = store.get_meta("schema_version")
        if version is None:
            with faults_as_errors(path):
                store.set_meta("schema_version", SCHEMA_VERSION)
        elif version != SCHEMA_VERSION:
            db.close()
            raise StoreError(f"{path}: store schema {version}, this osteon reads {SCHEMA_VERSION}; "
                             "move the file away and run again to rebuild")
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        """Open an existing store for reading only: `mode=ro`, else `immutable=1`.

        `mode=ro` still sees a WAL's committed pages; when SQLite cannot use the
        WAL's index read-only (no -shm, and a folder it may not create one in),
        `immutable=1` reads the main file as it stands.
        """
        base = "file:" + pathname2url(str(path.resolve()))
        last: sqlite3.Error | None = None
        for flags in ("?mode=ro", "?immutable=1"):
            try:
                db = sqlite3.connect(base + flags, uri=True, isolation_level=None, timeout=30)
                db.execute("PRAGMA query_only=ON")
                tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
            except sqlite3.DatabaseError as exc:
                last = exc
                continue
            if not {"meta", "documents", "sentences"} <= tables:
                db.close()
                raise StoreReadOnlyError(f"{path}: the store is read-only here and is not a "
                                         "whole osteon store; open it once where it can be "
                                         "written")
            version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'"
                                 ).fetchone()
            if version is None or version[0] != SCHEMA_VERSION:
                db.close()
                raise StoreError(f"{path}: store schema {version[0] if version else 'unknown'}"
                                 f", this osteon reads {SCHEMA_VERSION}, and the store is "
                                 "read-only here, so it cannot be rebuilt")
            return cls(path, db, read_only=True)
        raise StoreError(f"{path}: cannot open the read-only store: {last}")

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection, for later stages that keep their own tables here."""
        return self._db

    def close(self) -> None:
        """Close the connection (and the private one that stems query words)."""
        self._db.close()
        if self._tokenizer is not None:
            self._tokenizer.close()

    def copy_to(self, path: str | Path) -> Path:
        """A consistent copy of the whole store at `path`, made while others may write.

        SQLite's online backup: a scratch store to change (documents left out) without
        touching this one. A full disk is its one-line error.
        """
        target = sqlite3.connect(path)
        try:
            with faults_as_errors(path):
                self._db.backup(target)
        finally:
            target.close()
        return Path(path)

    @contextmanager
    def osteon_errors(self) -> Iterator[None]:
        """SQLite's operational errors in the block as osteon's StoreError, naming this store.

        A lock held too long, a damaged file, a table missing: a face catches only
        osteon's errors (OsteonError), never sqlite3's.
        """
        try:
            yield
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block as one write transaction: all of it lands, or none.

        BEGIN IMMEDIATE takes the write lock at once (waiting up to the busy timeout
        for another writer), so a check made inside the block still holds when the
        block writes. A block inside another is part of the outer transaction. A full
        disk or a read-only store rolls everything back and raises its one-line error.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self._db
            finally:
                self._depth -= 1
            return
        if self.read_only:
            raise StoreReadOnlyError(_FAULT_MESSAGES[StoreReadOnlyError].format(path=self.path))
        with faults_as_errors(self.path):
            if self._db.in_transaction:  # a transaction a failed rollback left open
                self._db.execute("ROLLBACK")
            self._db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    try:
                        self._db.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass  # the error that brought us here says more
                raise
            finally:
                self._depth = 0

    def get_meta(self, key: str) -> str | None:
        """Read a store-level setting."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Write a store-level setting."""
        if self.read_only:
            raise StoreReadOnlyError(_FAULT_MESSAGES[StoreReadOnlyError].format(path=self.path))
        with faults_as_errors(self.path):
            self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                             (key, value))

    def find_by_origin(self, origin: str) -> tuple[str, str] | None:
        """Return (id, content hash) of the document ingested from `origin`, if any."""
        row = self._db.execute("SELECT id, content_hash FROM documents WHERE origin = ?",
                               (origin,)).fetchone()
        return (row[0], row[1]) if row else None

    def find_by_hash(self, content_hash: str) -> str | None:
        """Return the id of a document with exactly this content, if any."""
        row = self._db.execute("SELECT id FROM documents WHERE content_hash = ? LIMIT 1",
                               (content_hash,)).fetchone()
        return row[0] if row else None

    def has_id(self, doc_id: str) -> bool:
        """Tell whether a document id is taken."""
        return self._db.execute("SELECT 1 FROM documents WHERE id = ?",
                                (doc_id,)).fetchone() is not None

    def put(self, doc: Document) -> None:
        """Write a document, replacing any stored one with the same id, in one transaction."""
        with self.transaction() as db:
            _delete(db, doc.id)
            db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.title, doc.kind, doc.format, doc.origin, doc.content_hash, doc.text,
                 len(doc.sections), len(doc.sentences), json.dumps(doc.meta),
                 json.dumps(list(doc.notes)),
                 json.dumps([[d.start, d.end, d.rule] for d in doc.dropped]),
                 datetime.now(UTC).isoformat(timespec="seconds")),
            )
            db.executemany(
                "INSERT INTO sections VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(doc.id, s.idx, s.parent_idx, s.level, s.heading, s.heading_start, s.heading_end,
                  s.start, s.end, json.dumps(list(s.path))) for s in doc.sections],
            )
            db.executemany(
                "INSERT INTO sentences(doc_id, idx, section_idx, block_idx, kind, start, end, text)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(doc.id, s.idx, s.section_idx, s.block_idx, s.kind, s.start, s.end, s.text)
                 for s in doc.sentences],
            )

    def delete(self, doc_id: str) -> bool:
        """Remove a document and everything under it; tell whether it existed."""
        with self.transaction() as db:
            return _delete(db, doc_id)

    def summaries(self) -> list[DocumentSummary]:
        """Every stored document, ordered by id."""
        rows = self._db.execute(
            "SELECT id, title, kind, format, origin, content_hash, n_sections, n_sentences,"
            " ingested_at FROM documents ORDER BY id").fetchall()
        return [DocumentSummary(*row) for row in rows]

    def ids(self) -> list[str]:
        """Every stored document id, sorted."""
        return [r[0] for r in self._db.execute("SELECT id FROM documents ORDER BY id")]

    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Titles of some documents (missing ids are left out)."""
        found: dict[str, str] = {}
        for chunk in chunked(sorted(set(doc_ids))):
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(
                f"SELECT id, title FROM documents WHERE id IN ({marks})", chunk).fetchall())
        return found

    def titled(self, phrase: str) -> list[str]:
        """The documents whose title holds the phrase (case folded): a title a reader quotes."""
        pattern = _like_pattern(phrase)
        if pattern is None:
            return []
        return [doc for (doc,) in self._db.execute(
            "SELECT id FROM documents WHERE lower(title) LIKE ? ESCAPE '\\' ORDER BY id",
            (pattern,)).fetchall()]

    def headed(self, phrase: str, *, titles_only: bool = False) -> list[str]:
        """The documents whose title or a section heading holds the phrase (case folded).

        A byline or a heading ("Joseph Suchanek", "A Human Prison") is no sentence, so the
        full-text index does not hold it; a reader still names the page by it. With
        `titles_only`, only the documents' titles are looked at. Remembered per version of
        the store: a question's names are looked up by each stage that asks which pages it
        names.
        """
        pattern = _like_pattern(phrase)
        if pattern is None:
            return []
        known = self.per_version("headed", HEADED_CACHE)
        key = (pattern, titles_only)
        if key not in known:
            known[key] = tuple(self._headed(phrase, pattern, titles_only))
        return list(known[key])

    def _headed(self, phrase: str, pattern: str, titles_only: bool) -> list[str]:
        """`headed`, read from the sections and documents tables."""
        # LIKE finds the phrase inside words too ("Lee" in "sleeve"): only a whole-word one
        # names the page
        whole = re.compile(r"(?<!\w)" + re.escape(
            _APOSTROPHES.sub("'", " ".join(phrase.split()).casefold())) + r"(?!\w)")
        titles = "SELECT id, title FROM documents WHERE lower(title) LIKE ?1 ESCAPE '\\'"
        return sorted({doc for doc, text in self._db.execute(
            titles if titles_only else
            "SELECT doc_id, heading FROM sections WHERE lower(heading) LIKE ?1 ESCAPE '\\'"
            f" UNION {titles}", (pattern,)).fetchall()
            if whole.search(_APOSTROPHES.sub("'", " ".join(text.split()).casefold()))})

    def origin_named(self, word: str) -> list[str]:
        """The documents whose origin names the word: a web site's name, a file's name.

        A reader names a page by where it came from ("the IMAIOS case", "the Medscape
        piece"), which its text need not say: the host of a URL (without "www" and its
        suffix) and the words of a file's name are looked at, nothing else of the origin
        (a seed's origin describes it, "scraped FAQ page", and names nothing).
        """
        known = self._this_version()
        if "origin_words" not in known:  # each word's documents, once per version of the store
            named: dict[str, list[str]] = {}
            for doc, origin in self._db.execute("SELECT id, origin FROM documents ORDER BY id"):
                for w in origin_words(origin):
                    named.setdefault(w, []).append(doc)
            known["origin_words"] = named
        return list(known["origin_words"].get(word.casefold(), ()))

    def get(self, doc_id: str) -> Document:
        """Load a whole document with its sections and sentences."""
        row = self._db.execute(
            "SELECT id, title, kind, format, origin, content_hash, text, meta, notes, dropped"
            " FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise DocumentNotFound(doc_id, self.ids())
        sections = tuple(
            Section(idx, level, heading, hs, he, start, end, parent, tuple(json.loads(path)))
            for idx, parent, level, heading, hs, he, start, end, path in self._db.execute(
                "SELECT idx, parent_idx, level, heading, heading_start, heading_end, start, end,"
                " path FROM sections WHERE doc_id = ? ORDER BY idx", (doc_id,)))
        sentences = tuple(
            Sentence(*r) for r in self._db.execute(
                "SELECT idx, section_idx, block_idx, kind, start, end, text FROM sentences"
                " WHERE doc_id = ? ORDER BY idx", (doc_id,)))
        return Document(
            id=row[0], title=row[1], kind=row[2], format=row[3], origin=row[4],
            content_hash=row[5], text=row[6], sections=sections, sentences=sentences,
            dropped=tuple(DroppedLine(*d) for d in json.loads(row[9])),
            notes=tuple(json.loads(row[8])), meta=json.loads(row[7]),
        )

    def count_sentences(self, doc_id: str | None = None) -> int:
        """Count stored sentences, of one document or of all (that count kept per version)."""
        if doc_id is None:
            cache = self._this_version()
            if "sentences" not in cache:
                cache["sentences"] = self._db.execute("SELECT count(*) FROM sentences"
                                                      ).fetchone()[0]
            return cache["sentences"]
        return self._db.execute("SELECT count(*) FROM sentences WHERE doc_id = ?",
                                (doc_id,)).fetchone()[0]

    def integrity_problems(self) -> list[str]:
        """Run SQLite's integrity check and osteon's own: every document whole."""
        problems = [r[0] for r in self._db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        for doc_id, expected, found in self._db.execute(
            "SELECT d.id, d.n_sentences, (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)"
            " FROM documents d"):
            if expected != found:
                problems.append(f"{doc_id}: {found} of {expected} sentences stored")
        orphans = self._db.execute(
            "SELECT count(*) FROM sentences WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} sentences belong to no document")
        try:
            self._db.execute("INSERT INTO sentences_fts(sentences_fts, rank) "
                             "VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index out of step with sentences: {exc}")
        return problems

    def search(self, query: str, limit: int = 10) -> list[tuple[str, int, str, float]]:
        """Full-text search of sentences: (doc id, sentence idx, text, bm25) best first.

        The query is taken as plain words, each quoted, so FTS5 syntax typed by
        a user (quotes, `*`, `NEAR(`, `OR`) can never raise a syntax error.
        """
        words = "".join(c if c.isalnum() else " " for c in query).split()
        return [(h.doc_id, h.idx, h.text, h.score) for h in self.search_words(words, limit)]

    def search_words(self, words: Iterable[str], limit: int = 10,
                     doc_ids: Sequence[str] = ()) -> list[SearchHit]:
        """Sentences matching any of `words` (each quoted: no FTS syntax), best BM25 first.

        With `doc_ids`, only sentences of those documents (scored against the whole
        index, so their scores compare with an unrestricted search's).
        """
        safe = [fts_phrase(w) for w in dict.fromkeys(words) if w.strip()]
        if not safe:
            return []
        query = " OR ".join(safe)
        if not doc_ids:
            return self._search(query, "", (), limit)
        hits: list[SearchHit] = []
        for doc_id in doc_ids:
            # a document's sentences hold consecutive ids: the index reads only that range
            first, last, count = self._db.execute(
                "SELECT min(id), max(id), count(*) FROM sentences WHERE doc_id = ?",
                (doc_id,)).fetchone()
            if not count:
                continue
            if last - first + 1 == count:
                hits += self._search(query, " AND sentences_fts.rowid BETWEEN ? AND ?",
                                     (first, last), limit)
            else:
                hits += self._search(query, " AND sentences_fts.rowid IN"
                                     " (SELECT id FROM sentences WHERE doc_id = ?)",
                                     (doc_id,), limit)
        return sorted(hits, key=lambda h: h.score)[:limit]

    def _search(self, query: str, where: str, params: tuple[object, ...], limit: int
                ) -> list[SearchHit]:
        # ranked inside the index first, and only the `limit` best joined to their
        # sentences: joining first reads the row of every matching sentence (thousands
        # for a common word on a large corpus) to keep a few
        rows = self._db.execute(
            "SELECT s.doc_id, s.idx, s.start, s.end, s.text, f.score FROM"
            " (SELECT rowid AS id, bm25(sentences_fts) AS score FROM sentences_fts"
            f"  WHERE sentences_fts MATCH ?{where} ORDER BY score LIMIT ?) AS f"
            " JOIN sentences s ON s.id = f.id ORDER BY f.score",
            (query, *params, limit)).fetchall()
        return [SearchHit(*row) for row in rows]

    def sentences_opening(self, phrases: Iterable[str], limit: int) -> list[SearchHit]:
        """Sentences that open with one of the phrases (an initial-token search), best first.

        "Heterotopic ossification (HO) is …" opens with "heterotopic ossification ho is":
        the index's tokens, so brackets and case do not matter.
        """
        tokens = (" ".join("".join(c if c.isalnum() else " " for c in p).split())
                  for p in phrases)
        # (an opening in Chinese or Japanese is not looked for: its words hold no order)
        safe = [f'^{fts_phrase(t)}' for t in dict.fromkeys(tokens) if t and not unspaced(t)]
        if not safe:
            return []
        # remembered per version: "what is soft tissue ossification?" and "what does
        # heterotopic bone formation mean?" search the same openings, and an opening
        # phrase with "is" reads that word's long position lists (70 ms on 300 documents)
        known = self.per_version("opening", OPENING_CACHE)
        key = (tuple(safe), limit)
        if key not in known:
            known[key] = tuple(self._search(" OR ".join(safe), "", (), limit))
        return list(known[key])

    def sentence_keys(self, doc_ids: Sequence[str], up_to: int) -> list[tuple[str, int]]:
        """(doc id, index) of every sentence of the documents holding at most `up_to`.

        A short page can be read whole; a long one is left to search.
        """
        if not doc_ids:
            return []
        marks = ",".join("?" * len(doc_ids))
        return [(doc_id, idx) for doc_id, idx in self._db.execute(
            f"SELECT s.doc_id, s.idx FROM sentences s JOIN documents d ON d.id = s.doc_id"
            f" WHERE s.doc_id IN ({marks}) AND d.n_sentences <= ? ORDER BY s.doc_id, s.idx",
            (*doc_ids, up_to))]

    def sentences_headed(self, doc_ids: Sequence[str], heading: re.Pattern[str], limit: int
                         ) -> list[tuple[str, int]]:
        """(doc id, index) of the first sentences under the headings the pattern finds.

        "Adverse Reactions:" then "Diarrhea, nausea, …": the sentence names neither the drug
        nor side effects; its heading (or label line) says what it lists.
        """
        if not doc_ids:
            return []
        marks = ",".join("?" * len(doc_ids))
        sections = [(doc_id, idx) for doc_id, idx, text in self._db.execute(
            f"SELECT doc_id, idx, heading FROM sections WHERE doc_id IN ({marks})"
            " AND heading IS NOT NULL", tuple(doc_ids)) if heading.search(text)]
        found: list[tuple[str, int]] = []
        for doc_id, idx in sections:
            found.extend(self._db.execute(
                "SELECT doc_id, idx FROM sentences WHERE doc_id = ? AND section_idx = ?"
                " ORDER BY idx LIMIT ?", (doc_id, idx, limit)).fetchall())
        # a label line kept as a sentence ("Adverse Reactions:") heads what follows it too
        labels = [(doc_id, idx) for doc_id, idx, text in self._db.execute(
            f"SELECT doc_id, idx, text FROM sentences WHERE doc_id IN ({marks})"
            " AND text LIKE '%:'", tuple(doc_ids)) if heading.search(text)]
        found.extend((doc_id, i) for doc_id, idx in labels
                     for i in range(idx + 1, idx + 1 + limit))
        known = self.sentence_texts(found)
        return [key for key in dict.fromkeys(found) if key in known]

    def documents_holding(self, words: Iterable[str]) -> PageCoverage:
        """Which documents hold each word, in how many of their sentences, and their lengths.

        What a whole page covers of a question, beyond any one of its sentences (a
        page-level BM25 is built from it); a caller bounds the cost by asking only for
        words few sentences hold.
        """
        held: dict[str, dict[str, int]] = {}
        lengths: dict[str, int] = {}
        # each word's rows remembered per version of the store: a question's rarer words
        # ("bisphosphonates", "hip") come back in other questions
        known = self.per_version("holding", HOLDING_CACHE)
        for word in dict.fromkeys(w for w in words if w.strip()):
            rows = known.get(word)
            if rows is None:
                quoted = fts_phrase(word)
                rows = known[word] = tuple(self._db.execute(
                    "SELECT s.doc_id, count(*), d.n_sentences FROM sentences_fts"
                    " JOIN sentences s ON s.id = sentences_fts.rowid"
                    " JOIN documents d ON d.id = s.doc_id"
                    " WHERE sentences_fts MATCH ? GROUP BY s.doc_id", (quoted,)))
            held[word] = {}
            for doc_id, count, length in rows:
                held[word][doc_id] = count
                lengths[doc_id] = length
        cache = self._this_version()
        if "totals" not in cache:  # once per version of the store, not per question
            cache["totals"] = self._db.execute(
                "SELECT count(*), coalesce(sum(n_sentences), 0) FROM documents").fetchone()
        documents, sentences = cache["totals"]
        return PageCoverage(held, lengths, documents, sentences)

    def descriptions(self, doc_ids: Iterable[str], lead_sentences: int,
                     lead_formats: Iterable[str]) -> list[DocumentDescription]:
        """What each document says of itself: kind, format, title, metadata.

        For the formats given, the text of its first sentences too (a paper's title and
        abstract), which tell what kind of study it is.
        """
        lead_formats = set(lead_formats)
        found: list[DocumentDescription] = []
        for chunk in chunked(sorted(set(doc_ids))):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT id, kind, format, title, meta FROM documents"
                                    f" WHERE id IN ({marks})", chunk).fetchall()
            leads: dict[str, list[str]] = {}
            led = [r[0] for r in rows if r[2] in lead_formats]
            if led:
                for doc_id, text in self._db.execute(
                        f"SELECT doc_id, text FROM sentences WHERE doc_id IN"
                        f" ({','.join('?' * len(led))}) AND idx < ? ORDER BY doc_id, idx",
                        [*led, lead_sentences]):
                    leads.setdefault(doc_id, []).append(text)
            found.extend(DocumentDescription(doc_id, kind, fmt, title or "", meta or "{}",
                                             " ".join(leads.get(doc_id, ())))
                         for doc_id, kind, fmt, title, meta in rows)
        return found

    def sentences_in(self, doc_ids: Sequence[str]) -> int:
        """How many sentences these documents hold (each document keeps its count)."""
        total = 0
        for chunk in chunked(list(doc_ids)):
            marks = ",".join("?" * len(chunk))
            total += self._db.execute(
                f"SELECT coalesce(sum(n_sentences), 0) FROM documents WHERE id IN ({marks})",
                chunk).fetchone()[0]
        return total

    def sentence_texts(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """The text of sentences by (doc id, index)."""
        found: dict[tuple[str, int], str] = {}
        for doc_id, chunk, marks in sentence_chunks(keys):
            for idx, text in self._db.execute(
                    f"SELECT idx, text FROM sentences WHERE doc_id = ? AND idx IN ({marks})",
                    [doc_id, *chunk]):
                found[(doc_id, idx)] = text
        return found

    def absent_words(self, words: Iterable[str]) -> list[str]:
        """The words no stored sentence contains (as the full-text index stems them).

        Remembered per version of the store: the same words (a concept's every name)
        are looked up question after question, and a phrase of common words that no
        sentence holds ("soft tissue ossification") costs a walk through every sentence
        holding its words: 10-40 ms each on a 10,000-document store.
        """
        held = self.per_version("held", HELD_CACHE)
        absent = []
        for word in dict.fromkeys(w for w in words if w.strip()):
            if word not in held:
                quoted = fts_phrase(word)
                held[word] = self._db.execute(
                    "SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT 1",
                    (quoted,)).fetchone() is not None
            if not held[word]:
                absent.append(word)
        return absent

    def only_in_capitals(self, words: Iterable[str]) -> frozenset[str]:
        """The words every stored sentence that holds them writes in capitals ("HOP").

        A question's lower-case "hop" ("the kangaroo that could not hop") is no search for
        the HOP trials; the index folds case, so the sentences' own writing tells. A word
        is looked at in up to `CAPITALS_SAMPLE` sentences, its inflections included (a
        source that writes "hopping" uses the word). Remembered per version of the store.
        """
        known = self.per_version("capitals", HELD_CACHE)
        found = set()
        for word in dict.fromkeys(w for w in words if w.isalpha()):
            if word not in known:
                written = [m.group() for text in self._sample_holding([word])
                           for m in re.finditer(rf"(?<![^\W\d_]){re.escape(word)}[^\W\d_]*",
                                                text, re.IGNORECASE)]
                known[word] = bool(written) and all(w.isupper() for w in written)
            if known[word]:
                found.add(word)
        return frozenset(found)

    def _sample_holding(self, words: Sequence[str]) -> list[str]:
        """Up to `CAPITALS_SAMPLE` stored sentences holding the words as one phrase."""
        phrase = fts_phrase(" ".join(words))
        return [text for (text,) in self._db.execute(
            "SELECT text FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?",
            (phrase, CAPITALS_SAMPLE))]

    def abbreviations_of(self, phrases: Iterable[str]) -> dict[str, frozenset[str]]:
        """The abbreviations the sources define for each phrase: "calcium sulfate (CS)".

        A page that defines "CS" writes it from then on: "As CS has historically been used
        as a bone void filler, there are concerns…" answers a question about calcium
        sulfate with none of its words. A phrase is looked at in up to `CAPITALS_SAMPLE`
        sentences holding it; remembered per version of the store.
        """
        known = self.per_version("abbreviations", HELD_CACHE)
        found: dict[str, frozenset[str]] = {}
        for phrase in dict.fromkeys(p for p in phrases if p.strip()):
            if phrase not in known:
                words = phrase.split()
                defined = re.compile(
                    r"(?<![^\W\d_])(?i:" + r"[\s-]+".join(map(re.escape, words))
                    + r")\s*\(\s*(?P<short>[A-Z][A-Za-z0-9-]{1,7})\s*[),;]")
                known[phrase] = frozenset(
                    m.group("short") for text in self._sample_holding(words)
                    for m in defined.finditer(text)
                    if sum(ch.isupper() for ch in m.group("short")) >= 2)
            if known[phrase]:
                found[phrase] = known[phrase]
        return found

    def writes(self, name: str) -> bool:
        """Whether some stored sentence writes `name` as given, its capitals kept ("MOVE").

        The index folds case: a source's "move" holds the word, never the MOVE trial's
        name. Every sentence holding the word is looked at (not a sample): a name asked
        for is rare, and one missed would say the sources never mention what they do.
        Remembered per version of the store.
        """
        known = self.per_version("written", HELD_CACHE)
        if name not in known:
            quoted = fts_phrase(name)
            exact = re.compile(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])")
            rows = self._db.execute("SELECT text FROM sentences_fts WHERE sentences_fts MATCH ?",
                                    (quoted,))
            # ... or a title or heading does ("STOPFOP" over its summary's sentences)
            like = "%" + name.replace("\\", "").replace("%", "").replace("_", "") + "%"
            named = self._db.execute(
                "SELECT title FROM documents WHERE title LIKE ? UNION ALL"
                " SELECT heading FROM sections WHERE heading LIKE ?", (like, like))
            known[name] = any(exact.search(text or "") for (text,) in (*rows, *named))
        return known[name]

    def vocabulary(self) -> list[str]:
        """Every term of the full-text index (stemmed), read once per version of the store."""
        cache = self._this_version()
        if "vocabulary" not in cache:
            self._query_tables()
            cache["vocabulary"] = [row[0] for row in self._db.execute(
                "SELECT term FROM temp.sentences_vocab")]
        return cache["vocabulary"]

    def source_names(self) -> frozenset[str]:
        """The words of every document's id, title, address and headings, once a version.

        Lower case. A question may name a source as its reader knows it ("the UPMC teaching case",
        "the JoVE protocol", "Assis and Garcia" of its byline) by words its text never holds.
        """
        cache = self._this_version()
        if "source_names" not in cache:
            rows = self._db.execute("SELECT id, title, origin FROM documents")
            headings = self._db.execute("SELECT heading FROM sections WHERE heading IS NOT NULL")
            cache["source_names"] = frozenset(
                word for fields in (*((i, t, _named_part(o)) for i, t, o in rows), *headings)
                for field in fields if field
                for word in NAME_WORD.findall(field.lower()))
        return cache["source_names"]

    def word_counts(self, words: Sequence[str]) -> dict[str, int]:
        """How many stored sentences hold each word, stemmed as the index stems it.

        Read from the index's own vocabulary (fts5vocab), so a word as common as
        "ossification" can be left out of a search before it costs a scan.
        """
        words = [w for w in dict.fromkeys(words) if w.strip()]
        if not words:
            return {}
        stems = self._stems(words)
        self._query_tables()
        counts = self._this_version().setdefault("term_counts", {})
        for term in {t for t in stems.values() if t} - counts.keys():
            # one term at a time: fts5vocab looks up `term = ?` directly, `IN` scans
            row = self._db.execute("SELECT doc FROM temp.sentences_vocab WHERE term = ?",
                                   (term,)).fetchone()
            counts[term] = row[0] if row else 0
        return {word: counts.get(stems[word], 0) for word in words}

    def _stems(self, words: Sequence[str]) -> dict[str, str]:
        """Each word as the index's tokenizer stems it ("" for none), remembered.

        The words go through an FTS5 table of the same tokenizer in a private in-memory
        database: nothing is written to the store's connection, whose change count
        tells the knowledge base whether anything changed.
        """
        todo = [w for w in words if w not in self._stem_cache]
        if todo:
            if self._tokenizer is None:
                self._tokenizer = sqlite3.connect(":memory:", check_same_thread=False)
                self._tokenizer.executescript(
                    "CREATE VIRTUAL TABLE words USING fts5(word, tokenize='porter unicode61"
                    " remove_diacritics 2');"
                    "CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, 'instance');")
            db = self._tokenizer
            db.execute("DELETE FROM words")
            db.executemany("INSERT INTO words(rowid, word) VALUES (?, ?)", list(enumerate(todo)))
            stems = {int(i): term for i, term in db.execute("SELECT doc, term FROM words_vocab")}
            if len(self._stem_cache) > STEM_CACHE:
                self._stem_cache.clear()
            for i, word in enumerate(todo):
                self._stem_cache[word] = stems.get(i, "")
        return {w: self._stem_cache[w] for w in words}

    def _query_tables(self) -> None:
        """The index's vocabulary as a temporary fts5vocab table.

        In the temp schema, so a read-only store has it too; creating it writes no row.
        """
        if self._has_query_tables:
            return
        # a read-only store's connection is query_only: lift it for this one temporary
        # table (mode=ro or immutable=1 still refuse any write to the store itself)
        guarded = self.read_only
        if guarded:
            self._db.execute("PRAGMA query_only=OFF")
        try:
            self._db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sentences_vocab"
                             " USING fts5vocab(main, sentences_fts, 'row')")
        finally:
            if guarded:
                self._db.execute("PRAGMA query_only=ON")
        self._has_query_tables = True

    def _this_version(self) -> dict[str, Any]:
        """What is worked out from the stored sentences, kept until they change.

        Their count, the index's vocabulary and its term counts: one cache, one version.
        """
        version = self._version()
        if self._derived[0] != version:
            self._derived = (version, {})
        return self._derived[1]

    def per_version(self, name: str, bound: int = PLACES_CACHE) -> dict[Any, Any]:
        """A cache of the caller's (`name`), emptied whenever anything stored changes.

        For what the knowledge stage reads of the stored rows (a sentence's mentions):
        it lives exactly as long as they do. Emptied past `bound` entries too.
        """
        cache = self._this_version().setdefault(name, {})
        if len(cache) > bound:
            cache.clear()
        return cache

    def change_stamp(self) -> tuple[int, int]:
        """Moves whenever anything is written, here or by another connection.

        SQLite's data_version (other connections' commits) and this connection's own
        change count: a cheap "has anything changed since?" for caches above the store.
        """
        return (self._db.execute("PRAGMA data_version").fetchone()[0],
                self._db.total_changes)

    def _version(self) -> tuple[object, ...]:
        """The stored sentences' version as this connection sees it.

        Their newest id and the number of documents (both move with any ingest or
        removal here), SQLite's data_version (it moves when another connection
        writes), and this connection's count of changed rows (it moves with any write
        here: a document replaced by one of as many sentences keeps the first two, and
        the sentences remembered must not outlive it).

        The first two are read again only when the last two moved (a question asks ~40
        times, and counting the documents cost more than the rest), or inside an open
        transaction (a rollback there takes rows back without moving the two stamps).
        """
        stamp = (self._db.execute("PRAGMA data_version").fetchone()[0], self._db.total_changes)
        if self._stamped[0] == stamp and not self._db.in_transaction:
            return self._stamped[1]
        row = self._db.execute("SELECT max(id), (SELECT count(*) FROM documents) FROM sentences"
                               ).fetchone()
        version = (*row, *stamp)
        self._stamped = (None if self._db.in_transaction else stamp, version)
        return version

    def sentence_places(self, keys: Iterable[tuple[str, int]]
                        ) -> dict[tuple[str, int], SentencePlace]:
        """Sentences by (doc id, index), each with its section headings and document title.

        One query for all (see `keys_json`), not one per document; remembered per version
        of the store, as plain tuples the cycle collector need not walk: an answer reads
        its quoted sentences again to cite them (half the lookups of the slowest question
        on the 10,000-document store), and the sentences about HO come back question after
        question.
        """
        wanted, _ = _by_document(keys)  # (the JSON only for those not remembered)
        known = self._this_version().setdefault("places", {})
        missing = [key for key in wanted if key not in known]
        if missing:
            if len(known) + len(missing) > PLACES_CACHE:
                known.clear()
                missing = wanted  # what was remembered went with the rest
            for (doc_id, idx, start, end, text, kind, path, title, source,
                 before) in self._db.execute(
                    "SELECT s.doc_id, s.idx, s.start, s.end, s.text, s.kind, sec.path, d.title,"
                    " substr(d.text, s.start + 1, s.end - s.start),"
                    f" CASE WHEN s.kind = 'list_item' THEN substr(d.text,"
                    f" max(1, s.start - {LINE_LOOK}), min(s.start, {LINE_LOOK + 1})) END"
                    f" FROM {KEYS_JOIN.format(table='sentences s', doc='s.doc_id', idx='s.idx')}"
                    " JOIN documents d ON d.id = s.doc_id"
                    " LEFT JOIN sections sec ON sec.doc_id = s.doc_id"
                    " AND sec.idx = s.section_idx", (keys_json(missing)[1],)):
                known[(doc_id, idx)] = (doc_id, idx, start, end, text, kind,
                                        tuple(json.loads(path)) if path else (), title, source,
                                        _indent(before, start))
        return {key: SentencePlace(*known[key]) for key in wanted if key in known}


LINE_LOOK = 47
"""Characters before a list item looked at for the start of its line (its indentation)."""


def _indent(before: str | None, start: int) -> int:
    """The indentation of the line a list item starts in, from the text before it; -1 unknown."""
    if before is None:
        return -1
    if "\n" not in before and start > len(before):
        return -1  # the line starts further back than was looked at
    line = before.rsplit("\n", 1)[-1].expandtabs(4)
    return len(line) - len(line.lstrip())


def _delete(db: sqlite3.Connection, doc_id: str) -> bool:
    db.execute("DELETE FROM sentences WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM sections WHERE doc_id = ?", (doc_id,))
    return db.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount > 0


def origin_words(origin: str) -> frozenset[str]:
    """The words by which an origin names its page (`Store.origin_named`), case folded.

    A URL's host ("www.imaios.com": imaios), a file path's file name ("…/imaios_case.txt":
    imaios, case; the name `_named_part` gives `source_names` too); an origin that is
    neither (a seed's description) names nothing.
    """
    if url := URL.match(origin):
        return frozenset(w for w in ORIGIN_WORD.findall(url.group("host").casefold())
                         if w not in HOST_PARTS)
    if not _FILE_PATH.match(origin):
        return frozenset()
    name = FILE_NAME.search(_named_part(origin.rstrip("/\\")) or "")
    return frozenset(ORIGIN_WORD.findall(name.group().casefold())) if name else frozenset()


def _like_pattern(phrase: str) -> str | None:
    """A LIKE pattern that finds the phrase (case folded, spaces as one) anywhere in a text.

    An apostrophe stands for any one ("You can't make this stuff up" is the title "You
    can’t make this stuff up": a reader types the straight one).
    """
    folded = " ".join(phrase.split()).casefold()
    if not folded:
        return None
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "%" + _APOSTROPHES.sub("_", escaped) + "%"


_APOSTROPHES = re.compile("['’‘`]")
