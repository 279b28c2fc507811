"""Cards from an assessment: what a clinician sees in the EHR, each card pointing at its evidence.

One card per section that has something to say (risk, prophylaxis with its
deadline, surveillance, differential, cautions), so a patient with no risk
factors gets no card at all: nothing is flagged that the sources do not
support. Summaries stay under 140 characters; the detail lists every item with
its figures and the sentence it comes from; the source links to osteon's page
for the cited document.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from functools import cache

from osteon.assess.records import Assessment, Deadline, Item
from osteon.assess.rules import assess_rules
from osteon.assess.sections import sections
from osteon.assess.timing import deadline_sentence
from osteon.knowledge.rules import phrasing
from osteon.web.cds.models import Action, Card, Link, Source, Suggestion

SOURCE_LABEL = "osteon: heterotopic ossification evidence"
SUMMARY_MAX = 140
DETAIL_ITEMS = 6
_INDICATOR = {name: s.card.indicator for name, s in sections().items()}
_TITLES = {name: s.card.title for name, s in sections().items()}
_BESIDE_ORDER = frozenset(r.id for r in assess_rules().rules
                          if r.subject in ("patient_injuries", "patient_planned"))
"""Rules whose items are about the patient's own planned or recent procedure: a card says
which ("Applies to: Biopsy soft tissue mass, planned"), the caution sits beside it."""
_QUOTED = frozenset(r.id for r in assess_rules().rules if r.quote)
_RULE_INDICATOR = {r.id: r.indicator for r in assess_rules().rules if r.indicator}
"""Rules whose items make their card more urgent than its section's default."""
_URGENCY = ("info", "warning", "critical")
"""Rules whose items quote their source sentence after the subject's name."""


def cards_for(assessment: Assessment, sections: Sequence[str], base_url: str) -> list[Card]:
    """Cards for the named sections that have items; an open prophylaxis window first.

    The deadline card says what to give by when and the time left, its indicator by
    urgency (critical within a day of the latest bound), and links to the
    full report; the other cards follow in the order given.
    """
    order = list(sections)
    if assessment.deadlines and "prophylaxis" in order:
        order.remove("prophylaxis")
        order.insert(0, "prophylaxis")
    cards = []
    for name in order:
        items = assessment.section(name)
        if items:
            card = _card(name, items, base_url, assessment.disclaimer)
            if name == "prophylaxis" and assessment.deadlines:
                _put_deadline(card, assessment.deadlines[0], assessment.at, base_url)
            cards.append(card)
    return cards


def _put_deadline(card: Card, deadline: Deadline, at: datetime, base_url: str) -> None:
    """The deadline card: the report's deadline sentence, its indicator by urgency."""
    window = deadline.window
    due = window.end  # the latest bound the sources give: the deadline that matters
    assert due is not None
    hours = (due - at).total_seconds() / 3600
    text = (f"{_TITLES['prophylaxis']}: "
            f"{deadline_sentence(deadline.what, window, at, counted=False)}")
    card.summary = text if len(text) <= SUMMARY_MAX else text[:SUMMARY_MAX - 1] + "…"
    card.indicator = ("info" if window.status == "not_started"
                      else "critical" if hours <= 24 else "warning")
    card.detail = f"**{deadline.sentence}**\n\n{card.detail or ''}"
    card.links.append(Link(label="Full assessment in osteon",
                           url=f"{base_url.rstrip('/')}/assess"))


def _card(section: str, items: Sequence[Item], base_url: str, disclaimer: str) -> Card:
    summary = _summary(section, items)
    detail = "\n".join(_detail_line(i) for i in items[:DETAIL_ITEMS])
    if len(items) > DETAIL_ITEMS:
        detail += f"\n- … and {len(items) - DETAIL_ITEMS} more"
    if disclaimer:
        detail += f"\n\n_{disclaimer}_"
    first = items[0].statement.citations[0]
    evidence = f"{base_url.rstrip('/')}/sources/{first.doc}#sentence-{first.sentence}"
    card = Card(uuid=str(uuid.uuid4()), summary=summary, detail=detail,
                indicator=_indicator(section, items),  # type: ignore[arg-type]
                source=Source(label=SOURCE_LABEL, url=evidence),
                links=[Link(label="Evidence in osteon", url=evidence)])
    if section == "prophylaxis":
        card.suggestions = [_suggestion(i) for i in items[:3]
                            if i.polarity == "asserted" and i.predicate == "prevents"]
        card.selectionBehavior = "at-most-one" if card.suggestions else None
    return card


def _indicator(section: str, items: Sequence[Item]) -> str:
    if section == "prophylaxis" and any(w.status in ("closing",) for i in items
                                        for w in i.timing):
        return "critical"
    raised = [_RULE_INDICATOR[i.rule] for i in items if i.rule in _RULE_INDICATOR]
    return max([_INDICATOR.get(section, "info"), *raised], key=_URGENCY.index)


def _summary(section: str, items: Sequence[Item]) -> str:
    names = list(dict.fromkeys(_short(i) for i in items))
    text = f"{_TITLES[section]}: " + ", ".join(names)
    deadline = next((w.summary for i in items for w in i.timing if w.summary), "")
    if section == "prophylaxis" and deadline:
        text = f"{_TITLES[section]} — {deadline}: " + ", ".join(names)
    return text if len(text) <= SUMMARY_MAX else text[:SUMMARY_MAX - 1].rstrip(" ,:;") + "…"


def _short(item: Item) -> str:
    """The item's other party in a few words (the factor, the drug, the test)."""
    text = item.text
    if item.rule in _QUOTED:  # "Trauma: <the source's sentence>"
        return text.split(": ", 1)[0]
    cuts = [text.find(joiner) for joiner in _joiners() if joiner in text]
    return text[:min(cuts)] if cuts else text


@cache
def _joiners() -> tuple[str, ...]:
    """What stands between a statement's subject and its object ("raises the risk of").

    Read from the ways the knowledge phrases one (data/knowledge/predicates.yaml), so a card
    names the drug or the test however its statement is worded.
    """
    found = {form[len("{s}"):form.index("{o}")] for forms in phrasing().values()
             for form in forms if form.startswith("{s}") and "{o}" in form}
    return tuple(joiner for joiner in found if joiner.strip(" :,"))


def _detail_line(item: Item) -> str:
    parts = [f"- **{item.text}**"]
    if item.figures:
        parts.append(f" ({'; '.join(item.figures)})")
    for window in item.timing:
        if window.summary:
            parts.append(f" — {window.summary}")
    for note in item.notes:  # what the patient already takes, an allergy to its class
        parts.append(f"\n  Patient: {note}")
    if item.rule in _BESIDE_ORDER and item.matched:  # a caution beside the order it is about
        parts.append(f"\n  Applies to: {'; '.join(item.matched)}")
    cite = item.statement.citations[0]
    parts.append(f"\n  > “{cite.quote}” — {cite.title or cite.doc}")
    if item.conflicts:
        parts.append(f"\n  Sources disagree: {item.conflicts[0].explanation}")
    return "".join(parts)


def _suggestion(item: Item) -> Suggestion:
    """Propose the prophylaxis as a draft order the clinician may accept or not."""
    return Suggestion(label=f"Consider: {_short(item)}"[:80], uuid=str(uuid.uuid4()),
                      actions=[Action(type="create", description=item.text, resource={
                          "resourceType": "ServiceRequest", "status": "draft",
                          "intent": "proposal", "code": {"text": _short(item)},
                          "reasonCode": [{"text": "Heterotopic ossification prophylaxis"}],
                          "note": [{"text": item.statement.citations[0].quote}]})])
