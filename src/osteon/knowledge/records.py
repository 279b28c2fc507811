"""Typed records the knowledge stage hands to ask, assess, simulate and the exports.

An `Assertion` is what the sources say together: one (subject, predicate,
object, context, polarity) with every claim that says it. Polarity is part of
the key so that "NSAIDs prevent HO" and "NSAIDs do not prevent HO" stay two
assertions that can be shown as a conflict, and a hedged statement is a twin
that ranks below its asserted form instead of diluting it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from osteon.reading.records import Claim, Figure, Polarity, Scope

POLARITY_RANK = {"asserted": 0, "hedged": 1, "negated": 2}
"""How surely a statement is made: asserted before hedged before negated, where lists order."""


@dataclass(frozen=True, slots=True)
class AssertionKey:
    """What makes two claims say the same thing."""

    subject: str
    predicate: str
    object: str
    context: str
    polarity: Polarity
    object_is_text: bool = False

    def as_tuple(self) -> tuple[str, str, str, str, str]:
        return (self.subject, self.predicate, self.object, self.context, self.polarity)


@dataclass(frozen=True, slots=True)
class Stance:
    """Which question an assertion answers, and how: the unit conflicts compare.

    `agent` is the concept acting (the subject of "NSAIDs prevent HO") or, for free
    text, the text class ("irreversible"); `target` the concept it is about.
    """

    family: str
    sign: str
    agent: str
    target: str
    text_class: str | None = None


@dataclass(frozen=True, slots=True)
class QualifierValue:
    """One number (quantity, timing or dose) on an assertion, with who said it.

    The number is the claims' own `Figure` as reading typed it; the rest is what knowledge
    adds: the documents that give it and the scope they give it in.
    """

    kind: str
    figure: Figure
    doc_ids: tuple[str, ...] = ()
    """The documents that give it (for a figure many pages repeat: the first and last id)."""
    n_documents: int = 1
    scope: Scope = field(default_factory=Scope)
    """The scope of the claims that give it: figures of different populations never clash."""
    sites: tuple[str, ...] = ()
    """Body sites the claims that give it name ("forms at the hip in 70-90%"): a figure for
    one site is never compared with one for every site."""

    @property
    def low(self) -> float | None:
        return None if self.figure.low is None else float(self.figure.low)

    @property
    def high(self) -> float | None:
        return None if self.figure.high is None else float(self.figure.high)

    @property
    def unit(self) -> str | None:
        return self.figure.unit

    @property
    def text(self) -> str:
        return self.figure.text

    @property
    def approximate(self) -> bool:
        return self.figure.approximate

    @property
    def relation(self) -> str | None:
        return self.figure.relation

    @property
    def anchor(self) -> str | None:
        return self.figure.anchor

    @property
    def fractions(self) -> int | None:
        return self.figure.fractions


@dataclass(frozen=True, slots=True)
class MergedQualifiers:
    """The qualifiers of all claims of an assertion, merged.

    Numbers of one kind and unit are shown as their union range, and every distinct
    value stays listed with the documents that gave it, so differing figures are
    visible rather than averaged away. Sites are the union.
    """

    values: tuple[QualifierValue, ...] = ()
    ranges: dict[str, tuple[float, float, str]] = field(default_factory=dict)
    sites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assertion:
    """One statement the sources make, with its support and belief."""

    id: int
    key: AssertionKey
    stances: tuple[Stance, ...]
    n_documents: int
    n_sources: int
    """Independent sources: documents, with word-for-word copies counted once."""
    n_claims: int
    belief: float
    text: str
    """The assertion as a sentence ("NSAIDs prevent heterotopic ossification")."""
    first_document: str
    """One document that says it: with n_documents == 1, the only one."""
    confidence: float = 1.0
    """The highest confidence of its claims (knowledge.calibration: the measured precision
    of the rule that read each)."""
    confirmed: bool = True
    """False when no claim reaches the threshold: "read, not confirmed", never a fact."""
    scope: Scope = field(default_factory=Scope)
    """The union of its claims' scopes (an empty field: no claim says)."""

    @property
    def subject(self) -> str:
        return self.key.subject

    @property
    def predicate(self) -> str:
        return self.key.predicate

    @property
    def object(self) -> str:
        return self.key.object

    @property
    def polarity(self) -> str:
        return self.key.polarity

    @property
    def context(self) -> str:
        return self.key.context


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two assertions that disagree, and why osteon thinks so."""

    a: int
    b: int
    kind: str
    """opposite, certainty, numbers, or an `across` rule's kind."""
    family: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Fact:
    """An assertion with everything needed to show it: its claims and merged qualifiers."""

    assertion: Assertion
    claims: tuple[Claim, ...]
    qualifiers: MergedQualifiers
    document_titles: dict[str, str]
    conflicts: tuple[Conflict, ...] = ()
    document_levels: dict[str, str] = field(default_factory=dict)
    """The evidence level's label of each cited document that has one (levels.py)."""

    @property
    def confirmed(self) -> bool:
        """False for "read, not confirmed": no claim's rule is precise enough on real text."""
        return self.assertion.confirmed

    @property
    def scope(self) -> Scope:
        """Whom the fact is about: the union of its claims' scopes."""
        return self.assertion.scope


@dataclass(frozen=True, slots=True)
class PageConcepts:
    """What a page is about: its sentences, and how many of them mention each concept."""

    sentences: int
    mentioned: dict[str, int]

    def topics(self, share: float, least: int) -> frozenset[str]:
        """Concepts at least `share` of the page's sentences (and `least` of them) mention."""
        return frozenset(c for c, n in self.mentioned.items()
                         if n >= least and n >= share * self.sentences)


@dataclass(frozen=True, slots=True)
class ConflictView:
    """A conflict with both sides in full, for showing them side by side."""

    conflict: Conflict
    a: Fact
    b: Fact
