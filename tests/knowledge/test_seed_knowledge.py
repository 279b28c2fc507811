"""On the shipped seeds: the gold conflicts are found, and belief orders the seeds' claims."""

from __future__ import annotations

from pathlib import Path

from osteon import KnowledgeBase
from osteon.knowledge.evaluate import evaluate_conflicts

GOLD = Path(__file__).parents[1] / "data" / "seed_facts.yaml"


def test_at_least_20_of_the_26_gold_conflicts_are_found(seeded_kb: KnowledgeBase) -> None:
    result = evaluate_conflicts(seeded_kb.knowledge, GOLD)
    assert result.gold == 26
    assert len(result.found) >= 20, [c.explanation for c in result.missed + result.not_read]


def test_the_copied_paragraph_counts_once(seeded_kb: KnowledgeBase) -> None:
    # Seed 000 copies seed 004's paragraph on causes word for word.
    copied = [f for f in seeded_kb.facts(predicate="risk_factor_for")
              if {c.evidence.doc_id[:3] for c in f.claims} >= {"000", "004"}]
    word_for_word = [f for f in copied
                     if {c.evidence.quote for c in f.claims if c.evidence.doc_id[:3] == "000"}
                     & {c.evidence.quote for c in f.claims if c.evidence.doc_id[:3] == "004"}]
    assert word_for_word
    for fact in word_for_word:
        assert fact.assertion.n_sources < fact.assertion.n_documents


def test_every_fact_cites_sentences_of_its_documents(seeded_kb: KnowledgeBase) -> None:
    for fact in seeded_kb.facts():
        assert fact.claims and len(fact.claims) == fact.assertion.n_claims
        assert len({c.evidence.doc_id for c in fact.claims}) == fact.assertion.n_documents
        for claim in fact.claims:
            ev = claim.evidence
            sentence = seeded_kb.document(ev.doc_id).sentences[ev.sentence_idx]
            assert sentence.text[ev.span_start:ev.span_end] == ev.quote


def test_mouse_model_facts_stay_apart_from_clinical_ones(seeded_kb: KnowledgeBase) -> None:
    mouse = [f for f in seeded_kb.facts() if f.assertion.context == "mouse model"]
    assert mouse
    for fact in mouse:
        assert all(c.qualifiers.context == "mouse model" for c in fact.claims)


def test_the_candidate_index_loses_no_conflict(seeded_kb: KnowledgeBase) -> None:
    # `among` compares only pairs its family/concept index proposes; comparing every
    # pair of the seeds' assertions must find nothing more.
    knowledge = seeded_kb.knowledge
    assertions = knowledge.assertions()
    finder = knowledge.finder()
    everything = {(c.a, c.b, c.kind) for i, x in enumerate(assertions)
                  for y in assertions[i + 1:] for c in finder.between(x, y)}
    indexed = {(c.a, c.b, c.kind) for c in finder.among(assertions, assertions)}
    assert everything and indexed == everything
