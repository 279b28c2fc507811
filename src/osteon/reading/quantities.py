"""Numbers read from text: proportions, doses, time windows, counts and measurements.

`extract_quantities` turns "A dose of 7-8 Gray in a single fraction within
24–48 hours of surgery" into a 7–8 Gy single-fraction dose and a 24–48 hour
window "within" "surgery", each with the exact span it was read from, so
downstream stages never re-read raw text. The words (number words, units,
approximators, relation words) live in `data/reading/quantities.yaml`
(models in `quantity_rules`), compiled into regexes by `quantity_patterns`;
this module only reads with them.

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
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from osteon.reading.quantity_patterns import QuantityPatterns, Unit, word_key
from osteon.reading.quantity_rules import Kind, PreposedRule, quantity_rules
from osteon.reading.records import Quantity

__all__ = ["extract_quantities"]

_PRE_WINDOW = 48


@dataclass(slots=True)
class _Term:
    """One end of a quantity: a value (None when unstated) and its unit."""

    start: int
    end: int
    value: float | None
    unit: Unit | None
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


def _behind(lower: str, floor: int, start: int) -> str:
    """The text just before `start`, back to `floor`, reversed."""
    return lower[max(floor, start - _PRE_WINDOW):start][::-1]


class _Reader(QuantityPatterns):
    """The compiled patterns and the one-pass reading that uses them.

    A subclass so the scanning code reads the patterns' tables directly.
    """

    # -- lookups

    def _unit_at(self, doc: _Doc, pos: int) -> tuple[Unit, int] | None:
        """The unit right after a number, and where it ends; the longer alias wins."""
        exact = self.exact_rx.match(doc.norm, pos)
        folded = self.folded_rx.match(doc.lower, pos)
        if folded is not None and (exact is None or folded.end() >= exact.end()):
            return self.folded[word_key(folded.group("u"))], folded.end()
        if exact is not None:
            return self.exact[exact.group("u")], exact.end()
        return None

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
            return _Term(m.start(), m.end(), None, self.bare[word_key(m.group("bare"))], weak=True)
        if m.group("v") is not None:
            vague = self.vague[word_key(m.group("v"))]
            term = _Term(m.start(), m.end(), vague, None, weak=vague is None, approximate=True)
            return self._with_unit(doc, term)
        if m.group("a") is not None:
            term = _Term(m.start(), m.end(), 1.0, None, weak=True)
            part = self.part_of_rx.match(_behind(lower, floor, m.start()))
            if part is not None:  # "half an hour"
                term.start -= part.end()
                term.value = 1.0 / self.fractions[word_key(part.group("f")[::-1])]
            return self._with_unit(doc, term)
        if self.not_after_rx.match(_behind(lower, floor, m.start())):
            return None  # "type 2", "grade 3"
        value = self.value_of(m.group())
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
            term.unit, term.end = self.nouns[word_key(count.group("n"))], count.end()
        return term

    def _second_term(self, doc: _Doc, pos: int) -> _Term | None:
        m = self.numval_rx.match(doc.lower, pos)
        if m is not None:
            if m.group("v") is not None:
                vague = self.vague[word_key(m.group("v"))]
                term = _Term(pos, m.end(), vague, None, weak=vague is None, approximate=True)
            else:
                value = self.value_of(m.group())
                if value is None:
                    return None
                term = _Term(pos, m.end(), value, None)
            return self._with_unit(doc, term)
        bare = self.bare_rx.match(doc.lower, pos)
        if bare is not None:
            return _Term(pos, bare.end(), None, self.bare[word_key(bare.group())], weak=True)
        return None

    def _preposed(self, lower: str, floor: int, start: int) -> list[_Pre]:
        """Qualifiers just before `start`, nearest first, at most three."""
        chain: list[_Pre] = []
        for _ in range(3):
            m = self.pre_rx.match(_behind(lower, floor, start))
            if m is None:
                break
            start -= m.end()
            chain.append(_Pre(self.pre[word_key(m.group("w")[::-1])], start))
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
                    or (role == "timing" and (kind not in pre.rule.kinds or timing is not None))
                    or (role == "bound" and (bound is not None or spread.end != first.end))):
                break
            approximate |= role == "approximate"
            bound = pre.rule if role == "bound" else bound
            timing = pre.rule if role == "timing" else timing
            start = pre.start
        relation = bound.relation if bound else None
        if timing is not None and kind != "duration":  # "by 60%": a change, not a rate
            relation = relation or timing.relation
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
        rule = self.post[word_key(m.group("p"))] if m else None
        if m is None or rule is None or (rule.requires and before not in rule.requires):
            return "duration", before or relation, open_end, None, end
        end = m.end()
        anchor = None
        if rule.anchor:
            span = self.anchor_phrases.span_at(doc.lower, end)
            if span is not None:
                anchor, end = doc.text[span[0]:span[1]], span[1]
        anchor = anchor or rule.implied_anchor
        kind: Kind = rule.kind or "duration"
        combined = self.combine.get((before, rule.relation)) if before else None
        if combined is not None:
            return kind, combined.relation, combined.open or open_end, anchor, end
        return kind, rule.relation or before or relation, open_end, anchor, end

    def _fractions(self, doc: _Doc, floor: int, start: int,
                   end: int) -> tuple[int | None, int, int]:
        """How many fractions a radiation dose is given in, from the words around it."""
        for rx, fixed in self.dose_after:
            m = rx.match(doc.norm, end)
            if m is not None:
                count = fixed if fixed is not None else self.value_of(m.group("n"))
                if count is not None and count >= 1:
                    return int(count), start, m.end()
        for rx, fixed in self.dose_before:
            m = rx.search(doc.norm, max(floor, start - _PRE_WINDOW), start)
            if m is not None:
                count = fixed if fixed is not None else self.value_of(m.group("n"))
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
            rule = self.quants[word_key(m.group("qw"))]
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
        numerator, denominator = self.value_of(m.group("rn")), self.value_of(m.group("rd"))
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
            numerator = self.value_of(m.group("fn"))
        share = 100.0 * (numerator or 0.0) / self.fractions[m.group("fd")]
        return share if 0 < share <= 100 else None


class _Range(NamedTuple):
    low: float | None
    high: float | None
    unit: Unit
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
