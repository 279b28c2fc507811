"""What the web app holds between requests: one KnowledgeBase and what is derived from it.

SQLite connections stay on the thread that made them, so the KnowledgeBase is
opened on the event loop's thread, which keeps the knowledge up to date and
does brief lookups. The heavy work of a request (answering a question,
assessing a patient, a CDS Hooks call) runs on one of a few reader threads,
each with its own connection (`AppState.run`): a slow request never holds up
the event loop, nor the requests behind it. Reading an uploaded document takes
seconds, so it runs on one ingest thread with a KnowledgeBase (connection and
reader) of its own, and the pages and the CDS service go on answering from the
knowledge as it was (SQLite's WAL lets them read while it writes). Views that cost more than a
query (the mechanism model) are kept per knowledge generation, so a new
document refreshes them and an unchanged store never rebuilds them.

Every request goes through the `KnowledgeBase` facade; how current its knowledge is, is the
facade's freshness policy: `SERVING` on the event loop (merge what others wrote at most every
REFRESH_S, never read), `AS_STORED` on the reader threads and while an upload is being read.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from osteon import IngestReport, KnowledgeBase
from osteon.corpus.store import Store
from osteon.freshness import AS_STORED, MERGE_ONLY, Freshness
from osteon.mechanism.records import MechanismGraph
from osteon.mechanism.simulate import Model
from osteon.settings import DEFAULT_WEB_MAX_BYTES
from osteon.web.uploads import Upload, kept_document

REFRESH_S = 30.0
"""Documents ingested by another process reach the app within this many seconds."""
UPLOADS_FOLDER = "uploads"
"""Beside the store file: the documents uploaded through the app, kept as sent."""
READERS = 2
"""Reader threads for the heavy work of requests: this many run at once, the rest queue.

Two per server process: one can wait on SQLite while the other holds the interpreter; more
only contend for it (one lock per process) and each warms a knowledge cache of its own.
Measured with `bench/cds_bench.py` on 2 cores, 2 workers (3 Dec 2026): at 300 calls/s open
loop, 4 readers fell behind (p99 466 and 1,390 ms), 2 readers gave p99 56, 94, 103, 109
and 169 ms in 5 runs, 1 reader 75-255 ms in 5."""
SERVING = Freshness(read=False, every_s=REFRESH_S)
"""The event loop's policy: a request never waits on reading, and merges at most this often."""
T = TypeVar("T")


class Reader:
    """One thread and the store connection only it uses (SQLite's rule), opened on first use.

    It reads the knowledge tables the event loop's KnowledgeBase keeps up to date; it
    never writes them (its KnowledgeBase is `AS_STORED`), so any number of readers agree
    with the loop's view.
    """

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.busy = 0
        self._pool = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._kb: KnowledgeBase | None = None
        """Touched on this reader's thread only."""

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        self.busy += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(
                self._pool, self._call, work, args)
        finally:
            self.busy -= 1

    def _call(self, work: Callable[..., T], args: tuple[Any, ...]) -> T:
        if self._kb is None:
            self._kb = KnowledgeBase(Store.open(self.path), AS_STORED)
        return work(self._kb, *args)

    def close(self) -> None:
        self._pool.submit(self._close).result()
        self._pool.shutdown()

    def _close(self) -> None:
        if self._kb is not None:
            self._kb.close()
            self._kb = None


@dataclass
class AppState:
    """The open knowledge base of one app process, and caches keyed on its generation."""

    store: str | Path | None
    base_url: str | None = None
    max_body: int = DEFAULT_WEB_MAX_BYTES
    """The largest request body taken (uploads, patient data, CDS calls); 413 past it."""
    kb: KnowledgeBase | None = None
    _ingesting: int = 0
    _pool: ThreadPoolExecutor | None = field(default=None, repr=False)
    _worker_kb: KnowledgeBase | None = field(default=None, repr=False)
    """The ingest thread's own KnowledgeBase: touched on that thread only."""
    _readers: list[Reader] = field(default_factory=list, repr=False)

    def open(self) -> KnowledgeBase:
        self.kb = KnowledgeBase.open(self.store, freshness=SERVING)
        self.kb.update_knowledge()  # the seeds and anything unread: read once, at start-up
        self.kb.warm()  # the lexicon, rules and hierarchy: the first request waits for none
        return self.kb

    def close(self) -> None:
        for reader in self._readers:
            reader.close()
        self._readers.clear()
        if self._pool is not None:
            self._pool.submit(self._close_worker).result()
            self._pool.shutdown()
            self._pool = None
        if self.kb is not None:
            self.kb.close()
            self.kb = None

    @property
    def base(self) -> KnowledgeBase:
        """The event loop's KnowledgeBase (its verbs answer as current as SERVING asks)."""
        if self.kb is None:
            raise RuntimeError("the app's knowledge base is not open (lifespan not started)")
        return self.kb

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        """`work(kb, *args)` on the least busy reader thread, off the event loop.

        The knowledge is brought up to date here first, as for any request; `work` gets
        the reader's own KnowledgeBase and must not touch `self.base` (another thread's).
        """
        self.base.current()
        if not self._readers:
            path = self.base.path
            self._readers = [Reader(path, f"osteon-reader-{i}") for i in range(READERS)]
        return await min(self._readers, key=lambda r: r.busy).run(work, *args)

    def refresh(self) -> None:
        """Merge the claims written since (by the ingest thread, or another process) now.

        Never reads a document: a request answers from what is stored. Documents are read
        at start-up (`open`), on the ingest thread, or by `osteon ingest` / `osteon read`.
        """
        self.base.current(MERGE_ONLY)

    def model(self) -> Model:
        """The mechanism model from the current knowledge (the facade rebuilds it as it moves)."""
        return self.base.model()

    def graph(self) -> MechanismGraph:
        return self.base.graph()

    async def ingest_upload(self, upload: Upload) -> IngestReport:
        """Keep an uploaded document beside the store, read it on the ingest thread, refresh."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="osteon-ingest")
        with kept_document(upload, self.base.path.parent / UPLOADS_FOLDER) as path:
            # Nothing merged on this thread meanwhile: the ingest thread reads and merges it.
            self._ingesting += 1
            self.base.freshness = AS_STORED
            try:
                report = await asyncio.get_running_loop().run_in_executor(
                    self._pool, self._ingest, self.base.path, path)
            finally:
                self._ingesting -= 1
                if not self._ingesting:
                    self.base.freshness = SERVING
        self.refresh()
        return report

    def _ingest(self, store: Path, path: Path) -> IngestReport:
        """On the ingest thread: ingest, read and merge with its own connection and reader."""
        if self._worker_kb is None:
            self._worker_kb = KnowledgeBase.open(store, default_corpus=False)
        return self._worker_kb.ingest([path])

    def _close_worker(self) -> None:
        if self._worker_kb is not None:
            self._worker_kb.close()
            self._worker_kb = None
