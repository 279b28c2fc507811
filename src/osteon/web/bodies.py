"""Reading a JSON request body safely: its media type, its size as it streams, its nesting.

A patient's data reaches the app as JSON (`POST /api/assess`, the CDS Hooks
service). The body is refused before it costs anything: a declared
Content-Length over the limit at once, an undeclared or false one as soon as
the streamed bytes pass it (413, never 25 MB read to be thrown away); a body
that is not JSON by its type (415); a nesting deeper than any patient record
needs (400) before a parser or a validator recurses into it. The messages
name the limit or the rule, never the content: a body is patient data.
"""

from __future__ import annotations

import json
from itertools import accumulate
from typing import Any

from starlette.requests import Request

from osteon.errors import OsteonError

MAX_JSON_DEPTH = 64
"""Deepest nesting of arrays and objects accepted. A FHIR Bundle's deepest path
(entry → resource → extension → value → coding …) stays under 20 levels."""
JSON_MEDIA_TYPES = ("application/json", "application/fhir+json")
"""The media types of a JSON body; any other `application/…+json` is taken too."""
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = [1 if b in b"[{" else -1 for b in range(256)]
"""A bracket's step in depth (only brackets are looked up)."""


class BodyError(OsteonError):
    """A request body refused, with the HTTP status to answer and a message free of its content."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def megabytes(limit: int) -> str:
    """The limit as a person reads it ("5 MB", "0.5 MB")."""
    return f"{limit / (1024 * 1024):g} MB"


def check_json_type(content_type: str | None) -> None:
    """Refuse (415) a body whose declared media type is not JSON, or that declares none."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media in JSON_MEDIA_TYPES or (media.startswith("application/") and media.endswith("+json")):
        return
    said = f"Content-Type {media!r}" if media else "no Content-Type"
    raise BodyError(415, f"the body must be JSON (Content-Type: application/json or "
                         f"application/fhir+json), not {said}")


async def read_limited(request: Request, limit: int) -> bytes:
    """The whole body, or BodyError 413 as soon as it is known to exceed `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> BodyError:
    return BodyError(413, f"the request body is larger than {megabytes(limit)}, the limit "
                          "here (set OSTEON_WEB_MAX_BYTES to raise it)")


def nesting_depth(data: bytes, stop_after: int = MAX_JSON_DEPTH) -> int:
    """How deep the arrays and objects of a JSON text nest (at most `stop_after` + 1).

    Brackets inside strings do not count. Linear and without recursion, so it is
    safe on any input, unlike a parser; and it runs in C, at a fraction of what
    parsing costs (every CDS call pays it): the escaped backslashes and quotes go, the
    text is cut at its quotes (every other piece is a string's content), and the depth
    is the running sum of the brackets left.
    """
    unescaped = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = b"".join(unescaped.split(b'"')[0::2]).translate(None, _NOT_BRACKETS)
    deepest = max(accumulate(map(_STEP.__getitem__, brackets)), default=0)
    return max(0, min(deepest, stop_after + 1))


def parse_json(data: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The JSON value of `data`; BodyError 400 for a body that is not JSON or nests too deep."""
    if nesting_depth(data, max_depth) > max_depth:
        raise BodyError(400, f"the JSON nests deeper than {max_depth} levels; no patient "
                             "record needs that many")
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise BodyError(400, "the request body is not valid JSON") from None
