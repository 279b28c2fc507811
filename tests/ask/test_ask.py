"""Ask as a user meets it: cited answers, honest abstentions, safe with any input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from osteon import KnowledgeBase
from osteon.ask.evaluate import check_citations, evaluate_questions, load_questions
from osteon.ask.understand import understand
from osteon.errors import OsteonError
from osteon.reading.lexicon import load_lexicon

QUESTIONS = Path(__file__).parents[1] / "data" / "seed_questions.yaml"
# Our own wording, not the gold file's.
OWN_QUESTIONS = [
    "What raises the risk of heterotopic ossification?",
    "Which treatments help with HO?",
    "Does radiation prevent heterotopic ossification after hip replacement?",
    "When does heterotopic ossification appear after a spinal cord injury?",
    "Is HO painful?",
    "Which test finds HO before an x-ray does?",
    "Can bisphosphonates stop ectopic bone?",
    "How does neurogenic heterotopic ossification develop in mice?",
]


@pytest.mark.parametrize(("question", "qtype", "concept"), [
    ("What leads to bone forming in the muscles, i.e. ectopic ossification?", "cause",
     "heterotopic_ossification"),
    ("How do doctors treat myositis ossificans?", "treatment", "myositis_ossificans"),
    ("What are the signs of HO?", "symptoms", "heterotopic_ossification"),
    ("How can HO be prevented after total hip arthroplasty?", "prevention",
     "total_hip_arthroplasty"),
    ("Which scan detects heterotopic ossification early?", "diagnosis", "heterotopic_ossification"),
    ("What is the difference between HO and thrombophlebitis?", "comparison", "thrombophlebitis"),
])
def test_question_type_and_concepts(question: str, qtype: str, concept: str) -> None:
    understood = understand(question, load_lexicon())
    assert understood.type == qtype
    assert concept in understood.concepts


@pytest.mark.parametrize("question", OWN_QUESTIONS)
def test_every_statement_is_cited_by_a_real_sentence(seeded_kb: KnowledgeBase,
                                                     question: str) -> None:
    answer = seeded_kb.ask(question)
    assert not answer.abstained, answer.answer
    assert answer.statements or answer.passages
    assert check_citations(seeded_kb.store, answer) == []


@pytest.mark.parametrize("question", OWN_QUESTIONS)
def test_no_number_that_no_cited_sentence_holds(seeded_kb: KnowledgeBase, question: str) -> None:
    answer = seeded_kb.ask(question)
    # the quoted evidence counts: the short answer is built from it
    cited = " ".join(c.sentence_text for s in (*answer.shown(),
                                                *(x for n in answer.conflicts for x in n.sides))
                     for c in s.citations)
    said = " ".join([answer.answer, *(s.text for s in answer.statements),
                     *(f for s in answer.statements for f in s.figures)])
    for number in re.findall(r"\d+(?:\.\d+)?", said):
        assert number in cited, f"{number} in {said!r} is in no cited sentence"


def test_a_disagreement_shows_both_sides(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("Do bisphosphonates work against heterotopic ossification?")
    assert answer.conflicts
    polarities = {(s.text, s.polarity) for n in answer.conflicts for s in n.sides}
    assert any("not effective" in t for t, _ in polarities)
    assert any("not effective" not in t for t, _ in polarities)
    assert "disagree" in answer.answer


def test_figures_come_with_the_answer(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("How can heterotopic ossification be prevented?")
    figures = [f for s in answer.statements for f in s.figures]
    assert any("Gy" in f or "Gray" in f for f in figures)


@pytest.mark.parametrize("question", [
    "What is the capital of France?",
    "Who won the football world cup in 2014?",
    "What dose of indomethacin should a child take?",
])
def test_questions_the_sources_do_not_answer(seeded_kb: KnowledgeBase, question: str) -> None:
    answer = seeded_kb.ask(question)
    assert answer.abstained
    assert answer.answer == "The sources do not answer this."
    assert not answer.statements


@pytest.mark.parametrize("question", [
    "Was ist heterotope Ossifikation?", "🦴🦴🦴", '"', "*", "NEAR(", "OR", 'bone" OR "x* NEAR(',
    "ossification " * 1500, "'; DROP TABLE sentences; --",
])
def test_odd_questions_never_crash(seeded_kb: KnowledgeBase, question: str) -> None:
    answer = seeded_kb.ask(question)
    assert answer.answer
    assert check_citations(seeded_kb.store, answer) == []
    assert seeded_kb.store.count_sentences() > 0, "the store is intact"


def test_an_empty_question_is_a_clear_error(seeded_kb: KnowledgeBase) -> None:
    with pytest.raises(OsteonError, match="empty"):
        seeded_kb.ask("   ")


def test_seed_questions_with_their_source_left_out(seeded_kb: KnowledgeBase) -> None:
    result = evaluate_questions(seeded_kb.store, load_questions(QUESTIONS),
                                ["000_8f2b241a4302a766"])
    assert result.passed >= 10, [(r.id, r.missing) for r in result.results if not r.passed]
    assert result.bad_citations == 0
    assert result.passed > result.baseline_passed
    for r in result.results:  # the left-out page is never cited
        assert "000_8f2b241a4302a766" not in r.answer


def test_cli_json_shape(seeded_cli) -> None:
    result = seeded_cli("ask", "What causes heterotopic ossification?", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) >= {"question", "answer", "abstained", "statements", "conflicts",
                            "passages"}
    citation = payload["statements"][0]["citations"][0]
    assert set(citation) >= {"doc", "section", "sentence", "start", "end", "quote"}
    empty = seeded_cli("ask", "")
    assert empty.exit_code == 2 and "empty" in empty.stderr


def test_differing_figures_are_shown_before_lesser_conflicts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # an answer shows a few conflicts: figures that disagree must not be cut for
    # "one hedges what the other asserts"
    from osteon.ask import answer as answering
    from osteon.knowledge.records import Conflict

    lesser = [Conflict(i, i + 100, "certainty", "x", "hedged") for i in range(8)]
    figures = Conflict(1, 2, "figures differ", "x", "2-6 weeks vs 7-10 days")

    class Knowledge:
        def conflicts(self, ids):  # type: ignore[no-untyped-def]
            return [*lesser, figures]

    monkeypatch.setattr(answering, "notes_for", lambda knowledge, found, sources: found)
    shown = answering.conflict_notes(Knowledge(), [], 3, limit=3)  # type: ignore[arg-type]
    assert figures in shown
