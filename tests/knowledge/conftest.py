"""Small corpora of our own wording, where each test knows what the sources say."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from knowledge_pages import PAGES

from osteon import KnowledgeBase
from osteon.knowledge.records import Fact


@pytest.fixture
def write_pages(tmp_path: Path) -> Callable[[dict[str, tuple[str, str]]], list[tuple[Path, str]]]:
    """Write pages into a folder; returns (path, kind) pairs to ingest."""
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)

    def write(pages: dict[str, tuple[str, str]]) -> list[tuple[Path, str]]:
        out = []
        for name, (kind, text) in pages.items():
            path = folder / name
            path.write_text(text, encoding="utf-8")
            out.append((path, kind))
        return out

    return write


@pytest.fixture
def small_kb(tmp_path: Path, write_pages: Callable) -> Iterator[KnowledgeBase]:
    """A knowledge base of PAGES only (no seeds), read and merged."""
    kb = KnowledgeBase.open(tmp_path / "small" / "osteon.sqlite", default_corpus=False)
    for path, kind in write_pages(PAGES):
        kb.ingest([path], kind=kind)
    yield kb
    kb.close()


@pytest.fixture
def fact_named() -> Callable[[KnowledgeBase, str], Fact]:
    """Find the one fact whose statement reads a given text (fails the test if absent)."""

    def find(kb: KnowledgeBase, text: str) -> Fact:
        found = [f for f in kb.facts() if f.assertion.text == text]
        assert found, f"no fact {text!r}; have {[f.assertion.text for f in kb.facts()]}"
        return found[0]

    return find
