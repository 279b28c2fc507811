"""The short answer quotes the clause that answers when a sentence gives two figures."""

from __future__ import annotations

import pytest

from osteon.ask.answer_span import answering_part

TWO_FIGURES = ("The average lifetime risk for the bladder in all patients is 0.22% and the "
               "average lifetime risk for the remaining organs is 1.25%.")


def test_the_clause_with_the_asked_things_figure_is_quoted_and_the_cut_marked() -> None:
    part = answering_part(TWO_FIGURES, ["average", "lifetime", "risk", "bladder"])
    assert part == ("The average lifetime risk for the bladder in all patients is 0.22% …")
    later = answering_part(TWO_FIGURES, ["risk", "remaining", "organs"])
    assert later.startswith("… the average lifetime risk for the remaining organs")
    assert "0.22%" not in later


@pytest.mark.parametrize("sentence", [
    # a negation before the cut may govern what follows it
    "There was no difference in HO rates in the trial (P = .20); the rate was 12% overall.",
    # the parts are items of one statement, with no verb of their own
    "Regression identified a mixed-type resection (P = .011) and the absence of NSAID "
    "prophylaxis (P = .003) as predictors of HO.",
    # a word ties the parts together
    "HO was seen in 40% of the nonselective group and the selective group had 38% both years.",
    # the later clause points back to the first
    "In SCI, about 90% of cases involve the hips; it also occurs in 10% at the knees.",
])
def test_a_sentence_whose_parts_depend_on_each_other_is_quoted_whole(sentence: str) -> None:
    assert answering_part(sentence, ["selective", "nsaid", "hips", "knees", "rate",
                                     "overall", "absence", "prophylaxis"]) == sentence


def test_a_question_that_fits_each_clause_alike_gets_the_whole_sentence() -> None:
    assert answering_part(TWO_FIGURES, ["average", "lifetime", "risk"]) == TWO_FIGURES
