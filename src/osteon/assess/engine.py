"""Assemble an assessment from the knowledge base, as the rule file says.

The engine knows no medicine: `data/assess/rules.yaml` names, per section,
the predicates to take and who may stand as subject and object ("a concept
covering one of the patient's procedures", "the target condition or a kind
of it"); the assertions the documents make supply everything else — which
factors raise the risk and by how much, what prevents HO and when, which test
misleads. Each chosen assertion becomes an `Item` citing its sentences, with
its belief, conflicts (both sides) and timings made into this patient's dates.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property, lru_cache

from osteon.ask.answer import DISCLAIMER
from osteon.ask.records import Statement
from osteon.assess.care_sites import CareSites, elsewhere
from osteon.assess.knowledge_view import Candidate, KnowledgeView, view_of
from osteon.assess.mapping import LAB_DERIVED
from osteon.assess.past_events import shown_as_history, split_past
from osteon.assess.ranking import deadlines, merge_twins, rank
from osteon.assess.records import (
    DONE,
    SECTIONS,
    Assessment,
    Item,
    Patient,
    PatientFact,
    TimeWindow,
)
from osteon.assess.rules import AssessRules, Rule, TimingRules, assess_rules, timing_rules
from osteon.assess.timeparse import shift
from osteon.assess.timing import (
    EVENT_KINDS,
    Anchor,
    anchor_concepts,
    choose_window,
    resolve_anchors,
    window,
)
from osteon.knowledge.hierarchy import Hierarchy
from osteon.knowledge.profile import name_of
from osteon.knowledge.records import Assertion, Fact
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.lexicon import Lexicon

ADVICE = frozenset({"prophylaxis", "treatment"})
"""Sections that suggest doing something: their items say what the patient already had."""
ALREADY_DONE = "already done for this patient:"
"""How an advice item's note on a procedure already done begins (the deadline repeats it)."""
ON_MEDICATION_LIST = "on the patient's medication list:"
"""How a note on the patient's own medicine begins (an item's, or the report's for one no
item notes)."""


@dataclass
class _Context:
    """The patient's concepts as sets the rules' roles test against."""

    patient: Patient
    at: datetime
    rules: AssessRules
    hierarchy: Hierarchy
    target: frozenset[str]
    events: frozenset[str]
    recent: frozenset[str]
    planned: frozenset[str]
    findings: frozenset[str]
    finding_sites: frozenset[str]
    labs: frozenset[str]
    own: frozenset[str] = frozenset()
    """The concepts of the facts the record states as present."""
    described: tuple[tuple[str, str], ...] = ()
    """(concept, one line) of each fact an item may be about (not medicines, allergies)."""
    noted: tuple[PatientFact, ...] = ()
    """Present medicines, allergies, labs and procedures done: what an item's notes may
    name."""
    dated: frozenset[str] = frozenset()
    """The concepts of the noted procedures that have a date."""
    injuries: tuple[tuple[frozenset[str], str], ...] = ()
    """Each planned or recent event that wounds tissue (a kind of rules.yaml's `injuries`):
    the concepts a statement about it may be about (its broader concepts, and the injury
    kinds themselves: what the sources say of any injury holds for a biopsy), and its line."""
    chosen: dict[str, list[tuple[Rule, Assertion]]] = field(default_factory=dict)
    anchors: dict[tuple[str | None, CareSites], list[Anchor]] = field(default_factory=dict)
    """The patient's events each timing's anchor names at the sites its care is used for
    (one patient, one time: once each): the latest past one and the next one to come."""

    @cached_property
    def roles(self) -> dict[str, frozenset[str]]:
        """The concepts each fixed role of a rule names (asked a few dozen times a call)."""
        return {"target": self.target, "patient": self.events, "patient_recent": self.recent,
                "patient_planned": self.planned, "patient_findings": self.findings,
                "labs": self.labs,
                "patient_injuries": frozenset().union(*(c for c, _ in self.injuries)),
                "injury_kinds": self._closure(self.rules.injuries)}

    def section_subjects(self, name: str) -> frozenset[str]:
        return self._closure(a.subject for _, a in self.chosen.get(name, ()))

    def _closure(self, concepts: Iterable[str]) -> frozenset[str]:
        out: set[str] = set()
        for concept in concepts:
            out |= self.hierarchy.narrower(concept)
        return frozenset(out)


def assess(knowledge: KnowledgeStore, patient: Patient, at: datetime) -> Assessment:
    """What the sources say about this patient, section by section, every item cited."""
    rules, timing = assess_rules(), timing_rules()
    view = view_of(knowledge, rules)
    hierarchy = view.hierarchy
    family = view.scopes.named(f.concept for f in patient.present()).family
    now, past = split_past(patient, at, rules, hierarchy, genetic="genetic" in family)
    ctx = _context(now, at, rules, hierarchy, knowledge.lexicon)
    families = frozenset(family or ("acquired",))

    for rule in rules.rules:
        if not _triggered(rule, ctx, view) or not _for_family(rule, family):
            continue
        unscoped = frozenset((rule.unscoped_family,)) if rule.unscoped_family else frozenset()
        picked = [c.assertion for c in _pick(rule, ctx, view.rows[rule.id])
                  if _fits_family(c.families or unscoped, families)
                  and (not rule.population_bound or _among(c, rule, ctx))
                  and (not rule.family_only or c.families <= families)]
        if rule.sites == "patient_findings":
            picked = [f.assertion for f in view.facts(picked)
                      if _sites_match(f.qualifiers.sites, ctx)]
        seen = {a.id for _, a in ctx.chosen.get(rule.section, ())}
        picked = [a for a in picked if a.id not in seen][:rule.limit]
        ctx.chosen.setdefault(rule.section, []).extend((rule, a) for a in picked)
    everything = [a for pairs in ctx.chosen.values() for _, a in pairs]
    chosen_facts = view.facts(list({a.id: a for a in everything}.values()))
    facts = {f.assertion.id: f for f in chosen_facts}
    stated = view.stated(chosen_facts)
    conflicts = view.conflicts(chosen_facts, stated)
    warnings = list(patient.warnings)
    if past:
        warnings.append("Not counted as present risks, nor as the start of a prophylaxis "
                        f"window (over {rules.past_days} days before this assessment: "
                        f"history): {'; '.join(dict.fromkeys(describe(f) for f in past))}")
    own = frozenset(f.concept for f in now.present()) - ctx.target
    beside = frozenset(r.id for r in rules.rules if r.beside)
    sections = {name: tuple(rank(merge_twins(list(
                    _items(name, ctx, view, facts, stated, conflicts, knowledge, timing,
                           warnings))),
                    own, beside))
                for name in SECTIONS}
    sections = _outweighed(sections, rules)
    sections = _without_setting(sections, ctx, view, knowledge, timing, warnings)
    warnings.extend(_medicines_unnoted(sections, ctx, view, knowledge.lexicon))
    names = {a.subject: knowledge.lexicon.get(a.subject).name for a in everything
             if a.subject in knowledge.lexicon}
    return Assessment(shown_as_history(patient, past), at, warnings=tuple(warnings),
                      disclaimer=DISCLAIMER,
                      deadlines=deadlines(list(sections["prophylaxis"]), names, at,
                                          ALREADY_DONE),
                      **sections)


def _outweighed(sections: dict[str, tuple[Item, ...]], rules: AssessRules
                ) -> dict[str, tuple[Item, ...]]:
    """Each section without the items a stronger caution about the same subject outweighs.

    "Bisphosphonates are not effective" (belief 0.90) and "bisphosphonates may be used…"
    (0.40): the caution is what the sources say most firmly, so the weak advice is not
    offered beside it (the caution's conflict note still cites it). `outweighs` in
    rules.yaml names the sections a rule's items outweigh.
    """
    strongest: dict[tuple[str, str], float] = {}
    by_id = {r.id: r for r in rules.rules}
    for items in sections.values():
        for item in items:
            for name in by_id[item.rule].outweighs if item.rule in by_id else ():
                key = (name, item.subject)
                strongest[key] = max(strongest.get(key, 0.0), item.belief)
    if not strongest:
        return sections
    return {name: tuple(i for i in items if i.belief >= strongest.get((name, i.subject), 0.0))
            for name, items in sections.items()}


def _without_setting(sections: dict[str, tuple[Item, ...]], ctx: _Context,
                     view: KnowledgeView, knowledge: KnowledgeStore, timing: TimingRules,
                     warnings: list[str]) -> dict[str, tuple[Item, ...]]:
    """The advice sections without advice whose setting the patient does not have.

    The sources give radiation "within 24–48 hours of surgery" (and, rules.yaml's
    `advice_settings` adds, "after spinal cord trauma"), "for hip, knee, elbow, shoulder,
    jaw": for a child with a thigh contusion or a stroke patient, neither operated on nor to
    be, or a patient whose one operation is a hernia repair, it is no advice, nor is what the
    sources say of its kinds (prophylactic, low-dose radiation) or of it as a treatment. The
    setting of an advice is read from the knowledge base: the events its deadlines count
    from (the timing's anchor, as timing.yaml names it) at the sites the sources name for it
    (care_sites.py). What is left out is said in the warnings, with the timing that made it so.
    """
    settings = _settings(view, knowledge, timing)
    if not settings:
        return sections
    lexicon = knowledge.lexicon
    events = ctx.patient.of_kind(*EVENT_KINDS)
    unfit = {advice: setting for advice, setting in settings.items()
             if not any(setting.fits(f, ctx.patient, ctx.hierarchy, lexicon) for f in events)}
    if not unfit:
        return sections
    out = dict(sections)
    left: dict[str, list[str]] = {}
    for name in ADVICE:
        kept = []
        for item in sections[name]:
            advice = next((a for a in unfit if a in ctx.hierarchy.broader(item.subject)), None)
            if advice is None:
                kept.append(item)
            else:
                left.setdefault(advice, []).append(item.text)
        out[name] = tuple(kept)
    for advice, texts in left.items():
        setting = unfit[advice]
        what = name_of(advice, lexicon)
        had = any(not setting.events.isdisjoint(ctx.hierarchy.broader(f.concept))
                  for f in events)
        where = (f" at the {', '.join(name_of(c, lexicon) for c in setting.sites.sites)}"
                 if setting.sites.sites else "")
        none = "none of these there" if had and where else "none of these"
        warnings.append(f"{what[:1].upper()}{what[1:]}: not applicable, left out of the advice "
                        f"({'; '.join(dict.fromkeys(texts))}): the sources give it "
                        f"{setting.how}{where}, and this record has {none}, done or planned")
    return out


@dataclass(frozen=True)
class _Setting:
    """Where an advice is given: after these events, at these sites (what the sources say)."""

    events: frozenset[str]
    """The events its timings count from, with their kinds (surgery)."""
    also: frozenset[str]
    """Other events rules.yaml's `advice_settings` gives it after (a cord injury), anywhere."""
    how: str
    """Its timings in the sources' words, for the warning."""
    sites: CareSites
    """The sites and injuries its timing's sentences name (none: anywhere)."""

    def fits(self, event: PatientFact, patient: Patient, hierarchy: Hierarchy,
             lexicon: Lexicon) -> bool:
        """Is the patient's event one the advice is given after?"""
        kinds = hierarchy.broader(event.concept)
        if not kinds.isdisjoint(self.also):
            return True
        return not kinds.isdisjoint(self.events) and self.sites.holds_for(
            event, patient, hierarchy, lexicon, self.events)


def _settings(view: KnowledgeView, knowledge: KnowledgeStore, timing: TimingRules
              ) -> dict[str, _Setting]:
    """`_advice_settings` of this knowledge generation, worked out on its first assessment.

    They depend on the knowledge and the rule files only, never on the patient.
    """
    found = _SETTINGS.get(view)
    if found is None:
        found = _SETTINGS[view] = _advice_settings(view, knowledge, timing)
    return found


_SETTINGS: weakref.WeakKeyDictionary[KnowledgeView, dict[str, _Setting]] = (
    weakref.WeakKeyDictionary())
"""Each knowledge view's advice settings (a new generation is a new view)."""


def _advice_settings(view: KnowledgeView, knowledge: KnowledgeStore, timing: TimingRules
                     ) -> dict[str, _Setting]:
    """Each advice the sources give within a time of an event: its setting.

    Advice: a subject of an advice rule's assertions (prophylaxis, treatment); the events:
    the concepts its deadlines' anchors name ("surgery") and their kinds, at the sites the
    timings' sentences name, with the other settings rules.yaml's `advice_settings` gives it.
    """
    lexicon = knowledge.lexicon
    timed: dict[str, dict[str, list[str]]] = {}
    places: dict[str, list[CareSites]] = {}
    candidates = [c.assertion for r in view.rules.rules if r.section in ADVICE
                  for c in view.rows[r.id]]
    for fact in view.facts(list({a.id: a for a in candidates}.values())):
        for value in fact.qualifiers.values:
            if value.kind != "timing" or not value.anchor or \
                    timing.relations.get(value.relation or "") != "deadline":
                continue
            named = anchor_concepts(value.anchor, timing, lexicon)
            if not isinstance(named, list) or not named:
                continue
            timed.setdefault(fact.assertion.subject, {}).setdefault(value.text, named)
            places.setdefault(fact.assertion.subject, []).append(
                view.care_sites(fact, value.anchor))
    out: dict[str, _Setting] = {}
    for advice, timings in timed.items():
        also = view.rules.advice_settings.get(advice, [])
        how = " or ".join(f"\u201c{t}\u201d" for t in timings)
        if also:
            how += " or after " + " or ".join(name_of(c, lexicon) for c in also)
        out[advice] = _Setting(frozenset(c for named in timings.values() for c in named),
                               frozenset(also), how, _anywhere_or_joined(places[advice]))
    return out


def _anywhere_or_joined(found: list[CareSites]) -> CareSites:
    """The sites of several timings of one advice: anywhere if one of them names none."""
    if any(not s.sites for s in found):
        return CareSites()
    return CareSites(tuple(dict.fromkeys(c for s in found for c in s.sites)),
                     tuple(dict.fromkeys(c for s in found for c in s.injuries)))


def _fits_family(said: frozenset[str], families: frozenset[str]) -> bool:
    """Whether what the sources say of one condition family applies to this patient.

    A statement only about FOP and its kin ("palovarotene prevents flare-ups") is no
    advice for a patient after hip surgery; one that names no family applies to all,
    unless the rule says whose it is (`unscoped_family`: radiation and excision are advice
    for acquired HO, never for a patient with FOP). `said`: the families the statement
    names (else the rule's unscoped family); `families`: the patient's (acquired if none).
    """
    return not said or not said.isdisjoint(families)


def _among(candidate: Candidate, rule: Rule, ctx: _Context) -> bool:
    """Whether the patient is one of the people a statement names (or it names none)."""
    if not candidate.populations or not ctx.hierarchy.broader(candidate.subject).isdisjoint(
            rule.population_free):
        return True
    return any(not ctx.hierarchy.narrower(p).isdisjoint(ctx.own) for p in candidate.populations)


def _for_family(rule: Rule, family: tuple[str, ...]) -> bool:
    """Whether a rule kept for some condition families runs for this patient."""
    return not rule.families or bool(set(rule.families) & set(family or ("acquired",)))


def _apart(patient: Patient, rules: AssessRules, hierarchy: Hierarchy, lexicon: Lexicon
           ) -> frozenset[str]:
    """The kinds of event that count as themselves only for this patient (`kinds_apart`).

    All of them, unless the record's HO names one: "heterotopic ossification in a midline
    laparotomy scar" formed after that operation, which is then its cause.
    """
    target = hierarchy.narrower(rules.target) | {rules.history_concept}
    said = " ".join(f"{f.label} {f.how}" for f in patient.present()
                    if f.concept in target).casefold()
    if not said:  # no HO on the record (most patients): every kind counts as itself only
        return frozenset(rules.kinds_apart)
    return frozenset(kind for kind in rules.kinds_apart
                     if not _names_of(lexicon, frozenset(hierarchy.narrower(kind))).search(said))


@lru_cache(maxsize=32)
def _names_of(lexicon: Lexicon, concepts: frozenset[str]) -> re.Pattern[str]:
    """Any name of these concepts, as a word (lower case): built once per lexicon and kind."""
    names = sorted({form.text.casefold() for form in lexicon.surface_forms()
                    if form.concept_id in concepts}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b" if names else r"(?!)")


def _context(patient: Patient, at: datetime, rules: AssessRules, hierarchy: Hierarchy,
             lexicon: Lexicon) -> _Context:
    apart = _apart(patient, rules, hierarchy, lexicon)

    lasting = frozenset().union(*(hierarchy.narrower(c) for c in rules.lasting))

    def up(facts: Iterable[PatientFact]) -> frozenset[str]:
        out: set[str] = set()
        for fact in facts:
            kinds = hierarchy.broader(fact.concept)
            for kind in apart & kinds:  # an appendectomy: no "surgery" the sources mean
                kinds = kinds & hierarchy.narrower(kind)
            if not kinds.isdisjoint(rules.passing):  # a concussion: trauma, but none of the
                kinds = kinds - lasting             # severe brain injuries the sources mean
            if apart and fact.kind == "procedure" and fact.sites and all(
                    any(s in hierarchy.narrower(a) for a in rules.sites_apart)
                    for s in fact.sites):
                # "ileal resection", "Operation" at the belly only: itself, and no
                # operation at large (rules.yaml `injuries`: surgery, trauma)
                kinds = frozenset({fact.concept}) - frozenset(rules.injuries)
            out |= kinds
            for concept, also in rules.counts_as.items():  # a traumatic amputation: an
                if concept in kinds:                        # amputation the sources mean
                    out.update(also)
        return frozenset(out)

    events = [f for f in patient.of_kind(*EVENT_KINDS)]
    since = shift(at, -timedelta(days=rules.recent_days))
    recent = [f for f in events if f.when is not None and (since is None or f.when >= since)]
    active = [f for f in patient.of_kind("finding") if f.status == "active"]
    findings = [f for f in active if f.matched_by != LAB_DERIVED]
    labs = patient.of_kind("lab")
    lab_findings = [f for f in active if f.matched_by == LAB_DERIVED]
    sites = frozenset(s for f in findings for s in f.sites)
    planned = [f for f in events if f.status == "planned"]
    present = patient.present()
    noted = tuple(f for f in present if f.kind in ("medication", "allergy", "lab")
                  or (f.kind == "procedure" and f.status in DONE))
    roots = frozenset(rules.injuries)
    injuries = tuple((hierarchy.broader(f.concept) | roots, describe(f))
                     for f in dict.fromkeys([*planned, *recent])
                     if f.status in ("planned", "active")
                     and not hierarchy.broader(f.concept).isdisjoint(roots))
    return _Context(patient, at, rules, hierarchy, hierarchy.narrower(rules.target),
                    up(events), up(recent), up(planned), up(findings), sites,
                    up([*labs, *lab_findings]), frozenset(f.concept for f in present),
                    # what an item is about: never a fact the record denies ("No surgery")
                    tuple((f.concept, describe(f)) for f in patient.facts
                          if f.kind != "medication" and f.kind != "allergy"
                          and f.status != "absent"),
                    noted, frozenset(f.concept for f in noted
                                     if f.kind == "procedure" and f.when is not None),
                    injuries)


def _triggered(rule: Rule, ctx: _Context, view: KnowledgeView) -> bool:
    if not rule.when:
        return True
    return any(_holds(name, ctx, view) for name in rule.when)


def _holds(name: str, ctx: _Context, view: KnowledgeView) -> bool:
    if name in SECTIONS:
        return bool(ctx.chosen.get(name))
    if name == "established":
        return any(f.concept in ctx.target and f.status == "active" and f.kind != "finding"
                   for f in ctx.patient.facts)
    if name == "labs":
        return bool(ctx.patient.of_kind("lab"))
    if name == "surgery":
        return "surgery" in ctx.recent
    if name == "presentation":  # a finding the sources say presents the target condition
        return not view.presenting.isdisjoint(ctx.findings)
    return False


def _role(name: str, ctx: _Context) -> frozenset[str] | None:
    """The concepts that may stand in one role of a rule (None: any concept)."""
    if name == "any":
        return None
    if name in ctx.roles:
        return ctx.roles[name]
    if name == "differentials":
        return ctx.section_subjects("differential")
    if name == "target_or_differentials":
        return ctx.section_subjects("differential") | ctx.target
    return ctx.section_subjects(name.removeprefix("section:"))


def _pick(rule: Rule, ctx: _Context, candidates: tuple[Candidate, ...]) -> list[Candidate]:
    """The assertions a rule takes: the patient's own concepts first, then by belief.

    `candidates` are the rule's own (its predicates and polarities, its subject types:
    KnowledgeView.rows).
    """
    subjects, objects = _role(rule.subject, ctx), _role(rule.object, ctx)
    text_ok = rule.object == "any"
    picked = [c for c in candidates
              if (subjects is None or c.subject in subjects)
              and (text_ok if c.object_is_text else objects is None or c.object in objects)]
    own = ctx.own
    return sorted(picked, key=lambda c: c.subject not in own and c.object not in own)


def _sites_match(sites: Iterable[str], ctx: _Context) -> bool:
    return any(s in ctx.hierarchy.broader(p) for s in sites for p in ctx.finding_sites)


def _items(name: str, ctx: _Context, view: KnowledgeView, facts: dict[int, Fact],
           stated: dict[int, Statement], conflicts: dict, knowledge: KnowledgeStore,
           timing: TimingRules, warnings: list[str]) -> tuple[Item, ...]:
    pairs = ctx.chosen.get(name, [])
    windows: dict[str, TimeWindow] = {}
    items: list[Item] = []
    # Timings relative to another test ("earlier than an x-ray") come after that test's.
    ordered = sorted(pairs, key=lambda p: _relative(facts[p[1].id]))
    built: dict[int, Item] = {}
    for rule, assertion in ordered:
        fact, said = facts[assertion.id], stated[assertion.id]
        if not said.citations:
            warnings.append(f"{assertion.text}: no sentence to cite; left out")
            continue
        times = (tuple(_windows(fact, ctx, view, knowledge, timing, windows))
                 if fact.qualifiers.values else ())
        if times and times[0].start is not None:
            windows.setdefault(assertion.subject, times[0])
        built[assertion.id] = Item(
            rule.id, _readable(assertion, said, knowledge, quote=rule.quote,
                               named=rule.quote_name), said,
            assertion.predicate, assertion.subject,
            assertion.object, assertion.belief, assertion.polarity, said.figures,
            _matched(assertion, ctx, view, rule), times, conflicts.get(assertion.id, ()),
            _notes(assertion, ctx, knowledge, advice=name in ADVICE))
    quoted: set[tuple[str, int]] = set()
    for rule, assertion in pairs:  # back to rule order
        if assertion.id not in built:
            continue
        item = built[assertion.id]
        if rule.quote:  # one sentence naming an injection and a biopsy is quoted once
            cite = item.statement.citations[0]
            if (cite.doc, cite.sentence) in quoted:
                continue
            quoted.add((cite.doc, cite.sentence))
        items.append(item)
    return tuple(items)


def _readable(assertion: Assertion, said: Statement, knowledge: KnowledgeStore, *,
              quote: bool = False, named: str = "subject") -> str:
    """The item's text as a sentence a clinician reads.

    A claim whose object is free text ("Three-phase bone scan: may not progress"), or one
    a rule quotes (a caution in the source's own words), reads as its subject (or, where
    the rule says, its object: the excision a recurrence follows) and the source sentence
    it came from.
    """
    if not (assertion.key.object_is_text or quote) or not said.citations:
        return assertion.text
    sentence = " ".join(said.citations[0].sentence_text.split())
    who = (assertion.object if named == "object" and not assertion.key.object_is_text
           else assertion.subject)
    name = knowledge.lexicon.get(who).name if who in knowledge.lexicon else who
    return f"{name[:1].upper()}{name[1:]}: {sentence}"


def _relative(fact: Fact) -> bool:
    return any(v.kind == "timing" and v.relation == "earlier_than"
               for v in fact.qualifiers.values)


def _windows(fact: Fact, ctx: _Context, view: KnowledgeView, knowledge: KnowledgeStore,
             timing: TimingRules, windows: dict[str, TimeWindow]) -> Iterable[TimeWindow]:
    for value in fact.qualifiers.values:
        if value.kind != "timing":
            continue
        sites = view.care_sites(fact, value.anchor)
        anchors = _anchors(value.anchor, sites, ctx, knowledge, timing)
        if not anchors and sites.sites and _anchors(value.anchor, CareSites(), ctx, knowledge,
                                                    timing):
            # the patient's events lie where the care is not used
            yield elsewhere(value, sites, knowledge.lexicon)
            continue
        made = []
        for anchor in anchors or [None]:
            other = None
            if anchor is not None and anchor.test is not None:
                other = next((w for c, w in windows.items()
                              if c in ctx.hierarchy.narrower(anchor.test)), None)
            made.append(window(value, anchor, ctx.at, timing, relative_to=other))
        yield choose_window(made)


def _anchors(anchor: str | None, sites: CareSites, ctx: _Context, knowledge: KnowledgeStore,
             timing: TimingRules) -> list[Anchor]:
    """The patient's events a timing counts from, at the sites its care is used for.

    No sites: any event. Resolved once per patient and assessment (`ctx.anchors`).
    """
    key = (anchor, sites)
    if key not in ctx.anchors:
        named = anchor_concepts(anchor, timing, knowledge.lexicon) if anchor else None
        generic = frozenset(named) if isinstance(named, list) else frozenset()
        ctx.anchors[key] = resolve_anchors(
            anchor, ctx.patient, ctx.at, timing, knowledge.lexicon, ctx.hierarchy,
            ctx.rules.target, counts=lambda event: sites.holds_for(
                event, ctx.patient, ctx.hierarchy, knowledge.lexicon, generic))
    return ctx.anchors[key]


def _matched(assertion: Assertion, ctx: _Context, view: KnowledgeView, rule: Rule
             ) -> tuple[str, ...]:
    """The patient facts this item is about (its subject or object covers them).

    An item about an injury is about each of the patient's injuries its subject names
    (a statement about trauma is about the planned biopsy).
    """
    if rule.subject == "patient_injuries":
        return tuple(dict.fromkeys(line for concepts, line in ctx.injuries
                                   if assertion.subject in concepts))
    covers = view.covers(assertion)
    return tuple(dict.fromkeys(line for concept, line in ctx.described if concept in covers))


def _notes(assertion: Assertion, ctx: _Context, knowledge: KnowledgeStore, *,
           advice: bool = False) -> tuple[str, ...]:
    """The patient's own medicines and allergies that touch this item's subject.

    On advice (`ADVICE` sections), also what was already done of it: radiation given before
    the operation is said beside the radiation window.
    """
    if not ctx.noted:
        return ()
    lexicon = knowledge.lexicon
    down = ctx.hierarchy.narrower(assertion.subject)
    up = ctx.hierarchy.broader(assertion.subject)
    notes = []
    for fact in ctx.noted:
        if fact.kind == "medication" and fact.concept in down:
            notes.append(f"{ON_MEDICATION_LIST} {_named(fact, lexicon)}")
        elif fact.kind == "allergy" and (fact.concept in down or fact.concept in up):
            notes.append(f"allergy or intolerance recorded: {fact.label} "
                         f"({lexicon.get(fact.concept).name})")
        elif fact.kind == "lab" and fact.concept in down:
            notes.append(f"the patient's result: {describe(fact)}")
        elif fact.kind == "procedure" and advice and fact.concept in down and (
                fact.when is not None or fact.concept not in ctx.dated):
            notes.append(f"{ALREADY_DONE} {_named(fact, lexicon)}")
    return tuple(dict.fromkeys(notes))


def _medicines_unnoted(sections: dict[str, tuple[Item, ...]], ctx: _Context,
                       view: KnowledgeView, lexicon: Lexicon) -> list[str]:
    """The patient's medicines the sources speak of for the target condition, unnoted.

    No item of the report notes them: an NSAID the FOP girl takes for her flare is said,
    though no prophylaxis item (after surgery, after a cord injury) applies to her and so
    none carries it.
    """
    noted = {note for items in sections.values() for item in items for note in item.notes}
    unnoted: dict[tuple[str, ...], list[str]] = {}
    for fact in ctx.noted:
        if fact.kind != "medication" or fact.status != "active":
            continue
        about = tuple(sorted(ctx.hierarchy.broader(fact.concept) & view.about_target))
        line = _named(fact, lexicon)
        if about and f"{ON_MEDICATION_LIST} {line}" not in noted:
            unnoted.setdefault(about, []).append(line)
    target = lexicon.get(ctx.rules.target).name
    return [f"On the patient's medication list, though no item here applies to this record: "
            f"{'; '.join(dict.fromkeys(lines))} (the sources speak of "
            f"{', '.join(lexicon.get(c).name for c in about)} for {target})"
            for about, lines in unnoted.items()]


def _named(fact: PatientFact, lexicon: Lexicon) -> str:
    """A patient fact in one line, led by the lexicon's name where its label does not say it.

    "Ibuprofène sirop 100 mg/5 ml" is ibuprofen: the clinician reading an NSAID item sees
    the drug named in the item's words, then the record's own.
    """
    name = lexicon.get(fact.concept).name
    if name.casefold() in fact.label.casefold():
        return describe(fact)
    return f"{name}: {describe(fact)}"


def describe(fact: PatientFact) -> str:
    """A patient fact in one line: what, value, when, where, status."""
    text = fact.label
    if fact.value is not None:
        text += f" {fact.value:g}{' ' + fact.unit if fact.unit else ''}"
        if fact.high is not None:
            text += " (above the reference range)" if fact.high else " (within range)"
    if fact.when is not None:
        text += f", {fact.when:%Y-%m-%d}" if fact.date_only else f", {fact.when:%Y-%m-%d %H:%M} UTC"
    if fact.sites:
        side = f"{fact.laterality} " if fact.laterality else ""
        text += f", {side}{', '.join(s.replace('_', ' ') for s in fact.sites)}"
    if fact.status not in ("active",):
        text += f" ({fact.status})"
    return text
