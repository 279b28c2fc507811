"""An NCBI E-utilities client: esearch on the history server, efetch in batches.

Every request waits for the rate limiter, and a request the service could not
answer now (429, a 5xx, a dropped connection, a body cut short) is tried again
after an exponentially growing pause (or the pause the service asks for in
Retry-After). A request the service refuses (400: a bad query, an invalid API
key) is not retried: its error is raised as one line.

The base URL is configurable (`--eutils-url`, OSTEON_EUTILS_URL), which is how
the tests point the client at a local fake service.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from osteon.corpus.fetch.errors import EutilsError
from osteon.corpus.fetch.limiter import RateLimiter, ncbi_rate

DEFAULT_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
TOOL = "osteon"
"""Sent as `tool=` with every request, as NCBI asks of programs."""
BATCH = 200
"""Records per efetch: NCBI's advice for large sets is batches of a few hundred at most."""
SEARCH_PAGE = 10_000
"""ESearch returns at most this many ids per call (and PubMed none past the 10,000th)."""
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ATTEMPTS = 6
BACKOFF = 0.5
"""First pause before a retry, in seconds; each further pause doubles it."""
MAX_PAUSE = 30.0
TIMEOUT = httpx.Timeout(60.0, connect=15.0)
_ERROR_ELEMENT = re.compile(rb"<ERROR>(.*?)</ERROR>", re.S)
"""How efetch says no with a 200: `<eFetchResult><ERROR>…</ERROR></eFetchResult>`."""


def eutils_url(explicit: str | None = None) -> str:
    """The base URL: `--eutils-url`, else OSTEON_EUTILS_URL, else NCBI's."""
    url = explicit or os.environ.get("OSTEON_EUTILS_URL") or DEFAULT_EUTILS_URL
    return url if url.endswith("/") else url + "/"


def api_key_from_env(explicit: str | None = None) -> str | None:
    """The API key: `--api-key`, else NCBI_API_KEY, else none."""
    return explicit or os.environ.get("NCBI_API_KEY") or None


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What esearch found: the count, the ids (in the service's order) and the history keys."""

    count: int
    ids: tuple[str, ...]
    webenv: str | None = None
    query_key: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class ClientStats:
    """What the client did: requests made, retries, and seconds spent waiting."""

    requests: int = 0
    retries: int = 0
    backoff_s: float = 0.0
    retry_reasons: list[str] = field(default_factory=list)


class EutilsClient:
    """One E-utilities endpoint with its key, limiter and retry policy."""

    def __init__(self, base_url: str | None = None, *, api_key: str | None = None,
                 rate: float | None = None, attempts: int = ATTEMPTS, backoff: float = BACKOFF,
                 sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = eutils_url(base_url)
        self.api_key = api_key
        self.limiter = RateLimiter(rate or ncbi_rate(api_key), sleep=sleep)
        self.attempts = attempts
        self.backoff = backoff
        self._sleep = sleep
        self.stats = ClientStats()
        self._http = httpx.Client(timeout=TIMEOUT, transport=transport,
                                  headers={"User-Agent": f"{TOOL} (E-utilities client)"})

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> EutilsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def waited_s(self) -> float:
        """Seconds spent waiting on the rate limit and on retry pauses together."""
        return self.limiter.waited + self.stats.backoff_s

    def esearch(self, db: str, term: str, *, mindate: str | None = None,
                datetype: str = "edat", retmax: int = SEARCH_PAGE) -> SearchResult:
        """Search `db` with the history server on; the ids come back too, up to `retmax`.

        More than SEARCH_PAGE ids are gathered page by page from the same search.
        """
        params: dict[str, Any] = {"db": db, "term": term, "usehistory": "y",
                                  "retmode": "json", "retmax": min(retmax, SEARCH_PAGE)}
        if mindate:
            params.update(mindate=mindate, maxdate="3000", datetype=datetype)
        first = self._search_page(params)
        ids = list(first.ids)
        while len(ids) < min(first.count, retmax, SEARCH_PAGE):
            page = self._search_page({**params, "retstart": len(ids),
                                      "WebEnv": first.webenv, "query_key": first.query_key,
                                      "retmax": min(retmax - len(ids), SEARCH_PAGE)})
            if not page.ids:
                break
            ids.extend(page.ids)
        return SearchResult(first.count, tuple(ids[:retmax]), first.webenv, first.query_key,
                            first.warnings)

    def _search_page(self, params: dict[str, Any]) -> SearchResult:
        body = self.request("esearch.fcgi", params, closing=b"}")
        try:
            result = json.loads(body)["esearchresult"]
        except (ValueError, KeyError, TypeError) as exc:
            raise EutilsError(f"esearch answered something that is not its JSON: "
                              f"{_snippet(body)}") from exc
        if "ERROR" in result:
            raise EutilsError(f"esearch refused the query: {result['ERROR']}")
        warnings = []
        for name, values in (result.get("warninglist") or {}).items():
            if values:
                warnings.append(f"{name}: {', '.join(map(str, values))}")
        return SearchResult(int(result.get("count", 0)), tuple(map(str, result.get("idlist", []))),
                            result.get("webenv"), result.get("querykey"), tuple(warnings))

    def efetch_history(self, db: str, webenv: str, query_key: str, retstart: int,
                       retmax: int = BATCH, *, closing: bytes) -> bytes:
        """Records `retstart`..`retstart + retmax` of a search kept on the history server."""
        return self.request("efetch.fcgi", {"db": db, "WebEnv": webenv, "query_key": query_key,
                                            "retstart": retstart, "retmax": retmax,
                                            "retmode": "xml"}, closing=closing)

    def efetch_ids(self, db: str, ids: Sequence[str], *, closing: bytes) -> bytes:
        """Records by id (POST, so a batch of 200 ids never makes an over-long URL)."""
        return self.request("efetch.fcgi", {"db": db, "id": ",".join(ids), "retmode": "xml"},
                            closing=closing, post=True)

    def request(self, endpoint: str, params: dict[str, Any], *, closing: bytes | None = None,
                post: bool = False) -> bytes:
        """One call, retried while the service cannot answer now; the whole body as bytes.

        `closing` is the tag a complete XML answer ends with: a body without it was cut
        short and is asked for again.
        """
        params = {**params, "tool": TOOL}
        if self.api_key:
            params["api_key"] = self.api_key
        url = self.base_url + endpoint
        reason, asked = "", None
        for attempt in range(self.attempts):
            if attempt:
                pause = self._pause(attempt, asked)
                self.stats.retries += 1
                self.stats.retry_reasons.append(reason)
                self.stats.backoff_s += pause
                self._sleep(pause)
            self.limiter.wait()
            self.stats.requests += 1
            try:
                if post:
                    response = self._http.post(url, data=params)
                else:
                    response = self._http.get(url, params=params)
                body = response.content
            except httpx.TransportError as exc:  # refused, dropped, timed out, cut short
                reason, asked = f"connection: {type(exc).__name__}", None
                continue
            if response.status_code in RETRY_STATUSES:
                reason = f"HTTP {response.status_code}"
                asked = response.headers.get("Retry-After")
                continue
            if response.status_code >= 400:
                raise EutilsError(_refusal(endpoint, response.status_code, body))
            if closing is not None and not body.rstrip().endswith(closing):
                refused = _ERROR_ELEMENT.search(body)
                if refused:  # efetch's own error answer: asking again gets the same
                    raise EutilsError(f"{endpoint} refused the request: "
                                      f"{_snippet(refused.group(1))}")
                reason, asked = "response cut short", None
                continue
            return body
        raise EutilsError(f"{endpoint} at {self.base_url} did not answer after "
                          f"{self.attempts} tries (last: {reason}); run the same command "
                          "again later: what was stored is kept and the rest is fetched then")

    def _pause(self, attempt: int, asked: str | None) -> float:
        """Exponential backoff, or the service's own Retry-After when it sent one (capped)."""
        pause = self.backoff * 2 ** (attempt - 1)
        if asked:
            try:
                pause = max(pause, float(asked))
            except ValueError:
                pass
        return min(pause, MAX_PAUSE)


def _refusal(endpoint: str, status: int, body: bytes) -> str:
    """One line for a refused request, from NCBI's error JSON when it sent one."""
    message = ""
    try:
        payload = json.loads(body)
        if isinstance(payload, dict):
            message = str(payload.get("error") or payload.get("ERROR") or "")
    except ValueError:
        message = _snippet(body)
    if "api key" in message.lower() or "api_key" in message.lower():
        return (f"NCBI refused the API key ({message}); check --api-key or NCBI_API_KEY, "
                "or leave it out to fetch at 3 requests a second")
    return f"{endpoint} refused the request (HTTP {status}): {message or 'no reason given'}"


def _snippet(body: bytes) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return text[:160] + ("…" if len(text) > 160 else "")
