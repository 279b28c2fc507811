"""What the web app holds between requests: one KnowledgeBase and what is derived from it.

SQLite connections stay on the thread that made them, so the KnowledgeBase is
opened on the event loop's thread and request handlers (async) do their brief
database work there. Reading an uploaded document takes seconds, so it runs on
one ingest thread with a KnowledgeBase (connection and reader) of its own,
and the pages and the CDS service go on answering from the knowledge as it
was (SQLite's WAL lets them read while it writes). Views that cost more than a
query (the mechanism model) are kept per knowledge generation, so a new
document refreshes them and an unchanged store never rebuilds them.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from osteon import IngestReport, KnowledgeBase
from osteon.knowledge.store import KnowledgeStore
from osteon.mechanism.records import MechanismGraph
from osteon.mechanism.simulate import Model
from osteon.web.uploads import Upload, save_document

REFRESH_S = 30.0
"""Documents ingested by another process reach the app within this many seconds."""
UPLOADS_FOLDER = "uploads"
"""Beside the store file: the documents uploaded through the app, kept as sent."""


@dataclass
class AppState:
    """The open knowledge base of one app process, and caches keyed on its generation."""

    store: str | Path | None
    base_url: str | None = None
    kb: KnowledgeBase | None = None
    _refreshed: float = 0.0
    _model: tuple[int, Model] | None = field(default=None, repr=False)
    _ingesting: int = 0
    _pool: ThreadPoolExecutor | None = field(default=None, repr=False)
    _worker_kb: KnowledgeBase | None = field(default=None, repr=False)
    """The ingest thread's own KnowledgeBase: touched on that thread only."""

    def open(self) -> KnowledgeBase:
        self.kb = KnowledgeBase.open(self.store)
        self.kb.update_knowledge()
        self._refreshed = time.monotonic()
        self.kb.knowledge_store.hierarchy()  # warm the lexicon and rules
        return self.kb

    def close(self) -> None:
        if self._pool is not None:
            self._pool.submit(self._close_worker).result()
            self._pool.shutdown()
            self._pool = None
        if self.kb is not None:
            self.kb.close()
            self.kb = None

    @property
    def base(self) -> KnowledgeBase:
        if self.kb is None:
            raise RuntimeError("the app's knowledge base is not open (lifespan not started)")
        return self.kb

    def knowledge(self) -> KnowledgeStore:
        """The knowledge, brought up to date at most every REFRESH_S (cheap between).

        Not while an upload is being read: the ingest thread reads and merges it, and
        this thread would otherwise find the half-done document unread and read it too.
        """
        if not self._ingesting and time.monotonic() - self._refreshed > REFRESH_S:
            self.refresh()
        return self.base.knowledge_store

    def refresh(self) -> None:
        """Read and merge whatever changed now (after an upload, say)."""
        self.base.update_knowledge()
        self._refreshed = time.monotonic()

    def model(self) -> Model:
        """The mechanism model from the current knowledge, rebuilt when the knowledge moves."""
        from osteon.mechanism.graph import graph_from_knowledge

        knowledge = self.knowledge()
        generation = knowledge.generation
        if self._model is None or self._model[0] != generation:
            self._model = (generation, Model(graph_from_knowledge(knowledge)))
        return self._model[1]

    def graph(self) -> MechanismGraph:
        return self.model().graph

    async def ingest_upload(self, upload: Upload) -> IngestReport:
        """Keep an uploaded document beside the store, read it on the ingest thread, refresh."""
        path = save_document(upload, self.base.store.path.parent / UPLOADS_FOLDER)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="osteon-ingest")
        self._ingesting += 1
        try:
            report = await asyncio.get_running_loop().run_in_executor(
                self._pool, self._ingest, self.base.store.path, path)
        finally:
            self._ingesting -= 1
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
