"""Conflicts (`/conflicts`): where the sources disagree, both sides with their sentences.

Opposite claims come first; a page shows PER_PAGE conflicts, each side with a
sample of its sentences, so a large corpus's hundreds of conflicts stay readable
and the page stays small.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from osteon import KnowledgeBase
from osteon.web.pages.render import render
from osteon.web.state import AppState

PER_PAGE = 25


def router(state: AppState) -> APIRouter:
    routes = APIRouter()

    @routes.get("/conflicts", response_class=HTMLResponse)
    async def conflicts(request: Request, kind: str | None = None,
                        page: int = Query(1, ge=1)) -> Response:
        def listed(kb: KnowledgeBase) -> tuple[list[Any], list[Any], list[Any], int]:
            """On a reader thread: every conflict, the kind asked for, this page's notes."""
            every = kb.disagreements()
            chosen = [c for c in every if kind is None or c.kind == kind]
            pages = max(1, -(-len(chosen) // PER_PAGE))
            shown = min(page, pages)
            notes = kb.conflict_notes(chosen[(shown - 1) * PER_PAGE:shown * PER_PAGE])
            return every, chosen, notes, shown

        every, chosen, notes, page = await state.run(listed)
        kinds = Counter(c.kind for c in every)
        pages = max(1, -(-len(chosen) // PER_PAGE))
        return render("conflicts.html", request, notes=notes, kinds=sorted(kinds.items()),
                      kind=kind, total=len(every), shown=len(chosen), page=page, pages=pages)

    return routes
