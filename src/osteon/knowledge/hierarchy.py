"""Which concepts speak of the same thing: the lexicon's is_a links plus links the documents state.

A question about NSAIDs must see indomethacin, and "NSAIDs do not prevent HO"
must meet "indomethacin may prevent HO" as a conflict. The lexicon's parents
give the backbone; asserted `is_a` and `synonym_of` assertions between two
concepts (read from the documents) add links the lexicon lacks (a synonym read
between a concept and its own kind or class is left out: the lexicon's link stands).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from osteon.reading.lexicon import Lexicon


class Hierarchy:
    """Broader, narrower and same-as relations between concept ids."""

    def __init__(self, lexicon: Lexicon,
                 read_links: Iterable[tuple[str, str, str]] = ()) -> None:
        """`read_links`: (subject, predicate, object) of asserted is_a / synonym_of assertions."""
        self.lexicon = lexicon
        self._parents: dict[str, set[str]] = defaultdict(set)
        self._children: dict[str, set[str]] = defaultdict(set)
        self._same: dict[str, set[str]] = defaultdict(set)
        for concept in lexicon.concepts.values():
            for parent in concept.parents:
                self._link(concept.id, parent)
        for subject, predicate, obj in read_links:
            if subject == obj or subject not in lexicon or obj not in lexicon:
                continue
            if predicate == "is_a":
                self._link(subject, obj)
            elif predicate == "synonym_of" and not self._kin(subject, obj):
                self._same[subject].add(obj)
                self._same[obj].add(subject)
        self._up: dict[str, frozenset[str]] = {}
        self._down: dict[str, frozenset[str]] = {}

    def _kin(self, a: str, b: str) -> bool:
        """Is one a kind of the other in the lexicon?

        Then a page calling them the same ("heterotopic ossification, also known as
        myositis ossificans") speaks loosely: made one, every kind of HO would answer a
        question about myositis ossificans.
        """
        return b in self.lexicon.ancestors(a) or a in self.lexicon.ancestors(b)

    def _link(self, child: str, parent: str) -> None:
        self._parents[child].add(parent)
        self._children[parent].add(child)

    def _closure(self, concept: str, edges: dict[str, set[str]]) -> frozenset[str]:
        seen = {concept}
        todo = [concept]
        while todo:
            current = todo.pop()
            for nxt in (*edges.get(current, ()), *self._same.get(current, ())):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return frozenset(seen)

    def broader(self, concept: str) -> frozenset[str]:
        """The concept, its synonyms and everything above them."""
        if concept not in self._up:
            self._up[concept] = self._closure(concept, self._parents)
        return self._up[concept]

    def narrower(self, concept: str) -> frozenset[str]:
        """The concept, its synonyms and every kind of it (NSAIDs → indomethacin, ibuprofen…)."""
        if concept not in self._down:
            self._down[concept] = self._closure(concept, self._children)
        return self._down[concept]

    def related(self, concept: str) -> frozenset[str]:
        """Concepts that are this one, a kind of it, or of which it is a kind."""
        return self.broader(concept) | self.narrower(concept)

    def covers(self, broad: str, narrow: str) -> bool:
        """True when `narrow` is `broad` or a kind of it."""
        return narrow in self.narrower(broad)

    def is_related(self, a: str, b: str) -> bool:
        return b in self.related(a)
