"""Web fixtures: the app over a private copy of the seeded store (uploads write to it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from live import copy_store
from osteon import KnowledgeBase
from osteon.web.app import create_app
from osteon.web.cds.auth import AuthSettings


@pytest.fixture(scope="module")
def web_store(seeded_kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_store(seeded_kb, tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(web_store: Path) -> Iterator[TestClient]:
    """A client of the whole app (pages, API, CDS) with its lifespan running."""
    with TestClient(create_app(web_store, auth=AuthSettings(enabled=False))) as test_client:
        yield test_client
