"""Understand a question: its type from its wording, its concepts through the lexicon.

Both are data (data/ask/questions.yaml): a question type says which assertion
predicates answer it and where the asked-about concept sits in them. Concepts
are found by looking up the question's word n-grams in the lexicon, longest
first, so "ectopic ossification", "HO", "myositis ossificans" and "bone
formation outside the skeleton" reach the lexicon's concepts with no model to load.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from osteon.ask.records import Question
from osteon.datafiles import check_regex, load_model
from osteon.reading.lexicon import Lexicon

MAX_NGRAM = 6
MAX_QUESTION_CHARS = 2000
"""Longer questions are read up to here: nobody asks in more words, and it bounds the work."""
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuestionType(_Strict):
    """A kind of question, how to recognise it, and what answers it."""

    name: str
    patterns: tuple[str, ...]
    predicates: tuple[str, ...]
    concept_role: Literal["subject", "object", "either"] = "either"
    needs: tuple[Literal["dose", "timing", "quantity"], ...] = ()
    """Qualifiers an answer must carry (a dose question wants doses)."""
    lead: str

    @field_validator("patterns")
    @classmethod
    def _regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_regex(p) for p in value)


class QuestionRules(_Strict):
    """The whole of data/ask/questions.yaml."""

    types: tuple[QuestionType, ...]
    question_aliases: dict[str, str] = {}
    stopwords: frozenset[str] = frozenset()

    def type_named(self, name: str) -> QuestionType | None:
        return next((t for t in self.types if t.name == name), None)


GENERAL = QuestionType(name="general", patterns=(), predicates=(), concept_role="either",
                       lead="What the sources say about {concept}")
"""For a question no pattern types: every assertion about its concepts may answer."""


@cache
def question_rules() -> QuestionRules:
    """Question types from data/ask/questions.yaml."""
    return load_model(QuestionRules, "ask", "questions.yaml")


@cache
def _compiled(name: str, patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def question_type(text: str, rules: QuestionRules) -> QuestionType:
    """The first type whose wording the question matches, else GENERAL."""
    for qtype in rules.types:
        if _compiled(qtype.name, qtype.patterns).search(text):
            return qtype
    return GENERAL


def find_concepts(text: str, lexicon: Lexicon) -> list[tuple[str, int, int]]:
    """(concept id, first word, last word + 1) for each concept named, longest match first."""
    words = [m.group() for m in _WORD.finditer(text)]
    found: list[tuple[str, int, int]] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            concept = lexicon.concept_id_for(" ".join(words[i:i + n]))
            if concept is not None:
                found.append((concept, i, i + n))
                i += n
                break
        else:
            i += 1
    return found


def understand(text: str, lexicon: Lexicon, rules: QuestionRules | None = None) -> Question:
    """The question's type, concepts (aliases resolved) and content words."""
    rules = rules or question_rules()
    text = text[:MAX_QUESTION_CHARS]
    concepts: list[str] = []
    for concept, _, _ in find_concepts(text, lexicon):
        concept = rules.question_aliases.get(concept, concept)
        if concept not in concepts:
            concepts.append(concept)
    words = tuple(w.lower() for w in _WORD.findall(text) if w.lower() not in rules.stopwords)
    return Question(text=text, type=question_type(text, rules).name, concepts=tuple(concepts),
                    words=words)
