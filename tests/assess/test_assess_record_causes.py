"""General causes found on untuned EHR-style records (eval/patients4), each fixed and tested.

A window counted from the right operation (a booked one when the last one is years old),
a prosthesis seen on an x-ray is no operation on the x-ray's day, "HO prophylaxis" names
no HO, a burn's extent makes it severe, and the sources' word on recurrence after excision
sits among the cautions.
"""

from __future__ import annotations

AT = "2027-03-02T14:30:00Z"


def _radiation(result):
    return next(t for i in result.prophylaxis if "radiation" in i.subject for t in i.timing
                if t.start is not None)


def test_a_booked_operation_opens_the_window_when_the_last_one_is_years_old(seeded_kb):
    patient = {"procedures": [
        {"text": "total hip arthroplasty", "date": "2021-06-08", "site": "right hip"},
        {"text": "total hip arthroplasty", "date": "2027-03-09T07:00:00Z", "site": "left hip",
         "status": "planned"}]}
    window = _radiation(seeded_kb.assess(patient, at=AT))
    assert window.status == "not_started"
    assert window.end is not None and f"{window.end:%Y-%m-%d %H:%M}" == "2027-03-11 07:00"
    result = seeded_kb.assess(patient, at=AT)
    assert [d.window.status for d in result.deadlines] == ["not_started"]


def test_an_operation_yesterday_still_wins_over_a_booked_one(seeded_kb):
    patient = {"procedures": [
        {"text": "total hip arthroplasty", "date": "2027-03-01T12:00:00Z", "site": "right hip"},
        {"text": "total hip arthroplasty", "date": "2027-06-09T07:00:00Z", "site": "left hip",
         "status": "planned"}]}
    window = _radiation(seeded_kb.assess(patient, at=AT))
    assert window.status in ("open", "closing")
    assert f"{window.anchor_time:%Y-%m-%d}" == "2027-03-01"


def _bundle(*resources: dict) -> dict:
    return {"resourceType": "Bundle", "type": "collection",
            "entry": [{"resource": {"subject": {"reference": "Patient/p"}, **r}}
                      for r in resources]}


XRAY_TODAY = {"resourceType": "DiagnosticReport", "id": "xr", "status": "final",
              "code": {"text": "XR pelvis AP + R hip"},
              "effectiveDateTime": "2027-03-02T09:20:00Z",
              "conclusion": "R THA in good position, no loosening. Brooker grade III "
                            "heterotopic ossification lateral to the greater trochanter."}
OLD_THA = {"resourceType": "Procedure", "id": "tha", "status": "completed",
           "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "27130"}]},
           "performedDateTime": "2019-08-14"}


def test_a_prosthesis_seen_on_todays_xray_is_no_operation_today(seeded_kb):
    result = seeded_kb.assess(_bundle(OLD_THA, XRAY_TODAY), at=AT)
    assert result.deadlines == ()  # the 2019 operation's window passed long ago
    seen = next(f for f in result.patient.facts if f.source == "DiagnosticReport/xr"
                and f.concept == "total_hip_arthroplasty")
    assert seen.when is None and "seen in a result of 2027-03-02" in seen.how
    ho = next(f for f in result.patient.facts if f.source == "DiagnosticReport/xr"
              and f.concept == "heterotopic_ossification")
    assert ho.status == "active" and ho.when is not None  # what the x-ray shows is dated


def test_what_prophylaxis_is_for_is_not_what_the_patient_has(seeded_kb):
    note = {"text": "Discussed HO prophylaxis post-op. DVT prophylaxis with enoxaparin. "
                    "Indomethacin for prevention of HO.", "date": "2027-02-20"}
    facts = {(f.concept, f.status) for f in seeded_kb.assess({"notes": [note]},
                                                             at=AT).patient.facts}
    assert not {c for c, _ in facts} & {"heterotopic_ossification", "deep_vein_thrombosis"}
    assert ("low_molecular_weight_heparin", "active") in facts


def test_an_excision_being_discussed_is_planned_not_done(seeded_kb):
    note = {"text": "Discussing excision of HO.", "date": "2027-02-20"}
    facts = seeded_kb.assess({"notes": [note]}, at=AT).patient.facts
    excision = next(f for f in facts if f.concept == "surgical_resection")
    assert excision.status == "planned" and excision.when is None


def test_a_burn_of_45_percent_of_the_body_surface_is_a_severe_burn(seeded_kb):
    burn = {"conditions": [{"codes": [{"system": "ICD-10-CM", "code": "T31.43"}],
                            "date": "2027-01-28"}]}
    result = seeded_kb.assess(burn, at=AT)
    assert "severe_burn" in {i.subject for i in result.risk_factors}
    small = {"conditions": [{"codes": [{"system": "ICD-10-CM", "code": "T31.10"}],
                             "date": "2027-01-28"}]}
    facts = seeded_kb.assess(small, at=AT).patient.facts
    assert [f.concept for f in facts] == ["burn"]


def test_recurrence_after_excision_is_a_caution_named_by_the_excision(seeded_kb):
    patient = {"conditions": [{"text": "heterotopic ossification", "date": "2026-01-01",
                               "site": "right hip"}]}
    result = seeded_kb.assess(patient, at=AT)
    caution = next(i for i in result.cautions if i.predicate == "recurrence_rate")
    assert caution.text.startswith("Surgical resection: ") and "recurrence" in caution.text
    assert caution.statement.citations[0].sentence_text in caution.text
    assert "recurrence_rate" not in {i.predicate for i in result.treatment}


HO_NOW = {"conditions": [{"text": "heterotopic ossification", "date": "2026-01-01",
                          "site": "right hip"}]}


def test_a_weak_advice_item_gives_way_to_a_stronger_caution_on_the_same_drug(seeded_kb):
    result = seeded_kb.assess(HO_NOW, at=AT)
    caution = next(i for i in result.cautions if i.subject == "bisphosphonate")
    assert caution.predicate == "not_effective_for"
    advice = [i for s in (result.prophylaxis, result.treatment) for i in s
              if i.subject == "bisphosphonate"]
    assert advice == []  # "bisphosphonates may be used…" (0.40) is outweighed by 0.90
    assert any(i.subject == "nsaid" for i in result.treatment)  # no stronger caution there


def test_chart_shorthand_for_prophylaxis_and_suspicion(seeded_kb):
    note = {"text": "Plan: ortho re HO ppx, apixaban for VTE ppx. New hard mass medial L "
                    "thigh. Suspect HO L hip.", "date": "2027-02-20"}
    facts = {(f.concept, f.status) for f in seeded_kb.assess({"notes": [note]},
                                                             at=AT).patient.facts}
    assert ("heterotopic_ossification", "possible") in facts
    assert ("heterotopic_ossification", "active") not in facts
    assert "venous_thromboembolism" not in {c for c, _ in facts}
    assert ("palpable_mass", "active") in facts


def test_radiation_already_given_is_said_beside_its_window(seeded_kb):
    patient = {"procedures": [
        {"text": "total hip arthroplasty", "date": "2027-03-01T12:00:00Z",
         "end": "2027-03-01T14:00:00Z", "site": "right hip"},
        {"text": "radiation therapy", "date": "2027-03-01T08:00:00Z", "site": "right hip"}]}
    result = seeded_kb.assess(patient, at=AT)
    radiation = next(i for i in result.prophylaxis if i.subject == "radiation_therapy")
    assert any(n.startswith("already done") and "2027-03-01 08:00" in n
               for n in radiation.notes)
    assert "already done" in result.deadlines[0].sentence
    risks = next(i for i in result.risk_factors if i.subject == "total_hip_arthroplasty")
    assert not risks.notes  # what was done is said on advice, not on every item


def test_ho_recorded_before_an_operation_is_a_previous_ho_for_it(seeded_kb):
    patient = {"conditions": [{"text": "heterotopic ossification", "date": "2016-11-01",
                               "site": "right hip"}],
               "procedures": [{"text": "total hip arthroplasty", "date": "2027-03-01T12:00:00Z",
                               "site": "right hip"}]}
    result = seeded_kb.assess(patient, at=AT)
    prior = next(f for f in result.patient.facts
                 if f.concept == "history_of_heterotopic_ossification")
    assert prior.status == "history" and "before" in prior.how
    assert "history_of_heterotopic_ossification" in {i.subject for i in result.risk_factors}
    later = {"conditions": [{"text": "heterotopic ossification", "date": "2027-03-02"}],
             "procedures": [{"text": "total hip arthroplasty", "date": "2019-08-14"}]}
    facts = seeded_kb.assess(later, at=AT).patient.facts
    assert "history_of_heterotopic_ossification" not in {f.concept for f in facts}


def test_both_components_of_a_right_revision_is_a_right_operation(seeded_kb):
    patient = {"procedures": [{"text": "Revision R THA (both components)",
                               "codes": [{"system": "CPT", "code": "27134"}],
                               "date": "2027-03-01T12:00:00Z"}]}
    fact = seeded_kb.assess(patient, at=AT).patient.facts[0]
    assert fact.laterality == "right"


def test_a_listed_injury_named_again_in_todays_note_keeps_its_own_onset(seeded_kb):
    patient = {"injuries": [{"text": "spinal cord injury", "date": "2026-10-02"}],
               "notes": [{"text": "SCI clinic exam. New hard mass L thigh.",
                          "date": "2027-03-02"}]}
    result = seeded_kb.assess(patient, at=AT)
    again = next(f for f in result.patient.facts
                 if f.concept == "spinal_cord_injury" and f.matched_by == "note")
    assert again.when is None and "onset (2026-10-02) stands" in again.how
    anchors = {t.anchor_time.date().isoformat() for i in result.items() for t in i.timing
               if t.anchor_time is not None and "spinal" in (t.anchor_event or "").lower()}
    assert anchors == {"2026-10-02"}


def test_non_tender_is_no_tenderness_and_bilat_is_both_sides(seeded_kb):
    note = {"text": "Calves soft, non-tender bilat. Non-pitting edema L ankle.",
            "date": "2027-02-20"}
    facts = {f.concept: f for f in seeded_kb.assess({"notes": [note]}, at=AT).patient.facts}
    assert facts["tenderness"].status == "absent"
    assert facts["tenderness"].laterality == "bilateral"
    assert facts["edema"].status == "active"  # "non-" negates the word it is joined to
    spaced = {"text": "Calves soft, non tender. On non steroidal anti-inflammatory drugs.",
              "date": "2027-02-20"}
    facts = {f.concept: f for f in seeded_kb.assess({"notes": [spaced]}, at=AT).patient.facts}
    assert facts["tenderness"].status == "absent"  # written apart, as charts also do
    # "non steroidal" names a drug: nothing else read from the note is negated
    assert all(f.status != "absent" for c, f in facts.items() if c != "tenderness")
    assert len(facts) > 1


def test_a_drug_name_spelt_another_way_still_agrees_with_its_code(seeded_kb):
    patient = {"medications": [{"text": "enoxaparine 40 mg SC 1x/j",
                                "codes": [{"system": "RxNorm", "code": "67108"}]}]}
    result = seeded_kb.assess(patient, at=AT)
    assert [f.concept for f in result.patient.facts] == ["low_molecular_weight_heparin"]
    assert not result.patient.warnings
    wrong = {"medications": [{"text": "amlodipine 5 mg",
                              "codes": [{"system": "RxNorm", "code": "67108"}]}]}
    assert seeded_kb.assess(wrong, at=AT).patient.warnings  # another drug still disagrees
