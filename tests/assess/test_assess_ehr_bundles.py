"""Eighteen EHR-style bundles (tests/data/patients/ehr_*.fhir.json), each with what it must give.

Written in the style of real exports: several code systems per record, codes without
text and text without codes, periods, zones, free-text notes and values, medications
already running, a diagnosis only on the Encounter, a note only in a DocumentReference's
base64 attachment, a negated history, a child, FOP. Each expectation is what a clinician
would check first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from assess_support import PATIENTS

from osteon.assess.fhir import parse_bundle

AT = "2026-11-20T10:00:00Z"


@dataclass(frozen=True)
class Expected:
    facts: set[tuple[str, str]] = field(default_factory=set)
    """(concept, status) the record must hold."""
    risks: set[str] = field(default_factory=set)
    differential: set[str] = field(default_factory=set)
    deadline: str | None = None
    """The status of the first open window, or None for no deadline at all."""
    unrecognised: int = 0
    notes: tuple[str, ...] = ()
    """Words a prophylaxis note must hold (what the patient already takes)."""
    not_risks: set[str] = field(default_factory=set)
    """Risk factors that must not be given (a negated history is no history)."""
    age: int | None = None


CASES = {
    "ehr_tha_yesterday": Expected(
        {("total_hip_arthroplasty", "active"), ("history_of_heterotopic_ossification",
                                                "resolved"), ("indomethacin", "active")},
        {"total_hip_arthroplasty", "history_of_heterotopic_ossification"}, set(), "open", 1,
        ("Indomethacin",)),
    "ehr_tha_pcs_only": Expected(
        # the knee replaced in 2020 is history on the report
        {("total_hip_arthroplasty", "active"), ("knee_arthroplasty", "history")},
        {"total_hip_arthroplasty"}),
    "ehr_sci_free_text": Expected(
        {("spinal_cord_injury", "active"), ("swelling", "active"), ("warmth", "active"),
         ("foot_and_ankle_edema", "absent"), ("heterotopic_ossification", "possible"),
         ("fever", "absent"), ("hip_fracture", "history")},
        {"spinal_cord_injury"}, {"thrombophlebitis"}),
    "ehr_tha_planned_prior_ho": Expected(
        {("total_hip_arthroplasty", "planned"), ("history_of_heterotopic_ossification",
                                                 "resolved"), ("hip_osteoarthritis", "active")},
        {"total_hip_arthroplasty", "history_of_heterotopic_ossification"}, set(),
        "not_started"),
    "ehr_burn_icd": Expected(  # T31.40: 40-49 % of the body surface, a severe burn
        {("severe_burn", "active"), ("decreased_range_of_motion", "active"),
         ("warmth", "active")},
        {"trauma", "severe_burn"}, {"thrombophlebitis"}),
    "ehr_tbi_spasticity": Expected(
        {("traumatic_brain_injury", "active"), ("spasticity", "active"),
         ("heterotopic_ossification", "possible"), ("fever", "absent")},
        {"traumatic_brain_injury"}),
    "ehr_acetabular_orif": Expected(
        {("acetabular_fracture", "active"), ("open_reduction_internal_fixation", "active")},
        {"surgery", "fracture"}),
    "ehr_elbow_dislocation": Expected(
        {("elbow_dislocation", "active"), ("ibuprofen", "active")}, {"trauma"},
        notes=("Ibuprofen",)),
    "ehr_sci_high_alp": Expected(
        {("spinal_cord_injury", "active"), ("elevated_alkaline_phosphatase", "active"),
         ("swelling", "active"), ("tenderness", "absent")},
        {"spinal_cord_injury"}, {"thrombophlebitis"}),
    "ehr_no_risk": Expected(unrecognised=2),
    "ehr_tha_no_ho_on_xray": Expected(
        {("total_hip_arthroplasty", "active"), ("heterotopic_ossification", "absent")},
        {"total_hip_arthroplasty"}),
    "ehr_burn_docref_note": Expected(
        {("burn", "active"), ("warmth", "active"), ("swelling", "active"),
         ("decreased_range_of_motion", "active"), ("fever", "absent")},
        {"trauma"}, {"thrombophlebitis"}),
    "ehr_tbi_encounter_gcs": Expected(
        {("traumatic_brain_injury", "active"), ("spasticity", "active"), ("warmth", "active")},
        {"traumatic_brain_injury"}, unrecognised=1),  # the GCS score is shown, not dropped
    "ehr_acetabular_cpt_indomethacin": Expected(
        {("acetabular_fracture", "active"), ("acetabular_fracture_fixation", "active"),
         ("indomethacin", "active")},
        {"surgery", "fracture"}, set(), "open", notes=("indomethacin",)),
    "ehr_fop_flare": Expected(
        {("fibrodysplasia_ossificans_progressiva", "active"), ("biopsy", "planned"),
         ("swelling", "active"), ("fever", "absent")},
        {"fibrodysplasia_ossificans_progressiva"}),
    "ehr_tha_no_history_of_ho": Expected(
        {("total_hip_arthroplasty", "planned"), ("hip_osteoarthritis", "active"),
         ("history_of_heterotopic_ossification", "absent")},
        {"total_hip_arthroplasty"}, set(), "not_started",
        not_risks={"history_of_heterotopic_ossification"}),
    "ehr_pediatric_elbow": Expected(
        {("elbow_fracture", "active"), ("percutaneous_pinning", "active"),
         ("ibuprofen", "active")},
        {"fracture", "surgery"}, notes=("ibuprofen",), age=8),
    "ehr_tha_celecoxib_aspirin_allergy": Expected(
        {("total_hip_arthroplasty", "active"), ("celecoxib", "active"), ("aspirin", "active")},
        {"total_hip_arthroplasty"}, set(), "open", notes=("celecoxib", "aspirin")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ehr_bundle_gives_what_a_clinician_checks_first(seeded_kb, citation_problems, name):
    want = CASES[name]
    result = seeded_kb.assess(PATIENTS / f"{name}.fhir.json", at=AT)
    held = {(f.concept, f.status) for f in result.patient.facts}
    assert want.facts <= held, held
    assert all(f.how for f in result.patient.facts)
    assert want.risks <= {i.subject for i in result.risk_factors}
    assert not want.not_risks & {i.subject for i in result.risk_factors}
    assert want.age is None or result.patient.age == want.age
    assert bool(result.risk_factors) == bool(want.risks)
    assert want.differential <= {i.subject for i in result.differential}
    if want.deadline is None:
        assert not result.deadlines
    else:
        assert result.deadlines[0].window.status == want.deadline
        assert "radiation" in result.deadlines[0].what.casefold()
    assert len(result.patient.not_recognised) == want.unrecognised
    notes = " ".join(n for i in result.prophylaxis for n in i.notes)
    for word in want.notes:
        assert word.casefold() in notes.casefold(), notes
    assert not citation_problems(result)
    # the treatment of established HO is never offered on a possible or absent HO
    assert not result.treatment


def test_fop_gets_the_injury_caution_and_none_of_the_acquired_ho_advice(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "ehr_fop_flare.fhir.json", at=AT)
    caution = next(i for i in result.cautions if i.rule == "planned-injury")
    assert caution.subject == "surgery" and any("Biopsy" in m and "planned" in m
                                                for m in caution.matched)
    # radiation, NSAIDs and excision are the sources' advice on acquired HO
    assert not result.prophylaxis and not result.treatment
    assert all(i.rule != "planned-injury" for i in seeded_kb.assess(
        PATIENTS / "ehr_tha_no_history_of_ho.fhir.json", at=AT).cautions)


def test_an_encounter_diagnosis_is_read_once():
    raw = json.loads((PATIENTS / "ehr_tbi_encounter_gcs.fhir.json").read_text())
    parsed = parse_bundle(raw)
    assert [c.source for c in parsed.conditions] == ["Encounter/admission reason 0",
                                                     "Encounter/admission diagnosis 0"]
    assert not any("Encounter" in w for w in parsed.warnings)
    raw["entry"].append({"resource": {  # the diagnosis now given as a Condition of the bundle
        "resourceType": "Condition", "id": "not-in-bundle", "subject": {"reference": "Patient/p"},
        "code": {"text": "Diffuse axonal injury"}}})
    assert sorted(c.source for c in parse_bundle(raw).conditions) == [
        "Condition/not-in-bundle", "Encounter/admission reason 0"]


def test_every_ehr_bundle_has_its_case():
    assert {p.name.removesuffix(".fhir.json") for p in PATIENTS.glob("ehr_*.fhir.json")} \
        == set(CASES)
