"""Records from other countries: their code systems, their languages, their words for "no".

Each case is a small record written for the test (no real patient): what a record of that
kind says, and the fact it must give.
"""

from __future__ import annotations

import pytest
from assess_support import record, statuses

from osteon.reading.lexicon import load_lexicon

ICD9 = "http://hl7.org/fhir/sid/icd-9-cm"
WHO = "http://hl7.org/fhir/sid/icd-10"
GM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm"


def _one(kind: str, system: str, code: str, text: str | None = None):
    entry = {"codes": [{"system": system, "code": code}], "date": "2026-11-19T14:00:00Z"}
    if text:
        entry["text"] = text
    return record({kind: [entry]})


# --- code systems of other countries -------------------------------------------------

@pytest.mark.parametrize("kind,code,concept,site", [
    ("conditions", "808.0", "acetabular_fracture", "acetabulum"),
    ("conditions", "812.41", "elbow_fracture", "elbow"),
    ("conditions", "806.21", "spinal_cord_injury", "spinal_cord"),
    ("conditions", "E888.9", "trauma", None),
    ("procedures", "81.51", "total_hip_arthroplasty", "hip"),
    ("procedures", "79.35", "open_reduction_internal_fixation", None),
    ("procedures", "81.88", "shoulder_arthroplasty", "shoulder"),
])
def test_icd9cm_diagnoses_and_procedures_are_read(kind, code, concept, site):
    """ICD-9-CM (still coded in Italy; Mexico's CIE-9-MC) names injuries and operations."""
    (fact,) = _one(kind, ICD9, code).facts
    assert fact.concept == concept, fact.how
    assert site is None or site in fact.sites


def test_icd9cm_tells_a_procedure_from_a_diagnosis_by_its_dot():
    """Diagnosis 793.9 (an abnormal imaging finding) is no procedure 79.39 (an ORIF)."""
    patient = _one("procedures", ICD9, "793.9")
    assert not patient.facts
    spanish = _one("procedures", "http://www.cenetec.salud.gob.mx/cie-9-mc", "79.39")
    assert [f.concept for f in spanish.facts] == ["open_reduction_internal_fixation"]


@pytest.mark.parametrize("code,concept", [
    ("S06.21", "traumatic_brain_injury"),   # GM's own subdivision (CM writes S06.2X-)
    ("S42.45", "elbow_fracture"),
    ("S72.01", "femur_fracture"),
])
def test_a_national_icd10_code_is_read_at_its_category(code, concept):
    """ICD-10-GM codes below the category differ from ICD-10-CM's: the category is checked."""
    (fact,) = _one("conditions", GM, code).facts
    assert load_lexicon().is_a(fact.concept, concept), fact.how
    assert "its category verified" in fact.how


@pytest.mark.parametrize("system", [
    "http://hl7.org/fhir/sid/icd-10-am",                               # Australia
    "https://fhir.infoway-inforoute.ca/CodeSystem/icd10ca",            # Canada
    "https://smt.esante.gouv.fr/fhir/CodeSystem/terminologie-cim-10",  # France
    "urn:oid:1.2.643.5.1.13.13.11.1005",  # Russia's MKB-10 by its federal register OID
    "urn:ru:mkb-10",                       # ... or by its name
    "https://moz.gov.ua/fhir/CodeSystem/mkh-10",        # Ukraine's МКХ-10
    "https://eeszt.gov.hu/fhir/CodeSystem/bno-10",      # Hungary's BNO-10
    "https://tibb.gov.az/fhir/CodeSystem/bxt-10",       # Azerbaijan's BXT-10
    "urn:oid:1.3.6.1.4.1.48336.tlk-10-am",              # Lithuania's TLK-10-AM
    "https://hira.or.kr/fhir/CodeSystem/kcd-8",         # Korea's KCD, eighth revision
])
def test_a_national_icd10_no_table_lists_is_known_by_its_name(system):
    """Each country's ICD-10 has its own URI: the name says which classification it is."""
    (fact,) = _one("conditions", system, "S06.21").facts
    assert load_lexicon().is_a(fact.concept, "traumatic_brain_injury"), fact.how
    assert "its category verified" in fact.how


def test_a_national_icd9_procedure_version_is_read_as_icd9cm():
    """Poland's ICD-9-PL keeps ICD-9-CM's procedure codes and adds digits below them."""
    (fact,) = _one("procedures", "https://ezdrowie.gov.pl/fhir/CodeSystem/icd-9-pl",
                   "81.511").facts
    assert fact.concept == "total_hip_arthroplasty", fact.how
    pcs = _one("procedures", "http://www.cms.gov/Medicare/Coding/ICD10", "0SR9019")
    assert pcs.facts and "ICD-10-PCS" in pcs.facts[0].how  # a listed URI stays its own


def test_an_icd10cm_code_is_still_checked_in_full():
    """The same code sent as ICD-10-CM is no CM code: unverified, not used."""
    patient = _one("conditions", "http://hl7.org/fhir/sid/icd-10-cm", "S06.21")
    assert not patient.facts
    assert any("unverified" in w for w in patient.warnings)


@pytest.mark.parametrize("system,code,concept,site", [
    ("http://fhir.de/CodeSystem/bfarm/ops", "5-794.k1", "open_reduction_internal_fixation",
     None),
    ("http://fhir.de/CodeSystem/bfarm/ops", "5-820.00", "hip_arthroplasty", "hip"),
    ("http://fhir.de/CodeSystem/bfarm/ops", "5-836.30", "spinal_fusion", "spine"),
    ("urn:oid:1.2.752.116.1.3.2.1.4", "NFB19", "hip_arthroplasty", "hip"),
    ("KVÅ", "NGB49", "knee_arthroplasty", "knee"),
    ("KVÅ", "NFJ59", "orthopedic_surgery", "femur"),
])
def test_german_and_nordic_procedure_codes_are_operations(system, code, concept, site):
    """OPS (Germany) and NCSP/KVÅ (Nordic) families name the operation: a window opens."""
    (fact,) = _one("procedures", system, code).facts
    assert (fact.concept, fact.status) == (concept, "active"), fact.how
    assert fact.when is not None and (site is None or site in fact.sites)


@pytest.mark.parametrize("code,text,concept", [
    ("M01AE01", "Ibuprofeno 400 mg", "ibuprofen"),
    ("M01AB15", None, "ketorolac"),
    ("M01AE11", None, "nsaid"),  # a substance not listed: its group
    ("M01AX17", None, "nimesulide"),
    ("M05BA04", "Acido alendronico 70 mg settimanale", "alendronate"),
    ("B01AB05", "Enoxaparina 4000 UI", "low_molecular_weight_heparin"),
])
def test_atc_coded_medicines_are_read(code, text, concept):
    """ATC (Europe, Latin America, Asia) codes a medicine by its substance or its group."""
    (fact,) = _one("medications", "http://www.whocc.no/atc", code, text).facts
    assert fact.concept == concept, fact.how


def test_a_demyelinating_disease_is_a_neurological_condition():
    """Multiple sclerosis (G35) is one of the sources' "other neurological conditions"."""
    (fact,) = _one("conditions", WHO, "G35", "Sekundärprogressiv multipel skleros").facts
    assert fact.concept == "neurological_condition"


# --- a code's text in another language ----------------------------------------------

@pytest.mark.parametrize("text,code,concept", [
    ("Dislocerad lårbenshalsfraktur höger (Garden IV)", "S72.0", "femur_fracture"),
    ("Brûlures 18 % SCT: thorax, jambe G", "T31.1", "burn"),
    ("Frattura femore destra, chiusa", "S72.3", "femur_fracture"),
])
def test_a_code_whose_text_is_in_another_language_stands(text, code, concept):
    """A text the lexicon cannot read (another language) does not refute its code."""
    patient = _one("conditions", WHO, code, text)
    assert not any("disagrees" in w for w in patient.warnings), patient.warnings
    assert load_lexicon().is_a(patient.facts[0].concept, concept)


def test_an_english_text_naming_something_else_still_refutes_the_code():
    patient = _one("procedures", "CPT", "27130", "tonsillectomy")
    assert not patient.facts and any("disagrees" in w for w in patient.warnings)


# --- the words for "no", "previous", "risk" and "screen" ----------------------------

@pytest.mark.parametrize("note,concept", [
    ("Sem trauma. Sem ossificação heterotópica.", "trauma"),
    ("Sem trauma. Sem ossificação heterotópica.", "heterotopic_ossification"),
    ("Sin datos de osificación heterotópica.", "heterotopic_ossification"),
    ("Geen heterotope ossificatie.", "heterotopic_ossification"),
    ("Ingen heterotop ossifikation.", "heterotopic_ossification"),
    ("Keine heterotope Ossifikation, keine Rückenmarksverletzung.", "spinal_cord_injury"),
    ("Keine heterotope Ossifikation, keine Rückenmarksverletzung.", "heterotopic_ossification"),
    ("Röntgen ohne heterotope Ossifikation.", "heterotopic_ossification"),
    ("Nessuna ossificazione eterotopica.", "heterotopic_ossification"),
    ("Kossetsu nashi. Isho-sei kokka (HO) no kiōreki nashi.", "heterotopic_ossification"),
    ("Isho-sei kokka (HO) no kioreki nashi.", "heterotopic_ossification"),
])
def test_no_in_other_languages_is_no(note, concept):
    """"Sem", "sin", "geen", "ingen", "keine", "ohne", "nessuna" before, "nashi" after."""
    facts = statuses({"notes": [note]})
    assert facts[concept] == {"absent"}, facts
    assert "history_of_heterotopic_ossification" not in facts


@pytest.mark.parametrize("note", [
    "Tidigare heterotop ossifikation i vänster höft.",
    "Pregressa ossificazione eterotopica all'anca.",
])
def test_previous_in_other_languages_is_history(note):
    """Swedish "tidigare", Italian "pregressa": an HO before, a reason for prophylaxis."""
    facts = statuses({"notes": [note]})
    assert facts.get("history_of_heterotopic_ossification") == {"history"}, facts
    assert "heterotopic_ossification" not in facts


@pytest.mark.parametrize("note,concept", [
    ("Flag for rehab: high HO risk (SCI).", "heterotopic_ossification"),
    ("HO-risk bedöms hög.", "heterotopic_ossification"),
    ("MACE 2 (TBI screen) negative.", "traumatic_brain_injury"),
])
def test_what_a_risk_or_a_screen_is_named_for_is_not_had(note, concept):
    """"HO risk" weighs a risk; "TBI screen" looks for a TBI: neither says the patient has it."""
    facts = statuses({"notes": [note]})
    assert "active" not in facts.get(concept, set()), facts


@pytest.mark.parametrize("note", [
    "Metformin: hold from the evening before surgery.",
    "Stop aspirin the day before the surgery.",
])
def test_a_medicine_held_before_surgery_names_an_operation_to_come(note):
    """"Hold from the evening before surgery": the operation is still to come, not done."""
    facts = statuses({"notes": [note]})
    assert facts.get("surgery") == {"planned"}, facts


@pytest.mark.parametrize("note,concept", [
    ("Assisted knee flexion to 60 deg (CPM not available).", "continuous_passive_motion"),
    ("High HO risk - RT not available in theater.", "radiation_therapy"),
    ("Radiotherapy unavailable here.", "radiation_therapy"),
])
def test_a_treatment_the_place_cannot_give_was_not_given(note, concept):
    """"CPM not available", "RT not available in theater": not done, no treatment had."""
    facts = statuses({"notes": [note]})
    assert facts.get(concept) == {"absent"}, facts


# --- names of operations and medicines other countries' records use ------------------

@pytest.mark.parametrize("note,concept,parent", [
    ("SIGN nail L femur yesterday", "intramedullary_nailing", "surgery"),
    ("Cervical laminoplasty booked for tomorrow", "laminoplasty", "spinal_surgery"),
    ("Loxonin 60 mg three times daily", "loxoprofen", "nsaid"),
])
def test_operations_and_medicines_by_their_local_names(note, concept, parent):
    """A nail, a laminoplasty and loxoprofen are read, each as the kind the rules know."""
    facts = {f.concept: f for f in record({"notes": [note]}).facts}
    assert concept in facts, facts
    assert load_lexicon().is_a(concept, parent)


def test_dermatomyositis_is_read_in_a_portuguese_record():
    facts = {f.concept: f for f in record({"notes": ["Dermatomiosite juvenil com calcinose"]}
                                            ).facts}
    assert facts["dermatomyositis"].status == "active"
