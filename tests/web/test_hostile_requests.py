"""The API under bad, huge and slow requests, served for real (uvicorn on loopback).

A patient's bundle sent the wrong way is refused with 415/400/413, and nothing
of it (name, birth date) reaches any log line: osteon's, or the server's.
A body over the limit is refused while it streams. A slow assessment holds up
no other request. No server path shows in /api/sources.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from starlette.requests import Request

import osteon.assess  # the facade's assess verb calls it, on a reader thread
from live import Server, answers_while_held, free_port
from osteon.web.app import create_app
from osteon.web.bodies import BodyError, read_limited
from osteon.web.cds.auth import AuthSettings

NAME, BORN = "Quillfeather", "1931-07-13"
"""A patient's name and birth date that appear nowhere else, to look for in the logs."""
LIMIT = 256 * 1024
BUNDLE = {"resourceType": "Bundle", "type": "collection", "entry": [
    {"resource": {"resourceType": "Patient", "id": "p9", "gender": "female", "birthDate": BORN,
                  "name": [{"family": NAME, "given": ["Ottoline"]}]}},
    {"resource": {"resourceType": "Procedure", "id": "x1", "status": "completed",
                  "subject": {"reference": "Patient/p9"},
                  "code": {"text": "Total hip arthroplasty"},
                  "performedDateTime": "2025-03-10T09:00:00Z"}}]}


class Captured(logging.Handler):
    """Every record of every logger, formatted with its arguments and any traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture(scope="module")
def server(web_store: Path) -> Iterator[str]:
    port = free_port()
    app = create_app(web_store, auth=AuthSettings(enabled=False), max_body=LIMIT)
    with Server(app, port) as running:
        yield running.url


@pytest.fixture
def logs() -> Iterator[Captured]:
    """A handler on the root and on uvicorn's loggers (which do not propagate)."""
    handler = Captured()
    names = ["", "uvicorn", "uvicorn.error", "uvicorn.access", "osteon"]
    loggers = [logging.getLogger(n) for n in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    yield handler
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def post(url: str, content: bytes, content_type: str | None, **kw) -> httpx.Response:
    headers = {"Content-Type": content_type} if content_type else {}
    return httpx.post(f"{url}/api/assess", content=content, headers=headers, timeout=60, **kw)


def test_the_bundle_sent_as_anything_but_json_is_refused(server: str) -> None:
    body = json.dumps(BUNDLE).encode()
    for content_type in ("text/plain", "application/xml", None,
                         "application/x-www-form-urlencoded"):
        refused = post(server, body, content_type)
        assert refused.status_code == 415, (content_type, refused.text)
        assert "JSON" in refused.json()["detail"]
    for content_type in ("application/json", "application/fhir+json",
                         "application/fhir+json; fhirVersion=4.0"):
        assert post(server, body, content_type).status_code == 200, content_type


@pytest.mark.parametrize(("body", "status"), [
    (json.dumps(BUNDLE).encode()[:-7], {400}),  # cut short
    (b"[" + json.dumps(BUNDLE).encode() + b"]", {400}),  # not an object
    (json.dumps(BUNDLE).encode().replace(b'"female"', b"[" * 5000 + b"]" * 5000), {400}),
    (json.dumps({**BUNDLE, "entry": {"resource": BUNDLE["entry"][0]}}).encode(), {400}),
    # invalid FHIR in one entry: skipped with a warning, or refused
    (json.dumps(BUNDLE).encode().replace(b'"p9"', b'"p9", "deceasedBoolean": "perhaps"'),
     {200, 400}),
    (json.dumps({**BUNDLE, "pad": "x" * LIMIT}).encode(), {413}),
])
def test_bad_bodies_are_refused_and_leave_no_patient_data_in_any_log(
        server: str, logs: Captured, body: bytes, status: set[int]) -> None:
    response = post(server, body, "application/json")
    assert response.status_code in status, response.text[:500]
    assert NAME not in response.text and BORN not in response.text
    assert NAME not in logs.text and BORN not in logs.text


def test_an_unexpected_error_is_a_500_without_the_body_in_the_log(
        server: str, logs: Captured, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(knowledge, patient, at):
        raise TypeError(f"cannot handle {patient!r}")  # a message quoting the input

    monkeypatch.setattr(osteon.assess, "assess_patient", broken)
    response = post(server, json.dumps(BUNDLE).encode(), "application/json")
    assert response.status_code == 500
    assert NAME not in response.text
    assert "TypeError" in logs.text, "the fault is logged: its type and where"
    assert NAME not in logs.text and BORN not in logs.text


def _run_alone(coroutine_function) -> None:  # type: ignore[no-untyped-def]
    """Run a coroutine on its own thread's event loop (a browser test may hold this one's)."""
    import anyio

    with ThreadPoolExecutor(1) as pool:
        pool.submit(anyio.run, coroutine_function).result()


def test_the_size_limit_is_checked_while_the_body_streams() -> None:
    """Refused once past the limit: the rest of a huge body is never read."""
    chunk, pulled = b"x" * 65536, []

    async def receive() -> dict:
        pulled.append(1)
        return {"type": "http.request", "body": chunk, "more_body": len(pulled) < 10_000}

    request = Request({"type": "http", "method": "POST", "path": "/", "headers": []}, receive)

    async def read() -> None:
        await read_limited(request, LIMIT)

    with pytest.raises(BodyError) as refused:
        _run_alone(read)
    assert refused.value.status == 413
    assert len(pulled) <= LIMIT // len(chunk) + 1
    declared = Request({"type": "http", "method": "POST", "path": "/",
                        "headers": [(b"content-length", str(LIMIT + 1).encode())]}, receive)
    pulled.clear()
    with pytest.raises(BodyError):
        _run_alone(lambda: read_limited(declared, LIMIT))
    assert not pulled, "a declared length over the limit is refused before reading"


def test_a_slow_assessment_holds_up_no_other_request(
        server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def meanwhile() -> None:
        assert httpx.get(f"{server}/api/topics", timeout=20).status_code == 200
        asked = httpx.get(f"{server}/api/ask", params={"q": "What prevents HO?"}, timeout=20)
        assert asked.status_code == 200

    answers_while_held(monkeypatch, osteon.assess, "assess_patient",
                       lambda: post(server, json.dumps(BUNDLE).encode(),
                                    "application/json").status_code, meanwhile)


def test_sources_show_no_server_path(server: str, web_store: Path) -> None:
    text = b"Indomethacin may reduce heterotopic ossification after hip arthroplasty.\n"
    created = httpx.post(f"{server}/api/sources", timeout=120,
                         files={"file": ("origin-check.md", text)})
    assert created.status_code == 201, created.text
    doc = created.json()["doc"]
    folder = str(web_store.parent)
    listed = {s["id"]: s for s in httpx.get(f"{server}/api/sources").json()}
    assert listed[doc]["origin"].startswith("uploads/")
    assert listed[doc]["origin"].endswith("/origin-check.md")
    shown = httpx.get(f"{server}/api/sources/{doc}").json()["origin"]
    assert shown == listed[doc]["origin"]
    page = httpx.get(f"{server}/sources/{doc}").text
    for origin in [*(s["origin"] for s in listed.values()), shown, page]:
        assert folder not in origin and str(Path(folder).resolve()) not in origin
