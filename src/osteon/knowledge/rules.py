"""The knowledge stage's data files, validated: belief priors, conflict rules, phrasing.

Kept as data (`osteon/data/knowledge/`) so a curator can tune how much a FAQ
weighs against an encyclopedia, or teach osteon a new kind of disagreement,
without touching code. Every concept and predicate a rule names is checked
against the lexicon and the predicate vocabulary when the rules load.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Literal

from pydantic import Field, PrivateAttr, RootModel, field_validator

from osteon.datafile_errors import line_of_value
from osteon.datafiles import Strict, check_regex, data_path, load_model, parse_model
from osteon.errors import DataFileError
from osteon.reading.lexicon import load_lexicon
from osteon.reading.quantity_rules import check_relations
from osteon.reading.records import PREDICATES, NumberKind

Sign = Literal["+", "-"]
Relatedness = Literal["related", "covers", "any"]


class BeliefRules(Strict):
    """Priors for belief: how reliable a kind of document is, how sure a polarity is."""

    reliability: dict[str, float]
    default_reliability: float = Field(ge=0, le=1)
    certainty: dict[Literal["asserted", "negated", "hedged"], float]

    @field_validator("reliability")
    @classmethod
    def _in_unit_interval(cls, value: dict[str, float]) -> dict[str, float]:
        for kind, weight in value.items():
            if not 0 <= weight <= 1:
                raise ValueError(f"reliability of {kind!r} must lie in [0, 1], not {weight}")
        return value

    def weight(self, kind: str, polarity: str) -> float:
        """What one independent source of this kind, with this polarity, adds."""
        return (self.reliability.get(kind, self.default_reliability)
                * self.certainty.get(polarity, 1.0))  # type: ignore[call-overload]


class Family(Strict):
    """Predicates that answer one question, yes (positive) or no (negative)."""

    positive: tuple[str, ...]
    negative: tuple[str, ...] = ()


class GenericAgent(Strict):
    """An agent that stands for every agent when negated ("no preventive treatment")."""

    concept: str
    counters: tuple[str, ...]


class TextClass(Strict):
    """Free text sorted by what it says, and the stance that takes."""

    predicates: tuple[str, ...]
    patterns: tuple[str, ...]
    family: str | None = None
    sign: Sign | None = None

    @field_validator("patterns")
    @classmethod
    def _regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_regex(p) for p in value)


CompiledClass = tuple[str, TextClass, list[re.Pattern[str]]]


class Selector(Strict):
    """Which stances a rule speaks of; every field given must hold."""

    family: str | None = None
    sign: Sign | None = None
    predicates: tuple[str, ...] = ()
    text_class: str | None = None
    agent_under: tuple[str, ...] = ()


class StanceSpec(Strict):
    family: str
    sign: Sign


class ExtraStance(Strict):
    """Further stances a matching claim takes (a resection that treats: reversible)."""

    when: Selector
    take: tuple[StanceSpec, ...]


class AcrossRule(Strict):
    """Two stances of different families that disagree."""

    kind: str
    a: Selector
    b: Selector
    agents: Relatedness = "any"
    targets: Relatedness = "related"
    link: Literal["targets", "term_in_use"] = "targets"
    says: str


class Regimen(Strict):
    """Figures that prescribe, not measure: these kinds (on these predicates, or any)."""

    kinds: tuple[NumberKind, ...]
    predicates: tuple[str, ...] = ()


class FigureRules(Strict):
    """When two figures for one measured thing differ (conflicts.yaml's `figures`)."""

    kind: str = "figures differ"
    says: str = "the sources give figures that do not overlap"
    rounding: float = Field(0.05, ge=0, lt=1)
    """Ends this close (relative to the larger) are equal within rounding."""
    approximate_slack: float = Field(0.10, ge=0, lt=1)
    """An approximate figure ("about a third") stands for this share either side of each end."""
    lag: dict[str, Literal["earlier", "later"]] = {}
    """Timing relations that order two events: "A 7-10 days earlier than B" and "B 1-2 weeks
    after A" measure one lag, from A to B."""

    @field_validator("lag")
    @classmethod
    def _reader_relations(cls, value: dict[str, str]) -> dict[str, str]:
        check_relations(value)
        return value
    shown: int = Field(5, ge=1)
    """Differing pairs spelled out in one conflict's explanation; the rest are counted."""
    compare_as: tuple[str, ...] = ()
    """Concepts whose kinds are compared as them: a figure for neurogenic HO and one for HO
    measure one thing (the population, in the scope, still keeps SCI apart from burns)."""
    apart_families: tuple[str, ...] = ()
    """Families whose figures are compared only with figures of the same family."""
    regimens: tuple[Regimen, ...] = ()
    """Doses and treatment timings: choices sources may differ on, never compared."""
    from_zero: tuple[str, ...] = ()
    """Timing relations that give a deadline ("within 72 hours"): the window starts at 0
    (timings only: "reduced by 50%" is a change)."""

    @field_validator("from_zero")
    @classmethod
    def _known_relations(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        check_relations(value)
        return value

    def regimen(self, kind: str, predicate: str) -> bool:
        """Is a figure of this kind on this predicate a regimen (never compared)?"""
        return any(kind in r.kinds and (not r.predicates or predicate in r.predicates)
                   for r in self.regimens)


class ConflictRules(Strict):
    """The whole of conflicts.yaml."""

    families: dict[str, Family]
    figures: FigureRules = FigureRules()
    generic_agents: tuple[GenericAgent, ...] = ()
    text_classes: dict[str, TextClass] = {}
    extra_stances: tuple[ExtraStance, ...] = ()
    across: tuple[AcrossRule, ...] = ()
    _compiled: list[CompiledClass] = PrivateAttr(default_factory=list)

    def family_of(self, predicate: str) -> tuple[str, Sign]:
        """The family a predicate answers in, and the sign it answers with when asserted."""
        for name, family in self.families.items():
            if predicate in family.positive:
                return name, "+"
            if predicate in family.negative:
                return name, "-"
        return predicate, "+"

    def model_post_init(self, _context: object) -> None:
        self._compiled = [(name, tc, [re.compile(p, re.IGNORECASE) for p in tc.patterns])
                          for name, tc in self.text_classes.items()]

    def compiled_classes(self) -> list[CompiledClass]:
        """Text classes with their patterns compiled once."""
        return self._compiled


Phrasing = dict[str, tuple[str, str, str]]


def _check_names(rules: ConflictRules, name: str) -> None:
    """Fail loudly on a predicate or concept the rest of osteon does not know."""
    lexicon = load_lexicon()
    predicates: list[str] = []
    concepts: list[str] = []
    for family in rules.families.values():
        predicates += [*family.positive, *family.negative]
    concepts += rules.figures.compare_as
    for regimen in rules.figures.regimens:
        predicates += regimen.predicates
    for generic in rules.generic_agents:
        concepts.append(generic.concept)
        predicates += generic.counters
    for tc in rules.text_classes.values():
        predicates += tc.predicates
    selectors = [e.when for e in rules.extra_stances]
    selectors += [s for rule in rules.across for s in (rule.a, rule.b)]
    for selector in selectors:
        predicates += selector.predicates
        concepts += selector.agent_under
        if selector.text_class and selector.text_class not in rules.text_classes:
            raise DataFileError(name, "text_class", f"unknown text class {selector.text_class!r}",
                                line=line_of_value(name, selector.text_class))
    for predicate in predicates:
        if predicate not in PREDICATES:
            raise DataFileError(name, "predicate", f"{predicate!r} is not in the vocabulary",
                                line=line_of_value(name, predicate))
    for concept in concepts:
        if concept not in lexicon:
            raise DataFileError(name, "concept", f"{concept!r} is not a lexicon concept id",
                                line=line_of_value(name, concept))


@cache
def belief_rules() -> BeliefRules:
    """Belief priors from data/knowledge/belief.yaml."""
    return load_model(BeliefRules, "knowledge", "belief.yaml")


@cache
def conflict_rules() -> ConflictRules:
    """Conflict rules from data/knowledge/conflicts.yaml, names checked."""
    rules = load_model(ConflictRules, "knowledge", "conflicts.yaml")
    _check_names(rules, "data/knowledge/conflicts.yaml")
    return rules


class _Phrasing(RootModel[dict[str, tuple[str, str, str]]]):
    """predicates.yaml: predicate → its asserted, negated and hedged templates."""


@cache
def phrasing() -> Phrasing:
    """Sentence templates per predicate: asserted, negated, hedged."""
    from osteon.datafiles import load_yaml

    name = "data/knowledge/predicates.yaml"
    forms = parse_model(_Phrasing, load_yaml("knowledge", "predicates.yaml"), name).root
    missing = [p for p in PREDICATES if p not in forms]
    if missing:
        raise DataFileError(name, missing[0], "predicate has no phrasing")
    unknown = [k for k in forms if k.partition("@")[0].removesuffix("_text") not in PREDICATES]
    if unknown:
        raise DataFileError(name, unknown[0], "phrasing for a predicate osteon does not know")
    return forms


def knowledge_version() -> str:
    """A hash of the knowledge code and data: when it changes, assertions are rebuilt."""
    from importlib import resources

    digest = hashlib.sha256()
    code = resources.files("osteon.knowledge")
    for name in sorted(p.name for p in code.iterdir() if p.name.endswith(".py")):
        digest.update(code.joinpath(name).read_bytes())
    folder = data_path("knowledge")
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml")):
        digest.update(folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]
