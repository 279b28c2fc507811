"""An asker's words meet the page's (dev set 88, issue 14); the pages are written for the test.

"Were the big toe deformities obvious?" over a case report that found "bilateral subtle hallux
valgus", and "what explains a difference between males and females?" over a page that speaks
of a "gender difference": the asker's "deformities" and "females" were no word of any source,
so each question was read as asking about something the sources never mention and declined.
"""

from __future__ import annotations

from fixtures import store_of_pages

CASE = (
    "Fibrodysplasia ossificans progressiva missed for twenty years: a case report\n\n"
    "A 35-year-old farmer came with a stiff back and hard lumps on both arms.\n"
    "On examination there were firm, tender masses over both forearms and the back, with "
    "bilateral subtle hallux valgus.\n"
    "Radiographs showed bone in the muscles of the back.\n"
    "The diagnosis of fibrodysplasia ossificans progressiva was made clinically.\n")
OTHER = (
    "Heterotopic ossification after hip replacement\n\n"
    "Heterotopic ossification is bone that forms in the muscles around the hip.\n"
    "Nonsteroidal anti-inflammatory drugs are given to prevent it.\n")


def test_a_lay_name_of_a_finding_finds_the_clinical_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "hip.txt": OTHER}) as kb:
        answer = kb.ask("Were the big toe deformities obvious in the man whose FOP was missed?")
    assert not answer.abstained, answer.answer
    assert "subtle hallux valgus" in answer.answer, answer.answer


HEARING = (
    "Hearing loss in fibrodysplasia ossificans progressiva\n\n"
    "We report the hearing of twenty patients with fibrodysplasia ossificans progressiva.\n"
    "Conductive hearing loss was found in half of them; why it is found more often in some "
    "patients is not fully explained.\n"
    "The reported gender difference may be secondary to a hormonal effect, as in "
    "otosclerosis.\n")


def test_males_and_females_meet_a_gender_difference(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"hearing.txt": HEARING, "hip.txt": OTHER}) as kb:
        answer = kb.ask("What could explain a difference between males and females in FOP "
                        "hearing loss?")
    assert "hormonal effect" in answer.answer, answer.answer
