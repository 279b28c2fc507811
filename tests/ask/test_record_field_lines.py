"""A record's field line answers the question that names its label: "Status Withdrawn".

Trial registries give their facts as label and value (set 98/99, issue 14): "Status
Withdrawn", "NCT number NCT05648916", "AGE: ≥ 18, ≤65", "Synonyms: …". Such a line has too
few words to pass for a sentence, and only its label shares a word with "what is the
current status of the study?": it was never quoted. On the page the question is about, the
line whose label the question names is its answer; a field it does not name is not.
"""

from __future__ import annotations

from fixtures import store_of_pages

RECORD = ("Clinical Trial Details\n\n"
          "NCT number NCT09990001\n"
          "Status Withdrawn\n"
          "Start date March 3, 2031\n"
          "Source Northfield University Medical Center\n"
          "Study type Observational\n\n"
          "Clinical Trial Summary\n\n"
          "Our aim is to define how often heterotopic ossification forms after fractures of the "
          "wrist, by following patients from injury until their wounds have healed. The "
          "investigators will look at radiographs taken up to one year after the injury.\n")
GENERAL = ("Heterotopic ossification\n\n"
           "Heterotopic ossification is bone that forms in muscles and soft tissues. Studies "
           "of heterotopic ossification follow patients for a year after the injury.\n")


def test_the_field_the_question_names_is_the_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"record.txt": RECORD, "general.txt": GENERAL}) as kb:
        status = kb.ask("What is the current status of the heterotopic ossification study "
                        "NCT09990001?")
        started = kb.ask("When did the Northfield wrist fracture study start?")
    assert status.answer.splitlines()[0].endswith("Status Withdrawn."), status.answer
    assert "March 3, 2031" in started.answer, started.answer


def test_a_field_the_question_does_not_name_is_not_quoted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"record.txt": RECORD, "general.txt": GENERAL}) as kb:
        answer = kb.ask("Which fractures will the Northfield study look at?")
    assert "Status Withdrawn" not in answer.answer, answer.answer
    assert "Study type" not in answer.answer, answer.answer
