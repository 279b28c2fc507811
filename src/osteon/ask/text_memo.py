"""What a rule's pattern finds in a sentence, and a sentence's words, remembered by text.

Ranking looks at the same candidate sentences question after question (those about HO
come back every time), each against the same few patterns of data/ask (intent cues,
headings, answer detectors, aim, pointing back) and split into words for the overlap with
the question: ~90 candidates a question, each searched a dozen times, was a good part of
an answer's work. The key holds the pattern itself, so a rule edited in a running process
is searched anew; a text is only ever searched, so no store version is needed. Bounded
(least recently used go first), so a store of many documents does not grow it without end.
"""

from __future__ import annotations

import re
from functools import lru_cache

from osteon.ask.ranking_rules import compiled
from osteon.corpus.scripts import CJK, run_words, unspaced

REMEMBERED = 50_000
"""(pattern, text) searches and texts' words kept: a few thousand sentences a question set
touches, times the dozen patterns each is searched with."""


@lru_cache(maxsize=REMEMBERED)
def occurs(pattern: str, text: str) -> bool:
    """Does the rule's pattern (case-insensitive, see `compiled`) occur in the text?"""
    return compiled(pattern).search(text) is not None


@lru_cache(maxsize=REMEMBERED)
def starts(pattern: str, text: str) -> bool:
    """Does the text start with what the rule's pattern matches?"""
    return compiled(pattern).match(text) is not None


def is_all(pattern: str, text: str) -> bool:
    """Is the whole text what the rule's pattern matches (a heading that is only a label)?"""
    return compiled(pattern).fullmatch(text.strip()) is not None


@lru_cache(maxsize=REMEMBERED)
def subject_found(pattern: str, text: str) -> tuple[bool, str | None]:
    """Whether the pattern occurs in the text, and its first match's `subject` group if any."""
    match = compiled(pattern).search(text)
    if match is None:
        return False, None
    return True, match.groupdict().get("subject")


TOKEN = re.compile(r"[^\W_]+")
"""A word as the index splits the text into words (a CJK run further: `tokens_of`)."""
_RUN_OR_WORD = re.compile(rf"[{CJK}]+|[^\W_{CJK}]+")


def tokens_of(text: str) -> list[str]:
    """The text's words in order, lower-cased, as the index splits them."""
    if not unspaced(text):
        return TOKEN.findall(text.lower())
    return [w for m in _RUN_OR_WORD.finditer(text.lower())
            for w in (run_words(m.group()) if unspaced(m.group()) else (m.group(),))]


@lru_cache(maxsize=REMEMBERED)
def words_of(text: str) -> tuple[int, frozenset[str]]:
    """How many words the text has (lower-cased, as the index splits them), and which."""
    words = tokens_of(text)
    return len(words), frozenset(words)


STEM = 5
"""Letters a word is cut to when sentences and questions are compared: "analysis" and
"analyzed", "fracture" and "fractured" meet, as the index's stemmer has them meet."""


def stem_of(word: str) -> str:
    return word[:STEM]
