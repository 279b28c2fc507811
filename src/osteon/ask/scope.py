"""Scope of a question and of a sentence: condition family, population, species.

A question about FOP is not answered with what the sources say of HO after hip
surgery, nor a clinical question with a mouse experiment, unless the sources
say nothing closer: the ranking prefers sentences whose scope fits the
question's, and the answer says when it quotes one that does not. The concepts
that mark a family, a population or a species are reading's
(data/reading/scope.yaml, the same rules that scope every claim); a question
adds a few words of its own ("in mice", "inherited": data/ask/ranking.yaml).
A sentence takes the scope of the claims read from it, of the concepts it names,
and, for what those leave unsaid, of its section heading and document title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from osteon.ask.ranking_rules import ScopeWords, compiled, ranking_rules
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import Scope
from osteon.reading.relation_rules import relation_rules
from osteon.reading.scope import scope_reader


def condition_kinds(knowledge: KnowledgeStore) -> frozenset[str]:
    """The corpus's condition (reading's topic, HO) and every kind of it."""
    topic = relation_rules().topic
    return frozenset(knowledge.hierarchy().narrower(topic) | {topic})


def question_scope(text: str, concepts: Iterable[str], lexicon: Lexicon) -> Scope:
    """The scope a question asks within: the concepts it names and its scope words."""
    named = scope_reader(lexicon).named(concepts)
    words = ranking_rules().scope_words
    family = tuple(dict.fromkeys((*named.family, *(
        f for f, pattern in words.family.items() if compiled(pattern).search(text)))))
    species = tuple(dict.fromkeys((*(s for s in named.species
                                     if not _named_for_other(s, text, lexicon, words)), *(
        s for s, pattern in words.species.items() if compiled(pattern).search(text)))))
    return Scope(family, named.population, species)


def _named_for_other(species: str, text: str, lexicon: Lexicon, words: ScopeWords) -> bool:
    """Is every mention of the animal a name for a source or person ("the horse blog")?"""
    if species not in lexicon:
        return False
    entry = lexicon.get(species)
    names = "|".join(re.escape(n) for n in sorted({entry.name, *entry.synonyms}, key=len,
                                                   reverse=True))
    found = list(compiled(rf"\b(?:{names})\b\s*").finditer(text))
    after = compiled(words.species_named_for)
    return bool(found) and all(after.match(text, m.end()) for m in found)


_NAMED: dict[tuple[int, tuple[str, ...]], Scope] = {}
NAMED_LIMIT = 20_000
"""Sets of concepts whose scope is remembered: a question's candidates name the same few
sets over and over (each was read anew, ~70 a question)."""


def scope_of(concepts: Iterable[str], lexicon: Lexicon) -> Scope:
    """The scope named by some concepts (a sentence's mentions, a heading's)."""
    key = (id(lexicon), tuple(concepts))
    found = _NAMED.get(key)
    if found is None:
        if len(_NAMED) >= NAMED_LIMIT:
            _NAMED.clear()
        found = _NAMED[key] = scope_reader(lexicon).named(key[1])
    return found


def family_implied(concepts: Iterable[str], lexicon: Lexicon) -> bool:
    """Is the family of what the concepts name only implied by an index event?

    "Falls resulting in fractures or head injuries" names a brain injury, which puts a
    sentence in acquired HO, unless the page it is on is about FOP: there the injury is
    what FOP patients suffer, and the sentence belongs to the page's family too.
    """
    return not scope_reader(lexicon).names_family(concepts)


def merged(own: Scope, *around: Scope) -> Scope:
    """A sentence's scope: its own, with what it leaves unsaid taken from around it."""
    family, population, species = own.family, own.population, own.species
    for scope in around:
        family = family or scope.family
        population = population or scope.population
        species = species or scope.species
    return Scope(family, population, species)


LABORATORY = frozenset({"mouse", "rat", "zebrafish"})
"""Species studied in experiments, not treated (a note says "from mouse experiments")."""


def fit(question: Scope, sentence: Scope, *, animal_ok: bool = False,
        page_named: bool = False) -> float:
    """+1 the sentence is within the question's scope, -1 outside it, in between partly.

    Unsaid is neither: a sentence that names no family fits a question about FOP
    less well than one about FOP, but is not out of scope. A question that names the
    sentence's page (`page_named`: "what happened to Rachel in her twenties?" of a story of
    a woman with FOP) asks of that page's family, whichever it is.
    """
    score = 0.0
    if question.family and sentence.family:
        score += 0.5 if set(question.family) & set(sentence.family) else -1.0
    elif "genetic" in sentence.family and not question.family and not page_named:
        score -= 0.7  # "how is HO treated?" is rarely about FOP
    elif "genetic" in question.family and not sentence.family:
        score -= 0.3
    if sentence.species and not set(sentence.species) & set(question.species) and not animal_ok:
        score -= 1.0
    elif question.species and set(sentence.species) & set(question.species):
        score += 1.0
    elif question.species and not sentence.species:
        score -= 0.5
    if question.population:
        if set(sentence.population) & set(question.population):
            score += 0.5
        elif sentence.population:
            score -= 0.7  # a figure for SCI does not answer a question about hip surgery
    return max(-1.0, min(1.0, score))


def out_of_scope(question: Scope, sentence: Scope, *, animal_ok: bool = False,
                 page_named: bool = False) -> str | None:
    """Why a quoted sentence leaves the question's scope, in words, or None.

    A sentence of the page the question names is in its family (as for `fit`).
    """
    if sentence.species and not set(sentence.species) & set(question.species) and not animal_ok:
        if set(sentence.species) <= LABORATORY:
            return f"from {', '.join(sentence.species)} experiments, not people"
        return f"about animals ({', '.join(sentence.species)}), not people"
    if question.family and sentence.family and not set(question.family) & set(sentence.family):
        return f"about {' and '.join(sentence.family)} HO, not {' and '.join(question.family)} HO"
    if not question.family and "genetic" in sentence.family and not page_named:
        return "about genetic HO (such as FOP)"
    return None
