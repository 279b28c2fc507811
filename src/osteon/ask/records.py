"""Typed records of the ask stage: the question understood, and the answer with its citations."""

from __future__ import annotations

from dataclasses import dataclass, field

from osteon.reading.records import Scope


@dataclass(frozen=True, slots=True)
class Question:
    """A question as osteon understood it."""

    text: str
    type: str
    """comparison, dose, differential, diagnosis, prevention, prognosis, treatment, onset,
    symptoms, mechanism, cause, definition, or "general" when no wording decided."""
    concepts: tuple[str, ...]
    """Lexicon concept ids named in the question, in order."""
    words: tuple[str, ...]
    """Content words for passage retrieval."""
    intents: tuple[str, ...] = ()
    """Every type the question asks for, main first ("how often and where": frequency, site)."""
    excluded: tuple[str, ...] = ()
    """Concepts set aside ("apart from surgery, ..."): not the answer."""
    wants: tuple[str, ...] = ()
    """Concept types the question wants named ("what medicines…": drug), or any."""
    scope: Scope = Scope()
    """The family, population and species the question asks within (reading's Scope)."""
    related: tuple[str, ...] = ()
    """Words sources use for the question's everyday phrases ("go away" → regress)."""
    translated: tuple[str, ...] = ()
    """The words pages in other languages use for the question's ("weeks" → Wochen,
    settimane): searched apart, so that they take no place of the English ones."""
    spelled: tuple[str, ...] = ()
    """The question's own words as other sources spell them ("anaesthesia" → anesthesia,
    "mini-incision" → miniincision): searched as the words themselves."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A sentence of a source, and the span of it that supports the statement."""

    doc: str
    title: str
    section: str | None
    sentence: int
    start: int
    """Document offset of the supporting span."""
    end: int
    quote: str
    """The supporting span, exactly as in the document."""
    sentence_text: str
    span_start: int
    """Offset of the span inside `sentence_text`."""
    span_end: int
    level: str | None = None
    """The source's evidence level ("randomised trial", "patient information"), if known."""


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing the answer says, with the sentences that say it."""

    text: str
    belief: float | None
    citations: tuple[Citation, ...]
    polarity: str = "asserted"
    figures: tuple[str, ...] = ()
    """Numbers with units, each as written in a cited sentence."""


@dataclass(frozen=True, slots=True)
class ConflictNote:
    """Where the sources behind the answer disagree: both sides."""

    kind: str
    explanation: str
    sides: tuple[Statement, Statement]


@dataclass(frozen=True, slots=True)
class Answer:
    """The whole reply: a short answer, the statements behind it, conflicts, passages."""

    question: str
    answer: str
    abstained: bool
    statements: tuple[Statement, ...] = ()
    conflicts: tuple[ConflictNote, ...] = ()
    passages: tuple[Statement, ...] = ()
    understood: Question | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    evidence: tuple[Statement, ...] = ()
    """The best source sentences, quoted whole, best first: the answer's backbone."""

    def shown(self) -> tuple[Statement, ...]:
        """Every statement a reader sees besides conflicts: evidence, statements, passages."""
        return (*self.evidence, *self.statements, *self.passages)
