"""Topic pages (`/topics`, `/topics/{slug}`): what the knowledge base says, topic by topic."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from osteon.web.pages.render import render
from osteon.web.state import AppState


def router(state: AppState) -> APIRouter:
    routes = APIRouter()

    @routes.get("/topics", response_class=HTMLResponse)
    async def topics(request: Request) -> Response:
        return render("topics.html", request, topics=state.base.topics())

    @routes.get("/topics/{slug}", response_class=HTMLResponse)
    async def one(request: Request, slug: str) -> Response:
        page = await state.run(lambda kb: kb.topic(slug))  # off the event loop; 404 if none
        return render("topic.html", request, topic=page, topics=state.base.topics())

    return routes
