"""Relation extraction: trigger patterns and positions turned into claims.

For each rule whose trigger matches a sentence, `ArgumentFinder` finds the subject
and object, `VirtualMentions` supplies elided heads and anaphors, and
`claim_assembly` gives each claim its polarity, evidence span and qualifiers. Section
rules make claims by position: a list item under "Symptoms" is a symptom.

Most rules cannot fire in most sentences, so which rules to try is settled once per
sentence: a `LiteralIndex` over the triggers' required words, and the rules the
sentence's section allows (kept per section category).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from osteon.reading.arguments import BARE_COMMA, PREPOSITIONAL, ArgumentFinder, FoundArgument
from osteon.reading.claim_assembly import (
    NAMING,
    Subsumption,
    dedupe,
    denied_argument,
    evidence_for,
    explicit_over_positional,
    governed,
    polarity_of,
    subsume,
    through_named_kinds,
    with_qualifiers,
)
from osteon.reading.lexicon import Lexicon
from osteon.reading.lexicon_memo import LexiconMemo
from osteon.reading.pipeline import SentenceAnalysis
from osteon.reading.records import Claim, Mention, Quantity, SentenceSetting
from osteon.reading.relation_rules import RelationRule, RelationRules, SectionRule, compiled
from osteon.reading.terms import fold, plurals_of
from osteon.reading.trigger_filter import LiteralIndex, guarded, required_literals
from osteon.reading.virtual_mentions import VirtualMentions, without_appositions

_PERCENT = re.compile(r"\d\s*(?:%|percent|per cent)", re.IGNORECASE)

__all__ = ["RelationExtractor"]


class RelationExtractor:
    """Applies relation and section rules to analysed sentences."""

    def __init__(self, lexicon: Lexicon, rules: RelationRules) -> None:
        self.lexicon = lexicon
        self.rules = rules
        self.memo = LexiconMemo(lexicon)
        self.arguments = ArgumentFinder(lexicon, rules, self.memo)
        self.virtual = VirtualMentions(lexicon, rules, self.memo)
        self._subsumption = Subsumption(
            {c: frozenset(t) for c, t in rules.umbrella.items()}, frozenset(rules.class_types))
        self._triggers = [(rule, guarded(rule.trigger),
                           self.arguments.needs(rule.subject), self.arguments.needs(rule.object))
                          for rule in rules.rules]
        self._index = LiteralIndex([required_literals(rule.trigger) for rule in rules.rules])
        self._by_category: dict[str | None, frozenset[int]] = {}
        population = rules.population
        self._population = (compiled(population.before), compiled(population.after)) if (
            population) else None
        self._agentive = frozenset(population.not_agent_of if population else ())
        self._outcome_only = frozenset(population.not_outcome_of if population else ())
        self._not_sites = frozenset(rules.not_sites)
        self._aside = compiled(rules.defining_aside)
        self._hosts = tuple(rules.hosts)
        self._host_free = frozenset(rules.host_is_no_subject_of)
        self._never_subjects = {p: tuple(c) for p, c in rules.never_subjects.items()}
        self._exposures = frozenset(rules.exposures)
        self._outcome = compiled(rules.outcome_after) if rules.outcome_after else None
        self._attribute = compiled(rules.attribute_after) if rules.attribute_after else None
        self._not_statement = compiled(rules.not_statements) if rules.not_statements else None
        self._gather_before = compiled(rules.gathering_words + r"\s+(?:[\w-]+\s+)?$")
        self._gather_after = compiled(rules.member_intro)

    def _without_populations(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions that may be a therapy's agent: not "(in) X patients", "undergoing X"."""
        if self._population is None:
            return mentions
        before, after = self._population
        return [m for m in mentions
                if not before.search(text, max(0, m.start - 80), m.start)
                and not after.match(text, m.end)]

    def _qualified_kind(self, kind: str, of: str) -> bool:
        """Is `kind` the other concept with a qualifier ("postoperative HO" of HO)?

        Such a kind is a case of its class, no cause of it ("postsurgical HO is one of the
        most common causes of extraskeletal ossification"); a kind with a name of its own
        may be ("FOP causes HO").
        """
        return (kind != of and self.memo.is_a(kind, of)
                and self.lexicon.get(of).name.casefold() in self.lexicon.get(kind).name.casefold())

    def _kin_by_reference(self, *arguments: tuple[str, Mention | None]) -> bool:
        """Does a name join a concept to its own kind through words that only point at it?

        "FOP is a rare disorder … This new bone formation (known as "heterotopic
        ossification") forms a second skeleton": "this new bone formation" points at FOP's
        bone, a kind of HO, and the name it is given is the general one — no other name for
        FOP. A name given to what a mention names in its own words stands.
        """
        (s_id, s_mention), (o_id, o_mention) = arguments
        if not (self.memo.is_a(s_id, o_id) or self.memo.is_a(o_id, s_id)):
            return False
        return any(m is not None and self.memo.concept_id_for(m.text) != c
                   for c, m in arguments)

    def _never_subject(self, claim: Claim) -> bool:
        """Is the claim's subject one its predicate never takes (never_subjects)?"""
        return any(claim.subject == c or self.memo.is_a(claim.subject, c)
                   for c in self._never_subjects.get(claim.predicate, ()))

    def _is_host(self, concept_id: str) -> bool:
        """Is the concept a species of patients or study models, or a kind of one?"""
        return any(concept_id == h or self.memo.is_a(concept_id, h) for h in self._hosts)

    def _outcomes(self, text: str, mentions: list[Mention], unpopulated: list[Mention],
                  trigger_end: int) -> list[Mention]:
        """Mentions an outcome may be: after the trigger, none that names a population.

        "Causes of death in patients with SCI" causes no SCI; before the trigger any but
        one that only says which patients ("TBI or SCI patients following surgery for HO":
        the patients follow the surgery, the injuries do not), while "patients with HO
        following COVID-19" still have HO follow the event. `unpopulated` is
        `_without_populations` of `mentions`.
        """
        kept = {id(m) for m in unpopulated}
        return [m for m in mentions
                if (id(m) in kept if m.start >= trigger_end
                    else not self._names_patients(text, m, mentions))]

    def _names_patients(self, text: str, mention: Mention, mentions: list[Mention]) -> bool:
        """Is the mention, or the list it opens, a modifier of "patients" ("SCI patients")?"""
        assert self._population is not None
        after = self._population[1]
        end = mention.end
        for m in mentions:
            if m.start >= end and self.arguments.joins(text, end, m.start):
                end = m.end  # "TBI or SCI patients": the list's last item is before the noun
        return after.match(text, end) is not None

    def _rules_for(self, category: str | None) -> frozenset[int]:
        """Positions of the rules a section of this category allows."""
        found = self._by_category.get(category)
        if found is None:
            found = self._by_category[category] = frozenset(
                i for i, rule in enumerate(self.rules.rules)
                if not (rule.sections and category not in rule.sections)
                and not (rule.not_sections and category in rule.not_sections))
        return found

    def _gathering(self, text: str, mentions: list[Mention]) -> frozenset[str]:
        """Umbrella concepts this sentence uses to gather others.

        "other traumatic injuries", "imaging tests such as X-rays" gather; "..., edema, trauma
        and pressure ulcers" names trauma as one item of its own.
        """
        found = set()
        for m in mentions:
            if m.concept_id not in self.rules.umbrella:
                continue
            if self._gather_before.search(text, max(0, m.start - 30), m.start) or (
                    self._gather_after.match(text, m.end)):
                found.add(m.concept_id)
        return frozenset(found)

    def with_antecedents(self, analysis: SentenceAnalysis, setting: SentenceSetting
                         ) -> SentenceAnalysis:
        """The sentence's mentions with what its anaphors stand for, for the next sentence.

        "HO follows burns. It also follows fractures. It is also known as X": the second
        sentence is about HO although it names only fractures, so the third's "it" is HO.
        A population it names is whom it speaks of, never what the next one's "it" is: after
        "Up to half of people with SCI will develop HO", "It can be seen on an x-ray" is HO.
        """
        anaphors = self.virtual.anaphora(analysis.text, setting, list(analysis.mentions))
        named = self._without_populations(analysis.text, list(analysis.mentions))
        if not anaphors and len(named) == len(analysis.mentions):
            return analysis
        return replace(analysis, mentions=tuple(sorted(
            [*named, *anaphors], key=lambda m: (m.start, -m.end))))

    def extract(self, analysis: SentenceAnalysis, setting: SentenceSetting,
                quantities: Iterable[Quantity] = ()) -> list[Claim]:
        """Every claim the rules find in one analysed sentence."""
        text = analysis.text
        if self._not_statement is not None and self._not_statement.search(text):
            return []  # a reference to a work: its title states nothing
        folded = text.casefold()
        anaphors = self.virtual.anaphora(text, setting, list(analysis.mentions), folded)
        real = self.virtual.composed(text, [
            m for m in analysis.mentions
            if not any(a.start < m.end and m.start < a.end for a in anaphors)], folded)
        every = sorted([*real, *self.virtual.elided(text, real), *anaphors],
                       key=lambda m: (m.start, -m.end))
        every = self.virtual.as_predicate_nominals(text, every)
        mentions = self.virtual.without_class_heads(text, without_appositions(text, every))
        if self._outcome is not None:
            mentions = [m for m in mentions if not (
                self.memo.type_of(m.concept_id) == "finding"
                and self._outcome.match(text, m.end))]
        if self._attribute is not None:  # "fracture type": a property, not the fracture
            mentions = [m for m in mentions if not self._attribute.match(text, m.end)]
        claims: list[Claim] = []
        type_of = self.memo.type_of
        present = {type_of(m.concept_id) for m in every}
        allowed = self._rules_for(setting.category)
        unpopulated: dict[int, list[Mention]] = {}

        def no_populations(pool: list[Mention]) -> list[Mention]:
            """The pool's mentions that name no population, worked out once a sentence."""
            if id(pool) not in unpopulated:
                unpopulated[id(pool)] = self._without_populations(text, pool)
            return unpopulated[id(pool)]

        for position in self._index.candidates(folded):
            if position not in allowed:
                continue
            rule, trigger, subject_needs, object_needs = self._triggers[position]
            if (subject_needs is not None and not subject_needs & present) or (
                    object_needs is not None and not object_needs & present):
                continue  # an argument no mention here can fill: skip the regex
            taken: set[tuple[int, int]] = set()
            for match in trigger.finditer(text):
                if rule.unless and self.arguments.clause_matches(rule.unless, text, match):
                    continue
                pool = every if rule.subject.side == "group" else mentions
                agents = no_populations(pool) if rule.predicate in self._agentive else None
                outcomes = (self._outcomes(text, pool, no_populations(pool), match.end())
                            if rule.predicate in self._outcome_only else None)
                claims.extend(self._apply(rule, match, analysis, pool, setting, taken, agents,
                                          outcomes))
        gathering = self._gathering(text, mentions)
        claims = through_named_kinds(dedupe(claims), self._subsumption.umbrella, text)
        claims = subsume(dedupe(claims), self.lexicon, self._subsumption, gathering)
        if setting.sentence_kind in ("list_item", "text"):
            positional: list[Claim] = []
            for section_rule in self.rules.section_rules:
                positional.extend(self._apply_section_rule(
                    section_rule, analysis,
                    no_populations(mentions)
                    if section_rule.predicate in self._agentive else mentions, setting))
            positional = subsume(positional, self.lexicon, self._subsumption, gathering)
            claims = dedupe(claims + explicit_over_positional(claims, positional,
                                                               self.lexicon))
        # "areas normally void of bone": the tissue HO itself is, never where it occurs
        claims = [c for c in claims
                  if not (c.predicate == "occurs_at_site" and c.object in self._not_sites)
                  and not (c.predicate in self._host_free and self._is_host(c.subject))
                  and not self._never_subject(c)]
        claims = governed(claims, setting.lead_in)
        asides = (tuple((m.start(), m.end()) for m in self._aside.finditer(text))
                  if setting.model_context else ())  # only an experiment's setting is lifted
        return with_qualifiers(claims, list(quantities), mentions, self.lexicon, setting, text,
                               self._not_sites, asides)

    # -- arguments -------------------------------------------------------------

    def _apply(self, rule: RelationRule, match: re.Match[str], analysis: SentenceAnalysis,
               mentions: list[Mention], setting: SentenceSetting,
               taken: set[tuple[int, int]] | None = None,
               agents: list[Mention] | None = None,
               outcomes: list[Mention] | None = None) -> list[Claim]:
        """Claims of one trigger match.

        `taken` collects the spans of its right-hand arguments, so a later match of the same
        trigger does not read them as its head; `agents` and `outcomes`, when given, are the
        mentions the subject and the object may be (no populations).
        """
        text = analysis.text
        earlier = frozenset(taken or ())
        subject = self.arguments.resolve(rule.subject, match, text,
                                         mentions if agents is None else agents, setting,
                                         earlier)
        obj = self.arguments.resolve(rule.object, match, text,
                                     mentions if outcomes is None else outcomes, setting, earlier)
        if rule.list_item:
            subject, obj = self._one_list_item(rule, text, subject, obj)
        if taken is not None:
            taken.update((m.start, m.end) for found, argument in (
                (subject, rule.subject), (obj, rule.object)) if argument.side == "right"
                for m in found.mentions)
        subjects = [(m.concept_id, m) for m in subject.mentions] + [(c, None)
                                                                     for c in subject.implicit]
        if obj.text is not None:
            objects: list[tuple[str, Mention | None]] = [(obj.text, None)]
        else:
            objects = [(m.concept_id, m) for m in obj.mentions] + [(c, None) for c in obj.implicit]
        if not subjects or not objects:
            return []
        if (rule.object.implicit == "topic" and obj.text is None and not obj.mentions
                and set(obj.implicit) & {m.concept_id for m in subject.mentions}):
            # "Two important complications are DVT and HO" on a page about SCI: a list that
            # holds the topic itself is a list of something else's, not the topic's
            return []
        if not subject.mentions and not obj.mentions and obj.text is None and not (
                rule.heading_subject and rule.subject.implicit == "section"
                and subject.implicit and subject.implicit[0] != self.rules.topic) and not (
                rule.quantity_subject and _PERCENT.search(text)) and (
                rule.subject.implicit != "concept"):  # the trigger's words name that subject
            return []  # a claim needs an argument the sentence (or its heading) states
        if rule.object_is_class and obj.candidates:
            return self._class_claims(rule, match, analysis, setting, subjects, obj.candidates)
        if rule.pairwise and len(subjects) == len(objects) > 1:
            def in_order(items: list[tuple[str, Mention | None]]) -> list:
                return sorted(items, key=lambda item: item[1].start if item[1] else -1)

            pairs = list(zip(in_order(subjects), in_order(objects), strict=True))
        else:
            pairs = [(s, o) for s in subjects for o in objects]
        claims = []
        for (s_id, s_mention), (o_id, o_mention) in pairs:
            claim = self._claim(rule, match, analysis, setting, (s_id, s_mention),
                                (o_id, o_mention), obj.text is not None)
            if claim is not None:
                claims.append(claim)
        return claims

    @staticmethod
    def _one_list_item(rule: RelationRule, text: str, subject: FoundArgument,
                       obj: FoundArgument) -> tuple[FoundArgument, FoundArgument]:
        """Both arguments cut to their nearest mention where the trigger sits in a flat list.

        The left argument's nearest two mentions joined by a bare comma ("A, B after C") say
        the commas are the outer list's: "and" or "or" would join fellows of B.
        """
        if "left" not in (rule.subject.side, rule.object.side):
            return subject, obj
        left, right = ((subject, obj) if rule.subject.side == "left" else (obj, subject))
        if len({(m.start, m.end) for m in left.mentions}) < 2:
            return subject, obj
        ordered = sorted(left.mentions, key=lambda m: m.start)
        nearest = ordered[-1]
        before = max((m for m in ordered if m.end <= nearest.start), key=lambda m: m.end,
                     default=None)
        if before is None or not BARE_COMMA.fullmatch(text, before.end, nearest.start):
            return subject, obj
        near_left = [m for m in left.mentions if (m.start, m.end) == (nearest.start, nearest.end)]
        first = min(right.mentions, key=lambda m: m.start, default=None)
        near_right = [m for m in right.mentions if first is not None
                      and (m.start, m.end) == (first.start, first.end)]
        cut_left = replace(left, mentions=near_left)
        cut_right = replace(right, mentions=near_right) if right.mentions else right
        return ((cut_left, cut_right) if rule.subject.side == "left"
                else (cut_right, cut_left))

    def _class_claims(self, rule: RelationRule, match: re.Match[str],
                      analysis: SentenceAnalysis, setting: SentenceSetting,
                      subjects: list[tuple[str, Mention | None]], candidates: list[Mention]
                      ) -> list[Claim]:
        """Each subject with the class it hangs from.

        That is the first candidate the lexicon has the subject as a kind of, else the
        candidate right before the trigger ("other disorders such as"); a candidate further
        off is another list item ("burns, rare diseases such as FOP": not the burns), and one
        inside a prepositional phrase only completes the real head ("causes of HO such as").
        """
        text = analysis.text
        if rule.object.side == "left":
            nearest = max(candidates, key=lambda m: m.end)
            gap = text[nearest.end:match.start()]
        else:
            nearest = min(candidates, key=lambda m: m.start)
            gap = text[match.end():nearest.start]
        adjacent = nearest if not gap.strip(" ,") and not PREPOSITIONAL.search(
            text, max(0, nearest.start - 30), nearest.start) else None  # "causes of HO such
        # as A": the class is the causes, not HO
        claims = []
        for s_id, s_mention in subjects:
            head = next((m for m in candidates if m.concept_id != s_id
                         and self.memo.is_a(s_id, m.concept_id)
                         and not PREPOSITIONAL.search(text, max(0, m.start - 30), m.start)),
                        adjacent)
            if head is None or not self.arguments.may_gather(
                    head.concept_id, [s_mention] if s_mention else []):
                continue  # "other injuries cause HO such as brain injuries": not HO's kinds
            claim = self._claim(rule, match, analysis, setting, (s_id, s_mention),
                                (head.concept_id, head), False)
            if claim is not None:
                claims.append(claim)
        return claims

    def _claim(self, rule: RelationRule, match: re.Match[str], analysis: SentenceAnalysis,
               setting: SentenceSetting, subject: tuple[str, Mention | None],
               obj: tuple[str, Mention | None], is_text: bool) -> Claim | None:
        """One claim for one subject-object pair, or None when the rule's checks refuse it."""
        s_id, s_mention = subject
        o_id, o_mention = obj
        s_id = self.rules.specialise.get(rule.predicate, {}).get(s_id, s_id)
        predicate = rule.predicate
        if predicate in self._exposures and o_mention is not None and not is_text:
            # "patients who developed HO following a previous arthroplasty": what follows
            # the event is HO itself, though the phrase reads as a history of HO elsewhere
            o_id = self.virtual.uncomposed(o_mention) or o_id
        if s_id == o_id:
            if not rule.self_alias or s_mention is None or (
                    o_mention is not None and fold(o_mention.text) == fold(s_mention.text)):
                return None
            # Two names of one concept: the object is the name that is not the preferred one,
            # so the claim reads "X is also called <alias>", never "X is also called X". An
            # unnamed object ("Synonyms: Y" under a heading X) leaves the subject's words.
            name = self.lexicon.get(s_id).name
            preferred = {fold(n) for n in (name, *plurals_of(name))}
            alias = s_mention.text  # the name the trigger introduces ("X, also called Y")
            if fold(alias) in preferred and o_mention is not None and (
                    self.memo.concept_id_for(o_mention.text) == s_id):
                alias = o_mention.text  # "Y, also known as X" with X the preferred name
            if fold(alias) in preferred:
                return None
            o_id, is_text = alias, True
        elif rule.same_type and (is_text or self.lexicon.get(s_id).type
                                 != self.lexicon.get(o_id).type):
            return None
        elif rule.narrower_is_kind and self.memo.is_a(s_id, o_id):
            predicate = "is_a"
        if rule.lexicon_kind and (is_text or not self.memo.is_a(s_id, o_id)):
            return None
        if rule.class_apart and not is_text and (
                self.memo.is_a(o_id, s_id) or self._qualified_kind(s_id, o_id)):
            return None
        if rule.kinds_apart and not is_text and (
                self.memo.is_a(s_id, o_id) or self.memo.is_a(o_id, s_id)):
            return None
        if predicate == "synonym_of" and not is_text and self._kin_by_reference(
                (s_id, s_mention), (o_id, o_mention)):
            return None
        if not is_text and predicate not in NAMING and (
                (o_mention is None and self.memo.is_a(s_id, o_id))
                or (s_mention is None and self.memo.is_a(o_id, s_id))):
            return None  # an unsaid argument that only names the other's class ("NHO shows on
            # X-rays weeks after diagnosis": not "NHO begins after HO")
        explicit = [m for m in (s_mention, o_mention) if m]
        polarity = rule.polarity or polarity_of(analysis, match.start(), match.end(), explicit)
        if polarity is None:
            return None  # "not necessarily predisposed": neither said nor denied
        if (polarity == "negated" and predicate in self._exposures and s_mention is not None
                and denied_argument(analysis, s_mention)):
            return None  # "no prophylaxis … more likely to develop HO": the absence raises it
        if is_text and polarity == "negated" and _holds_negation(o_id, analysis):
            polarity = "asserted"  # a free-text object carries its own "no" ("no way to reverse")
        spans = [(match.start(), match.end())] + [(m.start, m.end) for m in explicit]
        return Claim(subject=s_id, predicate=predicate, object=o_id, polarity=polarity,
                     evidence=evidence_for(analysis, setting, spans), object_is_text=is_text,
                     qualifiers=rule.qualifiers.record(), rule=rule.id)

    def _apply_section_rule(self, rule: SectionRule, analysis: SentenceAnalysis,
                            mentions: list[Mention], setting: SentenceSetting) -> list[Claim]:
        if setting.category not in rule.sections or setting.sentence_kind not in rule.kinds:
            return []
        text = analysis.text
        labelled = is_labelled(text)
        if labelled and not rule.labelled:
            return []
        label = text.split(":", 1)[0] if labelled else text
        if len(label.split()) > rule.max_words:
            return []
        if rule.unless and compiled(rule.unless).search(text):
            return []
        limit = len(label)
        subjects = [m for m in mentions if m.end <= limit
                    and self.arguments.allowed(rule.subject, m.concept_id)]
        heads = [m for m in subjects
                 if not PREPOSITIONAL.search(text, max(0, m.start - 30), m.start)]
        if heads:
            subjects = heads  # "Radiotherapy before surgery": the surgery only times it
        objects = self.arguments.implicit(rule.object, setting, text)
        claims = []
        for s in subjects:
            polarity = polarity_of(analysis, s.start, s.end, [s])
            for o_id in objects:
                if s.concept_id == o_id or polarity is None:
                    continue
                claims.append(Claim(
                    subject=s.concept_id, predicate=rule.predicate, object=o_id,
                    polarity=polarity,
                    evidence=evidence_for(analysis, setting, [(s.start, s.end)]), rule=rule.id))
        return claims


LABEL_REACH = 60
"""A colon this near an item's start ends its label ("Medications: NSAIDs may …")."""


def is_labelled(text: str) -> bool:
    """Is this list item a label and its explanation, rather than a bare name?"""
    return ":" in text[:LABEL_REACH]


def _holds_negation(text: str, analysis: SentenceAnalysis) -> bool:
    """Whether a free-text object holds the negation cue itself ("no way to reverse").

    Then the object says the "no" and the claim is asserted; a "not" outside it ("X is not
    contraindicated", the object "contraindicated") negates the claim.
    """
    folded = text.casefold()
    return any(cue.status == "negated" and cue.text.casefold() in folded
               for cue in analysis.cues)

