"""Find assertions that disagree, by the rules of data/knowledge/conflicts.yaml.

Four general checks and the file's `across` rules (see the file's header):
opposite signs in one family with related agents and targets; the same
triple asserted by one source and hedged by another; figures for one
measured thing that differ between sources ("figures differ", within one
population and species). Two assertions only conflict when they are in the same context and
come from different documents: a page that says "not inherently painful, but
may cause pain" is nuanced, not in conflict with itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from osteon.knowledge.hierarchy import Hierarchy
from osteon.knowledge.profile import selects, setting_of
from osteon.knowledge.records import Assertion, Conflict, QualifierValue, Stance
from osteon.knowledge.rules import AcrossRule, ConflictRules, FigureRules, Relatedness, Selector
from osteon.reading.lexicon import Lexicon
from osteon.reading.quantity_rules import quantity_rules
from osteon.reading.terms import fold


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
        if a.id == b.id or setting_of(a.context) != setting_of(b.context) or (
                not _different_documents(a, b)):
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


@dataclass(frozen=True, slots=True)
class _Figure:
    """One figure of one assertion, in its dimension's base unit."""

    assertion: Assertion
    value: QualifierValue
    low: float
    high: float
    wide_low: float
    """`low`, less the approximate slack."""
    wide_high: float
    point: bool
    """A single figure, not a range."""

    @classmethod
    def of(cls, assertion: Assertion, value: QualifierValue, rules: FigureRules) -> _Figure:
        size = _unit_size(value.unit)
        low, high = float(value.low or 0) * size, float(value.high or 0) * size
        if value.kind == "timing" and value.relation in rules.from_zero:  # "within 72 h": 0-72
            low = 0.0
        slack = rules.approximate_slack if value.approximate else 0.0
        # each end widened by its own share: "about 2-6 weeks" reaches 12.6 days, not 9.8
        return cls(assertion, value, low, high, low - slack * abs(low), high + slack * abs(high),
                   low == high)


def figure_conflicts(figures: Iterable[tuple[Assertion, QualifierValue]], mine: set[int],
                     rules: FigureRules, lexicon: Lexicon) -> list[Conflict]:
    """Figures for one measured thing that differ between documents ("figures differ").

    Each figure goes to the group of the thing it measures (see `_measure` and
    conflicts.yaml's `figures`); within a group, every pair touching an assertion of
    `mine` whose ranges neither overlap nor round to each other is a clash. One conflict
    per pair of assertions (one assertion with itself when its own sources differ).
    """
    items = list(figures)
    groups: dict[tuple, list[_Figure]] = defaultdict(list)
    for assertion, value in items:
        if (value.low is None or value.high is None or assertion.polarity == "negated"
                or rules.regimen(value.kind, assertion.predicate)):
            continue
        measure = _measure(assertion, value, rules, lexicon)
        groups[measure].append(_Figure.of(assertion, value, rules))
    clashes: dict[tuple[int, int], list[str]] = defaultdict(list)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for group in groups.values():
        if not any(f.assertion.id in mine for f in group):
            continue
        for i, x in enumerate(group):
            x_mine = x.assertion.id in mine
            for y in group[i + 1:]:
                if not (x_mine or y.assertion.id in mine) or _agree(x, y, rules):
                    continue
                if _one_document(x.value, y.value) or _families_differ(x.value, y.value,
                                                                       rules):
                    continue
                first, second = (x, y) if x.assertion.id <= y.assertion.id else (y, x)
                pair = (first.assertion.id, second.assertion.id)
                counts[pair] += 1
                if counts[pair] <= rules.shown:
                    clashes[pair].append(_clash_text(first, second))
    by_id = {a.id: a for a, _ in items}
    out = []
    for (a, b), shown in sorted(clashes.items()):
        extra = counts[(a, b)] - len(shown)
        more = f"; and {extra} more" if extra else ""
        head = (by_id[a].text if a == b
                else f"\u201c{by_id[a].text}\u201d and \u201c{by_id[b].text}\u201d")
        out.append(Conflict(a, b, rules.kind, by_id[a].predicate,
                            f"{rules.says}: {head}: " + "; ".join(shown) + more))
    return out


def number_conflict(assertion: Assertion, values: Iterable[QualifierValue],
                    rules: FigureRules | None = None, lexicon: Lexicon | None = None
                    ) -> Conflict | None:
    """The "figures differ" conflict of one assertion's own figures, or None."""
    from osteon.knowledge.rules import conflict_rules
    from osteon.reading.lexicon import load_lexicon

    found = figure_conflicts([(assertion, v) for v in values], {assertion.id},
                             rules or conflict_rules().figures, lexicon or load_lexicon())
    return found[0] if found else None


def _measure(assertion: Assertion, value: QualifierValue, rules: FigureRules,
             lexicon: Lexicon) -> tuple:
    """What a figure measures: figures with equal measures can be compared."""
    scope = (value.scope.population, value.scope.species, value.scope.severity,
             value.sites)
    dimension = _dimension(value.unit)
    subject = _compared_as(assertion.subject, rules.compare_as, lexicon)
    obj = _compared_as(assertion.object, rules.compare_as, lexicon)
    order = rules.lag.get(value.relation or "")
    if value.kind == "timing" and order and value.anchor:
        anchor = _anchor_concept(value.anchor, lexicon)
        if anchor and anchor != assertion.subject:
            anchor = _compared_as(anchor, rules.compare_as, lexicon)
            first, second = ((subject, anchor) if order == "earlier" else (anchor, subject))
            return ("lag", first, second, assertion.predicate, obj, assertion.context,
                    dimension, scope)
    return ("same", subject, assertion.predicate, obj, assertion.context, value.kind,
            dimension, value.relation, fold(value.anchor or ""), scope)


@lru_cache(maxsize=4096)
def _compared_as(concept: str, roots: tuple[str, ...], lexicon: Lexicon) -> str:
    if concept in lexicon:
        for root in roots:
            if lexicon.is_a(concept, root):
                return root
    return concept


ANCHOR_NAME_WORDS = 5
"""The longest concept name looked for inside an anchor phrase, in words."""


@lru_cache(maxsize=4096)
def _anchor_concept(anchor: str, lexicon: Lexicon) -> str | None:
    """The first concept an anchor phrase names, its longest name at the earliest word.

    "a positive bone scan" names the bone scan; "plain films show heterotopic
    ossification" names the X-ray that shows it (the head comes first), not the
    condition at its end; "the triple phase bone scan turns positive" the three-phase
    bone scan, not a plain one.
    """
    words = anchor.split()
    for i in range(len(words)):
        for j in range(min(len(words), i + ANCHOR_NAME_WORDS), i, -1):
            found = lexicon.concept_id_for(" ".join(words[i:j]))
            if found:
                return found
    return None


def _dimension(unit: str | None) -> str | None:
    for name, sizes in quantity_rules().dimensions.items():
        if unit in sizes:
            return name
    return unit


def _unit_size(unit: str | None) -> float:
    for sizes in quantity_rules().dimensions.values():
        if unit in sizes:
            return sizes[unit]
    return 1.0


def _one_document(x: QualifierValue, y: QualifierValue) -> bool:
    """A page giving two figures ("2% in children, 30% in adults") is not at odds with itself."""
    return x.n_documents == y.n_documents == 1 and x.doc_ids == y.doc_ids


def _families_differ(x: QualifierValue, y: QualifierValue, rules: FigureRules) -> bool:
    fx, fy = set(x.scope.family), set(y.scope.family)
    if any((family in fx) != (family in fy) for family in rules.apart_families):
        return True
    return bool(fx and fy and not fx & fy)


def _agree(x: _Figure, y: _Figure, rules: FigureRules) -> bool:
    """Overlapping ranges, a figure at the edge of a range, or ends equal within rounding."""
    overlap = min(x.wide_high, y.wide_high) - max(x.wide_low, y.wide_low)
    if overlap > 1e-9 or ((x.point or y.point) and overlap >= -1e-9):
        return True
    tolerance = rules.rounding
    return (abs(x.wide_low - y.wide_low) <= tolerance * max(abs(x.wide_low), abs(y.wide_low))
            and abs(x.wide_high - y.wide_high)
            <= tolerance * max(abs(x.wide_high), abs(y.wide_high)))


def _clash_text(x: _Figure, y: _Figure) -> str:
    if x.assertion.id == y.assertion.id:
        return f"{x.value.text!r} [{_sources(x.value)}] vs {y.value.text!r} [{_sources(y.value)}]"
    return (f"{x.value.text!r} ({x.assertion.text}) [{_sources(x.value)}] vs "
            f"{y.value.text!r} ({y.assertion.text}) [{_sources(y.value)}]")


def _sources(value: QualifierValue) -> str:
    if value.n_documents <= len(value.doc_ids):
        return ", ".join(value.doc_ids)
    return f"{value.doc_ids[0]} and {value.n_documents - 1} more documents"


def _different_documents(a: Assertion, b: Assertion) -> bool:
    return not (a.n_documents == 1 and b.n_documents == 1
                and a.first_document == b.first_document)


def _conflict(a: Assertion, b: Assertion, kind: str, family: str, says: str) -> Conflict:
    first, second = (a, b) if a.id < b.id else (b, a)
    return Conflict(first.id, second.id, kind, family,
                    f"{says}: \u201c{first.text}\u201d vs \u201c{second.text}\u201d")
