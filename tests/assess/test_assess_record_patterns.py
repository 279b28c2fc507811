"""Record patterns EHR exports share, each read as a clinician reads it.

A joint dislocation or a bruising blow coded only by its ICD-10-CM code is an injury; a
procedure's chart shorthand that names the code's own body site does not refute the code;
a partial knee replacement written "UKA" is a knee replacement; a dental order coded in
CDT is a dental procedure (an injury in FOP); a text saying an entry was someone else's,
an order was cancelled or a drug is contraindicated gives no fact of the patient having
it; an allergy written as text only names allergies, not medicines taken; and advice the
sources time from an operation is not offered to a patient with none, done or planned.
Made-up patients.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

import pytest

from osteon.assess.load import load_patient
from osteon.assess.rules import assess_rules
from osteon.reading.lexicon import load_lexicon

AT = "2026-06-10T12:00:00Z"
CPT = "http://www.ama-assn.org/go/cpt"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
CDT = "http://www.ada.org/cdt"


def read(**lists: Any):
    raw = {"id": "made-up", "age": 50, "sex": "male", **lists}
    return load_patient(raw, load_lexicon(), assess_rules(),
                        datetime(2026, 6, 10, 12, tzinfo=UTC))


def facts_of(patient, concept: str) -> list:
    return [f for f in patient.facts if f.concept == concept]


def coded(code: str, system: str = ICD10CM, **more: Any) -> dict[str, Any]:
    return {"codes": [{"system": system, "code": code}], **more}


# --- injuries coded only by ICD-10-CM ------------------------------------------------------


@pytest.mark.parametrize("code,concept,site", [
    ("S73.005A", "hip_dislocation", "hip"),
    ("S43.014A", "dislocation", "shoulder"),
    ("S80.02XA", "trauma", "knee"),
    ("S70.11XA", "trauma", "thigh"),
])
def test_a_dislocation_or_contusion_coded_without_display_is_an_injury(code, concept, site):
    patient = read(conditions=[coded(code, date="2026-06-01")])
    [fact] = facts_of(patient, concept)
    assert fact.status == "active" and site in fact.sites
    assert load_lexicon().is_a(concept, "trauma")
    assert not patient.not_recognised


def test_a_bruised_thigh_coded_only_is_a_trauma_risk(seeded_kb):
    result = seeded_kb.assess({"conditions": [coded("S70.11XA", date="2026-05-01",
                                                     status="resolved")]}, at=AT)
    assert any(i.subject == "trauma" for i in result.risk_factors)


@pytest.mark.parametrize("text", ["L thigh contusion (helmet to thigh)",
                                  "Impr: quadriceps contusion", "charley horse R thigh"])
def test_a_contusion_written_in_words_is_an_injury_not_a_bruise(seeded_kb, text):
    # the blow is the risk ("trauma"); the bruise it leaves is only a finding
    result = seeded_kb.assess({"notes": [{"text": text, "date": "2026-05-20"}]}, at=AT)
    assert any(i.subject == "trauma" for i in result.risk_factors)


# --- chronic diseases a problem list carries --------------------------------------------


@pytest.mark.parametrize("code,text,concept", [
    ("F02.C0", None, "dementia"),
    ("F03.90", "Dementia, moderate", "dementia"),
    ("G30.1", "Advanced Alzheimer's dementia", "alzheimer_disease"),
    ("M05.79", None, "rheumatoid_arthritis"),
    ("M06.9", "RA (seronegative)", "rheumatoid_arthritis"),
])
def test_a_chronic_disease_coded_by_its_category_is_recognised_and_no_risk(seeded_kb, code,
                                                                           text, concept):
    entry = coded(code, date="2019-01-01", **({"text": text} if text else {}))
    result = seeded_kb.assess({"conditions": [entry]}, at=AT)
    [fact] = facts_of(result.patient, concept)
    assert fact.status == "active" and not result.patient.not_recognised
    assert not result.risk_factors  # the sources name neither as a risk of HO


# --- chart shorthand for an injury and what was not found --------------------------------


@pytest.mark.parametrize("text,concept", [
    ("L 3pt PHF 2/2 GLF", "proximal_humerus_fracture"),
    ("R DRF after a mechanical fall", "distal_radius_fracture"),
])
def test_a_fracture_and_a_fall_written_by_their_abbreviations_are_injuries(seeded_kb, text,
                                                                           concept):
    result = seeded_kb.assess({"conditions": [{"text": text, "date": "2026-06-08"}]}, at=AT)
    [fracture] = facts_of(result.patient, concept)
    assert fracture.status == "active"
    assert facts_of(result.patient, "ground_level_fall")
    assert {"fracture", "trauma"} <= {i.subject for i in result.risk_factors}


@pytest.mark.parametrize("text", ["POD1. -HS -LOC at time of GLF (per pt + dtr).",
                                  "s/p GLF at home, (-)HS/LOC.",
                                  "Tripped on rug. Denies LOC at the time of the GLF"])
def test_a_minus_sign_before_a_word_is_not_found_and_the_fall_still_happened(text):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    [loc] = facts_of(patient, "loss_of_consciousness")
    assert loc.status == "absent"
    assert all(f.status != "absent" for f in facts_of(patient, "ground_level_fall"))


@pytest.mark.parametrize("text", ["-Continue indomethacin", "Plan: -indomethacin 25 mg TDS",
                                  "x-ray: indomethacin started"])
def test_a_bullet_or_a_hyphen_is_no_minus_sign(text):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert {f.status for f in facts_of(patient, "indomethacin")} <= {"active", "planned"}
    assert facts_of(patient, "indomethacin")


@pytest.mark.parametrize("text", ["NSAIDs c/i (CKD3a)", "NSAIDs avoided (tSAH) per NSx",
                                  "Avoid NSAIDs - age, eGFR 38"])
def test_a_drug_kept_from_the_patient_is_not_taken(text):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    [nsaid] = facts_of(patient, "nsaid")
    assert nsaid.status == "absent"


def test_what_an_alert_card_says_to_avoid_is_not_what_the_patient_had():
    """"Avoid falls and blunt trauma" (an FOP card) is advice: no trauma, no injury risk;
    the words the card lists last are in its scope too."""
    patient = read(notes=[{"text": "Avoid falls and blunt trauma.", "date": "2026-06-09"}])
    assert {f.status for f in facts_of(patient, "trauma")} == {"absent"}


@pytest.mark.parametrize("text", [
    "A hip arthroplasty and an indometacin order were filed here (they belong to the patient "
    "in bed 2) and are marked entered-in-error",
    "ATENÇÃO: foram lançados no prontuário deste paciente, por engano, uma artroplastia total "
    "do quadril direito, uma ossificação heterotópica do quadril esquerdo e indometacina",
])
def test_what_a_note_says_is_another_patients_or_filed_in_error_is_not_his(text):
    """Another bed's operation, written in a note of this chart, opens no window here."""
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    for concept in ("hip_arthroplasty", "heterotopic_ossification", "indomethacin"):
        assert all(f.status == "absent" for f in facts_of(patient, concept)), concept


def test_a_traumatic_bleed_in_the_skull_is_a_brain_injury_not_a_stroke(seeded_kb):
    note = {"text": "CT head: bifrontal contusions, traumatic subarachnoid haemorrhage. "
                    "NSAIDs avoided (tSAH).", "date": "2026-06-01"}
    result = seeded_kb.assess({"notes": [note]}, at=AT)
    subjects = {i.subject for i in result.risk_factors}
    assert "traumatic_brain_injury" in subjects and "stroke" not in subjects


# --- a paralysis and its cause -----------------------------------------------------------


def test_a_quadriparesis_after_a_brain_injury_is_no_cord_injury(seeded_kb):
    record = {"conditions": [{"text": "severe traumatic brain injury", "date": "2026-05-01"},
                             {"text": "Spastic quadriparesis R>L", "date": "2026-05-20"}]}
    result = seeded_kb.assess(record, at=AT)
    [paralysis] = [f for f in result.patient.facts if f.label == "Spastic quadriparesis R>L"]
    assert paralysis.concept == "paralysis" and "no spinal cord injury" in paralysis.how
    subjects = {i.subject for i in result.risk_factors}
    assert "traumatic_brain_injury" in subjects and "spinal_cord_injury" not in subjects
    assert not radiation(result)


@pytest.mark.parametrize("conditions", [
    [{"text": "Spastic quadriparesis", "date": "2026-05-20"}],
    [{"text": "severe traumatic brain injury", "date": "2026-05-01"},
     {"text": "C5 spinal cord injury", "date": "2026-05-01"},
     {"text": "tetraplegia", "date": "2026-05-01"}],
])
def test_a_tetraplegia_without_another_cause_stays_a_cord_injury(seeded_kb, conditions):
    result = seeded_kb.assess({"conditions": conditions}, at=AT)
    assert "spinal_cord_injury" in {i.subject for i in result.risk_factors}
    assert any(f.concept == "tetraplegia" for f in result.patient.facts)


# --- a service named in a note's title -------------------------------------------------


@pytest.mark.parametrize("text", ["PEDS SURGERY CONSULT 12/01/2027", "BURN SURGERY PN 02/12",
                                  "Seen in plastic surgery clinic today"])
def test_an_operation_naming_a_service_is_no_operation(text):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert not facts_of(patient, "surgery")


def test_a_follow_up_after_an_operation_and_a_condition_clinic_stay_facts():
    patient = read(notes=[{"text": "s/p R THA f/u 6 wk. SCI clinic exam", "date": "2026-06-09"}])
    assert [f.status for f in facts_of(patient, "total_hip_arthroplasty")] == ["history"]
    assert facts_of(patient, "spinal_cord_injury")


# --- how an injury came about ---------------------------------------------------------------


@pytest.mark.parametrize("code", ["Y04.0XXA", "V80.010A", "V43.52XA", "W20.8XXA", "W54.0XXA"])
def test_an_assault_or_an_accident_coded_only_by_its_external_cause_is_an_injury(code):
    patient = read(conditions=[coded(code, date="2026-06-01")])
    [fact] = facts_of(patient, "trauma")
    assert fact.status == "active" and not patient.not_recognised


@pytest.mark.parametrize("code", ["W57.XXXA", "W42.0XXA"])
def test_an_insect_bite_or_noise_is_no_injury(code):
    patient = read(conditions=[coded(code, date="2026-06-01")])
    assert not facts_of(patient, "trauma") and patient.not_recognised


# --- a table code and the chart's own words -----------------------------------------------


def test_shorthand_naming_the_codes_body_site_keeps_the_code():
    patient = read(procedures=[{"text": "TFN L hip (short)", "date": "2026-06-09T10:00:00Z",
                                "codes": [{"system": CPT, "code": "27245"}]}])
    [fact] = facts_of(patient, "open_reduction_internal_fixation")
    assert "hip" in fact.sites


def test_a_text_naming_another_body_site_still_refutes_the_code():
    patient = read(procedures=[{"text": "TFN L shoulder", "date": "2026-06-09T10:00:00Z",
                                "codes": [{"system": CPT, "code": "27245"}]}])
    assert not facts_of(patient, "open_reduction_internal_fixation")
    assert any("disagrees with its text" in w for w in patient.warnings)


def test_a_unicompartmental_knee_replacement_is_a_knee_replacement(seeded_kb):
    raw = {"procedures": [{"text": "R lateral UKA", "date": "2026-06-10T08:00:00Z",
                           "end": "2026-06-10T09:30:00Z",
                           "codes": [{"system": CPT, "code": "27446"}]}]}
    result = seeded_kb.assess(raw, at=AT)
    assert [f.concept for f in result.patient.facts] == ["knee_arthroplasty"]
    assert result.deadlines and result.deadlines[0].window.status == "open"
    assert "unicompartmental_knee_arthroplasty" in {
        c.id for c in load_lexicon().lookup("UKA")}


# --- dental codes -------------------------------------------------------------------------


def test_cdt_codes_that_cut_or_inject_are_dental_procedures_and_a_cleaning_is_not():
    patient = read(procedures=[
        coded("D7140", CDT, text="Extraction #19 (simple)", date="2026-06-20", status="planned"),
        coded("D1110", CDT, date="2026-06-20", status="planned")])
    [fact] = facts_of(patient, "dental_procedure")
    assert fact.status == "planned" and fact.how.startswith("CDT D7140")
    assert [n.codes[0].code for n in patient.not_recognised] == ["D1110"]


def test_a_dental_order_in_fop_brings_the_injury_caution(seeded_kb):
    raw = {"conditions": [{"text": "fibrodysplasia ossificans progressiva",
                           "date": "2010-01-01"}],
           "procedures": [coded("D2392", CDT, date="2026-06-20", status="planned")]}
    result = seeded_kb.assess(raw, at=AT)
    cautions = [i for i in result.cautions if i.rule == "injury-caution"]
    assert cautions and "injur" in cautions[0].text
    assert any("D2392" in line or "dental" in line for i in cautions for line in i.matched)


# --- what a text says is not the patient's ------------------------------------------------


@pytest.mark.parametrize("note,concept", [
    ("Hip fracture on the problem list belongs to another patient - entered in error",
     "hip_fracture"),
    ("TBI entry was for another pt, removed", "traumatic_brain_injury"),
    ("Concussion documented on the wrong chart", "concussion"),
])
def test_an_entry_the_text_says_is_someone_elses_is_no_fact(note, concept):
    patient = read(notes=[{"text": note, "date": "2026-06-09"}])
    assert not facts_of(patient, concept)


def test_a_cancelled_order_is_not_done_and_a_contraindicated_drug_not_taken():
    patient = read(notes=[{"text": "L TKA order cancelled (infection). "
                                   "Indomethacin contraindicated (ulcer)",
                           "date": "2026-06-09"}])
    [tka] = facts_of(patient, "knee_arthroplasty")
    [indomethacin] = facts_of(patient, "indomethacin")
    assert tka.status == "absent" and indomethacin.status == "absent"


def test_a_text_only_allergy_names_allergies_not_medicines(seeded_kb):
    raw = {"procedures": [{"text": "total hip arthroplasty", "date": "2026-06-10T08:00:00Z"}],
           "allergies": [{"text": "NSAIDs (naproxen, diclofenac)", "date": "2015-03-01"}]}
    result = seeded_kb.assess(raw, at=AT)
    read_from_text = [f for f in result.patient.facts if f.matched_by == "note"]
    assert read_from_text and {f.kind for f in read_from_text} == {"allergy"}
    nsaid = [i for i in result.prophylaxis if i.subject == "nsaid"]
    assert nsaid and any(n.startswith("allergy or intolerance recorded: NSAIDs")
                         for n in nsaid[0].notes)


# --- advice for a setting the patient does not have ---------------------------------------


def radiation(result) -> list:
    return [i for s in ("prophylaxis", "treatment") for i in result.section(s)
            if "radiation" in i.subject]


@pytest.mark.parametrize("record", [
    {"conditions": [{"text": "ischaemic stroke", "date": "2026-05-01"}]},
    {"conditions": [{"text": "traumatic myositis ossificans", "date": "2026-04-01"}],
     "notes": [{"text": "No surgery planned", "date": "2026-06-09"}]},
])
def test_radiation_is_not_advised_without_an_operation_done_or_planned(seeded_kb, record):
    result = seeded_kb.assess(record, at=AT)
    assert (result.prophylaxis or result.treatment) and not radiation(result)
    assert not result.deadlines
    [why] = [w for w in result.warnings if w.startswith("Radiation therapy: not applicable")]
    assert "24–48 hours of surgery" in why and "spinal cord injury" in why


@pytest.mark.parametrize("record", [
    {"conditions": [{"text": "ischaemic stroke", "date": "2026-05-01"}],
     "procedures": [{"text": "hip arthroplasty", "date": "2026-06-20", "status": "planned"}]},
    {"injuries": [{"text": "spinal cord injury", "date": "2026-05-20"}]},
    {"conditions": [{"text": "ischaemic stroke", "date": "2026-05-01"}],
     "procedures": [{"text": "total hip arthroplasty", "date": "2026-06-01"}]},
])
def test_radiation_stays_for_an_operation_done_or_planned_or_a_cord_injury(seeded_kb, record):
    result = seeded_kb.assess(record, at=AT)
    assert radiation(result)
    assert not any("not applicable" in w for w in result.warnings)


def test_every_advice_setting_names_lexicon_concepts():
    lexicon = load_lexicon()
    settings = assess_rules().advice_settings
    assert settings
    for advice, events in settings.items():
        assert advice in lexicon and all(e in lexicon for e in events), advice


# --- an operation called off ---------------------------------------------------------------


def fhir(*resources: dict[str, Any]) -> dict[str, Any]:
    """A made-up searchset bundle: one patient and these resources."""
    people = [{"resourceType": "Patient", "id": "p", "gender": "female",
               "birthDate": "1970-01-01"}]
    return {"resourceType": "Bundle", "type": "searchset",
            "entry": [{"resource": {"subject": {"reference": "Patient/p"}, **r}
                       if r["resourceType"] != "Patient" else r}
                      for r in people + list(resources)]}


def note(text: str, date: str) -> dict[str, Any]:
    data = base64.b64encode(text.encode()).decode()
    return {"resourceType": "DocumentReference", "id": "n1", "status": "current",
            "type": {"text": "Pre-op note"}, "date": date,
            "content": [{"attachment": {"contentType": "text/plain", "data": data}}]}


@pytest.mark.parametrize("status,kind", [("not-done", "Procedure"),
                                         ("revoked", "ServiceRequest"),
                                         ("cancelled", "Procedure")])
def test_an_operation_the_record_calls_off_is_not_done_nor_booked(seeded_kb, status, kind):
    when = "performedDateTime" if kind == "Procedure" else "occurrenceDateTime"
    called_off = {"resourceType": kind, "id": "op", "status": status, "intent": "order",
                  "code": {"coding": [{"system": CPT, "code": "27130"}], "text": "R THA"},
                  when: "2026-06-09"}
    if kind == "Procedure":
        del called_off["intent"]
    record = fhir(called_off, note("71F for R THA (second case). Anaesthesia: not fit today.",
                                   "2026-06-09T07:00:00Z"))
    result = seeded_kb.assess(record, at=AT)
    facts = facts_of(result.patient, "total_hip_arthroplasty")
    assert len(facts) == 2 and {f.status for f in facts} == {"absent"}
    assert not result.risk_factors and not result.deadlines


def test_an_operation_called_off_then_rebooked_stays_booked(seeded_kb):
    record = fhir(
        {"resourceType": "Procedure", "id": "op1", "status": "not-done",
         "code": {"coding": [{"system": CPT, "code": "27130"}]},
         "performedDateTime": "2026-06-02"},
        {"resourceType": "ServiceRequest", "id": "op2", "status": "active", "intent": "order",
         "code": {"coding": [{"system": CPT, "code": "27130"}]},
         "occurrenceDateTime": "2026-06-12T08:00:00Z"},
        note("For R THA on Friday", "2026-06-09T07:00:00Z"))
    result = seeded_kb.assess(record, at=AT)
    statuses = sorted(f.status for f in facts_of(result.patient, "total_hip_arthroplasty"))
    assert statuses == ["absent", "planned", "planned"]
    assert any(i.subject == "total_hip_arthroplasty" for i in result.risk_factors)


def test_a_plan_for_the_day_the_booking_was_cancelled_opens_no_window(seeded_kb):
    """A summary still says "TKA planned on 10 June" (read as a plan for that day); the
    booking for that day is recorded as cancelled and the operation rebooked for the 12th:
    the radiation window is counted from the rebooked one, not opened from the cancelled
    day."""
    result = seeded_kb.assess({"age": 67, "procedures": [
        {"text": "total knee arthroplasty", "status": "planned", "date": "2026-06-10"},
        {"text": "total knee arthroplasty", "status": "absent", "date": "2026-06-10T08:00:00Z"},
        {"text": "total knee arthroplasty", "status": "planned",
         "date": "2026-06-12T08:00:00Z"}]}, at=AT)
    radiation = [d for d in result.deadlines if d.window.anchor == "surgery"]
    assert radiation, result.deadlines
    assert all(d.window.status == "not_started" for d in radiation), radiation
    assert all(d.window.anchor_time == datetime(2026, 6, 12, 8, tzinfo=UTC)
               for d in radiation), radiation


def test_no_surgery_listed_does_not_unsay_an_operation_a_result_shows():
    patient = read(procedures=[{"text": "surgery", "status": "absent"}],
                   findings=[{"text": "XR R hip", "date": "2026-06-09",
                              "notes": ["R THA in good position"]}])
    assert [f.status for f in facts_of(patient, "total_hip_arthroplasty")] == ["active"]


def test_for_right_before_an_operation_is_its_booking():
    patient = read(notes=[{"text": "For L TKA tomorrow. Physio for 6 weeks after THA in 2019",
                           "date": "2026-06-09"}])
    [tka] = facts_of(patient, "knee_arthroplasty")
    assert tka.status == "planned" and tka.when is None
    assert all(f.status != "planned" for f in facts_of(patient, "total_hip_arthroplasty"))


@pytest.mark.parametrize("text", ["No NSAIDs - CKD; ibuprofen GI bleed 2018",
                                  "ibuprofen - anaphylaxis", "Ibuprofen intolerance"])
def test_a_drug_named_with_the_harm_it_did_is_not_taken(text):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert not [f for f in facts_of(patient, "ibuprofen") if f.status in ("active", "planned")]


def test_a_drug_still_given_is_taken_beside_a_reaction_to_another():
    patient = read(notes=[{"text": "Codeine rash. Continue ibuprofen 400 mg TDS.",
                           "date": "2026-06-09"}])
    assert {f.status for f in facts_of(patient, "ibuprofen")} == {"active"}


# --- hedges as charts write them ----------------------------------------------------------


@pytest.mark.parametrize("text", ["Impression: ?early HO L knee", "?HO - cannot exclude",
                                  "HO cannot be ruled out", "HO not ruled out",
                                  "no HO on film - early HO cannot be excluded",
                                  "XR neg. Cannot exclude early HO.", "HO - cannot exclude"])
def test_a_queried_or_not_excluded_condition_is_possible(text):
    # "?" glued to a word is the chart's query, not a sentence's end; a hedge written with
    # a negation and after its mention still hedges it; of a negation and a hedge over one
    # mention, the nearer says it
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert "possible" in {f.status for f in facts_of(patient, "heterotopic_ossification")}
    assert "active" not in {f.status for f in facts_of(patient, "heterotopic_ossification")}


@pytest.mark.parametrize("text,concept,status", [
    ("no DVT, likely cellulitis", "deep_vein_thrombosis", "absent"),
    ("no DVT, likely cellulitis", "cellulitis", "possible"),
    ("no fracture, HO not excluded", "fracture", "absent"),
    ("not likely HO", "heterotopic_ossification", "absent"),
    ("Pain? Ask again. Swelling.", "swelling", "active"),
])
def test_the_nearer_of_a_negation_and_a_hedge_says_it(text, concept, status):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert {f.status for f in facts_of(patient, concept)} == {status}


# --- conditions and states a record carries beside the injury or operation ----------------


@pytest.mark.parametrize("code,text,concept", [
    ("G20.C", None, "parkinson_disease"),
    ("G20.B2", "Parkinson's disease w/ dyskinesia", "parkinson_disease"),
    ("Z94.0", "LDKT 2015 (PKD)", "kidney_transplant"),
    ("M87.052", None, "osteonecrosis"),
    ("M87.851", "AVN L femoral head", "osteonecrosis"),
    ("M75.01", "Frozen shoulder, right", "adhesive_capsulitis"),
    ("M47.12", None, "myelopathy"),
    ("T84.53XA", None, "periprosthetic_joint_infection"),
    ("Z3A.31", None, "pregnancy"),
    ("Z33.1", "Pregnant, 12 wks", "pregnancy"),
])
def test_a_condition_or_state_coded_by_its_category_is_recognised_and_no_risk(
        seeded_kb, code, text, concept):
    entry = coded(code, date="2026-01-01", **({"text": text} if text else {}))
    result = seeded_kb.assess({"conditions": [entry]}, at=AT)
    assert "active" in {f.status for f in facts_of(result.patient, concept)}
    assert not result.patient.not_recognised
    assert not result.risk_factors  # none is a risk the sources name


@pytest.mark.parametrize("text,concept,status", [
    ("Exam: no myelopathic signs, Hoffmann neg", "myelopathy", "absent"),
    ("Dx: L hip FAI (cam) with anterior labral tear", "femoroacetabular_impingement", "active"),
    ("Dx: L hip FAI (cam) with anterior labral tear", "labral_tear", "active"),
    ("MRI: SLAP tear R shoulder", "labral_tear", "active"),
    ("Imp: ?PJI R knee", "periprosthetic_joint_infection", "possible"),
    ("G1P0 IUP at 30 wks", "pregnancy", "active"),
    ("renal transplant recipient on tacrolimus", "kidney_transplant", "active"),
])
def test_such_conditions_written_in_chart_words_are_read(text, concept, status):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert {f.status for f in facts_of(patient, concept)} == {status}


def test_a_myelopathy_or_parkinson_disease_is_no_nervous_system_injury(seeded_kb):
    result = seeded_kb.assess({"conditions": [
        coded("G20.A1", date="2019-01-01"),
        {"text": "Cervical spondylotic myelopathy", "date": "2025-01-01"}]}, at=AT)
    assert not result.risk_factors
    lexicon = load_lexicon()
    for concept in ("parkinson_disease", "myelopathy"):
        assert not lexicon.is_a(concept, "central_nervous_system_injury")
        assert not lexicon.is_a(concept, "neurological_condition")


# --- an arthroscopy written in words ------------------------------------------------------


@pytest.mark.parametrize("text,site", [
    ("Procedure: L knee arthroscopy, partial meniscectomy", "knee"),
    ("arthroscopic rotator cuff repair R shoulder", "shoulder"),
    ("L hip scope + labral repair", None),
])
def test_an_arthroscopy_in_words_is_an_operation_no_joint_replacement(seeded_kb, text, site):
    result = seeded_kb.assess({"notes": [{"text": text, "date": "2026-06-09T15:00:00Z"}]},
                              at=AT)
    [fact] = facts_of(result.patient, "arthroscopy")
    assert fact.status == "active" and (site is None or site in fact.sites)
    assert load_lexicon().is_a("arthroscopy", "orthopedic_surgery")
    assert not load_lexicon().is_a("arthroscopy", "joint_replacement")
    subjects = {i.subject for i in result.risk_factors}
    assert "orthopedic_surgery" in subjects and "joint_replacement" not in subjects


# --- an operative note with the time of the operation ---------------------------------------


def op_note(text: str, kind: dict[str, Any], period: dict[str, str] | None) -> dict[str, Any]:
    data = base64.b64encode(text.encode()).decode()
    doc = {"resourceType": "DocumentReference", "id": "op", "status": "current", "type": kind,
           "date": "2026-06-09T16:30:00-04:00",
           "content": [{"attachment": {"contentType": "text/plain", "data": data}}]}
    return {**doc, "context": {"period": period}} if period else doc


OP_TEXT = "OP NOTE\nProcedure: L knee arthroscopy, debridement. EBL minimal.\nNo h/o HO."
PERIOD = {"start": "2026-06-09T13:05:00-04:00", "end": "2026-06-09T14:40:00-04:00"}


@pytest.mark.parametrize("kind", [
    {"text": "Operative report"},
    {"coding": [{"system": "http://loinc.org", "code": "11504-8"}]},
    {"text": "Brief op note"},
])
def test_an_operation_an_op_note_records_is_done_at_its_period(seeded_kb, kind):
    # no Procedure: the operation is told only by the op note, whose context.period is the
    # time of the operation it documents; the window after surgery counts from its end
    result = seeded_kb.assess(fhir(op_note(OP_TEXT, kind, PERIOD)), at=AT)
    [fact] = facts_of(result.patient, "arthroscopy")
    assert fact.status == "active" and fact.when == datetime(2026, 6, 9, 18, 40, tzinfo=UTC)
    [deadline] = result.deadlines
    assert deadline.window.anchor_time == datetime(2026, 6, 9, 18, 40, tzinfo=UTC)


@pytest.mark.parametrize("kind,period", [
    ({"text": "Operative report"}, None),         # no time of the operation given
    ({"text": "Ortho clinic letter"}, PERIOD),    # a visit's time, not an operation's
])
def test_other_documents_still_name_an_operation_done_before_them(seeded_kb, kind, period):
    result = seeded_kb.assess(fhir(op_note(OP_TEXT, kind, period)), at=AT)
    [fact] = facts_of(result.patient, "arthroscopy")
    assert fact.when is None and not result.deadlines


# --- "#" for a fracture ---------------------------------------------------------------------


def test_a_fracture_written_with_the_hash_sign_keeps_its_code():
    # "NOF #" on a code for a fracture of the femur's neck: the text agrees with the code
    patient = read(conditions=[coded("S72.002A", text="R subcapital NOF # (displaced)",
                                     date="2026-06-01")])
    [fact] = facts_of(patient, "hip_fracture")
    assert fact.status == "active" and not patient.warnings


@pytest.mark.parametrize("text,status", [("Fell on outstretched hand: R scaphoid #", "active"),
                                         ("?# L 5th metatarsal", "possible"),
                                         ("no # seen on XR pelvis", "absent")])
def test_a_hash_sign_in_a_note_is_a_fracture(text, status):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert {f.status for f in facts_of(patient, "fracture")} == {status}


@pytest.mark.parametrize("text", ["POD#2, mobilising", "POD # 1 today",
                                  "labral repair, #3 anchors"])
def test_a_hash_sign_before_a_number_is_no_fracture(text):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert not facts_of(patient, "fracture")


# --- an injury in FOP -------------------------------------------------------------------------


FOP = {"text": "FOP (ACVR1 R206H)", "date": "2005-01-01"}


@pytest.mark.parametrize("injury", [
    coded("S42.201A", text="R proximal humerus fx", date="2026-06-05"),  # a fracture
    {"text": "fall down stairs, bruised L thigh", "date": "2026-06-07"},   # a fall, in words
])
def test_a_recent_injury_in_fop_is_a_risk_in_the_sources_words(seeded_kb, injury):
    # in FOP what the sources say injury does ("causes injured bodily tissues to be replaced
    # by heterotopic bone") makes the patient's own injury a risk, not only a caution; what
    # they say of injury in acquired HO ("trauma raises the risk") is not said of FOP
    result = seeded_kb.assess({"conditions": [FOP, injury]}, at=AT)
    [risk] = [i for i in result.risk_factors if i.rule == "injury-risk"]
    assert risk.subject == "trauma" and "injured bodily tissues" in risk.text
    assert all("FOP" in c.sentence_text for c in risk.statement.citations)
    assert not [i for i in result.risk_factors if i.rule == "risk-factor"
                and i.subject == "trauma"]
    assert any(i.rule == "injury-caution" for i in result.cautions)


def test_no_injury_in_fop_adds_no_injury_risk(seeded_kb):
    result = seeded_kb.assess({"conditions": [FOP]}, at=AT)
    assert not [i for i in result.risk_factors if i.rule == "injury-risk"]


def test_an_injury_without_fop_gets_no_fop_wording(seeded_kb):
    result = seeded_kb.assess({"conditions": [coded("S42.201A", date="2026-06-05")]}, at=AT)
    assert not [i for i in result.risk_factors if i.rule == "injury-risk"]
    assert any(i.subject == "trauma" for i in result.risk_factors)


# --- "temps" for fevers -----------------------------------------------------------------------


@pytest.mark.parametrize("text,status", [("spiking temps overnight, R knee hot", "active"),
                                         ("Low-grade temps x 3 d", "active"),
                                         ("no temps since Sunday", "absent")])
def test_temps_in_a_chart_are_fevers(text, status):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert {f.status for f in facts_of(patient, "fever")} == {status}


def test_a_temp_taken_is_no_fever():
    assert not facts_of(read(notes=[{"text": "Temp 36.8, HR 80", "date": "2026-06-09"}]),
                        "fever")


@pytest.mark.parametrize("text,drug", [
    ("HO ppx: usual naproxen x 2 wk NOT given (CKD)", "naproxen"),
    ("celecoxib withheld pre-op", "celecoxib")])
def test_a_drug_not_given_or_withheld_is_not_taken(text, drug):
    patient = read(notes=[{"text": text, "date": "2026-06-09"}])
    assert {f.status for f in facts_of(patient, drug)} == {"absent"}


def test_an_order_for_an_injection_names_the_drug_it_gives() -> None:
    # "Botox … injection R biceps" is the injection and the medicine it is to give
    patient = read(procedures=[{"text": "Botulinum toxin A (Botox 200 U) injection R biceps",
                                "status": "planned", "date": "2026-06-20"}])
    drugs = facts_of(patient, "botulinum_toxin")
    assert drugs and drugs[0].kind == "medication" and drugs[0].status == "planned"
    assert facts_of(patient, "injection")
    # a named operation gives no medicine
    plain = read(procedures=[{"text": "Total hip arthroplasty", "status": "planned",
                              "date": "2026-06-20"}])
    assert not [f for f in plain.facts if f.kind == "medication"]
