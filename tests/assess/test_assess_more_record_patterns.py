"""More ways records write what osteon reads: chart shorthand, code families, hedges.

Each case is a small record written for the test (no real patient): what a record of that
kind says, and the fact or advice it must give.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from assess_support import record, statuses

from osteon.reading.lexicon import load_lexicon


@pytest.mark.parametrize("note,concept", [
    ("Tripped over a kerb, landed on the L wrist. Nil LOC.", "loss_of_consciousness"),
    ("Nil h/o HO after previous surgery", "heterotopic_ossification"),
    ("PSHx: nil previous operations", "surgery"),
])
def test_nil_is_no(note, concept):
    """"Nil X" (British and Australian charts) says X is absent, never present or past."""
    facts = statuses({"notes": [note]})
    assert facts[concept] == {"absent"}, facts
    assert "history_of_heterotopic_ossification" not in facts


@pytest.mark.parametrize("system,code,text,concept", [
    ("CPT", "23462", "R open coracoid transfer with capsular repair", "orthopedic_surgery"),
    ("CPT", "24342", "L distal biceps tendon reattachment", "orthopedic_surgery"),
    ("CPT", "27427", "ACL reconstruction with hamstring graft", "orthopedic_surgery"),
    ("CPT", "27498", "R thigh fasciotomy, three compartments", "surgery"),
    ("CPT", "22856", "C5-6 cervical disc replacement", "spinal_surgery"),
    ("ICD-10-PCS", "0RR30JZ", None, "spinal_surgery"),
])
def test_open_repairs_fasciotomies_and_disc_replacements_are_operations(system, code, text,
                                                                         concept):
    """A region's repair or reconstruction code (tendon, capsule, ligament), a decompression
    fasciotomy and a disc replacement are operations done: a window after surgery opens."""
    entry = {"codes": [{"system": system, "code": code}], "date": "2026-11-19T15:00:00Z"}
    if text:
        entry["text"] = text
    (fact,) = record({"procedures": [entry]}).facts
    assert (fact.concept, fact.status) == (concept, "active"), fact.how
    assert fact.when == datetime(2026, 11, 19, 15, tzinfo=UTC)


@pytest.mark.parametrize("code,text", [
    ("S46.212A", "L distal biceps tendon avulsion"),
    ("S86.011A", "R Achilles tendon rupture playing squash"),
    ("S76.111A", None),
])
def test_a_tear_of_muscle_or_tendon_is_an_injury(code, text):
    """ICD-10-CM's "Injury of muscle, fascia and tendon" categories: an injury to muscle."""
    entry = {"codes": [{"system": "ICD-10-CM", "code": code}], "date": "2026-11-18"}
    if text:
        entry["text"] = text
    (fact,) = record({"conditions": [entry]}).facts
    assert (fact.concept, fact.status) == ("muscle_injury", "active"), fact.how
    assert load_lexicon().is_a(fact.concept, "trauma")


@pytest.mark.parametrize("note,concept", [
    ("Seen by GP: refer to orthopaedics for consideration of L THR", "total_hip_arthroplasty"),
    ("Plan: consider R TKA at the clinic review", "knee_arthroplasty"),
])
def test_an_operation_to_be_considered_is_no_plan(note, concept):
    """What a referral asks a surgeon to weigh up is possible: it adds no planned operation."""
    facts = statuses({"notes": [note]})
    assert facts[concept] == {"possible"}, facts


def test_tetraparesis_after_guillain_barre_is_no_cord_injury():
    """GBS is a neurological condition (its ICD-10-CM code or its name); the tetraparesis it
    leaves is its paralysis, not a spinal cord injury's."""
    raw = {"conditions": [{"codes": [{"system": "ICD-10-CM", "code": "G61.0"}],
                           "text": "Guillain-Barre syndrome (AIDP)", "date": "2026-10-01"}],
           "notes": ["Day 40: quadriparesis slowly improving, off the ventilator"]}
    facts = statuses(raw)
    assert facts["guillain_barre_syndrome"] == {"active"}
    assert facts["paralysis"] == {"active"}
    assert "tetraplegia" not in facts and "spinal_cord_injury" not in facts
    assert load_lexicon().is_a("guillain_barre_syndrome", "neurological_condition")


def test_parecoxib_is_a_cox2_inhibitor_taken():
    (fact,) = record({"medications": [{"text": "Parecoxib 40 mg IV BD x 3/7"}]}).facts
    assert fact.concept == "parecoxib" and fact.status == "active"
    assert load_lexicon().is_a("parecoxib", "nsaid")


@pytest.mark.parametrize("entry,concept", [
    ({"codes": [{"system": "ICD-10-CM", "code": "N18.6"}]}, "end_stage_renal_disease"),
    ({"text": "CKD stage 4"}, "chronic_kidney_disease"),
    ({"codes": [{"system": "ICD-10-CM", "code": "M43.16"}]}, "spondylolisthesis"),
    ({"codes": [{"system": "ICD-10-CM", "code": "M48.061"}]}, "spinal_stenosis"),
    ({"text": "Osgood-Schlatter disease, left knee"}, "osgood_schlatter_disease"),
    ({"codes": [{"system": "ICD-10-CM", "code": "M92.521"}]}, "juvenile_osteochondrosis"),
    ({"text": "developmental dysplasia of the hip (L)"}, "hip_dysplasia"),
    ({"codes": [{"system": "ICD-10-CM", "code": "M62.82"}]}, "rhabdomyolysis"),
    ({"codes": [{"system": "ICD-10-CM", "code": "T79.A21A"}]}, "compartment_syndrome"),
    ({"codes": [{"system": "ICD-10-CM", "code": "K43.2"}]}, "hernia"),
])
def test_conditions_a_record_carries_beside_are_recognised(entry, concept):
    """A problem list's kidney disease, spine degeneration, childhood apophysitis, hip
    dysplasia, muscle breakdown or hernia is shown as itself, not left unknown, and none is
    a risk factor the sources name."""
    (fact,) = record({"conditions": [{**entry, "date": "2026-06-01"}]}).facts
    assert (fact.concept, fact.status) == (concept, "active"), fact.how
    lexicon = load_lexicon()
    assert not any(lexicon.is_a(concept, c) for c in ("trauma", "neurological_condition",
                                                        "surgery"))


@pytest.mark.parametrize("note,concept", [
    ("CT: no fluid collection or abscess. No incisional hernia.", "abscess"),
    ("CT: no fluid collection or abscess. No incisional hernia.", "hernia"),
    ("Compartments soft, no compartment syndrome", "compartment_syndrome"),
])
def test_what_a_report_rules_out_is_absent(note, concept):
    facts = statuses({"notes": [note]})
    assert facts[concept] == {"absent"}, facts


@pytest.mark.parametrize("code,concept", [("Z79.1", "nsaid"), ("Z79.83", "bisphosphonate"),
                                          ("Z79.52", "corticosteroid")])
def test_long_term_drug_use_on_the_problem_list_is_a_medicine_taken(code, concept):
    """ICD-10-CM Z79 "Long term (current) use of ..." is the medicine, taken (not a condition)."""
    (fact,) = record({"conditions": [{"codes": [{"system": "ICD-10-CM", "code": code}],
                                        "date": "2025-01-10"}]}).facts
    assert (fact.kind, fact.concept, fact.status) == ("medication", concept, "active"), fact
    assert fact.label.startswith("Long term (current) use of")


@pytest.mark.parametrize("note,allergies,taken", [
    ("Allergies: ASPIRIN / NSAIDs (AERD) - NO NSAIDs.", {"aspirin", "nsaid"}, set()),
    ("Allergy: ibuprofen - hives. Fell from a horse, R hip fracture.", {"ibuprofen"}, set()),
    ("Allergies:\nnaproxen (angioedema)\n", {"naproxen"}, set()),
    ("Allergies: penicillin (rash). Meds: naproxen 500 mg BD.", set(), {"naproxen"}),
])
def test_what_an_allergy_line_lists_is_an_allergy_not_a_medicine(note, allergies, taken):
    """A medicine on an allergy line is an allergy, whatever the line says of it ("NO NSAIDs");
    written on its heading's line, the list ends with its sentence."""
    facts = record({"notes": [note]}).facts
    assert {f.concept for f in facts if f.kind == "allergy"} == allergies, facts
    assert {f.concept for f in facts if f.kind == "medication"
            and f.status == "active"} == taken, facts
    if "hip fracture" in note:
        assert [f.status for f in facts if f.concept == "hip_fracture"] == ["active"]


@pytest.mark.parametrize("note", ["PMHx: asthma (aspirin -> severe bronchospasm, 2019)",
                                  "Diclofenac -> urticaria in 2015"])
def test_a_drug_with_the_reaction_it_caused_is_no_medicine_taken(note):
    facts = record({"notes": [note]}).facts
    assert facts and all(f.status == "history" for f in facts if f.kind == "medication")


@pytest.mark.parametrize("entry", [
    {"codes": [{"system": "ICD-10-CM", "code": "G80.1"}]},
    {"text": "Spastic diplegic cerebral palsy, walks with a frame"},
])
def test_cerebral_palsy_is_a_neurological_condition(entry):
    """Cerebral palsy (G80) is one of the sources' "other neurological conditions"."""
    (fact,) = record({"conditions": [{**entry, "date": "2019-03-01"}]}).facts
    assert (fact.concept, fact.status) == ("cerebral_palsy", "active"), fact.how
    assert load_lexicon().is_a("cerebral_palsy", "neurological_condition")


def test_an_osteotomy_keeps_its_bone_surgery_code():
    """An osteotomy written as chart shorthand ("R VDRO") or in full is an orthopaedic
    operation: the hip reconstruction code beside it agrees with its text."""
    raw = {"procedures": [{"text": "R VDRO + R Salter pelvic osteotomy, locking plate",
                           "codes": [{"system": "CPT", "code": "27165"}],
                           "date": "2026-11-19"}]}
    concepts = {f.concept for f in record(raw).facts}
    assert concepts & {"osteotomy", "orthopedic_surgery"}, concepts
    assert load_lexicon().is_a("osteotomy", "orthopedic_surgery")


def test_a_code_keeps_its_term_written_with_another_languages_ending():
    """A record in another language writes the code's term with its own ending
    ("arthroplastie" for arthroplasty): the code agrees with that text."""
    raw = {"procedures": [{"text": "Arthroplastie totale du genou gauche, 2 jours",
                           "codes": [{"system": "SNOMED CT", "code": "609588000"}],
                           "date": "2026-11-18"}]}
    facts = {f.concept: f for f in record(raw).facts}
    assert "knee_arthroplasty" in facts, facts


@pytest.mark.parametrize("entry,concept", [
    ({"codes": [{"system": "ICD-10-CM", "code": "D67"}]}, "hemophilia"),
    ({"text": "Mild haemophilia A, on-demand factor"}, "hemophilia"),
    ({"text": "R posterior ankle impingement (os trigonum), on pointe"},
     "posterior_ankle_impingement"),
    # the os trigonum's own impingement: a kind of posterior ankle impingement
    ({"text": "Symptomatic os trigonum, right"}, "os_trigonum_syndrome"),
])
def test_bleeding_disorders_and_ankle_impingement_are_recognised(entry, concept):
    """A record's haemophilia or posterior ankle impingement is shown as itself, not left
    unknown, and neither is a risk factor the sources name."""
    (fact,) = record({"conditions": [{**entry, "date": "2026-01-10"}]}).facts
    assert (fact.concept, fact.status) == (concept, "active"), fact.how
    lexicon = load_lexicon()
    assert not any(lexicon.is_a(concept, c) for c in ("trauma", "neurological_condition",
                                                        "surgery"))


def test_meningitis_is_a_disease_of_the_nervous_system():
    (fact,) = record({"conditions": [{"codes": [{"system": "ICD-10-CM", "code": "G00.2"}],
                                        "text": "Streptococcal meningitis, treated",
                                        "status": "resolved", "date": "2026-09-01"}]}).facts
    assert (fact.concept, fact.status) == ("meningitis", "resolved"), fact.how
    assert load_lexicon().is_a("meningitis", "neurological_condition")


def test_a_dynamic_hip_screw_is_a_fracture_fixation_that_times_radiation():
    """"L DHS" (a dynamic hip screw) fixes a hip fracture: an operation whose end times the
    radiation window, not an unknown entry."""
    raw = {"procedures": [{"text": "L DHS (sliding screw, 4-hole plate) for # NOF",
                           "date": "2026-11-19T14:00:00Z", "end": "2026-11-19T15:00:00Z"}]}
    facts = statuses(raw)
    assert facts.get("open_reduction_internal_fixation") == {"active"}, facts


def test_no_head_strike_is_no_head_injury():
    facts = statuses({"notes": ["Slipped in the shower onto the L hip. No head strike."]})
    assert facts.get("head_strike") == {"absent"}, facts
    assert "traumatic_brain_injury" not in facts


def test_a_head_strike_is_a_knock_not_a_brain_injury():
    """ "Head strike on a plank: no LOC, GCS 15, CT brain no intracranial injury" records a
    knock to the head; no brain injury, and so no risk of HO from one."""
    facts = statuses({"notes": ["Head strike on a plank: no LOC, GCS 15 throughout, CT brain "
                                "no intracranial injury."]})
    assert facts.get("head_strike") == {"active"}, facts
    assert "active" not in facts.get("traumatic_brain_injury", set()), facts


@pytest.mark.parametrize("entry,concept", [
    ({"procedures": [{"text": "L myringotomy with ventilation tube insertion under GA",
                      "status": "planned"}]}, "myringotomy"),
    ({"conditions": [{"text": "Gout, R first MTP"}]}, "gout"),
    ({"conditions": [{"text": "Perthes disease, L hip, reossification stage"}]},
     "legg_calve_perthes_disease"),
    ({"conditions": [{"text": "Klippel-Feil syndrome (C2-C3 fusion)"}]}, "klippel_feil_syndrome"),
    ({"conditions": [{"text": "Cervical inlet patch (heterotopic gastric mucosa)"}]},
     "heterotopic_gastric_mucosa"),
    ({"conditions": [{"text": "Dengue fever ('breakbone fever'), day 5"}]}, "dengue"),
    ({"conditions": [{"text": "Pyomyositis R vastus lateralis, S. aureus"}]}, "pyomyositis"),
])
def test_conditions_and_operations_records_name_beside_ho_are_known(entry, concept):
    """What a record lists beside HO's risks is the patient's too, and a word of its name is
    not read as something else ("heterotopic gastric mucosa" is no heterotopic ossification)."""
    facts = statuses(entry)
    assert concept in facts, facts
    assert "heterotopic_ossification" not in facts


@pytest.mark.parametrize("code,text,concept", [
    ("M16.1", "Coxarthrose primitive gauche", "hip_osteoarthritis"),
    ("D66", None, "hemophilia"),
])
def test_a_who_icd10_code_is_read_by_its_category(code, text, concept):
    """A WHO ICD-10 code (a record from outside the US) is the ICD-10-CM category it shares,
    even where the text beside it is in another language."""
    entry = {"codes": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": code}],
             "date": "2026-02-01"}
    if text:
        entry["text"] = text
    (fact,) = record({"conditions": [entry]}).facts
    assert (fact.concept, fact.status) == (concept, "active"), fact.how
