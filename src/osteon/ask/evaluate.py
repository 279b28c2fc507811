"""Score answers against a question file (the format of tests/data/seed_questions.yaml).

Each question lists groups of words; an answer passes a group when what the
user reads (the short answer, the statements and their cited sentences)
contains any word of it, and passes the question when it passes every group.
`abstain_ok` questions also pass by abstaining. Every citation is checked: it
must be a real sentence of the corpus and its span must be the quoted words.
The same questions are put to plain FTS5 BM25 (top-3 sentences) for comparison.
`exclude` leaves documents out: the corpus is copied and they are deleted from
the copy, so the user's store is untouched.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from osteon.ask.answer import ask
from osteon.ask.records import Answer, Citation
from osteon.corpus.store import Store
from osteon.errors import OsteonError
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.evaluate import load_items

BASELINE_SENTENCES = 3


class GoldQuestion(BaseModel):
    """One question of a question file."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    id: str
    question: str
    expect: list[list[str]]
    abstain_ok: bool = False


@dataclass(slots=True)
class QuestionResult:
    id: str
    question: str
    passed: bool
    baseline_passed: bool
    abstained: bool
    answer: str
    missing: list[list[str]]
    bad_citations: list[str]


@dataclass(slots=True)
class AskEvaluation:
    results: list[QuestionResult] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def baseline_passed(self) -> int:
        return sum(r.baseline_passed for r in self.results)

    @property
    def bad_citations(self) -> int:
        return sum(len(r.bad_citations) for r in self.results)

    def as_dict(self) -> dict[str, object]:
        return {"questions": len(self.results), "passed": self.passed,
                "baseline_bm25_top3_passed": self.baseline_passed,
                "bad_citations": self.bad_citations,
                "results": [_as_dict(r) for r in self.results]}


def _as_dict(result: QuestionResult) -> dict[str, object]:
    return {name: getattr(result, name) for name in QuestionResult.__slots__}


def load_questions(path: str | Path) -> list[GoldQuestion]:
    """The questions of a question file."""
    return load_items(path, GoldQuestion, "questions")


def evaluate_questions(store: Store, questions: list[GoldQuestion],
                       exclude: Iterable[str] = ()) -> AskEvaluation:
    """Ask every question of a store (minus `exclude`) and score answers and baseline."""
    exclude = list(exclude)
    missing = [d for d in exclude if not store.has_id(d)]
    if missing:
        raise OsteonError(f"no document {missing[0]!r} to leave out (see `osteon sources`)")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "eval.sqlite"
        target = sqlite3.connect(copy)
        store.connection.backup(target)
        target.close()
        work = Store.open(copy)
        try:
            for doc_id in exclude:
                work.delete(doc_id)
            knowledge = KnowledgeStore(work)
            knowledge.update()
            return AskEvaluation([_score(q, knowledge) for q in questions])
        finally:
            work.close()


def _score(gold: GoldQuestion, knowledge: KnowledgeStore) -> QuestionResult:
    answer = ask(knowledge, gold.question)
    text = readable_text(answer).lower()
    missing = [group for group in gold.expect if not any(w.lower() in text for w in group)]
    passed = (answer.abstained and gold.abstain_ok) or (not answer.abstained and not missing)
    baseline = " ".join(h.text for h in knowledge.store.search_words(
        _words(gold.question), BASELINE_SENTENCES)).lower()
    baseline_passed = bool(baseline) and all(any(w.lower() in baseline for w in group)
                                             for group in gold.expect)
    return QuestionResult(gold.id, gold.question, passed, baseline_passed, answer.abstained,
                          answer.answer, missing, check_citations(knowledge.store, answer))


def readable_text(answer: Answer) -> str:
    """What a user reads: the answer, each statement and the sentences it cites."""
    parts = [answer.answer]
    for statement in (*answer.statements, *answer.passages):
        parts.append(statement.text)
        parts.extend(statement.figures)
        parts.extend(c.sentence_text for c in statement.citations)
    for note in answer.conflicts:
        for side in note.sides:
            parts.append(side.text)
            parts.extend(c.sentence_text for c in side.citations)
    return "\n".join(parts)


def check_citations(store: Store, answer: Answer) -> list[str]:
    """Problems with the answer's citations: each must be a real sentence holding its quote."""
    problems = []
    statements = [*answer.statements, *answer.passages,
                  *(side for note in answer.conflicts for side in note.sides)]
    texts: dict[str, str] = {}
    for statement in statements:
        if not statement.citations:
            problems.append(f"uncited statement: {statement.text!r}")
        for citation in statement.citations:
            problem = _citation_problem(store, citation, texts)
            if problem:
                problems.append(problem)
    return problems


def _citation_problem(store: Store, citation: Citation, texts: dict[str, str]) -> str | None:
    if citation.doc not in texts:
        if not store.has_id(citation.doc):
            return f"{citation.doc}: no such document"
        texts[citation.doc] = store.get(citation.doc).text
    text = texts[citation.doc]
    if text[citation.start:citation.end] != citation.quote:
        return f"{citation.doc}[{citation.start}:{citation.end}] is not {citation.quote!r}"
    sentence = citation.sentence_text
    if sentence[citation.span_start:citation.span_end] != citation.quote:
        return f"{citation.doc} #{citation.sentence}: span not in its sentence"
    if sentence not in text:
        return f"{citation.doc} #{citation.sentence}: sentence not in the document"
    return None


def _words(question: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in question).split()
