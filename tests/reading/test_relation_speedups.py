"""The shortcuts relation extraction takes answer exactly as the plain way would.

Guarded regexes find the same matches as the patterns as written, the literal index
picks the same rules as a per-rule `may_match`, and the lexicon memo gives the
lexicon's own answers.
"""

from __future__ import annotations

import pytest

from osteon.reading.lexicon import load_lexicon
from osteon.reading.lexicon_memo import LexiconMemo
from osteon.reading.relation_rules import compiled, relation_rules
from osteon.reading.trigger_filter import (
    LiteralIndex,
    first_char_class,
    guarded,
    may_match,
    required_literals,
)

TRICKY = [
    "It is caused by trauma; because of this, the cause remains.",
    "The THE the  theory: causes, caused, causing (also known as HO) — however, which?",
    "ſuch aſ the KELVIN \u212a sign, İstanbul, straße and ﬁbrosis.",
    "",
    "a",
    "They reduce it. It is known as ossification, a process that occurs in muscle.",
]


def _patterns() -> list[str]:
    rules = relation_rules()
    return [*(r.trigger for r in rules.rules), rules.clause_breaks,
            *(a.pattern for a in rules.anaphors), *(c.before for c in rules.compositions),
            *rules.model_context.values()]


@pytest.fixture(scope="module")
def texts(seeded_kb) -> list[str]:
    found = [s.text for d in seeded_kb.sources() for s in seeded_kb.document(d.id).sentences]
    return found + TRICKY


def test_first_char_class_only_where_it_is_safe_and_useful():
    assert first_char_class(r"\b(?:causes|leads? to)\b") == "[cl]"
    assert first_char_class(r"\b(?:can |may )?lead") == "[cml]"
    assert first_char_class(r"\s–\s|;") == r"[\s;]"
    assert first_char_class(r"^It\b") is None  # the engine already tries only the start
    assert first_char_class(r"\(x") is None  # a fixed first character: already skipped to
    assert first_char_class(r"\b(?:a)?") is None  # may match empty
    assert first_char_class(r"\b\w+ly") is None  # nearly any character
    assert first_char_class(r"\b[^a]b") is None


def test_guarded_patterns_match_exactly_as_written(texts):
    for pattern in _patterns():
        plain, fast = compiled(pattern), guarded(pattern)
        for text in texts:
            assert [(m.span(), m.groups(), m.groupdict()) for m in plain.finditer(text)] == [
                (m.span(), m.groups(), m.groupdict()) for m in fast.finditer(text)], pattern
            # searching a window (as argument and composition checks do) agrees too
            lo, hi = len(text) // 4, len(text) - len(text) // 4
            a, b = plain.search(text, lo, hi), fast.search(text, lo, hi)
            assert (a and a.span()) == (b and b.span()), pattern


def test_literal_index_picks_what_may_match_picks(texts):
    literal_sets = [required_literals(r.trigger) for r in relation_rules().rules]
    index = LiteralIndex(literal_sets)
    for text in texts:
        folded = text.casefold()
        assert index.candidates(folded) == [
            i for i, literals in enumerate(literal_sets) if may_match(literals, folded)]


def test_literal_index_sees_overlapping_and_nested_literals():
    sets = [frozenset({"cause"}), frozenset({"caused by"}), frozenset({"the "}),
            frozenset({" the "}), None, frozenset({"use"}), frozenset({"xyz"})]
    index = LiteralIndex(sets)
    assert index.candidates("it was caused by the fall") == [0, 1, 2, 3, 4, 5]
    assert index.candidates("the cause") == [0, 2, 4, 5]
    assert index.candidates("") == [4]
    assert LiteralIndex([None, None]).candidates("anything") == [0, 1]


def test_lexicon_memo_answers_as_the_lexicon():
    lexicon = load_lexicon()
    memo = LexiconMemo(lexicon)
    ids = sorted(lexicon.concepts)[:60]
    for child in ids:
        for parent in ids[:15]:
            assert memo.is_a(child, parent) == lexicon.is_a(child, parent)
            assert memo.is_a(child, parent) == lexicon.is_a(child, parent)  # from the cache
        assert memo.type_of(child) == lexicon.get(child).type
    assert memo.type_of("no_such_concept") is None
    for term in ("HO", "heterotopic ossification", "NSAIDs", "nothing at all", ""):
        assert memo.concept_id_for(term) == lexicon.concept_id_for(term)
    with pytest.raises(KeyError):
        memo.is_a(ids[0], "no_such_concept")
