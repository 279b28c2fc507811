"""Paths, times and small record helpers the assess tests share (imported by name: tests/
is no package)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from osteon.assess.load import load_patient
from osteon.assess.records import Patient
from osteon.assess.rules import assess_rules
from osteon.reading.lexicon import load_lexicon

PATIENTS = Path(__file__).parents[1] / "data" / "patients"
SYNTHEA = Path(__file__).parents[1] / "data" / "fhir"
THA_AT = "2025-03-11T06:00:00Z"
"""Day 1 after the right total hip arthroplasty of 2025-03-10 09:30 UTC (20.5 h later)."""
LATER_AT = "2025-03-04T12:00:00Z"
"""Six weeks after the spinal cord injury of 2025-01-21; a month after the tibial fracture."""
RECORD_AT = datetime(2026, 11, 20, 10, tzinfo=UTC)
"""When the small records written for a test are assessed."""


def record(raw: Any) -> Patient:
    """A small record written for a test (a patient JSON object), read as osteon reads it."""
    return load_patient(raw, load_lexicon(), assess_rules(), RECORD_AT)


def statuses(raw: Any) -> dict[str, set[str]]:
    """Each concept a record names → the statuses its facts carry."""
    out: dict[str, set[str]] = {}
    for fact in record(raw).facts:
        out.setdefault(fact.concept, set()).add(fact.status)
    return out


def searchset(*resources: dict[str, Any], gender: str = "female") -> dict[str, Any]:
    """A made-up searchset bundle: one patient and these resources, each about them."""
    person = {"resourceType": "Patient", "id": "p", "gender": gender,
              "birthDate": "1990-01-01"}
    return {"resourceType": "Bundle", "type": "searchset",
            "entry": [{"resource": person}] + [
                {"resource": {"subject": {"reference": "Patient/p"}, **r}} for r in resources]}
