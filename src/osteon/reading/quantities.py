"""Numbers read from text: proportions, doses, time windows, counts and measurements.

`extract_quantities` turns "A dose of 7-8 Gray in a single fraction within
24–48 hours of surgery" into a 7–8 Gy single-fraction dose and a 24–48 hour
window "within" "surgery", each with the exact span it was read from, so
downstream stages never re-read raw text. The words (number words, units,
approximators, relation words) live in `data/rules/quantities.yaml`; this
module only interprets them.

It runs over every sentence of a corpus, so it reads in one linear pass:

1. A same-length character map turns dashes, odd spaces and look-alike
   symbols into plain ones; offsets into the original text stay exact.
2. One search on the lower-cased text finds triggers: digits, number,
   fraction and time words. A sentence without one costs just that search.
3. At each trigger, or the word before it ("a few", "the majority"), an
   anchored scanner reads a number, "every third", "one in three", "a third
   of", "n = 114" or a bare "years".
4. The start grows left over at most three qualifiers ("about", "up to",
   "within", "between") and right over a unit, a range, a relation and its
   anchor, or a fraction count, all with anchored regexes on short windows.
   Nothing backtracks across the sentence, so time grows with its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from osteon.datafiles import load_model
from osteon.reading.records import Quantity

__all__ = ["QuantityRules", "extract_quantities", "quantity_rules"]

Kind = Literal["proportion", "dose", "duration", "count", "measurement"]

_R = r"(?![^\W_])"  # no letter or digit just after
_SP = r"[ \t]+"
_PRE_WINDOW = 48
_MAX_DIGITS = 15
_NUMBER = "{number}"


# ---------------------------------------------------------------- rule models


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_regex(value: str) -> str:
    try:
        re.compile(value.replace(_NUMBER, "1"))
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from exc
    return value


class UnitRule(_Strict):
    """Aliases that all mean one normalised unit, and the factor into it."""

    unit: str
    kind: Kind
    aliases: list[str] = Field(min_length=1)
    factor: float = Field(default=1.0, gt=0)


class CountNoun(_Strict):
    """A thing that is counted ("patients"), named by its singular."""

    unit: str
    aliases: list[str] = Field(min_length=1)


class QuantifierRule(_Strict):
    """A word standing for an open proportion ("the majority of" = more than 50 %)."""

    words: list[str] = Field(min_length=1)
    low: float | None
    high: float | None
    relation: str


class PreposedRule(_Strict):
    """Words just before a number that qualify it: approximators, bounds, timing, ranges."""

    role: Literal["approximate", "bound", "timing", "range"]
    words: list[str] = Field(min_length=1)
    relation: str | None = None
    open: Literal["low", "high"] | None = None

    @model_validator(mode="after")
    def _complete(self) -> PreposedRule:
        if self.role == "bound" and (self.relation is None or self.open is None):
            raise ValueError("a bound needs both `relation` and `open`")
        if self.role == "timing" and self.relation is None:
            raise ValueError("a timing rule needs a `relation`")
        return self


class PostposedRule(_Strict):
    """Words after a duration: how it relates to an anchor, and whether one follows."""

    words: list[str] = Field(min_length=1)
    relation: str | None
    anchor: bool = False
    implied_anchor: str | None = None
    requires: list[str] = []
    kind: Kind | None = None


class CombineRule(_Strict):
    """How a timing word before a duration and a relation word after it combine."""

    before: str
    after: str | None
    relation: str
    open: Literal["low", "high"] | None = None


class DoseForm(_Strict):
    """A regex for how a dose is split; `{number}` captures the fraction count."""

    pattern: str
    fractions: int | None = Field(default=None, ge=1)

    _compiles = field_validator("pattern")(_check_regex)

    @model_validator(mode="after")
    def _count_or_number(self) -> DoseForm:
        has_number = _NUMBER in self.pattern
        if has_number == (self.fractions is not None):
            raise ValueError("give either `{number}` in the pattern or `fractions`, not both")
        return self


class DoseForms(_Strict):
    """Fractionation phrases and the units they apply to."""

    units: list[str]
    after: list[DoseForm] = []
    before: list[DoseForm] = []


class AnchorRules(_Strict):
    """What the noun phrase after "after", "of", "than" may hold."""

    max_words: int = Field(ge=1)
    max_joined_words: int = Field(ge=0)
    joiners: list[str]
    determiners: list[str]
    trim: list[str]
    stop_words: list[str]


class QuantityRules(_Strict):
    """Everything `extract_quantities` knows about numbers (`data/rules/quantities.yaml`)."""

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


@cache
def quantity_rules() -> QuantityRules:
    """The packaged quantity rules, loaded and validated once."""
    return load_model(QuantityRules, "rules", "quantities.yaml")


# ----------------------------------------------------------- compiled reader


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    kind: Kind
    factor: float = 1.0


@dataclass(slots=True)
class _Term:
    """One end of a quantity: a value (None when unstated) and its unit."""

    start: int
    end: int
    value: float | None
    unit: _Unit | None
    weak: bool = False  # "a few", "a", a bare "weeks": kept only on a time line
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class _Pre:
    rule: PreposedRule
    start: int


@dataclass(frozen=True, slots=True)
class _Doc:
    """One input in three same-length views, so every offset means the same in each."""

    text: str  # as given: spans are cut from it
    norm: str  # dashes, spaces and symbols made plain: units are matched here, case kept
    lower: str  # `norm` lower-cased: everything else is matched here, without IGNORECASE


def _lower(norm: str) -> str:
    """Lower-case without changing the length ("İ" lower-cases to two characters)."""
    low = norm.lower()
    if len(low) == len(norm):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)


def _norm(words: str) -> str:
    return " ".join(words.lower().split())


def _phrase(words: str) -> str:
    """A regex for a lower-cased word or phrase, any run of spaces between its words."""
    return _SP.join(re.escape(w) for w in words.lower().split())


def _bounded(words: str, lower: bool = True) -> str:
    """`_phrase` with a word boundary after it when it ends in a letter or digit.

    No boundary is checked before it: every regex here is matched at a word
    start (the scanner), after a space or hyphen, or glued to a number ("5mg").
    """
    body = _phrase(words) if lower else _SP.join(re.escape(w) for w in words.split())
    return body + (_R if words[-1:].isalnum() else "")


def _alt(words: Iterable[str], bounded: bool = True) -> str:
    ordered = sorted({_norm(w) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_bounded(w) if bounded else _phrase(w) for w in ordered) + ")"


def _reversed_alt(words: Iterable[str]) -> str:
    """An alternation matching the words read backwards, to look left with one anchored match.

    Matched against the reversed text just before a number, so the spaces
    between the word and the number come first.
    """
    parts = []
    for word in sorted({_norm(w) for w in words}, key=lambda w: (-len(w), w)):
        back = _SP.join(re.escape(w[::-1]) for w in reversed(word.split()))
        gap = _SP if word[-1:].isalnum() else "[ \t]*"
        parts.append(gap + back + (_R if word[:1].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")"


def _behind(lower: str, floor: int, start: int) -> str:
    """The text just before `start`, back to `floor`, reversed."""
    return lower[max(floor, start - _PRE_WINDOW):start][::-1]


class _Reader:
    """The rules compiled into regexes and lookup tables, built once per process."""

    def __init__(self, rules: QuantityRules) -> None:
        self.rules = rules
        self.table = str.maketrans(rules.char_map)
        self._build_numbers(rules)
        self._build_units(rules)
        self._build_context(rules)
        self._build_scanner(rules)

    # -- building

    def _build_numbers(self, rules: QuantityRules) -> None:
        self.words = {k.lower(): float(v) for k, v in rules.number_words.items()}
        self.words.update({k.lower(): float(v) for k, v in rules.tens_words.items()})
        self.mults = {k.lower(): float(v) for k, v in rules.multipliers.items()}
        self.vague = {_norm(k): v for k, v in rules.vague_numbers.items()}
        self.digits_re = (r"(?<![\w.])(?<![^\W\d_][-/])"
                          r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?")
        units9 = [w for w, v in rules.number_words.items() if v < 10]
        self.words_re = (
            f"(?:{_alt(rules.tens_words, False)}(?:[ \t]*-[ \t]*|{_SP})"
            f"{_alt(units9, False)}{_R}|{_alt(self.words)})"
            f"(?:[ \t-]+{_alt(self.mults)})?|(?:an?{_SP})?{_alt(self.mults)}")
        self.vague_re = _alt(self.vague)
        self.digits_re += f"(?:{_SP}{_alt(self.mults)})?"  # "2 million"
        self.numtok = f"(?:{self.digits_re}|{self.words_re})"
        self.numval_rx = re.compile(
            f"(?P<d>{self.digits_re})|(?P<v>{self.vague_re})|(?P<w>{self.words_re})")

    def _build_units(self, rules: QuantityRules) -> None:
        self.exact: dict[str, _Unit] = {}
        self.folded: dict[str, _Unit] = {}
        for rule in rules.units:
            unit = _Unit(rule.unit, rule.kind, rule.factor)
            for alias in rule.aliases:
                if len(alias) <= 3:
                    self.exact[alias] = unit
                else:
                    self.folded[_norm(alias)] = unit
        gap = r"(?:[ \t]?-[ \t]?|[ \t]{0,2})"
        exact = sorted(self.exact, key=lambda a: (-len(a), a))
        self.exact_rx = re.compile(  # matched on the text as written: "Gy", "mL", "h"
            gap + "(?P<u>" + "|".join(_bounded(a, lower=False) for a in exact) + ")")
        self.folded_rx = re.compile(f"{gap}(?P<u>{_alt(self.folded)})")  # on lower-case
        self.nouns = {_norm(a): _Unit(n.unit, "count") for n in rules.count_nouns
                      for a in n.aliases}
        self.nouns_re = _alt(self.nouns)
        function_words = _alt(rules.function_words)
        self.count_rx = re.compile(
            rf"(?:{_SP}(?!{function_words})[^\W\d_][\w-]*){{0,{rules.count_max_modifiers}}}"
            rf"{_SP}(?P<n>{self.nouns_re})")
        self.scale = {u: (dim, s) for dim, table in rules.dimensions.items()
                      for u, s in table.items()}
        self.bare = {_norm(w): self._unit(w) for w in rules.bare_units}
        self.bare_re = _alt(rules.bare_units)
        self.bare_rx = re.compile(self.bare_re)
        self.time_words = sorted({u.unit for u in rules.units if u.kind == "duration"})

    def _build_context(self, rules: QuantityRules) -> None:
        self.pre = {_norm(w): r for r in rules.preposed for w in r.words}
        self.pre_rx = re.compile(f"(?P<w>{_reversed_alt(self.pre)})")
        self.not_after_rx = re.compile(_reversed_alt(rules.not_after))
        words = [s for s in rules.range_separators if s[:1].isalnum()] or ["to"]
        symbols = [s for s in rules.range_separators if not s[:1].isalnum()] or ["-"]
        self.sep_rx = re.compile(
            f"[ \t]*(?P<s>{_alt(symbols, False)})[ \t]*|{_SP}(?P<w>{_alt(words)}){_SP}")
        self.post = {_norm(w): r for r in rules.postposed for w in r.words}
        self.post_rx = re.compile(rf"(?:{_SP}|[ \t]?-[ \t]?)(?P<p>{_alt(self.post)})")
        self.combine = {(c.before, c.after): c for c in rules.combine}
        self.ci_rx = re.compile(rf"[ \t]*\(?[ \t]*{_alt(rules.proportion_not_before)}")
        self.skip_rx = [re.compile(p) for p in rules.skip_spans]
        number = f"(?P<n>{self.numtok})"
        self.dose_units = frozenset(rules.dose_forms.units)
        self.dose_after = [
            (re.compile(f"(?:{_SP}|[ \t]*,[ \t]*)(?:{f.pattern.replace(_NUMBER, number)}){_R}",
                        re.IGNORECASE), f.fractions)
            for f in rules.dose_forms.after]
        self.dose_before = [
            (re.compile(f"(?:{f.pattern.replace(_NUMBER, number)})[ \t-]*\\Z", re.IGNORECASE),
             f.fractions)
            for f in rules.dose_forms.before]
        anchor = rules.anchor
        self.stop = frozenset(w.lower() for w in anchor.stop_words)
        self.joiners = frozenset(w.lower() for w in anchor.joiners)
        self.determiners = frozenset(w.lower() for w in anchor.determiners)
        self.trim = frozenset(w.lower() for w in anchor.trim)
        self.token_rx = re.compile(r"[ \t]+([^\W_][\w'’]*(?:[-/.][^\W_][\w'’]*)*\.?)")
        self.follow_rx = re.compile(f"{_SP}{_alt(rules.fraction_followers)}")
        self.not_fraction_rx = re.compile(
            rf"-|{_SP}(?:of{_SP})?(?:an?{_SP})?{_alt(self.time_words)}")

    def _build_scanner(self, rules: QuantityRules) -> None:
        self.ordinals = {k.lower(): v for k, v in rules.every_ordinals.items()}
        self.fractions = {k.lower(): v for k, v in rules.fraction_words.items()}
        self.quants = {_norm(w): q for q in rules.quantifiers for w in q.words}
        self.part_of_rx = re.compile(  # "half an hour", "a quarter of an hour"
            f"(?:{_SP}fo)?(?P<f>{_reversed_alt(self.fractions)})")
        symbols = "".join(re.escape(s) for s in rules.fraction_symbols)
        of = f"(?={_SP}of{_R})"
        number = (rf"(?P<num>(?P<d>{self.digits_re})|(?P<v>{self.vague_re})"
                  rf"|(?P<w>{self.words_re})|(?P<a>an?(?={_SP}{_alt(self.time_words)})))"
                  rf"|(?P<bare>{self.bare_re})")
        phrases = [
            rf"(?P<every>every{_SP}(?P<ord>{_alt(self.ordinals)}){_SP}"
            rf"(?P<enoun>{self.nouns_re}))",
            rf"(?P<ratio>(?P<rn>{self.numtok}){_SP}{_alt(rules.ratio_connectors)}{_SP}"
            rf"(?P<rd>{self.numtok})(?:{_SP}(?P<rnoun>{self.nouns_re}))?)",
            rf"(?P<frac>(?:(?P<fn>{self.numtok}|an?{_R})[ \t-]+)?"
            rf"(?P<fd>{_alt(self.fractions)})"
            rf"|(?P<fs>(?<![\w.])\d+/\d+(?![\d/])){of}"
            + (rf"|(?P<fu>[{symbols}])" if symbols else "") + ")",
            rf"(?P<quant>(?:the{_SP})?(?P<qw>{_alt(self.quants)}){of})",
            r"(?P<nsize>n[ \t]*=[ \t]*(?P<nv>\d+)(?!\.?\d))",
        ]
        self.scan_rx = re.compile("|".join([*phrases, number]))
        self.number_rx = re.compile(number)
        lead = {"a", "an", "the"} | {w.split()[0] for w in [*self.vague, *self.quants]}
        self.lead_words = frozenset(lead)
        self.lead_rx = re.compile(r"[ \t]+(?P<w1>[^\W_]+)(?:[ \t]+(?P<w2>[^\W_]+))?")
        words = {*self.words, *self.mults, *self.fractions, *self.time_words, "every"}
        words.update(w.split()[-1] for w in [*self.quants, *self.vague])
        words.update(_norm(w) for w in rules.bare_units)
        self.trigger_rx = re.compile(
            rf"[0-9{symbols}]+|\bn[ \t]*=|\b(?:"
            + "|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w))) + ")")

    # -- lookups

    def _unit(self, alias: str) -> _Unit:
        found = self.exact.get(alias)
        return found if found is not None else self.folded[_norm(alias)]

    def _unit_at(self, doc: _Doc, pos: int) -> tuple[_Unit, int] | None:
        """The unit right after a number, and where it ends; the longer alias wins."""
        exact = self.exact_rx.match(doc.norm, pos)
        folded = self.folded_rx.match(doc.lower, pos)
        if folded is not None and (exact is None or folded.end() >= exact.end()):
            return self.folded[_norm(folded.group("u"))], folded.end()
        if exact is not None:
            return self.exact[exact.group("u")], exact.end()
        return None

    def _value(self, text: str) -> float | None:
        """The value of digits ("1,250", "7.5") or number words ("twenty-five", "a dozen")."""
        total, current = 0.0, 0.0
        for word in re.split(r"[\s-]+", text.lower()):
            if word[:1].isdigit():
                digits = word.replace(",", "")
                if len(digits.split(".")[0]) > _MAX_DIGITS:
                    return None
                current += float(digits)
            elif word in ("a", "an"):
                current = 1.0
            elif word in self.mults:
                total += (current or 1.0) * self.mults[word]
                current = 0.0
            else:
                current += self.words.get(word, 0.0)
        return total + current

    # -- reading

    def read(self, text: str) -> list[Quantity]:
        """Every quantity in `text`: find trigger words, then read around each."""
        norm = text.translate(self.table)
        doc = _Doc(text, norm, _lower(norm))
        hit = self.trigger_rx.search(doc.lower)
        if hit is None:
            return []
        skips = [m.span() for rx in self.skip_rx for m in rx.finditer(norm)]
        found: list[Quantity] = []
        floor = 0
        while hit is not None:
            quantity = self._at(doc, hit, floor, skips)
            if quantity is not None:
                found.append(quantity)
                floor = quantity.end
            hit = self.trigger_rx.search(doc.lower, max(floor, hit.end()))
        return found

    def _at(self, doc: _Doc, hit: re.Match[str], floor: int,
            skips: list[tuple[int, int]]) -> Quantity | None:
        """The quantity that the trigger word `hit` belongs to, if any."""
        p = hit.start()
        starts = [p]
        if hit.group()[:1].isalpha():  # "a few", "the majority", "an hour": start a word back
            lead = self.lead_rx.match(_behind(doc.lower, floor, p))
            if lead is not None and lead.group("w1")[::-1] in self.lead_words:
                starts.insert(0, p - lead.end("w1"))
                if lead.group("w2") and lead.group("w2")[::-1] in self.lead_words:
                    starts.insert(0, p - lead.end("w2"))
        for start in starts:
            if any(a <= start < b for a, b in skips):
                continue
            for rx in (self.scan_rx, self.number_rx):
                m = rx.match(doc.lower, start)
                if m is None:
                    continue
                quantity = self._candidate(doc, m, floor)
                if quantity is not None:
                    return quantity
                if m.lastgroup in ("num", "bare"):
                    break
        return None

    def _candidate(self, doc: _Doc, m: re.Match[str], floor: int) -> Quantity | None:
        if m.lastgroup in ("num", "bare"):
            term = self._first_term(doc, m, floor)
            return self._quantity(doc, term, floor) if term is not None else None
        return self._phrase(doc, m, floor)

    def _first_term(self, doc: _Doc, m: re.Match[str], floor: int) -> _Term | None:
        lower = doc.lower
        if m.group("bare") is not None:
            return _Term(m.start(), m.end(), None, self.bare[_norm(m.group("bare"))], weak=True)
        if m.group("v") is not None:
            vague = self.vague[_norm(m.group("v"))]
            term = _Term(m.start(), m.end(), vague, None, weak=vague is None, approximate=True)
            return self._with_unit(doc, term)
        if m.group("a") is not None:
            term = _Term(m.start(), m.end(), 1.0, None, weak=True)
            part = self.part_of_rx.match(_behind(lower, floor, m.start()))
            if part is not None:  # "half an hour"
                term.start -= part.end()
                term.value = 1.0 / self.fractions[_norm(part.group("f")[::-1])]
            return self._with_unit(doc, term)
        if self.not_after_rx.match(_behind(lower, floor, m.start())):
            return None  # "type 2", "grade 3"
        value = self._value(m.group())
        if value is None:
            return None
        return self._with_unit(doc, _Term(m.start(), m.end(), value, None))

    def _with_unit(self, doc: _Doc, term: _Term) -> _Term:
        unit = self._unit_at(doc, term.end)
        if unit is not None:
            term.unit, term.end = unit
            return term
        count = self.count_rx.match(doc.lower, term.end) if not term.weak else None
        if count is not None:
            term.unit, term.end = self.nouns[_norm(count.group("n"))], count.end()
        return term

    def _second_term(self, doc: _Doc, pos: int) -> _Term | None:
        m = self.numval_rx.match(doc.lower, pos)
        if m is not None:
            if m.group("v") is not None:
                vague = self.vague[_norm(m.group("v"))]
                term = _Term(pos, m.end(), vague, None, weak=vague is None, approximate=True)
            else:
                value = self._value(m.group())
                if value is None:
                    return None
                term = _Term(pos, m.end(), value, None)
            return self._with_unit(doc, term)
        bare = self.bare_rx.match(doc.lower, pos)
        if bare is not None:
            return _Term(pos, bare.end(), None, self.bare[_norm(bare.group())], weak=True)
        return None

    def _preposed(self, lower: str, floor: int, start: int) -> list[_Pre]:
        """Qualifiers just before `start`, nearest first, at most three."""
        chain: list[_Pre] = []
        for _ in range(3):
            m = self.pre_rx.match(_behind(lower, floor, start))
            if m is None:
                break
            start -= m.end()
            chain.append(_Pre(self.pre[_norm(m.group("w")[::-1])], start))
        return chain

    def _range(self, doc: _Doc, first: _Term, chain: list[_Pre]) -> _Range | None:
        """The range that starts at `first` ("24-48 hours", "50% and 90%"), if there is one."""
        sep = self.sep_rx.match(doc.lower, first.end)
        if sep is None:
            return None
        if sep.group("w") == "and" and not any(p.rule.role == "range" for p in chain):
            return None
        second = self._second_term(doc, sep.end())
        if second is None or second.unit is None:
            return None
        one, two = first.unit, second.unit
        if one is not None and (one.kind != two.kind or (
                one.unit != two.unit and not self._convertible(one.unit, two.unit))):
            return None
        unit = one or two
        low = None if first.value is None else first.value * unit.factor
        high = None if second.value is None else second.value * two.factor
        if high is not None and two.unit != unit.unit:
            high = high * self.scale[two.unit][1] / self.scale[unit.unit][1]
        if low is not None and high is not None and low > high:
            return None
        first.approximate = first.approximate or second.approximate
        first.weak = first.weak and second.weak
        return _Range(low, high, unit, second.end)

    def _convertible(self, a: str, b: str) -> bool:
        return a in self.scale and b in self.scale and self.scale[a][0] == self.scale[b][0]

    def _quantity(self, doc: _Doc, first: _Term, floor: int) -> Quantity | None:
        """A quantity grown from its first number: qualifiers, range, relation, fractions."""
        if first.unit is None and self.sep_rx.match(doc.lower, first.end) is None:
            return None  # a bare number ("type 2", "3 of them"): the common case, kept cheap
        chain = self._preposed(doc.lower, floor, first.start)
        spread = self._range(doc, first, chain)
        if spread is None:
            if first.unit is None:
                return None
            value = None if first.value is None else first.value * first.unit.factor
            spread = _Range(value, value, first.unit, first.end)
        low, high, unit, end = spread
        kind: Kind = unit.kind
        if kind == "proportion" and self.ci_rx.match(doc.lower, end):
            return None  # "95% CI"
        start, approximate, bound, timing = first.start, first.approximate, None, None
        for pre in chain:
            role = pre.rule.role
            if ((role == "range" and spread.end == first.end)
                    or (role == "timing" and (kind != "duration" or timing is not None))
                    or (role == "bound" and (bound is not None or spread.end != first.end))):
                break
            approximate |= role == "approximate"
            bound = pre.rule if role == "bound" else bound
            timing = pre.rule if role == "timing" else timing
            start = pre.start
        relation = bound.relation if bound else None
        open_end = bound.open if bound else None
        anchor = fractions = None
        on_time_line = timing is not None
        if kind == "duration":
            unit_end = end
            kind, relation, open_end, anchor, end = self._time_line(
                doc, end, timing, relation, open_end)
            on_time_line |= end > unit_end
        elif unit.unit in self.dose_units:
            fractions, start, end = self._fractions(doc, floor, start, end)
        if first.weak and not on_time_line:
            return None  # "a few weeks", "twice a day": no number, no time line, nothing to keep
        if kind not in ("duration", "measurement") and low is None and high is None:
            return None
        return Quantity(kind=kind, low=None if open_end == "low" else _clean(low),
                        high=None if open_end == "high" else _clean(high), unit=unit.unit,
                        text=doc.text[start:end], start=start, end=end,
                        approximate=approximate, relation=relation, anchor=anchor,
                        fractions=fractions)

    def _time_line(self, doc: _Doc, end: int, timing: PreposedRule | None,
                   relation: str | None, open_end: str | None
                   ) -> tuple[Kind, str | None, str | None, str | None, int]:
        """Kind, relation, open end, anchor and end of a duration, from the words after it."""
        before = timing.relation if timing else None
        m = self.post_rx.match(doc.lower, end)
        rule = self.post[_norm(m.group("p"))] if m else None
        if m is None or rule is None or (rule.requires and before not in rule.requires):
            return "duration", before or relation, open_end, None, end
        end = m.end()
        anchor = None
        if rule.anchor:
            span = self._anchor(doc.lower, end)
            if span is not None:
                anchor, end = doc.text[span[0]:span[1]], span[1]
        anchor = anchor or rule.implied_anchor
        kind: Kind = rule.kind or "duration"
        combined = self.combine.get((before, rule.relation)) if before else None
        if combined is not None:
            return kind, combined.relation, combined.open or open_end, anchor, end
        return kind, rule.relation or before or relation, open_end, anchor, end

    def _anchor(self, lower: str, pos: int) -> tuple[int, int] | None:
        """The noun phrase at `pos`: words up to punctuation, a stop word or the word limit."""
        rules = self.rules.anchor
        tokens: list[tuple[int, int, str]] = []
        cut = False
        while (m := self.token_rx.match(lower, pos)) is not None:
            if len(tokens) > rules.max_words + rules.max_joined_words + 1:
                cut = True
                break
            word = m.group(1)
            if word.endswith(".") and word.count(".") == 1:  # a full stop, not "e.g."
                tokens.append((m.start(1), m.end(1) - 1, word[:-1]))
                break
            tokens.append((m.start(1), m.end(1), word))
            pos = m.end()
        kept: list[tuple[int, int, str]] = []
        k = 0
        while k < len(tokens):
            word = tokens[k][2]
            if word in self.stop:
                break
            if word in self.joiners:  # "an injury or surgery", not "injury and the patients"
                j = k + 1
                while j < len(tokens) and tokens[j][2] not in self.stop | self.joiners:
                    j += 1
                chunk = tokens[k + 1:j]
                if (not kept or not chunk or len(chunk) > rules.max_joined_words
                        or chunk[0][2] in self.determiners or (j == len(tokens) and cut)
                        or len(kept) + len(chunk) > rules.max_words):
                    break
                kept.extend(tokens[k:j])
                k = j
                continue
            if sum(1 for t in kept if t[2] not in self.joiners) >= rules.max_words:
                break
            if kept and word in self.determiners and kept[-1][2] not in self.trim:
                break  # "after injury the risk rises": a new noun phrase begins
            kept.append(tokens[k])
            k += 1
        while kept and (kept[-1][2] in self.trim or kept[-1][2] in self.joiners):
            kept.pop()
        return (kept[0][0], kept[-1][1]) if kept else None

    def _fractions(self, doc: _Doc, floor: int, start: int,
                   end: int) -> tuple[int | None, int, int]:
        """How many fractions a radiation dose is given in, from the words around it."""
        for rx, fixed in self.dose_after:
            m = rx.match(doc.norm, end)
            if m is not None:
                count = fixed if fixed is not None else self._value(m.group("n"))
                if count is not None and count >= 1:
                    return int(count), start, m.end()
        for rx, fixed in self.dose_before:
            m = rx.search(doc.norm, max(floor, start - _PRE_WINDOW), start)
            if m is not None:
                count = fixed if fixed is not None else self._value(m.group("n"))
                if count is not None and count >= 1:
                    return int(count), m.start(), end
        return None, start, end

    def _phrase(self, doc: _Doc, m: re.Match[str], floor: int) -> Quantity | None:
        """A proportion or count in words: every third, one in three, half of, n = 5."""
        group, end = m.lastgroup, m.end()
        if group == "nsize":
            value = float(m.group("nv"))
            return Quantity(kind="count", low=value, high=value, unit=None,
                            text=doc.text[m.start():end], start=m.start(), end=end)
        chain = self._preposed(doc.lower, floor, m.start())
        relation, low_open, high_open = None, False, False
        if group == "every":
            share: float | None = 100.0 / self.ordinals[m.group("ord")]
        elif group == "ratio":
            share = self._ratio(doc, m)
        elif group == "frac":
            share = self._fraction(doc, m, chain)
        else:
            rule = self.quants[_norm(m.group("qw"))]
            share, relation = rule.low if rule.low is not None else rule.high, rule.relation
            low_open, high_open = rule.low is None, rule.high is None
        if share is None:
            return None
        start, approximate, bound = m.start(), False, None
        for pre in chain:
            role = pre.rule.role
            if role not in ("approximate", "bound") or (
                    role == "bound" and (bound is not None or relation is not None)):
                break
            approximate |= role == "approximate"
            bound = pre.rule if role == "bound" else bound
            start = pre.start
        if bound is not None:
            relation = bound.relation
            low_open, high_open = bound.open == "low", bound.open == "high"
        value = float(f"{share:.3g}")  # 1/3 -> 33.3, 1 in 2 million -> 5e-05
        return Quantity(kind="proportion", low=None if low_open else value,
                        high=None if high_open else value, unit="%",
                        text=doc.text[start:end], start=start, end=end,
                        approximate=approximate, relation=relation)

    def _ratio(self, doc: _Doc, m: re.Match[str]) -> float | None:
        numerator, denominator = self._value(m.group("rn")), self._value(m.group("rd"))
        if not numerator or not denominator or denominator < 2 or numerator >= denominator:
            return None
        first_year, last_year = self.rules.calendar_years
        if (m.group("rnoun") is None and re.fullmatch(r"\d{4}", m.group("rd"))
                and first_year <= denominator <= last_year):
            return None  # "five in 2016", but "1 in 2000 births"
        if m.group("rnoun") is None and self._unit_at(doc, m.end()):
            return None  # "1 in 3 weeks" is not a proportion
        return 100.0 * numerator / denominator

    def _fraction(self, doc: _Doc, m: re.Match[str], chain: list[_Pre]) -> float | None:
        if self.not_fraction_rx.match(doc.lower, m.end()):
            return None  # "half-life", "half an hour"
        qualified = bool(chain) and chain[0].rule.role in ("approximate", "bound")
        if not (qualified or self.follow_rx.match(doc.lower, m.end())):
            return None  # "a third dose"
        if m.group("fu") is not None:
            return 100.0 * self.rules.fraction_symbols[m.group("fu")]
        if m.group("fs") is not None:
            top, bottom = (float(x) for x in m.group("fs").split("/"))
            return 100.0 * top / bottom if 0 < top <= bottom else None
        numerator: float | None = 1.0
        if m.group("fn") is not None and m.group("fn") not in ("a", "an"):
            numerator = self._value(m.group("fn"))
        share = 100.0 * (numerator or 0.0) / self.fractions[m.group("fd")]
        return share if 0 < share <= 100 else None


class _Range(NamedTuple):
    low: float | None
    high: float | None
    unit: _Unit
    end: int


def _clean(value: float | None) -> float | None:
    """Round away float noise from unit conversions (3 months in weeks = 13.044643)."""
    return None if value is None else round(value, 6)


@cache
def _reader() -> _Reader:
    return _Reader(quantity_rules())


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity stated in `text`, in order, each with its exact span.

    Values are normalised (700 cGy → 7 Gy, "every third" → 33.3 %, "6 hours to
    2 days" → 6–48 hour) and `text == input[start:end]` always holds. Odd
    input never raises: what cannot be read is left out.
    """
    if not text:
        return []
    return _reader().read(text)
