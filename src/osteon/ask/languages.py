"""Questions in English about pages in other languages (data/ask/languages.yaml).

Public HO pages come in German, Italian, French, Spanish, Portuguese and Dutch, and
people ask about them in English. The index's stemmer is English, and nothing else
brings "how many weeks until it shows on an x-ray?" to "nach 2-5 Wochen … im
Röntgenbild": the words each language uses for the question's words are searched beside
them, as the words sources use for its everyday phrases are, and a question that names a
language ("per the German wikibook") weighs the pages written in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from osteon.corpus.store import Store
from osteon.datafiles import Strict, load_model
from osteon.reading.terms import fold


class Language(Strict):
    """How a question names a language, and a few of its commonest words."""

    names: tuple[str, ...]
    """"german", "german-language": the language's name, folded (not a country's or its
    people's: "the Brazilian case report" is often English)."""
    markers: tuple[str, ...]
    """Words every page in the language holds ("und", "nicht"): a page's language shows
    in them, whatever it is about."""
    asking: tuple[str, ...] = ()
    """The small words a question written in the language is made of ("welche", "ist",
    "der"), none an English word."""


class Languages(Strict):
    """The whole of data/ask/languages.yaml."""

    languages: dict[str, Language]
    meanings: dict[str, dict[str, tuple[str, ...]]]
    """A meaning's `asked` phrases (English, folded) and each language's words for it."""


@cache
def language_rules() -> Languages:
    return load_model(Languages, "ask", "languages.yaml")


@cache
def translations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(asked phrase, the other languages' words for it), for every phrase of every meaning."""
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for meaning in language_rules().meanings.values():
        said = tuple(dict.fromkeys(w for code, words in meaning.items() if code != "asked"
                                   for w in words))
        pairs.extend((fold(phrase), said) for phrase in meaning.get("asked", ()))
    return tuple(pairs)


def translated_words(folded: str, has_phrase: Callable[[str, str], bool]
                     ) -> tuple[str, ...]:
    """The words pages in other languages use for the question's words, once each.

    `folded`: the question's words, folded, one space apart; `has_phrase` tells whether it
    holds a phrase as whole words (ask/understand.py's, so phrases match as paraphrases do).
    """
    return tuple(dict.fromkeys(w for phrase, said in translations()
                               if has_phrase(folded, phrase) for w in said))


def language_markers(folded: str) -> tuple[str, ...]:
    """The commonest words of each language the question names ("the ITALIAN page")."""
    words = set(folded.split())
    return tuple(w for language in language_rules().languages.values()
                 if words & set(language.names) for w in language.markers)


ASKING_HELD = 2
"""Of a language's asking words, how many a question holds at least to be written in it …"""
ASKING_SHARE = 0.25
"""… and at least this share of its words: one "der" or "que" in an English question is
a name or a quotation."""


def asked_in_other_language(folded: str) -> bool:
    """Is the question written in another language than English?

    "Welche Untersuchung ist bei heterotopen Ossifikationen die Methode der Wahl?": its
    words are the German page's, not unknown ones; an English reading of them ("welche",
    "untersuchung": no source mentions them) does not hold.
    """
    words = folded.split()
    for asking in _asking_words():
        held = sum(1 for w in words if w in asking)
        if held >= ASKING_HELD and held >= ASKING_SHARE * len(words):
            return True
    return False


@cache
def _asking_words() -> tuple[frozenset[str], ...]:
    """Each language's asking words, folded once (they are looked up for every question)."""
    return tuple(frozenset(fold(w) for w in language.asking)
                 for language in language_rules().languages.values())


MARKERS_HELD = 2
"""Of a language's commonest words, how many a page holds that is written in it (an
English page may quote one: "Les Misérables", "und")."""


def in_other_languages(store: Store, pages: Iterable[str]) -> bool:
    """Are all these pages written in one of the languages the rules know (not English)?"""
    wanted = set(pages)
    for language in language_rules().languages.values():
        wanted -= set(written_in(store, language.markers))
        if not wanted:
            return True
    return False


def written_in(store: Store, markers: Iterable[str]) -> list[str]:
    """The store's pages written in a language: those holding `MARKERS_HELD` of its markers."""
    words = sorted(set(markers))
    held = store.documents_holding(words).held
    count: dict[str, int] = {}
    for marker in words:
        for doc in held.get(marker) or {}:
            count[doc] = count.get(doc, 0) + 1
    return sorted(doc for doc, n in count.items() if n >= MARKERS_HELD)
