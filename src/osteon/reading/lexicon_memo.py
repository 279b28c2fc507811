"""Memoised lexicon questions for relation extraction.

Relation extraction asks the lexicon the same few questions thousands of times
a document: is X a kind of Y (each call walks X's ancestors afresh), what type is X.
A `Lexicon` does not change once built, so each answer is kept. Which concept a term
names ("spinal cord injury") the lexicon remembers itself (`Lexicon._ranked`).
Misses go to the lexicon itself, so the answers (and any KeyError for an unknown
parent) are exactly the lexicon's.
"""

from __future__ import annotations

from osteon.reading.lexicon import Lexicon

MAX_TERMS = 200_000
"""Concept types kept at most: past this many, a type is looked up without being kept."""


class LexiconMemo:
    """Answers `is_a` and concept types from a cache in front of a lexicon (names: its own)."""

    __slots__ = ("lexicon", "_is_a", "_types")

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._is_a: dict[tuple[str, str], bool] = {}
        self._types: dict[str, str | None] = {}

    def is_a(self, child: str, parent: str) -> bool:
        """`Lexicon.is_a`, cached (it raises, uncached, for an unknown concept)."""
        key = (child, parent)
        found = self._is_a.get(key)
        if found is None:
            found = self._is_a[key] = self.lexicon.is_a(child, parent)
        return found

    def concept_id_for(self, term: str) -> str | None:
        """`Lexicon.concept_id_for` (the lexicon remembers each term's concepts itself)."""
        return self.lexicon.concept_id_for(term)

    def type_of(self, concept_id: str) -> str | None:
        """The concept's type, or None when the lexicon has no such concept."""
        try:
            return self._types[concept_id]
        except KeyError:
            pass
        concepts = self.lexicon.concepts
        found = concepts[concept_id].type if concept_id in concepts else None
        if len(self._types) < MAX_TERMS:
            self._types[concept_id] = found
        return found

    def first_named(self, concepts: list[str]) -> list[str]:
        """What a sentence naming `concepts` in order was about, for the next one's "it".

        Its first concept, unless the sentence goes on to name a kind of it: "rare genetic
        disorders such as FOP, … Characteristically exhibiting in the big toe, it causes"
        speaks of FOP, the class only introduced it.
        """
        if not concepts:
            return []
        head = concepts[0]
        return [k for k in concepts[1:] if k != head and self.is_a(k, head)][:1] or [head]
