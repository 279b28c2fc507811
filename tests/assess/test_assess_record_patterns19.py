"""Records in the shape of patients sets 44-52 (dev): a Condition put on the wrong chart.

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread, with what the clinician must see.
"""

from __future__ import annotations

from assess_support import record, searchset, statuses


def _condition(text: str, verification: str, note: str | None = None) -> dict:
    made = {"resourceType": "Condition", "id": "c9",
            "verificationStatus": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "code": verification}]},
            "code": {"text": text}}
    return {**made, "note": [{"text": note}]} if note else made


def test_a_condition_entered_in_error_is_shown_as_not_the_patients() -> None:
    bundle = searchset(_condition("Fracture of left femur", "entered-in-error",
                                  "Entered on this patient by mistake at triage."))
    found = statuses(bundle)
    assert found.get("femur_fracture", found.get("fracture")) == {"absent"}, found
    assert any("entered in error" in w for w in record(bundle).warnings)


def test_an_erroneous_entrys_note_says_nothing_about_the_patient() -> None:
    # the note explains the mistake by naming what the patient does have
    note = "Wrong entry - the stiff neck is from a flare-up of FOP, not torticollis."
    found = statuses(searchset(_condition("Congenital torticollis", "entered-in-error", note)))
    assert "fibrodysplasia_ossificans_progressiva" not in found, found
    # the same note on a valid entry is read
    valid = statuses(searchset(_condition("Neck stiffness", "confirmed", note)))
    assert "fibrodysplasia_ossificans_progressiva" in valid, valid


def test_an_entry_not_in_error_keeps_its_status() -> None:
    found = statuses(searchset(_condition("Fracture of left femur", "provisional")))
    assert "absent" not in {s for v in found.values() for s in v}, found
