"""CDS cards follow the report's order: the deadline card first, its time left, its urgency."""

from __future__ import annotations

from assess_support import PATIENTS

from osteon.assess.render import render
from osteon.web.cds.cards import cards_for

SECTIONS = ("risk_factors", "prophylaxis", "surveillance", "differential", "cautions")


def test_the_deadline_card_comes_first_with_its_time_left(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json",
                              at="2026-11-20T10:00:00Z")
    cards = cards_for(result, SECTIONS, "https://osteon.example")
    first = cards[0]
    assert first.summary == ("HO prophylaxis: Radiation therapy: within 24–48 hours of surgery"
                             " — by 2026-11-21 14:00 UTC, 28 h from now")
    assert first.indicator == "warning"  # 28 h to the latest bound
    assert any(link.url.endswith("/assess") for link in first.links)
    assert result.deadlines[0].sentence in (first.detail or "")
    assert [c.summary.split(":")[0] for c in cards[1:3]] == ["HO risk", "HO surveillance"]


def test_a_close_deadline_is_critical_and_a_planned_one_info(seeded_kb):
    late = seeded_kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json",
                            at="2026-11-21T02:00:00Z")
    card = cards_for(late, SECTIONS, "https://o.example")[0]
    assert card.indicator == "critical" and "by 2026-11-21 14:00 UTC, 12 h from now" in \
        card.summary
    planned = seeded_kb.assess(PATIENTS / "ehr_tha_planned_prior_ho.fhir.json",
                               at="2026-11-20T10:00:00Z")
    card = cards_for(planned, SECTIONS, "https://o.example")[0]
    assert card.indicator == "info" and "if done as planned" in card.summary


def test_the_card_and_the_report_give_one_deadline(seeded_kb):
    for at in ("2026-11-20T10:00:00Z", "2026-11-21T02:00:00Z"):  # open, then past 24 h
        result = seeded_kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json", at=at)
        sentence = result.deadlines[0].sentence
        card = cards_for(result, SECTIONS, "https://o.example")[0]
        assert card.summary.removeprefix("HO prophylaxis: ") in sentence
        assert render(result, "md").count("— by 2026-11-21 14:00 UTC") >= 1
        assert "2026-11-20 14:00 UTC," not in sentence  # the 24 h bound is no "by"


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


def test_a_card_names_each_risk_however_its_statement_reads(seeded_kb):
    """A card's summary lists the risk factors, tests and drugs by name. The names were cut
    from the statements at a fixed list of verbs, so a hedged "Neurological condition may
    raise the risk of heterotopic ossification" came whole into the 140-character line; the
    cut now follows the knowledge's own phrasing of every predicate and polarity."""
    result = seeded_kb.assess(PATIENTS / "ehr_sci_high_alp.fhir.json",
                              at="2026-11-20T10:00:00Z")
    summaries = [c.summary for c in cards_for(result, SECTIONS, "https://o.example")]
    risk = next(s for s in summaries if s.startswith("HO risk: "))
    named = risk.removeprefix("HO risk: ").split(", ")
    assert "Spinal cord injury" in named and "Neurological condition" in named, risk
    assert not [n for n in named if "risk" in n or "ossification" in n], risk
