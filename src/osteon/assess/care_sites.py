"""Where a care's time window holds: after an event at a site its sources name for it.

"A dose of 7-8 Gray in a single fraction within 24–48 hours of surgery has been used
successfully. Treatment volumes include the peri-articular region, and can be used for hip,
knee, elbow, shoulder, jaw or in patients after spinal cord trauma." The window is counted
from an operation at one of those sites (or from any operation of a patient with the named
injury), not from a gallbladder or a finger operation. The sites are what the timing's own
sentence, and the sentences right after it that say more about the same care, name; a care
whose sentences name no site holds after any such event, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from osteon.assess.notes import PLANNED
from osteon.assess.records import DONE, Patient, PatientFact, TimeWindow
from osteon.assess.rules import timing_rules
from osteon.knowledge.claim_store import mentions_at
from osteon.knowledge.hierarchy import Hierarchy
from osteon.knowledge.profile import name_of
from osteon.knowledge.records import Fact, QualifierValue
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.lexicon import Lexicon

FOLLOWING = 2
"""Sentences after the timing's own, in its section, that may name where the care is used."""
SITE_TYPES = frozenset({"anatomy"})
INJURY_TYPES = frozenset({"condition"})
"""What a patient may have for the care to hold after an operation at any site."""
LONG_BONE = "long_bone"
"""An operation on a long bone (a tibial nail coded "tibia") may be at the joint one of its
ends makes: the record does not say which end."""
SOFT_TISSUE = "soft_tissue"
"""Muscles and tendons cross joints: where one was operated on does not narrow the site."""
JOINT = "joint"
"""What a mid-bone operation's words may name only to say where the cut is ("below-knee")."""
CARE_TYPES = frozenset({"procedure", "drug"})
"""What a care is: a timing of the condition itself ("weeks after an injury or surgery",
in a sentence naming the muscle it forms in) holds after any event."""


@dataclass(frozen=True, slots=True)
class CareSites:
    """The body sites and the injuries the sources name for a timed care."""

    sites: tuple[str, ...] = ()
    """Anatomy concept ids, in the sources' order."""
    injuries: tuple[str, ...] = ()

    def holds_for(self, event: PatientFact, patient: Patient, hierarchy: Hierarchy,
                  lexicon: Lexicon, generic: frozenset[str] = frozenset()) -> bool:
        """Is the event one the care's window counts from, for this patient?

        Yes for any event of a patient with an injury the sources name ("in patients after
        spinal cord trauma"); else the event must lie at a named site, or a named site within
        it ("tibial plateau" is part of the knee; an operation "of the leg" may be at the
        knee), or on a long bone (`LONG_BONE`) unless its words put it mid-bone (a humeral
        shaft plating is at no joint). An event whose site the record does not give is
        where that day's injury or other operations were (`_injured_at`, `_operated_at`);
        else it counts, unless it is only the `generic` kind of event ("Operation",
        "Surgery") or one done anywhere in the body ("Resección": timing.yaml `anywhere`):
        where it was, nothing says; or its words put it mid-bone ("humeral shaft"). An
        operation on the skin over a site (a skin graft: timing.yaml `on_the_skin`) is at
        none of the sites under it.
        """
        if not self.sites:
            return True
        if event.concept in timing_rules().on_the_skin:
            return False  # a graft over the knees operates on their skin, not on them
        if any(f.concept in hierarchy.narrower(i) for i in self.injuries
               for f in patient.of_kind("condition", "injury")):
            return True
        kin = _twins(event, patient)
        where = _sites_of(event, lexicon) or set().union(*(_sites_of(f, lexicon) for f in kin))
        where -= UNPLACED
        if not where and event.status == PLANNED:  # "revision amputation tomorrow": done since
            kin = _carried_out(event, patient)
            where = set().union(*(_sites_of(f, lexicon) for f in kin)) - UNPLACED
        if not where:
            where = _injured_at(event, patient) or _operated_at(event, patient, lexicon)
        at_an_end = not _mid_bone(event, kin)  # a long bone's ends make the joints
        if not at_an_end:  # "below-knee amputation": the joint only says where the cut is
            where = {s for s in where if s != JOINT and JOINT not in hierarchy.broader(s)}
        if not where:
            return event.concept not in generic | timing_rules().anywhere and at_an_end
        # the most precise site the record gives: a finger operation coded "arm" is at the
        # finger; a muscle or tendon is no such site, it spans joints (a distal biceps repair
        # coded "arm" may be at the elbow)
        where = {s for s in where if not any(
            o != s and s in hierarchy.broader(o) and SOFT_TISSUE not in hierarchy.broader(o)
            for o in where)}
        # a region holding the site ("leg" for the knee) is the site only at a bone's end:
        # a "guillotine amputation R leg below knee" is in the leg, at no knee
        return any(site in hierarchy.broader(s)
                   or (at_an_end and (s in hierarchy.broader(site)
                                      or LONG_BONE in hierarchy.broader(s)))
                   for s in where for site in self.sites)


def care_sites(knowledge: KnowledgeStore, fact: Fact, anchor: str | None) -> CareSites:
    """The sites and injuries named where the sources give the care's timing.

    The sentences of the claims that carry the timing (`anchor`: its event, "surgery"), and
    up to `FOLLOWING` sentences after each, in the same section, that hold a claim about
    the same care ("Treatment volumes … can be used for hip, knee …").
    """
    care = fact.assertion.subject
    if care not in knowledge.lexicon or knowledge.lexicon.get(care).type not in CARE_TYPES:
        return CareSites()
    own = {(c.evidence.doc_id, c.evidence.sentence_idx) for c in fact.claims
           if c.qualifiers.timing is not None and c.qualifiers.timing.anchor == anchor}
    if not own:
        return CareSites()
    after = {(doc, idx + step) for doc, idx in own for step in range(1, FOLLOWING + 1)}
    places = knowledge.sentences(own | after)
    about = {(c.evidence.doc_id, c.evidence.sentence_idx)
             for _, c in knowledge.claims_at(after) if c.subject == care}
    keys = set(own)
    for doc, idx in sorted(own):
        section = places[(doc, idx)].section_path if (doc, idx) in places else None
        for step in range(1, FOLLOWING + 1):
            key = (doc, idx + step)
            place = places.get(key)
            if place is None or place.section_path != section or key not in about:
                break
            keys.add(key)
    lexicon = knowledge.lexicon
    found = mentions_at(knowledge.store, keys)
    named = list(dict.fromkeys(concept for key in sorted(keys) for concept, status in
                               found.get(key, ()) if status != "negated" and concept in lexicon))
    return CareSites(tuple(c for c in named if lexicon.get(c).type in SITE_TYPES),
                     tuple(c for c in named if lexicon.get(c).type in INJURY_TYPES))


def anatomy_named(text: str, lexicon: Lexicon) -> set[str]:
    """The body sites a text names by a word of the lexicon ("Total replacement of right hip")."""
    pattern, ids = _anatomy_forms(lexicon)
    return {ids[m.group(0).casefold()] for m in pattern.finditer(text)} if text else set()


@cache
def _anatomy_forms(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    ids = {form.text.casefold(): form.concept_id for form in lexicon.surface_forms()
           if not form.case_sensitive and form.concept_id in lexicon
           and lexicon.get(form.concept_id).type in SITE_TYPES}
    words = sorted(ids, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE), ids


def elsewhere(value: QualifierValue, sites: CareSites, lexicon: Lexicon) -> TimeWindow:
    """A timing the patient's events do not open: they lie where the care is not used."""
    where = ", ".join(name_of(c, lexicon) for c in sites.sites)
    after = "".join(f" or after {name_of(c, lexicon)}" for c in sites.injuries)
    return TimeWindow(value.text, value.relation, value.anchor,
                      summary=f"not for this patient: the sources give it after {value.anchor} "
                              f"at the {where}{after}; the record places none of the "
                              f"patient's there")


def _sites_of(event: PatientFact, lexicon: Lexicon) -> set[str]:
    """Where the record puts the event: its sites, or a site its words or its concept name.

    A concept whose name names none is at the site its nearest kind's name names (a
    caesarean section is an abdominal operation).
    """
    where = set(event.sites).union(*(anatomy_named(w, lexicon)
                                      for w in (event.label, *event.displays)))
    concept, named = event.concept, set()
    while not named and concept in lexicon:  # "total hip arthroplasty": at the hip
        entry = lexicon.get(concept)
        named = anatomy_named(entry.name, lexicon)
        concept = entry.parents[0] if len(entry.parents) == 1 else ""
    return where | named


UNPLACED = frozenset({"bone"})
"""Sites that place nothing: an operation "on bones" (ICD-9-CM 78.1) may be at any of them."""
INJURY_DAY = 1
"""Days from an injury within which an operation the record gives no site for is taken to be
at the injury's site (an external fixator the day the elbow broke)."""


def _injured_at(event: PatientFact, patient: Patient) -> set[str]:
    """Where the patient was injured shortly before an operation that the record does not place.

    "Other operations on bones (78.12)" on the day of a distal humerus fracture is the
    fixator put on that fracture: emergency orthopaedic surgery follows its injury.
    """
    if event.kind != "procedure" or event.when is None:
        return set()
    return {site for f in patient.of_kind("condition", "injury")
            if f.when is not None and f.status == "active" and f.sites
            and 0 <= (event.when - f.when).days <= INJURY_DAY for site in f.sites}


def _operated_at(event: PatientFact, patient: Patient, lexicon: Lexicon) -> set[str]:
    """Where the other operations of the same day were, when an operation names no site.

    "Fixace 2 šrouby (Scarf)" on the day of a Scarf osteotomy of the foot is that
    osteotomy's fixation: one theatre session, one site. Only where those operations agree
    on one place (several places leave it unknown).
    """
    if event.kind != "procedure" or event.when is None:
        return set()
    day = event.when.date()
    places = {frozenset(_sites_of(f, lexicon) - UNPLACED) for f in patient.facts
              if f is not event and f.kind == "procedure" and f.status == event.status
              and f.when is not None and f.when.date() == day}
    places.discard(frozenset())
    return set(next(iter(places))) if len(places) == 1 else set()


def _mid_bone(event: PatientFact, kin: list[PatientFact]) -> bool:
    """Do the event's words (or its `kin`'s, the same event told elsewhere) put it mid-bone?

    "Open treatment of humeral shaft fracture", "transtibial amputation": a long bone's
    shaft is at neither of the joints its ends make (data/assess/timing.yaml `mid_bone`); a
    shaft's intramedullary nail went in through one of them (`through_an_end`).
    """
    rules = timing_rules()
    return any(rules.mid_bone_in(text) for f in (event, *kin) for text in f.wordings)


def _carried_out(event: PatientFact, patient: Patient) -> list[PatientFact]:
    """The done events of a plan's concept, for a plan whose words place it nowhere.

    A progress note's "revision amputation tomorrow" names no limb; the operation note of
    the next day tells the transradial revision done: the plan was that operation, at its
    site. (A plan that names its site keeps it: a booked through-knee amputation after a
    transtibial one is its own.)
    """
    return [f for f in patient.facts if f is not event and f.concept == event.concept
            and f.status in DONE]


def _twins(event: PatientFact, patient: Patient) -> list[PatientFact]:
    """Other mentions of the same event: of its concept, on its day (or undated either).

    "POD1 s/p L index revision amputation" in a progress note names no finger; the coded
    revision amputation of the same day does: where the one is, the other is too. A plan's
    twins are plans, a done event's done ones: the booked through-knee amputation is not the
    transtibial one an undated operation note tells of.
    """
    def day(fact: PatientFact) -> object:
        return fact.when.date() if fact.when else None

    planned = event.status == PLANNED
    return [f for f in patient.facts if f is not event and f.concept == event.concept
            and (f.status == PLANNED) == planned
            and (day(f) is None or day(event) is None or day(f) == day(event))]
