"""One typed query for the assertions (KnowledgeStore.find), and the evidence lookup."""

from __future__ import annotations

from osteon import KnowledgeBase
from osteon.knowledge.find import AssertionQuery
from osteon.knowledge.query import resolve_concept

HO = "heterotopic_ossification"


def said(kb: KnowledgeBase, **query: object) -> set[tuple[str, str, str]]:
    found = kb.knowledge.find(AssertionQuery(**query))  # type: ignore[arg-type]
    return {(a.subject, a.predicate, a.polarity) for a in found}


def test_a_class_reaches_its_kinds_only_when_asked(small_kb: KnowledgeBase) -> None:
    nsaid = resolve_concept(small_kb.knowledge.lexicon, "NSAIDs")
    assert said(small_kb, concepts=(nsaid,), kinds=True) == {
        ("indomethacin", "prevents", "asserted"), ("indomethacin", "prevents", "hedged"),
        ("ibuprofen", "not_effective_for", "asserted")}
    assert said(small_kb, concepts=(nsaid,)) == set()


def test_the_role_says_where_the_concept_stands(small_kb: KnowledgeBase) -> None:
    everything = said(small_kb)
    assert len(everything) == 5
    assert said(small_kb, concepts=(HO,), role="object") == everything
    assert said(small_kb, concepts=(HO,), role="subject") == set()
    assert said(small_kb, concepts=("indomethacin",), role="either") == {
        ("indomethacin", "prevents", "asserted"), ("indomethacin", "prevents", "hedged")}


def test_predicates_polarities_contexts_and_belief_narrow_the_answer(small_kb: KnowledgeBase
                                                                     ) -> None:
    assert said(small_kb, predicates=("prevents",), polarities=("asserted",)) == {
        ("indomethacin", "prevents", "asserted"), ("radiation_therapy", "prevents", "asserted")}
    assert said(small_kb, min_belief=0.7) == {
        ("indomethacin", "prevents", "asserted"), ("radiation_therapy", "prevents", "asserted")}
    assert said(small_kb, contexts=("mouse model",)) == set()
    assert len(said(small_kb, not_contexts=("mouse model",))) == 5
    assert len(said(small_kb, contexts=("",))) == 5
    first = small_kb.knowledge.assertions()[0]
    assert [a.id for a in small_kb.knowledge.find(AssertionQuery(ids=(first.id,)))] == [first.id]


def test_the_evidence_lookup_gives_each_claims_sentence(small_kb: KnowledgeBase) -> None:
    knowledge = small_kb.knowledge
    claim = knowledge.claims_of(knowledge.assertions()[0].id)[0]
    key = (claim.evidence.doc_id, claim.evidence.sentence_idx)
    place = knowledge.sentences([key])[key]
    assert claim.evidence.quote in place.text
    assert knowledge.titles([claim.evidence.doc_id]).keys() == {claim.evidence.doc_id}
