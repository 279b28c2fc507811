"""A report for a busy clinician: the open window first, one item per thing, strongest first.

Checked on the EHR-style patient operated yesterday (ehr_tha_yesterday.fhir.json).
"""

from __future__ import annotations

import json

import pytest
from assess_support import PATIENTS

from osteon.assess.render import render
from osteon.assess.rules import assess_rules

AT = "2026-11-20T10:00:00Z"


@pytest.fixture(scope="module")
def result(seeded_kb):
    return seeded_kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json", at=AT)


def test_the_open_window_comes_first_as_a_sentence(result):
    first = result.deadlines[0]
    assert "radiation" in first.what.casefold()
    assert "within 24–48 hours of surgery" in first.sentence
    # the latest bound the source gives (48 h after the end of surgery) and the time left
    assert "— by 2026-11-21 14:00 UTC, 28 h from now" in first.sentence
    assert "the end of Total replacement of right hip" in first.sentence
    md = render(result, "md")
    assert md.index("## Act now") < md.index("## Patient record as read")
    assert first.sentence in md
    page = render(result, "html")
    assert page.index('id="act-now"') < page.index("Patient record as read")
    assert json.loads(render(result, "json"))["deadlines"][0]["sentence"] == first.sentence


def test_prophylaxis_with_an_open_window_leads_its_section(result):
    assert any(w.status == "open" for w in result.prophylaxis[0].timing)


def test_one_item_per_thing_asserted_and_hedged_together(result):
    for name in ("prophylaxis", "surveillance", "differential", "treatment", "cautions",
                 "risk_factors"):
        keys = [(i.subject, i.predicate, i.object) for i in result.section(name)
                if i.polarity != "negated"]
        assert len(keys) == len(set(keys)), name
    nsaid = next(i for i in result.prophylaxis if i.subject == "nsaid")
    assert nsaid.polarity == "asserted" and nsaid.also
    assert all(s.polarity == "hedged" and s.citations for s in nsaid.also)
    assert not any(c.kind == "certainty" and c.sides[1].text in {s.text for s in nsaid.also}
                   for c in nsaid.conflicts)
    assert "with less certainty" in render(result, "md")


def test_a_statement_opposing_both_twins_is_shown_once(result):
    # "Prophylaxis is not effective" opposes "NSAIDs prevent HO" and "NSAIDs may prevent HO"
    for item in (i for name in ("prophylaxis", "surveillance", "cautions")
                 for i in result.section(name)):
        others = [(c.kind, c.sides[1].text) for c in item.conflicts]
        assert len(others) == len(set(others)), (item.text, others)
    nsaid = next(i for i in result.prophylaxis if i.subject == "nsaid")
    md = render(result, "md")
    block = md[md.index(f"**{nsaid.text}**"):]
    block = block[:block.index("\n- ")]
    assert block.count("“Prophylaxis is not effective for heterotopic ossification”") == 1


def test_what_the_patient_already_takes_is_said(result):
    nsaid = next(i for i in result.prophylaxis if i.subject == "nsaid")
    assert any("medication list" in n and "Indomethacin" in n for n in nsaid.notes)


def test_a_section_shows_its_limit_and_names_the_rest(result):
    limit = assess_rules().report_limit
    long = [n for n in ("prophylaxis", "surveillance", "cautions")
            if len(result.section(n)) > limit]
    assert long, "the fixture should fill one section past the limit"
    md = render(result, "md")
    more = len(result.section(long[0])) - limit
    assert f"_{more} more: " in md
    assert f"<summary>{more} more</summary>" in render(result, "html")
    data = json.loads(render(result, "json"))
    assert len(data[long[0]]) == len(result.section(long[0]))  # JSON keeps every item


def test_the_web_report_puts_the_deadline_first(seeded_kb, tmp_path):
    from fastapi.testclient import TestClient

    from live import copy_store
    from osteon.web.app import create_app
    from osteon.web.cds.auth import AuthSettings

    app = create_app(copy_store(seeded_kb, tmp_path), auth=AuthSettings(enabled=False))
    with TestClient(app) as client:
        data = (PATIENTS / "ehr_tha_yesterday.fhir.json").read_bytes()
        page = client.post("/assess/file", files={"file": ("p.fhir.json", data)},
                           data={"at": "2026-11-20T10:00"})
    assert page.status_code == 200, page.text
    assert page.text.index('id="act-now"') < page.text.index('id="record"')
    assert "2026-11-21 14:00 UTC" in page.text and "more</summary>" in page.text


def test_statements_with_free_text_objects_read_as_their_source_sentence(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "ehr_sci_high_alp.fhir.json", at=AT)
    texted = [i for i in result.items() if i.object not in seeded_kb.knowledge.lexicon]
    assert texted
    for item in texted:
        sentence = " ".join(item.statement.citations[0].sentence_text.split())
        assert item.text.endswith(sentence) and item.text.rstrip().endswith((".", "?", "!"))
    assert "Three-phase bone scan: may not progress" not in render(result, "md")


def test_a_harm_of_a_suggested_intervention_sits_next_to_it(tmp_path):
    from osteon import KnowledgeBase

    paper = tmp_path / "nsaid.txt"
    paper.write_text("NSAIDs and bleeding\n\nNSAIDs prevent heterotopic ossification after hip "
                     "arthroplasty. Caution: NSAIDs increase the risk of gastrointestinal "
                     "bleeding.\n")
    with KnowledgeBase.open(tmp_path / "store") as kb:
        kb.ingest([paper])
        result = kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json", at=AT)
    rules = [i.rule for i in result.prophylaxis]
    harm = rules.index("prevention-harm")
    assert result.prophylaxis[harm].subject == "nsaid"
    assert "bleeding" in result.prophylaxis[harm].text.casefold()
    before = result.prophylaxis[harm - 1]
    assert before.subject == "nsaid" and before.predicate == "prevents"
    assert result.prophylaxis[harm].statement.citations


def test_what_the_sources_say_only_of_fop_is_no_advice_after_hip_surgery(tmp_path):
    from osteon import KnowledgeBase

    paper = tmp_path / "two.txt"
    paper.write_text("Preventing bone in the wrong place\n\nNSAIDs prevent heterotopic "
                     "ossification after hip arthroplasty.\n\n"
                     "Fibrodysplasia ossificans progressiva\n\n"
                     "In fibrodysplasia ossificans progressiva, palovarotene prevents heterotopic "
                     "ossification.\n")
    with KnowledgeBase.open(tmp_path / "store") as kb:
        kb.ingest([paper])
        scoped = {f.assertion.subject: f.assertion.scope.family for f in kb.facts("palovarotene")}
        result = kb.assess(PATIENTS / "ehr_tha_yesterday.fhir.json", at=AT)
    assert "genetic" in scoped.get("palovarotene", ())  # read as said of FOP
    offered = {i.subject for i in result.prophylaxis}
    assert "nsaid" in offered
    assert "palovarotene" not in offered
