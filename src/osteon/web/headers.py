"""Security headers and the server's own timing on every response, as plain ASGI.

A `@app.middleware("http")` function runs each request through Starlette's
BaseHTTPMiddleware (a task, a memory stream and a copied response per call): on a
CDS service answering hundreds of calls a second on two cores that overhead was a
good part of a call's cost. This middleware only adds headers to the response's
start message, in the same order of precedence (a route's own header wins).
"""

from __future__ import annotations

import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class SecurityHeaders:
    """Adds CSP, nosniff, no-referrer and Server-Timing to every HTTP response."""

    def __init__(self, app: ASGIApp, *, page_policy: str, docs_policy: str) -> None:
        self.app = app
        self.page_policy = page_policy
        self.docs_policy = docs_policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        docs = str(scope.get("path", "")).startswith("/docs")

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                # the server's own time, for a browser's devtools and bench/web_bench.py
                headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1e3:.1f}"
                headers.setdefault("Content-Security-Policy",
                                   self.docs_policy if docs else self.page_policy)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
            await send(message)

        await self.app(scope, receive, sending)
