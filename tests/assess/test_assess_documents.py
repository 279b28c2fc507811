"""Letters, ward rounds and orders: the free text real document bundles carry, read right.

A `document` bundle's notes are its Composition's sections ("Examination", "Plan"); an
order says why in its reason ("?HO R elbow"); a problem list gives verdicts after the names
("R ankle fracture - excluded (XR)", "Concussion - NOT"); a letter dates what it lists
("17/09 excision + STSG") and names again the operation the record books. Each case is a
small record written for the test (no real patient).
"""

from __future__ import annotations

from typing import Any

import pytest
from assess_support import record, searchset, statuses

from osteon import KnowledgeBase
from osteon.reading.lexicon import load_lexicon


def _composition(date: str, **sections: str) -> dict[str, Any]:
    """A Composition whose sections (title → XHTML body) hold the note."""
    return {"resourceType": "Composition", "id": "c1", "status": "final",
            "type": {"text": "Rehabilitation ward round"}, "date": date, "title": "Ward round",
            "author": [{"display": "Dr A. Test"}],
            "section": [{"title": title.replace("_", " "),
                         "text": {"status": "generated",
                                  "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}}
                        for title, body in sections.items()]}


PARAPLEGIA = {"resourceType": "Condition", "id": "sci", "onsetDateTime": "2026-09-23",
              "clinicalStatus": {"coding": [{"code": "active"}]},
              "code": {"text": "Paraplegia T5 AIS B (traumatic spinal cord injury)"}}


def test_a_documents_sections_are_read_as_its_notes(seeded_kb: KnowledgeBase) -> None:
    """A warm thigh written only in a ward round's "Examination" section calls for the
    differential the sources give (HO vs thrombophlebitis); its "Plan" items are plans."""
    bundle = searchset(PARAPLEGIA, _composition(
        "2026-11-13T09:00:00Z",
        Examination="<p>R hip passive flexion now 95.</p><p>Slight warmth R groin / anterior"
                    " thigh.</p><p>NO ankle oedema.</p>",
        Plan="<p>1. Venous duplex R leg today.</p><p>2. Physiotherapy BD, gentle.</p>"))
    result = seeded_kb.assess(bundle, at="2026-11-13T12:00:00Z")
    facts = {(f.concept, f.status) for f in result.patient.facts}
    assert ("warmth", "active") in facts
    assert ("foot_and_ankle_edema", "absent") in facts
    assert result.differential, "a warm thigh after a cord injury has a differential"
    planned = {f.concept for f in result.patient.facts if f.status == "planned"}
    assert "physical_therapy" in planned


def test_a_narrative_keeps_its_paragraphs_and_items_apart() -> None:
    from osteon.assess.narrative import narrative_text

    text = narrative_text('<div xmlns="http://www.w3.org/1999/xhtml"><p>No trauma</p>'
                          '<ul><li>swelling of the thigh</li><li>calf soft</li></ul>'
                          '<table><tr><td>ALP</td><td>212 U/L</td></tr></table>'
                          '<p>A &amp; E &gt; ward</p></div>')
    lines = [line for line in text.splitlines() if line]
    assert lines == ["No trauma", "swelling of the thigh", "calf soft", "ALP ; 212 U/L ;",
                     "A & E > ward"]


def test_an_orders_reason_is_read_and_a_condition_it_names_is_not_planned(
        seeded_kb: KnowledgeBase) -> None:
    """A bone scan referred for "?HO R elbow (heterotopic ossification)": HO is possible;
    the gloss in brackets is what the order looks for, never a "planned" HO."""
    order = {"resourceType": "ServiceRequest", "id": "scan", "status": "active",
             "intent": "order", "code": {"text": "Three-phase bone scan R elbow"},
             "occurrenceDateTime": "2026-12-01", "authoredOn": "2026-11-18",
             "reasonCode": [{"text": "?HO R elbow (heterotopic ossification)"}]}
    result = seeded_kb.assess(searchset(order), at="2026-11-20T12:00:00Z")
    ho = {f.status for f in result.patient.facts if f.concept == "heterotopic_ossification"}
    assert ho == {"possible"}


@pytest.mark.parametrize(("text", "concept", "status"), [
    ("R ankle fracture - excluded (XR)", "fracture", "absent"),
    ("Refuted: stroke / TIA", "stroke", "absent"),
    ("Concussion - NOT (11/2025)", "concussion", "absent"),
    ("Cervical fracture - none", "fracture", "absent"),
    ("Fracture - not displaced", "fracture", "active"),
    ("Transoral resection is not needed at present", "surgical_resection", "absent"),
    ("She chose radioactive iodine rather than surgery", "surgery", "absent"),
    ("ibuprofen ON HOLD (AKI)", "ibuprofen", "stopped"),
])
def test_a_problem_lists_verdicts_say_the_status(text: str, concept: str, status: str) -> None:
    facts = statuses({"notes": [{"text": text, "date": "2026-11-19"}]})
    assert facts.get(concept) == {status}, facts


@pytest.mark.parametrize(("text", "concept"), [
    ("She may keep swimming, including butterfly stroke.", "stroke"),
    ("Radiation safety advice given: sleep apart for 7 days.", "radiation_therapy"),
    ("Radioactive iodine ablation of the lingual thyroid.", "radiation_therapy"),
    ("NIUE HOSPITAL - OPD - MO review 09:40", "myositis_ossificans"),
    ("Seen today. Dr Sione Talafasi, MO", "myositis_ossificans"),
    ("Follow-up: # clinic / upper limb OPD 2/52 wound check, 6/52 Mr Rennie with XR", "fracture"),
    ("allo-SCT 2009 (Flu/TBI conditioning), in CR", "traumatic_brain_injury"),
    ("Heterotopic bone after this operation is common in CP.", "heterotopic_ossification"),
])
def test_words_that_only_look_like_a_condition_or_treatment_give_none(text: str,
                                                                      concept: str) -> None:
    assert concept not in statuses({"notes": [{"text": text, "date": "2026-11-19"}]})


def test_a_plan_that_opens_with_if_waits() -> None:
    facts = statuses({"notes": [{"text": "Plan:\nIf a painful mature mass remains after 6-12 "
                                         "months, excision can be discussed again.",
                                 "date": "2026-11-19"}]})
    assert facts.get("surgical_resection") == {"possible"}, facts


@pytest.mark.parametrize(("text", "day"), [
    ("17/09 08:30-11:50 excision + STSG L leg", "2026-09-17"),
    ("ACDF C5/6 20-21/05/2026", "2026-05-21"),
    ("ORIF 2026-06-30 for the tibial plateau", "2026-06-30"),
])
def test_a_day_written_in_a_clause_dates_what_it_lists(text: str, day: str) -> None:
    facts = record({"notes": [{"text": text, "date": "2026-09-26T09:40:00Z"}]}).facts
    operations = [f for f in facts if f.kind == "procedure"]  # "excision + STSG": two
    assert operations and all(f.when is not None and f"{f.when:%Y-%m-%d}" == day
                              for f in operations), [(f.concept, f.when) for f in operations]


def test_of_two_years_in_a_clause_the_one_right_after_a_name_is_its_own() -> None:
    facts = record({"notes": [{"text": "Old burn R hand 1998 (contracture release 1999)",
                               "date": "2026-09-26"}]}).facts
    [release] = [f for f in facts if f.concept == "contracture_release"]
    assert release.when is not None and release.when.year == 1999


def test_a_postoperative_day_in_a_booking_is_no_operation_done() -> None:
    """"single 7 Gy on POD1 (booked Fri 23/08)" in a plan before surgery: the operation is
    still to come, not done the day before the note."""
    facts = record({"notes": [{"text": "Prophylaxis planned: indomethacin from the evening of "
                                       "surgery + single 7 Gy to the R knee on POD1 (booked "
                                       "Fri 23/08)", "date": "2026-08-20T09:00:00Z"}]}).facts
    surgery = [f for f in facts if f.concept == "surgery"]
    assert surgery and all(f.status != "active" for f in surgery), surgery


def test_a_day_and_month_ahead_of_the_note_dates_nothing() -> None:
    """"17/09" in a note of 10 September is a booking, not a day of last year."""
    facts = record({"notes": [{"text": "17/09 excision + STSG L leg",
                               "date": "2026-09-10T09:40:00Z"}]}).facts
    operations = [f for f in facts if f.kind == "procedure"]
    assert operations and all(f.when is None or f.when.year == 2026 for f in operations)


def test_a_score_out_of_ten_is_no_date() -> None:
    facts = record({"notes": [{"text": "Power 4/5, pain 7/10, GCS 13/15 - R THA today",
                               "date": "2026-09-26T09:40:00Z"}]}).facts
    [operation] = [f for f in facts if f.kind == "procedure"]
    assert f"{operation.when:%Y-%m-%d}" == "2026-09-26"


def test_an_operation_a_note_names_again_keeps_the_records_time(
        seeded_kb: KnowledgeBase) -> None:
    """The next morning's ward round writes "Procedure: R total hip replacement": the
    operation of yesterday 14:00-16:00, not a second one at 09:00 today; the window counts
    from the record's end of surgery."""
    result = seeded_kb.assess({
        "procedures": [{"text": "total hip arthroplasty", "site": "right hip",
                        "date": "2026-11-19T14:00:00Z", "end": "2026-11-19T16:00:00Z"}],
        "notes": [{"text": "Procedure: R total hip replacement, uncemented. Pain controlled.",
                   "date": "2026-11-20T09:00:00Z"}]}, at="2026-11-20T10:00:00Z")
    [deadline] = [d for d in result.deadlines if "radiation" in d.what]
    assert deadline.window.anchor_time is not None
    assert f"{deadline.window.anchor_time:%Y-%m-%d %H:%M}" == "2026-11-19 16:00"


@pytest.mark.parametrize(("name", "concept"), [
    ("Calprofen 100 mg/5 ml oral suspension", "ibuprofen"),
    ("Charcot foot R, Eichenholtz stage I", "charcot_arthropathy"),
    ("Multifocal fibromuscular dysplasia (FMD)", "fibromuscular_dysplasia"),
    ("Hypothyroidism after I-131", "hypothyroidism"),
    ("Lingual thyroid (ectopic thyroid tissue)", "ectopic_thyroid"),
])
def test_names_real_records_use(name: str, concept: str) -> None:
    assert concept in statuses({"notes": [{"text": name, "date": "2026-11-19"}]})
    assert not load_lexicon().is_a("radioactive_iodine_therapy", "radiation_therapy")
