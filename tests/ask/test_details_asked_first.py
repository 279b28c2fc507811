"""Details asked of a case that only a sentence giving them answers (page sets 91-94).

"How many months after her head injury did the woman's iliopsoas start to ossify?" asks for
months, though its main intent is when HO shows up: a case report that gives no figure had
been quoted as the answer (13 unanswerable questions of the earlier sets were). A question
that opens otherwise and asks a time in passing ("… and how long was he in hospital?") keeps
its other part's answer. A figure said in words ("for a year"), an event said in the page's
words ("how long should you WAIT?": "delayed … until it has matured"), a day of the calendar
for "when was she born?", and a byline's one line for "which hospital wrote it?" answer
(those four and the months declined failed before; the others guard). The pages are written
for the test.
"""

from __future__ import annotations

from fixtures import store_of_pages

CASE = (
    "Myositis ossificans of the iliopsoas after a head injury\n\n"
    "We report a case of myositis ossificans of the iliopsoas in a 27-year-old woman "
    "following a head injury.\n"
    "She was treated in the neurosurgical intensive care unit of our hospital.\n"
    "The mass was excised and she walks without pain.\n")
TIMED = CASE.replace("She was treated in the neurosurgical intensive care unit of our hospital.",
                     "The iliopsoas started to ossify four months after the head injury.")
CLINIC = (
    "Myositis ossificans: a sports clinic's guide\n\n"
    "Myositis ossificans is bone that forms in a bruised muscle.\n"
    "If an operation is needed, surgery must be delayed for 6-24 months, until the mass "
    "has matured.\n"
    "A 58-year-old runner complained of pain in the thigh while training for a year before "
    "she was seen.\n")
NEWS = (
    "The baby turning to stone\n\n"
    "The baby was born on January 31 amid the epidemic.\n"
    "Her name is Mia Rowe, and she has fibrodysplasia ossificans progressiva.\n"
    "Doctors say her toes are shorter than usual.\n")
REVIEW = (
    "Osificación heterotópica de cadera\n\n"
    "REVISTA DEL SUR | VOL 4 | 2018\n\n"
    "Ana Pérez, Luis Gómez\n"
    "Hospital Regional Sur. Ciudad del Sur, Argentina.\n\n"
    "RESUMEN\n"
    "La osificación heterotópica se define como la formación de hueso en tejidos blandos.\n"
    "Las articulaciones más afectadas son la cadera, el codo y el hombro.\n")


def test_months_asked_first_are_not_answered_by_the_case_without_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "clinic.txt": CLINIC}) as kb:
        answer = kb.ask("How many months after her head injury did the 27-year-old woman's "
                        "iliopsoas start to ossify?")
    assert answer.abstained, answer.answer


def test_months_asked_first_are_answered_where_the_case_gives_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": TIMED, "clinic.txt": CLINIC}) as kb:
        answer = kb.ask("How many months after her head injury did the 27-year-old woman's "
                        "iliopsoas start to ossify?")
    assert not answer.abstained, answer.notes
    assert "four months" in answer.answer, answer.answer


def test_a_time_asked_in_passing_keeps_the_other_part(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "clinic.txt": CLINIC}) as kb:
        answer = kb.ask("Where was the 27-year-old woman's myositis ossificans, and how "
                        "long was she in intensive care?")
    assert not answer.abstained, answer.notes
    assert "iliopsoas" in answer.answer, answer.answer


def test_the_wait_is_answered_in_the_pages_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "clinic.txt": CLINIC}) as kb:
        answer = kb.ask("If myositis ossificans needs an operation, how long should you wait?")
    assert "6-24 months" in answer.answer, answer.answer


def test_a_year_in_words_is_a_time_asked_for(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "clinic.txt": CLINIC}) as kb:
        answer = kb.ask("How long had the 58-year-old runner had pain in her thigh before "
                        "she was seen?")
    assert not answer.abstained, answer.notes
    assert "for a year" in answer.answer, answer.answer


def test_a_birth_day_answers_when_she_was_born(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"news.txt": NEWS, "clinic.txt": CLINIC}) as kb:
        answer = kb.ask("When was baby Mia born?")
    assert not answer.abstained, answer.notes
    assert "January 31" in answer.answer, answer.answer


def test_a_birth_year_is_not_answered_by_another_number(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # no day nor year of birth on any page: a page's other figures do not answer
    with store_of_pages(tmp_path, {"case.txt": CASE, "clinic.txt": CLINIC}) as kb:
        answer = kb.ask("When was the woman with the iliopsoas mass born?")
    assert answer.abstained, answer.answer


def test_a_bylines_hospital_answers_which_hospital_wrote_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"review.txt": REVIEW, "clinic.txt": CLINIC}) as kb:
        answer = kb.ask("Which hospital wrote the review 'Osificación heterotópica de cadera'?")
    assert not answer.abstained, answer.notes
    assert "Hospital Regional Sur" in answer.answer, answer.answer


ENGLISH = (
    "Heterotopic ossification\n\n"
    "Heterotopic ossification is bone that forms in soft tissue.\n"
    "Neurogenic heterotopic ossification develops most commonly around the hips, but also "
    "the elbow, knee and shoulder.\n")


def test_a_page_named_in_another_language_is_quoted_for_its_own_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the review is named by its town; its answer shares no English word with the question
    with store_of_pages(tmp_path, {"review.txt": REVIEW, "english.txt": ENGLISH}) as kb:
        answer = kb.ask("Which joints are most affected by heterotopic ossification according "
                        "to the Ciudad del Sur review?")
    quoted = [e.citations[0].doc for e in answer.evidence]
    assert "review" in quoted[:2], quoted
