"""What assessments read from the knowledge base, worked out once per knowledge generation.

Every assessment needs the same candidate assertions, their facts, cited
statements and conflict notes; only the matching to the patient differs. They
are kept per KnowledgeStore and rebuilt when its generation moves (any update
that changed an assertion, from any process), so an EHR calling the CDS
service for patient after patient pays for the knowledge once. So is what the
matching reads of each candidate (its subject and object, whether its subject is of
the types a rule takes, the families its scope names, the concepts an item about it
covers): a call compares the patient's sets with these instead of working them out
again for every rule and every item.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from osteon.ask.records import ConflictNote, Statement
from osteon.assess.care_sites import CareSites, care_sites
from osteon.assess.evidence import CLAIM_SAMPLE, conflict_notes, statement
from osteon.assess.rules import AssessRules, Rule
from osteon.knowledge.find import AssertionQuery
from osteon.knowledge.query import to_facts
from osteon.knowledge.records import POLARITY_RANK, Assertion, Fact
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.lexicon import Lexicon
from osteon.reading.scope import scope_reader


@dataclass(frozen=True, slots=True)
class Candidate:
    """An assertion one rule may take, with what matching it to a patient reads of it."""

    assertion: Assertion
    subject: str
    object: str
    object_is_text: bool
    families: frozenset[str]
    """The condition families its scope names (empty: it names none)."""
    populations: frozenset[str] = frozenset()
    """The people its scope names by their index event ("in victims of traumatic brain and
    spinal cord injuries"; empty: it names none)."""


class KnowledgeView:
    """Candidates, facts, statements and conflict notes of one knowledge generation."""

    def __init__(self, knowledge: KnowledgeStore, rules: AssessRules, generation: int) -> None:
        self.knowledge = knowledge
        self.rules = rules
        self.generation = generation
        self.hierarchy = knowledge.hierarchy()
        self.scopes = scope_reader(knowledge.lexicon)
        """Reads a patient's condition family, as reading scopes claims."""
        self.candidates = _candidates(knowledge, rules)
        self.by_rule = {r.id: [a for a in self.candidates
                               if a.predicate in r.predicates and a.polarity in r.polarities]
                        for r in rules.rules}
        """Each rule's candidates of its predicates and polarities, in candidate order: a
        rule looks at its own few instead of every candidate, request after request."""
        self.target = self.hierarchy.narrower(rules.target)
        """The target condition and its kinds."""
        self.rows = {r.id: tuple(_candidate(a) for a in self.by_rule[r.id]
                                 if _typed(a.subject, r, knowledge.lexicon))
                     for r in rules.rules}
        """Each rule's candidates whose subject is of a type the rule takes."""
        self.presenting = frozenset(
            a.subject for a in self.candidates
            if a.predicate in rules.presentation_predicates and a.object in self.target
            and a.polarity != "negated")
        """Concepts the sources say present the target condition (not negated): a patient
        with one of them as a finding has a presentation to tell apart."""
        self.about_target = frozenset(a.subject for a in self.candidates
                                      if a.object in self.target)
        """What the sources say anything of for the target condition (a medicine the patient
        takes among them is said, even where no item of the report applies)."""
        self._covers: dict[int, frozenset[str]] = {}
        self._facts: dict[int, Fact] = {}
        self._stated: dict[int, Statement] = {}
        self._notes: dict[int, tuple[ConflictNote, ...]] = {}
        self._sites: dict[tuple[int, str | None], CareSites] = {}

    def covers(self, assertion: Assertion) -> frozenset[str]:
        """The concepts an item about this assertion is about: its subject, its object.

        Each with its kinds; the target condition's kinds aside (every item would match).
        """
        found = self._covers.get(assertion.id)
        if found is None:
            found = self.hierarchy.narrower(assertion.subject)
            if not assertion.key.object_is_text:
                found = found | (self.hierarchy.narrower(assertion.object) - self.target)
            self._covers[assertion.id] = found
        return found

    def facts(self, assertions: Iterable[Assertion]) -> list[Fact]:
        """Facts (claims sampled) of these assertions, loading only those not seen yet."""
        assertions = list(assertions)
        todo = list({a.id: a for a in assertions if a.id not in self._facts}.values())
        if todo:  # all seen (most calls): no query at all
            for fact in to_facts(self.knowledge, todo, sample=CLAIM_SAMPLE):
                self._facts[fact.assertion.id] = fact
        return [self._facts[a.id] for a in assertions]

    def stated(self, facts: Iterable[Fact]) -> dict[int, Statement]:
        """Each fact as a cited statement."""
        out = {}
        for fact in facts:
            own = fact.assertion.id
            if own not in self._stated:
                self._stated[own] = statement(self.knowledge, fact)
            out[own] = self._stated[own]
        return out

    def care_sites(self, fact: Fact, anchor: str | None) -> CareSites:
        """Where the sources give the fact's timing from `anchor` (read once per generation)."""
        key = (fact.assertion.id, anchor)
        found = self._sites.get(key)
        if found is None:
            found = self._sites[key] = care_sites(self.knowledge, fact, anchor)
        return found

    def conflicts(self, facts: list[Fact], stated: dict[int, Statement]
                  ) -> dict[int, tuple[ConflictNote, ...]]:
        """Each fact's conflicts, both sides cited."""
        todo = [f for f in facts if f.assertion.id not in self._notes]
        if todo:
            self._notes.update(conflict_notes(self.knowledge, todo, stated))
        return {f.assertion.id: self._notes[f.assertion.id] for f in facts}


_VIEWS: weakref.WeakKeyDictionary[KnowledgeStore, KnowledgeView] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def view_of(knowledge: KnowledgeStore, rules: AssessRules) -> KnowledgeView:
    """The view of this knowledge base's current generation (built on first use)."""
    generation = knowledge.generation
    with _LOCK:
        view = _VIEWS.get(knowledge)
        if view is None or view.generation != generation or view.rules is not rules:
            view = KnowledgeView(knowledge, rules, generation)
            _VIEWS[knowledge] = view
        return view


def _candidate(assertion: Assertion) -> Candidate:
    return Candidate(assertion, assertion.subject, assertion.object,
                     assertion.key.object_is_text, frozenset(assertion.scope.family),
                     frozenset(assertion.scope.population))


def _typed(concept: str, rule: Rule, lexicon: Lexicon) -> bool:
    return not rule.subject_types or (concept in lexicon
                                      and lexicon.get(concept).type in rule.subject_types)


def _candidates(knowledge: KnowledgeStore, rules: AssessRules) -> list[Assertion]:
    """Every assertion any rule could take: one query, clinical contexts only."""
    predicates = sorted({p for r in rules.rules for p in r.predicates}
                        | set(rules.presentation_predicates))
    found = knowledge.find(AssertionQuery(predicates=tuple(predicates),
                                          contexts=tuple(rules.contexts)))
    found.sort(key=lambda a: (POLARITY_RANK.get(a.polarity, 3), -a.belief, -a.n_sources,
                              a.text))
    return found
