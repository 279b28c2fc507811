"""Display-text matching that survives real EHR wording.

"Total replacement of right hip (procedure)" is the lexicon's "total replacement of
hip" with a side word and a semantic tag; "Hip replacement, total, right" is the same
words in another order; "Indomethacin 25 MG Oral Capsule" is indomethacin with its
strength and form. The text and every lexicon name are cut into words, the words
`data/assess/display.yaml` lists are set aside (the side words kept as laterality),
and the rest must be the same bag of words. One concept or nothing: a bag two
concepts share names neither.

Matching is a pure function of the text and the lexicon (display.yaml is read once per
process), and an EHR sends the same few displays call after call, so a match is
remembered per (text, lexicon) in a bounded LRU (`MEMO_SIZE`); a new lexicon is a new
key. Only short texts are remembered (`MEMO_MAX_CHARS`): code displays and entry
names, never a long note, so the memory stays small whatever a caller sends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, wraps
from typing import Any, TypeVar

from pydantic import field_validator

from osteon.assess.drug_names import drug_named
from osteon.assess.operation_names import operation_named
from osteon.datafiles import Strict, load_model
from osteon.reading.lexicon import Lexicon
from osteon.reading.terms import explicit_forms

R = TypeVar("R")

MEMO_SIZE = 4096
"""Texts (with their lexicon and options) whose match or words are remembered, per process."""
MEMO_MAX_CHARS = 200
"""A text longer than this is matched afresh each time: only short texts are remembered."""


def remembered_when_short(function: Callable[..., R]) -> Callable[..., R]:
    """`function` with its results remembered in a bounded LRU when its text is short.

    For pure functions of their arguments, called with the same displays and names call
    after call; a long text (a note) is never kept, so the memory stays small whatever a
    caller sends.
    """
    remembered = lru_cache(maxsize=MEMO_SIZE)(function)

    @wraps(function)
    def call(text: str, *args: Any) -> R:
        return (remembered if len(text) <= MEMO_MAX_CHARS else function)(text, *args)

    return call


class InjectionRoute(Strict):
    """A route that makes an Immunization an injection osteon knows (display.yaml)."""

    name: str
    codes: list[str] = []
    words: str

    def named_in(self, codes: list[str], texts: list[str]) -> bool:
        """Whether one of these route codes, or a word in these texts, is this route."""
        return bool(set(codes) & set(self.codes)) or any(
            re.search(self.words, t) for t in texts)


class Shorthand(Strict):
    """A chart's sign or word (a pattern) and the words it stands for (display.yaml)."""

    pattern: str
    means: str


class DisplayRules(Strict):
    """The whole display.yaml."""

    semantic_tags: list[str]
    laterality: dict[str, str]
    weak_laterality: list[str] = []
    """Side words that count only where no other side word is given ("both" in "Revision R
    THA (both components)" is no bilateral operation)."""
    ignored: list[str] = []
    foreign_words: frozenset[str] = frozenset()
    """Side and function words of the other languages records come in ("links",
    "sinistra", "höger", "della"): a text holding one is written in another language.
    Case-folded once, when the rules are loaded."""
    medication_words: list[str] = []
    absent_values: list[str] = []
    present_values: list[str] = []
    injection_routes: list[InjectionRoute] = []
    injected: str = r"(?!)"
    """Words of an order or procedure that gives something by a route ("vaccine",
    "injection"): with an injection route named, it is read as that injection."""
    vaccine_systems: list[str] = []
    """Code systems whose every code is a vaccine (CVX): a medication coded in one is a
    vaccine whatever its name ("Kinrix"), so that its route makes it an injection."""
    vaccine_words: str = r"(?!)"
    """Words naming a medication as a vaccine ("influenza vaccine", "tetanus toxoid"); a
    drug merely injected ("ketorolac injection") stays the medicine it is."""
    shorthand: list[Shorthand] = []
    """Chart shorthand read as the words it stands for ("NOF #": a fracture; "temps": fevers)."""
    not_begun: str = r"(?!)"
    """Words of a stopped operation's reason or note saying it ended before any cut ("abandoned
    BEFORE incision", "Aucune incision cutanée"): nothing was operated on."""
    operation_note_codes: list[str] = []
    """Document type codes (LOINC) of a note that records an operation as it was done."""
    operation_note_words: str = r"(?!)"
    """Words of a document's type naming such a note ("Operative report", "Brief op note")."""

    @field_validator("foreign_words", mode="after")
    @classmethod
    def _folded(cls, value: frozenset[str]) -> frozenset[str]:
        return frozenset(w.casefold() for w in value)

    def foreign(self, text: str) -> bool:
        """Whether a text is written in another language than English.

        It writes letters English does not (å, ö, û, ç, ã, ñ) or holds one of
        `foreign_words` ("Distale Humerusfraktur links", "Frattura acetabolare sinistra").
        """
        if any(ch.isalpha() and not ch.isascii() for ch in text):
            return True
        return not self.foreign_words.isdisjoint(re.findall(r"[a-z]+", text.casefold()))

    def never_begun(self, texts: list[str]) -> bool:
        """Whether a stopped operation's texts say it ended before any incision was made."""
        return any(re.search(self.not_begun, t, re.IGNORECASE) for t in texts)

    def records_operation(self, codes: list[str], texts: list[str]) -> bool:
        """Whether a document of this type (codes, names) records an operation as done."""
        return bool(set(codes) & set(self.operation_note_codes)) or any(
            re.search(self.operation_note_words, t) for t in texts)

    def injection_route(self, codes: list[str], texts: list[str]) -> InjectionRoute | None:
        """The first injection route these route codes or texts name, if any."""
        return next((r for r in self.injection_routes if r.named_in(codes, texts)), None)

    def presence(self, *values: str | None) -> str | None:
        """The status (absent, active) a value that only says whether a thing is there means."""
        for value in values:
            folded = (value or "").strip().casefold()
            if folded in {v.casefold() for v in self.absent_values}:
                return "absent"
            if folded in {v.casefold() for v in self.present_values}:
                return "active"
        return None


@cache
def display_rules() -> DisplayRules:
    return load_model(DisplayRules, "assess", "display.yaml")


@dataclass(frozen=True, slots=True)
class DisplayMatch:
    """A concept named by a text, its laterality, and how the match was made."""

    concept: str
    laterality: str | None
    text: str
    name: str
    """The lexicon name the words met."""
    made: str = ""
    """How the text's words named it where no lexicon name's words were the text's: a
    medicine by its international name in whatever spelling (`drug_names`), an operation by
    its kind and joint in another language (`operation_names`)."""
    site: str | None = None
    """The joint such an operation's words name ("Ostéosynthèse de la cheville": the ankle),
    where the concept itself does not say it."""

    @property
    def how(self) -> str:
        if self.made:
            return f"text {self.text!r} names {self.name!r} {self.made}"
        if self.text.casefold().strip() == self.name.casefold():
            return f"text {self.text!r}"
        return f"text {self.text!r} = {self.name!r} (same words, side and form aside)"


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|%", re.UNICODE)


@cache
def _tag_pattern() -> re.Pattern[str]:
    """The semantic-tag pattern, built once: every display of every record goes through it."""
    rules = display_rules()
    tags = "|".join(re.escape(t) for t in sorted(rules.semantic_tags, key=len, reverse=True))
    return re.compile(rf"\s*\((?:{tags})\)\s*$", re.IGNORECASE)


@cache
def _dropped(medication: bool) -> frozenset[str]:
    """Words a display's matching leaves out (a medication's form words too), folded once."""
    rules = display_rules()
    drop = {w.casefold() for w in rules.ignored}
    if medication:
        drop |= {w.casefold() for w in rules.medication_words}
    return frozenset(drop)


def spelt_out(text: str) -> str:
    """The text with a chart's shorthand written as its words ("NOF #": "NOF fracture")."""
    for pattern, means in _shorthand():
        text = pattern.sub(means, text)
    return text


@cache
def _shorthand() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(s.pattern), s.means) for s in display_rules().shorthand)


def strip_tag(text: str) -> str:
    """The text without a SNOMED CT semantic tag at its end."""
    return _tag_pattern().sub("", text).strip()


def words(text: str, *, medication: bool = False) -> tuple[tuple[str, ...], str | None]:
    """(sorted content words, laterality) of a text."""
    return _words(text, medication)


@remembered_when_short
def _words(text: str, medication: bool) -> tuple[tuple[str, ...], str | None]:
    rules = display_rules()
    drop = _dropped(medication)
    side: str | None = None
    weak: str | None = None
    kept: list[str] = []
    for word in _WORD.findall(strip_tag(text).casefold()):
        if word in rules.laterality and word in rules.weak_laterality:
            weak = rules.laterality[word]
            continue
        if word in rules.laterality:
            found = rules.laterality[word]
            side = found if side in (None, found) else "bilateral"
            continue
        if word in drop or (medication and any(ch.isdigit() for ch in word)):
            continue
        kept.append(word)
    return tuple(sorted(kept)), side or weak


@lru_cache(maxsize=4)
def _index(lexicon: Lexicon, medication: bool) -> dict[tuple[str, ...], set[str]]:
    index: dict[tuple[str, ...], set[str]] = {}
    for concept in lexicon.concepts.values():
        for text, case_sensitive, _ in explicit_forms(concept):
            if case_sensitive:
                continue  # abbreviations match exactly as written, never as loose words
            key, _side = words(text, medication=medication)
            if key:
                index.setdefault(key, set()).add(concept.id)
    return index


def match_display(text: str, lexicon: Lexicon, allowed: list[str] | tuple[str, ...], *,
                  medication: bool = False) -> DisplayMatch | None:
    """The one concept of an allowed type whose name has the text's words, or None.

    Remembered per (text, lexicon, types, medication): display.yaml is read once, and a
    Lexicon never changes once built (another lexicon is another key).
    """
    return _match_display(text, lexicon, tuple(allowed), medication)


@remembered_when_short
def _match_display(text: str, lexicon: Lexicon, allowed: tuple[str, ...], medication: bool
                   ) -> DisplayMatch | None:
    cleaned = strip_tag(text)
    if not cleaned:
        return None
    exact = lexicon.concept_id_for(cleaned)
    key, side = words(cleaned, medication=medication)
    if exact is not None and lexicon.get(exact).type in allowed:
        return DisplayMatch(exact, side, text, lexicon.get(exact).name)
    if not key:
        return None
    hits = {c for c in _index(lexicon, medication).get(key, set())
            if lexicon.get(c).type in allowed}
    hits = _most_specific(hits, lexicon)
    if not hits and medication and "drug" in allowed:
        named = drug_named(cleaned, lexicon)  # "Аулин (нимесулид) 100 mg": nimesulide
        if named is None:
            return None
        name = lexicon.get(named[0]).name
        written = ("" if named[1].casefold() == name.casefold() else
                   f", as another language writes it: {named[1]!r}")
        return DisplayMatch(named[0], side, text, name,
                            made=f"by its international name{written}")
    if not hits and not medication and "procedure" in allowed:
        # "улнохумерална артропластика … лакта": an elbow arthroplasty
        operation = operation_named(cleaned, lexicon)
        return DisplayMatch(operation.concept, side, text,
                            lexicon.get(operation.concept).name,
                            made=operation.how, site=operation.joint) if operation else None
    if len(hits) != 1:
        return None
    (concept,) = hits
    name = next((t for t, cs, _ in explicit_forms(lexicon.get(concept))
                 if not cs and words(t, medication=medication)[0] == key),
                lexicon.get(concept).name)
    return DisplayMatch(concept, side, text, name)


def _most_specific(hits: set[str], lexicon: Lexicon) -> set[str]:
    """A concept and its own broader concept sharing a name: keep the narrower."""
    return {c for c in hits if not any(o != c and lexicon.is_a(o, c) for o in hits)}


@lru_cache(maxsize=4)
def _by_word(lexicon: Lexicon) -> dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]:
    """Each word → the lexicon names (as word tuples) holding it, with their concepts."""
    out: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for key, concepts in _index(lexicon, False).items():
        for word in set(key):
            out.setdefault(word, []).append((key, frozenset(concepts)))
    return out


def may_name(text: str, lexicon: Lexicon, allowed: list[str] | frozenset[str],
             min_cover: float) -> bool:
    """Whether a lexicon name of an allowed type holds over `min_cover` of the text's words.

    A cheap test before the text is read with the reading pipeline.
    """
    key, _ = words(text)
    have = set(key)
    if not have:
        return False
    for word in have:
        for name, concepts in _by_word(lexicon).get(word, ()):
            if set(name) <= have and len(name) / len(have) > min_cover and any(
                    lexicon.get(c).type in allowed for c in concepts):
                return True
    return False
