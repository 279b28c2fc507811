"""Mechanism (`/mechanism`): the causal graph with its evidence, and the simulator panel."""

from __future__ import annotations

from fastapi import APIRouter

from osteon.web.state import AppState


def router(state: AppState) -> APIRouter:
    return APIRouter()
