"""Map the patient's entries to lexicon concepts: codes first, then display text, never a guess.

A code the lexicon lists as confirmed is taken as it stands. A code marked
`confirmed: false` (seen in public data, not checked at its source) is taken
only when the entry's text agrees or is absent — public value sets disagree on
some ids, so codes AND display text are matched. Failing codes, the text is
looked up in the lexicon. What maps to nothing goes to `not_recognised`.
Dates in the future (other than planned procedures) are dropped with a warning.
"""

from __future__ import annotations

import re
from datetime import datetime

from osteon.assess.patient_json import EntryIn, LabIn, PatientIn
from osteon.assess.records import CodeRef, FactKind, NotRecognised, Patient, PatientFact
from osteon.assess.rules import AssessRules
from osteon.assess.timeparse import check_years, parse_when
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import Concept

_SUFFIX = re.compile(r"\s*\((?:disorder|finding|procedure|morphologic abnormality|"
                     r"substance|situation|observable entity|body structure)\)\s*$", re.I)

LAB_DERIVED = "lab result"
"""`matched_by` of a finding made from a lab value (high ALP): not a symptom, not an onset."""

LISTS: tuple[tuple[str, FactKind], ...] = (
    ("conditions", "condition"), ("injuries", "injury"), ("procedures", "procedure"),
    ("findings", "finding"), ("labs", "lab"), ("medications", "medication"),
    ("allergies", "allergy"))


class _Collector:
    """Facts, unrecognised entries and warnings gathered while mapping one patient."""

    def __init__(self, lexicon: Lexicon, rules: AssessRules, at: datetime) -> None:
        self.lexicon, self.rules, self.at = lexicon, rules, at
        self.facts: list[PatientFact] = []
        self.unknown: list[NotRecognised] = []
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def build_patient(raw: PatientIn, lexicon: Lexicon, rules: AssessRules, at: datetime
                  ) -> Patient:
    """The patient as the engine sees it: concepts, dates in UTC, what was not recognised."""
    out = _Collector(lexicon, rules, at)
    for message in raw.warnings:
        out.warn(message)
    for attr, kind in LISTS:
        for index, entry in enumerate(getattr(raw, attr)):
            _add_entry(out, kind, entry, entry.source or f"{attr}[{index}]")
    if raw.history_of_ho:
        out.facts.append(PatientFact("condition", rules.history_concept,
                                     lexicon.get(rules.history_concept).name,
                                     status="history", source="history_of_ho"))
    return Patient(raw.id, _age(raw, out), raw.sex, tuple(out.facts), tuple(out.unknown),
                   tuple(out.warnings))


def _age(raw: PatientIn, out: _Collector) -> int | None:
    if raw.age is not None or not raw.birth_date:
        return raw.age
    try:
        born, _, _ = parse_when(raw.birth_date)
        assert born is not None
        check_years(born, out.rules.earliest_year, out.rules.latest_year, "birth date")
    except ValueError as exc:
        out.warn(f"birth_date: {exc}: age left unknown")
        return None
    if born > out.at:
        out.warn(f"birth_date {raw.birth_date} is in the future: age left unknown")
        return None
    years = out.at.year - born.year - ((out.at.month, out.at.day) < (born.month, born.day))
    return years


def _add_entry(out: _Collector, kind: FactKind, entry: EntryIn, source: str) -> None:
    codes = tuple(CodeRef(c.system, c.code, c.display) for c in entry.codes)
    label = entry.text or next((c.display for c in codes if c.display), None) or (
        f"{codes[0].system} {codes[0].code}")
    concept, how = concept_for(out, kind, entry.text, codes, source)
    if concept is None:
        out.unknown.append(NotRecognised(kind, label, codes, source))
        return
    when, date_only = _when(out, kind, entry, source)
    status = entry.status
    if concept == out.rules.target or concept in out.lexicon.descendants(out.rules.target):
        if status in ("resolved", "history"):
            concept = out.rules.history_concept  # HO in the past is a risk factor, not HO now
    fact = PatientFact(kind, concept, label, when, date_only, _sites(out, entry, source),
                       status, matched_by=how, source=source)
    if isinstance(entry, LabIn):
        fact = PatientFact(**{**_fields(fact), "value": entry.value, "unit": entry.unit,
                              "high": entry.is_high()})
        finding = out.rules.high_lab_findings.get(concept)
        if fact.high and finding:
            out.facts.append(fact)
            fact = PatientFact("finding", finding, f"{label} above its reference range", when,
                               date_only, (), "active", matched_by=LAB_DERIVED, source=source)
    out.facts.append(fact)


def _fields(fact: PatientFact) -> dict:
    return {name: getattr(fact, name) for name in PatientFact.__slots__}


def concept_for(out: _Collector, kind: FactKind, text: str | None, codes: tuple[CodeRef, ...],
                source: str) -> tuple[str | None, str]:
    """(concept id, "code" or "text"), or (None, "") when neither codes nor text name one."""
    lexicon, allowed = out.lexicon, out.rules.entry_types.get(kind, [])
    texts = [t for t in (text, *(c.display for c in codes)) if t]
    by_text = next((cid for cid in (_by_text(lexicon, t) for t in texts)
                    if cid and lexicon.get(cid).type in allowed), None)
    for code in codes:
        concept = lexicon.by_code(code.system, code.code)
        if concept is None or concept.type not in allowed:
            continue
        if lexicon.by_code(code.system, code.code, confirmed_only=True) is not None:
            return concept.id, "code"
        if by_text is None and not texts:
            out.warn(f"{source}: {code.system} {code.code} is not confirmed at its source; "
                     f"read as {concept.name}: check it")
            return concept.id, "code"
        if by_text is not None and (lexicon.is_a(by_text, concept.id)
                                    or lexicon.is_a(concept.id, by_text)):
            return concept.id, "code"
        if _display_agrees(concept, code, texts):
            return concept.id, "code"
        out.warn(f"{source}: {code.system} {code.code} (unconfirmed, {concept.name}) "
                 f"disagrees with its text {texts[0]!r}: the code was not used")
    if by_text is not None:
        return by_text, "text"
    return None, ""


def _display_agrees(concept: Concept, code: CodeRef, texts: list[str]) -> bool:
    """True when the entry's text is the display the lexicon records for this very code."""
    listed = {_SUFFIX.sub("", c.display).casefold() for c in concept.codes
              if c.display and c.code.upper() == code.code.upper()}
    return any(_SUFFIX.sub("", t).strip().casefold() in listed for t in texts)


def _by_text(lexicon: Lexicon, text: str) -> str | None:
    cleaned = _SUFFIX.sub("", text).strip()
    return lexicon.concept_id_for(cleaned) if cleaned else None


def _when(out: _Collector, kind: FactKind, entry: EntryIn, source: str
          ) -> tuple[datetime | None, bool]:
    try:
        when, date_only, no_zone = parse_when(entry.date)
        if when is not None:
            check_years(when, out.rules.earliest_year, out.rules.latest_year, "date")
    except ValueError as exc:
        out.warn(f"{source}: {exc}; the date was ignored")
        return None, False
    if when is None:
        return None, False
    if no_zone:
        out.warn("times without a time zone were read as UTC")
    if when > out.at and not (kind == "procedure" and entry.status == "planned"):
        out.warn(f"{source}: date {entry.date} is after the assessment time "
                 f"{out.at:%Y-%m-%d %H:%M} UTC; the date was ignored")
        return None, False
    return when, date_only


def _sites(out: _Collector, entry: EntryIn, source: str) -> tuple[str, ...]:
    found: list[str] = []
    ignored = {w.casefold() for w in out.rules.site_words_ignored}
    for site in entry.sites():
        words = [w for w in re.split(r"[\s,]+", site) if w.casefold() not in ignored]
        cid = out.lexicon.concept_id_for(" ".join(words)) if words else None
        if cid is None or out.lexicon.get(cid).type != "anatomy":
            out.warn(f"{source}: site {site!r} is not in the lexicon; it was not used")
            continue
        if cid not in found:
            found.append(cid)
    return tuple(found)
