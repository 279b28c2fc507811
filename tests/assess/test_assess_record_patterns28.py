"""Record patterns of patients73 (spent) and their kin: what a remark on an entry called off
or ruled out says of the patient (issue 15). Made-up records.

An order revoked ("REVOKED by OMFS and Genetics: FOP - no elective extractions") calls off
the extraction, not the patient's FOP; a condition refuted with its note ("Excluded on
ultrasound: diffuse oedema of the masseter, no collection") rules out the abscess, not the
oedema the ultrasound saw. What the remark orders or gives is called off with the entry.
"""

from __future__ import annotations

from typing import Any

from assess_support import searchset, statuses


def _revoked_order(text: str, note: str) -> dict[str, Any]:
    return {"resourceType": "ServiceRequest", "id": "s1", "status": "revoked",
            "intent": "order", "authoredOn": "2026-11-12T16:00:00Z",
            "code": {"text": text}, "note": [{"text": note}]}


def _refuted(text: str, note: str) -> dict[str, Any]:
    return {"resourceType": "Condition", "id": "c1", "recordedDate": "2026-11-18",
            "verificationStatus": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "code": "refuted"}]},
            "code": {"text": text}, "note": [{"text": note}]}


def test_a_revoked_order_does_not_call_off_the_disease_its_remark_names() -> None:
    found = statuses(searchset(_revoked_order(
        "Orthodontic space closure appliance",
        "REVOKED by genetics: FOP - no elective extractions, no dental blocks.")))
    assert found.get("fibrodysplasia_ossificans_progressiva") == {"active"}, found


def test_a_revoked_orders_remark_still_calls_off_the_operation_it_names() -> None:
    found = statuses(searchset(_revoked_order(
        "Orthopaedic request 4471", "Excision of heterotopic ossification, right hip.")))
    assert found.get("surgical_resection") == {"absent"}, found


def test_a_refuted_conditions_remark_keeps_the_finding_it_saw() -> None:
    found = statuses(searchset(_refuted(
        "Masseteric space abscess",
        "Excluded on ultrasound: diffuse oedema of the masseter, no collection.")))
    assert found.get("edema") == {"active"}, found
    assert found.get("abscess") == {"absent"}, found


def test_a_refuted_conditions_remark_that_denies_keeps_its_denial() -> None:
    found = statuses(searchset(_refuted(
        "Deep vein thrombosis", "Doppler negative; no thrombophlebitis.")))
    assert found.get("thrombophlebitis") == {"absent"}, found
