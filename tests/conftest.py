"""Shared fixtures: every test gets its own store, never the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from osteon import KnowledgeBase
from osteon.corpus.store import Store


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point OSTEON_HOME at a fresh folder so no test touches a real store."""
    home = tmp_path / "osteon-home"
    monkeypatch.setenv("OSTEON_HOME", str(home))
    monkeypatch.delenv("OSTEON_STORE", raising=False)
    monkeypatch.delenv("OSTEON_MAX_BYTES", raising=False)
    return home


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A store without the default corpus."""
    store = Store.open(tmp_path / "empty" / "osteon.sqlite")
    yield store
    store.close()


@pytest.fixture(scope="session")
def seeded_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    """A knowledge base holding just the shipped seeds, shared read-only across tests."""
    kb = KnowledgeBase.open(tmp_path_factory.mktemp("seeded") / "osteon.sqlite")
    yield kb
    kb.close()


@pytest.fixture
def seeded_cli(seeded_kb: KnowledgeBase):
    """Run `osteon ARGS…` (in-process) against the shared seeded store, knowledge up to date."""
    from typer.testing import CliRunner

    from osteon.cli import app

    seeded_kb.update_knowledge()
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["--store", str(seeded_kb.store.path), *args])

    return run
