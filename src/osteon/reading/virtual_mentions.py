"""Mentions the lexicon alone does not find, and mentions that are not arguments.

An elided head ("traumatic brain or spinal cord injuries") is restored from the
lexicon; an anaphor ("these medications", "the condition", "they") stands for its
antecedents; a bracketed alias ("X (Y)") is the same thing named twice, not a second
argument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from osteon.reading.lexicon import Lexicon
from osteon.reading.lexicon_memo import LexiconMemo
from osteon.reading.records import Mention, SentenceSetting
from osteon.reading.relation_rules import Anaphor, RelationRules
from osteon.reading.trigger_filter import guarded, may_match, required_literals

BRACKETED = re.compile(r"\([^()]*\)")
_COMPOSITION_WINDOW = 80
"""How far before a mention its modifying words may start."""
_OPENS_WITH_IT = re.compile(r"\s*It\b")
"""A sentence whose subject is "It": a later "and it" is the same thing."""
_WORDS_BEFORE = re.compile(r"((?:[\w-]+\s+){0,1}[\w-]+)\s+(?:or|and|,)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _CompiledAnaphor:
    """An anaphor rule with its patterns compiled and its types expanded."""

    pattern: re.Pattern[str]
    literals: frozenset[str] | None
    types: frozenset[str]
    across: re.Pattern[str] | None
    rule: Anaphor
    apposition: re.Pattern[str] | None = None
    names_unnamed: re.Pattern[str] | None = None


class VirtualMentions:
    """Adds elided heads and anaphors to a sentence's mentions.

    Each anaphor and composition pattern carries the literals one of which any match
    must contain (`trigger_filter`): most sentences hold none of them, and then the
    pattern is not run at all.
    """

    def __init__(self, lexicon: Lexicon, rules: RelationRules,
                 memo: LexiconMemo | None = None) -> None:
        self.lexicon = lexicon
        self.rules = rules
        self.memo = memo or LexiconMemo(lexicon)
        self._anaphors = [_CompiledAnaphor(
            guarded(a.pattern), required_literals(a.pattern), rules.expand_types(a.types),
            re.compile(a.across, re.IGNORECASE) if a.across else None, a,
            re.compile(a.apposition, re.IGNORECASE) if a.apposition else None,
            re.compile(a.names_unnamed, re.IGNORECASE) if a.names_unnamed else None)
            for a in rules.anaphors]
        self._compositions = [(guarded(c.before), required_literals(c.before), c.name)
                              for c in rules.compositions]
        self._predicate_nominal = (re.compile(rules.predicate_nominal, re.IGNORECASE)
                                   if rules.predicate_nominal else None)
        self._plural_names = (re.compile(rules.plural_names, re.IGNORECASE)
                              if rules.plural_names else None)

    def composed(self, text: str, mentions: list[Mention], folded: str | None = None
                 ) -> list[Mention]:
        """Mentions re-read as the narrower concept their modifiers name, when the lexicon has it.

        "those who have previously experienced HO" is a history of HO, not HO: a claim
        about the modified phrase must not land on the bare concept. The mention keeps its
        span; only its concept changes. `folded` is `text.casefold()`, when already made.
        """
        if not self._compositions:
            return mentions
        folded = text.casefold() if folded is None else folded
        active = [(pattern, template) for pattern, literals, template in self._compositions
                  if may_match(literals, folded)]
        if not active:
            return list(mentions)  # no pattern can match anywhere in the sentence
        return [self._compose(text, mention, active) for mention in mentions]

    def _compose(self, text: str, mention: Mention,
                 compositions: list[tuple[re.Pattern[str], str]]) -> Mention:
        lo = max(0, mention.start - _COMPOSITION_WINDOW)
        for pattern, template in compositions:
            if not pattern.search(text, lo, mention.start):
                continue
            names = (self.lexicon.get(mention.concept_id).name, mention.text) if (
                mention.concept_id in self.lexicon) else (mention.text,)
            for name in names:
                found = self.memo.concept_id_for(template.format(name=name, text=name))
                if found and found != mention.concept_id:
                    return Mention(found, mention.start, mention.end, mention.text,
                                   mention.negated, mention.hedged, mention.historical,
                                   mention.hypothetical)
        return mention

    def uncomposed(self, mention: Mention) -> str | None:
        """The bare concept a composed mention was re-read from, or None if it was not.

        "Patients who developed HO following a previous arthroplasty": the words read as a
        history of HO where the patients are at risk, yet what follows the event is HO.
        """
        bare = self.memo.concept_id_for(mention.text)
        if bare is None or bare == mention.concept_id or bare not in self.lexicon:
            return None
        name = self.lexicon.get(bare).name
        for _, _, template in self._compositions:
            if self.memo.concept_id_for(template.format(name=name, text=mention.text)) == (
                    mention.concept_id):
                return bare
        return None

    def without_class_heads(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Drop 'X' in 'the X Y' when Y is a kind of X ("the glucocorticoid corticosterone").

        The specific name is the argument; the class only introduces it.
        """
        drop: set[int] = set()
        for i, (head, member) in enumerate(zip(mentions, mentions[1:], strict=False)):
            if (not text[head.end:member.start].strip() and head.concept_id in self.lexicon
                    and member.concept_id in self.lexicon
                    and member.concept_id != head.concept_id
                    and self.memo.is_a(member.concept_id, head.concept_id)):
                drop.add(i)
        return [m for i, m in enumerate(mentions) if i not in drop]

    def as_predicate_nominals(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """An umbrella a copula makes the subject's class stands for that subject.

        "FOP, the most disabling condition of extra skeletal ossification, is a rare genetic
        disorder which causes immobility": the immobility is FOP's, not every rare genetic
        disorder's. The mention keeps its words and takes the concept of the first mention
        before it that is a kind of the umbrella; with none, it is no argument at all.
        """
        if self._predicate_nominal is None:
            return mentions
        out: list[Mention] = []
        for i, mention in enumerate(mentions):
            if mention.concept_id not in self.rules.umbrella or not (
                    self._predicate_nominal.search(text, max(0, mention.start - 80),
                                                   mention.start)):
                out.append(mention)
                continue
            subject = next((m for m in mentions[:i] if m.concept_id != mention.concept_id
                            and m.concept_id in self.lexicon
                            and self.memo.is_a(m.concept_id, mention.concept_id)), None)
            if subject is not None:
                out.append(replace(mention, concept_id=subject.concept_id))
        return out

    def elided(self, text: str, mentions: Iterable[Mention]) -> list[Mention]:
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
                concept = self.memo.concept_id_for(f"{candidate} {head}")
                if concept and concept != mention.concept_id:
                    start = before.start(1) + (len(phrase) - len(candidate))
                    out.append(Mention(concept, start, start + len(candidate), candidate,
                                       mention.negated, mention.hedged))
                    break
        return out

    def type_of(self, concept_id: str) -> str | None:
        """The concept's type, or None for an id the lexicon lacks."""
        return self.memo.type_of(concept_id)

    def anaphora(self, text: str, setting: SentenceSetting,
                 real: list[Mention] | None = None, folded: str | None = None
                 ) -> list[Mention]:
        """'these medications' -> the drugs of the previous sentence; 'this condition' -> topic.

        An anaphor outranks a lexicon match on the same words ("medications"
        is a concept, "these medications" points back). `folded` is
        `text.casefold()`, when already made.
        """
        out: list[Mention] = []
        folded = text.casefold() if folded is None else folded
        type_of = self.memo.type_of
        for anaphor in self._anaphors:
            rule, types = anaphor.rule, anaphor.types
            if not may_match(anaphor.literals, folded):
                continue
            for match in anaphor.pattern.finditer(text):
                # a pattern may say which of its words is the anaphor: group `it`
                lo, hi = match.span("it") if "it" in anaphor.pattern.groupindex else match.span()
                if any(m.start < hi and lo < m.end for m in out):
                    continue
                named = anaphor.apposition.match(text, hi) if anaphor.apposition else None
                if named is not None:  # "this condition, known as HO": HO
                    after = [m.concept_id for m in real or ()
                             if m.start >= named.end() and type_of(m.concept_id) in types]
                    if after:
                        out.append(Mention(after[0], lo, hi, text[lo:hi]))
                        continue
                before = lo
                same_sentence = [m.concept_id for m in real or ()
                                 if m.end <= before and type_of(m.concept_id) in types
                                 and (anaphor.across is None
                                      or anaphor.across.search(text, m.end, before))]
                if rule.nearest:
                    same_sentence.reverse()
                if rule.last:
                    earlier = [m.concept_id for m in setting.previous_mentions
                               if self.type_of(m.concept_id) in types]
                    antecedents = earlier[-1:]
                elif rule.subject:
                    # "It is found in … trauma … and it can be classified as …": the second
                    # "it" is the first one's, what the sentence before was about
                    own = [] if _OPENS_WITH_IT.match(text) else same_sentence[:1]
                    antecedents = own or self._subject_of(types, setting)
                else:
                    antecedents = same_sentence[:1] or self._antecedents(types, setting)
                if (anaphor.names_unnamed is not None and not same_sentence
                        and antecedents == [self.rules.topic] and self._by_default(setting)):
                    naming = anaphor.names_unnamed.match(text, hi)
                    after = [m.concept_id for m in real or () if naming is not None
                             and m.start >= naming.end() and type_of(m.concept_id) in types]
                    antecedents = after[:1] or antecedents
                if rule.concepts:
                    antecedents = [c for c in antecedents if any(
                        c == k or self.memo.is_a(c, k) for k in rule.concepts)
                    ] or list(rule.concepts[:1])
                for concept in antecedents:
                    out.append(Mention(concept, lo, hi, text[lo:hi]))
        return out

    def _by_default(self, setting: SentenceSetting) -> bool:
        """Is the topic an anaphor's antecedent only by default: named by nothing around it?"""
        topic = self.rules.topic
        return not any(m.concept_id == topic or self.memo.is_a(m.concept_id, topic)
                       for m in (*setting.previous_mentions, *setting.earlier_mentions,
                                 *setting.heading_mentions, *setting.title_mentions))

    def _subject_of(self, types: frozenset[str], setting: SentenceSetting) -> list[str]:
        """What a sentence-opening "It" stands for.

        That is the previous sentence's first mention of these types, its subject (else the
        sentence before's), or the heading's or title's condition, or the topic. A mention
        whose words are plural is none: "There are traumatic, neurologic and the rare genetic
        forms of HO. It is a severe complication" speaks of HO, not of its genetic forms.
        """
        for group in (setting.previous_mentions, setting.earlier_mentions):
            first = self.memo.first_named([m.concept_id for m in sorted(
                group, key=lambda m: m.start) if self.type_of(m.concept_id) in types
                and not self._plural(m)])
            if first:
                return first
        if "condition" not in types:
            return []
        for group in (setting.heading_mentions, setting.title_mentions):
            named = [m.concept_id for m in group if self.type_of(m.concept_id) == "condition"]
            if named:
                return named[:1]
        return setting.default_topic(self.rules.topic)

    def _plural(self, mention: Mention) -> bool:
        """Do the mention's words name several things ("the genetic forms of HO")?"""
        return self._plural_names is not None and bool(self._plural_names.search(mention.text))

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
                       if c == self.rules.topic or self.memo.is_a(c, self.rules.topic)]
            if topical:
                return topical[:1]
            found = [c for c in found if self.type_of(c) != "condition"]
        specific = [c for c in found if c not in self.rules.umbrella]
        if specific:
            return specific  # "prophylaxis with NSAIDs or radiation ... They reduce": not
            # the umbrella, the things it gathers
        if found:
            return found
        if "condition" in types:
            heading = typed(setting.heading_mentions) or typed(setting.title_mentions)
            return heading[:1] or setting.default_topic(self.rules.topic)
        return []

    # -- claims -----------------------------------------------------------------


def with_same_span(chosen: list[Mention], inside: list[Mention]) -> list[Mention]:
    """Add the mentions that share a chosen one's words (an anaphor with two antecedents)."""
    spans = {(m.start, m.end) for m in chosen}
    return chosen + [m for m in inside if (m.start, m.end) in spans and m not in chosen]


def without_appositions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop 'Y' in 'X (Y)': a bracketed alias of the mention before it is not a new argument."""
    out: list[Mention] = []
    for mention in mentions:
        if out:
            before = text[out[-1].end:mention.start]
            if before.strip() == "(" and text[mention.end:].lstrip().startswith(")"):
                continue
        out.append(mention)
    return out
