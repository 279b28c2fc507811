"""The pages people read, one module per face; they share `render.py`."""

from __future__ import annotations

from fastapi import APIRouter

from osteon.web.pages import ask, assess, conflicts, mechanism, sources, topics
from osteon.web.state import AppState


def pages_router(state: AppState) -> APIRouter:
    """Every page route over one app state."""
    router = APIRouter(include_in_schema=False)
    for module in (ask, topics, sources, conflicts, assess, mechanism):
        router.include_router(module.router(state))
    return router
