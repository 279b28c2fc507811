"""Records of patients set 52 (dev): a history export holding two versions of one Condition,
and a note naming a register after a condition.

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread, with the fact it must give.
"""

from __future__ import annotations

from assess_support import searchset, statuses


def _infarct(version: str, verification: str) -> dict:
    return {"resourceType": "Condition", "id": "c1", "meta": {"versionId": version},
            "subject": {"reference": "Patient/p"},
            "verificationStatus": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "code": verification}]},
            "code": {"text": "Ischaemic stroke"}}


def test_only_the_latest_version_of_a_condition_is_read() -> None:
    # a history export lists the correction first and the first entry after it
    bundle = searchset(_infarct("2", "entered-in-error"), _infarct("1", "provisional"))
    found = statuses(bundle)
    # the correction says the infarct is not the patient's: shown so, never as possible
    assert found.get("ischemic_stroke") == {"absent"}, found


def test_one_version_is_read_as_it_is() -> None:
    found = statuses(searchset(_infarct("1", "provisional")))
    assert found.get("ischemic_stroke") == {"possible"}, found


def test_a_register_named_after_a_condition_is_not_the_patients() -> None:
    found = statuses({"notes": ["Summary for the regional stroke registry: TIA, full recovery."]})
    assert "stroke" not in found, found
    assert "stroke" in statuses({"notes": ["Admitted with a stroke last week."]})
