"""A risk told of one patient is no risk the sources state.

A case report narrates what happened to its patient: "she suffered an anoxic brain injury
following cardiac arrest", "myositis ossificans 3 months after direct trauma to his right
quadriceps". Read as claims, these became general statements under an answer ("Cardiac
arrest raises the risk of anoxic brain injury") that the sentence does not make. A claim of
a predicate that states a general risk, onset or complication (`case_predicates`) whose
sentence tells of one patient or one report (`one_case`) is not re-worded: a fact every
claim of which is so told is no statement (and takes no side in a conflict), and a fact
other sources state in general is stated from their sentences, not the case's. The
sentences themselves are still quoted as evidence. A sentence that goes on about what the
one before it told of its patient ("We present the case of a 59-year-old patient with HO.
This condition developed as a result of a brain injury") tells of that patient too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from osteon.ask.ranking_rules import RankingRules, compiled
from osteon.knowledge.records import Fact
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.records import Claim

SentenceKey = tuple[str, int]


@dataclass(frozen=True, slots=True)
class OneCaseSentences:
    """The cited sentences that tell of one patient, and the predicates they are so read for.

    Worked out once per answer: the facts kept for conflicts and the claims kept for
    statements are both judged by it.
    """

    keys: frozenset[SentenceKey] = frozenset()
    predicates: frozenset[str] = frozenset()

    def tells(self, claim: Claim) -> bool:
        """Is the claim one its sentence tells of one patient only?"""
        return (claim.predicate in self.predicates
                and (claim.evidence.doc_id, claim.evidence.sentence_idx) in self.keys)


def told_of_one_case(knowledge: KnowledgeStore, claims: Iterable[Claim],
                     rules: RankingRules) -> OneCaseSentences:
    """The sentences of these claims, of the case predicates, that tell of one patient."""
    keys = {(c.evidence.doc_id, c.evidence.sentence_idx) for c in claims
            if c.predicate in rules.case_predicates}
    if not keys:
        return OneCaseSentences()
    places = knowledge.sentences(keys | {(doc, idx - 1) for doc, idx in keys if idx > 0})
    one_case = compiled(rules.one_case)
    points_back = compiled(rules.anaphora)

    def told(key: SentenceKey) -> bool:
        place = places.get(key)
        if place is None:
            return False
        if one_case.search(place.text):
            return True
        before = places.get((key[0], key[1] - 1))
        return bool(before is not None and before.section_path == place.section_path
                    and points_back.match(place.text) and one_case.search(before.text))
    return OneCaseSentences(frozenset(k for k in keys if told(k)),
                            frozenset(rules.case_predicates))


def stated_in_general(facts: Sequence[Fact], told: OneCaseSentences,
                      rules: RankingRules) -> list[Fact]:
    """The facts that some cited sentence states beyond one patient's story."""
    def may_be_told(fact: Fact) -> bool:
        # only where every claim is among those loaded: a sampled fact may rest on more
        return (fact.assertion.predicate in rules.case_predicates
                and fact.assertion.n_claims <= len(fact.claims))

    return [f for f in facts if not (may_be_told(f) and f.claims
                                     and all(told.tells(c) for c in f.claims))]
