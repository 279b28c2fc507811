"""Rendering pages: one Jinja2 environment (autoescaped), one error page, one size rule.

Every value a template prints is escaped: document text, questions and uploads
are data, never markup, so a `<script>` in a source shows as text. Errors reach
a person as a page and a program (anything under /api) as JSON.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from osteon.ask.answer import DISCLAIMER
from osteon.errors import (
    NotFound,
    OsteonError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
)
from osteon.html import environment

NAV = (("/", "Ask"), ("/topics", "Topics"), ("/sources", "Sources"), ("/conflicts", "Conflicts"),
       ("/assess", "Assess"), ("/mechanism", "Mechanism"), ("/docs", "API"))


ENV = environment(Path(str(resources.files("osteon.web").joinpath("templates"))),
                  nav=NAV, disclaimer=DISCLAIMER)
"""The pages' templates, then the shared ones (osteon.html): macros, the assessment."""


def render(template: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    """A page: `template` with the context, the current path for the navigation."""
    html = ENV.get_template(template).render(path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/cds-services"))


def error_response(request: Request, status: int, message: str) -> Response:
    """The same error as JSON for programs, as a page for people."""
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render("error.html", request, status=status, status_code=status, message=message)


STORE_FAULT_STATUS: dict[type[StoreError], int] = {StoreFullError: 507, StoreReadOnlyError: 503}
"""A store that cannot take the write: the server's condition, not the request's fault."""


def error_handlers() -> dict[Any, Callable[[Request, Any], Awaitable[Response]]]:
    """Exception → response: not found 404, bad input 400, the rest as FastAPI says."""

    async def not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, str(exc))

    async def bad_input(request: Request, exc: OsteonError) -> Response:
        return error_response(request, 400, str(exc))

    async def store_fault(request: Request, exc: StoreError) -> Response:
        return error_response(request, STORE_FAULT_STATUS.get(type(exc), 503), str(exc))

    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_json(request) or exc.status_code < 400:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=exc.headers)
        return error_response(request, exc.status_code, str(exc.detail))

    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):  # where and why, never the value sent (it may be patient data)
            return JSONResponse({"detail": [{k: e[k] for k in ("type", "loc", "msg") if k in e}
                                            for e in exc.errors()]}, status_code=422)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body"))
        return error_response(request, 422, f"{where}: {first.get('msg', 'invalid input')}")

    return {NotFound: not_found, OsteonError: bad_input, HTTPException: http_error,
            RequestValidationError: invalid,
            **dict.fromkeys((StoreError, *STORE_FAULT_STATUS), store_fault)}
