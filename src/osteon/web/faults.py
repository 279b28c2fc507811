"""Unexpected errors: a plain 500 for the caller, and a log line that holds no request data.

An exception's message and the server's default traceback can quote what was
sent (a patient's bundle, their name and birth date). Any error no handler
took is answered here with a 500 that says nothing of the input, and logged
as its type and where it was raised (file, line, function of each frame),
never its message, its arguments or the body. The exception goes no further,
so the server never logs it either.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import PurePath

from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("osteon.web")
MESSAGE = "osteon met an unexpected error; the request was not completed (see the server log)"


def where(exc: BaseException) -> str:
    """The frames an exception went through, as `file:line in function`, innermost first."""
    frames = traceback.extract_tb(exc.__traceback__)
    return " < ".join(f"{PurePath(f.filename).name}:{f.lineno} in {f.name}"
                      for f in reversed(frames[-8:]))


class FaultBarrier:
    """ASGI middleware: an exception from the app becomes a 500 and a data-free log line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:  # noqa: BLE001 - the barrier: nothing passes with its data
            log.error("unexpected %s on %s %s at %s", type(exc).__name__, scope.get("method"),
                      scope.get("path"), where(exc))
            if not started:
                await _answer(scope)(scope, receive, send)


def _answer(scope: Scope) -> Response:
    if str(scope.get("path", "")).startswith(("/api/", "/cds-services")):
        return JSONResponse({"detail": MESSAGE}, status_code=500)
    return PlainTextResponse(MESSAGE, status_code=500)
