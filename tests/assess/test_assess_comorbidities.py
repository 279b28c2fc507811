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
        {"text": "Typhoid fever", "date": YESTERDAY}, {"text": "Known asthma"},
        {"text": "Hypoglycaemia (BSL 1.8)", "date": YESTERDAY},
        {"text": "Acute pyelonephritis, E. coli", "date": YESTERDAY}]}, at=AT)
    facts = {f.concept for f in result.patient.facts}
    assert {"osteogenesis_imperfecta", "epilepsy", "typhoid_fever", "asthma", "hypoglycaemia",
            "pyelonephritis"} <= facts
    assert not result.patient.not_recognised
    assert not result.risk_factors


def test_a_broken_tooth_is_no_broken_bone(seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess({"age": 71, "conditions": [
        {"text": "Fractured LR6", "codes": [{"system": "ICD-10-CM", "code": "S02.5XXA"}],
         "date": YESTERDAY}]}, at=AT)
    assert "tooth_fracture" in {f.concept for f in result.patient.facts}
    assert not result.risk_factors


def test_tetanus_is_a_neurological_condition_and_its_booster_is_not_the_disease(
        seeded_kb: KnowledgeBase) -> None:
    ill = seeded_kb.assess({"age": 40, "conditions": [
        {"text": "Generalised tetanus", "date": "2026-11-01"}]}, at=AT)
    assert "neurological_condition" in {i.subject for i in ill.risk_factors}
    cut = seeded_kb.assess({"age": 40, "notes": ["Tetanus booster given in ED"]}, at=AT)
    assert "tetanus" not in {f.concept for f in cut.patient.facts}
    assert not cut.risk_factors


def test_a_who_icd10_code_below_its_category_is_read_where_its_display_is_the_same(
        seeded_kb: KnowledgeBase) -> None:
    who = "http://hl7.org/fhir/sid/icd-10"
    uti = seeded_kb.assess({"age": 30, "conditions": [
        {"text": "CAUTI - ESBL (urine C/S)", "date": YESTERDAY, "codes": [
            {"system": who, "code": "N39.0",
             "display": "Urinary tract infection, site not specified"}]}]}, at=AT)
    assert "urinary_tract_infection" in {f.concept for f in uti.patient.facts}
    other = seeded_kb.assess({"age": 30, "conditions": [
        {"text": "leaks on coughing", "date": YESTERDAY, "codes": [
            {"system": who, "code": "N39.3", "display": "Stress incontinence"}]}]}, at=AT)
    assert "urinary_tract_infection" not in {f.concept for f in other.patient.facts}


def test_codes_below_a_category_name_a_cardiac_arrest_tuberculosis_and_pneumonia(
        seeded_kb: KnowledgeBase) -> None:
    # WHO ICD-10 (and its national variants) below the category: I46.0 "with successful
    # resuscitation", A15.0 "Tuberculosis of lung", J15.0 a Klebsiella pneumonia
    who = "http://hl7.org/fhir/sid/icd-10"
    result = seeded_kb.assess({"age": 50, "conditions": [
        {"text": "OHCA - VF, ROSC 22 min", "codes": [{"system": who, "code": "I46.0"}],
         "date": "2026-11-01", "status": "resolved"},
        {"text": "Pulmonary TB, smear-positive",
         "codes": [{"system": who, "code": "A15.0"}], "date": "2026-10-01"},
        {"codes": [{"system": who, "code": "J15.0"}], "date": "2026-11-10"}]}, at=AT)
    facts = {f.concept for f in result.patient.facts}
    assert {"cardiac_arrest", "tuberculosis", "pneumonia"} <= facts
    assert not result.patient.not_recognised
    # infections are a risk the sources give after brain and cord injuries only
    assert "infection" not in {i.subject for i in result.risk_factors}


def test_operations_as_records_word_them_are_read(seeded_kb: KnowledgeBase) -> None:
    # an emergency caesarean is an operation (no site the sources name); a pelvic ring held
    # with a plate and a screw is a fixation
    result = seeded_kb.assess({"age": 27, "procedures": [
        {"text": "Emergency LSCS (lower segment, Pfannenstiel) under spinal",
         "date": YESTERDAY},
        {"text": "Laparoscopic appendicectomy", "date": YESTERDAY},
        {"text": "Symphyseal plating (6-hole plate) + percutaneous L SI screw",
         "date": YESTERDAY}]}, at=AT)
    facts = {f.concept for f in result.patient.facts}
    assert {"caesarean_section", "appendectomy", "open_reduction_internal_fixation"} <= facts
    assert not result.patient.not_recognised


def test_a_caesarean_is_an_abdominal_operation_with_no_radiation_window(
        seeded_kb: KnowledgeBase) -> None:
    # the sources time radiation from surgery at the hip, knee, elbow, shoulder or jaw: an
    # operation whose kind says where it is (the abdomen) opens no such window
    result = seeded_kb.assess({"age": 27, "procedures": [
        {"text": "Emergency LSCS under spinal anaesthesia", "date": YESTERDAY}]}, at=AT)
    assert "caesarean_section" in {f.concept for f in result.patient.facts}
    assert not result.deadlines
    # nor is it the surgery the sources give as a cause (rules.yaml `kinds_apart`): no
    # risk, so no radiation advice at all
    assert not any("radiation" in i.text.lower() for i in result.prophylaxis)
