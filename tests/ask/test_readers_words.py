"""A reader's words for what a page says in its own: "anaesthetic" for "anesthesia", "the bottom
line" for the conclusion, "the gain" for the improvement (dev set 66: each had been declined
with "No source mentions …")."""

from __future__ import annotations

import pytest

from fixtures import store_of_pages

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
