"""A record's other conditions (typhoid, epilepsy, osteogenesis imperfecta…) are the
patient's facts a clinician checks, not unrecognised entries, and no risk the sources name
unless a source says so."""

from __future__ import annotations

from osteon import KnowledgeBase

AT = "2026-11-20T10:00:00Z"
YESTERDAY = "2026-11-19T09:00:00Z"


def test_conditions_beside_the_injury_are_listed_as_the_patients_not_as_risks(
        seeded_kb: KnowledgeBase) -> None:
    # a record's other conditions are facts a clinician checks, not unrecognised entries; an
    # inherited bone disease is no "rare genetic disorder" the sources mean (FOP, POH)
    result = seeded_kb.assess({"age": 9, "conditions": [
        {"text": "Osteogenesis imperfecta type IV"}, {"text": "Epilepsy"},
        {"text": "Typhoid fever", "date": YESTERDAY}]}, at=AT)
    facts = {f.concept for f in result.patient.facts}
    assert {"osteogenesis_imperfecta", "epilepsy", "typhoid_fever"} <= facts
    assert not result.patient.not_recognised
    assert not result.risk_factors
