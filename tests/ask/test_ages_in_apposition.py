"""A news story gives an age between commas after a name ("Okonjo, 70, who lost her
daughter to the same disease") — a question asking how old someone is is answered by it.

Set 96's "How old are Hamza and Mustafa …?" had found no sentence giving an age: the age
answer kind knew "a 70-year-old", "aged 70" and "in his seventies" only. Pages written for
the test, in the shape of the Turkish news story of set 96.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages

STORY = ("Father and son with stone man syndrome\n\n"
         "In Kayseri, Emre Okonjo and his son Deniz Okonjo are bedridden with fibrodysplasia "
         "ossificans progressiva.\n"
         "Okonjo, 70, who lost his daughter to the same disease, became bedridden ten years "
         "ago.\n"
         "The family asks for help from researchers abroad.\n")


def test_an_age_after_a_name_answers_how_old(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"story.txt": STORY}) as kb:
        answer = kb.ask("How old is Emre Okonjo?")
    assert not answer.abstained and "70" in answer.answer, answer.answer


@pytest.mark.parametrize("sentence", [
    "The study, 2019, found nothing.",  # a year between commas after a noun, lower case
    "Volume 12, 3, pages 4-9.",
])
def test_a_number_between_commas_without_a_name_is_no_age(tmp_path, sentence: str) -> None:  # type: ignore[no-untyped-def]
    page = ("Bone in muscle\n\n" + sentence + "\n"
            "Heterotopic ossification is bone in soft tissue.\n")
    with store_of_pages(tmp_path, {"page.txt": page}) as kb:
        answer = kb.ask("How old was the patient with bone in muscle?")
    assert sentence.split(",")[0] not in answer.answer, answer.answer
