"""Typed records of the assess stage: the patient as osteon understood it, and the assessment.

Input (JSON or FHIR) is first mapped to a `Patient`: every entry becomes a
`PatientFact` tied to a lexicon concept, or lands in `not_recognised` — never a
guess. The engine then hands back an `Assessment` whose every `Item` carries the
cited statements it rests on, so a renderer or the CDS Hooks service only
formats; it never decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Literal

from osteon.ask.records import ConflictNote, Statement
from osteon.assess.sections import sections
from osteon.errors import DataFileError

FactKind = Literal["condition", "procedure", "injury", "finding", "lab", "medication",
                   "allergy"]
NOT_PRESENT = frozenset({"absent", "possible"})
"""Statuses of facts read as negated ("no ankle edema") or hedged ("possible HO"): shown on
the record, never a trigger for advice."""
PAST_STATUSES = frozenset({"history", "resolved"})
"""Statuses of facts the record calls over ("history of …", "s/p", a resolved condition): a
cue in a text gives them to what happened before the text was written, so the text's date is
not the event's."""
SECTIONS: tuple[str, ...] = tuple(sections())
"""Assessment sections, in report order (the JSON keys besides patient, not_recognised,
warnings): data/assess/sections.yaml."""


@dataclass(frozen=True, slots=True)
class CodeRef:
    """A terminology code as the input gave it."""

    system: str
    code: str
    display: str | None = None


DONE = frozenset({"active", "history"})
"""Statuses of a procedure already done (at its date, or before an undated "s/p")."""


@dataclass(frozen=True, slots=True)
class PatientFact:
    """One thing known about the patient, mapped to a lexicon concept."""

    kind: FactKind
    concept: str
    label: str
    """What the input called it (display text or the concept's name)."""
    when: datetime | None = None
    """Onset, procedure time, lab time or medication start, timezone-aware (UTC)."""
    date_only: bool = False
    """True when the input gave a day without a time: deadlines are then approximate."""
    ended: datetime | None = None
    """The end of a period (performedPeriod.end: when the operation finished), UTC."""
    end_date_only: bool = False
    sites: tuple[str, ...] = ()
    """Anatomy concept ids (thigh, hip, ...)."""
    status: str = "active"
    """active, resolved, history, planned (a procedure not done yet), stopped."""
    value: float | None = None
    unit: str | None = None
    high: bool | None = None
    """For labs: above the reference range (None: the input does not say)."""
    matched_by: str = "code"
    """code, code family, display (a code's display text), text, note (read from free text)
    or lab result: how the concept was found."""
    source: str = ""
    """Where it came from (a FHIR resource id or a JSON path), for the clinician to check."""
    how: str = ""
    """The mapping in words: which code of which system and table, or which text met which
    name ("SNOMED CT 52734007 (code: Total replacement of hip; source: …)")."""
    laterality: str | None = None
    """left, right or bilateral, from the code, the display or the site."""
    read_in: str = ""
    """The clause of free text it was read from: what its name drops ("transtibial
    amputation" is read as an amputation; the clause still says where)."""
    displays: tuple[str, ...] = ()
    """Its codes' wordings besides the label: a coded operation's text may leave out what
    its code's display says ("Ostéosynthèse diaphysaire des deux os de l'avant-bras": at
    the shafts, at no joint)."""

    @property
    def wordings(self) -> tuple[str, ...]:
        """Every wording of the fact the record gives: label, codes' displays, note clause."""
        return tuple(dict.fromkeys(w for w in (self.label, *self.displays, self.read_in) if w))


@dataclass(frozen=True, slots=True)
class NotRecognised:
    """An input entry osteon could not map to a concept: shown, never guessed at."""

    kind: str
    text: str
    codes: tuple[CodeRef, ...] = ()
    source: str = ""
    status: str = "active"
    """The record's status for it (resolved, absent for a refuted one, planned, ...): kept,
    so that "Ossifying fibroma (refuted)" is not shown as a condition the patient has."""


@dataclass(frozen=True, slots=True)
class Patient:
    """The patient as the assessment sees it."""

    id: str | None
    age: int | None
    sex: str | None
    facts: tuple[PatientFact, ...]
    not_recognised: tuple[NotRecognised, ...] = ()
    warnings: tuple[str, ...] = ()

    def of_kind(self, *kinds: str) -> list[PatientFact]:
        """Facts of these kinds the record states as present (not absent, not possible)."""
        return [f for f in self.present() if f.kind in kinds]

    def present(self) -> list[PatientFact]:
        """Facts the record does not negate or hedge: only these may trigger advice."""
        return [f for f in self.facts if f.status not in NOT_PRESENT]


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """A source's timing made concrete for this patient (or said to be impossible to)."""

    text: str
    """The timing as the source writes it ("within 24–48 hours of surgery")."""
    relation: str | None
    anchor: str | None
    anchor_event: str | None = None
    """The patient's event the timing counts from ("total hip arthroplasty")."""
    anchor_time: datetime | None = None
    start: datetime | None = None
    end: datetime | None = None
    status: str = "unknown"
    """open, closing, passed, not_started, in_window, before_window, after_window, unknown."""
    summary: str = ""
    """One line for the clinician ("deadline 2025-03-11 09:30 UTC to 2025-03-12 09:30 UTC")."""
    date_only: bool = False
    """The event it counts from has a day but no time: the bounds are approximate."""


@dataclass(frozen=True, slots=True)
class Item:
    """One thing the assessment says, with its evidence and what in the patient triggered it."""

    rule: str
    """The rule (data/assess/rules.yaml) that produced it."""
    text: str
    statement: Statement
    """The assertion as a cited statement (at least one citation, always)."""
    predicate: str
    subject: str
    object: str
    belief: float
    polarity: str
    figures: tuple[str, ...] = ()
    matched: tuple[str, ...] = ()
    """The patient facts that made this item apply ("total hip arthroplasty, 2025-03-10")."""
    timing: tuple[TimeWindow, ...] = ()
    conflicts: tuple[ConflictNote, ...] = ()
    notes: tuple[str, ...] = ()
    """Patient-specific remarks (already taking it, an allergy to its class, ...)."""
    also: tuple[Statement, ...] = ()
    """The same said with less certainty ("may prevent" beside "prevents"), cited."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """A window still open, as one sentence for the top of the report."""

    what: str
    window: TimeWindow
    sentence: str


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything osteon can say about one patient, each item cited."""

    patient: Patient
    at: datetime
    risk_factors: tuple[Item, ...] = ()
    prophylaxis: tuple[Item, ...] = ()
    surveillance: tuple[Item, ...] = ()
    differential: tuple[Item, ...] = ()
    treatment: tuple[Item, ...] = ()
    cautions: tuple[Item, ...] = ()
    warnings: tuple[str, ...] = ()
    disclaimer: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    deadlines: tuple[Deadline, ...] = ()
    """Open prophylaxis windows, soonest first: what a clinician must act on now."""

    def section(self, name: str) -> tuple[Item, ...]:
        if name not in SECTIONS:
            raise KeyError(name)
        return getattr(self, name)

    def items(self) -> list[Item]:
        return [i for name in SECTIONS for i in self.section(name)]


_UNKNOWN = [name for name in SECTIONS if name not in {f.name for f in fields(Assessment)}]
if _UNKNOWN:
    raise DataFileError("data/assess/sections.yaml", _UNKNOWN[0],
                        "the assessment has no such section (assess/records.py)")
