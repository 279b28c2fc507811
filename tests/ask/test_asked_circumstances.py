"""Questions dev set 84 found misread (issue 14), the pages written here in other words.

- "When is surgery considered?" asks the circumstances that call for it ("reserved for
  patients whose …"), not a time.
- "Should every patient be put on drugs to prevent it?" asks whether it is advised: a
  sentence saying it is not recommended answers, though it names no drug.
- A further intent ("… and for how long?") is not answered by another page's sentence about
  something else ("kept off the leg for three weeks" in a case report).
- "What dose did <a named person> receive?" is answered by a dose on that person's page, not
  by another page's usual dose.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

BURNS_REVIEW = (
    "Heterotopic ossification after burns: a clinical review\n\n"
    "Heterotopic ossification is a known complication of severe burns.\n"
    "It most often forms around the elbow of the burned arm.\n"
    "Range of motion exercises are started early in every burned patient.\n"
    "Routine drug prophylaxis for heterotopic ossification after burns is currently not "
    "recommended.\n"
    "Excision of heterotopic ossification is reserved for patients whose elbow stays stiff "
    "and whose daily activities are limited.\n"
    "The timing and length of anti-inflammatory treatment after excision vary widely between "
    "burn centres.\n")
CASE = (
    "A stiff knee after a fall: a case report\n\n"
    "A 40-year-old man fell from a ladder and broke his kneecap.\n"
    "A long leg cast was applied and he was kept off the leg for three weeks.\n"
    "Heterotopic ossification was found in the knee tendon a year later.\n")


def test_when_surgery_is_considered_asks_circumstances(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "When is removal of heterotopic ossification considered after a burn?"
    intents = understand(question, load_lexicon()).intents
    assert intents[0] == "indication" and "onset" not in intents, intents
    with store_of_pages(tmp_path, {"burns.txt": BURNS_REVIEW, "case.txt": CASE}) as kb:
        answer = kb.ask(question)
    assert "reserved for patients whose elbow stays stiff" in answer.answer, answer.answer


def test_whether_drugs_are_advised_is_answered_by_a_recommendation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "Should every burned patient be put on drugs to prevent heterotopic ossification?"
    assert understand(question, load_lexicon()).intents[0] == "recommendation"
    with store_of_pages(tmp_path, {"burns.txt": BURNS_REVIEW, "case.txt": CASE}) as kb:
        answer = kb.ask(question)
    assert "not recommended" in answer.answer, answer.answer


def test_a_further_intent_is_not_answered_by_an_unrelated_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"burns.txt": BURNS_REVIEW, "case.txt": CASE}) as kb:
        answer = kb.ask("Which anti-inflammatory do burn centres give after excision of "
                        "heterotopic ossification, and for how long?")
    assert "three weeks" not in answer.answer, answer.answer


RADIATION = ("Radiation against heterotopic ossification\n\n"
             "A single dose of 7 Gray within 48 hours of surgery prevents heterotopic "
             "ossification around the hip.\n")
NEWS = ("Mayor Quillfeather home after hip surgery\n\n"
        "Surgeons removed heterotopic ossification from the hip of Mayor Quillfeather on "
        "Monday.\n"
        "Quillfeather also got a radiation treatment on the hip to stop the bone coming back.\n")


def test_a_named_person_s_dose_is_not_another_page_s(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "What radiation dose did Mayor Quillfeather receive after the hip surgery?"
    with store_of_pages(tmp_path, {"radiation.txt": RADIATION, "news.txt": NEWS}) as kb:
        assert kb.ask(question).abstained
    told = NEWS.replace("a radiation treatment", "a radiation dose of 8 Gray")
    (tmp_path / "told").mkdir()
    with store_of_pages(tmp_path / "told", {"radiation.txt": RADIATION, "news.txt": told}) as kb:
        answer = kb.ask(question)
    assert "8 Gray" in answer.answer, answer.answer
