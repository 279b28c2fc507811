"""Topic pages (`/topics`, `/topics/{slug}`): what the knowledge base says, topic by topic."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from osteon.ask.topics import topic, topic_rules
from osteon.errors import DocumentNotFound, OsteonError
from osteon.web.pages.render import render
from osteon.web.state import AppState


def router(state: AppState) -> APIRouter:
    routes = APIRouter()

    @routes.get("/topics", response_class=HTMLResponse)
    async def topics(request: Request) -> Response:
        return render("topics.html", request, topics=topic_rules().topics)

    @routes.get("/topics/{slug}", response_class=HTMLResponse)
    async def one(request: Request, slug: str) -> Response:
        try:
            page = await state.run(topic, slug)  # off the event loop
        except OsteonError as exc:
            raise DocumentNotFound(str(exc)) from None
        return render("topic.html", request, topic=page, topics=topic_rules().topics)

    return routes
