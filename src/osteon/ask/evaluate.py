"""Score answers against a question file (the format of tests/data/seed_questions.yaml).

Each question lists groups of words; an answer passes a group when what the
user reads (the short answer, the statements and their cited sentences)
contains any word of it, and passes the question when it passes every group.
A question may also name the `page` (file name) that answers it: then the
answer counts as answered only when one of its citations comes from that
page's document, and an answer citing only other documents is "wrong page".
`forbid` groups list words whose presence in the SHORT answer means a false
statement (a group is hit when all its words are there). `abstain: true`
questions are answered by no source: only abstaining passes them;
`abstain_ok` questions also pass by abstaining. Every citation is checked: it
must be a real sentence of the corpus and its span must be the quoted words.
The same questions are put to plain FTS5 BM25 (top-3 sentences, its first
sentence as the short answer) and scored the same way, side by side.
`exclude` leaves documents out and `evaluate_with_pages` adds a folder of
pages: both work on a temporary copy, so the user's store is untouched.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from osteon.ask.answer import ask
from osteon.ask.records import Answer, Citation
from osteon.corpus.store import Store
from osteon.errors import OsteonError
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.evaluate import load_items

BASELINE_SENTENCES = 3
ALL_SPLITS = "all"


class GoldQuestion(BaseModel):
    """One question of a question file; every field past `question` is optional."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    id: str
    question: str
    expect: list[list[str]] = []
    forbid: list[list[str]] = []
    page: str | None = None
    """File name of the page (or seed) that answers the question."""
    split: str = Field("dev", pattern=r"^[A-Za-z0-9_]+$")
    """The part of the set it belongs to: `dev` to tune on, a held-out part to measure
    at the end (`held_out`, or a later set's own name such as `held_out2`)."""
    abstain: bool = False
    """No source answers it: the right reply is "the sources do not say"."""
    abstain_ok: bool = False
    """Abstaining is acceptable, a right answer too."""


@dataclass(slots=True)
class SideScore:
    """How one answerer (osteon, or plain BM25 top-3) did on one question."""

    abstained: bool
    matched: bool
    """Every expect group is matched by what the user reads."""
    right_page: bool | None
    """A citation comes from the question's page; None when no page is named."""
    forbidden: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        """Not abstained, every group matched, and (with a page) the page cited."""
        return not self.abstained and self.matched and self.right_page is not False

    @property
    def wrong_page(self) -> bool:
        """An answer was given, but none of its citations comes from the right page."""
        return not self.abstained and self.right_page is False

    def verdict(self, gold: GoldQuestion) -> bool:
        """Right for this question: abstained when it should, else answered with no false word."""
        if gold.abstain:
            return self.abstained
        if self.abstained:
            return gold.abstain_ok
        return self.answered and not self.forbidden

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "answered": self.answered, "wrong_page": self.wrong_page}


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
    page: str | None = None
    doc: str | None = None
    split: str = "dev"
    abstain_expected: bool = False
    osteon: SideScore | None = None
    bm25: SideScore | None = None
    bm25_answer: str = ""


@dataclass(slots=True)
class SideSummary:
    """One answerer's figures over a question set."""

    answerable: int = 0
    answered: int = 0
    wrong_page: int = 0
    abstained: int = 0
    """Abstentions on questions that have an answer."""
    should_abstain: int = 0
    abstained_correctly: int = 0
    forbidden_hits: int = 0
    passed: int = 0

    @property
    def answered_pct(self) -> float:
        return 100.0 * self.answered / self.answerable if self.answerable else 0.0

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "answered_pct": round(self.answered_pct, 1)}


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

    def summary(self, side: Literal["osteon", "bm25"]) -> SideSummary:
        """The summary columns of one answerer."""
        out = SideSummary()
        for r in self.results:
            score = getattr(r, side)
            assert score is not None
            out.passed += r.passed if side == "osteon" else r.baseline_passed
            out.forbidden_hits += bool(score.forbidden)
            if r.abstain_expected:
                out.should_abstain += 1
                out.abstained_correctly += score.abstained
                continue
            out.answerable += 1
            out.answered += score.answered
            out.wrong_page += score.wrong_page
            out.abstained += score.abstained
        return out

    def as_dict(self) -> dict[str, object]:
        return {"questions": len(self.results), "passed": self.passed,
                "baseline_bm25_top3_passed": self.baseline_passed,
                "bad_citations": self.bad_citations,
                "osteon": self.summary("osteon").as_dict(),
                "bm25_top3": self.summary("bm25").as_dict(),
                "results": [_as_dict(r) for r in self.results]}


def _as_dict(result: QuestionResult) -> dict[str, object]:
    out: dict[str, object] = {}
    for name in QuestionResult.__slots__:
        value = getattr(result, name)
        out[name] = value.as_dict() if isinstance(value, SideScore) else value
    return out


def load_questions(path: str | Path) -> list[GoldQuestion]:
    """The questions of a question file."""
    return load_items(path, GoldQuestion, "questions")


def select_split(questions: list[GoldQuestion], split: str) -> list[GoldQuestion]:
    """The questions of one split (`all`: every question); an error for a split not in the file."""
    if split == ALL_SPLITS:
        return list(questions)
    chosen = [q for q in questions if q.split == split]
    if not chosen:
        names = ", ".join(sorted({q.split for q in questions})) or "none"
        raise OsteonError(f"no question of split {split!r} (the file has: {names}, or all)")
    return chosen


def evaluate_questions(store: Store, questions: list[GoldQuestion],
                       exclude: Iterable[str] = ()) -> AskEvaluation:
    """Ask every question of a store (minus `exclude`) and score answers and baseline."""
    exclude = list(exclude)
    missing = [d for d in exclude if not store.has_id(d)]
    if missing:
        raise OsteonError(f"no document {missing[0]!r} to leave out (see `osteon sources`)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Store.open(store.copy_to(Path(tmp) / "eval.sqlite"))
        try:
            for doc_id in exclude:
                work.delete(doc_id)
            return _evaluate(_knowledge(work), questions)
        finally:
            work.close()


def evaluate_with_pages(questions: list[GoldQuestion], pages: str | Path) -> AskEvaluation:
    """Build a temporary store of the bundled corpus plus every file of `pages`, and score it."""
    with store_with_pages(Path(pages)) as knowledge:
        return _evaluate(knowledge, questions)


def _knowledge(store: Store) -> KnowledgeStore:
    """The store's knowledge, reading first whatever it has not read (a fresh copy may not)."""
    from osteon import KnowledgeBase  # the package imports this module's neighbours

    return KnowledgeBase(store).knowledge


@contextmanager
def store_with_pages(pages: Path) -> Iterator[KnowledgeStore]:
    """A temporary store of the bundled corpus plus every file of `pages`, read, while open."""
    from osteon import KnowledgeBase  # the package imports this module's neighbours

    if not pages.is_dir():
        raise OsteonError(f"{pages}: not a folder of pages")
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(Path(tmp) / "eval.sqlite")
        try:
            report = kb.ingest([pages])
            if report.failed:
                first = report.failed[0]
                raise OsteonError(f"{first.source}: {first.message}")
            yield kb.knowledge
        finally:
            kb.close()


def page_documents(store: Store) -> dict[str, str]:
    """Page file name -> document id: by the file an origin names, and by id (seeds)."""
    found: dict[str, str] = {}
    for doc in store.summaries():
        found[PurePath(doc.origin).name] = doc.id
    for doc in store.summaries():  # a seed's id is its file's stem: 000_x.txt -> 000_x
        found[doc.id] = doc.id
    return found


def _page_doc(gold: GoldQuestion, pages: dict[str, str]) -> str | None:
    if gold.page is None:
        return None
    doc = pages.get(gold.page) or pages.get(PurePath(gold.page).stem)
    if doc is None:
        raise OsteonError(f"question {gold.id}: page {gold.page!r} is not in the store")
    return doc


def _evaluate(knowledge: KnowledgeStore, questions: list[GoldQuestion]) -> AskEvaluation:
    pages = page_documents(knowledge.store)
    docs = [_page_doc(q, pages) for q in questions]  # a bad page name fails before asking
    return AskEvaluation([_score(q, doc, knowledge)
                          for q, doc in zip(questions, docs, strict=True)])


def _score(gold: GoldQuestion, doc: str | None, knowledge: KnowledgeStore) -> QuestionResult:
    answer = ask(knowledge, gold.question)
    text = readable_text(answer).lower()
    missing = _missing(gold.expect, text)
    cited = sorted({c.doc for c in _citations(answer)})
    osteon = SideScore(answer.abstained, not missing, None if doc is None else doc in cited,
                       _forbidden(gold.forbid, answer.answer), cited)
    hits = knowledge.store.search_words(_words(gold.question), BASELINE_SENTENCES)
    baseline = "\n".join(h.text for h in hits)
    bm25_docs = sorted({h.doc_id for h in hits})
    bm25 = SideScore(not hits, bool(hits) and not _missing(gold.expect, baseline.lower()),
                     None if doc is None else doc in bm25_docs,
                     _forbidden(gold.forbid, hits[0].text if hits else ""), bm25_docs)
    return QuestionResult(gold.id, gold.question, osteon.verdict(gold), bm25.verdict(gold),
                          answer.abstained, answer.answer, missing,
                          check_citations(knowledge.store, answer), gold.page, doc, gold.split,
                          gold.abstain, osteon, bm25, baseline)


def _missing(groups: list[list[str]], text: str) -> list[list[str]]:
    return [group for group in groups if not any(w.lower() in text for w in group)]


def _forbidden(groups: list[list[str]], short_answer: str) -> list[str]:
    """The forbid groups all of whose words are in the short answer, each joined by '+'."""
    text = short_answer.lower()
    return ["+".join(group) for group in groups
            if group and all(w.lower() in text for w in group)]


def _citations(answer: Answer) -> list[Citation]:
    statements = [*answer.shown(),
                  *(side for note in answer.conflicts for side in note.sides)]
    return [c for statement in statements for c in statement.citations]


def readable_text(answer: Answer) -> str:
    """What a user reads: the answer, each statement and the sentences it cites."""
    parts = [answer.answer]
    for statement in answer.shown():
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
    statements = [*answer.shown(),
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
