"""A page read whole scores its sentences on every question word, common ones too.

The pages' own search keeps only a question's rarest words, so a sentence of the page the
question is about that holds only its common words ("…were heterotopic ossification
(39/312 [12.5%])" for "how often did heterotopic ossification turn up after surgery for
terrible triad injuries?") had no lexical share at all (set 100, issue 14).
"""

from __future__ import annotations

from osteon.ask.whole_page import whole_page_shares

TEXTS = {
    ("review", 0): "The most common complications were heterotopic ossification (39/312).",
    ("review", 1): "Mean follow up was typically 25 to 30 months.",
    ("review", 2): "Heterotopic ossification after surgery for terrible triad injuries.",
}
# sentences in the store holding each searched word: "ossification" is common, "triad" rare
COUNTS = {"heterotopic": 900, "ossification": 1000, "surgery": 400, "triad": 3}


def test_a_sentence_holding_common_words_only_gets_a_share() -> None:
    shares = whole_page_shares(TEXTS, COUNTS, sentences=5000, best=-12.0)
    assert shares[("review", 0)] > 0.0
    assert shares[("review", 1)] == 0.0  # none of the question's words


def test_rarer_and_more_words_weigh_more_and_shares_stay_halved() -> None:
    shares = whole_page_shares(TEXTS, COUNTS, sentences=5000, best=-12.0)
    assert shares[("review", 2)] > shares[("review", 0)]
    assert all(0.0 <= share <= 0.5 for share in shares.values())


def test_nothing_found_by_the_search_leaves_every_sentence_at_no_share() -> None:
    assert whole_page_shares(TEXTS, COUNTS, sentences=5000, best=0.0) == dict.fromkeys(
        TEXTS, 0.0)
