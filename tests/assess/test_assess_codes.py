"""Codes from the systems EHRs use, and display text in real EHR wording.

SNOMED CT, ICD-10-CM, ICD-10-PCS families, CPT, RxNorm and LOINC codes map through the
code tables (`data/assess/codes/*.yaml`); each table code is checked against its
system (ICD-10-CM against the simple-icd-10-cm package's code list, the others by
their syntax and check digits); a THA coded only in PCS or CPT is a THA; every fact
says how it was mapped.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
import simple_icd_10_cm as icd
from assess_support import PATIENTS

from osteon.assess.codes import code_tables
from osteon.assess.display import match_display
from osteon.assess.load import load_patient
from osteon.assess.rules import assess_rules
from osteon.reading.lexicon import load_lexicon

AT = "2026-11-20T10:00:00Z"
PROCEDURE = ["procedure"]


def _verhoeff_ok(number: str) -> bool:
    """SNOMED CT identifiers end with a Verhoeff check digit."""
    d = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
         [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
         [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
         [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
         [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
    p = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
         [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
         [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
         [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
    c = 0
    for i, digit in enumerate(reversed(number)):
        c = d[c][p[i % 8][int(digit)]]
    return c == 0


def _loinc_ok(code: str) -> bool:
    """LOINC codes end with a mod-10 check digit after the hyphen."""
    body, check = code.split("-")
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n // 10 + n % 10
    return (10 - total % 10) % 10 == int(check)


CHECKS = {
    "ICD-10-CM": lambda c: icd.is_valid_item(c),
    "SNOMED CT": lambda c: re.fullmatch(r"\d{6,18}", c) is not None and _verhoeff_ok(c),
    # replacements of joints (0RR, 0SR), fixation of bones (0PS, 0QS, 0PH, 0QH) and
    # repositions of joints (0RS, 0SS), the last two by their approach (open, percutaneous)
    "ICD-10-PCS": lambda c: re.fullmatch(
        r"0[SR]R[0-9A-HJ-NP-Z]|0[PQ][SH][0-9A-HJ-NP-Z][034]|0[RS]S[0-9A-HJ-NP-Z][034]",
        c) is not None,
    "CPT": lambda c: re.fullmatch(r"\d{5}", c) is not None,
    "RxNorm": lambda c: re.fullmatch(r"\d{1,8}", c) is not None,
    "LOINC": lambda c: re.fullmatch(r"\d{1,7}-\d", c) is not None and _loinc_ok(c),
    "CDT": lambda c: re.fullmatch(r"D\d{1,4}", c) is not None,
    # ICD-9-CM: diagnoses 3 digits (E + 3 for external causes) and up to 2 decimals; a
    # family may stop short of the dot ("94": 940-949); procedures 2 digits, dot, decimals
    "ICD-9-CM": lambda c: re.fullmatch(r"E?\d{2,3}(\.\d{1,2})?|\d{2}\.\d{0,2}", c) is not None,
    "OPS": lambda c: re.fullmatch(r"\d-\d{2,3}(\.[0-9a-z]{1,2})?", c) is not None,
    "NCSP": lambda c: re.fullmatch(r"N[A-H]?[A-Z]?(\d{2})?", c) is not None,
    "ATC": lambda c: re.fullmatch(r"[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?", c) is not None,
}


def test_every_table_code_is_a_code_of_its_system():
    tables = code_tables().tables
    assert {t.system for t in tables.values()} == set(CHECKS)
    for file, table in tables.items():
        assert table.source and table.uris, file
        for entry in table.entries:
            assert CHECKS[table.system](entry.code), f"{file}: {entry.code}"


def test_icd10cm_table_displays_are_the_code_lists():
    table = code_tables().table_for("ICD-10-CM")
    assert table is not None
    for entry in table.entries:
        assert icd.get_description(entry.code).casefold() == entry.display.casefold(), entry


def test_the_lexicons_icd10cm_codes_are_real_codes():
    bad = [(c.id, code.code) for c in load_lexicon().concepts.values() for code in c.codes
           if code.system == "ICD-10-CM" and not icd.is_valid_item(code.code)]
    assert not bad


def _patient(raw, at=AT):
    return load_patient(raw, load_lexicon(), assess_rules(),
                        datetime.fromisoformat(at.replace("Z", "+00:00")))


@pytest.mark.parametrize("system,code", [
    ("http://www.cms.gov/Medicare/Coding/ICD10", "0SR90J9"),
    ("ICD-10-PCS", "0SRB019"),
    ("http://www.ama-assn.org/go/cpt", "27130"),
    ("CPT", "27134"),
    ("http://snomed.info/sct", "52734007"),
])
def test_a_tha_coded_only_in_one_system_is_a_tha(system, code):
    raw = {"procedures": [{"codes": [{"system": system, "code": code}],
                           "date": "2026-11-19T14:00:00Z"}]}
    (fact,) = _patient(raw).facts
    assert fact.concept == "total_hip_arthroplasty" and fact.sites == ("hip",)
    assert system.split("/")[-1] in fact.how or code in fact.how
    assert fact.matched_by in ("code", "code family")


def test_pcs_families_carry_the_side():
    right = _patient({"procedures": [{"codes": [{"system": "ICD-10-PCS", "code": "0SR9019"}]}]})
    left = _patient({"procedures": [{"codes": [{"system": "ICD-10-PCS", "code": "0SRB0JZ"}]}]})
    assert right.facts[0].laterality == "right" and left.facts[0].laterality == "left"
    assert "code family 0SR9" in right.facts[0].how
    knee = _patient({"procedures": [{"codes": [{"system": "ICD-10-PCS", "code": "0SRC0J9"}]}]})
    assert knee.facts[0].concept == "knee_arthroplasty"


@pytest.mark.parametrize("text", [
    "Total replacement of right hip", "Total replacement of right hip (procedure)",
    "Hip replacement, total, right", "Total hip arthroplasty, left", "RIGHT TOTAL HIP REPLACEMENT",
    "Arthroplasty of hip, total",
])
def test_display_matching_survives_real_wording(text):
    hit = match_display(text, load_lexicon(), PROCEDURE)
    assert hit is not None and hit.concept == "total_hip_arthroplasty", text


@pytest.mark.parametrize("text", ["No total hip replacement", "History of total hip replacement",
                                  "Total hip replacement planned?", "appendectomy"])
def test_display_matching_never_stretches(text):
    hit = match_display(text, load_lexicon(), PROCEDURE)
    assert hit is None or hit.concept != "total_hip_arthroplasty"


def test_medication_displays_match_without_dose_and_form():
    lexicon = load_lexicon()
    for text, concept in [("Indomethacin 25 MG Oral Capsule", "indomethacin"),
                          # the brand beside it is no other medicine: the name names it
                          ("celecoxib 200 MG Oral Capsule [Celebrex]", "celecoxib"),
                          ("Ibuprofen 200 MG Oral Tablet", "ibuprofen"),
                          ("Warfarin Sodium 5 MG Oral Tablet", "warfarin"),
                          ("ketorolac tromethamine 10 MG Oral Tablet", "ketorolac"),
                          ("Etidronate Disodium 400 MG Oral Tablet", "etidronate"),
                          ("zoledronic acid 5 MG in 100 ML Injection", "zoledronic_acid")]:
        hit = match_display(text, lexicon, ["drug", "molecule"], medication=True)
        assert (hit.concept if hit else None) == concept, text


def test_the_issue_patient_gets_the_tha_and_each_mapping_says_how():
    patient = _patient(PATIENTS / "ehr_tha_yesterday.fhir.json")
    facts = {f.source: f for f in patient.facts}
    tha = facts["Procedure/proc-tha"]
    assert tha.concept == "total_hip_arthroplasty" and tha.laterality == "right"
    assert "SNOMED CT 52734007" in tha.how and "source:" in tha.how
    assert facts["Procedure/proc-old"].concept == "total_hip_arthroplasty"
    assert "CPT 27130" in facts["Procedure/proc-old"].how
    med = facts["MedicationRequest/med-1"]
    assert med.concept == "indomethacin" and med.matched_by == "display"
    assert "Indomethacin 25 MG Oral Capsule" in med.how
    assert facts["Condition/cond-ho"].concept == "history_of_heterotopic_ossification"
    assert all(f.how for f in patient.facts)
    assert not any("disagrees" in w or "not confirmed" in w for w in patient.warnings)


def test_the_pcs_only_patient_is_recognised(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "ehr_tha_pcs_only.fhir.json", at="2026-03-03T09:00:00Z")
    assert not result.patient.not_recognised
    subjects = {i.subject for i in result.risk_factors}
    assert "total_hip_arthroplasty" in subjects
    assert any("Radiation" in i.text or "radiation" in i.subject for i in result.prophylaxis)


def test_a_table_code_whose_text_names_something_else_is_not_used():
    patient = _patient({"procedures": [{"text": "appendectomy", "codes": [
        {"system": "CPT", "code": "27130"}]}]})
    # the hip replacement code is not used; the entry's own words say what it was
    assert [f.concept for f in patient.facts] == ["appendectomy"]
    assert sum("disagrees" in w for w in patient.warnings) == 1


@pytest.mark.parametrize("text", ["R THA", "THA, right", "New hip", "Hip surgery", "Surgery"])
def test_a_table_code_with_a_short_or_broader_text_is_used(text):
    patient = _patient({"procedures": [{"text": text, "codes": [
        {"system": "CPT", "code": "27130"}]}]})
    assert [f.concept for f in patient.facts] == ["total_hip_arthroplasty"], patient.warnings


def test_a_narrower_lexicon_code_wins_over_a_table_family():
    patient = _patient({"injuries": [{"codes": [{"system": "ICD-10-CM", "code": "S72.001A"}]}]})
    (fact,) = patient.facts
    assert fact.concept == "hip_fracture" and "code family S72" in fact.how
    shaft = _patient({"injuries": [{"codes": [{"system": "ICD-10-CM", "code": "S72.301A"}]}]})
    assert shaft.facts[0].concept == "femur_fracture"


def test_body_sites_in_snomed_wording_are_read():
    patient = _patient({"findings": [{"text": "swelling",
                                      "site": "Structure of right thigh (body structure)"}]})
    assert patient.facts[0].sites == ("thigh",) and patient.facts[0].laterality == "right"
    assert not patient.warnings


def test_a_patients_icd10cm_code_is_verified_in_the_code_list():
    ok = _patient({"conditions": [{"codes": [{"system": "ICD-10-CM", "code": "M61.552"}],
                                   "status": "resolved"}]})
    assert "verified in the simple-icd-10-cm code list" in ok.facts[0].how


@pytest.mark.parametrize("text,concept", [
    (None, None), ("Heterotopic ossification", "heterotopic_ossification")])
def test_an_icd10cm_code_not_in_the_list_is_unverified_and_not_used(text, concept):
    # M61.599 looks like an M61.5 family member but is no ICD-10-CM code
    entry = {"codes": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "M61.599"}],
             **({"text": text} if text else {})}
    patient = _patient({"conditions": [entry]})
    assert [f.concept for f in patient.facts] == ([concept] if concept else [])
    assert all("M61.599" not in f.how for f in patient.facts)  # the text, not the code
    assert sum("M61.599 is not in the ICD-10-CM code list" in w and "unverified" in w
               for w in patient.warnings) == 1
    if not concept:
        assert patient.not_recognised[0].codes[0].code == "M61.599"


def test_the_code_list_read_at_run_time_is_the_packages():
    from osteon.assess.codes import VERIFIERS

    check = VERIFIERS["simple-icd-10-cm"]
    table = [e.code for t in code_tables().tables.values() if t.system == "ICD-10-CM"
             for e in t.entries]
    for code in [*table, "M61.552", "S32.401A", "S06.2X9A", "A00-A09", "M61.599",
                 "S24.199A", "S06.9X9Z", "Z99.9"]:
        assert check(code) == icd.is_valid_item(code), code


@pytest.mark.parametrize("kind,text,code,concept", [
    # the paralysis a cord injury leaves, written as the text of the injury's own code
    ("conditions", "C6 AIS A tetraplegia (diving)", ("ICD-10-CM", "S14.116A"),
     "spinal_cord_injury"),
    ("conditions", "T10 complete paraplegia", ("ICD-10-CM", "S24.104A"), "spinal_cord_injury"),
    # a chart's abbreviation of the coded operation
    ("procedures", "ACDF C5-6", ("CPT", "22551"), "spinal_fusion"),
])
def test_a_code_whose_text_says_the_same_in_other_words_is_used(kind, text, code, concept):
    system, value = code
    patient = _patient({kind: [{"text": text, "codes": [{"system": system, "code": value}],
                                "date": "2026-10-30T10:00:00Z"}]})
    assert not any("disagrees" in w for w in patient.warnings), patient.warnings
    assert load_lexicon().is_a(patient.facts[0].concept, concept), patient.facts


@pytest.mark.parametrize("text,concept", [
    ("L total TMJ replacement (stock prosthesis) + abdominal fat graft",
     "temporomandibular_joint_replacement"),
    ("R total ankle replacement", "ankle_arthroplasty"),
])
def test_a_replacement_of_any_joint_is_a_joint_replacement(text, concept):
    # no code a table knows: the text alone names the operation, which opens the window
    patient = _patient({"procedures": [{"text": text, "date": "2026-11-19T14:00:00Z"}]})
    (fact,) = [f for f in patient.facts if f.kind == "procedure"]
    assert fact.concept == concept and fact.when is not None
    assert load_lexicon().is_a(concept, "joint_replacement")


@pytest.mark.parametrize("system,code,site", [
    # Belgium's ICD-10-BE codes operations in ICD-10-PCS under its diagnoses' URI
    ("https://www.health.belgium.be/nl/icd-10-be", "0RSH04Z", "shoulder"),
    ("http://hl7.org/fhir/sid/icd-10-pcs", "0SSC04Z", "knee"),
    # a national NCSP release named by its URI ("urn:lv:nvd:ncsp"), by region
    ("urn:lv:nvd:ncsp", "NGL40", "knee"),
])
def test_an_operation_coded_in_a_national_system_is_read_with_its_site(system, code, site):
    facts = [f for f in _patient({"procedures": [{"codes": [{"system": system, "code": code}],
                                                  "date": "2024-01-01"}]}).facts
             if f.kind == "procedure"]
    assert facts and facts[0].concept == "orthopedic_surgery", facts
    assert site in facts[0].sites, facts[0].sites
