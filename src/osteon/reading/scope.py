"""Scope: whom a claim is about — condition family, population or index event, species.

A statement about FOP does not answer a question about HO after hip replacement,
and a figure for spinal cord injury patients does not contradict one for burns.
Reading gives every claim its `Scope` (reading.records) from what its sentence,
its section's heading and its document's title say, by the rules of
`data/reading/scope.yaml`; the first of the three that says anything decides
each field. The severity of the cases a figure counts ("clinically significant
HO") comes from the sentence's own words only. Knowledge unions the claims' scopes
into an assertion's scope and compares figures only within one scope.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from pydantic import field_validator

from osteon.datafiles import Strict, check_regex, load_model
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import Claim, Mention, Scope, SentenceSetting

LABEL_CHARS = 60
"""A colon this early in a sentence ends a label ("SCI patients: ..."), read like a heading."""


class PopulationRules(Strict):
    """Index events, the family they imply, and the phrases that restrict text to them."""

    concepts: tuple[str, ...]
    family: str | None = None
    diseases: tuple[str, ...] = ()
    within: str = r"(?!)"
    before: str
    after: str
    people: str = r"(?!)"
    coordinated: str = r"^\s*,?\s*(?:(?:and|or)\s+)?$"
    inner: tuple[str, ...] = ()
    heading_rest: str

    @field_validator("before", "after", "people", "coordinated", "heading_rest", "within")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value)

    @field_validator("inner")
    @classmethod
    def _regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            if "(?P<event>" not in check_regex(pattern):
                raise ValueError(f"inner pattern {pattern!r} has no (?P<event>...) group")
        return value


class SpeciesRules(Strict):
    """Organisms that name a species, and the species of each model-context label."""

    organisms: tuple[str, ...] = ()
    contexts: dict[str, str] = {}
    of_document: str = r"(?!)"
    """Words between a condition and an organism in a document's opening sentence that make
    the document about that organism ("Myositis ossificans in dogs is …"): its sentences
    that name no species, and are not said of people, are said of it."""

    @field_validator("of_document")
    @classmethod
    def _regex(cls, value: str) -> str:
        return check_regex(value)


class SeverityRules(Strict):
    """Words before or after a mention of the condition that restrict it to some cases."""

    of: tuple[str, ...] = ()
    before: dict[str, str] = {}
    after: dict[str, str] = {}

    @field_validator("before", "after")
    @classmethod
    def _regexes(cls, value: dict[str, str]) -> dict[str, str]:
        for pattern in value.values():
            check_regex(pattern)
        return value


class ScopeRules(Strict):
    """The whole of data/reading/scope.yaml."""

    families: dict[str, tuple[str, ...]]
    populations: PopulationRules
    species: SpeciesRules
    severity: SeverityRules = SeverityRules()


@cache
def scope_rules() -> ScopeRules:
    """The scope rules of data/reading/scope.yaml."""
    return load_model(ScopeRules, "reading", "scope.yaml")


@dataclass(frozen=True, slots=True)
class _Level:
    """What one level (sentence, heading or title) says: families, populations, species."""

    families: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()
    species: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    """Populations a phrase about people restricts the sentence to ("patients with SCI",
    "burn patients"), each standing alone, not in a list of events."""


class ScopeReader:
    """Gives claims their scope; build once per reader (it indexes the lexicon's kinds)."""

    def __init__(self, lexicon: Lexicon, rules: ScopeRules | None = None) -> None:
        self.lexicon = lexicon
        self.rules = rules or scope_rules()
        for concept in self._named_concepts():
            if concept not in lexicon:
                raise ValueError(f"data/reading/scope.yaml: {concept!r} is not a concept id")
        self._family_of: dict[str, str] = {}
        for family, roots in self.rules.families.items():
            for root in roots:
                for concept in {root, *lexicon.descendants(root)}:
                    self._family_of.setdefault(concept, family)
        self._population = {c for root in self.rules.populations.concepts
                            for c in {root, *lexicon.descendants(root)}}
        self._restricting = self._population | {
            c for root in self.rules.populations.diseases
            for c in {root, *lexicon.descendants(root)}}
        """Index events and the diseases whose patients a phrase restricts the text to."""
        self._eventish = set(self._population).union(
            *(lexicon.ancestors(root) for root in self.rules.populations.concepts))
        """Events, and what they are kinds of (surgery, trauma): a claim about one of these
        takes no population from the events listed beside it."""
        self._organism = {c for root in self.rules.species.organisms
                          for c in {root, *lexicon.descendants(root)}}
        self._of_document = re.compile(self.rules.species.of_document, re.IGNORECASE)
        self._before = re.compile(self.rules.populations.before, re.IGNORECASE)
        self._within = re.compile(self.rules.populations.within, re.IGNORECASE)
        self._after = re.compile(self.rules.populations.after, re.IGNORECASE)
        self._people = re.compile(self.rules.populations.people, re.IGNORECASE)
        self._rest = re.compile(self.rules.populations.heading_rest, re.IGNORECASE)
        self._coordinated = re.compile(self.rules.populations.coordinated, re.IGNORECASE)
        self._inner = [re.compile(p, re.IGNORECASE) for p in self.rules.populations.inner]
        severity = self.rules.severity
        self._graded = {c for root in severity.of for c in {root, *lexicon.descendants(root)}}
        self._severity_before = {name: re.compile(p, re.IGNORECASE)
                                 for name, p in severity.before.items()}
        self._severity_after = {name: re.compile(p, re.IGNORECASE)
                                for name, p in severity.after.items()}

    def named(self, concepts: Iterable[str]) -> Scope:
        """The scope some concepts name on their own, with no phrase around them.

        For a question ("how often after a spinal cord injury?") or a heading, where
        naming an index event is enough to restrict the text to it.
        """
        concepts = list(dict.fromkeys(concepts))
        family = tuple(dict.fromkeys(self._family_of[c] for c in concepts
                                     if c in self._family_of))
        population = tuple(c for c in concepts if c in self._restricting)
        species = tuple(c for c in concepts if c in self._organism)
        return Scope(family or self._implied(population), population, species)

    def is_disease(self, concept: str) -> bool:
        """Is the concept a disease whose patients a claim may be restricted to (not an event)?"""
        return concept in self._restricting and concept not in self._population

    def names_family(self, concepts: Iterable[str]) -> bool:
        """Do the concepts name a condition family themselves (not only an index event)?"""
        return any(c in self._family_of for c in concepts)

    def _named_concepts(self) -> Iterable[str]:
        for roots in self.rules.families.values():
            yield from roots
        yield from self.rules.populations.concepts
        yield from self.rules.populations.diseases
        yield from self.rules.species.organisms
        yield from self.rules.severity.of

    def scoped(self, claims: list[Claim], text: str, mentions: Sequence[Mention],
               setting: SentenceSetting, pointed: Sequence[Mention] = ()) -> list[Claim]:
        """The claims of one sentence, each with its scope (claims without one unchanged).

        `pointed` are what the sentence's pronouns stand for: "Characteristically exhibiting
        in the big toe, it causes bone to form …" after a sentence on FOP speaks of FOP,
        so its claims are of the genetic family though its words name none.
        """
        if not claims:
            return claims
        sentence = self._sentence_level(text, mentions, setting, pointed)
        heading = self._heading_level(setting)
        title = self._title_level(setting)
        graded = self._graded_mentions(text, mentions)
        out = []
        for claim in claims:
            scope = self.scope_of(claim, (sentence, heading, title))
            if setting.model_context and not claim.qualifiers.context:
                # a name read in an experiment's paragraph holds outside it (it carries no
                # setting: reading/claim_assembly.py), and so of no one animal
                scope = replace(scope, species=())
            severity = self._severity(claim, text, graded)
            if severity:
                scope = replace(scope, severity=severity)
            out.append(replace(claim, scope=scope) if scope else claim)
        return out

    def scope_of(self, claim: Claim, levels: Sequence[_Level]) -> Scope:
        """One claim's scope from the levels that say something, nearest first."""
        own = set() if claim.object_is_text else {claim.object}
        own.add(claim.subject)
        about_events = any(self._is_event(o) for o in own)
        family: tuple[str, ...] = ()
        population: tuple[str, ...] = ()
        species: tuple[str, ...] = ()
        for i, level in enumerate(levels):
            if not population:
                # A claim about an event takes from its own sentence only the people it is
                # said of ("in patients with SCI, resection ..."), never the events listed
                # beside it ("after burns, fractures or THA").
                mine = level.people if i == 0 and about_events else level.populations
                population = tuple(p for p in mine if not self._is_own(p, own))
            if not family:
                family = level.families or (self._implied(level.populations))
            if not species:
                species = level.species
        return Scope(family, population, species)

    def _is_own(self, concept: str, own: set[str]) -> bool:
        return any(concept == o or (o in self.lexicon and (self.lexicon.is_a(concept, o)
                                                           or self.lexicon.is_a(o, concept)))
                   for o in own)

    def _implied(self, populations: tuple[str, ...]) -> tuple[str, ...]:
        """The family an index event implies (a disease's patients imply none)."""
        family = self.rules.populations.family
        events = any(p in self._population for p in populations)
        return (family,) if events and family else ()

    # -- levels ---------------------------------------------------------------

    def _sentence_level(self, text: str, mentions: Sequence[Mention],
                        setting: SentenceSetting, pointed: Sequence[Mention] = ()) -> _Level:
        families = self._families([*mentions, *pointed])
        populations = tuple(dict.fromkeys(
            self._restricted(text, mentions) + self._held(mentions)
            + self._labelled(text, mentions)))
        events = tuple(dict.fromkeys(m.concept_id for m in mentions
                                     if m.concept_id in self._population))
        if not families and events:
            families = self._implied(events)  # "SCI raises the risk": acquired HO
        species = self._organisms(mentions)
        people = tuple(p for p in self._of_people(text, mentions) if p in populations)
        if not species and setting.model_context:  # the paragraph's animal, else its label's
            species = self._organisms((*setting.previous_mentions, *setting.earlier_mentions))
            named = self.rules.species.contexts.get(setting.model_context)
            species = species or ((named,) if named else ())
        return _Level(families, populations, species, people)

    def _graded_mentions(self, text: str, mentions: Sequence[Mention]
                         ) -> list[tuple[Mention, tuple[str, ...]]]:
        """Each mention of the condition with the severities the words around it name."""
        out = []
        for m in mentions:
            if m.concept_id not in self._graded or m.negated:
                continue
            before, after = text[max(0, m.start - 60):m.start], text[m.end:m.end + 60]
            found = [name for name, rx in self._severity_before.items() if rx.search(before)]
            found += [name for name, rx in self._severity_after.items() if rx.match(after)]
            out.append((m, tuple(dict.fromkeys(found))))
        return out

    @staticmethod
    def _severity(claim: Claim, text: str, graded: list[tuple[Mention, tuple[str, ...]]]
                  ) -> tuple[str, ...]:
        """The severity a claim is said of: that of the mention nearest its figure.

        "the incidence of HO is 11-76%, with 10-20% of clinically significant HO": the
        11-76 % counts every case. A claim without a figure is graded only when every
        mention of the condition in its sentence is.
        """
        if not graded:
            return ()
        places = [at for at in (text.find(f.text) for _, f in claim.qualifiers.figures())
                  if at >= 0]
        if places:
            at = places[0]
            return min(graded, key=lambda g: min(abs(g[0].start - at), abs(g[0].end - at)))[1]
        if all(grades for _, grades in graded):
            return tuple(dict.fromkeys(g for _, grades in graded for g in grades))
        return ()

    def _organisms(self, mentions: Iterable[Mention]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.concept_id for m in mentions
                                   if m.concept_id in self._organism))

    def _heading_level(self, setting: SentenceSetting) -> _Level:
        heading = _text_of(setting.section_path[1:], setting.heading_mentions)
        return self._named_level(heading, setting.heading_mentions)

    def _title_level(self, setting: SentenceSetting) -> _Level:
        title = _text_of(setting.section_path[:1], setting.title_mentions)
        return replace(self._named_level(title, setting.title_mentions),
                       species=setting.document_species)

    def document_species(self, title: Sequence[Mention], text: str,
                         mentions: Sequence[Mention]) -> tuple[str, ...]:
        """The organisms a whole document is about, by its title or its opening sentence.

        Those its title names, else the one its opening sentence names a condition in
        ("Myositis ossificans in dogs is …"). A vet's page says "the symptoms are fever,
        a lump, warmth" of dogs without saying "dogs" again; a review that mentions dogs
        in passing is not about them.
        """
        named = self._organisms(title)
        if named:
            return named
        return tuple(dict.fromkeys(
            o.concept_id for o in mentions if o.concept_id in self._organism
            and any(c.end <= o.start and c.concept_id in self.lexicon
                    and self.lexicon.get(c.concept_id).type == "condition"
                    and self._of_document.fullmatch(text, c.end, o.start) for c in mentions)))

    def _named_level(self, text: str | None, mentions: Sequence[Mention]) -> _Level:
        """A heading's or a title's families and populations (headings name no species)."""
        if text is None or not mentions:
            return _Level()
        held = self._held(mentions)
        populations = [m.concept_id for m in mentions if m.concept_id in self._population]
        if populations and not any(self._restricts(text, m) for m in mentions
                                   if m.concept_id in self._population):
            rest = text
            for m in sorted(mentions, key=lambda m: -m.start):
                rest = rest[:m.start] + " " + rest[m.end:]
            if not self._rest.match(rest):
                populations = []  # "Surgery and other causes": names, does not restrict
        return _Level(self._families(mentions), tuple(dict.fromkeys(populations + held)))

    def _restricted(self, text: str, mentions: Sequence[Mention]) -> list[str]:
        """Events the words around them restrict the sentence to, and events listed beside them.

        "after SCI, TBI or stroke": the words before reach forward along the list; "in SCI
        and TBI patients": the words after reach back.
        """
        events = sorted((m for m in mentions if m.concept_id in self._restricting),
                        key=lambda m: m.start)
        chosen = [bool(self._before.search(text[max(0, m.start - 80):m.start]))
                  or self._within_condition(text, m, mentions) for m in events]
        after = [bool(self._after.match(text[m.end:m.end + 40])) for m in events]
        for i in range(1, len(events)):  # the words before reach forward along a list
            chosen[i] = chosen[i] or (chosen[i - 1] and self._listed(text, events[i - 1],
                                                                     events[i]))
        for i in range(len(events) - 2, -1, -1):  # the words after reach back
            after[i] = after[i] or (after[i + 1] and self._listed(text, events[i],
                                                                  events[i + 1]))
        return [m.concept_id for m, a, b in zip(events, chosen, after, strict=True) if a or b]

    def _within_condition(self, text: str, event: Mention, mentions: Sequence[Mention]
                          ) -> bool:
        """Is the event (or disease) what a condition named right before it is seen in?

        "Calcinosis in SSc can cause pain": the pain is of SSc's calcinosis, not of every
        calcinosis. A kind of the event itself ("fractures in the elderly") is no condition
        seen in it.
        """
        return any(
            c.end <= event.start and c.concept_id in self.lexicon
            and self.lexicon.get(c.concept_id).type == "condition"
            and not self._is_own(c.concept_id, {event.concept_id})
            and self._within.match(text[c.end:event.start]) for c in mentions)

    def _of_people(self, text: str, mentions: Sequence[Mention]) -> list[str]:
        """Events a phrase about people names, standing alone ("among patients with SCI, ...").

        An event coordinated with another event ("patients with burns or THA") is a list,
        and stays out.
        """
        events = sorted((m for m in mentions if self._is_event(m.concept_id)),
                        key=lambda m: m.start)
        found = []
        for i, m in enumerate(events):
            if m.concept_id not in self._population:
                continue
            if (i > 0 and self._listed(text, events[i - 1], m)) or (
                    i + 1 < len(events) and self._listed(text, m, events[i + 1])):
                continue
            if (self._people.search(text[max(0, m.start - 80):m.start])
                    or self._after.match(text[m.end:m.end + 40])):
                found.append(m.concept_id)
        return found

    def _is_event(self, concept: str) -> bool:
        return concept in self._eventish or (
            concept in self.lexicon and bool(self.lexicon.ancestors(concept) & self._eventish))

    def _listed(self, text: str, first: Mention, second: Mention) -> bool:
        return first.end <= second.start and bool(
            self._coordinated.match(text[first.end:second.start]))

    def _labelled(self, text: str, mentions: Sequence[Mention]) -> list[str]:
        """Events a list item's label names ("CVA or severe burn: elbows commonly affected")."""
        colon = text.find(":", 0, LABEL_CHARS)
        if colon < 0:
            return []
        label = [m for m in mentions if m.end <= colon]
        return list(self._named_level(text[:colon], label).populations) if label else []

    def _held(self, mentions: Sequence[Mention]) -> list[str]:
        """Events named inside mentions of other concepts ("HO after total hip arthroplasty")."""
        found = []
        for m in mentions:
            if m.concept_id in self._population:
                continue
            for pattern in self._inner:
                match = pattern.search(m.text)
                event = self._event(match.group("event")) if match else None
                if event:
                    found.append(event)
                    break
        return found

    def _event(self, words: str) -> str | None:
        """The index event some words name, dropping leading words ("a total hip ...")."""
        parts = words.split()
        for i in range(min(len(parts), 3)):
            concept = self.lexicon.concept_id_for(" ".join(parts[i:]))
            if concept in self._population:
                return concept
        return None

    def _families(self, mentions: Sequence[Mention]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self._family_of[m.concept_id] for m in mentions
                                   if m.concept_id in self._family_of and not m.negated))

    def _restricts(self, text: str, mention: Mention) -> bool:
        """Do the words around the mention restrict the text to it ("after X", "X patients")?"""
        return bool(self._before.search(text[max(0, mention.start - 80):mention.start])
                    or self._after.match(text[mention.end:mention.end + 40]))


_READERS: dict[int, ScopeReader] = {}


def scope_reader(lexicon: Lexicon) -> ScopeReader:
    """The scope reader of a lexicon, built once (it indexes the lexicon's kinds)."""
    if id(lexicon) not in _READERS:
        _READERS[id(lexicon)] = ScopeReader(lexicon)
    return _READERS[id(lexicon)]


def _text_of(headings: Sequence[str], mentions: Sequence[Mention]) -> str | None:
    """The heading the mentions were read from (innermost first), or None."""
    if not mentions:
        return None
    for heading in reversed(headings):
        if all(heading[m.start:m.end] == m.text for m in mentions):
            return heading
    return None
