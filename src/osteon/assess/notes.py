"""Free text in a patient's record, read with the reading pipeline's concept recognition.

An Observation whose only content is "warm, swollen right thigh; no foot or ankle
edema" holds two present findings at the right thigh and one absent one. Notes,
Observation values and the text of an entry whose codes name nothing go through
the reading package's `Pipeline` (lexicon mentions and ConText), with clinical
cues from `data/assess/notes.yaml` added ("denies", "possible", "s/p"); a
negated mention becomes an absent finding, a hedged one a possible one, a
historical one history — never a present finding. The pipeline (medspaCy) is
heavy to import, so it is loaded only when a record has text to read, once per
process and lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from osteon.assess.display import MEMO_MAX_CHARS, MEMO_SIZE, display_rules, spelt_out, words
from osteon.assess.operation_names import OperationName, operation_named
from osteon.datafiles import Strict, load_model
from osteon.reading.context_rules import ContextRuleEntry
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import Concept

if TYPE_CHECKING:
    from osteon.reading.pipeline import Pipeline, SentenceAnalysis


class NoteRules(Strict):
    """The whole notes.yaml."""

    clause_breaks: str
    sections: dict[str, str] = {}
    """Headings ("past medical history") → the status of what they list, or skip."""
    kinds: dict[str, str]
    statuses: dict[str, str]
    rules: list[ContextRuleEntry]
    """ConText cues in the reading rules' own format (reading.pipeline.ContextRuleEntry)."""
    postoperative_day: str | None = None
    """A regular expression whose group 1 is the day after surgery a clause says ("POD1")."""
    clause_year: str | None = None
    """A year written in a clause ("R ankle ORIF 2011 (bimalleolar fx)", "Dec 2023"): group 1
    the month's name when one is written, group 2 the year."""
    clause_day: str | None = None
    """... and a day and month without a year ("17/09 excision"), the day first and past 12:
    the last such day before the text dates what the clause lists."""
    clause_full_date: str | None = None
    """... and a full date that says which number is its day ("20-21/05/2028", "2028-05-21")."""
    postoperative_of: list[str] = []
    """The concepts (with their kinds) a postoperative day dates: operations, not therapy."""
    free_text_medicines: list[str] = []
    """Molecules read from free text as medicines: these concepts and their kinds only."""
    conditional_cues: str | None = None
    """A regular expression for words in a clause that make a planned item in it wait on
    something ("… if …", "unless …")."""
    planned_cues: str | None = None
    """A regular expression for words saying what follows is to come ("referred for")."""
    planned_after: str | None = None
    """A regular expression for words after an operation's name saying it is to come
    ("booked for next week"), matched right after the name, across its own words only; its
    group `cue`, when it has one, is the words shown."""
    names_a_thing: str | None = None
    """A regular expression for an operation's participle and the noun it describes ("the
    amputated part", "the operated hip"), matched from the participle: a thing, no plan."""
    negation_prefix: str | None = None
    """A regular expression for the minus sign a chart writes before what was not found
    ("-HS -LOC", "(-)LOC"): read as "no" before the word it is glued to."""
    elision: str | None = None
    """A regular expression for a French article or preposition elided onto the next word
    ("d'ossification"): read with a space after it, so that the word is a word."""
    service_after: str | None = None
    """A regular expression for words right after an operation's name that make it a
    service ("SURGERY CONSULT", "surgery clinic"): no operation the patient had."""
    register_after: str | None = None
    """Words right after any concept that make it a register or a body that collects it
    ("stroke registry", "FOP association"): nothing the patient has."""
    service_before: str | None = None
    """... and for words right before it ("Specialty Dentist in Oral Surgery")."""
    letterhead: str | None = None
    """A regular expression (case-sensitive) for an institution named in a clause in
    capitals: a letterhead, whose operations are departments ("… HOSPITAL - ORAL SURGERY")."""
    stopped_after: str | None = None
    """A regular expression for words after a medicine's name that say it is no longer given
    ("Arcoxia 90 mg stopped"): stopped, as a MedicationStatement's status says it."""
    denied_after: str | None = None
    """A regular expression for a verdict right after a name that denies it ("Concussion -
    NOT (11/2030)", "Cervical fracture - none"): absent."""
    declined_after: str | None = None
    """A regular expression for words right after an operation's name that say it was
    offered and not done, or put off ("TKA offered 'when he's ready'"): possible, not had."""
    plan_kinds: list[str] = []
    """The kinds of fact an item under a heading of planned things may be ("Plan: R THA");
    another kind named there ("monitor for swelling") is no fact."""
    list_join: str | None = None
    """A regular expression for what joins one item of a list to the next ("aspirin AND all
    non-selective NSAIDs (ibuprofen, naproxen)"): an item of the same type joined so to a
    negated one is negated too, however far the cue's scope reached."""
    landmark_before: str | None = None
    """A regular expression for words right before a body part that make it a landmark for
    another ("~10 cm distal to the elbow crease"): no site where the clause names another."""
    look_alikes: str | None = None
    """A regular expression for names whose words name a condition or treatment the patient
    does not have: a service ("referral to trauma and orthopaedics"), an alert ("code
    stroke"), advice ("radiation safety"), a swimmer's stroke, a conditioning regimen."""
    clinician_after: str | None = None
    """A regular expression (case-sensitive) for a title and a name right after an
    abbreviation that make it a clinician's role ("HO Dr Farhan")."""
    clinician_before: str | None = None
    """... and for a name and an opening bracket right before it ("Dr Lim (MO)")."""
    clinician_named: str | None = None
    """... and for the words right before it that make it a person: one who saw the patient
    ("seen by HO"), or a name after a title ("Dr HO Ka-wai")."""


@cache
def note_rules() -> NoteRules:
    return load_model(NoteRules, "assess", "notes.yaml")


def postoperative_day(clause: str, concept: str, lexicon: Lexicon) -> int | None:
    """The postoperative day a clause gives an operation ("s/p R THA POD1": 1), or None."""
    if not any(lexicon.is_a(concept, c) for c in note_rules().postoperative_of):
        return None
    found = _cue("postoperative_day").search(clause)
    return int(found.group(1)) if found else None


def clause_date(clause: str, written: date, mention: str | None = None
                ) -> tuple[date, str] | None:
    """The one day, month or year a clause writes, when clearly before the text was written.

    Returned with how it is shown ("2031-09-17", "2011-05", "2011"). A finding a note
    lists with a date of its own happened then, not when the note was written ("R ankle
    ORIF 2011 (fx)": 2011; "Colles # (Dec 2023)": December 2023; "17/09 excision + STSG" in
    a note of 26 September: 17 September, the last such day before it); two dates in one
    clause tell no finding's, unless one is written right after the `mention` ("Old burn R
    hand 1998 (contracture release 1999)": the release is of 1999). A year alone at least
    `YEAR_ONLY_GAP` years before the text dates it at its January; a more recent one at its
    last day, the latest it can be: "ORIF 2028" in a note of January 2029 may be a month
    old (dated at its January it would read as over a year past), and it is no operation of
    the day the note was written ("состояние после … остеосинтеза (2030)" in November 2031).
    """
    at = clause.find(mention) if mention else -1
    right_after = _RIGHT_AFTER.match(clause, at + len(mention)) if mention and at >= 0 else None
    if right_after and (dated := clause_date(right_after.group(1), written)) is not None:
        return dated
    days = {(int(m.group(1)), int(m.group(2))) for m in _cue("clause_day").finditer(clause)}
    found = {(int(m.group(2)), _MONTHS.get((m.group(1) or "")[:3].lower()))
             for m in _cue("clause_year").finditer(clause)}
    full = {d for m in _cue("clause_full_date").finditer(clause) if (d := _full_date(m))}
    if len(days) + len(found) + len(full) != 1:
        if at > 0 and len(found) > 1 and not days and not full:
            return _story_year(clause[:at], written)
        return None
    if full:
        (day,) = full
        return (day, f"{day:%Y-%m-%d}") if day < written else None
    if days:
        ((day_of_month, month),) = days
        when = _last_before(day_of_month, month, written)
        return (when, f"{when:%Y-%m-%d}") if when is not None else None
    ((year, month),) = found
    if month is not None:
        day = date(year, month, 1)
        return (day, f"{day:%Y-%m}") if day < written.replace(day=1) else None
    if year <= written.year - YEAR_ONLY_GAP:
        return date(year, 1, 1), str(year)
    return (date(year, 12, 31), str(year)) if year < written.year else None


def planned_day(clause: str, written: date | None) -> date | None:
    """The day a plan is for: the one full date the clause writes, on or after `written`.

    "Prothèse totale de genou programmée le 17/04/2031" in a note of March: 17 April 2031.
    A clause with two full dates, or one before it was written, dates no plan.
    """
    if written is None:
        return None
    full = {d for m in _cue("clause_full_date").finditer(clause) if (d := _full_date(m))}
    return next(iter(full)) if len(full) == 1 and min(full) >= written else None


def _story_year(before: str, written: date) -> tuple[date, str] | None:
    """The year a story of several years has reached where a finding is named.

    "Fracture of the right clavicle in 2027 (bike fall), plate fixation, hardware removed in
    2028": the fixation is told under 2027, the last year written before it; it is history,
    never an operation of the day the text was written.
    """
    years = list(_cue("clause_year").finditer(before))
    return clause_date(years[-1].group(0), written) if years else None


def _full_date(match: re.Match[str]) -> date | None:
    """The date a `clause_full_date` match writes, whichever order it is written in.

    None for a day its month lacks ("31/04/2030").
    """
    g = [int(x) if x else 0 for x in match.groups()]
    year, month, day = (g[2], g[1], g[0]) if g[0] else (g[5], g[3], g[4]) if g[3] \
        else (g[6], g[7], g[8]) if g[6] else (g[10], g[9], g[9])
    try:
        return date(year, month, day)
    except ValueError:
        return None


DAY_MONTH_REACH_DAYS = 183
"""How far back a day and month without a year may lie: a note writes one of its own
episode ("17/09 excision" in a note of 26/09); one past this ("17/09" in a note of 10/09)
is more likely a booking than a day of last year, and dates nothing."""


def _last_before(day: int, month: int, written: date) -> date | None:
    """The last day-and-month before `written`, if it exists and lies within reach."""
    for year in (written.year, written.year - 1):
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if when < written:
            return when if (written - when).days <= DAY_MONTH_REACH_DAYS else None
    return None


_RIGHT_AFTER = re.compile(r"\s*[(\[,–-]?\s*(\S+(?:\s+\S+)?)")
"""The one or two words right after a mention, where a date of its own stands."""
YEAR_ONLY_GAP = 2
"""Years a year written alone lies before its text at least, to date what the clause lists."""
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def planned_cue(clause: str, mention: str) -> str | None:
    """The words around `mention` in the clause that say it is to come, or None.

    Before it ("referred for XRT") or after it, in its own part of the clause ("Right THA
    booked for next week", "excision of the elbow HO planned for tomorrow").
    """
    at = clause.find(mention)
    if at >= 0 and _cue("names_a_thing").match(clause, at):
        return None  # "asked for the amputated part to be returned": a thing, no operation
    found = _cue("planned_cues").search(clause, 0, at if at >= 0 else 0)
    if found is None and at >= 0:
        found = _cue("planned_after").match(clause, at + len(mention))
    if found is None:
        return None
    return (found.group("cue") if "cue" in found.re.groupindex else found.group(0)).strip()


def _service(clause: str, mention: str) -> bool:
    """Whether the words around `mention` make it a service, not an operation.

    Right after it ("SURGERY CONSULT"), right before it ("Dentist in Oral Surgery"), or a
    letterhead in capitals naming an institution ("… HOSPITAL - ORAL SURGERY").
    """
    at = clause.find(mention)
    return (_after(clause, mention, "service_after", right_after=True)
            or (at >= 0 and _cue("service_before").search(clause, 0, at) is not None)
            or (not any(c.islower() for c in clause)
                and _cue("letterhead", 0).search(clause) is not None))


def _declined(clause: str, mention: str) -> bool:
    """Whether the words right after `mention` say it was offered, not done ("declined")."""
    return _after(clause, mention, "declined_after", right_after=True)


def _stopped(clause: str, mention: str) -> bool:
    """Whether the words after a medicine's name say it is no longer given ("stopped")."""
    return _after(clause, mention, "stopped_after", right_after=True)


def waits_on_something(clause: str) -> bool:
    """Whether the clause makes a plan in it wait on something: a cue anywhere in it.

    "excision later if function stays limited", "If a painful mass remains after 6-12
    months, excision can be discussed again", "Excision is an option if it keeps limiting
    his riding, but it can recur after excision".
    """
    return _cue("conditional_cues").search(clause) is not None


def _denied(clause: str, mention: str) -> bool:
    """Whether a verdict right after `mention` denies it.

    "Concussion - NOT (11/2030)", "Cervical fracture - none".
    """
    return _after(clause, mention, "denied_after", right_after=True)


def _after(clause: str, mention: str, rule: str, *, right_after: bool) -> bool:
    """Whether the note rule's cue follows `mention` in the clause (right after it, or later)."""
    at = clause.find(mention)
    if at < 0:
        return False
    cue, end = _cue(rule), at + len(mention)
    return (cue.match(clause, end) if right_after else cue.search(clause, end)) is not None


@cache
def _cue(rule: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One note rule's pattern, compiled once (a rule left empty matches nothing)."""
    return re.compile(getattr(note_rules(), rule) or r"(?!)", flags)


def _as_read(clause: str) -> str:
    """The clause as the pipeline reads it.

    A chart's minus sign before a word reads as "no"; an elided French article stands
    apart from its word ("d'ossification" as "d' ossification").
    """
    read = _cue("negation_prefix", 0).sub("no ", spelt_out(clause))
    return _cue("elision", 0).sub(r"\g<0> ", read)


@dataclass(frozen=True, slots=True)
class NoteText:
    """One text to read, with what the facts read from it inherit."""

    text: str
    source: str
    """Where it came from ("Observation/obs-1 valueString", "notes[0]")."""
    when: datetime | None = None
    date_only: bool = False
    status: str = "active"
    ended: datetime | None = None
    """The end of the entry's period, for an entry's own name ("Artrotomía …" performed
    02:30-04:10): a window counted from the operation's end counts from it."""
    end_date_only: bool = False
    skip: frozenset[str] = frozenset()
    """Concepts the entry already stands for: not read again from its own text."""
    types: frozenset[str] | None = None
    """Lexicon types a concept read here may have (an entry's name: its list's types)."""
    min_cover: float = 0.0
    """For a terminology display: the share of its words a mention must exceed ("Primary
    cemented total hip replacement" is a THA; "Documentation of current medications" is no
    drug treatment)."""
    day: date | None = None
    """The calendar day the text was written, in its own time zone ("POD2" counts from it)."""
    observed: bool = False
    """A result's content (an exam's value, a report's conclusion): an operation it names is
    seen there ("R THA in good position"), done some time before, not on the result's day."""
    medicine_as: str | None = None
    """The kind of fact a medicine read here is ("allergy": an allergy list's entry named
    "NSAIDs (indomethacin, ibuprofen)" is an allergy to them, not medicines taken)."""
    sites: tuple[str, ...] = ()
    """The entry's own body sites (a Procedure's bodySite, "Ellenbogen rechts"): where what
    its name says was done, when the name itself names no site."""
    status_kinds: frozenset[str] | None = None
    """The kinds of fact `status` is given to (None: all); the others read as the text
    says. A remark on an order called off ("REVOKED: FOP - no elective extractions") or on
    a condition ruled out ("Excluded on ultrasound: diffuse oedema, no collection") calls
    off what is ordered in it, not the patient's disease or the oedema it saw."""

    def status_of(self, kind: str) -> str:
        """The status a fact of this kind read here has where its clause says none."""
        return self.status if self.status_kinds is None or kind in self.status_kinds \
            else "active"

    @property
    def names_its_entry(self) -> bool:
        """Is the text an entry's own name (its list's types given), not free text?"""
        return self.types is not None


@dataclass(frozen=True, slots=True)
class NoteFinding:
    """A concept read from a clause, with its status, sites and the clause it came from."""

    kind: str
    concept: str
    label: str
    status: str
    sites: tuple[str, ...]
    laterality: str | None
    clause: str
    note: NoteText
    waits: bool = False
    """A plan that waits on something ("excision later if function stays limited"): possible."""


_SOFT_WRAP = re.compile(r"(?<=[^\W\d_])[ \t]*\r?\n[ \t]*(?=[a-zà-öø-ÿ])")
"""A line broken inside a sentence: it ends on a letter and the next begins in lower case
("Pas d'ATCD personnel ni familial / d'ossification hétérotopique"): read as one line."""


def clauses(text: str) -> list[tuple[str, str | None]]:
    """The text cut into clauses (list items and sentences), each with its section's status.

    A line "Past medical history:" (or "# Family history") opens a section whose items
    take the status notes.yaml gives it (history; `skip` for someone else's history) until
    the next heading. A plan written on its heading's line ("Plan: XRT to R hip. New hard
    mass L thigh.") ends with its sentence: what follows is read as the text says it. So
    does a list of what was ruled out ("Excluded: SCI. Fell today") and an allergy list
    written on its heading's line ("Allergies: PCN (rash). Fell today").
    """
    rules = note_rules()
    pattern = re.compile(rules.clause_breaks)
    out: list[tuple[str, str | None]] = []
    section: str | None = None
    text = _ABBREVIATION.sub(lambda m: m.group().replace(".", _KEPT_DOT), _SOFT_WRAP.sub(" ", text))

    def add(piece: str, status: str | None) -> None:
        for n, part in enumerate(_queried(_with_ends(pattern, piece))):
            clause = part.strip(" ,-*•").replace(_KEPT_DOT, ".")
            if n and (minus := _cue("negation_prefix", 0).match(part.lstrip(" ,*•"))):
                clause = minus.group(0) + clause  # "Sling. -LOC": no bullet mid-line
            own = status
            inline = _LABELLED.match(clause) if status is None else None
            if inline and rules.sections.get(_key(inline.group(1))) == ALLERGY:
                own = ALLERGY  # "… stopped (AKI). Allergy: diclofenac": that clause only
            if clause:
                out.append((clause, own))

    for line in text.splitlines() or [text]:
        hashed, labelled = _HASHED.match(line), _LABELLED.match(line)
        if hashed:  # "# Family history"
            section, line = rules.sections.get(_key(hashed.group(1))), ""
        elif labelled:
            name, rest = _key(labelled.group(1)), labelled.group(2)
            if name in rules.sections or not rest.strip():  # "Past medical history:"
                section, line = rules.sections.get(name), rest
                if section in (PLANNED, RULED_OUT) and rest.strip():  # "Plan: XRT. New mass."
                    plan, *after = _SENTENCE_END.split(rest, maxsplit=1)
                    add(plan, section)
                    section, line = None, "".join(after)
                elif section == ALLERGY and rest.strip():  # "Allergies: PCN (rash). Fell."
                    listed, *after = _SENTENCE_END.split(rest, maxsplit=1)
                    add(listed, section)
                    section, line = None, "".join(after)
            else:
                section = None  # "Exam: warm thigh" ends the section and is read whole
        if section is None:
            # a list's label after a sentence of the same line: "Caffey disease. Descartados:
            # osteomielitis, maltrato, osificación heterotópica." rules out its list only
            pending: list[str] = []
            for sentence in _SENTENCE_END.split(line):
                inline = _LABELLED.match(sentence)
                listed = rules.sections.get(_key(inline.group(1))) if inline else None
                if inline and listed in (PLANNED, RULED_OUT) and inline.group(2).strip():
                    add(" ".join(pending), None)
                    pending = []
                    add(inline.group(2), listed)
                else:
                    pending.append(sentence)
            line = " ".join(pending)
        add(line, section)
    return out


_ABBREVIATION = re.compile(r"(?<![\w.])[^\W\d_]\.(?:\s?[^\W\d_]\.)+")
"""Letters each followed by a full stop ("V.a." Verdacht auf, "Z.n." Zustand nach, "i.v.",
"e.g."): one abbreviation, whose full stops end no clause, so "V.a. HO" keeps its hedge."""
_KEPT_DOT = "\u2024"
"""What an abbreviation's full stops are while the text is cut (ONE DOT LEADER, one character,
so no break pattern sees a full stop); they are full stops again in every clause."""


def _with_ends(pattern: re.Pattern[str], text: str) -> list[tuple[str, str]]:
    """The text's clauses, each with the break that ends it ("" for the last)."""
    out, start = [], 0
    for match in pattern.finditer(text):
        out.append((text[start:match.start()], match.group()))
        start = match.end()
    out.append((text[start:], ""))
    return out


def _queried(clauses: list[tuple[str, str]]) -> list[str]:
    """The clauses, each with the query ("?") a break between clauses puts on it.

    A radiologist's list of what a shadow may be queries each item after it ("- ossifications
    hétérotopiques ? myosite ossifiante ? phlébolithes ?"): a "?" ending the text, or one
    before a clause that a "?" ends too, is read with the clause before it. Otherwise it
    queries what follows ("Warm swollen thigh ? HO vs DVT."): the findings stay stated. So
    does each "?" of a list whose first item a "?" opens ("? heterotopic ossification ?
    myositis ossificans ? loose body.", "mass at the talus - ? myositis ossificans ?
    heterotopic ossification ? osteochondroma."): every item is queried.
    """
    parts = [part for part, _ in clauses]
    filled = [i for i, part in enumerate(parts) if part.strip()]
    for i, (part, end) in enumerate(clauses):
        if "?" not in end or not part.strip():
            continue
        after = next((k for k in filled if k > i), None)
        if after is not None and (_OPENED_BY_QUERY.search(parts[i]) or _OPENS.search(parts[i])):
            parts[after] = "? " + parts[after].lstrip()  # "? HO ? MO ? loose body.": each
            continue
        if after is None or "?" in clauses[after][1]:
            parts[i] = parts[i].rstrip() + " ?"
        else:
            parts[after] = "? " + parts[after].lstrip()
    return parts


_OPENED_BY_QUERY = re.compile(r"(?:^|[-–—:«“‘(\[])\s*\?\s*\w")
"""A clause whose (last) item a "?" opens: at its start, or after a dash, a colon or an
opening quotation mark ("densities - ? myositis ossificans")."""
_OPENS = re.compile(r"(?:[-–—:«“‘(\[]|(?<![\w.,;!?])['\"])\s*$")
"""A clause that ends where a list opens (a dash, a colon, an opening quotation mark; a
straight quote where no word or stop stands before it): the "?" after it opens the next
("x-ray: '? myositis ossificans ? heterotopic ossification ? osteochondroma'")."""


MEDICINE_TYPES = frozenset({"drug", "molecule"})
"""Lexicon types of what is given as a medicine (it has no body site in a clause)."""
STOPPED = "stopped"
"""The status of a medicine a text says is no longer given (as FHIR's MedicationStatement)."""
PLANNED = "planned"
"""The status of what a plan lists (notes.yaml `sections`), as an entry's own status says it."""
RULED_OUT = "absent"
"""The status of what an "Excluded:" section lists (notes.yaml `sections`): each item absent;
written on the heading's line, the list ends with its sentence, as a plan's does."""
ALLERGY = "allergy"
"""The section of what an allergy line lists (notes.yaml `sections`): its medicines are
allergies, active whatever the line says of them ("NO NSAIDs"); nothing else is read."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_HASHED = re.compile(r"\s*#+\s*(.+?)\s*:?\s*$")
_LABELLED = re.compile(r"\s*([^\W\d_][^\W\d_ /&-]*(?:[ /&-]+[^\W\d_]+){0,4}?)\s*:\s*(.*)$")
"""A line that opens with a label of a few words in any script ("Allergies:", "Аллергия:")."""


def _key(label: str) -> str:
    return " ".join(label.casefold().split())


def read_notes(notes: list[NoteText], lexicon: Lexicon) -> list[NoteFinding]:
    """Every patient fact the texts state, each with its assertion status."""
    pieces = [(note, clause, section) for note in notes
              for clause, section in clauses(note.text) if section != "skip"]
    if not pieces:
        return []
    rules = note_rules()
    found: list[NoteFinding] = []
    texts = [_as_read(c) for _, c, _ in pieces]
    analyses = _analyses(texts, lexicon)
    work: list[tuple[tuple[NoteText, str, str | None], SentenceAnalysis, OperationName | None]]
    work = [(piece, analysis, None) for piece, analysis in zip(pieces, analyses, strict=True)]
    # an operation in another language's words ("peties endoprotezavimas") is read with the
    # lexicon's names in their place, so that the clause's cues give it its status and site
    retold = [(i, operation) for i, (text, analysis) in enumerate(zip(texts, analyses,
                                                                      strict=True))
              if (operation := _operation_in_other_words(text, analysis, lexicon))]
    if retold:
        work += [(pieces[i], analysis, operation) for (i, operation), analysis in zip(
            retold, _analyses([op.retold(texts[i], lexicon) for i, op in retold],
                              lexicon), strict=True)]
    for (note, clause, section), analysis, operation in work:
        look_alikes = [m.span() for m in _cue("look_alikes").finditer(analysis.text)]
        sites = _sites_in(analysis, lexicon, look_alikes)
        side = words(clause)[1]
        denied = _denied_with_list(analysis, lexicon)
        for mention in analysis.mentions:
            if operation is not None and mention.concept_id != operation.concept:
                continue  # the retold clause's other mentions were read with the clause
            concept = lexicon.get(mention.concept_id)
            kind = rules.kinds.get(concept.type)
            if kind is None or mention.hypothetical or _covered(concept.id, note, lexicon) \
                    or (kind == "medication" and not note.names_its_entry
                        and not _free_text_medicine(concept, lexicon)) \
                    or (note.types is not None and concept.type not in note.types) \
                    or (note.min_cover and _cover(mention.text, clause) <= note.min_cover):
                continue
            if section == ALLERGY:
                if kind == "medication":  # "Allergies: ASPIRIN / NSAIDs - NO NSAIDs"
                    found.append(NoteFinding("allergy", concept.id, mention.text, "active", (),
                                             side, clause, note))
                continue
            if any(start <= mention.start and mention.end <= end
                   for start, end in look_alikes):
                continue  # "referral to trauma and orthopaedics": a service, not a trauma
            if _names_a_side(analysis, mention):
                continue  # "s/p RT THA": the right side, not radiotherapy
            if _names_a_clinician(analysis.text, mention):
                continue  # "HO Dr Farhan": the house officer, not heterotopic ossification
            status = next((rules.statuses[flag] for flag in ("negated", "hedged", "historical")
                           if getattr(mention, flag)), section or note.status_of(kind))
            if mention in denied or _denied(clause, mention.text):
                status = rules.statuses["negated"]  # "avoid aspirin AND all NSAIDs (…)"
            if mention.negated and mention.hedged and _nearer(analysis, mention, "hedged",
                                                               "negated"):
                status = rules.statuses["hedged"]  # "no HO seen - early HO cannot be excluded"
            if status == "active" and _quoted(analysis.text, mention):
                status = rules.statuses["hedged"]  # "the outside 'HO' read is arterial calcium"
            if status == PLANNED and kind not in rules.plan_kinds:
                continue  # "Plan: monitor for swelling", an order's "(heterotopic
                # ossification)": watched for, not had
            if kind == "procedure" and _service(clause, mention.text):
                continue  # "PEDS SURGERY CONSULT": the team, not an operation
            if _after(clause, mention.text, "register_after", right_after=True):
                continue  # "for the regional stroke registry": a register, not a stroke
            waits = (status == PLANNED and waits_on_something(clause)) or (
                kind == "procedure" and _declined(clause, mention.text))
            if waits:
                status = rules.statuses["hedged"]  # "excision later if function stays limited"
            if kind == "medication" and status == "active" and _stopped(clause, mention.text):
                status = STOPPED  # "Arcoxia 90 mg stopped": on the list, not given now
            if kind == "medication" and note.medicine_as:
                kind = note.medicine_as
            label = mention.text if operation is None else operation.words_in(clause)
            found.append(NoteFinding(kind, concept.id, label, status,
                                     sites if concept.type not in MEDICINE_TYPES else (),
                                     side, clause, note,
                                     waits))
    return found


def _sites_in(analysis: SentenceAnalysis, lexicon: Lexicon,
              look_alikes: list[tuple[int, int]]) -> tuple[str, ...]:
    """The body parts a clause puts what it names at, landmarks left out where others remain.

    Not the "hand" of a "hand-sewn anastomosis"; not the elbow of "a forearm mass ~10 cm
    distal to the elbow crease" (an excision there is no operation at the elbow).
    """
    parts = [m for m in analysis.mentions if lexicon.get(m.concept_id).type == "anatomy"
             and not any(start <= m.start and m.end <= end for start, end in look_alikes)]
    landmark = _cue("landmark_before")
    named = [m for m in parts if not landmark.search(analysis.text[:m.start])]
    return tuple(dict.fromkeys(m.concept_id for m in (named or parts)))


def _operation_in_other_words(text: str, analysis: SentenceAnalysis, lexicon: Lexicon
                              ) -> OperationName | None:
    """An operation a clause names in another language's words, or None.

    Only where the clause names none the lexicon knows ("modulinis reversinis navikinis
    peties endoprotezavimas").
    """
    if any(lexicon.get(m.concept_id).type == "procedure" for m in analysis.mentions):
        return None
    return operation_named(text, lexicon)


def _names_a_side(analysis: SentenceAnalysis, mention: Any) -> bool:
    """Is the mention a side word written as an abbreviation right before what it is of?

    Charts write the side before the operation or the part: "s/p RT THA", "Lt elbow
    stiff". "RT" is also radiotherapy's abbreviation, which the lexicon knows; followed at
    once by another thing the note names, it is the side ("RT to the hip" stays radiotherapy).
    """
    sides = display_rules().laterality
    if mention.text.casefold() not in sides:
        return False
    text = analysis.text
    paired = _SIDE_PAIR.match(text, mention.end) or _SIDE_PAIR_BEFORE.search(text, 0,
                                                                             mention.start)
    if paired and paired.group("side").casefold() in sides:
        return True  # "RT and LT full power": both sides
    return any(other.start >= mention.end and not text[mention.end:other.start].strip()
               for other in analysis.mentions if other is not mention)


QUOTES = "'\"‘’“”«»„"


def _quoted(text: str, mention: Any) -> bool:
    """Is the name written in quotation marks ("the outside 'heterotopic ossification' read")?

    A name quoted is the name someone gave it - a report's, a referral's - which the text
    sets apart from its own reading: the patient's is at most a possible one.
    """
    before, after = text[:mention.start].rstrip(), text[mention.end:].lstrip()
    return bool(before and after and before[-1] in QUOTES and after[0] in QUOTES)


def _names_a_clinician(text: str, mention: Any) -> bool:
    """Is the mention a clinician ("HO Dr Farhan", "Dr Lim (MO)", "seen by HO", "Dr HO")?"""
    if not mention.text.isupper():
        return False
    return bool(_cue("clinician_after", 0).match(text, mention.end)
                or _cue("clinician_named", 0).search(text, 0, mention.start)
                or (_cue("clinician_before", 0).search(text, 0, mention.start)
                    and text[mention.end:mention.end + 3].lstrip().startswith(")")))


_SIDE_PAIR = re.compile(r"\s*(?:and|&|/|or|\+)\s*(?P<side>[A-Za-z]{1,5})\b", re.IGNORECASE)
"""A side word joined to the next one ("RT and LT", "R/L")."""
_SIDE_PAIR_BEFORE = re.compile(r"\b(?P<side>[A-Za-z]{1,5})\s*(?:and|&|/|or|\+)\s*$",
                               re.IGNORECASE)
"""... or to the one before ("LT and RT")."""


def _denied_with_list(analysis: SentenceAnalysis, lexicon: Lexicon) -> set[Any]:
    """The mentions a negated item of their list denies too, past its cue's scope.

    "Avoid aspirin AND all non-selective NSAIDs (ibuprofen, naproxen, diclofenac)": the
    cue's few words reach the aspirin, but the NSAIDs and the examples in brackets are
    items of the same list, and the note keeps all of them from the patient. Each item
    joined (notes.yaml `list_join`) to a denied item of the same lexicon type is denied,
    and so is a name before a denied one it is joined to by a slash or a conjunction
    (`BACK_JOINS`: "Head injury and spinal injury not present").
    """
    join = _cue("list_join")
    out: set[Any] = set()
    ordered = sorted(analysis.mentions, key=lambda m: m.start)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if lexicon.get(before.concept_id).type != lexicon.get(after.concept_id).type:
            continue
        if (before.negated or before in out) and not after.negated \
                and join.fullmatch(analysis.text, before.end, after.start):
            out.add(after)
        elif after.negated and not before.negated \
                and analysis.text[before.end:after.start].strip().casefold() in BACK_JOINS:
            # two names of one thing written with a slash ("CVA/stroke RULED OUT"), or two
            # things a verdict after them denies together ("Head injury and spinal injury not
            # present"): a cue that looks back reaches the second, the first is denied with it
            out.add(before)
    return out


BACK_JOINS = frozenset({"/", "and", "or", "nor", "&"})
"""What joins a name to the one after it that a denial after both reaches back to."""


def _nearer(analysis: SentenceAnalysis, mention: Any, one: str, other: str) -> bool:
    """Whether a cue of status `one` over the mention stands nearer than any of `other`.

    Of a negation and a hedge over one mention, the closer says it ("no DVT, likely
    cellulitis": the cellulitis is likely, the DVT is not there; "no HO seen - early HO
    cannot be excluded": the early HO is possible). A cue of `other` right before the
    nearer one turns it ("not likely HO": not there).
    """
    def covering(status: str) -> list[Any]:
        return [cue for cue in analysis.cues if cue.status == status
                and cue.scope_start < mention.end and mention.start < cue.scope_end
                and not (cue.start <= mention.start and mention.end <= cue.end)]

    def gap(cue: Any) -> int:
        return max(cue.start - mention.end, mention.start - cue.end, 0)

    ones, others = covering(one), covering(other)
    if not ones:
        return False
    near = min(ones, key=gap)
    if any(0 <= near.start - o.end <= 1 for o in others):
        return False
    return all(gap(near) < gap(o) for o in others)


def _analyses(texts: list[str], lexicon: Lexicon) -> list[SentenceAnalysis]:
    """The mentions and cues of each clause, in order; a short clause read before: remembered.

    Reading a clause is a pure function of its text and the lexicon, and the clauses that
    reach here recur call after call (an entry's name, a code's display, "no acute
    distress"): the CDS service spent ~0.1 ms of spaCy on each. Those not remembered go
    through the pipeline in one batch; only short ones are kept (`MEMO_MAX_CHARS`), at
    most `MEMO_SIZE` per lexicon, so the memory stays small whatever a caller sends.
    """
    memo = _read_before(lexicon)
    found = {t: memo.get(t) for t in dict.fromkeys(texts)}
    todo = [t for t, analysis in found.items() if analysis is None]
    if todo:
        found.update(zip(todo, note_pipeline(lexicon).analyse_many(todo), strict=True))
        if len(memo) + len(todo) > MEMO_SIZE:
            memo.clear()
        memo.update((t, found[t]) for t in todo if len(t) <= MEMO_MAX_CHARS)
    return [found[t] for t in texts]  # type: ignore[misc]


@lru_cache(maxsize=2)
def _read_before(lexicon: Lexicon) -> dict[str, SentenceAnalysis]:
    """The short clauses read with this lexicon, by text (see `_analyses`)."""
    return {}


def _free_text_medicine(concept: Concept, lexicon: Lexicon) -> bool:
    """A drug, or a molecule notes.yaml names as a medicine in free text (a steroid)."""
    return concept.type != "molecule" or any(
        lexicon.is_a(concept.id, m) for m in note_rules().free_text_medicines)


def _cover(mention: str, clause: str) -> float:
    """The share of the clause's content words the mention holds."""
    whole = set(words(clause)[0])
    return len(set(words(mention)[0]) & whole) / len(whole) if whole else 0.0


def _covered(concept: str, note: NoteText, lexicon: Lexicon) -> bool:
    return any(lexicon.is_a(concept, c) or lexicon.is_a(c, concept) for c in note.skip)


@lru_cache(maxsize=2)
def note_pipeline(lexicon: Lexicon) -> Pipeline:
    """The reading pipeline with the clinical cues added, built once per lexicon."""
    from osteon.reading.pipeline import Pipeline

    return Pipeline(lexicon, note_rules().rules)
