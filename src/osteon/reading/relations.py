"""Relation extraction: trigger patterns and positions turned into claims.

For each rule whose trigger matches a sentence, the subject and object are
the allowed concept mentions on the rule's side of the trigger within the
clause (clause breaks such as "but", "however", ";" bound it). Coordinated
mentions ("burns, fractures, or other traumatic injuries") each make a claim;
an elided head ("traumatic brain or spinal cord injuries") is restored from
the lexicon; an argument the text leaves implicit comes from the section's
heading or the corpus topic. Polarity comes from ConText cues whose scope
covers the trigger or an argument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import get_args

from osteon.reading.lexicon import Lexicon
from osteon.reading.pipeline import SentenceAnalysis
from osteon.reading.records import Claim, ConceptType, Evidence, Mention, Quantity
from osteon.reading.relation_rules import (
    Argument,
    RelationRule,
    RelationRules,
    SectionRule,
    compiled,
)
from osteon.reading.trigger_filter import may_match, required_literals

_PREPOSITIONAL = re.compile(
    r"\b(?:of|from|by|after|following|before|in|on|at|to|for|during|within|than)\s+"
    r"(?:[\w-]+,?\s+(?:or|and)\s+)*"
    r"(?:(?:the|a|an|their|its|this|these)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)")
_PERCENT = re.compile(r"\d\s*(?:%|percent|per cent)", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"((?:[\w-]+\s+){0,1}[\w-]+)\s+(?:or|and|,)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SentenceSetting:
    """Where a sentence stands: its document, section, neighbours and setting."""

    doc_id: str
    sentence_idx: int
    sentence_start: int
    sentence_kind: str
    section_path: tuple[str, ...] = ()
    category: str | None = None
    heading_mentions: tuple[Mention, ...] = ()
    title_mentions: tuple[Mention, ...] = ()
    previous_mentions: tuple[Mention, ...] = ()
    model_context: str | None = None


@dataclass(slots=True)
class _Found:
    """An argument resolved: mentions in the text, or an implicit concept."""

    mentions: list[Mention] = field(default_factory=list)
    implicit: list[str] = field(default_factory=list)
    text: str | None = None


class RelationExtractor:
    """Applies relation and section rules to analysed sentences."""

    def __init__(self, lexicon: Lexicon, rules: RelationRules) -> None:
        self.lexicon = lexicon
        self.rules = rules
        self._breaks = compiled(rules.clause_breaks)
        self._gap = compiled(rules.coordination_gap)
        self._anaphors = [(compiled(a.pattern), rules.expand_types(a.types), a.nearest)
                          for a in rules.anaphors]
        self._types: dict[tuple[str, ...], frozenset[str]] = {}
        self._which = re.compile(r",\s*which\s*$", re.IGNORECASE)
        self._such_as = re.compile(r"\s*,?\s*(?:such as|including|e\.g\.,?|like)\s+",
                                   re.IGNORECASE)
        self._triggers = [(rule, compiled(rule.trigger), required_literals(rule.trigger),
                           self._needs(rule.subject), self._needs(rule.object))
                          for rule in rules.rules]
        self._break_cache: tuple[str | None, list[tuple[int, int]]] = (None, [])

    def extract(self, analysis: SentenceAnalysis, setting: SentenceSetting,
                quantities: Iterable[Quantity] = ()) -> list[Claim]:
        """Every claim the rules find in one analysed sentence."""
        text = analysis.text
        anaphors = self._anaphora(text, setting, list(analysis.mentions))
        real = [m for m in analysis.mentions
                if not any(a.start < m.end and m.start < a.end for a in anaphors)]
        every = sorted([*real, *self._elided(text, real), *anaphors],
                       key=lambda m: (m.start, -m.end))
        mentions = _without_appositions(text, every)
        claims: list[Claim] = []
        present = {self._type_of(m.concept_id) for m in every}
        folded = text.casefold()
        for rule, trigger, literals, subject_needs, object_needs in self._triggers:
            if rule.sections and setting.category not in rule.sections:
                continue
            if rule.not_sections and setting.category in rule.not_sections:
                continue
            if (subject_needs is not None and not subject_needs & present) or (
                    object_needs is not None and not object_needs & present):
                continue  # an argument no mention here can fill: skip the regex
            if not may_match(literals, folded):
                continue
            for match in trigger.finditer(text):
                if rule.unless and self._clause_matches(rule.unless, text, match):
                    continue
                pool = every if rule.subject.side == "group" else mentions
                claims.extend(self._apply(rule, match, analysis, pool, setting))
        if setting.sentence_kind in ("list_item", "text"):
            for section_rule in self.rules.section_rules:
                claims.extend(self._apply_section_rule(section_rule, analysis, mentions,
                                                       setting))
        return _with_qualifiers(_dedupe(claims), list(quantities), mentions, self.lexicon,
                                setting)

    # -- arguments -------------------------------------------------------------

    def _needs(self, argument: Argument) -> frozenset[str | None] | None:
        """Concept types one of which a sentence must mention to fill `argument`.

        None when the argument can be filled without a mention (implicit, text, a group).
        """
        if argument.text or argument.implicit != "none" or argument.side == "group":
            return None
        types = self.rules.expand_types(argument.types)
        return frozenset(types or get_args(ConceptType))

    def _allowed(self, argument: Argument, concept_id: str) -> bool:
        if concept_id not in self.lexicon:
            return False
        key = tuple(argument.types)
        if key not in self._types:
            self._types[key] = self.rules.expand_types(argument.types)
        types = self._types[key]
        if types and self.lexicon.get(concept_id).type not in types:
            return False
        if argument.concepts:
            return any(concept_id == c or self.lexicon.is_a(concept_id, c)
                       for c in argument.concepts)
        return True

    def _clause_matches(self, pattern: str, text: str, match: re.Match[str]) -> bool:
        lo, _ = self._region(text, match.start(), match.end(), "left", "clause")
        _, hi = self._region(text, match.start(), match.end(), "right", "clause")
        return bool(compiled(pattern).search(text, lo, hi))

    def _clause_breaks(self, text: str) -> list[tuple[int, int]]:
        """Spans of the clause breaks in `text`, found once per sentence."""
        if self._break_cache[0] is not text:
            self._break_cache = (text, [m.span() for m in self._breaks.finditer(text)])
        return self._break_cache[1]

    def _region(self, text: str, start: int, end: int, side: str, scope: str
                ) -> tuple[int, int]:
        if side == "left":
            floor = 0
            if scope == "clause":
                for _, br_end in self._clause_breaks(text):
                    if br_end > start:
                        break
                    floor = br_end
            return floor, start
        ceiling = len(text)
        if scope == "clause":
            for br_start, _ in self._clause_breaks(text):
                if br_start >= end:
                    ceiling = br_start
                    break
        return end, ceiling

    def _resolve(self, argument: Argument, match: re.Match[str], text: str,
                 mentions: list[Mention], setting: SentenceSetting) -> _Found:
        if argument.side == "group":
            group = argument.group or "0"
            lo, hi = match.span(int(group) if group.isdigit() else group)
            if lo < 0:
                return _Found()
        else:
            lo, hi = self._region(text, match.start(), match.end(), argument.side,
                                  argument.scope)
        if argument.text:
            words = text[lo:hi].strip(" ,;:.()“”\"'")
            return _Found(text=_strip_article(words)) if words else _Found()
        inside = [m for m in mentions if lo <= m.start and m.end <= hi
                  and self._allowed(argument, m.concept_id)]
        if not inside and argument.side == "group":
            named = self.lexicon.concept_id_for(text[lo:hi])
            if named and self._allowed(argument, named):
                inside = [Mention(named, lo, hi, text[lo:hi])]
        if not inside and argument.side == "left" and self._which.search(text, 0, lo):
            # "JAK1 and JAK2, which are activated by OSMR": the argument is what "which" follows.
            before = self._which.search(text, 0, lo)
            inside = [m for m in mentions if m.end <= before.start()
                      and self._allowed(argument, m.concept_id)]
            inside = inside[-1:] and [m for m in inside if self._gap.fullmatch(
                _BRACKETED.sub("", text[m.end:before.start()])) or m is inside[-1]]
        if argument.exclude:
            pattern = compiled(argument.exclude)
            inside = [m for m in inside if not pattern.search(text[max(0, m.start - 25):m.start])]
        if argument.require:
            pattern = compiled(argument.require)
            inside = [m for m in inside if pattern.search(text[max(0, m.start - 80):m.start])]
        if argument.max_gap_words is not None and argument.side in ("left", "right"):
            inside = [m for m in inside if len((text[match.end():m.start]
                                                if argument.side == "right"
                                                else text[m.end:match.start()]).split())
                      <= argument.max_gap_words]
        if argument.skip_prepositional:
            inside = [m for m in inside if not _PREPOSITIONAL.search(text, max(0, m.start - 30),
                                                                       m.start)]
        if inside:
            picked = self._pick(argument, inside, text)
            if argument.members:
                picked = picked + self._members(picked, inside, text)
            if argument.finding_prefix:
                picked = [self._as_finding(m, argument.finding_prefix) for m in picked]
            return _Found(mentions=picked)
        return _Found(implicit=self._implicit(argument, setting))

    def _as_finding(self, mention: Mention, prefix: str) -> Mention:
        """'alkaline phosphatase' read as 'elevated alkaline phosphatase' when that is a concept."""
        name = self.lexicon.get(mention.concept_id).name
        found = self.lexicon.concept_id_for(f"{prefix} {name}")
        if found is None:
            return mention
        return Mention(found, mention.start, mention.end, mention.text, mention.negated,
                       mention.hedged)

    def _class_before(self, first: Mention, inside: list[Mention], text: str
                      ) -> Mention | None:
        """'orthopedic procedures, such as A or B' read leftwards: the class joins A and B."""
        earlier = [m for m in inside if m.end <= first.start]
        if not earlier:
            return None
        head = earlier[-1]
        if self._such_as.fullmatch(text[head.end:first.start] + " "):
            return head
        return None

    def _members(self, picked: list[Mention], inside: list[Mention], text: str
                 ) -> list[Mention]:
        """'medications such as A or B' -> A and B join the argument."""
        out: list[Mention] = []
        for mention in picked:
            intro = self._such_as.match(text, mention.end)
            if not intro:
                continue
            following = [m for m in inside if m.start >= intro.end() and m not in picked]
            chain: list[Mention] = []
            cursor = intro.end()
            for candidate in following:
                gap = text[cursor:candidate.start]
                if chain and not self._gap.fullmatch(gap):
                    break
                if not chain and gap.strip():
                    break
                chain.append(candidate)
                cursor = candidate.end
            out.extend(chain)
        return out

    def _pick(self, argument: Argument, inside: list[Mention], text: str) -> list[Mention]:
        if argument.pick == "all":
            return inside
        if argument.pick == "first":
            return [m for m in inside if m.start == inside[0].start]
        if argument.pick == "first_group":
            chosen = [inside[0]]
            for candidate in inside[1:]:
                gap = _BRACKETED.sub("", text[chosen[-1].end:candidate.start])
                if not self._gap.fullmatch(gap):
                    break
                chosen.append(candidate)
            return _with_same_span(chosen, inside)
        toward_trigger_last = argument.side == "left"
        ordered = list(reversed(inside)) if toward_trigger_last else list(inside)
        chosen = [ordered[0]]
        if argument.pick == "nearest":
            return _with_same_span(chosen, inside)
        for candidate in ordered[1:]:
            previous = chosen[-1]
            gap = (text[candidate.end:previous.start] if toward_trigger_last
                   else text[previous.end:candidate.start])
            if not self._gap.fullmatch(_BRACKETED.sub("", gap)):
                break
            chosen.append(candidate)
        if toward_trigger_last and argument.pick == "coordinated":
            head = self._class_before(chosen[-1], inside, text)
            if head is not None:
                chosen.append(head)
        if argument.pick == "general":
            ids = {m.concept_id for m in chosen}
            chosen = [m for m in chosen
                      if not any(o != m.concept_id and self.lexicon.is_a(m.concept_id, o)
                                 for o in ids)]
        return _with_same_span(chosen, inside)

    def _implicit(self, argument: Argument, setting: SentenceSetting) -> list[str]:
        if argument.implicit == "none":
            return []
        if argument.implicit == "previous":
            earlier = [m.concept_id for m in setting.previous_mentions
                       if self._allowed(argument, m.concept_id)]
            return earlier[:1]
        if argument.implicit == "section":
            for group in (setting.heading_mentions, setting.title_mentions):
                found = [m.concept_id for m in group if self._allowed(argument, m.concept_id)]
                if found:
                    return found[:1]
        topic = self.rules.topic
        return [topic] if self._allowed(argument, topic) else []

    # -- virtual mentions --------------------------------------------------------

    def _elided(self, text: str, mentions: Iterable[Mention]) -> list[Mention]:
        """'traumatic brain or spinal cord injuries' -> a mention for 'traumatic brain injury'."""
        out = []
        for mention in mentions:
            words = mention.text.split()
            if len(words) < 2:
                continue
            tail = text[max(0, mention.start - 5):mention.start].rstrip().lower()
            if not tail.endswith((" or", " and", ",")):
                continue  # cheap test before the regex: no coordinator, no elided head
            before = _WORDS_BEFORE.search(text, 0, mention.start)
            if not before:
                continue
            head = words[-1]
            phrase = before.group(1)
            candidates = [phrase] + ([phrase.split(maxsplit=1)[1]] if " " in phrase else [])
            for candidate in candidates:
                concept = self.lexicon.concept_id_for(f"{candidate} {head}")
                if concept and concept != mention.concept_id:
                    start = before.start(1) + (len(phrase) - len(candidate))
                    out.append(Mention(concept, start, start + len(candidate), candidate,
                                       mention.negated, mention.hedged))
                    break
        return out

    def _type_of(self, concept_id: str) -> str | None:
        return self.lexicon.get(concept_id).type if concept_id in self.lexicon else None

    def _anaphora(self, text: str, setting: SentenceSetting,
                  real: list[Mention] | None = None) -> list[Mention]:
        """'these medications' -> the drugs of the previous sentence; 'this condition' -> topic.

        An anaphor outranks a lexicon match on the same words ("medications"
        is a concept, "these medications" points back).
        """
        out: list[Mention] = []

        def real_before(position: int) -> list[Mention]:
            return [m for m in real or () if m.end <= position]

        for pattern, types, nearest in self._anaphors:
            for match in pattern.finditer(text):
                if any(m.start < match.end() and match.start() < m.end for m in out):
                    continue
                same_sentence = [m.concept_id for m in real_before(match.start())
                                 if self._type_of(m.concept_id) in types]
                if nearest:
                    same_sentence.reverse()
                antecedents = same_sentence[:1] or self._antecedents(types, setting)
                for concept in antecedents:
                    out.append(Mention(concept, match.start(), match.end(), match.group()))
        return out

    def _antecedents(self, types: frozenset[str], setting: SentenceSetting) -> list[str]:
        def typed(group: Iterable[Mention]) -> list[str]:
            seen: list[str] = []
            for m in group:
                if (m.concept_id in self.lexicon and self.lexicon.get(m.concept_id).type in types
                        and m.concept_id not in seen):
                    seen.append(m.concept_id)
            return seen

        found = typed(setting.previous_mentions)
        if "condition" in types:
            topical = [c for c in found
                       if c == self.rules.topic or self.lexicon.is_a(c, self.rules.topic)]
            if topical:
                return topical[:1]
            found = [c for c in found if self._type_of(c) != "condition"]
        if found:
            return found
        if "condition" in types:
            heading = typed(setting.heading_mentions) or typed(setting.title_mentions)
            return heading[:1] or [self.rules.topic]
        return []

    # -- claims -----------------------------------------------------------------

    def _apply(self, rule: RelationRule, match: re.Match[str], analysis: SentenceAnalysis,
               mentions: list[Mention], setting: SentenceSetting) -> list[Claim]:
        text = analysis.text
        subject = self._resolve(rule.subject, match, text, mentions, setting)
        obj = self._resolve(rule.object, match, text, mentions, setting)
        subjects = [(m.concept_id, m) for m in subject.mentions] + [(c, None)
                                                                     for c in subject.implicit]
        if obj.text is not None:
            objects: list[tuple[str, Mention | None]] = [(obj.text, None)]
        else:
            objects = [(m.concept_id, m) for m in obj.mentions] + [(c, None) for c in obj.implicit]
        if not subjects or not objects:
            return []
        if not subject.mentions and not obj.mentions and obj.text is None and not (
                rule.heading_subject and rule.subject.implicit == "section"
                and subject.implicit and subject.implicit[0] != self.rules.topic) and not (
                rule.quantity_subject and _PERCENT.search(text)):
            return []  # a claim needs an argument the sentence (or its heading) states
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

    def _claim(self, rule: RelationRule, match: re.Match[str], analysis: SentenceAnalysis,
               setting: SentenceSetting, subject: tuple[str, Mention | None],
               obj: tuple[str, Mention | None], is_text: bool) -> Claim | None:
        """One claim for one subject-object pair, or None when the rule's checks refuse it."""
        s_id, s_mention = subject
        o_id, o_mention = obj
        s_id = self.rules.specialise.get(rule.predicate, {}).get(s_id, s_id)
        predicate = rule.predicate
        if s_id == o_id:
            if not rule.self_alias or o_mention is None or s_mention is None or _fold(
                    o_mention.text) == _fold(s_mention.text):
                return None
            o_id, is_text = o_mention.text, True  # two names of one concept: keep the other
        elif rule.same_type and (is_text or self.lexicon.get(s_id).type
                                 != self.lexicon.get(o_id).type):
            return None
        elif rule.narrower_is_kind and self.lexicon.is_a(s_id, o_id):
            predicate = "is_a"
        if rule.lexicon_kind and (is_text or not self.lexicon.is_a(s_id, o_id)):
            return None
        explicit = [m for m in (s_mention, o_mention) if m]
        polarity = rule.polarity or _polarity(analysis, match.start(), match.end(), explicit)
        if is_text and polarity == "negated":
            polarity = "asserted"  # a free-text object carries its own "no" ("no way to reverse")
        spans = [(match.start(), match.end())] + [(m.start, m.end) for m in explicit]
        return Claim(subject=s_id, predicate=predicate, object=o_id, polarity=polarity,
                     evidence=_evidence(analysis, setting, spans), object_is_text=is_text,
                     qualifiers=dict(rule.qualifiers), rule=rule.id)

    def _apply_section_rule(self, rule: SectionRule, analysis: SentenceAnalysis,
                            mentions: list[Mention], setting: SentenceSetting) -> list[Claim]:
        if setting.category not in rule.sections or setting.sentence_kind not in rule.kinds:
            return []
        text = analysis.text
        labelled = ":" in text[:60]
        if labelled and not rule.labelled:
            return []
        label = text.split(":", 1)[0] if labelled else text
        if len(label.split()) > rule.max_words:
            return []
        limit = len(label)
        subjects = [m for m in mentions if m.end <= limit
                    and self._allowed(rule.subject, m.concept_id)]
        objects = self._implicit(rule.object, setting)
        claims = []
        for s in subjects:
            for o_id in objects:
                if s.concept_id == o_id:
                    continue
                claims.append(Claim(
                    subject=s.concept_id, predicate=rule.predicate, object=o_id,
                    polarity=_polarity(analysis, s.start, s.end, [s]),
                    evidence=_evidence(analysis, setting, [(s.start, s.end)]), rule=rule.id))
        return claims


def _with_same_span(chosen: list[Mention], inside: list[Mention]) -> list[Mention]:
    """Add the mentions that share a chosen one's words (an anaphor with two antecedents)."""
    spans = {(m.start, m.end) for m in chosen}
    return chosen + [m for m in inside if (m.start, m.end) in spans and m not in chosen]


def _without_appositions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop 'Y' in 'X (Y)': a bracketed alias of the mention before it is not a new argument."""
    out: list[Mention] = []
    for mention in mentions:
        if out:
            before = text[out[-1].end:mention.start]
            if before.strip() == "(" and text[mention.end:].lstrip().startswith(")"):
                continue
        out.append(mention)
    return out


def _polarity(analysis: SentenceAnalysis, start: int, end: int, args: list[Mention]) -> str:
    """Say how the sentence holds the claim: negated, hedged or asserted.

    A ConText cue counts when it covers the trigger, or covers an argument from the
    trigger's side of any comma ("not inherently painful, HO can become painful": the
    first clause's "not" does not reach the second).
    """
    statuses = analysis.status_of(start, end)
    for mention in args:
        for cue in analysis.cues:
            covers = cue.scope_start < mention.end and mention.start < cue.scope_end
            between = analysis.text[min(cue.end, start):max(cue.start, end)]
            if covers and "," not in between:
                statuses.add(cue.status)
    if "negated" in statuses:
        return "negated"
    if "hedged" in statuses:
        return "hedged"
    return "asserted"


def _evidence(analysis: SentenceAnalysis, setting: SentenceSetting,
              spans: list[tuple[int, int]]) -> Evidence:
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    return Evidence(
        doc_id=setting.doc_id, sentence_idx=setting.sentence_idx,
        section=" › ".join(setting.section_path) or None,
        span_start=lo, span_end=hi,
        sentence_start=setting.sentence_start,
        sentence_end=setting.sentence_start + len(analysis.text),
        quote=analysis.text[lo:hi],
    )


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _strip_article(words: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", words, flags=re.IGNORECASE)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per (subject, predicate, object, polarity) in a sentence: the first rule wins.

    Free-text objects (definitions) count once per subject and predicate.
    """
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for claim in claims:
        obj = "<text>" if claim.object_is_text else claim.object
        predicate, polarity = claim.predicate, claim.polarity
        if predicate == "prevents" and polarity == "negated":
            predicate, polarity = "not_effective_for", "asserted"
        key = (claim.subject, predicate, obj, polarity)
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


_QUANTITY_SLOT = {
    "proportion": ("quantity", {"risk_factor_for", "incidence_in", "recurrence_rate",
                                "prognosis", "complication_of", "symptom_of"}),
    "duration": ("timing", {"onset_after", "prevents", "recommended_for", "diagnostic_test_for",
                            "treats", "risk_factor_for", "sign_of"}),
    "dose": ("dose", {"prevents", "treats", "recommended_for"}),
}


def _with_qualifiers(claims: list[Claim], quantities: list[Quantity], mentions: list[Mention],
                     lexicon: Lexicon, setting: SentenceSetting) -> list[Claim]:
    """Attach numbers, sites and the experimental setting each claim's predicate can carry."""
    if not claims:
        return claims
    sites = sorted({lexicon.get(m.concept_id).name for m in mentions
                    if m.concept_id in lexicon and lexicon.get(m.concept_id).type == "anatomy"})
    for claim in claims:
        for quantity in quantities:
            slot = _QUANTITY_SLOT.get(quantity.kind)
            if slot and claim.predicate in slot[1]:
                claim.qualifiers.setdefault(slot[0], _quantity_dict(quantity))
        used = {claim.subject, claim.object}
        claim_sites = [s for s in sites if s not in used]
        if claim_sites and claim.predicate not in ("occurs_at_site",):
            claim.qualifiers.setdefault("site", claim_sites)
        if setting.model_context:
            claim.qualifiers.setdefault("context", setting.model_context)
    return claims


def _quantity_dict(quantity: Quantity) -> dict[str, object]:
    data: dict[str, object] = {"text": quantity.text}
    for key in ("low", "high", "unit", "relation", "anchor", "fractions"):
        value = getattr(quantity, key)
        if value is not None:
            data[key] = value
    if quantity.approximate:
        data["approximate"] = True
    return data
