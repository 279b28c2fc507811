"""Patient input: the JSON format, FHIR bundles (real Synthea data and malformed ones), limits.

Malformed input gets one clear error (PatientInputError) or warnings on the
assessment — never a crash and never a guessed concept.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from assess_support import PATIENTS, SYNTHEA, THA_AT

from osteon.assess import PatientInputError, PatientTooLarge, WrongFhirVersion

TIBIA_BUNDLE = PATIENTS / "fracture_fusion_high_alp.fhir.json"


def _bundle() -> dict:
    return json.loads(TIBIA_BUNDLE.read_text())


@pytest.mark.parametrize("path", sorted(SYNTHEA.glob("*.json")), ids=lambda p: p.stem)
def test_synthea_bundles_parse_and_assess(seeded_kb, citation_problems, path: Path):
    result = seeded_kb.assess(path, at="2025-01-01T00:00:00Z")
    assert result.patient.sex in ("female", "male")
    assert result.patient.facts or result.patient.not_recognised
    assert any("not used by the assessment" in w for w in result.warnings)
    assert citation_problems(result) == []


def test_synthea_spinal_cord_injury_is_recognised(seeded_kb):
    result = seeded_kb.assess(SYNTHEA / "synthea_spinal_cord_injury_1.json",
                              at="2025-01-01T00:00:00Z")
    assert "spinal_cord_injury" in {f.concept for f in result.patient.facts}
    assert "spinal_cord_injury" in {i.subject for i in result.risk_factors}


def test_unknown_codes_are_listed_never_guessed(seeded_kb):
    bundle = _bundle()
    bundle["entry"][1]["resource"]["code"] = {"coding": [
        {"system": "http://snomed.info/sct", "code": "999999999", "display": "Zorblax"}]}
    result = seeded_kb.assess(bundle, at=THA_AT)
    assert "Zorblax" in {n.text for n in result.patient.not_recognised}
    assert "lower_leg_fracture" not in {i.subject for i in result.risk_factors}


def test_missing_codes_are_skipped_with_a_warning(seeded_kb):
    bundle = _bundle()
    del bundle["entry"][1]["resource"]["code"]
    result = seeded_kb.assess(bundle, at=THA_AT)
    assert any("Condition/tibia" in w and "no code" in w for w in result.warnings)


def test_future_dates_are_dropped_with_a_warning(seeded_kb):
    bundle = _bundle()
    bundle["entry"][1]["resource"]["onsetDateTime"] = "2031-01-01T00:00:00Z"
    result = seeded_kb.assess(bundle, at="2025-03-04T12:00:00Z")
    assert any("2031" in w and "after the assessment time" in w for w in result.warnings)
    tibia = next(f for f in result.patient.facts if f.source == "Condition/tibia")
    assert tibia.when is None


def test_unknown_resource_types_are_named(seeded_kb):
    bundle = _bundle()
    bundle["entry"].append({"resource": {"resourceType": "Frobnicator", "id": "x"}})
    result = seeded_kb.assess(bundle, at=THA_AT)
    assert any("'Frobnicator' is not a FHIR R4 resource type" in w for w in result.warnings)


def test_invalid_resource_is_skipped_with_a_warning(seeded_kb):
    bundle = _bundle()
    bundle["entry"][1]["resource"]["clinicalStatus"] = "active"  # STU3 shape
    result = seeded_kb.assess(bundle, at=THA_AT)
    assert any("not valid FHIR R4" in w for w in result.warnings)


def test_r5_bundle_is_refused(seeded_kb):
    bundle = _bundle()
    bundle["entry"].append({"resource": {
        "resourceType": "MedicationStatement", "id": "r5", "status": "recorded",
        "medication": {"concept": {"text": "indomethacin"}},
        "subject": {"reference": "Patient/fx1"}}})
    with pytest.raises(WrongFhirVersion, match="R5 but not R4"):
        seeded_kb.assess(bundle, at=THA_AT)


def test_oversized_input_is_refused(seeded_kb, tmp_path):
    big = tmp_path / "big.json"
    bundle = _bundle()
    bundle["entry"][0]["resource"]["text"] = {"status": "generated",
                                              "div": "<div>" + "x" * 21_000_000 + "</div>"}
    big.write_text(json.dumps(bundle))
    with pytest.raises(PatientTooLarge, match="over the limit"):
        seeded_kb.assess(big, at=THA_AT)


@pytest.mark.parametrize("raw,message", [
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "expected a JSON object"),
    (b'{"resourceType": "Patient", "id": "p"}', "expected a FHIR Bundle"),
    (b'{"age": 300}', "age"),
    (b'{"conditions": [{"date": "2020-01-01"}]}', "needs `text` or `codes`"),
    (b'{"condtions": []}', "condtions"),
])
def test_bad_input_gets_one_clear_error(seeded_kb, raw, message):
    with pytest.raises(PatientInputError, match=message):
        seeded_kb.assess(raw, at=THA_AT)


def test_bad_dates_warn(seeded_kb):
    raw = {"procedures": [{"text": "total hip arthroplasty", "date": "yesterday"}]}
    result = seeded_kb.assess(raw, at=THA_AT)
    assert any("not a date" in w for w in result.warnings)
    with pytest.raises(PatientInputError, match="--at"):
        seeded_kb.assess(raw, at="soon")


def test_unconfirmed_code_needs_agreeing_text(seeded_kb):
    raw = {"procedures": [{"text": "appendectomy", "date": "2025-03-10T09:30:00Z", "codes": [
        {"system": "SNOMED CT", "code": "52734007"}]}]}
    result = seeded_kb.assess(raw, at=THA_AT)
    # not the hip replacement the unconfirmed code would say: the text's own operation
    assert [f.concept for f in result.patient.facts] == ["appendectomy"]
    assert any("disagrees" in w for w in result.warnings)


def test_json_and_fhir_give_the_same_risk_factors(seeded_kb):
    a = seeded_kb.assess(PATIENTS / "tha_day1_prior_ho.json", at=THA_AT)
    b = seeded_kb.assess(copy.deepcopy(json.loads(
        (PATIENTS / "tha_day1_prior_ho.fhir.json").read_text())), at=THA_AT)
    assert [i.text for i in a.risk_factors] == [i.text for i in b.risk_factors]
