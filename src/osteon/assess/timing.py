"""Turn a source's timing into this patient's dates: deadlines and expected windows.

"within 24–48 hours of surgery" with a hip arthroplasty on 10 March at 09:30
becomes a deadline between 11 March 09:30 and 12 March 09:30, and "open",
"closing" (past the earliest bound a source gives) or "passed" at the
assessment time. Which patient event an anchor word means lives in
`data/assess/timing.yaml`; the arithmetic is here, in small functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from osteon.assess.mapping import LAB_DERIVED
from osteon.assess.records import Patient, PatientFact, TimeWindow
from osteon.assess.rules import Anchor as TimingAnchor
from osteon.assess.rules import TimingRules
from osteon.assess.timeparse import shift
from osteon.knowledge.hierarchy import Hierarchy
from osteon.knowledge.records import QualifierValue
from osteon.reading.lexicon import Lexicon

EVENT_KINDS = ("condition", "injury", "procedure")


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a timing counts from: a patient event, or another test's window."""

    label: str
    time: datetime | None = None
    date_only: bool = False
    test: str | None = None
    """A test concept ("an x-ray"): the window is relative to that test's window."""
    planned: bool = False
    """Booked, not yet done."""

    def begun_by(self, at: datetime) -> bool:
        """Whether the event has surely taken place by `at`.

        An operation booked for a day, with no hour, may still be to come all that day: the
        knee washout booked for tomorrow morning, seen at 21:00 the evening before, has not
        begun though its day (counted from midnight UTC) has.
        """
        if self.time is None:
            return True
        return at >= self.time + (_A_DAY if self.planned and self.date_only else timedelta())


_A_DAY = timedelta(days=1)


def anchor_point(text: str, rules: TimingRules) -> str:
    """Which moment (start or end) of a period-long event an anchor word counts from."""
    index = _index(rules)
    point = index.points.get(text)
    if point is None:
        wanted = _norm(text, rules)
        parts = {wanted, *(p.strip() for p in re.split(r"\s+(?:or|and)\s+|,\s*", wanted))}
        point = next((anchor.point for words, anchor in index.anchors if parts & words),
                     "start")
        index.points[text] = point
    return point


def anchor_concepts(text: str, rules: TimingRules, lexicon: Lexicon
                    ) -> list[str] | str | None:
    """Concept ids an anchor names, "onset", or None when it names nothing known.

    The same few anchors ("surgery", "injury") come back on every item of every
    patient: each is read once per lexicon and rules.
    """
    index = _index(rules)
    known = index.concepts.get(text)
    if known is None or known[0] is not lexicon:
        known = index.concepts[text] = (lexicon, _anchor_concepts(text, index, lexicon))
    found = known[1]
    return list(found) if isinstance(found, list) else found


def _anchor_concepts(text: str, index: _Index, lexicon: Lexicon) -> list[str] | str | None:
    wanted = _norm(text, index.rules)
    for words, anchor in index.anchors:
        if wanted in words:
            return anchor.events
    found: list[str] = []
    for part in re.split(r"\s+(?:or|and)\s+|,\s*", wanted):
        part = part.strip()
        if not part:
            continue
        named = next((a.events for words, a in index.anchors if part in words), None)
        if named == "onset":
            return "onset"
        if isinstance(named, list):
            found.extend(named)
            continue
        cid = lexicon.concept_id_for(part)
        if cid is not None:
            found.append(cid)
    return found or None


@dataclass
class _Index:
    """timing.yaml's anchor words normalised once, and each anchor text's reading."""

    rules: TimingRules
    anchors: list[tuple[frozenset[str], TimingAnchor]]
    points: dict[str, str] = field(default_factory=dict)
    concepts: dict[str, tuple[Lexicon, list[str] | str | None]] = field(default_factory=dict)


_INDEXES: dict[int, _Index] = {}
"""By id of the rules; each index holds its rules, so the id is not reused meanwhile."""


def _index(rules: TimingRules) -> _Index:
    index = _INDEXES.get(id(rules))
    if index is None or index.rules is not rules:
        if len(_INDEXES) > 8:  # rules made by tests; the packaged rules are one object
            _INDEXES.clear()
        index = _INDEXES[id(rules)] = _Index(rules, [
            (frozenset(_norm(w, rules) for w in a.words), a) for a in rules.anchors])
    return index


def _norm(text: str, rules: TimingRules) -> str:
    words = text.casefold().split()
    articles = {a.casefold() for a in rules.articles}
    while words and words[0] in articles:
        words = words[1:]
    return " ".join(words)


def resolve_anchor(text: str | None, patient: Patient, at: datetime, rules: TimingRules,
                   lexicon: Lexicon, hierarchy: Hierarchy, target: str) -> Anchor | None:
    """The patient's event a timing counts from (the latest past one; else a planned one)."""
    found = resolve_anchors(text, patient, at, rules, lexicon, hierarchy, target)
    return found[0] if found else None


def resolve_anchors(text: str | None, patient: Patient, at: datetime, rules: TimingRules,
                    lexicon: Lexicon, hierarchy: Hierarchy, target: str,
                    counts: Callable[[PatientFact], bool] | None = None) -> list[Anchor]:
    """The events a timing may count from: the latest past one, then the next one to come.

    A hip replaced in 2021 and the other hip booked for next week: the window after the old
    operation closed years ago, the one after the booked operation is what to plan for.
    The caller takes the first whose window has not passed (`choose_window`). `counts`
    says which events the timing holds after (an operation at a site the care is used for).
    """
    if not text:
        return []
    named = anchor_concepts(text, rules, lexicon)
    if named is None:
        return []
    if named == "onset":
        onset = _onset(patient, hierarchy, target, timedelta(days=rules.onset_span_days))
        return [onset] if onset is not None else []
    tests = [c for c in named if lexicon.get(c).type == "test"]
    events = [f for f in patient.of_kind(*EVENT_KINDS) if f.when is not None
              and any(f.concept in hierarchy.narrower(c) for c in named)
              and (counts is None or counts(f)) and not _called_off(f, patient)]
    if not events:
        return [Anchor(lexicon.get(tests[0]).name, test=tests[0])] if tests else []
    past = [f for f in events if _event_anchor(f).begun_by(at)]
    coming = [f for f in events if f not in past]
    chosen = ([max(past, key=_when)] if past else []) + (
        [min(coming, key=_when)] if coming else [])
    point = anchor_point(text, rules)
    return [Anchor(f"the end of {f.label}", f.ended, f.end_date_only)
            if point == "end" and f.ended is not None else _event_anchor(f) for f in chosen]


def _event_anchor(fact: PatientFact) -> Anchor:
    return Anchor(fact.label, fact.when, fact.date_only, planned=fact.status == "planned")


def _called_off(fact: PatientFact, patient: Patient) -> bool:
    """Whether a planned event is one the record cancelled.

    The same operation, on the same day, is also recorded as not done (a revoked order, a
    cancelled appointment).

    A note's "knee replacement planned for 16.03" is the booking cancelled that morning
    ("intervenția anulată azi dimineață", the order revoked): no window opens from it; the
    rebooked operation, on another day, is what to plan for.
    """
    if fact.status != "planned" or fact.when is None:
        return False
    day = fact.when.date()
    return any(other.concept == fact.concept and other.status == "absent"
               and other.when is not None and other.when.date() == day
               for other in patient.facts)


def choose_window(windows: list[TimeWindow]) -> TimeWindow:
    """The first window not yet passed (else the first): the one a clinician can act on."""
    return next((w for w in windows if w.status not in ("passed", "after_window")), windows[0])


def _when(fact: PatientFact) -> datetime:
    assert fact.when is not None
    return fact.when


def _onset(patient: Patient, hierarchy: Hierarchy, target: str, span: timedelta
           ) -> Anchor | None:
    """The earliest dated current finding of the latest episode, or the target's own onset.

    The episode is what lies within `span` of the latest such fact: "3-4 weeks after
    onset" in a girl with an FOP flare last week counts from the flare, not from the
    hallux valgus her record dates to her birth.
    """
    target_family = hierarchy.narrower(target)
    dated = [f for f in patient.facts if f.when is not None and f.status == "active"
             and f.matched_by != LAB_DERIVED
             and (f.kind == "finding" or f.concept in target_family)]
    if not dated:
        return None
    latest = _when(max(dated, key=_when))
    first = min((f for f in dated if _when(f) >= latest - span), key=_when)
    return Anchor(f"onset ({first.label})", first.when, first.date_only)


def window(value: QualifierValue, anchor: Anchor | None, at: datetime, rules: TimingRules,
           *, relative_to: TimeWindow | None = None) -> TimeWindow:
    """The timing as dates for this patient, with its status at `at`."""
    base = TimeWindow(value.text, value.relation, value.anchor)
    mode = rules.relations.get(value.relation or "")
    hours = rules.hours.get((value.unit or "").rstrip("s"))
    if anchor is None or mode is None or hours is None:
        reason = ("the patient's record has no date for "
                  f"{value.anchor!r}" if value.anchor and anchor is None else
                  "the timing has no unit or relation osteon can compute with")
        return _with(base, summary=f"not computed: {reason}")
    low = value.low if value.low is not None else value.high
    high = value.high if value.high is not None else value.low
    if mode == "earlier":
        return _earlier(base, anchor, low, high, hours, at, relative_to)
    if anchor.time is None:
        return _with(base, anchor_event=anchor.label, summary="not computed: no date")
    if low is None or high is None:
        return _with(base, anchor_event=anchor.label, anchor_time=anchor.time,
                     start=anchor.time, summary=f"from {_fmt(anchor.time, anchor.date_only)} "
                     f"({anchor.label}); the sources give no figure")
    sign = -1 if mode == "before" else 1
    start = _moved(anchor.time, sign * (high if mode == "before" else low), hours)
    end = _moved(anchor.time, sign * (low if mode == "before" else high), hours)
    if start is None or end is None:
        return _with(base, anchor_event=anchor.label, anchor_time=anchor.time,
                     summary=f"not computed: {_OFF_CALENDAR}")
    status = _status(mode, anchor, start, end, at)
    return _with(base, anchor_event=anchor.label, anchor_time=anchor.time, start=start,
                 end=end, status=status, date_only=anchor.date_only,
                 summary=_summary(mode, status, start, end, anchor, at))


def _earlier(base: TimeWindow, anchor: Anchor, low: float | None, high: float | None,
             hours: float, at: datetime, other: TimeWindow | None) -> TimeWindow:
    if other is None or other.start is None or other.end is None or low is None \
            or high is None:
        return _with(base, anchor_event=anchor.label,
                     summary=f"{base.text} (relative: no dated {anchor.label} window here)")
    start, end = _moved(other.start, -high, hours), _moved(other.end, -low, hours)
    if start is None or end is None:
        return _with(base, anchor_event=anchor.label, summary=f"not computed: {_OFF_CALENDAR}")
    status = _status("expected", None, start, end, at)
    return _with(base, anchor_event=anchor.label, start=start, end=end, status=status,
                 date_only=anchor.date_only,
                 summary=_summary("expected", status, start, end, anchor, at))


_OFF_CALENDAR = "the window would fall outside the calendar"


def _moved(moment: datetime, value: float, hours: float) -> datetime | None:
    """`moment` moved by value × hours, None when the sum leaves the calendar."""
    try:
        delta = timedelta(hours=value * hours)
    except (OverflowError, ValueError):  # "within 1e9 years", or a NaN figure
        return None
    return shift(moment, delta)


def _status(mode: str, anchor: Anchor | None, start: datetime, end: datetime,
            at: datetime) -> str:
    if mode == "deadline":
        if anchor is not None and not anchor.begun_by(at):
            return "not_started"
        return "open" if at <= start else "closing" if at <= end else "passed"
    return "before_window" if at < start else "in_window" if at <= end else "after_window"


def _summary(mode: str, status: str, start: datetime, end: datetime, anchor: Anchor,
             at: datetime) -> str:
    approx = anchor.date_only
    span = f"{_fmt(start, approx)} – {_fmt(end, approx)}"
    counted = f"counted from {anchor.label}"
    if anchor.time is not None:
        counted += f" ({_fmt(anchor.time, approx)})"
    if mode == "deadline":
        text = {"not_started": f"window opens with the event: {span}",
                "open": f"by {_fmt(end, approx)}, {from_now(end, at)} "
                        f"(the earliest bound the sources give: {_fmt(start, approx)})",
                "closing": f"by {_fmt(end, approx)}, {from_now(end, at)} "
                           f"(past the earliest bound the sources give, "
                           f"{_fmt(start, approx)})",
                "passed": f"window passed; it closed {_fmt(end, approx)}"}[status]
        return f"{text}, {counted}"
    lead = {"before_window": "expected", "in_window": "now inside the window",
            "after_window": "the window has passed"}[status]
    return f"{lead}: {span}, {counted}"


def from_now(moment: datetime, at: datetime) -> str:
    """The time left until `moment` ("28 h from now", "3.5 days from now")."""
    hours = (moment - at).total_seconds() / 3600
    return f"{hours:.0f} h from now" if hours < 72 else f"{hours / 24:.1f} days from now"


def deadline_sentence(what: str, window: TimeWindow, at: datetime, *,
                      counted: bool = True) -> str:
    """The one deadline sentence every face gives (report, JSON, CDS card).

    "Radiation therapy: within 24–48 hours of surgery — by 2026-11-21 14:00 UTC, 28 h
    from now": the timing as the source states it, then its latest bound (the deadline
    that matters) as an absolute time and the time left; `counted` adds the patient
    event it is counted from. A window that opens with a planned event says so.
    """
    head = f"{what[:1].upper()}{what[1:]}: {window.text}"
    if window.end is None:
        return f"{head} — {window.summary}" if window.summary else head
    approx = window.date_only
    if window.status == "not_started":
        text = f"{head} — by {_fmt(window.end, approx)} if done as planned"
    elif window.status == "passed":
        text = f"{head} — window passed; it closed {_fmt(window.end, approx)}"
    else:
        text = f"{head} — by {_fmt(window.end, approx)}, {from_now(window.end, at)}"
    if counted and window.anchor_event:
        text += f"; counted from {window.anchor_event}"
        if window.anchor_time is not None:
            text += f" ({_fmt(window.anchor_time, approx)})"
    return text


def _fmt(moment: datetime, date_only: bool) -> str:
    if date_only:
        return f"{moment:%Y-%m-%d} (day only: no time given)"
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def _with(base: TimeWindow, **changes: object) -> TimeWindow:
    fields = {name: getattr(base, name) for name in TimeWindow.__slots__}
    fields.update(changes)
    return TimeWindow(**fields)  # type: ignore[arg-type]
