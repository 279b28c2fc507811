"""Free text in the record is read, with its assertion status kept.

"no ankle edema" is an absent finding, "history of" history, "possible" hedged; body
site and laterality are kept; the reading pipeline loads only when there is text.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from assess_support import PATIENTS

from osteon.assess import PatientInputError
from osteon.assess.load import load_patient
from osteon.assess.rules import assess_rules
from osteon.reading.lexicon import load_lexicon

AT = "2026-11-20T10:00:00Z"


def _patient(raw):
    return load_patient(raw, load_lexicon(), assess_rules(),
                        datetime(2026, 11, 20, 10, tzinfo=UTC))


def _by_concept(patient):
    return {f.concept: f for f in patient.facts}


def test_an_observation_of_free_text_only_gives_findings_with_their_status():
    patient = _patient(PATIENTS / "ehr_sci_free_text.fhir.json")
    facts = _by_concept(patient)
    for concept in ("warmth", "swelling"):
        fact = facts[concept]
        assert fact.status == "active" and fact.kind == "finding"
        assert fact.sites == ("thigh",) and fact.laterality == "right"
        assert fact.matched_by == "note" and "warm, swollen right thigh" in fact.how
        assert fact.when == datetime(2026, 11, 19, 9, tzinfo=UTC)
    assert facts["foot_and_ankle_edema"].status == "absent"
    assert facts["fever"].status == "absent"
    assert facts["hip_fracture"].status == "history"
    assert facts["heterotopic_ossification"].status == "possible"
    assert facts["spinal_cord_injury"].matched_by == "code family"
    # the exam and impression were read, so they are not "not recognised"
    assert not [n for n in patient.not_recognised if n.source.startswith("Observation/")]


def test_the_free_text_patient_gets_the_differential(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "ehr_sci_free_text.fhir.json", at=AT)
    assert "thrombophlebitis" in {i.subject for i in result.differential}
    assert "spinal_cord_injury" in {i.subject for i in result.risk_factors}
    # "possible HO" is no established HO: no treatment section
    assert not result.treatment


@pytest.mark.parametrize("note,concept,status", [
    ("no ankle edema", "foot_and_ankle_edema", "absent"),
    ("history of hip fracture", "hip_fracture", "history"),
    ("possible heterotopic ossification", "heterotopic_ossification", "possible"),
    ("Patient denies fever.", "fever", "absent"),
    ("s/p total hip replacement", "total_hip_arthroplasty", "history"),
    ("swollen left thigh", "swelling", "active"),
    # what a record names that the sources do not treat is still listed: a report shows it
    ("R proximal femoral replacement for a pathological fracture", "proximal_femoral_replacement",
     "active"),
    ("Cardiac arrest, ROSC after 12 min of CPR", "cardiac_arrest", "active"),
    ("Known metastatic breast cancer with bone metastases", "malignant_neoplasm", "active"),
    # a bare hemiarthroplasty is the hip's; a shoulder's or an elbow's is named so
    ("L cemented hemiarthroplasty for # NOF", "hip_hemiarthroplasty", "active"),
    ("R shoulder hemiarthroplasty for a four-part fracture", "shoulder_arthroplasty", "active"),
    ("radial head replacement for a comminuted fracture", "elbow_arthroplasty", "active"),
    ("s/p ACL reconstruction", "acl_reconstruction", "history"),
    ("Mefenamic acid 500 mg tds for pain", "mefenamic_acid", "active"),  # an NSAID
    # a radiologist's query, before a clause or after it (patients42: HO read as present in a
    # parasitic calcification and a fibrodysplasia ossificans progressiva's flare)
    ("Bones otherwise normal. ? myositis ossificans traumatica after the fall.",
     "traumatic_heterotopic_ossification", "possible"),
    ("Linear soft-tissue calcifications - heterotopic ossification ? phleboliths ?",
     "heterotopic_ossification", "possible"),
    # a diagnosis taken back in another language's words after it
    ("Ossification hétérotopique réfutée", "heterotopic_ossification", "absent"),
    ("Heterotope Ossifikation ausgeschlossen", "heterotopic_ossification", "absent"),
    # an operation the note says was not done, the verb after it (patients44: a toe
    # amputation entered in error and taken back in Russian was read as done)
    ("Ампутация пальцев НЕ выполнялась (запись ошибочная).", "amputation", "absent"),
    ("Amputation der Zehen nicht durchgeführt.", "amputation", "absent"),
])
def test_the_notes_field_keeps_assertion_status(note, concept, status):
    facts = _by_concept(_patient({"notes": [note]}))
    assert facts[concept].status == status, facts


@pytest.mark.parametrize("concept", ["aspirin", "nsaid", "ibuprofen", "naproxen"])
def test_every_item_of_a_denied_list_is_denied(concept):
    # the cue's few words reach the aspirin; the rest of the list and its bracketed
    # examples are kept from the patient all the same, never medicines taken
    note = "Avoid aspirin AND all non-selective NSAIDs (ibuprofen, naproxen) - previous GI bleed"
    facts = _by_concept(_patient({"notes": [note]}))
    assert facts[concept].status == "absent", facts


def test_a_medicine_after_a_denied_one_but_not_of_its_list_keeps_its_status():
    facts = _by_concept(_patient({"notes": ["Avoid aspirin for two weeks, then restart "
                                            "naproxen"]}))
    assert facts["aspirin"].status == "absent"
    assert facts["naproxen"].status == "active"


def test_a_french_record_is_read_with_its_negation_and_elision():
    facts = _by_concept(_patient({"notes": ["Pas d'ATCD d'ossification hétérotopique.",
                                            "PTH droite hier."]}))
    assert facts["heterotopic_ossification"].status == "absent"
    whose = _by_concept(_patient({"notes": [
        "Pas d'ATCD personnel ni familial d'ossification hétérotopique."]}))
    assert whose["heterotopic_ossification"].status == "absent"


def test_a_service_named_with_a_conditions_words_is_no_condition():
    facts = _by_concept(_patient({"notes": ["Referral to trauma and orthopaedics for review",
                                            "Seen by T&O registrar"]}))
    assert "trauma" not in facts
    assert "trauma" in _by_concept(_patient({"notes": ["Trauma to the left thigh"]}))


def test_a_side_abbreviation_before_an_operation_is_the_side_not_radiotherapy():
    facts = _by_concept(_patient({"notes": ["s/p RT THA for OA", "Lt knee stiff"]}))
    assert "radiation_therapy" not in facts
    assert facts["total_hip_arthroplasty"].laterality == "right"
    assert "radiation_therapy" not in _by_concept(_patient({"notes": [
        "legs moving well, RT and LT full power"]}))
    radiotherapy = _by_concept(_patient({"notes": ["RT to the hip given, 7 Gy"]}))
    assert "radiation_therapy" in radiotherapy


@pytest.mark.parametrize(("note", "concept"), [
    ("Right THA booked for next week.", "total_hip_arthroplasty"),
    ("Excision of heterotopic ossification of the right elbow planned for tomorrow.",
     "surgical_resection"),
    ("Radiotherapy scheduled tomorrow morning.", "radiation_therapy"),
])
def test_an_operation_followed_by_its_booking_is_planned(note, concept):
    assert _by_concept(_patient({"notes": [note]}))[concept].status == "planned"


def test_an_operation_done_as_planned_or_before_a_booked_one_is_done():
    facts = _by_concept(_patient({"notes": ["s/p right THA as planned, PT booked"]}))
    assert facts["total_hip_arthroplasty"].status != "planned"


def test_a_clinicians_role_abbreviation_is_no_condition():
    facts = _by_concept(_patient({"notes": ["Seen with MO Dr Lim, HO Dr Farhan",
                                            "Plan d/w Dr Tan (MO)"]}))
    assert "heterotopic_ossification" not in facts and "myositis_ossificans" not in facts
    assert "heterotopic_ossification" in _by_concept(_patient({"notes": ["HO R hip on x-ray"]}))


@pytest.mark.parametrize("note", ["Seen by: HO (Dr T. Okafor, FY1)", "HO to complete TTO",
                                  "Reviewed by HO on call overnight",
                                  "Temp 38.9 at 2 am - seen by HO, reactionary fever",
                                  "Surgeon: Dr HO Ka-wai (AC)", "Seretse (Physician) / HO Dr"])
def test_a_house_officer_or_a_surgeon_named_ho_is_no_condition(note: str) -> None:
    assert "heterotopic_ossification" not in _by_concept(_patient({"notes": [note]}))


def test_an_operations_document_is_no_operation():
    facts = _by_concept(_patient({"notes": ["OPERATION RECORD 06/03/2026",
                                            "Surgery report attached"]}))
    assert "surgery" not in facts


def test_a_sentence_broken_across_lines_is_read_whole():
    facts = _by_concept(_patient({"notes": [
        "No previous operations and no\nheterotopic ossification.\nSwollen R thigh"]}))
    assert facts["heterotopic_ossification"].status == "absent"
    assert facts["swelling"].status == "active"  # a new line in capitals starts anew


def test_what_a_score_is_kept_for_is_not_had():
    facts = _by_concept(_patient({"notes": ["Postnatal VTE score 1 -> no LMWH"]}))
    assert "venous_thromboembolism" not in facts or (
        facts["venous_thromboembolism"].status != "active")


@pytest.mark.parametrize("note", ["return if swelling or fever",
                                  "Family history of fibrodysplasia ossificans progressiva",
                                  "Mother had heterotopic ossification after a hip replacement"])
def test_hypothetical_and_family_mentions_are_no_facts(note):
    assert not _patient({"notes": [note]}).facts


def test_notes_take_their_date_and_may_be_objects():
    patient = _patient({"notes": [{"text": "warm thigh", "date": "2026-11-19"}]})
    (fact,) = patient.facts
    assert fact.when == datetime(2026, 11, 19, tzinfo=UTC) and fact.date_only


def test_a_resolved_entrys_plain_text_stays_resolved():
    patient = _patient({"conditions": [
        {"text": "Osteoporosis follow-up", "status": "resolved",
         "notes": ["swelling of the knee"]}]})
    assert _by_concept(patient)["swelling"].status == "resolved"


def test_an_entrys_own_concept_is_not_read_again_from_its_note():
    patient = _patient({"procedures": [
        {"text": "total hip arthroplasty", "date": "2026-11-19T14:00:00Z",
         "notes": ["uncomplicated total hip replacement; no fever"]}]})
    assert [f.concept for f in patient.facts].count("total_hip_arthroplasty") == 1
    assert _by_concept(patient)["fever"].status == "absent"


def test_coded_records_never_load_the_reading_pipeline(monkeypatch):
    import osteon.assess.notes as notes

    def refuse(_lexicon):
        raise AssertionError("the reading pipeline was loaded for a record without free text")

    monkeypatch.setattr(notes, "note_pipeline", refuse)
    patient = _patient(PATIENTS / "ehr_tha_pcs_only.fhir.json")
    assert {f.concept for f in patient.facts} == {"total_hip_arthroplasty", "knee_arthroplasty"}
    # unknown codes whose displays name nothing osteon knows ("Hypertension") are not read
    for name in ("ehr_tha_yesterday.fhir.json", "tha_day1_prior_ho.json", "ehr_no_risk.fhir.json"):
        assert _patient(PATIENTS / name).not_recognised


def test_an_empty_note_is_refused():
    with pytest.raises(PatientInputError, match="notes"):
        load_patient({"notes": [""]}, load_lexicon(), assess_rules(),
                     datetime(2026, 11, 20, tzinfo=UTC))


def test_an_unknown_codes_display_is_read_when_a_concept_is_most_of_it():
    patient = _patient({"procedures": [
        {"codes": [{"system": "SNOMED CT", "code": "1234567",
                    "display": "Primary cemented total hip replacement (procedure)"}]},
        {"codes": [{"system": "SNOMED CT", "code": "7654321",
                    "display": "Medication Reconciliation (procedure)"}]}]})
    assert [f.concept for f in patient.facts] == ["total_hip_arthroplasty"]
    assert len(patient.not_recognised) == 1


def test_terminology_names_and_measurements_are_not_read_as_findings():
    """A display is a name, not a sentence: "Gonorrhea infection test" is no infection."""
    patient = _patient({
        "procedures": [{"codes": [{"system": "SNOMED CT", "code": "165829005",
                                   "display": "Gonorrhea infection test"}]}],
        "labs": [{"text": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                  "value": 2}],
        "findings": [{"text": "warm swollen thigh, r/o DVT"}]})
    facts = _by_concept(patient)
    assert "infection" not in facts and "pain" not in facts
    assert facts["swelling"].status == "active"
    assert facts["deep_vein_thrombosis"].status == "possible"


# what a Synthea display does name outright: "Neuropathy due to type 2 diabetes mellitus
# (disorder)" is a diabetes (a lexicon concept since 4cbeb7f); "Chronic kidney disease stage 1
# (disorder)" a chronic kidney disease (a lexicon concept since the patients11 fixes)
SYNTHEA_DISPLAY_FACTS = {("synthea_burn.json", "diabetes_mellitus"),
                         ("synthea_spinal_cord_injury_2.json", "chronic_kidney_disease")}


def test_synthea_records_gain_no_fact_from_their_displays():
    for path in sorted((PATIENTS.parent / "fhir").glob("synthea_*.json")):
        assert not [f for f in _patient(path).facts if f.matched_by == "note"
                    and (path.name, f.concept) not in SYNTHEA_DISPLAY_FACTS], path


@pytest.mark.parametrize("note", ["possible spinal cord injury", "no spinal cord injury",
                                  "no total hip replacement", "rule out hip fracture"])
def test_negated_or_hedged_facts_never_trigger_advice(seeded_kb, note):
    result = seeded_kb.assess({"notes": [note]}, at=AT)
    assert result.patient.facts and all(f.status in ("absent", "possible")
                                        for f in result.patient.facts)
    assert not result.risk_factors and not result.prophylaxis and not result.deadlines


def test_report_conclusions_and_plain_text_documents_are_read(seeded_kb):
    import base64

    text = base64.b64encode(b"Right thigh warm and swollen. No fever.").decode()
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "DiagnosticReport", "id": "xr", "status": "final",
                      "code": {"coding": [{"system": "http://loinc.org", "code": "37637-6",
                                           "display": "XR Hip Right"}]},
                      "effectiveDateTime": "2026-11-18T11:00:00Z",
                      "conclusion": "No heterotopic ossification."}},
        {"resource": {"resourceType": "DocumentReference", "id": "note", "status": "current",
                      "date": "2026-11-19T08:00:00Z",
                      "content": [{"attachment": {"contentType": "text/plain", "data": text}},
                                  {"attachment": {"contentType": "application/pdf",
                                                  "data": "JVBERi0="}}]}}]}
    result = seeded_kb.assess(bundle, at=AT)
    facts = {(f.concept, f.status, f.source) for f in result.patient.facts}
    assert ("heterotopic_ossification", "absent", "DiagnosticReport/xr") in facts
    assert ("swelling", "active", "DocumentReference/note") in facts
    assert ("fever", "absent", "DocumentReference/note") in facts
    assert not result.treatment


def test_note_sections_give_their_items_a_status():
    note = ("# History of present illness\nRight thigh warm and swollen since Monday.\n"
            "Past medical history:\n- Hip fracture 2015\n- Spinal cord injury\n"
            "Family history: mother with heterotopic ossification\n"
            "Exam: no fever. Swelling: present")
    facts = {(f.concept, f.status) for f in _patient({"notes": [note]}).facts}
    assert ("swelling", "active") in facts and ("warmth", "active") in facts
    assert ("hip_fracture", "history") in facts and ("spinal_cord_injury", "history") in facts
    assert ("fever", "absent") in facts
    assert not any(c == "heterotopic_ossification" for c, _ in facts)  # the mother's


def test_a_plan_lists_what_is_to_come_not_what_was_done():
    """Under "Plan:" an operation or a medicine is planned and undated (the text's date is
    when it was planned); a condition or finding named there is watched for, not had."""
    note = ("Assessment: right hip osteoarthritis\nPlan:\n- right total hip replacement\n"
            "- start indomethacin\n- monitor for heterotopic ossification and swelling\n"
            "- no bisphosphonates")
    patient = _patient({"notes": [{"text": note, "date": "2026-11-19T09:00:00Z"}]})
    facts = _by_concept(patient)
    for concept in ("total_hip_arthroplasty", "indomethacin"):
        assert facts[concept].status == "planned" and facts[concept].when is None, facts
        assert "plan" in facts[concept].how
    assert "heterotopic_ossification" not in facts and "swelling" not in facts
    assert facts["hip_osteoarthritis"].status == "active"  # the assessment before the plan
    assert facts["bisphosphonate"].status == "absent"  # a cue keeps its own status
    (radiation,) = _patient({"notes": ["Plan: XRT to R hip"]}).facts
    assert radiation.concept == "radiation_therapy" and radiation.status == "planned"


def test_a_planned_operation_in_a_note_opens_no_window(seeded_kb):
    """"Plan: right THA" in a note of this morning is no THA done this morning: no deadline
    counted from it."""
    result = seeded_kb.assess({"notes": [{"text": "Plan: right total hip replacement",
                                          "date": "2026-11-20T08:00:00Z"}]}, at=AT)
    assert "total_hip_arthroplasty" in {i.subject for i in result.risk_factors}
    assert not result.deadlines


def test_a_plan_that_waits_on_something_is_only_possible(seeded_kb):
    """"Excision later if function stays limited" is no operation to come: it opens no
    window and raises no risk; and what the record denies ("No surgery") is what no item
    of the report is about."""
    note = {"text": "No trauma. No surgery.\nPlan:\n- excision later if function stays limited",
            "date": "2026-11-19T09:00:00Z"}
    facts = _by_concept(_patient({"notes": [note]}))
    excision = facts["surgical_resection"]
    assert excision.status == "possible" and excision.when is None, excision
    assert facts["surgery"].status == "absent"
    result = seeded_kb.assess({"notes": [note]}, at=AT)
    assert not result.risk_factors and not result.deadlines
    # the same plan without its condition is one: a risk, about the excision only
    plain = {**note, "text": note["text"].replace("later if function stays limited",
                                                  "next week")}
    unconditional = seeded_kb.assess({"notes": [plain]}, at=AT)
    about = [m for section in (unconditional.risk_factors, unconditional.prophylaxis)
             for item in section for m in item.matched]
    assert any("excision" in m for m in about), about
    assert not any("absent" in m for m in about), about


@pytest.mark.parametrize("text", [
    "XR R knee: periarticular density. May represent early heterotopic ossification.",
    "Bone scan findings could reflect heterotopic ossification",
    "MRI: oedema suggestive of heterotopic ossification",
    "Heterotopic ossification not excluded",
])
def test_what_a_report_says_an_image_could_be_is_possible_not_present(text):
    facts = _by_concept(_patient({"notes": [{"text": text, "date": "2026-11-19T09:00:00Z"}]}))
    assert facts["heterotopic_ossification"].status == "possible", facts


def test_an_old_healed_fracture_is_history_however_its_site_is_written():
    facts = _by_concept(_patient({"notes": ["Old healed R mid-clavicle fracture with callus"]}))
    assert facts["fracture"].status == "history"


def test_a_verdict_after_two_findings_denies_both():
    """ "Head injury and spinal injury not present" (patients44: both were read as present,
    and a patient without either was offered radiation as if after spinal cord trauma)."""
    facts = _by_concept(_patient({"notes": ["Head injury and spinal injury not present."]}))
    assert facts["traumatic_brain_injury"].status == "absent", facts
    assert facts["spinal_cord_injury"].status == "absent", facts
    kept = _by_concept(_patient({"notes": ["Head injury; spinal injury not present."]}))
    assert kept["traumatic_brain_injury"].status == "active", kept


def test_a_list_of_ruled_out_diagnoses_after_a_sentence_of_its_line_is_absent():
    """ "Infantile cortical hyperostosis. Descartados: osteomielitis, maltrato, osificación
    heterotópica." (patients44: the HO the label rules out was read as present, and the
    infant was offered its resection); the sentences around the list keep their status."""
    facts = _by_concept(_patient({"notes": [
        "Hiperostosis cortical infantil. Descartados: osteomielitis, osificación heterotópica. "
        "Swollen thigh today."]}))
    assert facts["heterotopic_ossification"].status == "absent", facts
    assert facts["swelling"].status == "active", facts


@pytest.mark.parametrize("text", [
    "Pergunta: tumefação dura do hálux - FOP",
    "Query: heterotopic ossification of the right hip",
    "Hipótesis diagnóstica: osificación heterotópica",
])
def test_what_a_referral_asks_is_possible_not_found(text):
    """ "Pergunta: tumefação dura do hálux - FOP" (patients46: the GP's question was read as
    FOP, and a teenager with a subungual exostosis was given FOP as a risk)."""
    facts = _by_concept(_patient({"notes": [text]}))
    condition = next(c for c in facts if c in ("fibrodysplasia_ossificans_progressiva",
                                                 "heterotopic_ossification"))
    assert facts[condition].status == "possible", facts
