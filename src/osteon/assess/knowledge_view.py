"""What assessments read from the knowledge base, worked out once per knowledge generation.

Every assessment needs the same candidate assertions, their facts, cited
statements and conflict notes; only the matching to the patient differs. They
are kept per KnowledgeStore and rebuilt when its generation moves (any update
that changed an assertion, from any process), so an EHR calling the CDS
service for patient after patient pays for the knowledge once.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable

from osteon.ask.records import ConflictNote, Statement
from osteon.assess.evidence import CLAIM_SAMPLE, conflict_notes, statement
from osteon.assess.rules import AssessRules
from osteon.knowledge.find import AssertionQuery
from osteon.knowledge.query import to_facts
from osteon.knowledge.records import POLARITY_RANK, Assertion, Fact
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.scope import ScopeReader


class KnowledgeView:
    """Candidates, facts, statements and conflict notes of one knowledge generation."""

    def __init__(self, knowledge: KnowledgeStore, rules: AssessRules, generation: int) -> None:
        self.knowledge = knowledge
        self.rules = rules
        self.generation = generation
        self.hierarchy = knowledge.hierarchy()
        self.scopes = ScopeReader(knowledge.lexicon)
        """Reads a patient's condition family, as reading scopes claims."""
        self.candidates = _candidates(knowledge, rules)
        self.by_rule = {r.id: [a for a in self.candidates
                               if a.predicate in r.predicates and a.polarity in r.polarities]
                        for r in rules.rules}
        """Each rule's candidates of its predicates and polarities, in candidate order: a
        rule looks at its own few instead of every candidate, request after request."""
        self._facts: dict[int, Fact] = {}
        self._stated: dict[int, Statement] = {}
        self._notes: dict[int, tuple[ConflictNote, ...]] = {}

    def facts(self, assertions: Iterable[Assertion]) -> list[Fact]:
        """Facts (claims sampled) of these assertions, loading only those not seen yet."""
        assertions = list(assertions)
        todo = list({a.id: a for a in assertions if a.id not in self._facts}.values())
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


def _candidates(knowledge: KnowledgeStore, rules: AssessRules) -> list[Assertion]:
    """Every assertion any rule could take: one query, clinical contexts only."""
    predicates = sorted({p for r in rules.rules for p in r.predicates}
                        | set(rules.presentation_predicates))
    found = knowledge.find(AssertionQuery(predicates=tuple(predicates),
                                          contexts=tuple(rules.contexts)))
    found.sort(key=lambda a: (POLARITY_RANK.get(a.polarity, 3), -a.belief, -a.n_sources,
                              a.text))
    return found
