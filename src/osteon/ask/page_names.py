"""The names a question writes in passing, and the pages they name by a heading.

A question names people, places and studies by capitalised words where no sentence opens
("Is there any cure, according to Joseph Suchanek's story?"). Such a name is how the asker
points at one page; a page may hold it only in its byline or a heading ("Joseph Suchanek"
above "A Human Prison"), which no sentence index holds. Both the detail check
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
HEADED_PAGES = 2
"""A name more pages head than this points at none of them."""

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
    """The indexes of the words the question uses as names (no concept, no small word)."""
    return [i for i, (_, _, w) in enumerate(words)
            if capitalised(text, words, i) and i not in named and "-" not in w
            and w.lower() not in rules.stopwords and len(w) >= SHORTEST_NAME_WORD]


def heading_named_pages(knowledge: KnowledgeStore, text: str, rules: QuestionRules
                        ) -> list[str]:
    """The pages (two at most) whose title or a heading holds a name the question writes.

    Only names of two words or more, written side by side, are looked up (one look at the
    headings each): "Joseph Suchanek's story" is the page whose byline he is.
    """
    words = question_words(text)
    at = name_positions(text, words, concept_words(knowledge, text, rules), rules)
    runs: list[list[int]] = []
    for i in at:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    found: list[str] = []
    for run in runs:
        if len(run) >= NAME_WORDS:
            found += knowledge.store.headed(" ".join(POSSESSIVE.sub("", words[i][2])
                                                     for i in run))
    found = list(dict.fromkeys(found))
    return found if len(found) <= HEADED_PAGES else []
