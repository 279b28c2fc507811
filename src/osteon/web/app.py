"""The osteon web application: one FastAPI app serving the CDS Hooks service (and, later, pages).

The app owns one KnowledgeBase, opened on the event loop's thread (SQLite
connections stay on the thread that made them): request handlers are async and
do their brief database work there, while network waits (fetching from an
EHR's FHIR server) run in worker threads.
"""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from osteon import KnowledgeBase
from osteon.knowledge.store import KnowledgeStore
from osteon.web.cds.auth import AuthSettings, SqliteReplayCache, TokenVerifier, load_settings
from osteon.web.cds.fhir_data import Fetcher
from osteon.web.cds.service import CdsState, cds_router

REFRESH_S = 30.0
"""Documents ingested by another process reach the service within this many seconds."""


def create_app(store: str | Path | None = None, *, auth: AuthSettings | None = None,
               base_url: str | None = None, fetch: Fetcher | None = None) -> FastAPI:
    """The app over the store at `store` (default: OSTEON_HOME), auth from the environment."""
    store = store if store is not None else os.environ.get("OSTEON_STORE") or None
    base_url = base_url or os.environ.get("OSTEON_BASE_URL") or None
    holder: dict[str, KnowledgeBase] = {}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        holder["kb"] = KnowledgeBase.open(store)
        holder["kb"].update_knowledge()
        if state.verifier.settings.enabled:  # replays are refused across worker processes
            state.verifier.seen = SqliteReplayCache(holder["kb"].store.connection)
        holder["kb"].knowledge_store.hierarchy()  # warm the lexicon and rules
        try:
            yield
        finally:
            holder.pop("kb").close()

    refreshed = {"at": 0.0}

    def knowledge() -> KnowledgeStore:
        """The knowledge, brought up to date at most every REFRESH_S (cheap between)."""
        kb = holder["kb"]
        if time.monotonic() - refreshed["at"] > REFRESH_S:
            kb.update_knowledge()
            refreshed["at"] = time.monotonic()
        return kb.knowledge_store

    app = FastAPI(title="osteon", lifespan=lifespan,
                  description="A knowledge engine for heterotopic ossification: every statement "
                              "cites its source. Supports, and does not replace, clinical "
                              "judgement.")
    state = CdsState(knowledge=knowledge, verifier=TokenVerifier(auth or load_settings()),
                     base_url=base_url, fetch=fetch)
    app.include_router(cds_router(state))
    return app
