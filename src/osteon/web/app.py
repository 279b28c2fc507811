"""The osteon web application: pages, the JSON API and the CDS Hooks service in one FastAPI app.

The app owns one KnowledgeBase (see `state.py`), opened on the event loop's
thread: request handlers are async and do their brief database work there,
while heavy work (questions, assessments, CDS calls) runs on reader threads
and network waits (fetching from an EHR's FHIR server) in worker threads.
An error no handler takes is a 500 whose log line holds no request data
(`faults.py`).
Everything the pages need is served from the package: no CDN, no internet.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from osteon.settings import web_max_bytes_from_env
from osteon.web.api import api_router
from osteon.web.cds.auth import AuthSettings, SqliteReplayCache, TokenVerifier, load_settings
from osteon.web.cds.fhir_data import Fetcher
from osteon.web.cds.service import CdsState, cds_router
from osteon.web.faults import FaultBarrier
from osteon.web.headers import SecurityHeaders
from osteon.web.pages import pages_router
from osteon.web.pages.render import error_handlers
from osteon.web.state import REFRESH_S, AppState

__all__ = ["REFRESH_S", "create_app"]

PAGE_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
"""No inline script or style on any page: text from documents can never run."""
DOCS_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"
                                  ).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
"""Swagger UI's own page starts itself with an inline script (our pages never do)."""


def create_app(store: str | Path | None = None, *, auth: AuthSettings | None = None,
               base_url: str | None = None, fetch: Fetcher | None = None,
               max_body: int | None = None) -> FastAPI:
    """The app over the store at `store` (default: OSTEON_STORE, else OSTEON_HOME).

    `base_url` is the service's public URL, which CDS Hooks tokens must name as their
    audience (default: OSTEON_BASE_URL, else the address the server is bound to).
    `max_body` bounds every request body (default: OSTEON_WEB_MAX_BYTES, else 5 MB).
    """
    state = AppState(store if store is not None else os.environ.get("OSTEON_STORE") or None,
                     base_url or os.environ.get("OSTEON_BASE_URL") or None,
                     max_body or web_max_bytes_from_env())
    cds = CdsState(run=state.run, verifier=TokenVerifier(auth or load_settings()),
                   base_url=state.base_url, fetch=fetch, max_body=state.max_body)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        kb = state.open()
        if cds.verifier.settings.enabled:  # replays are refused across worker processes
            cds.verifier.seen = SqliteReplayCache.beside(kb.path)
        try:
            yield
        finally:
            state.close()

    app = FastAPI(title="osteon", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="A knowledge engine for heterotopic ossification: every statement "
                              "cites its source. Supports, and does not replace, clinical "
                              "judgement.")
    app.state.osteon = state
    # The CDS service first: an EHR's call is matched before the pages' and the API's
    # routes are tried (no path of theirs starts with /cds-services).
    app.include_router(cds_router(cds))
    static = resources.files("osteon.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _mount_docs(app)
    app.include_router(pages_router(state))
    app.include_router(api_router(state), prefix="/api")
    for exc_type, handler in error_handlers().items():
        app.add_exception_handler(exc_type, handler)
    app.add_middleware(FaultBarrier)  # inside the headers below: a 500 gets them too

    # outermost: the headers go on every answer, a 500 from the barrier included
    app.add_middleware(SecurityHeaders, page_policy=PAGE_POLICY, docs_policy=DOCS_POLICY)

    return app


def _mount_docs(app: FastAPI) -> None:
    """OpenAPI docs at /docs with Swagger UI served from the package (swagger-ui-bundle)."""
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs/assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="osteon API",
                                   swagger_js_url="/docs/assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs/assets/swagger-ui.css",
                                   swagger_favicon_url="/docs/assets/favicon-32x32.png")
