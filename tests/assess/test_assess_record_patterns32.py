"""Record patterns of patients90 (dev) and their kin (issue 15). Made-up records.

- An entry a note calls wrong ("'R total hip replacement 2027' on the problem list is
  wrong", "está errado") is no fact about the patient.
- A diagnosis the note puts out of the differential ("myositis ossificans is not a
  consideration here") is absent.
- A referral "to the amputee program" is a service, not a planned amputation.
- A plan that names no site ("revision amputation tomorrow") is at the site of the same
  operation done since: a transradial revision opens no radiation window.
- A coded operation's display says what its text leaves out ("Ostéosynthèse diaphysaire"):
  a forearm shaft plating is at no joint.
- A corpectomy is spinal surgery: after a cord injury it opens the radiation window.
- A Polish "bolesny obrzęk uda" is a painful swelling: a finding that presents HO, so
  the differential is given.
"""

from __future__ import annotations

import pytest
from assess_support import statuses

AT = "2033-07-18T18:00:00Z"


def _note(text: str) -> dict:
    return {"notes": [{"text": text, "date": "2033-07-18"}]}


@pytest.mark.parametrize("text", [
    '"R total hip replacement 2027" on the electronic problem list is wrong',
    "The total hip replacement on the problem list is incorrect",
    "La prótesis total de cadera de la lista de problemas está errada",
])
def test_an_entry_the_note_calls_wrong_is_no_fact(text: str) -> None:
    found = statuses(_note(text))
    assert "active" not in found.get("total_hip_arthroplasty", set()), found


def test_an_entry_not_called_wrong_stays() -> None:
    found = statuses(_note("R total hip replacement 2027, well"))
    assert found.get("total_hip_arthroplasty") == {"active"}, found


@pytest.mark.parametrize("text", [
    "Myositis ossificans is not a consideration here (normal films, 1-day course)",
    "Heterotopic ossification not considered: normal films",
])
def test_a_diagnosis_put_out_of_the_differential_is_absent(text: str) -> None:
    found = statuses(_note(text))
    concept = "myositis_ossificans" if "Myositis" in text else "heterotopic_ossification"
    assert found.get(concept) == {"absent"}, found


def test_a_referral_to_the_amputee_program_plans_no_amputation() -> None:
    found = statuses(_note("Referral to the amputee program for an upper-limb prosthesis"))
    assert "planned" not in found.get("amputation", set()), found


def _transradial(plan: str) -> dict:
    return {"procedures": [
        {"text": "Revision amputation R forearm - transradial amputation, myodesis",
         "date": "2033-07-17T09:00:00Z", "end": "2033-07-17T11:00:00Z"}],
        "notes": [{"text": plan, "date": "2033-07-16"}]}


def test_a_plan_naming_no_site_is_where_it_was_done(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    result = seeded_kb.assess(_transradial("Plan: revision amputation tomorrow"), at=AT)
    advice = [i.text for i in result.prophylaxis]
    assert not [t for t in advice if "adiation" in t], advice
    assert not result.deadlines, [d.sentence for d in result.deadlines]


def test_a_plan_naming_its_site_keeps_it(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    result = seeded_kb.assess(_transradial("Plan: right elbow arthroplasty next week"), at=AT)
    assert [i for i in result.prophylaxis if "adiation" in i.text]


@pytest.mark.parametrize(("display", "window"), [
    ("Ostéosynthèse diaphysaire des deux os de l'avant-bras par plaques", False),
    ("Ostéosynthèse de l'extrémité distale de l'humérus (coude)", True),
])
def test_a_coded_display_places_the_operation(seeded_kb, display: str, window: bool) -> None:  # type: ignore[no-untyped-def]
    patient = {"procedures": [{
        "text": "Ostéosynthèse par plaques vissées - réduction à foyer ouvert",
        "codes": [{"system": "https://example.org/ccam-local", "code": "X1",
                   "display": display}],
        "date": "2033-07-17T08:00:00Z", "end": "2033-07-17T10:00:00Z"}]}
    result = seeded_kb.assess(patient, at=AT)
    assert bool(result.deadlines) is window, [d.sentence for d in result.deadlines]


def test_a_corpectomy_after_a_cord_injury_opens_the_window(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    patient = {"conditions": [{"text": "complete cervical spinal cord injury C5",
                               "date": "2033-07-16T16:00:00Z"}],
               "procedures": [{"text": "Anterior cervical corpectomy C5 and C4-C6 fusion",
                               "date": "2033-07-17T08:30:00Z",
                               "end": "2033-07-17T12:45:00Z"}]}
    result = seeded_kb.assess(patient, at=AT)
    assert [d for d in result.deadlines if "corpectomy" in d.sentence
            and d.window.status in ("open", "closing")], [
        (d.sentence, d.window.status) for d in result.deadlines]


def test_a_polish_painful_swelling_brings_the_differential(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    patient = {"findings": [{"text": "Udo lewe: ciepły, twardy, bolesny obrzęk",
                             "date": "2033-07-17"}]}
    result = seeded_kb.assess(patient, at=AT)
    assert [i for i in result.differential if "hrombophlebitis" in i.text], [
        i.text for i in result.differential]
