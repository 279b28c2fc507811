"""CDS cards follow the report's order: the deadline card first, its time left, its urgency."""

from __future__ import annotations

from assess_support import PATIENTS

from osteon.web.cds.cards import cards_for

SECTIONS = ("risk_factors", "prophylaxis", "surveillance", "differential", "cautions")


def test_the_deadline_card_comes_first_with_its_time_left(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json",
                              at="2026-11-20T10:00:00Z")
    cards = cards_for(result, SECTIONS, "https://osteon.example")
    first = cards[0]
    assert first.summary.startswith("HO prophylaxis: radiation therapy by 2026-11-21 14:00 UTC")
    assert "(28 h left)" in first.summary and len(first.summary) <= 140
    assert first.indicator == "warning"  # 28 h to the latest bound
    assert any(link.url.endswith("/assess") for link in first.links)
    assert result.deadlines[0].sentence in (first.detail or "")
    assert [c.summary.split(":")[0] for c in cards[1:3]] == ["HO risk", "HO surveillance"]


def test_a_close_deadline_is_critical_and_a_planned_one_info(seeded_kb):
    late = seeded_kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json",
                            at="2026-11-21T02:00:00Z")
    card = cards_for(late, SECTIONS, "https://o.example")[0]
    assert card.indicator == "critical" and "(12 h left)" in card.summary
    planned = seeded_kb.assess(PATIENTS / "ehr_tha_planned_prior_ho.fhir.json",
                               at="2026-11-20T10:00:00Z")
    card = cards_for(planned, SECTIONS, "https://o.example")[0]
    assert card.indicator == "info" and "after the operation" in card.summary


def test_no_deadline_keeps_the_given_order(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "ehr_tha_pcs_only.fhir.json",
                              at="2026-11-20T10:00:00Z")
    assert not result.deadlines
    assert cards_for(result, SECTIONS, "https://o.example")[0].summary.startswith("HO risk")


def test_the_card_says_what_the_patient_already_takes(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json",
                              at="2026-11-20T10:00:00Z")
    card = cards_for(result, SECTIONS, "https://o.example")[0]
    assert "Patient: on the patient's medication list: Indomethacin" in (card.detail or "")
