"""Assertions as cited statements, and their conflicts as both sides, for assessment items.

The same citation records as `ask` (ask.answer.citations_for), so the web
pages and CDS cards show an assessment's evidence exactly like an answer's.
Claims that carry a figure are cited first: every figure an item shows is in
a sentence it cites.
"""

from __future__ import annotations

from collections.abc import Sequence

from osteon.ask.answer import citations_for
from osteon.ask.records import ConflictNote, Statement
from osteon.knowledge.qualifiers import NUMBER_QUALIFIERS
from osteon.knowledge.query import to_facts
from osteon.knowledge.records import Fact
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.records import Claim

CITED_CLAIMS = 3
"""Sentences cited per item beyond those giving its figures."""
CLAIM_SAMPLE = 12


def figures_of(claims: Sequence[Claim]) -> tuple[str, ...]:
    """Number qualifiers of these claims as their sentences write them, in order, once each."""
    found: dict[str, None] = {}
    for claim in claims:
        for kind in NUMBER_QUALIFIERS:
            value = claim.qualifiers.get(kind)
            if isinstance(value, dict) and value.get("text"):
                found[str(value["text"])] = None
    return tuple(found)


def cited_claims(claims: Sequence[Claim], limit: int = CITED_CLAIMS) -> list[Claim]:
    """Claims to cite: every one that adds a figure, then one per document, up to `limit`."""
    chosen: list[Claim] = []
    figures: set[str] = set()
    for claim in claims:
        new = set(figures_of([claim])) - figures
        if new:
            chosen.append(claim)
            figures |= new
    docs = {c.evidence.doc_id for c in chosen}
    for claim in claims:
        if len(chosen) >= max(limit, len(figures)):
            break
        if claim not in chosen and claim.evidence.doc_id not in docs:
            chosen.append(claim)
            docs.add(claim.evidence.doc_id)
    return chosen


def statement(knowledge: KnowledgeStore, fact: Fact) -> Statement:
    """The fact as a statement citing its sentences (no citations if it has no claims)."""
    claims = cited_claims(fact.claims)
    citations = tuple(citations_for(knowledge, claims, fact.document_titles))
    return Statement(fact.assertion.text, fact.assertion.belief, citations,
                     fact.assertion.polarity, figures_of(claims))


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
