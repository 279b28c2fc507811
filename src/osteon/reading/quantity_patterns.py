"""The quantity rules compiled into anchored regexes and lookup tables.

The reader never backtracks across a sentence, so every word list in
`data/reading/quantities.yaml` becomes a regex matched at one position: units
right after a number, range separators, relation words, and (matched on the
reversed text just before a number) the qualifiers that precede it. Number
words and their values live here too, so "twenty-five", "a dozen" and
"1,250" are read by one `value_of`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from osteon.reading.quantity_anchors import AnchorPhrases
from osteon.reading.quantity_rules import NUMBER_SLOT, Kind, QuantityRules

_R = r"(?![^\W_])"  # no letter or digit just after
_SP = r"[ \t]+"
_MAX_DIGITS = 15


@dataclass(frozen=True, slots=True)
class Unit:
    """A normalised unit, its kind, and the factor an alias's values are multiplied by."""

    unit: str
    kind: Kind
    factor: float = 1.0


def word_key(words: str) -> str:
    """The key word tables are indexed by: lower case, single spaces."""
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
    ordered = sorted({word_key(w) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_bounded(w) if bounded else _phrase(w) for w in ordered) + ")"


def _reversed_alt(words: Iterable[str]) -> str:
    """An alternation matching the words read backwards, to look left with one anchored match.

    Matched against the reversed text just before a number, so the spaces
    between the word and the number come first.
    """
    parts = []
    for word in sorted({word_key(w) for w in words}, key=lambda w: (-len(w), w)):
        back = _SP.join(re.escape(w[::-1]) for w in reversed(word.split()))
        gap = _SP if word[-1:].isalnum() else "[ \t]*"
        parts.append(gap + back + (_R if word[:1].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")"


class QuantityPatterns:
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
        self.vague = {word_key(k): v for k, v in rules.vague_numbers.items()}
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
        self.exact: dict[str, Unit] = {}
        self.folded: dict[str, Unit] = {}
        for rule in rules.units:
            unit = Unit(rule.unit, rule.kind, rule.factor)
            for alias in rule.aliases:
                if len(alias) <= 3:
                    self.exact[alias] = unit
                else:
                    self.folded[word_key(alias)] = unit
        gap = r"(?:[ \t]?-[ \t]?|[ \t]{0,2})"
        exact = sorted(self.exact, key=lambda a: (-len(a), a))
        self.exact_rx = re.compile(  # matched on the text as written: "Gy", "mL", "h"
            gap + "(?P<u>" + "|".join(_bounded(a, lower=False) for a in exact) + ")")
        self.folded_rx = re.compile(f"{gap}(?P<u>{_alt(self.folded)})")  # on lower-case
        self.nouns = {word_key(a): Unit(n.unit, "count") for n in rules.count_nouns
                      for a in n.aliases}
        self.nouns_re = _alt(self.nouns)
        function_words = _alt(rules.function_words)
        self.count_rx = re.compile(
            rf"(?:{_SP}(?!{function_words})[^\W\d_][\w-]*){{0,{rules.count_max_modifiers}}}"
            rf"{_SP}(?P<n>{self.nouns_re})")
        self.scale = {u: (dim, s) for dim, table in rules.dimensions.items()
                      for u, s in table.items()}
        self.bare = {word_key(w): self.unit_named(w) for w in rules.bare_units}
        self.bare_re = _alt(rules.bare_units)
        self.bare_rx = re.compile(self.bare_re)
        self.time_words = sorted({u.unit for u in rules.units if u.kind == "duration"})

    def _build_context(self, rules: QuantityRules) -> None:
        self.pre = {word_key(w): r for r in rules.preposed for w in r.words}
        self.pre_rx = re.compile(f"(?P<w>{_reversed_alt(self.pre)})")
        self.not_after_rx = re.compile(_reversed_alt(rules.not_after))
        words = [s for s in rules.range_separators if s[:1].isalnum()] or ["to"]
        symbols = [s for s in rules.range_separators if not s[:1].isalnum()] or ["-"]
        self.sep_rx = re.compile(
            f"[ \t]*(?P<s>{_alt(symbols, False)})[ \t]*|{_SP}(?P<w>{_alt(words)}){_SP}")
        self.post = {word_key(w): r for r in rules.postposed for w in r.words}
        self.post_rx = re.compile(rf"(?:{_SP}|[ \t]?-[ \t]?)(?P<p>{_alt(self.post)})")
        self.combine = {(c.before, c.after): c for c in rules.combine}
        self.ci_rx = re.compile(rf"[ \t]*\(?[ \t]*{_alt(rules.proportion_not_before)}")
        self.skip_rx = [re.compile(p) for p in rules.skip_spans]
        number = f"(?P<n>{self.numtok})"
        self.dose_units = frozenset(rules.dose_forms.units)
        self.dose_after = [
            (re.compile(f"(?:{_SP}|[ \t]*,[ \t]*)"
                        f"(?:{f.pattern.replace(NUMBER_SLOT, number)}){_R}", re.IGNORECASE),
             f.fractions)
            for f in rules.dose_forms.after]
        self.dose_before = [
            (re.compile(f"(?:{f.pattern.replace(NUMBER_SLOT, number)})[ \t-]*\\Z",
                        re.IGNORECASE), f.fractions)
            for f in rules.dose_forms.before]
        self.anchor_phrases = AnchorPhrases(rules.anchor)
        self.follow_rx = re.compile(f"{_SP}{_alt(rules.fraction_followers)}")
        self.not_fraction_rx = re.compile(
            rf"-|{_SP}(?:of{_SP})?(?:an?{_SP})?{_alt(self.time_words)}")

    def _build_scanner(self, rules: QuantityRules) -> None:
        self.ordinals = {k.lower(): v for k, v in rules.every_ordinals.items()}
        self.fractions = {k.lower(): v for k, v in rules.fraction_words.items()}
        self.quants = {word_key(w): q for q in rules.quantifiers for w in q.words}
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
        words.update(word_key(w) for w in rules.bare_units)
        self.trigger_rx = re.compile(
            rf"[0-9{symbols}]+|\bn[ \t]*=|\b(?:"
            + "|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w))) + ")")

    # -- lookups

    def unit_named(self, alias: str) -> Unit:
        """The unit a rule-file alias stands for (short aliases as written, others folded)."""
        found = self.exact.get(alias)
        return found if found is not None else self.folded[word_key(alias)]

    def value_of(self, text: str) -> float | None:
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
