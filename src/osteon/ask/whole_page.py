"""The lexical share of each sentence of a page read whole, every question word counted.

The pages' own search keeps only the question's rarest words (a word thousands of
sentences hold costs a scan of all of them), so a sentence of the page the question is
about that holds only its common words ("The most common complications … were
heterotopic ossification (39/312 [12.5%])" for "how often did heterotopic ossification
turn up after surgery for terrible triad injuries?") joined with no share at all, below
the page's sentences that happen to hold "surgery". Read whole, a short page's sentences
are few: their BM25 is worked out here, from the index's own sentence counts, at no
search's cost.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from osteon.ask.text_memo import stem_of, tokens_of

K1 = 1.2
B = 0.75
"""FTS5's bm25() constants: the shares worked out here compare with the index's scores."""
IDF_FLOOR = 1e-6
"""FTS5's floor for a word more than half the sentences hold."""

Key = tuple[str, int]


def whole_page_shares(texts: dict[Key, str], counts: dict[str, int], sentences: int,
                      best: float) -> dict[Key, float]:
    """Each sentence's BM25 for the question's words as a share of `best`, halved.

    `counts` holds how many stored sentences hold each searched word (its stem), `sentences`
    how many the store holds, `best` the best search hit's score (negative, as FTS5 gives
    it). Halved as the pages' own search hits are: found on the page, not by the search.
    Every sentence given is returned: with nothing to weigh against, at no share.
    """
    if best >= 0 or not texts or not sentences:
        return dict.fromkeys(texts, 0.0)
    weights: dict[str, float] = {}
    for word, count in counts.items():
        if count:
            idf = max(IDF_FLOOR, math.log((sentences - count + 0.5) / (count + 0.5)))
            weights[stem_of(word)] = max(weights.get(stem_of(word), 0.0), idf)
    tokens = {key: tokens_of(text) for key, text in texts.items()}
    average = sum(map(len, tokens.values())) / len(tokens) or 1.0
    return {key: min(1.0, _bm25(words, weights, average) / -best) / 2
            for key, words in tokens.items()}


def _bm25(words: Sequence[str], weights: dict[str, float], average: float) -> float:
    held: dict[str, int] = {}
    for word in map(stem_of, words):
        if word in weights:
            held[word] = held.get(word, 0) + 1
    norm = K1 * (1 - B + B * len(words) / average)
    return sum(weights[stem] * n * (K1 + 1) / (n + norm) for stem, n in held.items())
