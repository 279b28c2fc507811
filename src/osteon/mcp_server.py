"""osteon as a Model Context Protocol server: assistants ask it and quote its sources.

Each tool answers with two text blocks, a short rendering with the citations for the
model to read and the JSON of the matching `osteon … --json` command (also as the
structured content), built by the same functions the CLI uses. Bad arguments become a
tool error result (`is_error`), never a crash. The store is opened per call, as the CLI
does, so calls in worker threads never share an SQLite connection.

A patient passed to `assess` is parsed in memory only: it is not written anywhere and
the server logs at WARNING, below which the SDK would log a failing tool's message.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, TextContent
from rich.text import Text

from osteon import MERGE_ONLY, KnowledgeBase, __version__
from osteon.corpus.records import Document
from osteon.errors import OsteonError

CONTEXT_SENTENCES = 2
"""Sentences shown before and after a cited one by the `source` tool."""

MAX_QUESTION_CHARS = 2000
MAX_PATIENT_CHARS = 5_000_000
"""A JSON string patient longer than this is refused before parsing (the loader's own
size limit applies to the bytes too)."""

INSTRUCTIONS = (
    "osteon answers questions about heterotopic ossification from its stored documents; "
    "every statement cites a source sentence (doc id and sentence index). Quote the cited "
    "sentences rather than paraphrasing beyond them, keep hedged or negated statements "
    "hedged or negated, and use `source` to read a citation in context. osteon supports, "
    "and does not replace, clinical judgement.")


def plain(lines: Iterable[str]) -> str:
    """Rich-markup lines (the CLI's renderings) as plain text."""
    return "\n".join(Text.from_markup(line).plain for line in lines)


def result(payload: Any, text: str) -> CallToolResult:
    """The text rendering, then the same JSON as `--json`, also as structured content."""
    as_json = json.dumps(payload, ensure_ascii=False, indent=2)
    structured = payload if isinstance(payload, dict) else {"result": payload}
    return CallToolResult(content=[TextContent(type="text", text=text),
                                   TextContent(type="text", text=as_json)],
                          structured_content=structured)


def cleaned_text(document: Document) -> str:
    """A document's kept sections and sentences (page chrome removed), headings as '#'."""
    by_block: dict[int, list[str]] = {}
    order: dict[int, list[int]] = {}
    for s in document.sentences:
        if s.block_idx not in by_block:
            order.setdefault(s.section_idx, []).append(s.block_idx)
        by_block.setdefault(s.block_idx, []).append(s.text)
    parts: list[str] = [f"# {document.title}"]
    for section in document.sections:
        if section.idx and section.heading:
            parts.append(f"{'#' * (section.level + 1)} {section.heading}")
        parts += [" ".join(by_block[b]) for b in order.get(section.idx, [])]
    return "\n\n".join(parts) + "\n"


def source_dict(document: Document, sentence: int | None) -> dict[str, Any]:
    """One sentence with its neighbours and section, or the document's outline."""
    head = {"doc": document.id, "title": document.title, "kind": document.kind,
            "origin": document.origin, "sentences": len(document.sentences)}
    sections = {s.idx: s for s in document.sections}
    if sentence is None:
        return {**head, "sections": [{"idx": s.idx, "path": list(s.path), "heading": s.heading}
                                     for s in document.sections]}
    by_idx = {s.idx: s for s in document.sentences}
    if sentence not in by_idx:
        raise ToolError(f"{document.id} has no sentence {sentence}; its sentences are "
                        f"numbered 0 to {len(document.sentences) - 1}")
    cited = by_idx[sentence]
    section = sections.get(cited.section_idx)
    window = range(sentence - CONTEXT_SENTENCES, sentence + CONTEXT_SENTENCES + 1)
    return {**head, "section": list(section.path) if section else [],
            "sentence": {"idx": cited.idx, "text": cited.text, "start": cited.start,
                         "end": cited.end},
            "context": [{"idx": i, "text": by_idx[i].text, "cited": i == sentence}
                        for i in window if i in by_idx]}


def source_text(view: dict[str, Any]) -> str:
    lines = [f"{view['title']} ({view['doc']}, {view['kind']}; {view['origin']})"]
    if "sentence" not in view:
        lines += [f"  {'/'.join(s['path']) or '(top)'}" for s in view["sections"]]
        return "\n".join(lines + [f"{view['sentences']} sentences"])
    if view["section"]:
        lines.append("section: " + " › ".join(view["section"]))
    for c in view["context"]:
        mark = ">>" if c["cited"] else "  "
        lines.append(f"{mark} #{c['idx']} {c['text']}")
    return "\n".join(lines)


def _text_arg(value: str, name: str, limit: int = 500) -> str:
    value = value.strip()
    if not value:
        raise ToolError(f"{name} must not be empty")
    if len(value) > limit:
        raise ToolError(f"{name} is longer than {limit} characters")
    return value


def _patient(patient: dict[str, Any] | str) -> dict[str, Any]:
    """The parsed patient object; a JSON string is parsed here, never read as a path."""
    if isinstance(patient, dict):
        return patient
    if len(patient) > MAX_PATIENT_CHARS:
        raise ToolError(f"patient is longer than {MAX_PATIENT_CHARS:,} characters")
    try:
        parsed = json.loads(patient)
    except json.JSONDecodeError as exc:
        raise ToolError(f"patient is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                        f"{exc.msg}); pass a patient JSON object or a FHIR R4 Bundle") from None
    except RecursionError:
        raise ToolError("patient: JSON nested too deeply") from None
    if not isinstance(parsed, dict):
        raise ToolError("patient must be a JSON object (patient JSON or a FHIR R4 Bundle)")
    return parsed


def build_server(store: str | Path | None = None) -> MCPServer:
    """The MCP server over the store at `store` (default: $OSTEON_HOME or the user data dir)."""
    server = MCPServer("osteon", version=__version__, instructions=INSTRUCTIONS,
                       log_level="WARNING")

    @contextmanager
    def opened() -> Iterator[KnowledgeBase]:
        try:
            # A tool call never waits on reading: `osteon mcp` read everything before serving,
            # and documents ingested since are read by whoever ingested them.
            with KnowledgeBase.open(store, freshness=MERGE_ONLY) as kb:
                yield kb
        except OsteonError as exc:
            raise ToolError(str(exc)) from None

    @server.tool()
    def ask(question: str, sources: int = 3) -> CallToolResult:
        """Answer a question about heterotopic ossification from the sources.

        Every statement cites source sentences (doc id, sentence index, quote); when the
        sources do not answer, the answer says so (abstained) instead of guessing.
        """
        from osteon.ask.views import answer_dict, answer_lines

        question = _text_arg(question, "question", MAX_QUESTION_CHARS)
        if not 1 <= sources <= 10:
            raise ToolError("sources (citations per statement) must be between 1 and 10")
        with opened() as kb:
            answer = kb.ask(question, sources=sources)
        return result(answer_dict(answer), plain(answer_lines(answer)))

    @server.tool()
    def facts(concept: str, predicate: str | None = None, limit: int = 30) -> CallToolResult:
        """What the sources say together about a concept (id, name, synonym, abbreviation).

        Each fact carries its belief, its sources' sentences and any conflict. `predicate`
        keeps one relation only (e.g. prevents, risk_factor_for, treats).
        """
        from osteon.knowledge.views import fact_dict, fact_lines
        from osteon.reading.records import PREDICATES

        concept = _text_arg(concept, "concept")
        if predicate is not None and predicate not in PREDICATES:
            raise ToolError(f"unknown predicate {predicate!r}; choose from "
                            f"{', '.join(PREDICATES)}")
        if not 1 <= limit <= 500:
            raise ToolError("limit must be between 1 and 500")
        with opened() as kb:
            found = kb.facts(concept, predicate=predicate, limit=limit)
        lines = [f"{len(found)} facts about {concept} (osteon supports, and does not "
                 "replace, clinical judgement)"]
        lines += [plain(fact_lines(f)) for f in found]
        return result([fact_dict(f) for f in found], "\n".join(lines))

    @server.tool()
    def conflicts(concept: str | None = None) -> CallToolResult:
        """Where the sources disagree, both sides with their citations.

        `concept` keeps the conflicts whose facts name it (id, name, synonym).
        """
        from osteon.knowledge.views import conflict_dict, conflict_lines

        if concept is not None:
            concept = _text_arg(concept, "concept")
        with opened() as kb:
            found = kb.conflicts()
            if concept is not None:  # the facts about it and its kinds, as `facts` finds them
                about = {f.assertion.id for f in kb.facts(concept)}
                found = [v for v in found
                         if v.a.assertion.id in about or v.b.assertion.id in about]
        payload = [conflict_dict(v) for v in found]
        text = [f"{len(found)} conflicts between the sources (shown, not resolved: weigh "
                "them with clinical judgement)"]
        text += [plain(conflict_lines(v)) for v in found]
        return result(payload, "\n\n".join(text))

    @server.tool()
    def assess(patient: dict[str, Any] | str, at: str | None = None) -> CallToolResult:
        """Assess one patient: risk, prophylaxis with deadlines, surveillance, treatment.

        `patient` is osteon's patient JSON or a FHIR R4 Bundle, as an object or a JSON
        string; `at` the assessment time (ISO 8601, default now). The patient is used for
        this call only: never stored or logged. Every item cites its source sentences.
        """
        from osteon.assess.render import render, to_dict

        raw = _patient(patient)
        if at is not None:
            at = _text_arg(at, "at", 64)
        try:
            with opened() as kb:
                assessment = kb.assess(raw, at=at)
            return result(to_dict(assessment), render(assessment, "md"))
        except ToolError:
            raise
        except Exception as exc:  # the SDK would log its message (patient data) and traceback
            raise ToolError(f"assess failed ({type(exc).__name__}); the patient was not "
                            "kept") from None

    @server.tool()
    def simulate(injuries: list[str] | None = None, drugs: list[str] | None = None,
                 knockouts: list[str] | None = None,
                 inhibit: dict[str, float] | None = None,
                 stimuli: list[str] | None = None, days: float = 28.0) -> CallToolResult:
        """Run the mouse-model mechanism of neurogenic HO for a scenario.

        injuries: spinal_cord, muscle; drugs: drug or genetic change names; knockouts:
        nodes removed (gene names work: OSMR, IL1R1, TLR4, GR); inhibit: node → fraction
        removed (0-1); stimuli: lps; days: run length. A mechanism, not a clinical forecast.
        """
        from osteon.mechanism import Scenario
        from osteon.mechanism.views import run_dict, run_lines

        removed = dict(inhibit or {})
        removed.update(dict.fromkeys(knockouts or [], 1.0))
        scenario = Scenario(injuries=tuple(injuries or ()), interventions=tuple(drugs or ()),
                            inhibit=removed, stimuli=tuple(stimuli or ()), days=days)
        with opened() as kb:
            model = kb.model()
        try:
            run = model.simulate(scenario)
        except OsteonError as exc:
            raise ToolError(str(exc)) from None
        return result(run_dict(scenario, run), plain(run_lines(model.graph, run, days)))

    @server.tool()
    def source(doc_id: str, sentence: int | None = None) -> CallToolResult:
        """Read a cited sentence in context: its section and the sentences around it.

        Without `sentence`, the document's title, origin and section outline.
        """
        doc_id = _text_arg(doc_id, "doc_id")
        with opened() as kb:
            document = kb.document(doc_id)
        view = source_dict(document, sentence)
        return result(view, source_text(view))

    @server.resource("osteon://documents", mime_type="application/json",
                     description="Every stored document: id, kind, title, origin, sizes.")
    def documents() -> str:
        with opened() as kb:
            return json.dumps([dataclasses.asdict(d) for d in kb.sources()],
                              ensure_ascii=False, indent=2)

    @server.resource("osteon://documents/{doc_id}", mime_type="text/markdown",
                     description="A document's cleaned text: kept sections and sentences.")
    def document_text(doc_id: str) -> str:
        with opened() as kb:
            return cleaned_text(kb.document(doc_id))

    return server


def serve(store: str | Path | None = None, http_port: int | None = None,
          host: str = "127.0.0.1") -> None:
    """Run the server over stdio, or streamable HTTP on host:port when a port is given."""
    server = build_server(store)
    if http_port is None:
        server.run("stdio")
    else:
        server.run("streamable-http", host=host, port=http_port)
