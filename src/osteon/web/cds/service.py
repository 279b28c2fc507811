"""The CDS Hooks 2.0 service: discovery, patient-view and order-sign, feedback.

Every call is authenticated (auth.py) before its body is read; the token's
audience is this service's URL as configured (`base_url`), else the address
the server is bound to, never a Host header the caller chose. The body is read
within the app's size limit (413 past it) and its nesting bounded before it is
parsed (`osteon.web.bodies`); the patient's data comes from prefetch or the
EHR's FHIR server (fhir_data.py), is assessed against the knowledge base
(osteon.assess) on a reader thread, off the event loop, and answered with
cards (cards.py). A call that sent its data along costs one hop to a reader
thread, which parses, assesses and encodes the answer. Bad input is answered
400 with an OperationOutcome, missing data 412, a bad token 401. Patient data
is never logged or written anywhere: the log lines name the service, the status
and the time taken, nothing else.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from osteon import KnowledgeBase
from osteon.assess import PatientInputError
from osteon.assess.records import SECTIONS as ALL_SECTIONS
from osteon.assess.records import Assessment, Item
from osteon.settings import DEFAULT_WEB_MAX_BYTES
from osteon.web.bodies import BodyError, parse_json, read_limited
from osteon.web.cds.auth import AuthError, TokenVerifier
from osteon.web.cds.cards import cards_for
from osteon.web.cds.fhir_data import BadRequest, Fetcher, MissingData, as_bundle, gather
from osteon.web.cds.models import Card, Feedback, HookRequest, HookResponse
from osteon.web.cds.services import CdsServices, ServiceEntry, cds_services

log = logging.getLogger("osteon.cds")

HookFunction = Callable[[KnowledgeBase, HookRequest, dict[str, Any], datetime],
                        Assessment | None]
"""What a hook assesses: the patient's assessment (None: nothing to card), from the
knowledge base, the hook request, the patient's data and the time of the call."""


def _patient_view(kb: KnowledgeBase, hook: HookRequest, parts: dict[str, Any],
                  at: datetime) -> Assessment | None:
    """The chart is opened: everything the sources say about this patient."""
    return kb.assess(as_bundle(parts), at)


def _order_sign(kb: KnowledgeBase, hook: HookRequest, parts: dict[str, Any],
                at: datetime) -> Assessment | None:
    """Orders are signed: only what the draft orders add to the patient's assessment."""
    drafts = _draft_orders(hook)
    if not drafts:
        return None
    before = kb.assess(as_bundle(parts), at)
    after = kb.assess(as_bundle(parts, drafts), at)
    return _new_items(after, before)


HOOKS: dict[str, HookFunction] = {"patient-view": _patient_view, "order-sign": _order_sign}
"""One function per CDS hook a service in data/web/cds.yaml may answer."""


def services() -> CdsServices:
    """The services of data/web/cds.yaml, each checked against HOOKS and the sections."""
    return cds_services(frozenset(HOOKS))


PATIENT_PREFETCH: dict[str, str] = services().prefetch
"""The FHIR queries every service asks the EHR to send along."""
UNCHECKED_EXTENSION = "osteon-unchecked-prefetch"
"""The response's extension naming the data a call was assessed without (CDS Hooks 2.0:
extension properties on the response)."""


@dataclass
class CdsState:
    """What the service needs: the knowledge, the verifier, and where its pages live."""

    run: Callable[..., Awaitable[Any]]
    """Runs `work(knowledge, *args)` off the event loop (`AppState.run`)."""
    verifier: TokenVerifier
    base_url: str | None = None
    """The public URL of the service (behind a proxy); the bound address otherwise."""
    fetch: Fetcher | None = None
    max_body: int = DEFAULT_WEB_MAX_BYTES
    """A hook request over this is refused (413): no single patient's data needs more."""
    feedback: dict[str, int] = field(default_factory=dict)
    """Outcome counts per service: feedback is counted, never stored."""


def outcome(status: int, code: str, message: str) -> JSONResponse:
    """A FHIR OperationOutcome with one issue (no patient data in it)."""
    return JSONResponse(status_code=status, media_type="application/fhir+json", content={
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": message}]})


def cds_router(state: CdsState) -> APIRouter:
    """The /cds-services routes over one knowledge base."""
    router = APIRouter()
    config = services()
    by_id = {s.id: s for s in config.services}
    prefetch = config.prefetch
    described = [config.description(s).model_dump(exclude_none=True) for s in config.services]

    @router.get("/cds-services")
    async def discovery() -> dict[str, Any]:
        return {"services": described}

    @router.post("/cds-services/{service_id}")
    async def call(service_id: str, request: Request) -> Response:
        started = time.perf_counter()
        response = await _call(service_id, request)
        log.info("cds %s -> %s in %.1f ms", service_id if service_id in by_id else "?",
                 response.status_code, (time.perf_counter() - started) * 1000)
        return response

    async def _call(service_id: str, request: Request) -> Response:
        service = by_id.get(service_id)
        if service is None:
            return outcome(404, "not-found", f"no CDS service {service_id!r}")
        denied = _authenticate(request)
        if denied is not None:
            return denied
        try:
            body = await read_limited(request, state.max_body)
        except BodyError as exc:
            return _refused(exc)
        # One hop to a reader thread: parse, gather, assess and encode there. Only a
        # request that did not send everything along comes back for the EHR's data.
        answer = await state.run(_answer, service, body, prefetch, _base(request))
        if not isinstance(answer, _Fetch):
            return answer
        try:
            parts = await asyncio.to_thread(gather, answer.hook, prefetch, state.fetch,
                                            config.optional_prefetch, config.strict_prefetch)
        except MissingData as exc:
            return outcome(412, "incomplete", str(exc))
        except BadRequest as exc:
            return outcome(400, "invalid", str(exc))
        return await state.run(_answered, service, answer.hook, parts, _base(request))

    @router.post("/cds-services/{service_id}/feedback")
    async def feedback(service_id: str, request: Request) -> JSONResponse:
        if service_id not in by_id:
            return outcome(404, "not-found", f"no CDS service {service_id!r}")
        denied = _authenticate(request)
        if denied is not None:
            return denied
        try:
            received = Feedback.model_validate(parse_json(await read_limited(
                request, state.max_body)))
        except BodyError as exc:
            if exc.status == 413:
                return outcome(413, "too-costly", exc.message)
            return outcome(400, "invalid", "not a CDS Hooks feedback body")
        except ValidationError:
            return outcome(400, "invalid", "not a CDS Hooks feedback body")
        for item in received.feedback:
            key = f"{service_id}:{item.outcome}"
            state.feedback[key] = state.feedback.get(key, 0) + 1
        return JSONResponse({})

    def _authenticate(request: Request) -> JSONResponse | None:
        audience = _base(request) + request.url.path
        try:
            state.verifier.verify(request.headers.get("authorization"), audience)
        except AuthError as exc:
            return outcome(401, "security", str(exc))
        return None

    def _base(request: Request) -> str:
        return (state.base_url or bound_url(request)).rstrip("/")

    return router


def bound_url(request: Request) -> str:
    """The URL of the address the server is bound to (the socket's, not the Host header's).

    A caller chooses its Host header; an audience checked against it would accept a
    token made for any host the caller names.
    """
    host, port = request.scope.get("server") or ("127.0.0.1", 80)
    scheme = request.scope.get("scheme", "http")
    name = f"[{host}]" if ":" in str(host) else str(host)
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{name}" + ("" if port in (None, default) else f":{port}")


def _hook_request(body: bytes) -> HookRequest:
    """The hook request in `body` (BodyError or ValidationError when it is not one)."""
    return HookRequest.model_validate(parse_json(body))


@dataclass(frozen=True)
class _Fetch:
    """A hook request whose prefetch lacks some of the patient's data: the loop fetches it."""

    hook: HookRequest


def _refused(exc: BodyError) -> JSONResponse:
    return outcome(exc.status, "too-costly" if exc.status == 413 else "invalid", exc.message)


def _answer(kb: KnowledgeBase, service: ServiceEntry, body: bytes, prefetch: dict[str, str],
            base_url: str) -> Response | _Fetch:
    """On a reader thread: the whole answer to a hook call whose data was sent along.

    The body parsed and checked, the patient's data gathered from the prefetch, the
    cards made and encoded; `_Fetch` when the EHR's FHIR server must be asked first.
    """
    try:
        hook = _hook_request(body)
    except BodyError as exc:
        return _refused(exc)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return outcome(400, "invalid", f"not a CDS Hooks request: {where}: {first['msg']}")
    if hook.hook != service.hook:
        return outcome(400, "invalid",
                       f"service {service.id} answers {service.hook}, not {hook.hook}")
    config = services()
    optional = config.optional_prefetch
    sent = hook.prefetch or {}
    if any(sent.get(k) is None and (hook.fhirServer or k not in optional) for k in prefetch):
        return _Fetch(hook)
    try:  # all sent along but what the patient is assessed without: no network
        parts = gather(hook, prefetch, optional=optional, strict=config.strict_prefetch)
    except MissingData as exc:
        return outcome(412, "incomplete", str(exc))
    except BadRequest as exc:
        return outcome(400, "invalid", str(exc))
    return _answered(kb, service, hook, parts, base_url)


def _answered(kb: KnowledgeBase, service: ServiceEntry, hook: HookRequest,
              parts: dict[str, Any], base_url: str) -> Response:
    """On a reader thread: the cards as the JSON response, or the OperationOutcome.

    Data the patient was assessed without (cds.yaml's `optional_prefetch`, neither sent nor
    fetched) is said in each card's detail and in the response's `extension`.
    """
    try:
        cards = _cards(kb, service, hook, parts, base_url)
    except MissingData as exc:
        return outcome(412, "incomplete", str(exc))
    except (BadRequest, PatientInputError) as exc:
        return outcome(400, "invalid", str(exc))
    unchecked = {k: line for k, line in services().optional_prefetch.items() if k not in parts}
    extension = None
    if unchecked:
        for card in cards:
            card.detail = "\n\n".join([card.detail or "", *(f"_{line}_" for line in
                                                             unchecked.values())]).lstrip()
        extension = {UNCHECKED_EXTENSION: {"prefetch": list(unchecked),
                                           "notes": list(unchecked.values())}}
    return Response(HookResponse(cards=cards, extension=extension).model_dump_json(
        exclude_none=True), media_type="application/json")


def _cards(kb: KnowledgeBase, service: ServiceEntry, hook: HookRequest,
           parts: dict[str, Any], base_url: str) -> list[Card]:
    """On a reader thread: the cards for the service's sections of what its hook assesses."""
    assessment = HOOKS[service.hook](kb, hook, parts, datetime.now().astimezone())
    return [] if assessment is None else cards_for(assessment, service.sections, base_url)


def _draft_orders(hook: HookRequest) -> list[dict[str, Any]]:
    """The orders being signed (a Bundle in context.draftOrders), as resources."""
    drafts = hook.context.get("draftOrders")
    if drafts is None:
        return []
    if not isinstance(drafts, dict) or drafts.get("resourceType") != "Bundle":
        raise BadRequest("context.draftOrders must be a FHIR Bundle")
    return [e["resource"] for e in drafts.get("entry") or []
            if isinstance(e, dict) and isinstance(e.get("resource"), dict)]


def _new_items(after: Assessment, before: Assessment) -> Assessment:
    """The assessment with only what the draft orders add (the advice the order brings).

    An item is new when its text, its timing or what it applies to is: a caution FOP always
    carries (`standing-injury-caution`) is new advice once it applies to the biopsy ordered.
    """
    def key(item: Item) -> tuple:
        return item.text, tuple(w.summary for w in item.timing), item.matched

    def fresh(name: str) -> tuple:
        old = {key(i) for i in before.section(name)}
        return tuple(i for i in after.section(name) if key(i) not in old)

    return replace(after, **{name: fresh(name) for name in ALL_SECTIONS})
