"""What a record lists from long ago, and what names a team or a letterhead, not an event.

Controls written in the style of real admissions (a hernia repair, a dental extraction) list
a tibia nailed in 1994 and a hip replaced in 2019: history, no present risk and no
radiation window; "Specialty Dentist in Oral Surgery" and a letterhead's "SAME DAY SURGERY"
are departments; "TKA offered 'when he's ready'" was not done; "TBI: none" denies. Each case
is a small record written for the test (no real patient).
"""

from __future__ import annotations

import pytest
from assess_support import record, statuses

from osteon import KnowledgeBase

AT = "2026-06-10T12:00:00Z"
HERNIA_TODAY = {"text": "Surgery", "notes": ["open inguinal hernia repair"],
                "date": "2026-06-10T09:00:00Z"}


def _risk_subjects(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {i.subject for i in result.risk_factors}


def test_an_operation_and_a_fracture_years_ago_are_history_not_present_risks(
        seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess({
        "age": 63,
        "conditions": [{"text": "tibia fracture", "date": "1994-05-01", "status": "resolved"}],
        "procedures": [HERNIA_TODAY,
                       {"text": "total hip arthroplasty", "date": "2019-02-01"}],
        "notes": [{"text": "PSHx: h/o R THR, no problems", "date": "2026-06-10"}],
    }, at=AT)
    assert _risk_subjects(result) == {"surgery"}  # today's operation only
    assert not result.deadlines
    [why] = [w for w in result.warnings if w.startswith("Not counted as present risks")]
    assert "1994" in why and "2019" in why and "THR" in why  # the undated twin too
    # the record as read still shows them, as history
    old = {f.concept: f.status for f in result.patient.facts}
    assert old["tibial_fracture"] == "resolved" and old["total_hip_arthroplasty"] == "history"


def test_a_recent_operation_stays_a_risk_and_opens_its_window(seeded_kb: KnowledgeBase
                                                             ) -> None:
    result = seeded_kb.assess({"procedures": [{"text": "total hip arthroplasty",
                                               "date": "2026-06-09T15:00:00Z"}]}, at=AT)
    assert "total_hip_arthroplasty" in _risk_subjects(result)
    assert result.deadlines


def test_the_old_injury_of_a_patient_with_ho_stays_its_cause(seeded_kb: KnowledgeBase
                                                              ) -> None:
    result = seeded_kb.assess({"conditions": [
        {"text": "burn", "date": "2023-01-10"},
        {"text": "heterotopic ossification", "date": "2023-04-01", "site": "elbow"}]}, at=AT)
    assert any("burn" in line for i in result.risk_factors for line in i.matched)
    assert not any(w.startswith("Not counted as present risks") for w in result.warnings)


def test_a_cord_injury_years_ago_stays_a_risk(seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess({"conditions": [{"text": "spinal cord injury",
                                               "date": "2015-03-01"}]}, at=AT)
    assert "spinal_cord_injury" in _risk_subjects(result)


def test_a_concussion_years_ago_is_history_and_last_weeks_is_a_risk(seeded_kb: KnowledgeBase
                                                                    ) -> None:
    old = seeded_kb.assess({"procedures": [HERNIA_TODAY], "conditions": [
        {"text": "concussion", "date": "2009-03-01"}]}, at=AT)
    assert _risk_subjects(old) == {"surgery"}
    recent = seeded_kb.assess({"conditions": [{"text": "concussion",
                                               "date": "2026-06-01"}]}, at=AT)
    assert _risk_subjects(recent)


def test_a_brain_injury_the_record_calls_over_long_ago_is_history(seeded_kb: KnowledgeBase
                                                                  ) -> None:
    # "Closed head injury 1984 - brief LOC, no sequelae" (resolved), and a problem-list
    # entry coded as a personal history of TBI whose own words say when
    old = seeded_kb.assess({"procedures": [HERNIA_TODAY], "conditions": [
        {"text": "Closed head injury 1984 - brief LOC, no sequelae", "date": "1984-06-01",
         "status": "resolved"},
        {"text": "History of head injury - fell from horse (1968), no residual deficits",
         "codes": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "Z87.820",
                    "display": "Personal history of traumatic brain injury"}],
         "date": "1968", "status": "resolved"}]}, at=AT)
    assert _risk_subjects(old) == {"surgery"}
    [why] = [w for w in old.warnings if w.startswith("Not counted as present risks")]
    assert "1984" in why and "1968" in why
    # the same injury still listed as the patient's (active): a risk at any age
    lasting = seeded_kb.assess({"conditions": [{"text": "traumatic brain injury",
                                                "date": "1984-06-01"}]}, at=AT)
    assert "traumatic_brain_injury" in _risk_subjects(lasting)


def test_an_infection_is_a_risk_where_the_sources_give_it_after_a_cord_injury_only(
        seeded_kb: KnowledgeBase) -> None:
    # the encyclopedia: infections "are associated with higher prevalence of neurogenic
    # heterotopic ossifications in victims of traumatic brain and spinal cord injuries"
    uti = {"text": "urinary tract infection", "date": "2026-06-01"}
    paraplegic = seeded_kb.assess({"conditions": [
        uti, {"text": "spinal cord injury", "date": "2026-04-01"}]}, at=AT)
    assert "infection" in _risk_subjects(paraplegic)
    alone = seeded_kb.assess({"conditions": [uti]}, at=AT)
    assert "infection" not in _risk_subjects(alone)


def test_an_operation_away_from_the_sites_the_sources_name_gets_no_radiation_advice(
        seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess({"procedures": [HERNIA_TODAY]}, at=AT)
    assert not [i for s in ("prophylaxis", "treatment") for i in result.section(s)
                if "radiation" in i.subject]
    [why] = [w for w in result.warnings if w.startswith("Radiation therapy: not applicable")]
    assert "hip" in why and "none of these there" in why


@pytest.mark.parametrize("note,concept,status", [
    # a clinician's post, a department, a letterhead: no operation
    ("Dr R Ferguson, Specialty Dentist in Oral Surgery", "surgery", None),
    ("Consultant in Trauma and Orthopaedic Surgery: Mr A Khan", "orthopedic_surgery", None),
    ("UPPER VALLEY MEMORIAL HOSPITAL ** SAME DAY SURGERY H&P", "surgery", None),
    ("FORTH DENTAL HOSPITAL - ORAL SURGERY", "surgery", None),
    # offered, put off, refused: not had
    ('L knee OA - TKA offered "when he\'s ready" - he is not', "knee_arthroplasty", "possible"),
    ("R THA declined by patient", "total_hip_arthroplasty", "possible"),
    ("s/p R THA 2 days ago - pt refused RT", "radiation_therapy", "absent"),
    # a label answered by a denial; none in the past
    ("TBI: none", "traumatic_brain_injury", "absent"),
    # a denied list's last item after a comma and "or" is denied too
    ("No hx TBI, stroke, or spinal injury", "spinal_cord_injury", "absent"),
    # what only looked like a stroke
    ("Hypoglycaemia (BSL 1.8) - stroke mimic", "stroke", "absent"),
    ("No h/o head and neck radiotherapy", "radiation_therapy", "absent"),
    # a fracture written "#" joined by a hyphen is no minus sign
    ("T12/L1 #-dislocation with complete SCI", "spinal_cord_injury", "active"),
    ("T12/L1 #-dislocation with complete SCI", "dislocation", "active"),
])
def test_what_a_note_says_of_services_offers_and_denials(note: str, concept: str,
                                                         status: str | None) -> None:
    facts = statuses({"notes": [note]})
    if status is None:
        assert concept not in facts, facts
    else:
        assert facts.get(concept) == {status}, facts


@pytest.mark.parametrize("note,concept", [
    ("Tab. Ponstan 500 mg TDS", "mefenamic_acid"),
    ("Celebrex 200 mg BD for HO prophylaxis", "celecoxib"),
    ("Nurofen 400 mg PRN", "ibuprofen"),
])
def test_a_medicine_named_by_its_brand_is_read(note: str, concept: str) -> None:
    """Records name medicines by brand ("Tab. Ponstan"): it is the medicine all the same."""
    assert statuses({"notes": [note]}).get(concept) == {"active"}


@pytest.mark.parametrize("note,concept", [
    ("Arcoxia 90 mg stopped", "etoricoxib"),
    ("celecoxib stopped by the hospitalist (AKI)", "celecoxib"),
    ("indomethacin (held for AKI)", "indomethacin"),
])
def test_a_medicine_a_note_says_was_stopped_is_stopped(note: str, concept: str) -> None:
    assert statuses({"notes": [note]}).get(concept) == {"stopped"}


def test_an_undated_mention_of_an_old_events_kind_is_that_event(seeded_kb: KnowledgeBase
                                                                ) -> None:
    """A 2015 tibia fracture, "old healed # R leg" in today's exam: the same old fracture."""
    result = seeded_kb.assess({
        "conditions": [{"text": "tibia fracture", "date": "2015-04-25", "status": "resolved"}],
        "notes": [{"text": "MSK: old healed # R leg, no deformity", "date": "2026-06-10"}],
    }, at=AT)
    assert not _risk_subjects(result) & {"fracture", "trauma", "tibial_fracture"}


def test_todays_operation_named_only_as_surgery_stays_beside_an_old_one(
        seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess({
        "procedures": [{"text": "total hip arthroplasty", "date": "2011-04-19"}],
        "notes": [{"text": "Hold metformin AM of surgery", "date": "2026-06-10"}],
    }, at=AT)
    assert "surgery" in _risk_subjects(result)
    assert "total_hip_arthroplasty" not in _risk_subjects(result)


def test_a_traumatic_amputation_is_the_amputation_the_sources_name_but_no_operation(
        seeded_kb: KnowledgeBase) -> None:
    # "especially those who have experienced violent or traumatic amputations": the risk the
    # sources give amputees; an injury, so no radiation window is counted from it
    result = seeded_kb.assess({"conditions": [
        {"text": "traumatic amputation of the right thigh (IED blast)",
         "date": "2026-05-01"}]}, at=AT)
    assert {"amputation", "trauma"} <= _risk_subjects(result)
    assert not result.deadlines


def test_a_year_in_a_notes_clause_dates_what_it_lists(seeded_kb: KnowledgeBase) -> None:
    """"R ankle ORIF 2011 (bimalleolar fx)" in today's note: a fracture of 2011, no risk now
    (dated at the note it was an injury of today)."""
    result = seeded_kb.assess({"age": 44, "notes": [
        {"text": "PSHx: R ankle ORIF 2011 (bimalleolar fx, slipped on ice) - hardware in "
                 "situ, asymptomatic.", "date": "2026-06-10"}]}, at=AT)
    assert not _risk_subjects(result)
    fracture = next(f for f in result.patient.facts if "fracture" in f.concept)
    assert fracture.when is not None and fracture.when.year == 2011


def test_a_code_stroke_is_an_alert_not_a_stroke(seeded_kb: KnowledgeBase) -> None:
    facts = statuses({"notes": [{"text": "Code stroke called at 13:00; CBG 1.8, D50 given, "
                                         "full resolution. Code stroke cancelled.",
                                 "date": "2026-06-10"}]})
    assert "stroke" not in facts


def test_a_month_and_year_in_a_clause_date_it_a_recent_year_alone_does_not() -> None:
    """"Colles fx (Dec 2025)" is of December 2025; "ORIF 2025" in a note of June 2026 may be
    a month old, and dated at its January it would read as over a year past."""
    facts = record({"notes": [
        {"text": "L wrist Colles fracture (fell on ice, Dec 2025), healed.", "date": "2026-06-10"},
        {"text": "R ankle ORIF 2025 for a bimalleolar fracture.", "date": "2026-06-10",
         "source": "recent"}]}).facts
    dated = {(f.source, f.when.strftime("%Y-%m") if f.when else None) for f in facts
             if "fracture" in f.concept}
    assert ("notes[0]", "2025-12") in dated
    assert ("recent", "2025-01") not in dated


@pytest.mark.parametrize(("text", "concept", "status"), [
    ("Cephalomedullary nail in situ, united old femoral neck fracture.", "hip_fracture",
     "history"),
    ("3 year old boy with an elbow fracture.", "elbow_fracture", "active"),
    ("MRI brain normal - CVA/stroke RULED OUT.", "stroke", "absent"),
])
def test_what_a_chart_writes_around_a_name_says_its_status(text: str, concept: str,
                                                           status: str) -> None:
    assert statuses({"notes": [{"text": text, "date": "2026-06-10"}]})[concept] == {status}


@pytest.mark.parametrize("text", ["Exertional heat stroke, resolved.", "MO: Dr Khairul Azmi"])
def test_a_word_inside_another_name_or_a_role_is_no_condition(text: str) -> None:
    found = statuses({"notes": [{"text": text, "date": "2026-06-10"}]})
    assert "stroke" not in found and "myositis_ossificans" not in found


def test_an_old_injury_named_again_undated_takes_the_records_date(seeded_kb: KnowledgeBase
                                                                  ) -> None:
    result = seeded_kb.assess({
        "conditions": [{"text": "hip fracture", "date": "2021-03-14", "status": "resolved"}],
        "notes": [{"text": "X-ray: nail in situ, united old hip fracture.",
                   "date": "2026-06-09"}]}, at=AT)
    assert not _risk_subjects(result)


def test_an_ear_operation_opens_no_radiation_window(seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess({"procedures": [
        {"text": "laser stapedotomy", "date": "2026-06-09T10:00:00Z"}]}, at=AT)
    assert not result.deadlines


def test_what_a_test_cannot_show_is_quoted_beside_it(seeded_kb: KnowledgeBase) -> None:
    """The sources say an x-ray "will not be helpful" during the early stage; re-worded as
    "X-ray is not useful to diagnose HO" the report lost the early stage the caution hangs
    on, two items away from "X-ray can help diagnose HO"."""
    result = seeded_kb.assess({"procedures": [HERNIA_TODAY],
                               "injuries": [{"text": "spinal cord injury",
                                             "date": "2026-05-01"}]}, at=AT)
    texts = [i.text for i in result.surveillance]
    limit = next(t for t in texts if t.lower().startswith("x-ray:"))
    assert "early stage" in limit
    assert "X-ray is not useful to diagnose heterotopic ossification" not in texts
    helps = next(i for i, t in enumerate(texts) if t.startswith("X-ray can help"))
    assert texts[helps + 1] == limit  # beside the test it limits


def test_last_years_operation_a_note_dates_is_no_operation_of_today() -> None:
    """"состояние после интрамедуллярного остеосинтеза (2030)" in a note of November 2031
    (patients38): the fixation is of 2030, at the latest its last day, not of the day the
    note was written, where it opened a radiation window that was never there."""
    facts = record({"notes": [
        {"text": "Status after intramedullary nailing of the left tibia (2025), infected "
                 "nonunion.", "date": "2026-06-10"}]}).facts
    (nail,) = [f for f in facts if f.kind == "procedure"]
    assert nail.when is not None and nail.when.date().isoformat() == "2025-12-31", nail
