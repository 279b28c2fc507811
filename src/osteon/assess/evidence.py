"""Assertions as cited statements, and their conflicts as both sides, for assessment items.

The same citing as `ask` (ask.citing), so the web pages and CDS cards show an
assessment's evidence exactly like an answer's.
"""

from __future__ import annotations

from collections.abc import Sequence

from osteon.ask.citing import CLAIM_SAMPLE, statement_of
from osteon.ask.records import ConflictNote, Statement
from osteon.knowledge.query import to_facts
from osteon.knowledge.records import Fact
from osteon.knowledge.store import KnowledgeStore

CITED_CLAIMS = 3
"""Sentences cited per item beyond those giving its figures."""


def statement(knowledge: KnowledgeStore, fact: Fact) -> Statement:
    """The fact as a statement citing its sentences (no citations if it has no claims)."""
    return statement_of(knowledge, fact, CITED_CLAIMS)


def conflict_notes(knowledge: KnowledgeStore, facts: Sequence[Fact],
                   mine: dict[int, Statement]) -> dict[int, tuple[ConflictNote, ...]]:
    """For each fact, its conflicts: this side and the other, both cited."""
    others = sorted({(c.b if c.a == f.assertion.id else c.a)
                     for f in facts for c in f.conflicts} - set(mine))
    other_facts = {f.assertion.id: f for f in to_facts(
        knowledge, knowledge.assertions(others), with_conflicts=False, sample=CLAIM_SAMPLE)
    } if others else {}
    stated = dict(mine)
    stated.update({i: statement(knowledge, f) for i, f in other_facts.items()})
    notes: dict[int, tuple[ConflictNote, ...]] = {}
    for fact in facts:
        own = fact.assertion.id
        found = []
        for conflict in fact.conflicts:
            other = conflict.b if conflict.a == own else conflict.a
            if other in stated and stated[other].citations:
                found.append(ConflictNote(conflict.kind, conflict.explanation,
                                          (stated[own], stated[other])))
        notes[own] = tuple(found)
    return notes
