"""Record patterns of patients98, patients96 and patients94 (dev), and their kin (issue 15).
Made-up records.

- A clinic's consultation named after a surgery ("Consultation de chirurgie orthopédique",
  "Consulta de cirugía ortopédica") and a note heading's service ("OPERATIVE NOTE -
  Orthopedic Surgery") are the clinic, not an operation done or planned; an operation
  written in the same language still is one.
- A skin graft booked over both knees of a burn is an operation on their skin, not on the
  knees: it opens no radiation window, while a knee operation booked the same way does.
- An amputation "through the mid-tibia" is mid-bone: with nothing done at a joint, radiation
  (which the sources give for hip, knee, elbow, shoulder, jaw) is no advice.
"""

from __future__ import annotations

import pytest
from assess_support import statuses

NOTE_DATE = "2026-10-14T09:30:00Z"
AT = "2033-08-09T07:00:00Z"


@pytest.mark.parametrize("text", [
    "Consultation de chirurgie orthopédique le 12/10 : coude raide.",
    "Consulta de cirugía ortopédica: codo rígido.",
    "OPERATIVE NOTE - Orthopedic Surgery",
])
def test_a_surgery_clinics_consultation_is_no_operation(text: str) -> None:
    found = statuses({"notes": [{"text": text, "date": NOTE_DATE}]})
    assert not {"surgery", "orthopedic_surgery"} & set(found), found


def test_an_operation_in_the_same_language_still_is_one() -> None:
    found = statuses({"notes": [{"text": "Prothèse totale de hanche droite le 10/10/2026.",
                                 "date": NOTE_DATE}]})
    assert found.get("total_hip_arthroplasty") == {"active"}, found


def _scalds_with_booked(operation: str) -> dict:
    return {"conditions": [{"text": "Scalds 28% TBSA, both legs and knees, both hands",
                            "date": "2033-08-06T08:20:00Z"}],
            "procedures": [{"text": operation, "status": "planned",
                            "date": "2033-08-10T06:00:00Z"}]}


@pytest.mark.parametrize(("operation", "window"), [
    ("Tangential excision and split-thickness skin grafting - both knees and legs", False),
    ("Arthrolysis of the right knee", True),
])
def test_a_graft_over_the_knees_is_no_knee_operation(seeded_kb, operation: str,  # type: ignore[no-untyped-def]
                                                     window: bool) -> None:
    result = seeded_kb.assess(_scalds_with_booked(operation), at=AT)
    assert bool(result.deadlines) is window, [d.sentence for d in result.deadlines]


def test_an_amputation_through_the_mid_tibia_gets_no_radiation(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    patient = {"procedures": [{
        "text": "Irrigation/debridement and guillotine amputation through the mid-tibia, left leg",
        "date": "2033-08-08T01:00:00Z", "end": "2033-08-08T02:30:00Z"}]}
    result = seeded_kb.assess(patient, at=AT)
    advice = [i.text for i in result.prophylaxis]
    assert not [t for t in advice if "adiation" in t], advice
