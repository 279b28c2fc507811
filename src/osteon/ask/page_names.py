"""The names a question writes in passing, and the pages it names by them.

A question names people, places and studies by capitalised words where no sentence opens
("Is there any cure, according to Joseph Suchanek's story?"), and a page by quoting its
title ("the case report 'Oral management in a patient with FOP'"). Either is how the asker
points at one page; a page may hold a name only in its byline or a heading ("Joseph
Suchanek" above "A Human Prison"), which no sentence index holds. Both the detail check
(`detail_fit`) and the ranking (`evidence`) read the names from here.
"""

from __future__ import annotations

import re

from osteon.ask.understand import POSSESSIVE, WORD, QuestionRules, find_concepts
from osteon.knowledge.store import KnowledgeStore

SENTENCE_END = re.compile(r"[.?!:]\s*$")
SHORTEST_NAME_WORD = 3
NAME_WORDS = 2
"""A run of capitalised words this long at least is a name a heading may hold ("Joseph
Suchanek"); one capitalised word ("Joey", "Europe") tells no heading apart."""
QUOTED = re.compile(r"(?:^|(?<=[\s(:]))['\"“‘](?P<quoted>[^'\"“”‘’]{12,200})['\"”’]"
                    r"(?=[\s.,;:?!)]|$)")
"""A phrase a question quotes: "the case report 'Oral management in a patient with FOP'"."""
TITLE_WORDS = 3
NAMED_PAGES = 2
"""A quoted title or a name that more pages hold than this points at none of them."""

WEB_SITE = re.compile(r"\.(?:com|org|net|gov|edu|info|io|co)\b", re.IGNORECASE)
"""What follows a site's name: "Health.com", "Verywell.org"."""

Span = tuple[int, int, str]
"""A word of the question: where it starts and ends, and the word."""


def question_words(text: str) -> list[Span]:
    """The question's words with where they stand."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def capitalised(text: str, words: list[Span], i: int) -> bool:
    """Is the word a name: capitalised where no sentence opens ("… skeleton. How old…")?"""
    start, _, word = words[i]
    return (i > 0 and word[:1].isupper() and word != "I"
            and not SENTENCE_END.search(text[:start]))


def concept_words(knowledge: KnowledgeStore, text: str, rules: QuestionRules) -> set[int]:
    """The indexes of the words that name a lexicon concept (no name of a source's own)."""
    found = find_concepts(text, knowledge.lexicon, rules, fuzzy=False)
    return {i for _, first, last in found for i in range(first, last)}


def name_positions(text: str, words: list[Span], named: set[int], rules: QuestionRules
                   ) -> list[int]:
    """The indexes of the words the question uses as names (no concept, no small word).

    A web site's name ("the Health.com piece") names where a page was found, which its
    text need not say: another page's "Health" is no mention of it.
    """
    return [i for i, (_, end, w) in enumerate(words)
            if capitalised(text, words, i) and i not in named and "-" not in w
            and w.lower() not in rules.stopwords and len(w) >= SHORTEST_NAME_WORD
            and not WEB_SITE.match(text, end)]



def named_pages(knowledge: KnowledgeStore, text: str, rules: QuestionRules) -> list[str]:
    """The pages the question names: by a title it quotes, else by a name a heading holds."""
    return _quoted_titles(knowledge, text) or heading_named_pages(knowledge, text, rules)


def _quoted_titles(knowledge: KnowledgeStore, text: str) -> list[str]:
    """The pages whose title a question quotes (of three words or more)."""
    found: list[str] = []
    for m in QUOTED.finditer(text):
        quoted = m.group("quoted").strip(" .")
        if len(quoted.split()) >= TITLE_WORDS:
            found += knowledge.store.titled(quoted)
    return _few(found)


def heading_named_pages(knowledge: KnowledgeStore, text: str, rules: QuestionRules
                        ) -> list[str]:
    """The pages whose title or a heading holds a name the question writes.

    The concepts' words are found (the costly step) only when the question writes
    capitalised words side by side at all: leaving them out can only shorten a run.
    """
    words = question_words(text)
    if not _runs(name_positions(text, words, set(), rules)):
        return []
    at = name_positions(text, words, concept_words(knowledge, text, rules), rules)
    return pages_headed_by(knowledge, words, at)


def pages_headed_by(knowledge: KnowledgeStore, words: list[Span], at: list[int]
                    ) -> list[str]:
    """The pages whose title or a heading holds a name of the words at `at`.

    Only names of two words or more, written side by side, are looked up (one look at the
    headings each): "Joseph Suchanek's story" is the page whose byline he is.
    """
    found: list[str] = []
    for run in _runs(at):
        found += knowledge.store.headed(" ".join(POSSESSIVE.sub("", words[i][2])
                                                 for i in run))
    return _few(found)


def _runs(at: list[int]) -> list[list[int]]:
    """The positions that stand side by side, in runs of `NAME_WORDS` or more."""
    runs: list[list[int]] = []
    for i in at:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) >= NAME_WORDS]


def _few(found: list[str]) -> list[str]:
    """The pages found, each once, unless more than `NAMED_PAGES` were."""
    found = list(dict.fromkeys(found))
    return found if len(found) <= NAMED_PAGES else []
