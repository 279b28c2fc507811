"""The JSON API under /api (documented at /docs): the same faces as the pages, for programs."""

from __future__ import annotations

from fastapi import APIRouter

from osteon.web.state import AppState


def api_router(state: AppState) -> APIRouter:
    router = APIRouter(tags=["osteon"])
    return router
