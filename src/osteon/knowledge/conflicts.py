"""Find assertions that disagree, by the rules of data/knowledge/conflicts.yaml.

Three general checks and the file's `across` rules (see the file's header):
opposite signs in one family with related agents and targets; the same
triple asserted by one source and hedged by another; numbers that do not
overlap. Two assertions only conflict when they are in the same context and
come from different documents: a page that says "not inherently painful, but
may cause pain" is nuanced, not in conflict with itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from osteon.knowledge.hierarchy import Hierarchy
from osteon.knowledge.profile import selects
from osteon.knowledge.records import Assertion, Conflict, QualifierValue, Stance
from osteon.knowledge.rules import AcrossRule, ConflictRules, Relatedness, Selector
from osteon.reading.lexicon import Lexicon
from osteon.reading.terms import fold

APPROXIMATE_SLACK = 0.10
"""An approximate figure ("about a third") stands for ±10 % of itself when ranges are compared."""


class ConflictFinder:
    """Compares assertions pairwise; holds the rules and the hierarchy they need."""

    def __init__(self, rules: ConflictRules, hierarchy: Hierarchy, lexicon: Lexicon) -> None:
        self.rules = rules
        self.hierarchy = hierarchy
        self.lexicon = lexicon
        self._generic = {g.concept: set(g.counters) for g in rules.generic_agents}

    def among(self, mine: Iterable[Assertion], others: Iterable[Assertion]) -> list[Conflict]:
        """Every conflict between one of `mine` and one of `others`, each pair once.

        Only pairs that could disagree are compared: stances are indexed by family and
        by the concepts they are about, so a corpus where most statements concern HO
        does not make every pair a candidate.
        """
        index: dict[tuple[str, str], dict[int, Assertion]] = defaultdict(dict)
        for other in others:
            for stance in other.stances:
                for concept in {stance.agent, stance.target} - {""}:
                    index[(stance.family, concept)][other.id] = other
        found: list[Conflict] = []
        done: set[tuple[int, int]] = set()
        for assertion in mine:
            near: dict[int, Assertion] = {}
            for stance in assertion.stances:
                around = {c for own in {stance.agent, stance.target} - {""}
                          for c in self._around(own)}
                for family in self._families_meeting(stance, assertion.predicate):
                    for concept in around:
                        near.update(index.get((family, concept), {}))
            for other in near.values():
                pair = (min(assertion.id, other.id), max(assertion.id, other.id))
                if pair not in done:
                    done.add(pair)
                    found.extend(self.between(assertion, other))
        return found

    def _families_meeting(self, stance: Stance, predicate: str) -> set[str]:
        """Families whose stances can disagree with this one: its own, and across rules'."""
        families = {stance.family}
        for rule in self.rules.across:
            for mine, theirs in ((rule.a, rule.b), (rule.b, rule.a)):
                if selects(mine, stance, predicate, self.lexicon):
                    families |= self._selector_families(theirs)
        return families

    def _selector_families(self, selector: Selector) -> set[str]:
        if selector.family:
            return {selector.family}
        if selector.text_class:
            text_class = self.rules.text_classes[selector.text_class]
            return {text_class.family or p for p in text_class.predicates}
        return {self.rules.family_of(p)[0] for p in selector.predicates}

    def _around(self, concept: str) -> frozenset[str] | set[str]:
        return self.hierarchy.related(concept) if concept in self.lexicon else {concept}

    def between(self, a: Assertion, b: Assertion) -> list[Conflict]:
        """Every way `a` and `b` disagree (empty when they agree or cannot be compared)."""
        if a.id == b.id or a.context != b.context or not _different_documents(a, b):
            return []
        found: dict[tuple[str, str], Conflict] = {}
        for sa in a.stances:
            for sb in b.stances:
                for kind, family in self._pair(a, sa, b, sb):
                    found.setdefault((kind, family),
                                     _conflict(a, b, kind, family, self._says(kind)))
        return list(found.values())

    def _pair(self, a: Assertion, sa: Stance, b: Assertion, sb: Stance
              ) -> Iterable[tuple[str, str]]:
        if sa.family == sb.family:
            if sa.sign != sb.sign and self._related(sa.target, sb.target) and (
                    self._agents_meet(a, sa, b, sb)):
                yield "opposite", sa.family
            if (sa.sign == sb.sign and sa.agent == sb.agent and sa.target == sb.target
                    and a.predicate == b.predicate and sa.agent
                    and {a.polarity, b.polarity} == {"asserted", "hedged"}):
                yield "certainty", sa.family
        for rule in self.rules.across:
            if self._across(rule, a, sa, b, sb) or self._across(rule, b, sb, a, sa):
                yield rule.kind, "/".join(sorted({sa.family, sb.family}))

    def _agents_meet(self, a: Assertion, sa: Stance, b: Assertion, sb: Stance) -> bool:
        if not sa.agent or not sb.agent:
            return True
        if sa.agent == sb.agent:
            return True
        for negative, positive in ((sa, b), (sb, a)):  # "no X prevents it" meets every X
            if negative.sign == "-" and positive.predicate in self._generic.get(negative.agent, ()):
                return True
        return self._related(sa.agent, sb.agent)

    def _across(self, rule: AcrossRule, a: Assertion, sa: Stance, b: Assertion, sb: Stance
                ) -> bool:
        if not (selects(rule.a, sa, a.predicate, self.lexicon)
                and selects(rule.b, sb, b.predicate, self.lexicon)):
            return False
        if rule.link == "term_in_use":
            return self._uses_term(b, sa.target)
        return (self._meets(rule.targets, sa.target, sb.target)
                and self._meets(rule.agents, sa.agent, sb.agent))

    def _uses_term(self, b: Assertion, term: str) -> bool:
        """Does `b` use the term `term` names: in its words, or as a concept or a kind of it?

        Only the lexicon's own hierarchy counts here: a document calling the term a
        synonym of something is exactly what is in question.
        """
        if term not in self.lexicon:
            return False
        if b.key.object_is_text:
            entry = self.lexicon.get(term)
            words = fold(b.object)
            if any(fold(n) in words for n in (entry.name, *entry.synonyms)):
                return True
            concepts = [b.subject]
        else:
            concepts = [b.subject, b.object]
        return any(c in self.lexicon and self.lexicon.is_a(c, term) for c in concepts)

    def _meets(self, how: Relatedness, x: str, y: str) -> bool:
        if how == "any" or not x or not y:
            return True
        if how == "covers":
            return x == y or (x in self.lexicon and self.hierarchy.covers(x, y))
        return self._related(x, y)

    def _related(self, x: str, y: str) -> bool:
        return x == y or y in self._around(x)

    def _says(self, kind: str) -> str:
        for rule in self.rules.across:
            if rule.kind == kind:
                return rule.says
        return {"opposite": "one says yes, the other no",
                "certainty": "one asserts what the other only hedges"}.get(kind, kind)


def number_conflict(assertion: Assertion, values: Iterable[QualifierValue]) -> Conflict | None:
    """Figures of one kind and unit on one assertion that no shared range can hold.

    Two values clash when their ranges (approximate ones widened by
    APPROXIMATE_SLACK) do not overlap, unless both come from one and the same
    document only (a page giving "2% in children, 30% in adults" is not in conflict
    with itself).
    """
    by_unit: dict[tuple[str, str | None], list[QualifierValue]] = {}
    for value in values:
        if value.low is not None and value.high is not None:
            by_unit.setdefault((value.kind, value.unit), []).append(value)
    clashes = []
    for group in by_unit.values():
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                if _overlap(x, y) or (x.n_documents == y.n_documents == 1
                                      and x.doc_ids == y.doc_ids):
                    continue
                clashes.append(f"{x.text!r} [{_sources(x)}] vs {y.text!r} [{_sources(y)}]")
    if not clashes:
        return None
    return Conflict(assertion.id, assertion.id, "numbers", assertion.predicate,
                    f"{assertion.text}: figures that do not overlap: " + "; ".join(clashes))


def _sources(value: QualifierValue) -> str:
    if value.n_documents <= len(value.doc_ids):
        return ", ".join(value.doc_ids)
    return f"{value.doc_ids[0]} and {value.n_documents - 1} more documents"


def _overlap(x: QualifierValue, y: QualifierValue) -> bool:
    def widened(v: QualifierValue) -> tuple[float, float]:
        low, high = float(v.low or 0), float(v.high or 0)
        slack = APPROXIMATE_SLACK * abs(high) if v.approximate else 0.0
        return low - slack, high + slack

    (xl, xh), (yl, yh) = widened(x), widened(y)
    return xl <= yh and yl <= xh


def _different_documents(a: Assertion, b: Assertion) -> bool:
    return not (a.n_documents == 1 and b.n_documents == 1
                and a.first_document == b.first_document)


def _conflict(a: Assertion, b: Assertion, kind: str, family: str, says: str) -> Conflict:
    first, second = (a, b) if a.id < b.id else (b, a)
    return Conflict(first.id, second.id, kind, family,
                    f"{says}: \u201c{first.text}\u201d vs \u201c{second.text}\u201d")
