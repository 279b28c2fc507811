"""Questions of the 116th set of real pages (dev) and the 114th, in our own words.

- "What did the x-ray of his hip show?" on a blog whose result is the next sentence ("an
  x-ray was taken to see how the hip is doing. And much to my satisfaction, there is no
  calcification."): a sentence opening with "And" goes on from the one before, and names
  its test there.
- "FOP affects how many people?" is answered by a rate ("1 in 2 million"); a count of a
  trial's participants is not.
- "Did anyone pay for the review?" asks its funding, not a price.
- "What made this patient's HO different from other reported cases?" sets one case apart
  from the rest: no two-sided comparison to decline.
- A registry's field with a spaced colon ("Recruitment Status : Recruiting") is a field
  line, not a heading, and answers "is it still recruiting?" with the question's own word;
  an identifier's line above it ("ClinicalTrials.gov Identifier: NCT04307953") is no heading
  either, and answers "what is its number?".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import store_of_pages
from osteon.ask.answer import Answer
from osteon.ask.evaluate import readable_text

BLOG = ("Life after a spinal cord injury\n\n"
        "So it is not HO after all.\n"
        "After being put back on etidronate for suspected heterotopic ossification, I remained "
        "on the meds just in case.\n"
        "Earlier this week, though, an x-ray was taken to see how the right hip is doing.\n"
        "And much to my satisfaction, there is no calcification.\n"
        "The swelling in the leg continues to slowly diminish.\n")

RARE = ("Four years of FOP\n\n"
        "Today marks four years since our daughter was diagnosed with fibrodysplasia ossificans "
        "progressiva, a condition impacting 1 in 2 million where muscles turn to bone.\n"
        "We are thankful for the researchers who work on it every day.\n")

REVIEW = ("Palovarotene: first approval\n\n"
          "Palovarotene is a retinoic acid receptor gamma agonist approved in Canada for "
          "fibrodysplasia ossificans progressiva.\n"
          "The preparation of this review was not supported by any external funding.\n"
          "The author is a salaried employee of the publisher and declares no relevant "
          "conflicts of interest.\n")

CASE = ("Heterotopic ossification after coronavirus infection\n\n"
        "We report a patient who developed heterotopic ossification of one hip after a long "
        "stay in intensive care for coronavirus pneumonia.\n"
        "Unlike earlier reports, the ossification was unilateral and non-traumatic.\n")

REGISTRY = """Saracatinib Trial to Prevent FOP (STOPFOP)

The safety and scientific validity of this study is the responsibility of the sponsor.

ClinicalTrials.gov Identifier: NCT04307953
Recruitment Status : Recruiting
First Posted : March 13, 2020

Brief Summary:

This is a phase 2 study of saracatinib in adults with fibrodysplasia ossificans progressiva.
"""


def _ask(tmp_path: Path, page: str, question: str) -> Answer:
    """The answer over this page and the FOP blog beside it (a second page to choose from)."""
    with store_of_pages(tmp_path, {"page.txt": page, "rare.txt": RARE}) as kb:
        return kb.ask(question)


def test_a_result_told_in_the_next_sentence_answers_what_the_test_showed(tmp_path: Path) -> None:
    answer = _ask(tmp_path, BLOG, "What did the x-ray of his right hip show?")
    assert "no calcification" in answer.answer, answer.answer


@pytest.mark.parametrize(("page", "question", "said"), [
    # how many people a condition affects is answered by a rate
    (BLOG, "The rare mom blog says FOP affects how many people?", "1 in 2 million"),
    # who paid for a review asks its funding
    (REVIEW, "Did anyone pay for the palovarotene review?", "funding"),
])
def test_a_rate_answers_how_many_it_affects_and_funding_who_paid(
        tmp_path: Path, page: str, question: str, said: str) -> None:
    answer = _ask(tmp_path, page, question)
    assert not answer.abstained and said in answer.answer, answer.answer


@pytest.mark.parametrize(("page", "question"), [
    # a rate gives no count of a study's participants
    (BLOG, "How many patients took part in the FOP study?"),
    # a price is still a cost, which the review does not give
    (REVIEW, "How much do patients pay for palovarotene?"),
])
def test_a_count_of_participants_or_a_price_is_not_given_by_them(
        tmp_path: Path, page: str, question: str) -> None:
    answer = _ask(tmp_path, page, question)
    assert answer.abstained, answer.answer


def test_what_sets_a_case_apart_from_others_is_answered(tmp_path: Path) -> None:
    answer = _ask(tmp_path, CASE, "What made the HO in this coronavirus patient different "
                                  "from other reported covid cases?")
    assert not answer.abstained and "unilateral" in readable_text(answer), answer.answer


def test_a_registry_field_answers_in_the_questions_own_word(tmp_path: Path) -> None:
    answer = _ask(tmp_path, REGISTRY, "Is STOPFOP still recruiting?")
    assert "Recruitment Status : Recruiting" in answer.answer, answer.answer


def test_a_registry_identifier_line_answers_its_number(tmp_path: Path) -> None:
    answer = _ask(tmp_path, REGISTRY,
                  "What is the ClinicalTrials.gov number for the STOPFOP saracatinib study?")
    assert "NCT04307953" in answer.answer, answer.answer
