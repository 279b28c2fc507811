"""Typed, validated quantity rules (`data/reading/quantities.yaml`).

The words `extract_quantities` knows (number words, units and their factors,
approximators, bounds, relation words, fractionation phrases, what an anchor
phrase may hold) are data, so curators extend them without touching the
reader. These models reject unknown keys and check what the reader relies
on: regexes compile, the character map is one-for-one, bare units are
durations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Literal

from pydantic import Field, field_validator, model_validator

from osteon.datafiles import Strict, load_model

Kind = Literal["proportion", "dose", "duration", "count", "measurement"]

NUMBER_SLOT = "{number}"
"""Where a dose form's pattern captures the fraction count."""


def _check_regex(value: str) -> str:
    try:
        re.compile(value.replace(NUMBER_SLOT, "1"))
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from exc
    return value


class UnitRule(Strict):
    """Aliases that all mean one normalised unit, and the factor into it."""

    unit: str
    kind: Kind
    aliases: list[str] = Field(min_length=1)
    factor: float = Field(default=1.0, gt=0)


class CountNoun(Strict):
    """A thing that is counted ("patients"), named by its singular."""

    unit: str
    aliases: list[str] = Field(min_length=1)


class QuantifierRule(Strict):
    """A word standing for an open proportion ("the majority of" = more than 50 %)."""

    words: list[str] = Field(min_length=1)
    low: float | None
    high: float | None
    relation: str


class PreposedRule(Strict):
    """Words just before a number that qualify it: approximators, bounds, timing, ranges."""

    role: Literal["approximate", "bound", "timing", "range"]
    words: list[str] = Field(min_length=1)
    relation: str | None = None
    open: Literal["low", "high"] | None = None
    kinds: list[Literal["duration", "proportion"]] = ["duration"]
    """For a timing word: the kinds of number it relates ("by 6 months"; "raises the
    risk by 60%", a change, not a rate)."""

    @model_validator(mode="after")
    def _complete(self) -> PreposedRule:
        if self.role == "bound" and (self.relation is None or self.open is None):
            raise ValueError("a bound needs both `relation` and `open`")
        if self.role == "timing" and self.relation is None:
            raise ValueError("a timing rule needs a `relation`")
        return self


class PostposedRule(Strict):
    """Words after a duration: how it relates to an anchor, and whether one follows."""

    words: list[str] = Field(min_length=1)
    relation: str | None
    anchor: bool = False
    implied_anchor: str | None = None
    requires: list[str] = []
    kind: Kind | None = None


class CombineRule(Strict):
    """How a timing word before a duration and a relation word after it combine."""

    before: str
    after: str | None
    relation: str
    open: Literal["low", "high"] | None = None


class DoseForm(Strict):
    """A regex for how a dose is split; `{number}` captures the fraction count."""

    pattern: str
    fractions: int | None = Field(default=None, ge=1)

    _compiles = field_validator("pattern")(_check_regex)

    @model_validator(mode="after")
    def _count_or_number(self) -> DoseForm:
        has_number = NUMBER_SLOT in self.pattern
        if has_number == (self.fractions is not None):
            raise ValueError("give either `{number}` in the pattern or `fractions`, not both")
        return self


class DoseForms(Strict):
    """Fractionation phrases and the units they apply to."""

    units: list[str]
    after: list[DoseForm] = []
    before: list[DoseForm] = []


class AnchorLinks(Strict):
    """Words that carry an anchor on to the means of an event: "diagnosis using a bone scan"."""

    heads: list[str] = []
    words: list[str] = []


class AnchorRules(Strict):
    """What the noun phrase after "after", "of", "than" may hold."""

    max_words: int = Field(ge=1)
    max_joined_words: int = Field(ge=0)
    joiners: list[str]
    determiners: list[str]
    trim: list[str]
    stop_words: list[str]
    links: AnchorLinks = AnchorLinks()


class QuantityRules(Strict):
    """Everything `extract_quantities` knows about numbers (`data/reading/quantities.yaml`)."""

    char_map: dict[str, str]
    number_words: dict[str, int]
    tens_words: dict[str, int]
    multipliers: dict[str, int]
    vague_numbers: dict[str, float | None]
    every_ordinals: dict[str, int]
    ratio_connectors: list[str]
    calendar_years: tuple[int, int]
    fraction_words: dict[str, int]
    fraction_followers: list[str]
    fraction_symbols: dict[str, float]
    quantifiers: list[QuantifierRule]
    units: list[UnitRule]
    dimensions: dict[str, dict[str, float]]
    bare_units: list[str]
    count_max_modifiers: int = Field(ge=0, le=4)
    count_nouns: list[CountNoun]
    preposed: list[PreposedRule]
    range_separators: list[str]
    postposed: list[PostposedRule]
    combine: list[CombineRule]
    dose_forms: DoseForms
    not_after: list[str]
    proportion_not_before: list[str]
    skip_spans: list[str]
    anchor: AnchorRules
    function_words: list[str]

    @field_validator("char_map")
    @classmethod
    def _one_for_one(cls, value: dict[str, str]) -> dict[str, str]:
        for key, target in value.items():
            if len(key) != 1 or len(target) != 1:
                raise ValueError(f"{key!r} -> {target!r}: map one character to one character")
        return value

    @field_validator("skip_spans")
    @classmethod
    def _spans_compile(cls, values: list[str]) -> list[str]:
        for value in values:
            _check_regex(value)
        return values

    @field_validator("fraction_symbols")
    @classmethod
    def _single_characters(cls, value: dict[str, float]) -> dict[str, float]:
        for key in value:
            if len(key) != 1:
                raise ValueError(f"{key!r}: a fraction symbol is one character")
        return value

    @model_validator(mode="after")
    def _bare_units_are_durations(self) -> QuantityRules:
        durations = {a.lower() for u in self.units if u.kind == "duration" for a in u.aliases}
        for word in self.bare_units:
            if word.lower() not in durations:
                raise ValueError(f"bare unit {word!r} is not an alias of a duration unit")
        return self

    def relations(self) -> frozenset[str]:
        """Every relation a figure can be read with ("within", "after", "more_than", ...).

        The vocabulary other stages' rules name relations in (assess's timing, conflicts).
        """
        found: set[str] = set()
        todo: list[object] = [self.model_dump()]
        while todo:
            node = todo.pop()
            if isinstance(node, dict):
                if isinstance(node.get("relation"), str):
                    found.add(node["relation"])
                todo.extend(node.values())
            elif isinstance(node, list | tuple):
                todo.extend(node)
        return frozenset(found)


@cache
def quantity_rules() -> QuantityRules:
    """The packaged quantity rules, loaded and validated once."""
    return load_model(QuantityRules, "reading", "quantities.yaml")


def check_relations(names: Iterable[str]) -> None:
    """Raise ValueError for a relation the reader never records (another stage's rule typo)."""
    known = quantity_rules().relations()
    for relation in names:
        if relation not in known:
            raise ValueError(f"the reader records no relation {relation!r}; it records "
                             f"{', '.join(sorted(known))} (reading/quantities.yaml)")
