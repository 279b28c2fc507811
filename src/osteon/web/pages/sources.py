"""Sources (`/sources`, `/sources/{id}`): every document, cleaned, its claims marked; uploads.

A citation links to `/sources/{id}#sentence-{idx}`: the sentence carries that
id, and the stylesheet highlights the targeted sentence (`:target`), so the
highlight needs no JavaScript.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from osteon import IngestReport, KnowledgeBase
from osteon.corpus.records import Document, Sentence
from osteon.reading.records import Claim
from osteon.web.origins import shown_origin
from osteon.web.pages.render import render
from osteon.web.state import AppState
from osteon.web.uploads import DOCUMENT_TYPES, read_upload

PER_PAGE = 100


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a sentence's text; `claims` are the statements read from it, if marked."""

    text: str
    claims: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceView:
    idx: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class BlockView:
    """A heading, paragraph or list item of the cleaned document."""

    kind: str
    level: int = 0
    heading: str = ""
    sentences: tuple[SentenceView, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimRow:
    sentence: int
    text: str
    polarity: str
    quote: str


def segments(text: str, spans: list[tuple[int, int, str]]) -> tuple[Segment, ...]:
    """Split a sentence at claim spans; overlapping spans merge into one marked run."""
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, label in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), [*last[2], label])
        else:
            merged.append((start, end, [label]))
    out: list[Segment] = []
    at = 0
    for start, end, labels in merged:
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], tuple(dict.fromkeys(labels))))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return tuple(out)


def document_blocks(doc: Document, claims: list[Claim], kb: KnowledgeBase
                    ) -> tuple[list[BlockView], list[ClaimRow]]:
    """The document as headings and blocks of sentences, claim spans marked, and its claims."""
    by_sentence: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_sentence[claim.evidence.sentence_idx].append(claim)
    rows: list[ClaimRow] = []
    texts: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for idx in sorted(by_sentence):
        for claim in by_sentence[idx]:
            text = kb.claim_text(claim)
            rows.append(ClaimRow(idx, text, claim.polarity, claim.evidence.quote))
            texts[idx].append((claim.evidence.span_start, claim.evidence.span_end, text))
    blocks: list[BlockView] = []
    sections = {s.idx: s for s in doc.sections}
    shown_sections: set[int] = set()
    current: list[Sentence] = []

    def flush() -> None:
        if current:
            kind = "list_item" if current[0].kind == "list_item" else "paragraph"
            blocks.append(BlockView(kind, sentences=tuple(
                SentenceView(s.idx, segments(s.text, texts.get(s.idx, []))) for s in current)))
            current.clear()

    for sentence in doc.sentences:
        if current and (sentence.block_idx != current[-1].block_idx
                        or sentence.section_idx != current[-1].section_idx):
            flush()
        unseen = []  # this sentence's section and its parents not shown yet, innermost first
        section = sections.get(sentence.section_idx)
        while section is not None and section.idx not in shown_sections:
            unseen.append(section)
            section = sections.get(section.parent_idx) if section.parent_idx is not None else None
        if unseen:
            flush()
        for section in reversed(unseen):
            shown_sections.add(section.idx)
            if section.heading and section.heading != doc.title:
                blocks.append(BlockView("heading", level=min(max(section.level, 1) + 1, 6),
                                        heading=section.heading))
        current.append(sentence)
    flush()
    return blocks, rows


def outcome_message(report: IngestReport) -> tuple[str | None, str]:
    """(document to show, what happened) for an upload's ingest report.

    A PubMed file gives one outcome per article: the first stored one is shown, and
    the message counts the rest, with the first reason an article was refused.
    """
    if not report.outcomes:
        return None, "nothing was read from the file"
    stored = [o for o in report.outcomes if o.status != "failed"]
    failed = [o for o in report.outcomes if o.status == "failed"]
    if not stored:
        return None, f"the file could not be ingested: {failed[0].message}"
    first = stored[0]
    message = {"added": f"added, {first.sentences} sentences",
               "replaced": "replaced the earlier version",
               "unchanged": "already in the knowledge base",
               "duplicate": f"same text as {first.doc_id}, not stored twice"
               }.get(first.status, first.status)
    if len(report.outcomes) > 1:  # a PubMed file: one document per article
        message += (f"; the file held {len(report.outcomes)} articles, {len(stored)} stored "
                    f"(listed under Sources; this is the first)")
        if failed:
            message += f", {len(failed)} not ({failed[0].message})"
    return first.doc_id, message


def router(state: AppState) -> APIRouter:
    routes = APIRouter()

    def listing(request: Request, status: int = 200, error: str | None = None,
                page: int = 1) -> Response:
        every = state.base.sources()
        pages = max(1, -(-len(every) // PER_PAGE))
        page = min(page, pages)
        return render("sources.html", request, status=status, total=len(every),
                      sources=every[(page - 1) * PER_PAGE:page * PER_PAGE], page=page,
                      pages=pages, query="", error=error,
                      types=", ".join(sorted(DOCUMENT_TYPES)),
                      limit_mb=state.max_body // (1024 * 1024))

    @routes.get("/sources", response_class=HTMLResponse)
    async def sources(request: Request, page: int = Query(1, ge=1)) -> Response:
        return listing(request, page=page)

    @routes.post("/sources", response_class=HTMLResponse)
    async def upload(request: Request) -> Response:
        try:
            sent = await read_upload(request, "file", DOCUMENT_TYPES, state.max_body)
        except HTTPException as exc:
            return listing(request, exc.status_code, str(exc.detail))
        doc_id, message = outcome_message(await state.ingest_upload(sent))
        if doc_id is None:
            return listing(request, 422, message)
        return RedirectResponse(f"/sources/{doc_id}?uploaded={message}", status_code=303)

    @routes.get("/sources/{doc_id}", response_class=HTMLResponse)
    async def document(request: Request, doc_id: str, uploaded: str | None = None) -> Response:
        kb = state.base
        doc = kb.document(doc_id)
        blocks, rows = document_blocks(doc, kb.claims(doc_id=doc_id), kb)
        shown = replace(doc, origin=shown_origin(doc.origin, kb.path.parent))
        return render("source.html", request, doc=shown, blocks=blocks, claims=rows,
                      uploaded=uploaded)

    return routes
