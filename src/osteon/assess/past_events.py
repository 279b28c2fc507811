"""Operations and injuries long past: the record's history, not a risk the patient runs now.

The sources give HO "weeks after an injury or surgery" (3–12 weeks after a cord injury,
"yet … also years later"): a tibia fracture nailed in 1994 or a hip replaced six years ago,
listed in the history of a patient admitted for a hernia repair, is no present risk and
opens no prophylaxis window. What wounds tissue (rules.yaml `injuries`: trauma, surgery,
invasive procedures) becomes history `past_days` after its date; what `lasting` names (an
injury of the brain or the cord, a stroke, HO itself) stays a risk whatever its age, unless
the record itself calls it over (resolved, or a personal history of it: "Closed head injury
1984 - brief LOC, no sequelae"). An
undated "h/o THR" or "Stable R THA" on an x-ray beside a dated 2011 one is that same old
operation, and an undated "fracture" beside a 2015 tibia fracture is that fracture (unless a
recent dated event is of the same kind); an undated event with no old twin is kept (nothing
says it is old), and so is every event of a patient who has or had HO (the old injury is its
cause), unless the HO is genetic (FOP): its bone comes from the gene, each flare-up after an
injury of its own weeks before, and a lump excised years ago is its history. The record as
read still shows every fact; the
warnings name those left out of the present risks.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from osteon.assess.records import NOT_PRESENT, PAST_STATUSES, Patient, PatientFact
from osteon.assess.rules import AssessRules
from osteon.assess.timeparse import shift
from osteon.assess.timing import EVENT_KINDS
from osteon.knowledge.hierarchy import Hierarchy


def split_past(patient: Patient, at: datetime, rules: AssessRules, hierarchy: Hierarchy,
               *, genetic: bool = False) -> tuple[Patient, tuple[PatientFact, ...]]:
    """The patient without the events long past, and those events (record order).

    `genetic`: the patient's condition family is genetic (FOP and its kin).
    """
    since = shift(at, -timedelta(days=rules.past_days))
    if since is None or (not genetic and _has_had_target(patient, rules, hierarchy)):
        return patient, ()
    fading = [f for f in patient.facts if _fades(f, rules, hierarchy)]
    dated = [f for f in fading if f.when is not None]
    old = {f for f in dated if (f.ended or f.when) < since}  # type: ignore[operator]
    # the kinds of the old events ("fracture" of a 2015 tibia fracture), less those of a
    # recent one: an undated mention of such a kind is the old event told again
    # ("surgery" and "trauma" themselves are too broad to tell: "AM of surgery" is today's)
    told_again = (frozenset().union(*(hierarchy.broader(f.concept) for f in old))
                  - frozenset().union(*(hierarchy.broader(f.concept)
                                        for f in dated if f not in old))
                  - frozenset().union(*(hierarchy.broader(r) for r in rules.injuries)))
    past = tuple(f for f in fading
                 if f in old or (f.when is None and f.concept in told_again))
    if not past:
        return patient, ()
    gone = {id(f) for f in past}
    return replace(patient, facts=tuple(f for f in patient.facts if id(f) not in gone)), past


def shown_as_history(patient: Patient, past: tuple[PatientFact, ...]) -> Patient:
    """The record as read, its operations long past marked history.

    A knee replaced in 2023 is no active operation on the report, though the record's
    Procedure says "completed"; a condition the record keeps active (a shoulder that
    still dislocates) stays so, however old its onset.
    """
    gone = {id(f) for f in past if f.kind == "procedure" and f.status == "active"}
    return replace(patient, facts=tuple(
        replace(f, status="history") if id(f) in gone else f for f in patient.facts))


def _has_had_target(patient: Patient, rules: AssessRules, hierarchy: Hierarchy) -> bool:
    """Whether the record holds the target condition, now or before.

    Then the old burn or operation is what the bone formed after: its cause, and what a
    recurrence after excision follows; it stays among the risks.
    """
    held = hierarchy.narrower(rules.target) | hierarchy.narrower(rules.history_concept)
    return any(f.concept in held for f in patient.present())


def _fades(fact: PatientFact, rules: AssessRules, hierarchy: Hierarchy) -> bool:
    """Whether a fact is an event that wounded tissue once and is no lasting condition."""
    if fact.kind not in EVENT_KINDS or fact.status == "planned" or fact.status in NOT_PRESENT:
        return False  # to come, or denied or doubted: no event the record says happened
    kinds = hierarchy.broader(fact.concept)
    return not kinds.isdisjoint(rules.injuries) and (
        kinds.isdisjoint(rules.lasting) or not kinds.isdisjoint(rules.passing)
        or fact.status in PAST_STATUSES)

