"""A reader's words for what a page says in its own: "anaesthetic" for "anesthesia", "the bottom
line" for the conclusion, "the gain" for the improvement (dev set 66: each had been declined
with "No source mentions …")."""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.understand import question_rules, understand
from osteon.ask.unmentioned import unmentioned

SHOCKWAVE = (
    "Shock waves for myositis ossificans of the thigh\n\n"
    "Shock wave treatment was applied to the ossified thigh muscle without any anesthesia, "
    "at an energy density of 0.03 to 0.36 mJ/mm2.\n"
    "Conclusion: larger studies are needed before shock waves can be recommended.\n"
    "The improvement in knee flexion was about 25% and was not explained by less pain.\n")


@pytest.mark.parametrize(("question", "expected"), [
    ("Did the shock wave treatment need any anaesthetic, and what energy density did they use?",
     "without any anesthesia"),
    ("What's the bottom line on shock waves for myositis ossificans?", "larger studies"),
    ("Is the gain in knee flexion after shock waves just down to less pain?", "25%"),
])
def test_a_reader_s_word_finds_the_page_s_word(tmp_path, question: str,  # type: ignore[no-untyped-def]
                                               expected: str) -> None:
    with store_of_pages(tmp_path, {"shockwave.txt": SHOCKWAVE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in answer.answer + " ".join(
        c.sentence_text for e in answer.evidence for c in e.citations), answer.answer


def test_a_word_no_page_says_in_any_form_is_still_unmentioned(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"shockwave.txt": SHOCKWAVE}) as kb:
        answer = kb.ask("Did the shock wave treatment need any sedation, and what sedative "
                        "dose did they use?")
    assert answer.abstained, answer.answer


CADTH = ("Reimbursement recommendation for palovarotene\n\n"
         "The Canadian drug agency recommends that palovarotene be reimbursed for girls aged 8 "
         "years and above and boys aged 10 years and above.\n")
DIALYSIS = ("Heterotopic ossification in tumoral calcinosis\n\n"
            "A woman on hemodialysis for five years had a hard mass near the hip.\n"
            "Woven bone-like tissue was predominant over lamellar bone-like tissue.\n")
KENYA = ("Main Article Content\n\n"
         "Bridging glenohumeral heterotopic ossification at the Kenyatta national hospital : a "
         "case report\n\n\n"
         "A.B. Writer\nC.D. Author\n\nAbstract\n\n"
         "This case report is of a bridging heterotopic ossification of the left shoulder.\n")


@pytest.mark.parametrize(("pages", "question", "expected"), [
    # the page names the country by its people
    ({"cadth.txt": CADTH}, "What is the minimum age for a boy with FOP to get palovarotene "
     "reimbursed in Canada?", "10 years"),
])
def test_a_word_the_page_writes_in_another_form_is_mentioned(tmp_path, pages,  # type: ignore[no-untyped-def]
                                                             question: str,
                                                             expected: str) -> None:
    with store_of_pages(tmp_path, pages) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in answer.answer.lower(), answer.answer


def test_a_hospital_named_in_lower_case_words_is_a_hospital(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"kenya.txt": KENYA}) as kb:
        answer = kb.ask("Which hospital reported the case of bridging heterotopic bone across "
                        "the glenohumeral joint?")
    assert "Kenyatta national hospital" in answer.answer + " ".join(
        c.sentence_text for e in answer.evidence for c in e.citations), answer.answer


def test_a_word_the_page_writes_as_the_end_of_a_compound_is_mentioned(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"In the dialysis patient's HO …" was declined ("No source mentions 'dialysis'") over a
    page on a woman on hemodialysis: the index keeps "hemodialysi", without the final s."""
    with store_of_pages(tmp_path, {"calcinosis_case.txt": DIALYSIS}) as kb:
        question = understand("In the dialysis patient's heterotopic ossification, was woven or "
                              "lamellar bone-like tissue predominant?", kb.knowledge.lexicon,
                              question_rules())
        assert "dialysis" not in unmentioned(kb.knowledge, question, question_rules())
        assert "tourniquet" in unmentioned(
            kb.knowledge, understand("Was a tourniquet used on the dialysis patient?",
                                     kb.knowledge.lexicon, question_rules()), question_rules())
