"""Map the patient's entries to lexicon concepts: codes first, then display text, never a guess.

Codes are looked up in the code tables of the systems EHRs use
(`osteon.assess.codes`: SNOMED CT, ICD-10-CM and ICD-10-PCS families, CPT,
RxNorm, LOINC; ICD-9-CM, OPS, NCSP and ATC), then in the lexicon. A lexicon code
marked `confirmed: false` (seen in public data, not checked at its source) is taken
only when the entry's text agrees or is absent — public value sets disagree on some
ids, so codes AND display text are matched. Failing codes, the texts are matched with
`osteon.assess.display` (word order, side and dose words aside). Every fact says
how it was mapped (`PatientFact.how`). What maps to nothing goes to `not_recognised`.
Dates in the future (other than planned procedures) are dropped with a warning.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from osteon.assess.codes import checked_tables, code_tables
from osteon.assess.display import (
    DisplayMatch,
    display_rules,
    match_display,
    may_name,
    remembered_when_short,
    spelt_out,
    strip_tag,
    words,
)
from osteon.assess.notes import (
    PLANNED,
    NoteFinding,
    NoteText,
    clause_date,
    planned_cue,
    planned_day,
    postoperative_day,
    read_notes,
    waits_on_something,
)
from osteon.assess.operation_names import joint_named
from osteon.assess.patient_json import MAX_AGE, EntryIn, LabIn, PatientIn
from osteon.assess.records import (
    NOT_PRESENT,
    PAST_STATUSES,
    CodeRef,
    FactKind,
    NotRecognised,
    Patient,
    PatientFact,
)
from osteon.assess.rules import AssessRules
from osteon.assess.timeparse import check_years, local_day, parse_when
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import Concept
from osteon.reading.terms import explicit_forms

LAB_DERIVED = "lab result"
"""`matched_by` of a finding made from a lab value (high ALP): not a symptom, not an onset."""

CONTENT_KINDS = frozenset({"finding", "lab"})
"""Kinds whose entries' texts are their content (an exam's value, a report's conclusion)."""

ENTRY_NAMED_KINDS = frozenset({"condition", "finding"})
"""The kinds of fact read from an entry's own name that are labelled with that whole name
(an operation keeps the words that name it: the name may list several)."""

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
        self.unread: list[NotRecognised] = []
        """Entries without a concept whose texts are still to be read."""
        self.notes: list[NoteText] = []
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def build_patient(raw: PatientIn, lexicon: Lexicon, rules: AssessRules, at: datetime
                  ) -> Patient:
    """The patient as the engine sees it: concepts, dates in UTC, what was not recognised."""
    checked_tables(lexicon)
    out = _Collector(lexicon, rules, at)
    for message in raw.warnings:
        out.warn(message)
    for attr, kind in LISTS:
        for index, entry in enumerate(getattr(raw, attr)):
            _add_entry(out, kind, entry, entry.source or f"{attr}[{index}]")
    _add_notes(out, raw)
    _paralysis_of_other_causes(out)
    _prior_to_surgery(out)
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
    if years > MAX_AGE:
        out.warn(f"birth_date {raw.birth_date} gives an age of {years}: age left unknown")
        return None
    return years


@dataclass(frozen=True, slots=True)
class Mapped:
    """The concept an entry stands for, and how that was found (shown on the report)."""

    concept: str
    matched_by: str
    """code, code family, display (a code's display text), text (the entry's own text)."""
    how: str
    site: str | None = None
    laterality: str | None = None
    display: str | None = None
    """The code table's wording, a label for an entry that carries no text of its own."""


def _add_entry(out: _Collector, kind: FactKind, entry: EntryIn, source: str) -> None:
    codes = tuple(CodeRef(c.system, c.code, c.display) for c in entry.codes)
    label = entry.text or next((c.display for c in codes if c.display), None) or (
        f"{codes[0].system} {codes[0].code}")
    mapped = concept_for(out, kind, entry.text, codes, source)
    status = entry.status
    if mapped is None and (mapped := _drug_therapy(out, kind, codes, source)) is not None:
        # "Long term (current) use of NSAID" on the problem list: the medicine, taken
        kind, status = "medication", "stopped" if status in ("resolved", "history") else status
    if mapped is None:
        _queue_texts(out, kind, entry, NotRecognised(kind, label, codes, source, status))
        return
    concept = mapped.concept
    if not entry.text and not any(c.display for c in codes) and mapped.display:
        label = mapped.display
    when, date_only = _when(out, kind, entry, source)
    ended, end_date_only = _end(out, entry, source, when)
    how = mapped.how
    if (severe := _severe_kind(out.lexicon, concept, entry.severity)) is not None:
        concept, how = severe, f"{how}; severe, as its severity says ({entry.severity})"
    if concept in _kinds_of(out.lexicon, out.rules.target):
        if status in ("resolved", "history"):
            concept = out.rules.history_concept  # HO in the past is a risk factor, not HO now
    sites = _sites(out, entry, source)
    if mapped.site and mapped.site not in sites:
        sites = (*sites, mapped.site)
    laterality = mapped.laterality or _laterality(entry)
    if status == PLANNED and kind == "procedure" and entry.text and _weighed_up(
            out, entry.text, mapped.concept):
        status, how = "possible", f"{how}; possible: its own text weighs it up, unbooked"
    fact = PatientFact(kind, concept, label, when, date_only, ended, end_date_only, sites,
                       status, matched_by=mapped.matched_by, source=source, how=how,
                       laterality=laterality,
                       displays=tuple(dict.fromkeys(c.display for c in codes
                                                    if c.display and c.display != label)))
    if isinstance(entry, LabIn):
        fact = PatientFact(**{**_fields(fact), "value": entry.value, "unit": entry.unit,
                              "high": entry.is_high()})
        finding = out.rules.high_lab_findings.get(concept)
        if fact.high and finding:
            out.facts.append(fact)
            fact = PatientFact("finding", finding, f"{label} above its reference range", when,
                               date_only, sites=(), status="active", matched_by=LAB_DERIVED,
                               source=source,
                               how=f"{label} above its reference range")
    out.facts.append(fact)
    out.notes += [NoteText(n, f"{source} note", when, date_only, status,
                           skip=frozenset({mapped.concept}), day=local_day(entry.date),
                           observed=kind in CONTENT_KINDS, status_kinds=_remarked(status))
                  for n in entry.notes]


_SEVERE = re.compile(r"^\s*(?:very\s+)?severe\b", re.IGNORECASE)


def _severe_kind(lexicon: Lexicon, concept: str, severity: str | None) -> str | None:
    """The severe kind of a concept a record's severity names, if the lexicon has one.

    "Flame burns 19 % TBSA" with the severity "Severe": the severe burn. A mild or a
    moderate one, and a concept with no severe kind, stay as they are.
    """
    if not severity or not _SEVERE.match(severity) or concept not in lexicon:
        return None
    severe = lexicon.concept_id_for(f"severe {lexicon.get(concept).name}")
    return severe if severe and severe != concept and lexicon.is_a(severe, concept) else None


def _weighed_up(out: _Collector, text: str, concept: str) -> bool:
    """Whether an order's own name hedges the operation it orders.

    A draft order "Artroscopia do quadril direito (reparo labral) - a considerar se falha
    do tratamento conservador", "Hip arthroscopy, if symptoms persist" is an operation
    someone may do, not one booked: possible, as the same words in a note make it, so that
    no risk of the operation and no prophylaxis window come of it.
    """
    found = read_notes([NoteText(text, "order", status=PLANNED)], out.lexicon)
    return any(f.concept == concept and f.status == "possible" for f in found)


REMARK_CALLED_OFF = frozenset({"procedure", "medication"})
"""What a remark on an entry called off or ruled out calls off with it."""


def _remarked(status: str) -> frozenset[str] | None:
    """The kinds of fact an entry's remarks take its status for (None: all of them).

    An order called off or a condition ruled out (absent) calls off the procedures and
    medicines its remarks name; a disease or a finding they name is as they say it.
    """
    return REMARK_CALLED_OFF if status == "absent" else None


def _queue_texts(out: _Collector, kind: FactKind, entry: EntryIn, unknown: NotRecognised
                 ) -> None:
    """An entry without a concept: its texts to read, or `not_recognised` if it has none.

    A clinician's own words naming the entry (its text, where it is no code's display:
    "R radial head fx" on a code osteon does not know) are read (for the kinds its list
    may hold); a terminology display only where a known concept is most of it
    ("Gonorrhea infection test" is no infection); a measurement's name ("Pain severity
    score") never. An entry with a name or display to read counts as recognised only when
    that gives a fact: its notes are read as well, but a note does not stand for the entry
    ("Fall from bike" under "R radial head fx" on an unknown code), so the entry is still
    listed as not recognised — nothing is dropped silently. An observation's value and a
    report's text are its content: they stand for it.
    """
    codes, source = unknown.codes, unknown.source
    allowed = frozenset(out.rules.entry_types.get(kind, []))
    cover = out.rules.display_min_cover
    shown = {c.display.casefold() for c in codes if c.display}
    own = entry.text and kind != "lab" and entry.text.casefold() not in shown and (
        not codes or _may_name_any(entry.text, out.lexicon, allowed))
    name = [entry.text] if own else []
    displays = list(dict.fromkeys(t for t in (entry.text, *(c.display for c in codes))
                                  if t and t not in name and codes and kind != "lab"
                                  and may_name(t, out.lexicon, allowed, cover)))
    if not name and not displays and not entry.notes:
        out.unknown.append(unknown)
        return
    out.unread.append(unknown)  # listed unless reading its name finds something
    when, date_only = _when(out, kind, entry, source)
    # an observation's or report's text is its content; a condition's, procedure's or
    # medicine's notes only remark on what its name says
    noted = source if kind in CONTENT_KINDS else f"{source} note"
    seen = kind in CONTENT_KINDS
    # an allergy's name ("NSAIDs (indomethacin, ibuprofen)") names what the patient reacts
    # to: the medicines read there are allergies, never medicines taken
    given = "allergy" if kind == "allergy" else None
    sites = _known_sites(out, entry)
    ended, end_date_only = _end(out, entry, source, when)
    # the entry's own name, then its codes' displays (a display must cover enough of its
    # words: `cover`; the name asks no cover)
    out.notes += [NoteText(t, source, when, date_only, entry.status, ended, end_date_only,
                           types=allowed, min_cover=least, observed=seen, medicine_as=given,
                           sites=sites)
                  for texts, least in ((name, 0.0), (displays, cover)) for t in texts]
    out.notes += [NoteText(t, noted, when, date_only, entry.status, day=local_day(entry.date),
                           observed=seen, status_kinds=_remarked(entry.status))
                  for t in entry.notes]


def _add_notes(out: _Collector, raw: PatientIn) -> None:
    """Facts read from free text: the record's notes and entries' texts and notes."""
    free: set[str] = set()  # the record's own notes, as against entries' names and remarks
    for index, note in enumerate(raw.notes):
        source = note.source or f"notes[{index}]"
        when, date_only = _moment(out, note.date, source, "date")
        if when is not None and when > out.at:
            out.warn(f"{source}: date {note.date} is after the assessment time; "
                     "the date was ignored")
            when, date_only = None, False
        out.notes.append(NoteText(note.text, source, when, date_only,
                                  day=local_day(note.date) if when is not None else None))
        free.add(source)
    found = read_notes(out.notes, out.lexicon) if out.notes else []
    # an entry's name stands for it only where it says what the entry is: "Kolonisation der
    # Atemwege mit Enterobacter (airway colonisation) - keine Infektion" names only what the
    # patient does not have, so the entry itself is still listed as not recognised (an
    # observation's or a report's text is its finding: "no HO" on an x-ray is what it found)
    read_from = {f.note.source for f in found
                 if f.status != "absent" or f.note.status == "absent" or f.note.observed}
    out.unknown += [u for u in out.unread if u.source not in read_from]
    seen = {(f.concept, f.status, f.source) for f in out.facts}
    # the operations each text names (each once, however often it names it)
    operations = Counter(note for note, _ in {(id(f.note), f.concept) for f in found
                                               if f.kind == "procedure"})
    for finding in found:
        concept, status = finding.concept, finding.status
        target = out.rules.target
        if concept in _kinds_of(out.lexicon, target) and status in ("resolved", "history"):
            concept = out.rules.history_concept
        source = finding.note.source
        if (concept, status, source) in seen:
            continue
        seen.add((concept, status, source))
        cue = "" if status == finding.note.status else f"; {status}"
        when, date_only = finding.note.when, finding.note.date_only
        days = postoperative_day(finding.clause, concept, out.lexicon)
        written = finding.note.day or (when.date() if when is not None else None)
        if days is not None and written and when is not None \
                and status in ("active", *PAST_STATUSES) \
                and not planned_cue(finding.clause, finding.label):
            # (not "… single 7 Gy on POD1 (booked Fri)" after an operation still to come)
            day = datetime.combine(written - timedelta(days=days), time(), UTC)
            cue = (f"; postoperative day {days} in the text of {written:%Y-%m-%d}: "
                   f"done on {day:%Y-%m-%d}")
            when, date_only, status = day, True, "active"
        elif finding.kind == "procedure" and status == "active" and (
                planned := planned_cue(finding.clause, finding.label)):
            # "consulted re XRT": to come, not done; undated (the text's date is no plan's);
            # "if it still limits the knee: discuss excision" waits on something
            waits = waits_on_something(finding.clause)
            day = None if waits else planned_day(finding.clause, written)
            cue = (f"; {'possible' if waits else 'planned'} (\u201c{planned}\u201d), "
                   + _plan_dated(day))
            when, date_only = _plan_time(day)
            status = "possible" if waits else "planned"
        elif finding.kind == "procedure" and finding.waits:
            # "excision later if function stays limited": a plan that waits on something
            cue = "; possible: a plan that waits on something, no date given"
            when, date_only = None, False
        elif status == PLANNED and finding.note.status != PLANNED:
            # listed under the text's "Plan:": to come, undated (the text's date is no plan's)
            # unless the clause gives the plan's own day ("Plan: R THA 17/04/2031")
            day = planned_day(finding.clause, written)
            cue = "; planned (listed in the text's plan), " + _plan_dated(day)
            when, date_only = _plan_time(day)
        elif finding.kind == "procedure" and finding.note.observed and when is not None \
                and status == "active":
            # "R THA in good position" on today's x-ray: the prosthesis is seen today, the
            # operation was before; dated at the x-ray it would open a window after surgery
            cue = (f"; seen in a result of {written:%Y-%m-%d}: done before it, its own date "
                   "is not known")
            when, date_only = None, False
        elif finding.kind == "condition" and status == "active" and when is not None and (
                onset := _listed_onset(out, concept, when)) is not None:
            # "SCI clinic exam" of today, the injury listed with its onset 7 months ago: the
            # same condition named again, not a new one; dated at the text it would be the
            # latest injury and move every window counted from it
            cue = (f"; named in a text of {written:%Y-%m-%d}: the record's own onset "
                   f"({onset:%Y-%m-%d}) stands")
            when, date_only = None, False
        elif status in ("active", *PAST_STATUSES) and when is not None \
                and finding.kind != "medication" and not _also_denied(finding, found) \
                and (own := clause_date(finding.clause, when.date(),
                                        finding.label)) is not None:
            # "R ankle ORIF 2011 (bimalleolar fx)" in today's note: the fracture is of 2011;
            # dated at the note it would be an injury of today and a risk now, and undated
            # ("healed") a past one of unknown age
            own_day, shown = own
            cue += f"; the text dates it {shown} (written {written:%Y-%m-%d})"
            when, date_only = datetime.combine(own_day, time(), UTC), True
        elif finding.kind == "procedure" and status == "active" and when is not None \
                and not finding.note.names_its_entry \
                and (listed := _listed_procedure(out, concept, when, free)) is not None:
            # "Procedure: L reverse total shoulder replacement" in the next morning's ward
            # round, "R TSA Wed 09/04" in a pre-op letter: the operation the record lists,
            # named again; dated at the text it would be a second one, done when the text
            # was written, and move the window counted from it (an entry's own name, read
            # as text, is that entry, dated by it: "Réduction sanglante et reprise :
            # conversion en prothèse totale de hanche" is the revision of its own day)
            cue = (f"; named in a text of {written:%Y-%m-%d}: the record's own entry "
                   f"({listed.status}, {_day(listed)}) stands")
            when, date_only, status = listed.when, listed.date_only, listed.status
        elif status in PAST_STATUSES and cue and when is not None \
                and finding.note.status not in PAST_STATUSES:
            # "s/p R THA" in today's note: the operation was before the note, not at its
            # time; dated at the note it would be the latest operation and move the window
            # (a resolved entry's own name, "History of concussion … (1968)", keeps the
            # entry's date, as the entry read from its code does)
            listed = _listed_past(out, concept)
            if listed is not None:
                # "united old femoral neck fracture" on today's x-ray, the record listing a
                # femoral neck fracture of 2026: that one, not one of unknown age
                cue += (f", before the text's date ({written:%Y-%m-%d}): the record's own date "
                        f"of it ({listed:%Y-%m-%d}) stands")
                when, date_only = listed, True
            else:
                cue += (f", before the text's date ({written:%Y-%m-%d}): its own date is not "
                        "known")
                when, date_only = None, False
        if finding.kind == "procedure" and when is None and status in ("active", PLANNED) \
                and (off := _called_off(out, concept)) is not None:
            # "62M for L TKA (first case)" in the pre-op note of a case the record itself
            # says was cancelled: the operation the text names as booked was not done
            cue = f"; the record says it was called off ({off.source}): not done"
            status = "absent"
        # an entry's own name keeps the entry's end where it keeps its start
        own_period = finding.note.names_its_entry and when == finding.note.when
        # a condition read from an entry's own name, as the entry states it, is labelled
        # with that name, as one read from its code is: "nerve injury" alone hides which
        # nerve was hurt in "V.a. Läsion des N. axillaris", and "contusion" which organ; what
        # the name says otherwise (an active fracture's "no nerve injury") keeps its words
        # ... and so is an operation an entry's name names alone ("Offene Reposition und
        # McLaughlin-Plastik … Schulter RECHTS": which operation, on which side), where a
        # name that lists several ("ORIF and THA") keeps each one's own words
        label = (finding.note.text if finding.note.names_its_entry
                 and (finding.kind in ENTRY_NAMED_KINDS
                      or (finding.kind == "procedure"
                          and operations.get(id(finding.note), 0) == 1))
                 and finding.status == finding.note.status else finding.label)
        out.facts.append(PatientFact(
            finding.kind, concept, label, when,  # type: ignore[arg-type]
            date_only, finding.note.ended if own_period else None,
            finding.note.end_date_only if own_period else False,
            sites=finding.sites or finding.note.sites, status=status,
            matched_by="note",
            source=source, laterality=finding.laterality, read_in=finding.clause,
            how=f"read from the text \u201c{finding.clause}\u201d{cue}"))



def _also_denied(finding: NoteFinding, found: list[NoteFinding]) -> bool:
    """Does the same clause also deny what it names ("'HO L hip' entry: 2021 XR reread, no HO")?

    Its year then dates a record being corrected, not the finding.
    """
    return any(f.concept == finding.concept and f.clause == finding.clause
               and f.note is finding.note and f.status == "absent" for f in found)


def _paralysis_of_other_causes(out: _Collector) -> None:
    """A paraplegia or tetraplegia the record gives another cause: paralysis, no cord injury.

    The lexicon files both under spinal cord injury (in an HO record most are a cord
    injury's). Where the record names a brain injury, a stroke or a disease of the
    peripheral nerves (rules.yaml `paralysis_causes`) and no cord injury of its own (a
    code, or words, for the cord itself), "spastic quadriparesis" is that cause's, and read
    as a cord injury it would bring what the sources say of one.
    """
    rule, lexicon = out.rules.paralysis_causes, out.lexicon
    if rule is None:
        return

    def cord_paralysis(fact: PatientFact) -> bool:
        return lexicon.is_a(fact.concept, rule.paralysis) and lexicon.is_a(fact.concept,
                                                                           rule.cord)

    present = [f for f in out.facts if f.kind in ("condition", "injury")
               and f.status not in NOT_PRESENT]
    if any(lexicon.is_a(f.concept, rule.cord) and not cord_paralysis(f) for f in present):
        return
    brain = next((f for f in present if any(lexicon.is_a(f.concept, c) for c in rule.other)),
                 None)
    if brain is None:
        return
    name = lexicon.get(rule.paralysis).name
    out.facts = [replace(f, concept=rule.paralysis,
                         how=f"{f.how}; read as {name}: the record names {brain.label} "
                             "and no spinal cord injury")
                 if cord_paralysis(f) else f for f in out.facts]


def _called_off(out: _Collector, concept: str) -> PatientFact | None:
    """The record's own entry saying an operation named in a text was not done, or None.

    A Procedure `not-done` or an order revoked (read as absent) for the same operation (or
    a narrower one: "total knee arthroplasty" called off, "knee replacement" in the note),
    with no entry of it done, planned or in the past besides: an undated mention of it in
    a note (the booking, "for L TKA") is the operation that was called off. An operation
    rebooked or done after all has an entry of its own; a broader entry absent ("no
    surgery") does not unsay a named operation.
    """
    lexicon = out.lexicon

    def same(fact: PatientFact) -> bool:
        return lexicon.is_a(fact.concept, concept)

    listed = [f for f in out.facts if f.kind == "procedure" and f.matched_by != "note"
              and same(f)]
    if any(f.status != "absent" for f in listed):
        return None
    return next(iter(listed), None)


def _listed_past(out: _Collector, concept: str) -> datetime | None:
    """The date the record gives a past condition a text names again undated, or None.

    The same concept, a kind of it or the broader one, resolved or history, dated.
    """
    dated = [f.when for f in out.facts
             if f.kind in ("condition", "injury") and f.status in PAST_STATUSES
             and f.when is not None and (out.lexicon.is_a(f.concept, concept)
                                         or out.lexicon.is_a(concept, f.concept))]
    return min(dated) if dated else None


def _listed_onset(out: _Collector, concept: str, when: datetime) -> datetime | None:
    """The onset of a listed condition a text's mention of `concept` names again, or None.

    Listed: from an entry, not read from text; named again: the same concept or a kind of
    it, dated no later than the text.
    """
    dated = [f.when for f in out.facts
             if f.kind in ("condition", "injury") and f.matched_by not in ("note", "derived")
             and f.status == "active" and f.when is not None and f.when <= when
             and out.lexicon.is_a(f.concept, concept)]
    return min(dated) if dated else None


NAMED_AGAIN_DAYS = 14
"""Days around a text within which an operation the record lists is the one it names again
(this admission's, booked or done); "surgery" in today's note is no THA of 2011."""
SAME_NAME_AGAIN_DAYS = 60
"""... and within which one the text names by its own name is: a transfer summary retells the
admission's operations ("Cesárea perimortem. Histerectomía subtotal por CID." four weeks on,
the record listing the hysterectomy of that night)."""


def _listed_procedure(out: _Collector, concept: str, written: datetime, free: set[str]
                      ) -> PatientFact | None:
    """The operation a text's undated mention of `concept` names again, or None.

    Listed: an entry of the record (its code, or its own name read as text: "L proximal
    femoral resection-interposition arthroplasty (Castle procedure)"), not a free text
    (`free`: the record's notes) nor an entry's remark, done or planned, dated within
    `NAMED_AGAIN_DAYS` of the text (`SAME_NAME_AGAIN_DAYS` when named by its own name);
    named again: the same operation, a kind of it ("surgery" for the booked TSA) or a
    broader name of it; the latest such entry when there are several.
    """
    lexicon = out.lexicon
    near, same = timedelta(days=NAMED_AGAIN_DAYS), timedelta(days=SAME_NAME_AGAIN_DAYS)
    listed = [f for f in out.facts
              if f.kind == "procedure" and f.matched_by != "derived"
              and f.source not in free and not f.source.endswith(" note")
              and f.status in ("active", PLANNED) and f.when is not None
              and abs(f.when - written) <= (same if f.concept == concept else near)
              and (lexicon.is_a(f.concept, concept) or lexicon.is_a(concept, f.concept))]
    return max(listed, key=lambda f: f.when) if listed else None


def _plan_dated(day: date | None) -> str:
    """How a plan read from a text is dated, for its fact's `how`."""
    return f"the text dates it {day:%Y-%m-%d}" if day else "no date given"


def _plan_time(day: date | None) -> tuple[datetime | None, bool]:
    """(when, date only) of a plan: the day the text gives it, or none.

    The text's own date is when it was planned, not when it will be done.
    """
    return (datetime.combine(day, time(), UTC), True) if day else (None, False)


def _day(fact: PatientFact) -> str:
    """A fact's date as a report writes it: the day, with the time where it is known."""
    return f"{fact.when:%Y-%m-%d}" if fact.date_only else f"{fact.when:%Y-%m-%d %H:%M %Z}"


def _prior_to_surgery(out: _Collector) -> None:
    """HO recorded before the patient's latest operation is a previous HO for that operation.

    Brooker IV HO since 2016, excised with a revision arthroplasty yesterday: the sources'
    "those who have previously experienced HO" are at high risk of new bone after this
    operation. The record says it as present HO, so the history the risk rules look for
    is added, saying what it was made from (HO itself stays as recorded).
    """
    rules, lexicon = out.rules, out.lexicon
    operations = [f for f in out.facts if f.kind == "procedure" and f.when is not None
                  and f.status in ("active", "planned") and lexicon.is_a(f.concept, "surgery")]
    if not operations or any(f.concept == rules.history_concept for f in out.facts):
        return
    latest = max(operations, key=lambda f: f.when)  # type: ignore[arg-type,return-value]
    assert latest.when is not None
    before = [f for f in out.facts if f.kind == "condition" and f.status == "active"
              and f.concept in _kinds_of(lexicon, rules.target)
              and f.when is not None and f.when < latest.when]
    if not before:
        return
    first = min(before, key=lambda f: f.when)  # type: ignore[arg-type,return-value]
    on = f"{latest.when:%Y-%m-%d}"
    out.facts.append(PatientFact(
        "condition", rules.history_concept, f"{first.label} (before the operation of {on})",
        first.when, first.date_only, sites=first.sites, status="history",
        matched_by="derived", source=first.source, laterality=first.laterality,
        how=f"HO recorded ({first.when:%Y-%m-%d}) before {latest.label} ({on}): a previous "
            "HO for that operation"))


@lru_cache(maxsize=8)
def _kinds_of(lexicon: Lexicon, concept: str) -> frozenset[str]:
    """A concept and every concept below it (a Lexicon never changes once built)."""
    return frozenset({concept, *lexicon.descendants(concept)})


def _fields(fact: PatientFact) -> dict:
    return {name: getattr(fact, name) for name in PatientFact.__slots__}


def _laterality(entry: EntryIn) -> str | None:
    sides = {words(site)[1] for site in entry.sites()} - {None}
    return sides.pop() if len(sides) == 1 else "bilateral" if sides else None


def concept_for(out: _Collector, kind: FactKind, text: str | None, codes: tuple[CodeRef, ...],
                source: str) -> Mapped | None:
    """The entry's concept: code tables, then the lexicon's codes, then its texts; or None.

    A code the lexicon marks unconfirmed is taken only when the entry's texts agree
    or are absent: public value sets disagree on some ids.
    """
    lexicon, allowed = out.lexicon, out.rules.entry_types.get(kind, [])
    medication = kind in ("medication", "allergy")
    texts = [spelt_out(t) for t in (text, *(c.display for c in codes)) if t]
    by_text = next((m for m in (match_display(t, lexicon, allowed, medication=medication)
                                for t in texts) if m is not None), None)
    tables = code_tables()
    refused, verified = _verify(out, codes, source)
    found: list[Mapped] = []
    for code in codes:
        hit = None if code in refused else tables.lookup(code.system, code.code)
        if hit is None or lexicon.get(hit.concept).type not in allowed:
            continue
        if not _table_code_agrees(out, hit.concept, hit.entry.display, texts, by_text,
                                  medication, hit.entry.site):
            refused.add(code)
            out.warn(f"{source}: {code.system} {code.code} ({hit.entry.display}) disagrees "
                     f"with its text {texts[0]!r}: the code was not used")
            continue
        side = hit.entry.laterality or next(
            (s for s in (words(t)[1] for t in texts) if s), None)
        concept, how = hit.concept, hit.how + verified.get(code, "")
        narrower = lexicon.by_code(code.system, code.code)  # S72.0… hip fracture < S72 femur
        if narrower is not None and narrower.id != concept and narrower.type in allowed \
                and lexicon.is_a(narrower.id, concept):
            concept, how = narrower.id, f"{how}; narrower in the lexicon: {narrower.name}"
        found.append(Mapped(concept, "code family" if hit.family else "code", how,
                            hit.entry.site, side,
                            f"{hit.entry.display} ({hit.system} {hit.code})"))
    if found:
        # the narrowest of the entry's codes: a burn coded T22.3 (the arm), T24.3 (the leg)
        # and T31.2 (20-29 % of the body) is the severe burn the last one says
        return next(m for m in found if not any(
            o.concept != m.concept and lexicon.is_a(o.concept, m.concept) for o in found))
    for code in codes:
        concept = None if code in refused else _lexicon_by_code(lexicon, code)
        if concept is None or concept.type not in allowed:
            continue
        how = f"{code.system} {code.code} (lexicon code: {concept.name})" + verified.get(code, "")
        side = by_text.laterality if by_text else None
        if _lexicon_by_code(lexicon, code, confirmed_only=True) is not None:
            return Mapped(concept.id, "code", how, laterality=side)
        if by_text is None and not texts:
            out.warn(f"{source}: {code.system} {code.code} is not confirmed at its source; "
                     f"read as {concept.name}: check it")
            return Mapped(concept.id, "code", how + "; not confirmed at its source")
        if by_text is not None and (lexicon.is_a(by_text.concept, concept.id)
                                    or lexicon.is_a(concept.id, by_text.concept)):
            return Mapped(concept.id, "code", f"{how}; its text agrees: {by_text.how}",
                          laterality=side)
        if _display_agrees(concept, code, texts):
            return Mapped(concept.id, "code", f"{how}; its display agrees", laterality=side)
        out.warn(f"{source}: {code.system} {code.code} (unconfirmed, {concept.name}) "
                 f"disagrees with its text {texts[0]!r}: the code was not used")
    if by_text is not None:
        from_display = text is None or by_text.text != text
        return Mapped(by_text.concept, "display" if from_display else "text",
                      ("display " if from_display else "") + by_text.how,
                      site=by_text.site, laterality=by_text.laterality)
    return None


def _drug_therapy(out: _Collector, kind: FactKind, codes: tuple[CodeRef, ...], source: str
                  ) -> Mapped | None:
    """The medicine a condition's code says the patient takes long-term, or None.

    ICD-10-CM codes a drug therapy as a status ("Z79.1 Long term (current) use of
    non-steroidal anti-inflammatories (NSAID)"), and many problem lists carry it so, with
    no medication entry: a code table entry naming a drug for such a code is that medicine.
    Only a code table's entry counts (a condition's words never name a medicine taken).
    """
    if kind != "condition":
        return None
    tables, allowed = code_tables(), out.rules.entry_types.get("medication", [])
    refused, verified = _verify(out, codes, source)
    for code in codes:
        hit = None if code in refused else tables.lookup(code.system, code.code)
        if hit is not None and out.lexicon.get(hit.concept).type in allowed:
            return Mapped(hit.concept, "code family" if hit.family else "code",
                          hit.how + verified.get(code, ""),
                          display=f"{hit.entry.display} ({hit.system} {hit.code})")
    return None


def _lexicon_by_code(lexicon: Lexicon, code: CodeRef, *, confirmed_only: bool = False
                     ) -> Concept | None:
    """The lexicon's concept for a code; a national modification's code by its category.

    The WHO's ICD-10 (Europe, Asia, Oceania) and its national modifications (ICD-10-GM)
    share their three-character categories with ICD-10-CM (M16 osteoarthritis of the hip,
    G00 bacterial meningitis); below them they part ways, so such a code is read at its
    category only (the code table names these variants: `variant_uris`). A system that
    writes them behind a letter of its own (Denmark's SKS: "DS822") is read the same way,
    the letter dropped.
    """
    reading = code_tables().read_as(code.system, code.code)
    if reading is not None and reading[2]:
        table, own, _ = reading
        category = table.category(own)
        found = lexicon.by_code(table.system, category, confirmed_only=confirmed_only) \
            if category else None
        return found or _same_below_category(lexicon, table.system, replace(code, code=own),
                                             confirmed_only)
    return lexicon.by_code(code.system, code.code, confirmed_only=confirmed_only)


def _same_below_category(lexicon: Lexicon, system: str, code: CodeRef, confirmed_only: bool
                         ) -> Concept | None:
    """A variant's code below its category, where its display is the lexicon code's own.

    WHO ICD-10 N39.0 "Urinary tract infection, site not specified" is ICD-10-CM N39.0 word for
    word; its category N39 ("Other disorders of urinary system") names no one condition.
    """
    concept = lexicon.by_code(system, code.code, confirmed_only=confirmed_only)
    if concept is None or not code.display:
        return None
    wanted = code.code.strip().upper()
    return concept if any(
        c.code.upper() == wanted and c.display
        and c.display.casefold() == code.display.strip().casefold()
        for c in concept.codes) else None


def _verify(out: _Collector, codes: tuple[CodeRef, ...], source: str
            ) -> tuple[set[CodeRef], dict[CodeRef, str]]:
    """Codes checked in their system's maintained list: those it lacks, and notes for the rest.

    A code the list lacks (a typo, a retired or invented code) is reported as
    unverified and not used; the entry's text may still name the concept.
    """
    tables = code_tables()
    refused: set[CodeRef] = set()
    notes: dict[CodeRef, str] = {}
    for code in codes:
        known = tables.verified(code.system, code.code)
        if known is None:
            continue
        read_in = tables.table_of_code(code.system, code.code)
        assert read_in is not None and read_in[0].verified_by is not None
        table, national = read_in
        if known:
            what = "its category" if national else "the code"
            notes[code] = f"; {what} verified in the {table.verified_by} code list"
            continue
        refused.add(code)
        out.warn(f"{source}: {code.system} {code.code} is not in the {table.system} code list "
                 f"({table.verified_by}): unverified, the code was not used")
    return refused, notes


def _table_code_agrees(out: _Collector, concept: str, display: str, texts: list[str],
                       by_text: DisplayMatch | None, medication: bool,
                       site: str | None = None) -> bool:
    """A table code stands unless the entry's text names something else.

    The text agrees when it names the code's concept (or a broader or narrower one),
    shares a word with the table's display or the concept's names, holds a word the
    lexicon knows as a broader or narrower concept ("fx" on a radial head fracture code),
    or names the body site the code itself names ("CMN R hip", chart shorthand for a
    nail, on a code for the fixation of an upper femur at the hip); a text with none of
    these ("appendectomy" on a hip replacement code) means one of the two is wrong.

    A text in another language (display.yaml `foreign_words`: "Dislocerad
    lårbenshalsfraktur höger", "Brûlures 18 % SCT: thorax, jambe G") that names no concept
    but body sites the code does not contradict names nothing else: the lexicon does not
    hold that language, so the code stands. An English word osteon does not know
    ("appendectomy") still refutes it.
    """
    if not texts:
        return True
    if by_text is not None:
        return (out.lexicon.is_a(by_text.concept, concept)
                or out.lexicon.is_a(concept, by_text.concept))
    known = _known_words(out.lexicon, concept, display, medication)
    said = {w for t in texts for w in words(t, medication=medication)[0]}
    if not known.isdisjoint(said) or any(_spelt_otherwise(w, known) for w in said):
        return True
    named = [c for t in texts for w in _TOKEN.findall(t) for c in out.lexicon.lookup(w)]
    sites_named = [c for c in named if c.type == "anatomy"]
    if len(sites_named) == len(named) and (site is None or not sites_named) \
            and any(display_rules().foreign(t) for t in texts):
        return True
    if site is not None and any(c.type == "anatomy" and (out.lexicon.is_a(c.id, site)
                                                         or out.lexicon.is_a(site, c.id))
                                for c in named):
        return True
    return any(out.lexicon.is_a(c.id, concept) or out.lexicon.is_a(concept, c.id)
               for c in named)


SPELLING_MIN_LENGTH = 7
"""Words this long that differ by one letter are one word spelt two ways ("enoxaparine",
"enoxaparin"); shorter words one letter apart may be different words."""


ENDING_MAX_LENGTH = 2
"""Letters a word may end in beyond a long shared stem and still be the same word with
another ending: a record in another language writes the code's own term with that
language's ending ("arthroplastie" for arthroplasty, "coxarthrose" for coxarthrosis)."""


def _spelt_otherwise(word: str, known: frozenset[str]) -> bool:
    """Whether `word` is a known word misspelt by a letter, or with another ending.

    One letter added, dropped or changed; or the known word's long stem with another
    language's ending (at most two letters either side: "arthroplastie").
    """
    if len(word) < SPELLING_MIN_LENGTH:
        return False
    return any(len(k) >= SPELLING_MIN_LENGTH and (
        (abs(len(k) - len(word)) <= 1 and Levenshtein.distance(word, k, score_cutoff=1) <= 1)
        or _same_stem(word, k)) for k in known)


def _same_stem(a: str, b: str) -> bool:
    """Whether two long words share all but their last few letters ("-ie" and "-y")."""
    stem = len(os.path.commonprefix([a, b]))
    return (stem >= SPELLING_MIN_LENGTH and len(a) - stem <= ENDING_MAX_LENGTH
            and len(b) - stem <= ENDING_MAX_LENGTH)


def _may_name_any(text: str, lexicon: Lexicon, allowed: frozenset[str]) -> bool:
    """Whether any lexicon name or abbreviation of an allowed type is in the text.

    A cheap test (no reading pipeline) before a coded entry's own words are read: a
    record coded throughout with texts naming nothing osteon knows never loads it.
    """
    text = spelt_out(text)
    return may_name(text, lexicon, allowed, 0.0) or any(
        c.type in allowed for w in _TOKEN.findall(text) for c in lexicon.lookup(w))


_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9/-]*")
"""A word as written, case kept: a chart's shorthand ("fx") is a lexicon abbreviation."""


@lru_cache(maxsize=1024)
def _known_words(lexicon: Lexicon, concept: str, display: str, medication: bool
                 ) -> frozenset[str]:
    """The words of a code table's display and of its concept's names (THA too)."""
    names = [display, *(t for t, _, _ in explicit_forms(lexicon.get(concept)))]
    return frozenset(w for name in names for w in words(name, medication=medication)[0])


def _display_agrees(concept: Concept, code: CodeRef, texts: list[str]) -> bool:
    """True when the entry's text is the display the lexicon records for this very code."""
    listed = {strip_tag(c.display).casefold() for c in concept.codes
              if c.display and c.code.upper() == code.code.upper()}
    return any(strip_tag(t).casefold() in listed for t in texts)


def _when(out: _Collector, kind: FactKind, entry: EntryIn, source: str
          ) -> tuple[datetime | None, bool]:
    when, date_only = _moment(out, entry.date, source, "date")
    if when is not None and when > out.at and not (kind == "procedure"
                                                   and entry.status in (PLANNED, "absent")):
        out.warn(f"{source}: date {entry.date} is after the assessment time "
                 f"{out.at:%Y-%m-%d %H:%M} UTC; the date was ignored")
        return None, False
    return when, date_only


def _end(out: _Collector, entry: EntryIn, source: str, start: datetime | None
         ) -> tuple[datetime | None, bool]:
    """The period's end; one before its start is ignored with a warning."""
    end, date_only = _moment(out, entry.end, source, "end")
    if end is not None and start is not None and (
            end.date() < start.date() if date_only else end < start):  # a day means all of it
        out.warn(f"{source}: end {entry.end} is before its start {entry.date}; "
                 "the end was ignored")
        return None, False
    return end, date_only


def _moment(out: _Collector, value: str | None, source: str, what: str
            ) -> tuple[datetime | None, bool]:
    try:
        when, date_only, no_zone = parse_when(value)
        if when is not None:
            check_years(when, out.rules.earliest_year, out.rules.latest_year, what)
    except ValueError as exc:
        out.warn(f"{source}: {exc}; the {what} was ignored")
        return None, False
    if no_zone:
        out.warn("times without a time zone were read as UTC")
    return when, date_only


def _sites(out: _Collector, entry: EntryIn, source: str) -> tuple[str, ...]:
    """The entry's body sites as concepts; one the lexicon does not name is warned of."""
    named = _site_concepts(out, entry)
    for site, cid in named:
        if cid is None:
            out.warn(f"{source}: site {site!r} is not in the lexicon; it was not used")
    return _known(named)


def _known_sites(out: _Collector, entry: EntryIn) -> tuple[str, ...]:
    """The entry's body sites the lexicon names (no warning: its name is still to be read)."""
    return _known(_site_concepts(out, entry))


def _known(named: list[tuple[str, str | None]]) -> tuple[str, ...]:
    """The concepts of (site text, concept) pairs, each once, in order."""
    return tuple(dict.fromkeys(cid for _, cid in named if cid))


def _site_concepts(out: _Collector, entry: EntryIn) -> list[tuple[str, str | None]]:
    ignored = tuple(out.rules.site_words_ignored)
    return [(site, _site_concept(site, out.lexicon, ignored)) for site in entry.sites()]


@remembered_when_short
def _site_concept(site: str, lexicon: Lexicon, ignored: tuple[str, ...]) -> str | None:
    """The anatomy concept a body site's text names, or None (remembered, as display matches)."""
    folded = {w.casefold() for w in ignored}
    kept = [w for w in re.split(r"[\s,]+", site) if w.casefold() not in folded]
    cid = lexicon.concept_id_for(" ".join(kept)) if kept else None
    if cid is None or lexicon.get(cid).type != "anatomy":  # "Structure of right thigh"
        hit = match_display(site, lexicon, ["anatomy"])
        cid = hit.concept if hit else None
    # a joint in another language's words ("Ellenbogen rechts", "Alalõug vasakul")
    cid = cid if cid is not None else joint_named(site, lexicon)
    glossed = GLOSS.search(site)
    if cid is None and glossed:  # "Dorso de la mano derecha (Hand structure)": its code's words
        return _site_concept(glossed.group(1), lexicon, ignored)
    return cid


GLOSS = re.compile(r"\(([^()]+)\)\s*$")
"""A site's text ending with its code's display in brackets (fhir.py writes them so)."""
