"""The question box (`/`) and its answers (`/ask?q=…`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from osteon.web.pages.render import render
from osteon.web.state import AppState


def router(state: AppState) -> APIRouter:
    routes = APIRouter()

    @routes.get("/", response_class=HTMLResponse)
    async def home(request: Request, q: str = "") -> Response:
        if q.strip():
            return await ask_page(request, q)
        return render("ask.html", request, q="", answer=None, error=None,
                      topics=state.base.topics())

    @routes.get("/ask", response_class=HTMLResponse)
    async def ask_page(request: Request, q: str = "") -> Response:
        if not q.strip():
            return RedirectResponse("/", status_code=303)
        answer = await state.run(lambda kb: kb.ask(q))  # off the event loop
        names = [state.base.concept_name(c) for c in
                 (answer.understood.concepts if answer.understood else ())]
        return render("ask.html", request, q=answer.question, answer=answer, error=None,
                      concept_names=names, topics=())

    return routes
