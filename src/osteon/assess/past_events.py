"""Operations and injuries long past: the record's history, not a risk the patient runs now.

The sources give HO "weeks after an injury or surgery" (3–12 weeks after a cord injury,
"yet … also years later"): a tibia fracture nailed in 1994 or a hip replaced six years ago,
listed in the history of a patient admitted for a hernia repair, is no present risk and
opens no prophylaxis window. What wounds tissue (rules.yaml `injuries`: trauma, surgery,
invasive procedures) becomes history `past_days` after its date; what `lasting` names (an
injury of the brain or the cord, a stroke, HO itself) stays a risk whatever its age. An
undated "h/o THR" beside a dated 2020 one is that same old operation; an undated event
with no dated twin is kept (nothing says it is old), and so is every event of a patient who
has or had HO (the old injury is its cause). The record as read still shows every fact; the
warnings name those left out of the present risks.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from osteon.assess.records import Patient, PatientFact
from osteon.assess.rules import AssessRules
from osteon.assess.timeparse import shift
from osteon.assess.timing import EVENT_KINDS
from osteon.knowledge.hierarchy import Hierarchy

UNDATED_PAST = frozenset({"history", "resolved"})
"""Statuses of an undated fact that may be a dated fact's old event told again."""


def split_past(patient: Patient, at: datetime, rules: AssessRules, hierarchy: Hierarchy
               ) -> tuple[Patient, tuple[PatientFact, ...]]:
    """The patient without the events long past, and those events (record order)."""
    since = shift(at, -timedelta(days=rules.past_days))
    if since is None or _has_had_target(patient, rules, hierarchy):
        return patient, ()
    fading = [f for f in patient.facts if _fades(f, rules, hierarchy)]
    dated: dict[str, list[datetime]] = {}
    for fact in fading:
        if fact.when is not None:
            dated.setdefault(fact.concept, []).append(fact.ended or fact.when)
    old = {concept for concept, times in dated.items() if max(times) < since}
    past = tuple(f for f in fading
                 if ((f.ended or f.when) or since) < since
                 or (f.when is None and f.status in UNDATED_PAST and f.concept in old))
    if not past:
        return patient, ()
    gone = {id(f) for f in past}
    return replace(patient, facts=tuple(f for f in patient.facts if id(f) not in gone)), past


def _has_had_target(patient: Patient, rules: AssessRules, hierarchy: Hierarchy) -> bool:
    """Whether the record holds the target condition, now or before.

    Then the old burn or operation is what the bone formed after: its cause, and what a
    recurrence after excision follows; it stays among the risks.
    """
    held = hierarchy.narrower(rules.target) | hierarchy.narrower(rules.history_concept)
    return any(f.concept in held for f in patient.present())


def _fades(fact: PatientFact, rules: AssessRules, hierarchy: Hierarchy) -> bool:
    """Whether a fact is an event that wounded tissue once and is no lasting condition."""
    if fact.kind not in EVENT_KINDS or fact.status == "planned":
        return False
    kinds = hierarchy.broader(fact.concept)
    return not kinds.isdisjoint(rules.injuries) and kinds.isdisjoint(rules.lasting)

