"""Conflicts (`/conflicts`): where the sources disagree, both sides with their sentences."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from osteon.ask.citing import statement_of
from osteon.ask.records import ConflictNote
from osteon.knowledge.query import conflict_views
from osteon.knowledge.store import KnowledgeStore
from osteon.web.pages.render import render
from osteon.web.state import AppState


def conflict_notes(knowledge: KnowledgeStore, sources: int = 3) -> list[ConflictNote]:
    """Every conflict as two cited statements, opposite claims first."""
    views = sorted(conflict_views(knowledge), key=lambda v: v.conflict.kind != "opposite")
    return [ConflictNote(v.conflict.kind, v.conflict.explanation,
                         (statement_of(knowledge, v.a, sources),
                          statement_of(knowledge, v.b, sources))) for v in views]


def router(state: AppState) -> APIRouter:
    routes = APIRouter()

    @routes.get("/conflicts", response_class=HTMLResponse)
    async def conflicts(request: Request, kind: str | None = None) -> Response:
        notes = conflict_notes(state.knowledge())
        kinds = Counter(n.kind for n in notes)
        shown = [n for n in notes if kind is None or n.kind == kind]
        return render("conflicts.html", request, notes=shown, kinds=sorted(kinds.items()),
                      kind=kind, total=len(notes))

    return routes
