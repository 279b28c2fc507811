"""A risk told of one patient is no risk the sources state.

A case report narrates what happened to its patient: "she suffered an anoxic brain injury
following cardiac arrest", "myositis ossificans 3 months after direct trauma to his right
quadriceps". Read as claims, these became general statements under an answer ("Cardiac
arrest raises the risk of anoxic brain injury") that the sentence does not make. A fact of a
predicate that states a general risk, onset or complication (`case_predicates`), every one of
whose cited sentences tells of one patient or one report (`one_case`), is not restated; the
sentences themselves are still quoted as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from osteon.ask.ranking_rules import RankingRules, compiled
from osteon.knowledge.records import Fact
from osteon.knowledge.store import KnowledgeStore


def stated_in_general(knowledge: KnowledgeStore, facts: Sequence[Fact],
                      rules: RankingRules) -> list[Fact]:
    """The facts that some cited sentence states beyond one patient's story."""
    def may_be_told(fact: Fact) -> bool:
        # only where every claim is among those loaded: a sampled fact may rest on more
        return (fact.assertion.predicate in rules.case_predicates
                and fact.assertion.n_claims <= len(fact.claims))

    told = [f for f in facts if may_be_told(f)]
    if not told:
        return list(facts)
    keys = {(c.evidence.doc_id, c.evidence.sentence_idx) for f in told for c in f.claims}
    places = knowledge.sentences(keys)
    one_case = compiled(rules.one_case)

    def of_one_case(fact: Fact) -> bool:
        texts = [places[key].text for c in fact.claims
                 if (key := (c.evidence.doc_id, c.evidence.sentence_idx)) in places]
        return bool(texts) and all(one_case.search(t) for t in texts)
    return [f for f in facts if not (may_be_told(f) and of_one_case(f))]
