"""Scope of a question and of a sentence: condition family, species, population.

A question about FOP is not answered with what the sources say of HO after hip
surgery, nor a clinical question with a mouse experiment, unless the sources
say nothing closer: the ranking prefers sentences whose scope fits the
question's and the answer says when it quotes one that does not. Scope comes
from the concepts a text names (the lexicon's hierarchy decides the family:
anything below FOP is genetic) and a few words ("in mice", "inherited"); a
sentence also takes the scope of its section heading and document title.
"""

from __future__ import annotations

from collections.abc import Iterable
from osteon.ask.ranking_rules import ScopeRules, compiled, ranking_rules
from osteon.ask.records import Scope
from osteon.reading.lexicon import Lexicon


def question_scope(text: str, concepts: Iterable[str], lexicon: Lexicon) -> Scope:
    """The scope a question asks within (unsaid parts stay None)."""
    return scope_of(list(concepts), text, lexicon)


def scope_of(concepts: list[str], text: str, lexicon: Lexicon) -> Scope:
    """The scope named by these concepts and words."""
    rules = ranking_rules().scope
    marks = _marks(lexicon, rules)
    families = {marks.family[c] for c in concepts if c in marks.family}
    for family, pattern in rules.family_words.items():
        if compiled(pattern).search(text):
            families.add(family)
    # A text naming FOP and an injury is about FOP: genetic wins when both are named.
    family = "genetic" if "genetic" in families else next(iter(families), None)
    species = next((marks.species[c] for c in concepts if c in marks.species), None)
    if species is None:
        species = next((s for s, pattern in rules.species_words.items()
                        if compiled(pattern).search(text)), None)
    populations = frozenset(marks.population[c] for c in concepts if c in marks.population)
    return Scope(family, species, populations)


def merged(own: Scope, *around: Scope) -> Scope:
    """A sentence's scope: its own, with what it leaves unsaid taken from around it."""
    family, species, populations = own.family, own.species, own.populations
    for scope in around:
        family = family or scope.family
        species = species or scope.species
        populations = populations or scope.populations
    return Scope(family, species, populations)


def fit(question: Scope, sentence: Scope, *, animal_ok: bool = False) -> float:
    """+1 the sentence is within the question's scope, -1 outside it, in between partly.

    Unsaid is neither: a sentence that names no family fits a question about FOP
    less well than one about FOP, but is not out of scope.
    """
    score = 0.0
    if question.family and sentence.family:
        score += 1.0 if question.family == sentence.family else -1.0
    elif sentence.family == "genetic" and question.family is None:
        score -= 0.7  # "how is HO treated?" is rarely about FOP
    elif question.family == "genetic" and sentence.family is None:
        score -= 0.3
    if sentence.species and sentence.species != question.species and not animal_ok:
        score -= 1.0
    elif question.species and sentence.species == question.species:
        score += 1.0
    elif question.species and sentence.species is None:
        score -= 0.5
    if question.populations:
        if sentence.populations & question.populations:
            score += 0.5
        elif sentence.populations:
            score -= 0.5
    return max(-1.0, min(1.0, score))


def out_of_scope(question: Scope, sentence: Scope, *, animal_ok: bool = False) -> str | None:
    """Why a quoted sentence leaves the question's scope, in words, or None."""
    if sentence.species and sentence.species != question.species and not animal_ok:
        return f"from {sentence.species} experiments, not people"
    if question.family and sentence.family and question.family != sentence.family:
        return f"about {sentence.family} HO, not {question.family} HO"
    if question.family is None and sentence.family == "genetic":
        return "about genetic HO (such as FOP)"
    return None


class _Marks:
    """Concept id → the family, species or population it marks (narrower kinds included)."""

    def __init__(self, family: dict[str, str], species: dict[str, str],
                 population: dict[str, str]) -> None:
        self.family, self.species, self.population = family, species, population


_MARKS: dict[int, _Marks] = {}


def _marks(lexicon: Lexicon, rules: ScopeRules) -> _Marks:
    if id(lexicon) not in _MARKS:
        _MARKS[id(lexicon)] = _build_marks(rules, lexicon)
    return _MARKS[id(lexicon)]


def _build_marks(rules: ScopeRules, lexicon: Lexicon) -> _Marks:
    def spread(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, roots in groups.items():
            for root in roots:
                if root in lexicon:
                    for concept in (root, *lexicon.descendants(root)):
                        out.setdefault(concept, name)
        return out
    population: dict[str, str] = {}
    for root in rules.population:
        if root in lexicon:
            for concept in (root, *lexicon.descendants(root)):
                population.setdefault(concept, root)
    return _Marks(spread(rules.family), spread(rules.species), population)
