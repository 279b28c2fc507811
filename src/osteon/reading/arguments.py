"""Finding a rule's subject and object around its trigger.

The argument of a trigger is an allowed concept mention on the rule's side of it,
within its clause (clause breaks such as "but", "however", ";" bound it), picked as the
nearest mention, the coordinated group around it ("burns, fractures, or other
traumatic injuries"), the group's general member, or with its "such as" members; when
the text names none, the section's concept, the topic or the previous sentence's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import get_args

from osteon.reading.lexicon import Lexicon
from osteon.reading.lexicon_memo import LexiconMemo
from osteon.reading.records import ConceptType, Mention, SentenceSetting
from osteon.reading.relation_rules import Argument, RelationRules, compiled
from osteon.reading.trigger_filter import guarded
from osteon.reading.virtual_mentions import BRACKETED, with_same_span

PREPOSITIONAL = re.compile(
    r"\b(?:of|from|by|after|following|before|in|on|at|to|for|during|within|than|(?<!such )as)\s+"
    r"(?:[\w-]+,?\s+(?:or|and)\s+)*"
    r"(?:(?:the|a|an|their|its|this|these)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)

_LIST_LINK = re.compile(r"\s*(?:(?:and|or)\s+)?(?:(?:the|a|an|other)\s+)?", re.IGNORECASE)
"""What may stand between a comma and the list item it introduces."""

_RELATIVE_BEFORE = re.compile(
    r"\b(?:that|which|who)\s+(?:(?:also|often|usually|then|further|directly|can|may|might|"
    r"could|will|would|is|are|was|were|be|been)\s+)*$", re.IGNORECASE)
"""A trigger whose subject is a relative pronoun right before it ("... that stimulate", "...
which is usually caused by")."""

_HEAD_END = re.compile(r"(?:\s*\([^()]{1,40}\))?[\s,)\]]*")
"""What may stand between the pronoun's noun and the pronoun: a bracketed short name."""

_COPULA_HEAD = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:is|are|was|were)\s+(?:a|an|the)\s+"
                          r"(?:[\w-]+\s+){0,3}?[\w-]+\s*", re.IGNORECASE)
"""'X is a process that causes ...': the noun the pronoun follows is X itself."""

_SUBJECT_WORDS = 3
"""At most this many words ("The early", "Most") before the mention that opens a clause as
its subject, counted from the clause's start or from a comma that closes a fronted phrase
("Present at birth, it causes ...")."""

_VERB_BEFORE = re.compile(
    r"\b(?:may|might|can|could|will|would|should|must|does|do|did|is|are|was|were)\b",
    re.IGNORECASE)
"""A verb before a mention ("…, may worsen inflammation and lead to HO") makes it the
object of that verb, not the subject of the clause a joined verb phrase continues."""

_CLASS_APPOSITION = re.compile(r",\s*(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
"""What stands between a named member and its class set beside it ("etidronate, a …")."""

_FELLOW = re.compile(r"\s*,?\s*(?:and|or|and/or)\s+(?:(?:the|its|their)\s+)?",
                     re.IGNORECASE)
"""What joins a noun to a trigger that is a noun: "diagnosis and treatment of"."""

_EMBEDDED_RELATIVE = re.compile(
    r",\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3})?(?:that|which|who)\s[^,;()]*,\s*$"
    r"|\(\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3})?(?:that|which|who)\s[^()]*\)\s*$",
    re.IGNORECASE)
"""A relative clause set off by commas or brackets right before a trigger ("etidronate, a
bisphosphonate that inhibits mineralization, reduces ..."): the trigger is the main clause's."""

BARE_COMMA = re.compile(r"\s*,\s*")
"""A list item joined by a comma alone: followed by a finite verb, it opens a clause."""
_LAST_AND = re.compile(r",\s+and\s+(?!.*,\s+and\s)", re.IGNORECASE | re.DOTALL)
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|remains?|returns?|becomes?)\b",
                          re.IGNORECASE)
"""'when A is stable, B is normal, and X-rays show …': clauses joined by ', and'."""

_OPENS_RELATIVE = re.compile(r",\s*(?:which|who)$", re.IGNORECASE)
"""A clause break that opens a relative clause (", which")."""

_POINTS_BACK = re.compile(r"\s*(?:they|it|these|this|both)\b", re.IGNORECASE)
"""A main clause that opens with a pronoun speaks of what the clause before it named."""

_RELATIVE = re.compile(r"(?:that|which|who|whom|whose|where)\b", re.IGNORECASE)
"""A free-text object that opens with a relative pronoun is a clause, not a description."""

_COMPLEMENT_OF = re.compile(r"\b(?:development|formation|occurrence|appearance|presence|"
                            r"growth|onset)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
"""'of' after a noun of coming about: what follows is that noun's subject ("a predisposing
factor for development of HO around the joints": HO forms there, not the factor)."""

_OWNER_REACH = 100
"""How far before a trigger an owner phrase ("patients with X, who …") may stand."""


@dataclass(slots=True)
class FoundArgument:
    """An argument resolved: mentions in the text, or an implicit concept, or free text."""

    mentions: list[Mention] = field(default_factory=list)
    implicit: list[str] = field(default_factory=list)
    text: str | None = None
    candidates: list[Mention] = field(default_factory=list)
    """Every allowed mention of the region, before picking (nearest last on the left)."""


class ArgumentFinder:
    """Resolves rule arguments in one sentence at a time (it caches the clause breaks)."""

    def __init__(self, lexicon: Lexicon, rules: RelationRules,
                 memo: LexiconMemo | None = None) -> None:
        self.lexicon = lexicon
        self.rules = rules
        self.memo = memo or LexiconMemo(lexicon)
        self._allowed: dict[int, tuple[Argument, dict[str, bool]]] = {}
        self._breaks = guarded(rules.clause_breaks if not rules.verb_links
                               else f"{rules.clause_breaks}|{rules.verb_links}")
        self._verb_link = compiled(rules.verb_links) if rules.verb_links else None
        self._right_end = compiled(rules.right_ends) if rules.right_ends else None
        self._names = compiled(rules.name_apposition) if rules.name_apposition else None
        self._gap = compiled(rules.coordination_gap)
        self._types: dict[tuple[str, ...], frozenset[str]] = {}
        self._which = re.compile(r",\s*which\s*$", re.IGNORECASE)
        self._such_as = compiled(rules.member_intro)
        self._break_cache: tuple[str | None, list[tuple[int, int]]] = (None, [])
        self._concessive = compiled(rules.concessive) if rules.concessive else None
        self._modifier = compiled(rules.modifier_link) if rules.modifier_link else None
        self._post_modifier = (compiled(rules.post_modifier_link)
                               if rules.post_modifier_link else None)
        self._care_noun = compiled(rules.care_noun_link) if rules.care_noun_link else None
        self._one_patient = compiled(rules.one_patient) if rules.one_patient else None

    def needs(self, argument: Argument) -> frozenset[str | None] | None:
        """Concept types one of which a sentence must mention to fill `argument`.

        None when the argument can be filled without a mention (implicit, text, a group).
        """
        if argument.text or argument.implicit != "none" or argument.side == "group":
            return None
        types = self.rules.expand_types(argument.types)
        return frozenset(types or get_args(ConceptType))

    def allowed(self, argument: Argument, concept_id: str) -> bool:
        """Tell whether a concept may fill `argument` (its type, or its kind of concept).

        Asked for every mention of every rule that fires, so each answer is kept per
        argument (keyed by identity: arguments are frozen and the rules outlive this).
        """
        entry = self._allowed.get(id(argument))
        if entry is None or entry[0] is not argument:
            entry = self._allowed[id(argument)] = (argument, {})
        answers = entry[1]
        found = answers.get(concept_id)
        if found is None:
            found = answers[concept_id] = self._allowed_uncached(argument, concept_id)
        return found

    def _allowed_uncached(self, argument: Argument, concept_id: str) -> bool:
        if concept_id not in self.lexicon:
            return False
        key = tuple(argument.types)
        if key not in self._types:
            self._types[key] = self.rules.expand_types(argument.types)
        types = self._types[key]
        if types and self.lexicon.get(concept_id).type not in types:
            return False
        if argument.concepts:
            return any(concept_id == c or self.memo.is_a(concept_id, c)
                       for c in argument.concepts)
        return True

    def clause_matches(self, pattern: str, text: str, match: re.Match[str]) -> bool:
        """Tell whether `pattern` occurs in the clause around a trigger match (rule `unless`)."""
        lo, _ = self._region(text, match.start(), match.end(), "left", "clause")
        _, hi = self._region(text, match.start(), match.end(), "right", "clause")
        return bool(guarded(pattern).search(text, lo, hi))

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
            stop = self._right_end.search(text, end, ceiling) if self._right_end else None
            if stop is not None:
                ceiling = stop.start()
        return end, ceiling

    def resolve(self, argument: Argument, match: re.Match[str], text: str,
                mentions: list[Mention], setting: SentenceSetting,
                taken: frozenset[tuple[int, int]] = frozenset()) -> FoundArgument:
        """Find what fills `argument` for one trigger match.

        Mentions in the argument's region, else an implicit concept, or free text. `taken`
        holds the spans an earlier match of the same trigger took as its right-hand
        argument: a repeated trigger shares its head ("HO follows A, B and, less often,
        other disorders such as C": the second "after" attaches C to HO, not to B), so on
        the left those mentions are not this match's.
        """
        if argument.side == "group":
            group = argument.group or "0"
            lo, hi = match.span(int(group) if group.isdigit() else group)
            if lo < 0:  # an optional group the text left out: the unsaid concept, if any
                return FoundArgument(implicit=self.implicit(argument, setting, text))
        else:
            lo, hi = self._region(text, match.start(), match.end(), argument.side,
                                  argument.scope)
            if argument.side == "left" and argument.scope == "clause":
                lo = self._past_concession(text, lo, match.start(), mentions)
                lo, hi = self._past_embedded_relative(text, lo, match.start())
        if argument.text:
            words = trimmed(text[lo:hi])
            if not words or _RELATIVE.match(words):
                return FoundArgument()  # "a process that occurs during X": no definition
            return FoundArgument(text=strip_article(words))
        inside = [m for m in mentions if lo <= m.start and m.end <= hi
                  and self.allowed(argument, m.concept_id)]
        if (not inside and argument.side == "right" and argument.scope == "clause"
                and text.startswith(":", hi) and len(text[lo:hi].split()) <= 4):
            # "associated with several conditions: A, B and C": the list after the colon
            hi = self._region(text, hi, hi + 1, "right", "clause")[1]
            inside = [m for m in mentions if lo <= m.start and m.end <= hi
                      and self.allowed(argument, m.concept_id)]
        if not inside and argument.side == "left" and argument.scope == "clause":
            inside = self._continued_subject(argument, text, lo, mentions)
        if inside and argument.side == "left" and argument.scope == "clause":
            inside = self._own_clause(inside, text, lo, match.start())
        if inside and argument.side == "left" and self._names is not None:
            inside = self._past_other_names(inside, text, lo, match.start())
        if inside and argument.side == "left":
            relative = _RELATIVE_BEFORE.search(text[lo:match.start()])
            if relative is not None:
                # "mediators that stimulate bone": the relative pronoun's noun is the
                # subject; a mention further back is not, whatever it is
                head = lo + relative.start()
                inside = [m for m in inside if m.end <= head]
                if inside and not (_HEAD_END.fullmatch(text, inside[-1].end, head)
                                   or _COPULA_HEAD.fullmatch(text, inside[-1].end, head)):
                    return FoundArgument()
        if taken and argument.side == "left":
            inside = [m for m in inside if (m.start, m.end) not in taken]
        if self._modifier is not None and inside:
            inside = [m for m in inside if not self._modifies(m, text, mentions)]
        if self._care_noun is not None and inside:
            # "following a multimodal pain protocol": the protocol, not the pain
            inside = [m for m in inside if not self._care_noun.match(text, m.end)]
        if self._post_modifier is not None and inside and argument.side == "left":
            inside = [m for m in inside if not self._post_modifies(argument, m, text, mentions)]
        region = inside  # "such as" members need not pass the head's own filters
        if not inside and argument.side == "group":
            named = self.memo.concept_id_for(text[lo:hi])
            if named and self.allowed(argument, named):
                inside = [Mention(named, lo, hi, text[lo:hi])]
        if not inside and argument.side == "left" and self._which.search(text, 0, lo):
            # "JAK1 and JAK2, which are activated by OSMR": the argument is what "which" follows.
            before = self._which.search(text, 0, lo)
            inside = [m for m in mentions if m.end <= before.start()
                      and self.allowed(argument, m.concept_id)]
            inside = self._coordinated_before(inside, text)
        if argument.not_fellow and argument.side == "left":
            inside = [m for m in inside if not _FELLOW.fullmatch(text, m.end, match.start())]
        if argument.exclude:
            pattern = compiled(argument.exclude)
            inside = [m for m in inside if not pattern.search(text[max(0, m.start - 25):m.start])]
        if argument.require:
            pattern = compiled(argument.require)
            if argument.pick == "coordinated" and inside:
                # "people with A, B or C": the words before the list's first item count
                chain = self._pick(argument, inside, text)
                head = min(chain, key=lambda m: m.start)
                inside = inside if pattern.search(text[max(0, head.start - 80):head.start]) else (
                    [m for m in inside if pattern.search(text[max(0, m.start - 80):m.start])])
            else:
                inside = [m for m in inside
                          if pattern.search(text[max(0, m.start - 80):m.start])]
        if argument.side in ("left", "right"):
            def between(m: Mention) -> str:
                return (text[match.end():m.start] if argument.side == "right"
                        else text[m.end:match.start()])

            if argument.gap is not None:
                wholly = compiled(argument.gap)
                inside = [m for m in inside if wholly.fullmatch(between(m))]
            if argument.gap_not is not None:
                barred = compiled(argument.gap_not)
                inside = [m for m in inside if not barred.search(between(m))]
            if argument.max_gap_words is not None:
                most = argument.max_gap_words

                def near(m: Mention) -> bool:
                    return len(between(m).split()) <= most

                if argument.pick == "coordinated" and inside:
                    # the list must start near the trigger; its later items may lie further
                    head = inside[0] if argument.side == "right" else inside[-1]
                    inside = inside if near(head) else []
                else:
                    inside = [m for m in inside if near(m)]
        if argument.skip_prepositional:
            inside = [m for m in inside if not PREPOSITIONAL.search(text, max(0, m.start - 30),
                                                                       m.start)
                      or _COMPLEMENT_OF.search(text, max(0, m.start - 30), m.start)]
        if inside:
            picked = self._pick(argument, inside, text)
            if argument.side == "left":
                picked = [self._member_before(m, text, mentions) for m in picked]
            if self._blocked(argument, picked):
                return FoundArgument()  # the topic, or a finding, stands where the argument
                # would: no claim
            if argument.members:
                picked = picked + self._members(picked, region, text)
            if argument.finding_prefix:
                picked = [self._as_finding(m, argument.finding_prefix) for m in picked]
            return FoundArgument(mentions=picked, candidates=inside)
        if argument.named_before is not None and argument.side == "right":
            before = self._named_before(argument, match, text, mentions)
            allowed = [m for m in before if self.allowed(argument, m.concept_id)]
            if allowed:
                return FoundArgument(mentions=allowed, candidates=allowed)
            if before:
                return FoundArgument()  # named, and not of the argument's types: no fallback
        if argument.owner_before is not None and argument.side == "left":
            owned = self._owner_before(argument, match, text, mentions)
            if owned is not None:
                return FoundArgument(mentions=owned, candidates=owned)
        if argument.implicit_when is not None and not self._implicit_holds(
                argument.implicit_when, argument.side, match, text):
            return FoundArgument()  # the words beside the trigger name something else
        if argument.implicit_if is not None and not compiled(argument.implicit_if).search(text):
            return FoundArgument()  # the sentence speaks of something else
        return FoundArgument(implicit=self.implicit(argument, setting, text))

    @staticmethod
    def _implicit_holds(pattern: str, side: str, match: re.Match[str], text: str) -> bool:
        """Do the words beside the trigger leave the argument to the implicit fallback?

        On the right, the pattern matches from the trigger's end ("to prevent recurrence");
        on the left it must end where the trigger starts ("a fibro-osseous pseudotumour is
        often mistaken for" names a disease the lexicon does not know there).
        """
        if side == "right":
            return compiled(pattern).match(text, match.end()) is not None
        return compiled(f"(?:{pattern})\\Z").search(text, 0, match.start()) is not None

    def _named_before(self, argument: Argument, match: re.Match[str], text: str,
                      mentions: list[Mention]) -> list[Mention]:
        """The mentions left of the trigger, in its clause, that `named_before` leads into."""
        assert argument.named_before is not None
        lead = compiled(argument.named_before)
        lo, _ = self._region(text, match.start(), match.end(), "left", "clause")
        return [m for m in mentions if lo <= m.start and m.end <= match.start()
                and lead.search(text[max(lo, m.start - 40):m.start])]

    def _owner_before(self, argument: Argument, match: re.Match[str], text: str,
                      mentions: list[Mention]) -> list[Mention] | None:
        """The concept an owner phrase before the trigger names, or None without one.

        The owner stands for the argument only where it is a kind of the topic ("patients
        with FOP, who present with swellings"); an empty list means it names something else
        ("patients with SCI, who present with leg swelling": the sentence gives the swelling
        to no condition, neither SCI nor the section's): no claim.
        """
        assert argument.owner_before is not None
        lead = compiled(argument.owner_before)
        owners = list(lead.finditer(text, max(0, match.start() - _OWNER_REACH), match.start()))
        if not owners:
            return None
        found = owners[-1]  # the nearest owner before the trigger
        named = [m for m in mentions if found.end() <= m.start < found.end() + 40
                 and m.end <= match.start()]
        if not named:
            return None
        return [m for m in named[:1] if self.allowed(argument, m.concept_id)
                and self.memo.is_a(m.concept_id, self.rules.topic)]

    def _past_other_names(self, inside: list[Mention], text: str, lo: int, start: int
                          ) -> list[Mention]:
        """Without the other names a closed apposition gives ("X, also known as A and B, is")."""
        opener = self._names.search(text, lo, start) if self._names else None
        if opener is None:
            return inside
        close = text.rfind(",", opener.end(), start)
        if close < 0:
            return inside  # the trigger is inside the apposition
        return [m for m in inside if not opener.start() <= m.start < close]

    def _member_before(self, mention: Mention, text: str, mentions: list[Mention]) -> Mention:
        """The named member a class mention is set beside, else the mention itself.

        "palovarotene, a RAR-gamma agonist that works … to reduce bone formation": the class
        only says what palovarotene is; what the clause says is said of palovarotene.
        """
        lead = _CLASS_APPOSITION.search(text, max(0, mention.start - 60), mention.start)
        if lead is None:
            return mention
        member = next((m for m in mentions if m.end == lead.start()), None)
        if (member is not None and member.concept_id != mention.concept_id
                and self.memo.is_a(member.concept_id, mention.concept_id)):
            return member
        return mention

    def _continued_subject(self, argument: Argument, text: str, lo: int,
                           mentions: list[Mention]) -> list[Mention]:
        """The subject of the clause a joined verb phrase continues, when `lo` opens one.

        "Alendronate is a bisphosphonate and has been observed to reduce HO": the verb after
        "and" is alendronate's. Back past every joined verb phrase to the clause's start, the
        allowed mentions among its first words are the subject; none there, no subject
        (the object of the verb before is not it).
        """
        breaks = self._clause_breaks(text)
        start = lo
        while True:
            link = next((br for br in breaks if br[1] == start), None)
            joined = self._verb_link.match(text, link[0]) if link and self._verb_link else None
            if joined is None or joined.end() != link[1]:  # (its lookahead sees past the link)
                break
            start = max((end for _, end in breaks if end <= link[0]), default=0)
        if start == lo:
            return []
        opening = [m for m in mentions if start <= m.start < lo
                   and self.allowed(argument, m.concept_id)
                   and len(text[start:m.start].rsplit(",", 1)[-1].split()) <= _SUBJECT_WORDS
                   and not _VERB_BEFORE.search(text[start:m.start].rsplit(",", 1)[-1])
                   and not PREPOSITIONAL.search(text, max(start, m.start - 30), m.start)]
        if not opening:
            return []
        return [m for m in mentions if start <= m.start < lo and m.start >= opening[0].start
                and self.allowed(argument, m.concept_id)
                and m.end <= self._group_end(opening[0], mentions, text, lo)]

    def _group_end(self, first: Mention, mentions: list[Mention], text: str, hi: int) -> int:
        """Where the coordinated group that `first` opens ends ("A, B and C is ...")."""
        end = first.end
        for m in sorted((m for m in mentions if first.end <= m.start < hi), key=lambda m: m.start):
            if m.start < end:
                continue
            if not self.joins(text, end, m.start):
                break
            end = m.end
        return end

    def joins(self, text: str, end: int, start: int) -> bool:
        """Do the words between two mentions only join them as items of a list ("A, B or C")?"""
        return self._gap.fullmatch(BRACKETED.sub("", text[end:start])) is not None

    def _modifies(self, mention: Mention, text: str, mentions: list[Mention]) -> bool:
        """Does `mention` only modify the mention after it ("burn-induced HO")?"""
        link = self._modifier.match(text, mention.end) if self._modifier else None
        return link is not None and any(m.start == link.end() for m in mentions)

    def _post_modifies(self, argument: Argument, mention: Mention, text: str,
                       mentions: list[Mention]) -> bool:
        """Does `mention` only say which of the mention before it ("HO after SCI")?

        Only where that one may fill the argument itself ("osteoblasts in HO after TKA":
        HO still follows TKA), and not when the mention names a kind of it ("ossification
        in FOP is irreversible" is said of FOP).
        """
        assert self._post_modifier is not None
        link = self._post_modifier

        def says_which(m: Mention, through_place: bool) -> bool:
            for h in mentions:
                if not (h.end <= m.start and h.concept_id != m.concept_id
                        and link.fullmatch(text, h.end, m.start)):
                    continue
                if (self.allowed(argument, h.concept_id)
                        and not self.memo.is_a(mention.concept_id, h.concept_id)):
                    return True
                if through_place and self.memo.type_of(h.concept_id) == "anatomy" and (
                        says_which(self._place_start(h, text, mentions), False)):
                    return True  # "HO in her soleus muscle after trauma"
            return False
        return says_which(mention, True)

    def _place_start(self, place: Mention, text: str, mentions: list[Mention]) -> Mention:
        """The first of the places named one after another that end with `place`.

        "soleus muscle": the soleus, then the muscle.
        """
        for m in sorted(mentions, key=lambda m: -m.start):
            if (m.end <= place.start and self.memo.type_of(m.concept_id) == "anatomy"
                    and not text[m.end:place.start].strip(" -")):
                place = m
        return place

    @staticmethod
    def _own_clause(inside: list[Mention], text: str, lo: int, start: int) -> list[Mention]:
        """The mentions of the last of several clauses joined by ', and', where it has some.

        "When nerve injury is stable, alkaline phosphatase is normal, and X-rays show clear
        margins": each clause before ', and' has its own verb and subject, so what shows the
        margins is the X-rays, not the first test named. A list of names ("X-rays, CT, and
        MRI show") has no verb before ', and' and keeps its items.
        """
        last = _LAST_AND.search(text, lo, start)
        if last is None or len(text[last.end():start].split()) > 5:
            return inside
        tail = [m for m in inside if m.start >= last.end()]
        if tail and _FINITE_VERB.search(text, lo, last.start()):
            return tail
        return inside

    def _past_embedded_relative(self, text: str, lo: int, start: int) -> tuple[int, int]:
        """The left region of a trigger that follows a relative clause set off before it.

        "Etidronate, a bisphosphonate that inhibits mineralization, reduces bone formation"
        and "Etidronate, which inhibits mineralization, reduces …": what the relative clause
        names says what etidronate is or does; the subject of "reduces" comes before it.
        """
        if lo > 0 and _OPENS_RELATIVE.search(text, 0, lo) and re.search(
                r",\s*$", text[lo:start]) and "," not in text[lo:start].rstrip().rstrip(","):
            opener = _OPENS_RELATIVE.search(text, 0, lo)
            assert opener is not None
            before = self._region(text, opener.start(), opener.start(), "left", "clause")[0]
            return before, opener.start()
        embedded = _EMBEDDED_RELATIVE.search(text, lo, start)
        if embedded is not None:
            return lo, embedded.start()
        return lo, start

    def _past_concession(self, text: str, lo: int, start: int, mentions: list[Mention]
                         ) -> int:
        """Where the main clause starts, when the clause opens with a concession.

        "Although a rare inherited disease, called X, exists, most cases result from Y": the
        concessive clause runs to the last comma before the trigger that joins no two list
        items ("Although rare, burns, fractures and surgery cause it" keeps its list), and
        what it names is not the trigger's. Elsewhere `lo` stands.
        """
        if self._concessive is None or lo == 0:
            return lo
        opener = next((br for br in self._clause_breaks(text) if br[1] == lo), None)
        if opener is None or not self._concessive.fullmatch(text, *opener):
            return lo
        for comma in reversed([m.start() for m in re.finditer(",", text[lo:start])]):
            at = lo + comma
            if not text[at + 1:start].strip():
                return lo  # "a rare disease, called X": the trigger is the concession's own
            joins_items = (any(not text[m.end:at].strip(" )") for m in mentions if m.end <= at)
                           and any(_LIST_LINK.fullmatch(text, at + 1, m.start)
                                   for m in mentions if m.start > at))
            if not joins_items:
                # "Although A and B are unspecific, they are raised in X": the main clause's
                # pronoun points back to what the concession named
                return lo if _POINTS_BACK.match(text, at + 1) else at + 1
        return lo

    def _blocked(self, argument: Argument, picked: list[Mention]) -> bool:
        """Is a picked mention the topic (`not_topic`) or of a `blocked_by` type?"""
        topic = self.rules.topic
        if argument.not_topic and any(m.concept_id == topic or self.memo.is_a(m.concept_id, topic)
                                      for m in picked):
            return True
        if argument.blocked_by:
            blocked = self.rules.expand_types(argument.blocked_by)
            return any(self.lexicon.get(m.concept_id).type in blocked for m in picked
                       if m.concept_id in self.lexicon)
        return False

    def _coordinated_before(self, inside: list[Mention], text: str) -> list[Mention]:
        """The last mention and those coordinated with it ("JAK1 and JAK2, which ...")."""
        if not inside:
            return []
        chain = [inside[-1]]
        for candidate in reversed(inside[:-1]):
            if not self.joins(text, candidate.end, chain[-1].start):
                break
            chain.append(candidate)
        return list(reversed(chain))

    def _as_finding(self, mention: Mention, prefix: str) -> Mention:
        """'alkaline phosphatase' read as 'elevated alkaline phosphatase' when that is a concept."""
        name = self.lexicon.get(mention.concept_id).name
        found = self.memo.concept_id_for(f"{prefix} {name}")
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
        """'medications such as A or B' -> A and B join the argument.

        A member list may go on to another class with members of its own ("trauma such as
        fractures, and neurological disorders such as stroke"): those join too. The topic
        (or a kind of it) has as members only its kinds: in "other injuries also cause HO
        such as brain injuries", the brain injuries are the injuries', not kinds of HO.
        """
        out: list[Mention] = []
        queue = list(picked)
        while queue:
            mention = queue.pop(0)
            intro = self._such_as.match(text, mention.end)
            if not intro or not self.may_gather(mention.concept_id, [
                    m for m in inside if m.start >= intro.end()][:1]):
                continue
            following = [m for m in inside if m.start >= intro.end() and m not in picked
                         and m not in out]
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
            queue.extend(chain)
        return out

    def may_gather(self, concept: str, members: list[Mention]) -> bool:
        """May the concept be the class "such as" members hang from?

        The topic and its kinds gather only what the lexicon has as their kinds; any other
        class gathers what follows it.
        """
        topic = self.rules.topic
        if concept != topic and not (concept in self.lexicon and self.memo.is_a(concept, topic)):
            return True
        return all(m.concept_id in self.lexicon and self.memo.is_a(m.concept_id, concept)
                   for m in members)

    def _pick(self, argument: Argument, inside: list[Mention], text: str) -> list[Mention]:
        if argument.pick == "all":
            return inside
        if argument.pick == "first":
            return [m for m in inside if m.start == inside[0].start]
        if argument.pick == "first_group":
            chosen = [inside[0]]
            for candidate in inside[1:]:
                gap = BRACKETED.sub("", text[chosen[-1].end:candidate.start])
                if not self._gap.fullmatch(gap):
                    break
                chosen.append(candidate)
            return with_same_span(chosen, inside)
        toward_trigger_last = argument.side == "left"
        ordered = list(reversed(inside)) if toward_trigger_last else list(inside)
        chosen = [ordered[0]]
        if argument.pick == "nearest":
            return with_same_span(chosen, inside)
        brackets = [m.span() for m in BRACKETED.finditer(text)] if "(" in text else []
        for candidate in ordered[1:]:
            previous = chosen[-1]
            if any(lo < candidate.start < hi and not lo < previous.start < hi
                   for lo, hi in brackets):
                continue  # "fractures (mainly A and B), or C": the bracket's members are
                # not links of the chain ("such as" members join it later)
            gap = (text[candidate.end:previous.start] if toward_trigger_last
                   else text[previous.end:candidate.start])
            if not self._gap.fullmatch(BRACKETED.sub("", gap)):
                break
            if (not toward_trigger_last and BARE_COMMA.fullmatch(gap)
                    and text[candidate.end:candidate.end + 1].isspace()
                    and _FINITE_VERB.match(text[candidate.end:candidate.end + 30].lstrip())):
                break  # "HO after head injury, ankylosis is most likely …": a new clause's
                # subject, no item of the list
            chosen.append(candidate)
        if toward_trigger_last and argument.pick == "coordinated":
            head = self._class_before(chosen[-1], inside, text)
            if head is not None:
                chosen.append(head)
        if argument.pick == "general":
            ids = {m.concept_id for m in chosen}
            chosen = [m for m in chosen
                      if not any(o != m.concept_id and self.memo.is_a(m.concept_id, o)
                                 for o in ids)]
        return with_same_span(chosen, inside)

    def implicit(self, argument: Argument, setting: SentenceSetting, text: str) -> list[str]:
        """The concept an argument the text leaves unsaid stands for, if any.

        Never the section's or the topic's in a sentence that tells of one patient: "Her
        serum calcium was elevated" is what was found in her, no sign of the page's topic.
        """
        if argument.implicit == "none":
            return []
        if argument.implicit == "concept":
            return argument.concepts[:1]
        if argument.implicit == "previous":
            for group in (setting.previous_mentions, setting.earlier_mentions):
                earlier = self.memo.first_named(
                    [m.concept_id for m in group if self.allowed(argument, m.concept_id)])
                if earlier:
                    return earlier
            return []
        if self._one_patient is not None and self._one_patient.search(text):
            return []
        if argument.implicit == "section":
            for group in (setting.heading_mentions, setting.title_mentions):
                found = [m.concept_id for m in group if self.allowed(argument, m.concept_id)]
                if found:
                    return found[:1]
        return [c for c in setting.default_topic(self.rules.topic) if self.allowed(argument, c)]

    # -- virtual mentions --------------------------------------------------------


def strip_article(words: str) -> str:
    """Drop a leading article from a free-text argument."""
    return re.sub(r"^(?:a|an|the)\s+", "", words, flags=re.IGNORECASE)


_EDGE = " ,;:.“”\"'"
_CITATION_END = re.compile(
    r"\s*[(\[](?:[^()\[\]]*\bet al\b[^()\[\]]*|[^()\[\]]*\b(?:19|20)\d\d[a-z]?|"
    r"\s*\d+(?:\s*[-–,]\s*\d+)*\s*)[)\]]$")
"""A reference at the end of free text ("(Smith et al. 2005)", "[12]"): no part of it."""


def trimmed(words: str) -> str:
    """Free text without the punctuation at its ends, brackets kept where they pair.

    "a complication after knee replacement (TKA)" keeps its closing bracket; a bracket the
    region cut in two ("(TKA" or "bone)") goes, with what it opened before the cut, and so
    does a reference at the end ("(Smith et al. 2005)", "[3]").
    """
    words = words.strip(_EDGE)
    while True:
        if words.endswith(")") and words.count(")") > words.count("("):
            words = words[:-1].strip(_EDGE)
        elif words.startswith("(") and words.count("(") > words.count(")"):
            words = words[1:].strip(_EDGE)
        elif words.count("(") > words.count(")"):
            words = words[:words.rindex("(")].strip(_EDGE)
        elif words.startswith("(") and words.endswith(")"):
            words = words[1:-1].strip(_EDGE)
        elif (cited := _CITATION_END.search(words)) is not None:
            words = words[:cited.start()].strip(_EDGE)
        else:
            return words
