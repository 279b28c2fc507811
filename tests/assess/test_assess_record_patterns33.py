"""Record patterns of patients94 (dev) and their kin (issue 15). Made-up records.

- A Procedure in status `preparation` whose period only opens ("pre-operative preparation
  begun 06:45") has not been operated: the window is counted from its booked time, and
  has not started.
- An NSAID a record names only by name or brand, without a code (zaltoprofen, Soleton;
  fenoprofen, Nalfon; tiaprofenic acid, Surgam), is an NSAID the patient takes.
"""

from __future__ import annotations

import pytest
from assess_support import searchset, statuses

AT = "2033-05-17T07:20:00+08:00"


def _hip_fixation(status: str, performed: dict) -> dict:
    return searchset(
        {"resourceType": "Condition", "id": "fx", "clinicalStatus": {"coding": [
            {"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
             "code": "active"}]}, "code": {"text": "Fracture of the right hip"},
         "onsetDateTime": "2033-05-14T09:40:00+08:00"},
        {"resourceType": "ServiceRequest", "id": "orif-order", "status": "active",
         "intent": "order", "code": {"text": "Open reduction and internal fixation of the hip"},
         "occurrencePeriod": {"start": "2033-05-17T08:00:00+08:00",
                              "end": "2033-05-17T10:30:00+08:00"}},
        {"resourceType": "Procedure", "id": "orif", "status": status,
         "code": {"text": "Open reduction and internal fixation of the hip"}, **performed},
        gender="male")


def test_an_operation_in_preparation_has_not_started(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    patient = _hip_fixation("preparation",
                            {"performedPeriod": {"start": "2033-05-17T06:45:00+08:00"}})
    result = seeded_kb.assess(patient, at=AT)
    windows = [(d.sentence, d.window.status) for d in result.deadlines]
    assert windows and all(d.window.status == "not_started" for d in result.deadlines), windows


def test_an_operation_done_opens_its_window(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    patient = _hip_fixation("completed", {"performedPeriod": {
        "start": "2033-05-16T08:00:00+08:00", "end": "2033-05-16T10:30:00+08:00"}})
    result = seeded_kb.assess(patient, at=AT)
    assert [d for d in result.deadlines if d.window.status in ("open", "closing")], [
        (d.sentence, d.window.status) for d in result.deadlines]


@pytest.mark.parametrize("text", ["ザルトプロフェン錠80mg（ソレトン）", "Nalfon 600 mg tablet",
                                  "Surgam 300 mg"])
def test_an_nsaid_named_without_a_code_is_one(text: str) -> None:
    found = statuses({"medications": [{"text": text, "status": "active"}]})
    named = [c for c in found if c in ("zaltoprofen", "fenoprofen", "tiaprofenic_acid")]
    assert named and found[named[0]] == {"active"}, found
