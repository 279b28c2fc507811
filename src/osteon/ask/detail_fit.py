"""Whether a sentence that gives the kind of detail a question asks for gives it of what is asked.

A question for one detail (a number of months, an age, a percentage) is answered only by a
sentence holding one (`only_with_answer`); but holding one is not enough. "How many months
does the lump take to settle?" is not answered by "it is not diagnosed until 2-4 weeks after
the injury": a duration, but of another event. "How many people with FOP are registered in
Japan?" is not answered by another page's count of people with FOP worldwide. So a
sentence giving the detail must also

- speak of what the question asks it of: share one of the question's own words for it
  (its "event": "settle", "wheelchair", "another operation"), the words left once the
  asking words ("how many months"), the concepts, the place names and the words that only
  phrase a question are set aside - any one of them will do, so the test is lenient;
- lie on a page that holds the names the question sets it in ("in Japan", "the Wolford
  study", "the ISAKOS trial"): capitalised words the question uses in passing, where a
  few pages hold them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from osteon.ask.evidence import Ranked
from osteon.ask.text_memo import words_of
from osteon.ask.understand import WORD, QuestionRules, QuestionType, find_concepts
from osteon.knowledge.store import KnowledgeStore

STEM = 5
"""Letters a word is cut to when the question's words are looked for in a sentence
("settle" meets "settled", "operation" meets "operations"), as ranking compares them."""
RARE_NAME_PAGES = 3
"""A name held by more pages than this sets nothing apart ("NSAID", "Europe")."""
SHORTEST_EVENT_WORD = 3
SENTENCE_END = re.compile(r"[.?!:]\s*$")
POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class AskedDetail:
    """What a sentence giving the asked detail must also show to give it of what is asked."""

    events: frozenset[str] = frozenset()
    """Stems of the question's words for what the detail is of; empty: any sentence will do."""
    pages: frozenset[str] | None = None
    """The pages that hold the names the question sets the detail in; None: any page."""

    def given_by(self, ranked: Ranked) -> bool:
        """Does this sentence give the detail of what is asked (on a page that may)?"""
        if self.pages is not None and ranked.place.doc_id not in self.pages:
            return False
        if not self.events:
            return True
        return bool(self.events & _stems(words_of(ranked.place.text)[1]))


def asked_detail(knowledge: KnowledgeStore, text: str, qtype: QuestionType,
                 rules: QuestionRules) -> AskedDetail:
    """What the detail a question asks for is said of, read from its own words."""
    if not qtype.event_words or any(re.search(asked, text, re.IGNORECASE)
                                    for asked in qtype.events):
        return AskedDetail(pages=_named_pages(knowledge, text, rules))  # the type says which
    return AskedDetail(_event_stems(knowledge, text, qtype, rules),
                       _named_pages(knowledge, text, rules))


def _spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def _concept_words(knowledge: KnowledgeStore, text: str, rules: QuestionRules) -> set[int]:
    """Indexes of the question's words that name one of its concepts."""
    found = find_concepts(text, knowledge.lexicon, rules, fuzzy=False)
    return {i for _, first, last in found for i in range(first, last)}


def _event_stems(knowledge: KnowledgeStore, text: str, qtype: QuestionType,
                 rules: QuestionRules) -> frozenset[str]:
    words = _spans(text)
    asking = [m.span() for p in qtype.patterns for m in re.finditer(p, text, re.IGNORECASE)]
    named = _concept_words(knowledge, text, rules)
    stems = set()
    for i, (start, end, word) in enumerate(words):
        lower = word.lower()
        lower = POSSESSIVE.sub("", lower)
        if (i in named or lower in rules.stopwords or lower in rules.question_words
                or len(lower) < SHORTEST_EVENT_WORD or any(ch.isdigit() for ch in lower)
                or _capitalised(text, words, i)
                or any(a <= start and end <= b for a, b in asking)):
            continue
        stems.add(lower[:STEM])
    return frozenset(stems)


def _capitalised(text: str, words: list[tuple[int, int, str]], i: int) -> bool:
    """Is the word a name: capitalised where no sentence opens ("… skeleton. How old…")?"""
    start, _, word = words[i]
    return (i > 0 and word[:1].isupper() and word != "I"
            and not SENTENCE_END.search(text[:start]))


def _named_pages(knowledge: KnowledgeStore, text: str, rules: QuestionRules
                 ) -> frozenset[str] | None:
    """The pages holding every rare name the question uses in passing (None: it uses none)."""
    words = _spans(text)
    named = _concept_words(knowledge, text, rules)
    names = [w.lower() for i, (_, _, w) in enumerate(words)
             if _capitalised(text, words, i) and i not in named and "-" not in w
             and w.lower() not in rules.stopwords and len(w) >= SHORTEST_EVENT_WORD]
    if not names:
        return None
    held = knowledge.store.documents_holding(names).held
    rare = [set(held[n]) for n in names if 0 < len(held.get(n) or ()) <= RARE_NAME_PAGES]
    if not rare:
        return None
    common = set.intersection(*rare)
    return frozenset(common or set.union(*rare))


@lru_cache(maxsize=4096)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w[:STEM] for w in words)
