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

A page's record of itself (its journal line, its byline: `of_page` types) is given by the
page the question is about, not by another page's record line (`own_page_record`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from osteon.ask.evidence import Ranked, stems_of
from osteon.ask.languages import translated_words
from osteon.ask.page_names import (
    Span,
    capitalised,
    concept_words,
    question_words,
    rare_name_pages,
)
from osteon.ask.ranking_rules import compiled
from osteon.ask.text_memo import stem_of, words_of
from osteon.ask.understand import (
    POSSESSIVE,
    QuestionRules,
    QuestionType,
    has_phrase,
    related_words,
)
from osteon.knowledge.store import KnowledgeStore

SHORTEST_EVENT_WORD = 3


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
        return bool(self.events & stems_of(words_of(ranked.place.text)[1]))


def asked_detail(knowledge: KnowledgeStore, text: str, qtype: QuestionType,
                 rules: QuestionRules) -> AskedDetail:
    """What the detail a question asks for is said of, read from its own words."""
    words = question_words(text)
    named = concept_words(knowledge, text, rules)
    pages = rare_name_pages(knowledge, text, words, named, rules)
    if not qtype.event_words or any(compiled(asked).search(text) for asked in qtype.events):
        return AskedDetail(pages=pages)  # no event asked of, or one the type's rules know
    return AskedDetail(_event_stems(text, words, named, qtype, rules), pages)


def _event_stems(text: str, words: list[Span], named: set[int], qtype: QuestionType,
                 rules: QuestionRules) -> frozenset[str]:
    asking = [m.span() for p in qtype.patterns for m in compiled(p).finditer(text)]
    stems = set()
    for i, (start, end, word) in enumerate(words):
        lower = POSSESSIVE.sub("", word.lower())
        if (i in named or lower in rules.stopwords or lower in rules.question_words
                or len(lower) < SHORTEST_EVENT_WORD or any(ch.isdigit() for ch in lower)
                or capitalised(text, words, i)
                or any(a <= start and end <= b for a, b in asking)):
            continue
        stems.add(stem_of(lower))
        # and as a page in another language says it ("after": nach, dopo), or a page in
        # its own words ("how long should you WAIT?": "delayed until it has matured")
        stems.update(stem_of(w) for w in translated_words(lower, has_phrase))
        stems.update(stem_of(w) for said in related_words(lower, rules) for w in said.split())
    return frozenset(stems)


def own_page_record(ranked: list[Ranked], qtypes: Sequence[QuestionType]) -> list[Ranked]:
    """Another page's record of itself set aside where the asked page has its own (`of_page`).

    "Which review does the BestBET cite, and when was it published?" had been answered by a
    case archive's "CASE 3091 Published on 05.05.2008": its words "case" and "published"
    outweighed the BestBET page's own reference line. The page asked about is the one the
    question's words point to most (the `context` feature); where it records what is asked,
    another page's record that holds nothing else the question asks is set aside (kept
    last only when plain BM25 ranked it among its best, which is always quoted).
    """
    records = [t.name for t in qtypes if t.of_page]
    if not records or not ranked:
        return ranked
    asked = max(ranked, key=lambda r: r.features.get("context", 0.0))
    if not asked.features.get("context"):
        return ranked  # no page stands for the question's words
    page = asked.place.doc_id
    recorded = {name for name in records
                if any(r.holds.get(name) and r.place.doc_id == page for r in ranked)}

    def elsewhere(r: Ranked) -> bool:
        held = {name for name, holds in r.holds.items() if holds}
        return r.place.doc_id != page and bool(held & recorded) and held <= recorded
    return ([r for r in ranked if not elsewhere(r)]
            + [r for r in ranked if elsewhere(r) and r.leading])
