"""The four clinical test patients, assessed against the seed knowledge base.

Expectations are behaviour, not copied answers: a risk factor must match the
patient's own concepts and carry the figure its cited sentence gives; a
deadline must be the patient's surgery time plus the window the cited source
states; every item cites real sentences of the stored documents.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from assess_support import LATER_AT, THA_AT

from osteon.assess.records import SECTIONS
from osteon.assess.timeparse import parse_when
from osteon.knowledge.query import facts


@pytest.mark.parametrize("name", ["tha_day1_prior_ho.json", "tha_day1_prior_ho.fhir.json"])
def test_tha_day1_risk_factors_carry_their_figures(assess_at, seeded_kb, name):
    result = assess_at(name, THA_AT)
    lexicon = seeded_kb.knowledge.lexicon
    subjects = {i.subject for i in result.risk_factors}
    # THA and a history of HO are both in the record, and both are named by the sources
    assert "total_hip_arthroplasty" in subjects
    assert "history_of_heterotopic_ossification" in subjects
    for item in result.risk_factors:
        assert item.matched, f"{item.text} matched nothing in the patient"
        assert lexicon.get(item.object).id in seeded_kb.knowledge.hierarchy().narrower(
            "heterotopic_ossification")
        cited = " ".join(c.sentence_text for c in item.statement.citations)
        for figure in item.figures:  # every figure shown is in a sentence cited
            assert figure in cited
    with_figures = [i for i in result.risk_factors if i.figures]
    assert {i.subject for i in with_figures} >= {"total_hip_arthroplasty",
                                                 "history_of_heterotopic_ossification"}
    # the patient's own concepts come before broader ones ("surgery")
    assert result.risk_factors[0].subject in {f.concept for f in result.patient.facts}


@pytest.mark.parametrize("name", ["tha_day1_prior_ho.json", "tha_day1_prior_ho.fhir.json"])
def test_tha_day1_radiation_deadline_is_computed_from_the_surgery(assess_at, seeded_kb, name):
    result = assess_at(name, THA_AT)
    surgery, _, _ = parse_when("2025-03-10T09:30:00Z")
    timed = [(i, w) for i in result.prophylaxis for w in i.timing if w.relation == "within"]
    assert timed, "a prevention with a 'within' timing must get a deadline"
    for item, window in timed:
        value = next(v for f in facts(seeded_kb.knowledge, predicate="prevents")
                     if f.assertion.text == item.text for v in f.qualifiers.values
                     if v.kind == "timing" and v.relation == "within")
        assert window.anchor_time == surgery
        assert window.start == surgery + timedelta(hours=value.low)
        assert window.end == surgery + timedelta(hours=value.high)
        assert window.status == "open"  # 20.5 h after surgery, before the earliest bound
        assert window.text in " ".join(c.sentence_text for c in item.statement.citations)
    # a later assessment time closes the window
    late = assess_at(name, "2025-03-14T00:00:00Z")
    assert all(w.status == "passed" for i in late.prophylaxis for w in i.timing
               if w.relation == "within")


def test_tha_day1_prophylaxis_and_cautions_come_from_the_assertions(assess_at, seeded_kb):
    result = assess_at("tha_day1_prior_ho.json", THA_AT)
    prevents = {f.assertion.id for f in facts(seeded_kb.knowledge, predicate="prevents")}
    assert result.prophylaxis
    assert all(i.predicate == "prevents" and i.polarity != "negated" for i in result.prophylaxis)
    hierarchy = seeded_kb.knowledge.hierarchy()
    assert any("nsaid" in hierarchy.broader(i.subject) for i in result.prophylaxis)
    assert any(i.conflicts for i in result.prophylaxis), "conflicting sources are shown"
    assert len(prevents) >= len(result.prophylaxis)
    cautions = {i.subject for i in result.cautions if i.predicate == "not_effective_for"}
    assert "bisphosphonate" in cautions
    assert not result.treatment and not result.differential  # no HO now, no findings


def test_sci_with_swollen_thigh_gets_the_differential_and_timed_surveillance(assess_at):
    for name in ("sci_6w_swollen_thigh.fhir.json", "sci_6w_swollen_thigh.json"):
        result = assess_at(name, LATER_AT)
        assert "spinal_cord_injury" in {i.subject for i in result.risk_factors}
        differential = {i.subject for i in result.differential
                        if i.predicate == "differential_diagnosis_of"}
        assert "thrombophlebitis" in differential
        # a test for the other diagnosis, and signs placed where the swelling sits (leg)
        assert any(i.predicate == "diagnostic_test_for" and i.object == "thrombophlebitis"
                   for i in result.differential)
        assert any(i.predicate in ("sign_of", "symptom_of") for i in result.differential)
        onset = [w for i in result.surveillance if i.predicate == "onset_after"
                 for w in i.timing if w.anchor_time is not None]
        assert onset and onset[0].status == "in_window"  # six weeks after the injury
        tests = {i.subject: i for i in result.surveillance
                 if i.predicate == "diagnostic_test_for"}
        assert {"bone_scan", "x_ray"} <= set(tests)
        bone, xray = tests["bone_scan"].timing[0], tests["x_ray"].timing[0]
        assert xray.start is not None and bone.end is not None and bone.end < xray.end
        assert any(i.subject == "alkaline_phosphatase" for i in result.surveillance)


def test_fracture_and_fusion_with_high_alp(assess_at, seeded_kb):
    result = assess_at("fracture_fusion_high_alp.fhir.json", LATER_AT)
    subjects = {i.subject for i in result.risk_factors}
    assert "lower_leg_fracture" in subjects and "spinal_surgery" in subjects
    lab_items = [i for i in result.surveillance
                 if any("310" in n for n in i.notes)]
    assert lab_items, "the patient's ALP value is shown beside what the sources say of it"
    hierarchy = seeded_kb.knowledge.hierarchy()
    assert all("alkaline_phosphatase" in hierarchy.narrower(i.subject)
               or i.subject == "elevated_alkaline_phosphatase" for i in lab_items)
    # a high lab value is no swelling: it opens no differential
    assert not result.differential


def test_fracture_and_fusion_alp_misleads(assess_at):
    result = assess_at("fracture_fusion_high_alp.fhir.json", LATER_AT)
    misleads = [i for i in result.cautions if i.rule == "lab-misleads"]
    # the patient's own recent events are what raise the lab, each item says which
    assert {i.subject for i in misleads} >= {"fracture", "spinal_fusion"}
    assert all(i.matched and i.object == "alkaline_phosphatase" for i in misleads)


def test_no_risk_factors_flags_nothing(assess_at):
    result = assess_at("no_risk_factors.json", LATER_AT)
    for name in SECTIONS:
        assert result.section(name) == (), name
    assert {n.text for n in result.patient.not_recognised} == {"essential hypertension",
                                                               "amlodipine"}


@pytest.mark.parametrize("name,at", [
    ("tha_day1_prior_ho.json", THA_AT), ("tha_day1_prior_ho.fhir.json", THA_AT),
    ("sci_6w_swollen_thigh.fhir.json", LATER_AT), ("sci_6w_swollen_thigh.json", LATER_AT),
    ("fracture_fusion_high_alp.fhir.json", LATER_AT)])
def test_every_item_cites_real_sentences(assess_at, citation_problems, name, at):
    result = assess_at(name, at)
    assert result.items()
    assert citation_problems(result) == []
    assert all(i.statement.citations for i in result.items())
    assert result.disclaimer
