"""Questions in English about pages in other languages (data/ask/languages.yaml).

Public HO pages come in German, Italian, French, Spanish, Portuguese, Dutch, Turkish,
Russian, Indonesian, Chinese and Japanese, and people ask about them in English. The
index's stemmer is English, and nothing else brings "how many weeks until it shows on an
x-ray?" to "nach 2-5 Wochen … im Röntgenbild": the words each language uses for the
question's words are searched beside them, as the words sources use for its everyday
phrases are, and a question that names a language ("per the German wikibook") weighs the
pages written in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

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
    spaced: bool = True
    """Written with spaces between words. Chinese and Japanese are not: no English word of
    a question can be looked for on their pages, so none tells that they do not say it."""


class Languages(Strict):
    """The whole of data/ask/languages.yaml."""

    languages: dict[str, Language]
    meanings: dict[str, dict[str, tuple[str, ...]]]
    """A meaning's `asked` phrases (English, folded) and each language's words for it."""
    english: tuple[str, ...]
    """Words only English writes: a line holding one is no translation."""
    accented_words: int
    """Lower-case words with an accent letter a line holds at least to be in another
    language."""
    markers_held: int
    """… or, of one language's commonest and asking words, how many it holds at least."""
    title_words: int
    """The most words a title's translation has (a translated abstract may tell more)."""


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


def _named_languages(folded: str) -> list[Language]:
    """The languages the question names ("the ITALIAN page"), in the rules' order."""
    words = set(folded.split())
    return [language for language in language_rules().languages.values()
            if words & set(language.names)]


def language_markers(folded: str) -> tuple[str, ...]:
    """The commonest words of each language the question names ("the ITALIAN page")."""
    return tuple(w for language in _named_languages(folded) for w in language.markers)


def unspaced_pages(store: Store, folded: str | None = None) -> frozenset[str]:
    """The pages written in a language without spaces between words (Chinese, Japanese).

    The lexicon reads none of their words: what a sentence there names, and of whom it
    speaks, is not known (a Japanese entry's "インドメタシン" is indomethacin). Given a
    question's folded words, only those in a language it names: "which oral drugs does the
    Japanese entry say have been reported useful?" is answered by "内服", which no word of
    the question's can be matched with.
    """
    languages = (language_rules().languages.values() if folded is None
                 else _named_languages(folded))
    return frozenset(doc for language in languages if not language.spaced
                     for doc in written_in(store, language.markers))


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


def mostly_english(store: Store, doc_id: str) -> bool:
    """Do more of the page's sentences hold an English word than any other language's?

    A page is in a language when it holds two of its markers (`written_in`); an English
    page may hold a title in its authors' language ("Calcinosis urémica de los dedos con
    presentación atípica"), which holds as many, in one sentence: it is the share of the
    page's sentences that tells the page's own language.
    """
    rules = language_rules()
    english = sorted(_english_words())
    others = [sorted(set(language.markers) - set(english))
              for language in rules.languages.values()]
    held = store.documents_holding([*english, *(w for words in others for w in words)]).held

    def most(words: Iterable[str]) -> int:
        return max((held.get(w, {}).get(doc_id, 0) for w in words), default=0)

    return most(english) > max((most(words) for words in others), default=0)


def written_in(store: Store, markers: Iterable[str]) -> list[str]:
    """The store's pages written in a language: those holding `MARKERS_HELD` of its markers."""
    words = sorted(set(markers))
    held = store.documents_holding(words).held
    count: dict[str, int] = {}
    for marker in words:
        for doc in held.get(marker) or {}:
            count[doc] = count.get(doc, 0) + 1
    return sorted(doc for doc, n in count.items() if n >= MARKERS_HELD)


WORDS = re.compile(r"[^\W\d_]+")
"""A line's words: its runs of letters."""
ACCENTED = re.compile(r"\b[a-z]*[à-öø-ÿ][a-zà-öø-ÿ]*\b")
"""A lower-case word with an accent letter (names are capitalised: "Jörg", "Ríos")."""


@lru_cache(maxsize=4096)
def title_in_other_language(text: str) -> bool:
    """Is this line a title written in another language than English?

    Said of a line on an English page, it is the page's own title in its authors'
    language: the English title answers an English question, and the translation, sharing
    its names, must not lead in its place.
    """
    rules = language_rules()
    words = [fold(w) for w in WORDS.findall(text)]
    if not words or len(words) > rules.title_words or not _english_words().isdisjoint(words):
        return False
    if len(ACCENTED.findall(text)) >= rules.accented_words:
        return True
    return any(sum(1 for w in words if w in own) >= rules.markers_held
               for own in _own_words())


@cache
def _english_words() -> frozenset[str]:
    return frozenset(fold(w) for w in language_rules().english)


@cache
def _own_words() -> tuple[frozenset[str], ...]:
    """Each language's commonest and asking words, folded, minus any English word."""
    english = _english_words()
    return tuple(frozenset(fold(w) for w in (*language.markers, *language.asking)) - english
                 for language in language_rules().languages.values())
