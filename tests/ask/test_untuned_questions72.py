"""Questions the dev sets 70 and 72 found declined or misread (issue 14).

Pages written for the test (no source text): a page defines "silver nitrate (SN)" and from
then on writes "SN"; a question in the long form must still find the sentence that says why,
and a "because" sentence of another page about something else must not lead the answer. A
question quoting a page's title asks where that page appeared, not another case report.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.understand import understand

DRESSINGS = ("Silver nitrate dressings on burns\n\n"
             "Silver nitrate (SN) is an antiseptic applied to deep burn wounds.\n"
             "The use of silver nitrate offers the advantage of cheap and easy dressing "
             "changes.\n"
             "As SN has long been used on the deepest wounds, there are some concerns that it "
             "might promote heterotopic bone near the joints.\n"
             "This study found no ectopic bone in the treated rabbits.\n")
AMPUTEES = ("Bone after amputation\n\n"
            "Heterotopic ossification is bone in soft tissue.\n"
            "In amputees, the condition can cause serious problems, because a prosthesis "
            "may no longer fit the residual limb.\n"
            "People might need surgery when the bone keeps growing.\n")


def test_a_defined_abbreviation_is_searched_with_its_long_form(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"dressings.txt": DRESSINGS, "amputees.txt": AMPUTEES}) as kb:
        assert kb.knowledge.store.abbreviations_of(["silver nitrate", "deep burn"]) == {
            "silver nitrate": frozenset({"SN"})}
        answer = kb.ask("Why were doctors worried silver nitrate might cause HO in the "
                        "first place?")
    assert not answer.abstained, answer.notes
    # the page's reason, not the amputation page's "because"
    assert "deepest wounds" in answer.answer.lower(), answer.answer


def test_first_place_asks_no_site() -> None:
    from osteon.reading.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert "site" not in understand("Why did it happen in the first place?", lexicon).intents
    assert "site" in understand("In which places does the bone form?", lexicon).intents


ORAL = ("Dental care in a woman with stone man disease\n\n"
        "Int J Oral Care Stud. 2031 Jan;4(1):11-14.\n\n"
        "Abstract\n\n"
        "Fibrodysplasia ossificans progressiva (FOP) makes dental work hard.\n"
        "Nerve blocks in the jaw must be avoided.\n")
KNEE = ("Bone after a knee replacement: a case report\n\n"
        "Published: 2030-04-02\n\n"
        "We report the management of a case of heterotopic ossification in a patient after "
        "knee replacement; the report describes physiotherapy.\n")


def test_a_quoted_title_names_the_page_asked_about(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"oral.txt": ORAL, "knee.txt": KNEE}) as kb:
        answer = kb.ask("Where and when was the case report 'Dental care in a woman with stone "
                        "man disease' published?")
    assert not answer.abstained, answer.notes
    assert "oral care stud" in answer.answer.lower(), answer.answer


FLAP = ("Bone along the flap pedicle\n\n"
        "CT scans of 120 patients who had jaw reconstruction with a free flap were reviewed for "
        "ectopic bone.\n"
        "Ectopic bone along the vascular pedicle was seen on the scans.\n")
FORUM = ("Rehab thread\n\n"
         "My son's rehab binder says 3-5 mos of medication and stretching as treatment for "
         "the bone.\n"
         "Nobody told us what comes after.\n")


def test_a_figure_the_question_gives_is_no_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"flap.txt": FLAP}) as kb:
        answer = kb.ask("How many of the 120 patients in the flap study had pain from the "
                        "ossified pedicle?")
    # "CT scans of 120 patients" counts who was scanned, not who had pain
    assert answer.abstained, answer.answer


def test_months_written_mos_are_a_duration(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"forum.txt": FORUM}) as kb:
        answer = kb.ask("How long does the rehab binder in the thread say the treatment goes on?")
    assert not answer.abstained, answer.notes
    assert "3-5 mos" in answer.answer, answer.answer
