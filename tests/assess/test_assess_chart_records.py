"""Records as charts write them: billing codes by region, fracture codes, shorthand, negations.

A CPT open treatment of a fracture is an operation (the window after surgery opens); a
code in one of the musculoskeletal section's region ranges (a knee arthroplasty, a soft
tissue biopsy) maps by its range and says so; closed fracture care is no operation and is
reported as not recognised. ICD-10-CM fractures map by their region's category, and a
chart's "fx" agrees with them. An entry whose own name is not understood is listed as
not recognised even when its notes give facts. "neg for DVT", "DVT (-)", "w/o warmth" are
negations; "swelling, DVT ruled out" rules out the DVT only.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from osteon.assess.codes import code_tables
from osteon.assess.load import load_patient
from osteon.assess.notes import NoteText, read_notes
from osteon.assess.rules import assess_rules
from osteon.reading.lexicon import load_lexicon

AT = "2026-11-20T10:00:00Z"


def _patient(raw, at=AT):
    return load_patient(raw, load_lexicon(), assess_rules(),
                        datetime.fromisoformat(at.replace("Z", "+00:00")))


@pytest.mark.parametrize("code,concept,site,how", [
    ("27758", "open_reduction_internal_fixation", "tibia", "code: open treatment"),
    ("25607", "open_reduction_internal_fixation", "wrist", "code: open treatment"),
    ("27446", "knee_arthroplasty", "knee", "code range 27437-27447"),
    ("20245", "biopsy", "bone", "code range 20220-20251"),
    ("21925", "biopsy", "soft_tissue", "code range 21920-21925"),
    ("27596", "amputation", "thigh", "code range 27590-27598"),
])
def test_cpt_open_treatments_and_region_ranges_map_to_the_operation(code, concept, site, how):
    (fact,) = _patient({"procedures": [{"codes": [{"system": "CPT", "code": code}],
                                        "date": "2026-11-19T09:00:00Z"}]}).facts
    assert (fact.concept, fact.sites) == (concept, (site,))
    assert how in fact.how and "source: AMA CPT" in fact.how


def test_closed_fracture_care_is_no_operation_and_is_reported():
    patient = _patient({"procedures": [{"codes": [{"system": "CPT", "code": "27752"}],
                                        "date": "2026-11-19T09:00:00Z"}]})
    assert not patient.facts and len(patient.not_recognised) == 1


def test_cpt_ranges_are_five_digit_runs_within_the_musculoskeletal_section():
    table = code_tables().table_for("CPT")
    assert table is not None and table.ranges
    for run in table.ranges:
        assert len(run.first) == 5 and "20100" <= run.first <= run.last <= "29999", run


def test_an_open_fracture_fixation_yesterday_opens_the_window_after_surgery(seeded_kb):
    result = seeded_kb.assess({"age": 35, "procedures": [
        {"codes": [{"system": "http://www.ama-assn.org/go/cpt", "code": "27759"}],
         "date": "2026-11-19T15:00:00Z"}]}, at=AT)
    assert "surgery" in {i.subject for i in result.risk_factors}
    assert any(d.window.status == "open" and d.window.anchor == "surgery"
               for d in result.deadlines)


@pytest.mark.parametrize("code,text,concept,site", [
    ("S52.521A", "L distal radius fx", "distal_radius_fracture", "wrist"),  # a long bone
    ("S52.121A", "radial head Fx, right", "elbow_fracture", "elbow"),
    ("S92.001A", "FX calcaneus", "fracture", "foot"),
    ("S42.201A", None, "proximal_humerus_fracture", "humerus"),
])
def test_fracture_codes_map_by_region_and_chart_shorthand_agrees(code, text, concept, site):
    entry = {"codes": [{"system": "ICD-10-CM", "code": code}], "date": "2026-11-10"}
    if text:
        entry["text"] = text
    patient = _patient({"injuries": [entry]})
    assert [(f.concept, f.sites) for f in patient.facts] == [(concept, (site,))], \
        patient.warnings
    assert not patient.warnings and not patient.not_recognised


def test_an_entry_whose_name_is_not_understood_is_never_dropped_for_its_notes():
    patient = _patient({"conditions": [
        {"text": "R wrist sprain", "codes": [{"system": "ICD-10-CM", "code": "S63.501A"}],
         "date": "2026-11-10", "notes": ["fell on outstretched hand; wrist swelling"]}]})
    assert [u.text for u in patient.not_recognised] == ["R wrist sprain"]
    assert "swelling" in {f.concept for f in patient.facts}  # the note is still read


def test_an_uncoded_chart_name_with_shorthand_is_read():
    patient = _patient({"conditions": [
        {"text": "R distal femur fx", "codes": [{"system": "SNOMED CT", "code": "1234567"}]}]})
    assert [f.concept for f in patient.facts] == ["fracture"] and not patient.not_recognised


@pytest.mark.parametrize("text,want", [
    ("Venous duplex LLE neg for DVT", {("deep_vein_thrombosis", "absent")}),
    ("DVT (-)", {("deep_vein_thrombosis", "absent")}),
    ("calf swollen w/o warmth", {("swelling", "active"), ("warmth", "absent")}),
    ("swelling, DVT ruled out", {("swelling", "active"), ("deep_vein_thrombosis", "absent")}),
    # a passive verdict covers its whole subject, and stops at a comma or another clause's verb
    ("heterotopic ossification of the hips was ruled out",
     {("heterotopic_ossification", "absent")}),
    ("DVT and PE were ruled out", {("deep_vein_thrombosis", "absent"),
                                   ("pulmonary_embolism", "absent")}),
    ("swelling, DVT was ruled out", {("swelling", "active"), ("deep_vein_thrombosis", "absent")}),
    # a bare verdict after a subject of several rules out each (set 104: "TBI and pelvic
    # fracture ruled out." in a transfer summary)
    ("TBI and pelvic fracture ruled out", {("traumatic_brain_injury", "absent"),
                                           ("fracture", "absent")}),
    ("swelling of the thigh was present and DVT was ruled out",
     {("swelling", "active"), ("deep_vein_thrombosis", "absent")}),
    # ... and as French notes write the verdict after what it rules out
    ("l'hypothèse d'une ossification hétérotopique n'est pas retenue",
     {("heterotopic_ossification", "absent")}),
    ("warm swollen knee, neg x-ray", {("warmth", "active"), ("swelling", "active")}),
    ("r/o HO", {("heterotopic_ossification", "possible")}),
])
def test_chart_negations_and_hedges(text, want):
    found = read_notes([NoteText(text, "note")], load_lexicon())
    assert {(f.concept, f.status) for f in found} == want


def test_an_entry_naming_only_what_is_absent_is_still_listed():
    """(Set 104.) "Kolonisation … (airway colonisation) - keine Infektion": the infection is
    absent, and the colonisation itself, which osteon does not know, is listed as not
    recognised rather than dropped; an entry whose own name is a verdict stays read."""
    patient = _patient({"conditions": [
        {"text": "Airway colonisation with Enterobacter cloacae - no infection"},
        {"text": "Infection ruled out", "status": "absent"}]})
    assert ("infection", "absent") in {(f.concept, f.status) for f in patient.facts}
    assert [n.text for n in patient.not_recognised] == [
        "Airway colonisation with Enterobacter cloacae - no infection"]


def test_a_status_post_in_a_later_note_does_not_move_the_window(seeded_kb):
    """'s/p R THA' in today's note is the operation of yesterday, not one at the note's time."""
    result = seeded_kb.assess({"age": 66, "procedures": [
        {"text": "total hip arthroplasty", "date": "2026-11-19T08:00:00Z",
         "end": "2026-11-19T10:00:00Z", "site": "right hip"}],
        "notes": [{"text": "s/p R THA. Doing well. Underwent hip surgery before.",
                   "date": "2026-11-20T09:00:00Z"}]}, at=AT)
    (deadline,) = [d for d in result.deadlines if d.window.anchor == "surgery"]
    assert deadline.window.anchor_time == datetime.fromisoformat("2026-11-19T10:00:00+00:00")
    from_note = [f for f in result.patient.facts if f.source == "notes[0]"
                 and f.concept == "total_hip_arthroplasty"]
    assert from_note and all(f.when is None and "before the text's date" in f.how
                             for f in from_note)


@pytest.mark.parametrize("text", ["s/p L THA POD #2", "Post-op day 2 after L THA",
                                  "POD2 s/p left total hip replacement"])
def test_a_postoperative_day_dates_the_operation_of_a_note(text):
    patient = _patient({"notes": [{"text": text, "date": "2026-11-20T09:00:00Z"}]})
    (tha,) = [f for f in patient.facts if f.concept == "total_hip_arthroplasty"]
    assert (tha.status, tha.date_only) == ("active", True)
    assert tha.when == datetime.fromisoformat("2026-11-18T00:00:00+00:00")
    assert "postoperative day 2" in tha.how


def test_postoperative_days_count_from_the_day_the_note_was_written_where_it_was_written():
    """07:00 on 4 August in Tokyo is still 3 August in UTC: POD2 is 2 August."""
    patient = _patient({"notes": [{"text": "POD2 s/p R THA",
                                   "date": "2027-08-04T07:00:00+09:00"}]},
                       at="2027-08-04T00:00:00Z")
    (tha,) = [f for f in patient.facts if f.concept == "total_hip_arthroplasty"]
    assert tha.when == datetime.fromisoformat("2027-08-02T00:00:00+00:00") and tha.date_only


@pytest.mark.parametrize("text,concept", [
    ("Rad onc consulted re single-fraction XRT to R hip", "radiation_therapy"),
    ("Referred for L THA", "total_hip_arthroplasty"),
    ("scheduled for total hip replacement", "total_hip_arthroplasty"),
])
def test_a_procedure_a_note_says_is_to_come_is_planned_and_undated(text, concept):
    patient = _patient({"notes": [{"text": text, "date": "2026-11-20T09:00:00Z"}]})
    (fact,) = [f for f in patient.facts if f.concept == concept]
    assert (fact.status, fact.when) == ("planned", None) and "planned" in fact.how


def test_a_gene_in_a_note_is_no_medicine_but_a_steroid_is():
    lexicon = load_lexicon()
    found = read_notes([NoteText("ACVR1 R206H confirmed; IL-6 raised", "note"),
                        NoteText("started on corticosteroids and prednisone", "note")], lexicon)
    assert {f.concept for f in found if f.kind == "medication"} == {"corticosteroid",
                                                                      "prednisone"}
    listed = _patient({"medications": [{"text": "hydrocortisone"}]})
    assert [f.concept for f in listed.facts] == ["cortisol"]


def test_the_free_text_medicines_are_lexicon_concepts():
    from osteon.assess.notes import note_rules

    lexicon = load_lexicon()
    assert all(m in lexicon for m in note_rules().free_text_medicines)


@pytest.mark.parametrize("code,concept,site,side", [
    ("0QS404Z", "acetabular_fracture_fixation", "acetabulum", "right"),
    ("0PSJ04Z", "open_reduction_internal_fixation", "forearm", "left"),
    ("0QS734Z", "percutaneous_pinning", "hip", "left"),
    ("0QH606Z", "orthopedic_surgery", "hip", "right"),
])
def test_pcs_fracture_fixation_families_carry_bone_and_side(code, concept, site, side):
    (fact,) = _patient({"procedures": [{"codes": [{"system": "ICD-10-PCS", "code": code}],
                                        "date": "2026-11-19T09:00:00Z"}]}).facts
    assert (fact.concept, fact.sites, fact.laterality) == (concept, (site,), side)
    assert f"code family {code[:5]}" in fact.how


def test_a_closed_reduction_in_pcs_is_no_operation():
    patient = _patient({"procedures": [{"codes": [{"system": "ICD-10-PCS", "code": "0QSGXZZ"}]}]})
    assert not patient.facts and len(patient.not_recognised) == 1


def test_a_postoperative_day_dates_the_operation_not_the_therapy_beside_it():
    patient = _patient({"notes": [{"text": "POD1: R THA, physical therapy started",
                                   "date": "2026-11-20T09:00:00Z"}]})
    facts = {f.concept: f for f in patient.facts}
    assert facts["total_hip_arthroplasty"].when == datetime.fromisoformat(
        "2026-11-19T00:00:00+00:00")
    assert facts["physical_therapy"].when == datetime.fromisoformat("2026-11-20T09:00:00+00:00")


def test_an_operation_the_patient_declines_is_possible_not_planned():
    patient = _patient({"notes": [{"text": "Discussed referral to T&O for R THR - he DECLINES "
                                           "for now, wants physio + weight loss",
                                   "date": "2026-11-20T09:00:00Z"}]})
    (tha,) = [f for f in patient.facts if f.concept == "total_hip_arthroplasty"]
    assert tha.status == "possible"


@pytest.mark.parametrize("text,concept", [
    ("CAUTI - E. coli >10^5 CFU/mL (gram-negative)", "urinary_tract_infection"),
    ("Generator carbon monoxide poisoning, found unconscious", "carbon_monoxide_poisoning"),
    ("Hereditary multiple exostoses (EXT1)", "osteochondroma"),
    ("PDA closed with indomethacin at 10 days", "patent_ductus_arteriosus"),
])
def test_conditions_records_name_are_known(text, concept):
    patient = _patient({"conditions": [{"text": text, "date": "2026-10-01"}]})
    assert concept in {f.concept for f in patient.facts}


@pytest.mark.parametrize("code,concept", [("N39.0", "urinary_tract_infection"),
                                          ("G82.2", "paraplegia")])
def test_the_whos_icd10_codes_of_an_infection_and_a_paraplegia_are_read(code, concept):
    patient = _patient({"conditions": [{"codes": [{"system": "http://hl7.org/fhir/sid/icd-10",
                                                   "code": code}], "date": "2026-10-01"}]})
    assert concept in {f.concept for f in patient.facts}
