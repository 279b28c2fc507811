"""Dates as EHRs give them: periods, instants, recorded dates, days without a time.

A timing "within 24–48 hours of surgery" counts from the end of the operation when the
record gives its period, and the report says so.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from assess_support import PATIENTS, record, searchset

from osteon.assess.load import load_patient
from osteon.assess.render import render
from osteon.assess.rules import assess_rules
from osteon.reading.lexicon import load_lexicon

AT = "2026-11-20T10:00:00Z"
"""The morning after the right THA of 2026-11-19 (11:10–14:00 UTC)."""


def _bundle(*resources: dict) -> dict:
    return {"resourceType": "Bundle", "type": "collection",
            "entry": [{"resource": r} for r in resources]}


def _facts(raw) -> dict:
    patient = load_patient(raw, load_lexicon(), assess_rules(), datetime(2026, 11, 20, 10,
                                                                        tzinfo=UTC))
    return {f.source: f for f in patient.facts}, patient.warnings


def _radiation(result):
    return next(i for i in result.prophylaxis
                if "radiation" in i.subject and any(t.start for t in i.timing))


def test_the_issue_patient_gets_the_tha_and_the_radiation_deadline(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json", at=AT)
    assert "total_hip_arthroplasty" in {i.subject for i in result.risk_factors}
    window = next(t for t in _radiation(result).timing if t.start)
    end_of_surgery = datetime(2026, 11, 19, 14, tzinfo=UTC)
    assert window.anchor_time == end_of_surgery
    assert window.start == datetime(2026, 11, 20, 14, tzinfo=UTC)
    assert window.end == datetime(2026, 11, 21, 14, tzinfo=UTC)
    assert window.status == "open" and "the end of Total replacement of right hip" in \
        window.summary and "2026-11-20 14:00 UTC" in window.summary
    md = render(result, "md")
    assert "not computed" not in md.split("## Prophylaxis")[1].split("##")[0]


def test_a_period_without_end_counts_from_its_start(seeded_kb):
    bundle = json.loads((PATIENTS / "ehr_tha_yesterday.fhir.json").read_text())
    for entry in bundle["entry"]:
        if entry["resource"]["id"] == "proc-tha":
            del entry["resource"]["performedPeriod"]["end"]
    window = next(t for t in _radiation(seeded_kb.assess(bundle, at=AT)).timing if t.start)
    assert window.anchor_time == datetime(2026, 11, 19, 11, 10, tzinfo=UTC)
    assert "the end of" not in window.summary


def test_periods_instants_and_recorded_dates_are_read():
    bundle = _bundle(
        {"resourceType": "Condition", "id": "sci", "subject": {"reference": "Patient/p"},
         "code": {"text": "spinal cord injury"},
         "onsetPeriod": {"start": "2026-10-09T22:00:00-04:00", "end": "2026-10-10"}},
        {"resourceType": "Condition", "id": "tbi", "subject": {"reference": "Patient/p"},
         "code": {"text": "traumatic brain injury"}, "recordedDate": "2026-10-12"},
        {"resourceType": "Observation", "id": "swell", "status": "final",
         "subject": {"reference": "Patient/p"}, "code": {"text": "swelling"},
         "effectivePeriod": {"start": "2026-11-18T08:00:00Z", "end": "2026-11-18T09:00:00Z"}},
        {"resourceType": "Observation", "id": "warm", "status": "final",
         "subject": {"reference": "Patient/p"}, "code": {"text": "warmth"},
         "effectiveInstant": "2026-11-18T08:30:00Z"},
        {"resourceType": "MedicationStatement", "id": "nsaid", "status": "active",
         "subject": {"reference": "Patient/p"},
         "medicationCodeableConcept": {"text": "celecoxib"},
         "effectivePeriod": {"start": "2026-11-01", "end": "2026-12-01"}},
        {"resourceType": "Procedure", "id": "only-end", "status": "completed",
         "subject": {"reference": "Patient/p"}, "code": {"text": "spinal fusion"},
         "performedPeriod": {"end": "2026-11-02T16:00:00Z"}},
    )
    facts, _ = _facts(bundle)
    sci = facts["Condition/sci"]
    assert sci.when == datetime(2026, 10, 10, 2, tzinfo=UTC) and not sci.date_only
    assert sci.ended == datetime(2026, 10, 10, tzinfo=UTC) and sci.end_date_only
    assert facts["Condition/tbi"].when == datetime(2026, 10, 12, tzinfo=UTC)
    assert facts["Condition/tbi"].date_only
    assert facts["Observation/swell"].ended == datetime(2026, 11, 18, 9, tzinfo=UTC)
    assert facts["Observation/warm"].when == datetime(2026, 11, 18, 8, 30, tzinfo=UTC)
    med = facts["MedicationStatement/nsaid"]
    assert med.when == datetime(2026, 11, 1, tzinfo=UTC) and med.ended is not None
    assert facts["Procedure/only-end"].when == datetime(2026, 11, 2, 16, tzinfo=UTC)


def test_the_patient_json_takes_an_end_and_refuses_one_before_the_start():
    facts, warnings = _facts({"procedures": [
        {"text": "total hip arthroplasty", "date": "2026-11-19T11:10:00Z",
         "end": "2026-11-19T14:00:00Z", "source": "ok"},
        {"text": "knee arthroplasty", "date": "2026-11-19T11:10:00Z",
         "end": "2026-11-18T14:00:00Z", "source": "backwards"}]})
    assert facts["ok"].ended == datetime(2026, 11, 19, 14, tzinfo=UTC)
    assert facts["backwards"].ended is None
    assert any("backwards: end" in w and "before its start" in w for w in warnings)


def test_a_date_only_surgery_says_its_deadline_is_approximate(seeded_kb):
    raw = {"procedures": [{"text": "Total replacement of right hip", "date": "2026-11-19"}]}
    window = next(t for t in _radiation(seeded_kb.assess(raw, at=AT)).timing if t.start)
    assert "day only" in window.summary


def _obs(rid: str, **value) -> dict:
    return {"resourceType": "Observation", "id": rid, "status": "final",
            "subject": {"reference": "Patient/p"},
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/"
                                      "observation-category", "code": "exam"}]}],
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "65124004",
                                 "display": "Swelling"}]},
            "effectiveDateTime": "2026-11-19T09:00:00Z", **value}


def test_uncertain_conditions_and_absent_observations_keep_their_status(seeded_kb):
    bundle = _bundle(
        {"resourceType": "Condition", "id": "sci", "subject": {"reference": "Patient/p"},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/"
                                            "condition-ver-status", "code": "provisional"}]},
         "code": {"text": "spinal cord injury"}, "onsetDateTime": "2026-10-09"},
        _obs("bool", valueBoolean=False),
        _obs("absent", valueCodeableConcept={"coding": [{"system": "http://snomed.info/sct",
                                                         "code": "2667000",
                                                         "display": "Absent"}]}),
        _obs("neg", interpretation=[{"coding": [{"code": "NEG"}]}]),
        _obs("yes", valueBoolean=True))
    facts, _ = _facts(bundle)
    assert facts["Condition/sci"].status == "possible"
    for rid in ("bool", "absent", "neg"):
        assert facts[f"Observation/{rid}"].concept == "swelling"
        assert facts[f"Observation/{rid}"].status == "absent", rid
    assert facts["Observation/yes"].status == "active"
    result = seeded_kb.assess(bundle, at=AT)
    assert not result.risk_factors  # a provisional diagnosis triggers nothing


def test_the_patient_json_takes_possible_and_absent(seeded_kb):
    raw = {"injuries": [{"text": "spinal cord injury", "status": "possible"}],
           "findings": [{"text": "swelling", "status": "absent"}]}
    result = seeded_kb.assess(raw, at=AT)
    assert {f.status for f in result.patient.facts} == {"possible", "absent"}
    assert not result.risk_factors and not result.differential


def test_a_medication_not_taken_is_no_medication_the_patient_is_on(seeded_kb):
    bundle = json.loads((PATIENTS / "ehr_tha_yesterday.fhir.json").read_text())
    for entry in bundle["entry"]:
        if entry["resource"]["id"] == "med-1":
            entry["resource"] = {
                "resourceType": "MedicationStatement", "id": "med-1", "status": "not-taken",
                "subject": {"reference": "Patient/pt-1"},
                "medicationCodeableConcept": entry["resource"]["medicationCodeableConcept"]}
    result = seeded_kb.assess(bundle, at=AT)
    assert {f.status for f in result.patient.facts if f.kind == "medication"} == {"absent"}
    assert not any("medication list" in n for i in result.prophylaxis for n in i.notes)


def test_a_refuted_condition_is_read_as_ruled_out(seeded_kb):
    """"Stroke - RULED OUT (mimic)" was refuted: the report says the stroke is absent, and
    names no stroke as a risk (not read at all, it left the record's denial unsaid)."""
    bundle = _bundle(
        {"resourceType": "Condition", "id": "cva", "subject": {"reference": "Patient/p"},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/"
                                            "condition-ver-status", "code": "refuted"}]},
         "code": {"text": "Stroke - ruled out: hypoglycaemic hemiparesis"},
         "recordedDate": "2026-11-19T14:40:00Z"})
    facts, _ = _facts(bundle)
    assert facts["Condition/cva"].concept == "stroke"
    assert facts["Condition/cva"].status == "absent"
    assert not seeded_kb.assess(bundle, at=AT).risk_factors


def test_a_birth_year_or_month_alone_is_a_birth_date():
    """FHIR lets birthDate be a year or a year and month ("1971", "1994-11"), as registries
    that know no more give it: four records of patients39 failed to load over it."""
    for written, age in (("1971", 55), ("1994-11", 32)):
        bundle = searchset({"resourceType": "Condition", "code": {"text": "hip fracture"}})
        bundle["entry"][0]["resource"]["birthDate"] = written
        patient = record(bundle)
        assert patient.age == age, (written, patient.age)
