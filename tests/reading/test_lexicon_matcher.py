"""The lexicon matcher finds exactly the entities medspaCy's TargetMatcher finds.

The reading pipeline swapped medspaCy's TargetMatcher for `LexiconMatcher` for
speed only; these tests hold it to the TargetMatcher's output, entity for
entity and label for label, on the seeds, the paraphrase corpus and text made
to stress overlaps, case and ambiguous abbreviations.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
import yaml
from medspacy.common.util import prune_overlapping_matches
from medspacy.target_matcher import TargetRule
from spacy.language import Language

from osteon.corpus.seeds import ensure_default_corpus
from osteon.reading.lexicon import load_lexicon
from osteon.reading.lexicon_matcher import LexiconMatcher, prune_longest
from osteon.reading.pipeline import clean_text, lexicon_target_rules  # registers components

PARAPHRASES = Path(__file__).resolve().parents[1] / "data" / "paraphrases.yaml"


def _nlp(component: str) -> Language:
    """Tokenizer, one sentence per input and a matcher holding the lexicon's target rules."""
    nlp = spacy.blank("en")
    nlp.add_pipe("osteon_one_sentence")
    nlp.add_pipe(component).add(lexicon_target_rules(nlp, load_lexicon()))
    return nlp


@pytest.fixture(scope="module")
def matchers() -> tuple[Language, Language]:
    return _nlp("medspacy_target_matcher"), _nlp("osteon_lexicon_matcher")


def _entities(nlp: Language, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp.pipe(clean_text(t) for t in texts)]


def _paraphrase_texts() -> list[str]:
    return [item["text"] for item in yaml.safe_load(PARAPHRASES.read_text())]


def _seed_texts(store) -> list[str]:
    ensure_default_corpus(store)
    texts = []
    for doc_id in store.ids():
        doc = store.get(doc_id)
        texts.extend(s.text for s in doc.sentences)
        texts.extend(s.heading for s in doc.sections if s.heading)
    return texts


def _stress_texts() -> list[str]:
    """Every surface form in several cases, and runs of forms that overlap and nest."""
    forms = sorted({f.text for f in load_lexicon().surface_forms()})
    texts = []
    for form in forms:
        texts.extend([form, form.upper(), form.lower(), form.title(), f"No {form}, but {form}s."])
    rng = random.Random(3)
    glue = (" ", " ", " of ", "-", " and ", ", ", "/")
    for _ in range(3000):
        picked = rng.sample(forms, rng.randint(2, 5))
        texts.append("".join(f"{form}{rng.choice(glue)}" for form in picked).strip())
    texts.extend(["", "   ", "--", "PAO and PAOs; pao", "The PAO after a PAO."])
    return texts


def test_same_entities_as_target_matcher_on_seeds_and_paraphrases(matchers, empty_store):
    texts = _seed_texts(empty_store) + _paraphrase_texts()
    assert len(texts) > 200
    reference, fast = matchers
    expected = _entities(reference, texts)
    assert sum(map(len, expected)) > 500  # the comparison is not vacuous
    assert _entities(fast, texts) == expected


def test_same_entities_as_target_matcher_on_overlapping_and_cased_forms(matchers):
    texts = _stress_texts()
    reference, fast = matchers
    expected = _entities(reference, texts)
    assert sum(map(len, expected)) > len(texts)
    got = _entities(fast, texts)
    differing = [(t, e, g) for t, e, g in zip(texts, expected, got, strict=True) if e != g]
    assert not differing[:5]


def test_prune_longest_is_medspacys_pruning():
    rng = random.Random(11)
    for _ in range(20_000):
        matches = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 10)
            matches.append((rng.randint(1, 3), start, start + rng.randint(1, 4)))
        assert prune_longest(list(matches)) == prune_overlapping_matches(list(matches))


def test_rules_it_cannot_match_as_medspacy_would_are_refused():
    matcher = LexiconMatcher(spacy.blank("en"))
    with pytest.raises(ValueError, match="regex"):
        matcher.add([TargetRule("ho", "heterotopic_ossification", pattern=r"\bho\b")])
    with pytest.raises(ValueError, match="attributes"):
        matcher.add([TargetRule("ho", "heterotopic_ossification",
                                attributes={"is_historical": True})])
