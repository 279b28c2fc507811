"""Shared helpers for the assess tests: the test patients and a citation checker."""

from __future__ import annotations

import pytest
from assess_support import PATIENTS

from osteon import KnowledgeBase
from osteon.assess.records import Assessment


@pytest.fixture(scope="session")
def assess_at(seeded_kb: KnowledgeBase):
    """Assess a test patient by file name at a given time."""
    def run(name: str, at: str) -> Assessment:
        return seeded_kb.assess(PATIENTS / name, at=at)
    return run


@pytest.fixture(scope="session")
def citation_problems(seeded_kb: KnowledgeBase):
    """A checker: items without a citation, or citing a span not in the stored document."""
    return lambda assessment: _bad_citations(seeded_kb, assessment)


def _bad_citations(kb: KnowledgeBase, assessment: Assessment) -> list[str]:
    problems = []
    texts: dict[str, str] = {}
    for item in assessment.items():
        if not item.statement.citations:
            problems.append(f"{item.text}: no citation")
        for c in item.statement.citations:
            text = texts.setdefault(c.doc, kb.document(c.doc).text)
            if text[c.start:c.end] != c.quote:
                problems.append(f"{item.text}: {c.doc}[{c.start}:{c.end}] is not {c.quote!r}")
            if c.sentence_text[c.span_start:c.span_end] != c.quote:
                problems.append(f"{item.text}: quote not in its sentence")
            if c.sentence_text.strip() not in text:
                problems.append(f"{item.text}: sentence not in {c.doc}")
    return problems
