"""Rendering, the CLI, timing arithmetic, rule data, and advice that follows the documents."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from assess_support import PATIENTS, THA_AT
from typer.testing import CliRunner

from osteon import KnowledgeBase
from osteon.assess.records import Patient, PatientFact
from osteon.assess.render import render
from osteon.assess.rules import assess_rules, timing_rules
from osteon.assess.timing import Anchor, anchor_concepts, window
from osteon.cli import app
from osteon.knowledge.records import QualifierValue
from osteon.reading.lexicon import load_lexicon
from osteon.reading.records import Figure

KEYS = {"patient", "risk_factors", "prophylaxis", "surveillance", "differential", "treatment",
        "cautions", "not_recognised", "warnings"}


def _value(low, high, unit, relation, anchor):
    return QualifierValue("timing", Figure(f"{relation} {low}-{high} {unit}", low, high, unit,
                                           relation=relation, anchor=anchor))


def test_deadline_window_statuses():
    surgery = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)
    anchor = Anchor("total hip arthroplasty", surgery)
    value = _value(24, 48, "hour", "within", "surgery")
    rules = timing_rules()
    at = {"not_started": surgery.replace(hour=8), "open": surgery.replace(day=11, hour=6),
          "closing": surgery.replace(day=11, hour=20), "passed": surgery.replace(day=13)}
    for status, moment in at.items():
        assert window(value, anchor, moment, rules).status == status
    weeks = window(_value(3, 12, "week", "after", "spinal cord injury"), anchor,
                   surgery.replace(month=4), rules)
    assert weeks.status == "in_window" and (weeks.end - weeks.start).days == 63
    assert window(value, None, surgery, rules).status == "unknown"


def test_anchor_words_come_from_data():
    rules, lexicon = timing_rules(), load_lexicon()
    assert anchor_concepts("surgery", rules, lexicon) == ["surgery"]
    assert anchor_concepts("onset", rules, lexicon) == "onset"
    assert set(anchor_concepts("an injury or surgery", rules, lexicon)) == {"trauma", "surgery"}
    assert anchor_concepts("spinal cord injury", rules, lexicon) == ["spinal_cord_injury"]
    assert anchor_concepts("the full moon", rules, lexicon) is None


def test_rules_name_known_concepts_and_sections():
    rules, lexicon = assess_rules(), load_lexicon()
    assert rules.target in lexicon and rules.history_concept in lexicon
    for lab, finding in rules.high_lab_findings.items():
        assert lab in lexicon and finding in lexicon
    assert {r.section for r in rules.rules} == {"risk_factors", "prophylaxis", "surveillance",
                                                 "differential", "treatment", "cautions"}


def test_json_keys_html_escaping_and_markdown(seeded_kb):
    result = seeded_kb.assess(PATIENTS / "tha_day1_prior_ho.json", at=THA_AT)
    data = json.loads(render(result, "json"))
    assert KEYS <= set(data) and set(data) - KEYS <= {"at", "disclaimer", "deadlines"}
    hostile = Patient("<script>alert(1)</script>", 40, "female", (
        PatientFact("procedure", "total_hip_arthroplasty", "<b>THA</b>",
                    datetime(2025, 3, 10, tzinfo=UTC)),))
    page = render(seeded_kb.assess(hostile, at=THA_AT), "html")
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>THA" not in page
    assert "does not replace" in page and "@media print" in page
    md = render(result, "md")
    assert "does not replace" in md and "## Prophylaxis" in md


def test_cli_assess(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["assess", str(PATIENTS / "tha_day1_prior_ho.fhir.json"),
                             "--at", THA_AT, "--format", "json"])
    assert ok.exit_code == 0, ok.output
    assert KEYS <= set(json.loads(ok.stdout))
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    failed = runner.invoke(app, ["assess", str(bad)])
    assert failed.exit_code == 2 and "not valid JSON" in failed.output
    wrong = runner.invoke(app, ["assess", str(bad), "--format", "pdf"])
    assert wrong.exit_code == 2


def test_a_new_document_changes_the_advice(tmp_path):
    """A knee arthroplasty patient has no risk factor until a document names one."""
    patient = {"procedures": [{"text": "total knee arthroplasty",
                               "date": "2025-03-10T09:30:00Z"}]}
    with KnowledgeBase.open(tmp_path / "store") as kb:
        before = kb.assess(patient, at=THA_AT)
        paper = tmp_path / "knee.txt"
        paper.write_text("Knee replacement and bone\n\nHeterotopic ossification develops in "
                         "about 20% of patients after total knee arthroplasty.\n")
        kb.ingest([paper])
        after = kb.assess(patient, at=THA_AT)
    assert "knee_arthroplasty" not in {i.subject for i in before.risk_factors}
    knee = [i for i in after.risk_factors if i.subject == "knee_arthroplasty"]
    assert knee and knee[0].figures and knee[0].statement.citations[0].doc != ""
    assert len(after.prophylaxis) >= len(before.prophylaxis)
