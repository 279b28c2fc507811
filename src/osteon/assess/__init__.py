"""Assess one patient against the knowledge base, every item cited.

Sections: risk factors, prophylaxis with deadlines, surveillance, differential
diagnosis, treatment and cautions.

`assess_patient(knowledge, source, at=...)` is the entry point the CLI, the
Python API (`KnowledgeBase.assess`) and the CDS Hooks service share; `render`
turns the result into Markdown, HTML or JSON.
"""

from __future__ import annotations

from datetime import datetime

from osteon.assess.engine import assess
from osteon.assess.errors import PatientInputError, PatientTooLarge, WrongFhirVersion
from osteon.assess.load import PatientSource, load_patient
from osteon.assess.records import Assessment, Item, Patient, PatientFact, TimeWindow
from osteon.assess.rules import assess_rules
from osteon.assess.timeparse import parse_at
from osteon.knowledge.store import KnowledgeStore

__all__ = ["Assessment", "Item", "Patient", "PatientFact", "PatientInputError",
           "PatientTooLarge", "TimeWindow", "WrongFhirVersion", "assess_patient",
           "load_patient_for"]


def load_patient_for(knowledge: KnowledgeStore, source: PatientSource,
                     at: str | datetime | None = None) -> Patient:
    """The patient mapped to this knowledge base's lexicon (PatientInputError if unusable)."""
    moment = _at(at)
    return load_patient(source, knowledge.lexicon, assess_rules(), moment)


def assess_patient(knowledge: KnowledgeStore, source: PatientSource,
                   at: str | datetime | None = None) -> Assessment:
    """Assess a patient (a path, bytes, parsed JSON, PatientIn or Patient) at `at` (default now)."""
    moment = _at(at)
    patient = load_patient(source, knowledge.lexicon, assess_rules(), moment)
    return assess(knowledge, patient, moment)


def _at(at: str | datetime | None) -> datetime:
    rules = assess_rules()
    try:
        return parse_at(at, rules.earliest_year, rules.latest_year)
    except ValueError as exc:
        raise PatientInputError(f"--at: {exc}") from None
