"""One item per intervention, test or condition, the most pressing first.

The knowledge base keeps "Physical therapy prevents HO" and "Physical therapy may
prevent HO" apart (one is asserted, one hedged); a clinician reading a report wants
one item with both pieces of evidence, the stronger first. Within a rule's items,
an open deadline comes first, then what touches this patient's own record, then
belief. Rule order (data/assess/rules.yaml) is kept between rules: a differential
comes before the tests that tell it apart.

The report's deadlines ("Radiation therapy: within 24–48 hours of surgery — by …,
28 h from now") are taken from the prophylaxis windows still open.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from osteon.ask.records import ConflictNote
from osteon.assess.records import Deadline, Item
from osteon.assess.timing import deadline_sentence

URGENT = ("open", "closing", "not_started")
"""Window statuses a clinician can still act on, most pressing first."""
_POLARITY_RANK = {"asserted": 0, "hedged": 1, "negated": 2}


def merge_twins(items: list[Item]) -> list[Item]:
    """Items saying the same thing (subject, predicate, object) asserted and hedged, as one.

    The strongest stays the item; the others' statements go to `also`, their timings,
    notes and matched facts join it, and the "certainty" conflicts between the twins go
    (they are now side by side).
    """
    groups: dict[tuple[str, str, str, bool], list[Item]] = {}
    order: list[tuple[str, str, str, bool]] = []
    for item in items:
        key = (item.subject, item.predicate, item.object, item.polarity == "negated")
        if key not in groups:
            order.append(key)
        groups.setdefault(key, []).append(item)
    out = []
    for key in order:
        group = groups[key]
        if len(group) == 1:  # no twin (most items)
            out.append(group[0])
            continue
        group = sorted(group, key=lambda i: (_POLARITY_RANK.get(i.polarity, 3), -i.belief))
        first, rest = group[0], group[1:]
        twins = {i.text for i in group}
        out.append(replace(
            first,
            also=first.also + tuple(i.statement for i in rest),
            figures=_union(first.figures, *(i.figures for i in rest)),
            matched=_union(first.matched, *(i.matched for i in rest)),
            timing=_union(first.timing, *(i.timing for i in rest)),
            notes=_union(first.notes, *(i.notes for i in rest)),
            conflicts=_other_sides(c for c in _union(first.conflicts,
                                                     *(i.conflicts for i in rest))
                                   if not (c.kind == "certainty" and c.sides[1].text in twins))))
    return out


def _union(*parts: tuple) -> tuple:
    return tuple(dict.fromkeys(x for part in parts for x in part))


def _other_sides(conflicts: Iterable[ConflictNote]) -> tuple[ConflictNote, ...]:
    """One note per opposing statement: twins opposed by the same sentence show it once.

    "Prophylaxis is not effective" opposes both "NSAIDs prevent HO" and "NSAIDs may
    prevent HO"; once the twins are one item, the strongest twin's note is kept.
    """
    out: dict[tuple[str, str], ConflictNote] = {}
    for note in conflicts:
        out.setdefault((note.kind, note.sides[1].text), note)
    return tuple(out.values())


def rank(items: list[Item], own: frozenset[str] = frozenset(),
         beside: frozenset[str] = frozenset()) -> list[Item]:
    """Within each rule, the most pressing and most personal first; rule order kept.

    `own`: the patient's own concepts (an item about "total hip arthroplasty" comes before
    one about "surgery" that merely covers it). Items of the `beside` rules go right after
    the item about the same subject ("NSAIDs increase bleeding" after "NSAIDs prevent HO").
    """
    rules = list(dict.fromkeys(i.rule for i in items if i.rule not in beside))
    ordered = [item for rule in rules
               for item in sorted((i for i in items if i.rule == rule),
                                  key=lambda i: _pressing(i, own))]
    for extra in (i for i in items if i.rule in beside):
        at = max((n for n, i in enumerate(ordered)
                  if i.subject == extra.subject and i.rule not in beside), default=None)
        if at is None:
            ordered.append(extra)
            continue
        while at + 1 < len(ordered) and ordered[at + 1].rule in beside:
            at += 1
        ordered.insert(at + 1, extra)
    return ordered


def _pressing(item: Item, own: frozenset[str]) -> tuple[int, int, int, float]:
    urgent = min((URGENT.index(w.status) for w in item.timing if w.status in URGENT),
                 default=len(URGENT))
    personal = (0 if item.subject in own or item.object in own
                else 1 if item.matched or item.notes else 2)
    return urgent, personal, _POLARITY_RANK.get(item.polarity, 3), -item.belief


def deadlines(items: list[Item], names: dict[str, str], at: datetime,
              already: str = "already done") -> tuple[Deadline, ...]:
    """Open prophylaxis windows, soonest first, one per intervention.

    Each says its latest bound and the time left (`timing.deadline_sentence`, the one
    sentence the report and the CDS card both give).
    """
    found: dict[str, Deadline] = {}
    for item in items:
        for window in item.timing:
            if window.status not in URGENT or window.end is None:
                continue
            what = names.get(item.subject, item.subject.replace("_", " "))
            if item.subject not in found or window.end < found[item.subject].window.end:
                sentence = deadline_sentence(what, window, at)
                done = [n for n in item.notes if n.startswith(already)]
                if done:  # radiation given before the operation: said with its window
                    sentence += f" ({'; '.join(done)})"
                found[item.subject] = Deadline(what, window, sentence)
    return tuple(sorted(found.values(), key=lambda d: d.window.end))  # type: ignore[arg-type]
