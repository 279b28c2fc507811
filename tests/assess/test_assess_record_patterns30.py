"""Record patterns of patients76 (dev) and their kin (issue 15). Made-up records.

- "Whānau asked for the amputated part to be returned for burial": an operation's
  participle before the noun it describes names a thing; "for the" before it plans no
  operation (the Hamilton arborist's report had counted an amputation still to come and
  so kept radiation in his advice).
- A prescription whose medicine is shipped inside it ("medicationReference": "#m-ibu", the
  Medication in `contained`) names that medicine: the Chongqing boy's ibuprofen had been
  skipped as "neither coded nor found in the bundle" (patients80).
"""

from __future__ import annotations

import pytest
from assess_support import searchset, statuses


def _note(text: str) -> dict:
    return {"notes": [{"text": text, "date": "2032-05-12"}]}


@pytest.mark.parametrize("text", [
    "Family asked for the amputated part to be returned for burial",
    "X-ray ordered for the operated hip",
])
def test_a_participle_describing_a_thing_plans_no_operation(text: str) -> None:
    assert "planned" not in set().union(*statuses(_note(text)).values())


@pytest.mark.parametrize(("text", "concept"), [
    ("Booked for the amputation tomorrow", "amputation"),
    ("Referred for R THA", "total_hip_arthroplasty"),
])
def test_an_operation_asked_for_is_still_planned(text: str, concept: str) -> None:
    assert statuses(_note(text)).get(concept) == {"planned"}


def test_a_medicine_contained_in_its_prescription_is_read() -> None:
    record = searchset({
        "resourceType": "MedicationRequest", "id": "mr1", "status": "active",
        "intent": "order", "authoredOn": "2032-08-07T21:00:00+08:00",
        "medicationReference": {"reference": "#m1"},
        "contained": [{"resourceType": "Medication", "id": "m1", "code": {
            "coding": [{"system": "http://www.whocc.no/atc", "code": "M01AE01",
                        "display": "ibuprofen"}], "text": "Ibuprofen suspension 100 mg/5 mL"}}]})
    assert statuses(record).get("ibuprofen") == {"active"}
