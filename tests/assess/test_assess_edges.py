"""Input at the edges: dates at the ends of the calendar, ages and numbers that are no numbers.

Each must come back as one clear message (CLI exit 2, API 400, the form shown again with
the message), never a traceback or a 500.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from assess_support import PATIENTS, THA_AT
from fastapi.testclient import TestClient

from live import copy_store
from osteon import KnowledgeBase
from osteon.assess import PatientInputError
from osteon.assess.rules import timing_rules
from osteon.assess.timing import Anchor, window
from osteon.knowledge.records import QualifierValue
from osteon.reading.records import Figure
from osteon.web.app import create_app
from osteon.web.cds.auth import AuthSettings

EDGE_AT = ["9999-12-31T23:59:59Z", "0001-01-01", "9999-12-31T23:59:59-05:00",
           "0001-01-01T00:00:00+05:00", "0000-01-01"]


@pytest.fixture(scope="module")
def client(seeded_kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[TestClient]:
    store = copy_store(seeded_kb, tmp_path_factory.mktemp("edges"))
    with TestClient(create_app(store, auth=AuthSettings(enabled=False))) as test_client:
        yield test_client


def _tha(date: str, status: str = "active") -> dict:
    return {"age": 68, "procedures": [{"text": "total hip arthroplasty", "date": date,
                                       "status": status}]}


@pytest.mark.parametrize("at", EDGE_AT)
def test_cli_at_the_ends_of_the_calendar_is_one_clear_line(seeded_cli, at):
    result = seeded_cli("assess", str(PATIENTS / "tha_day1_prior_ho.json"), "--at", at)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "OverflowError" not in result.output
    assert "--at" in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("date", ["9999-12-31T23:00:00Z", "9999-12-31", "0001-01-01",
                                  "9999-12-31T23:00:00-05:00"])
@pytest.mark.parametrize("status", ["active", "planned"])
def test_an_entry_dated_at_the_ends_is_ignored_with_a_warning(seeded_kb, date, status):
    result = seeded_kb.assess(_tha(date, status), at=THA_AT)
    assert any("the date was ignored" in w for w in result.warnings), result.warnings
    assert all(f.when is None for f in result.patient.facts)


def test_a_planned_procedure_in_year_9999_via_the_cli(seeded_cli, tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(_tha("9999-12-31T20:00:00Z", "planned")))
    result = seeded_cli("assess", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert any("9999-12-31" in w for w in json.loads(result.stdout)["warnings"])


@pytest.mark.parametrize("born", ["0001-01-01", "1801-05-05"])
def test_a_birth_date_at_the_ends_leaves_the_age_unknown(seeded_kb, born):
    result = seeded_kb.assess({"birth_date": born}, at=THA_AT)
    assert result.patient.age is None and any("birth" in w for w in result.warnings)


def test_windows_that_leave_the_calendar_are_not_computed():
    rules = timing_rules()
    near_end = Anchor("total hip arthroplasty", datetime(9999, 12, 31, 12, tzinfo=UTC))
    within = QualifierValue("timing", Figure("within 24-48 hours", 24, 48, "hour",
                                             relation="within", anchor="surgery"))
    late = window(within, near_end, near_end.time, rules)  # type: ignore[arg-type]
    assert late.start is None and "outside the calendar" in late.summary
    start = Anchor("injury", datetime(1, 1, 2, tzinfo=UTC))
    before = QualifierValue("timing", Figure("1-2 weeks before", 1, 2, "week",
                                             relation="before", anchor="injury"))
    assert "outside the calendar" in window(before, start, start.time, rules).summary  # type: ignore[arg-type]
    huge = QualifierValue("timing", Figure("within 1e12 years", 1e12, 1e12, "year",
                                           relation="within", anchor="surgery"))
    now = Anchor("total hip arthroplasty", datetime(2025, 3, 10, tzinfo=UTC))
    assert "outside the calendar" in window(huge, now, now.time, rules).summary  # type: ignore[arg-type]


def test_api_at_the_ends_is_a_400_with_the_message(client):
    patient = json.loads((PATIENTS / "tha_day1_prior_ho.json").read_text())
    for at in EDGE_AT:
        answer = client.post("/api/assess", json=patient, params={"at": at})
        assert answer.status_code == 400, (at, answer.text)
        assert "--at" in answer.json()["detail"] or "assessment time" in answer.json()["detail"]
    dated = client.post("/api/assess", json=_tha("9999-12-31T23:00:00Z", "planned"))
    assert dated.status_code == 200 and any("9999" in w for w in dated.json()["warnings"])


def test_api_refuses_lab_values_that_are_no_numbers(client):
    body = '{"labs": [{"text": "alkaline phosphatase", "value": NaN, "unit": "U/L"}]}'
    answer = client.post("/api/assess", content=body,
                         headers={"content-type": "application/json"})
    assert answer.status_code in (400, 422) and "value" in answer.text


@pytest.mark.parametrize("age", ["nan", "1e999", "inf", "-1", "500", "2.5", "NaN"])
def test_form_age_that_is_no_age_shows_the_form_again(client, age):
    page = client.post("/assess", data={"age": age, "procedures": "total hip arthroplasty"})
    assert page.status_code == 400
    assert "age" in page.text and "whole years from 0 to 130" in page.text
    assert 'name="age"' in page.text  # the form again, with what was typed
    assert "total hip arthroplasty" in page.text


@pytest.mark.parametrize("alp", ["nan", "1e999", "-inf"])
def test_form_lab_value_that_is_no_number_shows_the_form_again(client, alp):
    page = client.post("/assess", data={"alp": alp, "procedures": "total hip arthroplasty"})
    assert page.status_code == 400 and "not a finite number" in page.text


@pytest.mark.parametrize("at,procedure_time", [("0001-01-01T00:00", ""),
                                               ("9999-12-31T23:59", ""),
                                               ("", "9999-12-31T23:30")])
def test_form_dates_at_the_ends(client, at, procedure_time):
    page = client.post("/assess", data={"at": at, "procedure_time": procedure_time,
                                        "procedures": "total hip arthroplasty"})
    assert page.status_code in (200, 400) and "Traceback" not in page.text
    if at:
        assert page.status_code == 400 and "outside the years" in page.text
    else:
        assert page.status_code == 200 and "the date was ignored" in page.text


def test_the_patient_json_refuses_an_age_out_of_range(seeded_kb):
    with pytest.raises(PatientInputError, match="age"):
        seeded_kb.assess({"age": -1}, at=THA_AT)


def test_form_notes_are_read_with_their_status(client):
    page = client.post("/assess", data={
        "injuries": "spinal cord injury", "injury_date": "2026-10-09",
        "notes": "warm, swollen right thigh; no foot or ankle edema", "notes_date": "2026-11-19",
        "at": "2026-11-20T10:00"})
    assert page.status_code == 200, page.text
    assert "thrombophlebitis" in page.text.casefold()  # the differential the text opens
    assert "ankle edema" in page.text and "<strong>(absent)</strong>" in page.text
    assert "at right thigh" in page.text


def test_api_reads_notes_and_says_how_each_fact_was_mapped(client):
    bundle = json.loads((PATIENTS / "ehr_sci_free_text.fhir.json").read_text())
    answer = client.post("/api/assess", json=bundle, params={"at": "2026-11-20T10:00:00Z"})
    assert answer.status_code == 200, answer.text
    facts = {(f["concept"], f["status"]): f for f in answer.json()["patient"]["facts"]}
    edema = facts[("foot_and_ankle_edema", "absent")]
    assert edema["matched_by"] == "note" and "no foot or ankle edema" in edema["how"]
    assert facts[("spinal_cord_injury", "active")]["how"].startswith("ICD-10-CM S24.104A")
    assert answer.json()["differential"]
