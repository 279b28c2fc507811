"""Questions the dev set 70 found declined or misread, over pages written for the test (no
source text): a journal asked for beside a year the abstract tells of, a disease's eponym,
an age given as a decade of life."""

from __future__ import annotations

from fixtures import store_of_pages

TRIAL = ("Indomethacin after hip replacement\n\n"
         "Okafor, Ngozi, B.; Lindqvist, Per, A.\n\n"
         "Clinical Hip Practice and Research: March 2031 - Volume 12 - Issue 3 - p 101–109\n\n"
         "In May 2024, indomethacin for high-risk hip arthroplasty patients was adopted for "
         "the prevention of heterotopic bone.\n"
         "Department of Orthopaedics, Riverside Hospital, Lagos.\n"
         "None of the treated patients developed severe ectopic ossification.\n")
FAQ = ("Stone man disease questions\n\n"
       "Fibrodysplasia ossificans progressiva (FOP), also known as stone man syndrome or "
       "Munchmeyer disease, is a rare connective tissue disorder.\n"
       "FOP gets worse over time. Most people with FOP will use a wheelchair by the time they "
       "reach their late 20s.\n")


def _reads(answer) -> str:  # type: ignore[no-untyped-def]
    return answer.answer.lower()


def test_which_journal_is_answered_by_the_journal_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"hip_trial.txt": TRIAL}) as kb:
        answer = kb.ask("In what journal and year was the indomethacin hip replacement paper "
                        "by Okafor published?")
    # not the year the abstract tells of, nor the authors' hospital
    assert "clinical hip practice" in _reads(answer), answer.answer


def test_another_eponym_asks_another_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"faq.txt": FAQ}) as kb:
        answer = kb.ask("FOP has another eponym apart from stone man syndrome. What is it?")
    assert not answer.abstained, answer.notes
    assert "munchmeyer" in _reads(answer), answer.answer


def test_a_decade_of_life_is_an_age(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"faq.txt": FAQ}) as kb:
        answer = kb.ask("My son has FOP. By what age do most people with it end up needing a "
                        "wheelchair?")
    assert not answer.abstained, answer.notes
    assert "late 20s" in _reads(answer), answer.answer
