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

from osteon.ask.languages import language_markers, written_in
from osteon.ask.spelling import places_of
from osteon.ask.understand import POSSESSIVE, WORD, QuestionRules, find_concepts
from osteon.corpus.store import Store
from osteon.knowledge.store import KnowledgeStore

SENTENCE_END = re.compile(r"[.?!:]\s*$")
SHORTEST_NAME_WORD = 3
NAME_WORDS = 2
"""A run of capitalised words this long at least is a name a heading may hold ("Joseph
Suchanek"); one capitalised word ("Joey", "Europe") tells no heading apart ..."""
LONG_NAME = 7
"""... unless it is this long, possessive included, and no sentence holds any name ("Dr
Ponnilavan's slides")."""
QUOTED = re.compile(r"(?:^|(?<=[\s(:]))['\"“‘](?P<quoted>(?:[^'\"“”‘’]|(?<=\w)['’](?=\w)){12,200})"
                    r"['\"”’](?=[\s.,;:?!)]|$)")
"""A phrase a question quotes: "the case report 'Oral management in a patient with FOP'", "the
'You can't make this stuff up' post" (an apostrophe inside a word ends no quote)."""
TITLE_WORDS = 3
NAMED_PAGES = 2
"""A quoted title or a name that more pages hold than this points at none of them."""
RARE_NAME_PAGES = 3
"""A name held by more pages than this sets nothing apart ("NSAID", "Europe")."""
HEADING_WORDS = 2
"""Words no sentence holds looked up in the pages' titles, at most, per question."""

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


def pages_of_names(knowledge: KnowledgeStore, text: str, rules: QuestionRules) -> list[str]:
    """The pages the question names, else those holding the rare names it uses in passing.

    "How did they find out Adam had HO?": the one page that says "Adam" is the one asked
    about, though the seeds hold more of the question's other words.
    """
    words = question_words(text)
    return named_pages(knowledge, text, rules) or sorted(
        rare_name_pages(knowledge, text, words, concept_words(knowledge, text, rules), rules)
        or heading_word_pages(knowledge.store, words, rules))


def heading_word_pages(store: Store, words: list[Span], rules: QuestionRules
                       ) -> frozenset[str]:
    """The pages whose title holds a long word of the question that no sentence does.

    "What operation finally fixed the symptoms in the armored brain case report?": only the
    title "Surgical Management of the Armored Brain: …" says "armored", a word no reader
    capitalises. A word no page holds at all (a slip) names none, nor does a kind of source
    ("which journal was it in?": a heading "Medical Journal of Zambia" is another page's);
    a section's heading ("What's the difference?") names no page by its words; at most
    `HEADING_WORDS` such words are looked up (one look at the titles each).
    """
    long = [w.lower() for _, _, w in words if len(w) >= LONG_NAME and w.isalpha()
            and w.lower() not in rules.stopwords and w.lower() not in rules.source_nouns]
    counts = store.word_counts(long) if long else {}
    found: list[frozenset[str]] = []
    for word in [w for w in dict.fromkeys(long) if not counts.get(w)][:HEADING_WORDS]:
        pages = store.headed(word, titles_only=True)
        if 0 < len(pages) <= RARE_NAME_PAGES:
            found.append(frozenset(pages))
    return frozenset.intersection(*found) if found else frozenset()


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


def pages_headed_by(knowledge: KnowledgeStore, words: list[Span], at: list[int],
                    least: int = NAME_WORDS) -> list[str]:
    """The pages whose title or a heading holds a name of the words at `at`.

    Only names of `least` words or more, written side by side, are looked up (one look at
    the headings each): "Joseph Suchanek's story" is the page whose byline he is.
    """
    found: list[str] = []
    for run in _runs(at, least):
        found += knowledge.store.headed(" ".join(POSSESSIVE.sub("", words[i][2])
                                                 for i in run))
    return _few(found)


def _runs(at: list[int], least: int = NAME_WORDS) -> list[list[int]]:
    """The positions that stand side by side, in runs of `least` or more."""
    runs: list[list[int]] = []
    for i in at:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) >= least]


def _few(found: list[str]) -> list[str]:
    """The pages found, each once, unless more than `NAMED_PAGES` were."""
    found = list(dict.fromkeys(found))
    return found if len(found) <= NAMED_PAGES else []


def rare_name_pages(knowledge: KnowledgeStore, text: str, words: list[Span], named: set[int],
                    rules: QuestionRules) -> frozenset[str] | None:
    """The pages holding every rare name the question uses in passing (None: it uses none).

    A name is looked up without its possessive ("Whelan's series"), and one no page holds
    in the form of the place its people come from (`name_places`: "the Ethiopian patients"
    are on the page that says Ethiopia).
    """
    at = name_positions(text, words, named, rules)
    names = [POSSESSIVE.sub("", words[i][2].lower()) for i in at]
    if not names:
        return None
    store = knowledge.store
    held = dict(store.documents_holding(names).held)
    pairs = _neighbours(at, names)
    # a name written apart that a page runs together ("Joey Sooch": its "JoeySooch")
    joined = {pair: (a, b) for a, b in pairs
              if not held.get(a) and not held.get(b) for pair in (a + b,)}
    if joined:
        together = store.documents_holding(joined).held
        for pair, (a, b) in joined.items():
            if together.get(pair):
                held[a] = held[b] = together[pair]
    _written_in(store, names, held)
    places = {n: found for n in names if not held.get(n) and (found := places_of(n, rules))}
    if places:
        more = store.documents_holding(p for found in places.values() for p in found).held
        for n, found in places.items():
            held[n] = next((more[p] for p in found if more.get(p)), {})
    # a name of several words that no page writes whole names no page by its parts: "the
    # 1982 JBJS British paper" (a journal no page calls so) is not the page that says
    # "British Columbia"
    unheld = {n for pair in pairs if not all(held.get(w) for w in pair) for n in pair}
    rare = [set(held[n]) for n in names
            if n not in unheld and 0 < len(held.get(n) or ()) <= RARE_NAME_PAGES]
    if not rare:
        # a name only a byline or a heading holds ("Joseph Suchanek's story"); where no
        # sentence holds any name, a long one alone will do ("going by Dr Ponnilavan's
        # slides": the slides' byline "Dr.Ponnilavan")
        return frozenset(pages_headed_by(knowledge, words, at) or pages_headed_by(
            knowledge, words, [i for i in at if len(words[i][2]) >= LONG_NAME], least=1)
            or origin_named_pages(store, [n for n in names if not held.get(n)])) or None
    common = set.intersection(*rare)
    return frozenset(common or set.union(*rare))


def origin_named_pages(store: Store, names: list[str]) -> list[str]:
    """The pages whose origin holds a name no sentence does ("that IMAIOS case").

    Every such name that an origin holds must point at the same few pages: a page's site or
    file name is how its reader calls it; a name several origins share sets none apart.
    """
    found = [set(pages) for n in names if (pages := store.origin_named(n))]
    common = set.intersection(*found) if found else set()
    return sorted(common) if 0 < len(common) <= RARE_NAME_PAGES else []


def _written_in(store: Store, names: list[str], held: dict[str, dict[str, int]]) -> None:
    """A language's name points at the pages written in it ("the GERMAN wikibook's list").

    Where some are, rather than at a page that says the word ("a German registry"); where
    none is, the pages that say it stay (an English abstract's "[Article in French]").
    """
    for name in names:
        if (markers := language_markers(name)) and (written := written_in(store, markers)):
            held[name] = dict.fromkeys(written, 1)


def _neighbours(at: list[int], names: list[str]) -> list[tuple[str, str]]:
    """The names that stand next to each other in the question, in pairs."""
    return [(names[k], names[k + 1]) for k in range(len(at) - 1) if at[k + 1] == at[k] + 1]
