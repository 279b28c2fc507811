"""The JSON API under /api (documented at /docs): the same faces as the pages, for programs.

Each route answers with the response model (osteon.responses) that `osteon VERB --json`
prints for the same verb, so a script can move between the two and /openapi.json shows
every route's shape. Every route goes through the `KnowledgeBase` facade. Bad input is a
4xx with `detail`; an unknown document or topic is a 404; a body over the app's limit is a
413. Questions, assessments and simulations run off the event loop (`AppState.run`, a
worker thread), so one slow request never holds up the others.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict, replace
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request

from osteon import KnowledgeBase
from osteon.ask.views import answer_dict, statement_dict
from osteon.assess.render import to_dict
from osteon.knowledge.views import conflict_dict, fact_dict
from osteon.mechanism.views import graph_dict, run_dict
from osteon.responses import (
    AnswerOut,
    AssessmentOut,
    ConflictOut,
    DocumentOut,
    FactOut,
    GraphOut,
    SimulationOut,
    SourceOut,
    TopicOut,
    TopicPageOut,
    UploadOut,
)
from osteon.web.bodies import BodyError, check_json_type, parse_json, read_limited
from osteon.web.origins import shown_origin
from osteon.web.pages.sources import outcome_message
from osteon.web.simulator import check, outcome, read_form
from osteon.web.state import AppState
from osteon.web.uploads import DOCUMENT_TYPES, read_upload

MAX_LIMIT = 500
PATIENT_BODY = {"required": True, "description": "osteon's patient JSON, or a FHIR R4 Bundle",
                "content": {t: {"schema": {"type": "object"}}
                            for t in ("application/json", "application/fhir+json")}}


def api_router(state: AppState) -> APIRouter:
    """Every /api route over one app state."""
    router = APIRouter(tags=["osteon"])

    @router.get("/ask", summary="Answer a question with cited statements",
                response_model=AnswerOut)
    async def ask(q: str = Query(..., max_length=10_000, description="The question"),
                  sources: int = Query(3, ge=1, le=20, description="Citations per statement")
                  ) -> Any:
        return await state.run(lambda kb: answer_dict(kb.ask(q, sources=sources)))

    @router.get("/topics", summary="The topic pages", response_model=list[TopicOut])
    async def topics() -> Any:
        return [t.model_dump() for t in state.base.topics()]

    @router.get("/topics/{slug}", summary="One topic: its statements and conflicts",
                response_model=TopicPageOut, responses={404: {"description": "No such topic"}})
    async def one_topic(slug: str) -> Any:
        page = await state.run(lambda kb: kb.topic(slug))
        return {**page.spec.model_dump(),
                "statements": [statement_dict(s) for s in page.statements],
                "conflicts": [{"kind": n.kind, "explanation": n.explanation,
                               "sides": [statement_dict(s) for s in n.sides]}
                              for n in page.conflicts]}

    @router.get("/facts", summary="What the sources say together, strongest first",
                response_model=list[FactOut])
    async def list_facts(concept: str | None = None, predicate: str | None = None,
                         min_belief: float = Query(0.0, ge=0.0, le=1.0),
                         limit: int = Query(50, ge=1, le=MAX_LIMIT)) -> Any:
        return await state.run(lambda kb: [fact_dict(f) for f in kb.facts(
            concept, predicate=predicate, min_belief=min_belief, limit=limit)])

    @router.get("/conflicts", summary="Where the sources disagree, both sides",
                response_model=list[ConflictOut])
    async def conflicts() -> Any:
        return await state.run(lambda kb: [conflict_dict(v) for v in kb.conflicts()])

    @router.get("/sources", summary="Every stored document", response_model=list[SourceOut])
    async def sources() -> Any:
        folder = state.base.path.parent
        return [{**asdict(s), "origin": shown_origin(s.origin, folder)}
                for s in state.base.sources()]

    @router.get("/sources/{doc_id}", summary="One document: text, sentences and claims",
                response_model=DocumentOut,
                responses={404: {"description": "No such document"}})
    async def document(doc_id: str) -> Any:
        kb = state.base
        doc = kb.document(doc_id)
        return {"id": doc.id, "title": doc.title, "kind": doc.kind, "format": doc.format,
                "origin": shown_origin(doc.origin, kb.path.parent),
                "text": doc.text,
                "sentences": [{"idx": s.idx, "start": s.start, "end": s.end, "text": s.text}
                              for s in doc.sentences],
                "claims": [{"text": kb.claim_text(c), "subject": c.subject,
                            "predicate": c.predicate, "object": c.object,
                            "polarity": c.polarity, "sentence": c.evidence.sentence_idx,
                            "quote": c.evidence.quote,
                            "span_in_sentence": [c.evidence.span_start, c.evidence.span_end]}
                           for c in kb.claims(doc_id=doc_id)]}

    @router.post("/sources", status_code=201, summary="Upload a document (multipart `file`)",
                 response_model=UploadOut,
                 openapi_extra={"requestBody": {"content": {"multipart/form-data": {"schema": {
                     "type": "object", "required": ["file"],
                     "properties": {"file": {"type": "string", "format": "binary"}}}}}}})
    async def upload(request: Request) -> Any:
        sent = await read_upload(request, "file", DOCUMENT_TYPES, state.max_body)
        report = await state.ingest_upload(sent)
        doc_id, message = outcome_message(report)
        if doc_id is None:
            raise HTTPException(422, message)
        return {"doc": doc_id, "message": message, "url": f"/sources/{doc_id}",
                "outcomes": [asdict(o) for o in report.outcomes]}

    @router.post("/assess", summary="Assess a patient (patient JSON or a FHIR Bundle)",
                 response_model=AssessmentOut, openapi_extra={"requestBody": PATIENT_BODY},
                 responses={413: {"description": "The body is over the app's size limit"},
                            415: {"description": "The body is not JSON"}})
    async def assess(request: Request,
                     at: str | None = Query(None, description="Assessment time, ISO 8601")
                     ) -> Any:
        try:
            check_json_type(request.headers.get("content-type"))
            patient = await asyncio.to_thread(parse_json, await read_limited(
                request, state.max_body))
        except BodyError as exc:
            raise HTTPException(exc.status, exc.message) from None
        if not isinstance(patient, dict):
            raise HTTPException(400, "the body must be a JSON object: osteon's patient JSON "
                                     "or a FHIR R4 Bundle")
        return await state.run(_assessed, patient, at)

    @router.get("/mechanism/graph", summary="The causal graph: each edge's sentences or assumption",
                response_model=GraphOut)
    async def mechanism_graph() -> Any:
        return graph_dict(state.graph())

    @router.get("/simulate", summary="Run the mechanism model for a scenario",
                response_model=SimulationOut,
                description="The simulator panel's fields as query parameters: `injury` "
                            "(repeatable; spinal_cord, muscle), `drug` (repeatable), `stimulus` "
                            "(repeatable; lps), `knockout` NODE, `inhibit` NODE with `fraction` "
                            "(0-1), `days`. The summary of the untreated run is beside "
                            "the treated one's, and every time series is included.")
    async def simulate(request: Request) -> Any:
        model = state.model()
        asked = check(replace(read_form(request.query_params), submitted=True), model.graph)
        result = await asyncio.to_thread(outcome, model, asked)
        return {**run_dict(asked.scenario, result.run), "label": asked.label,
                "untreated": result.untreated}

    return router


def _assessed(kb: KnowledgeBase, patient: dict[str, Any], at: str | None) -> dict[str, Any]:
    """On a reader thread: the assessment as the CLI's `--json` prints it."""
    return to_dict(kb.assess(patient, at))
