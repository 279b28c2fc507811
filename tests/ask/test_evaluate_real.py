"""The real-page scorer: right page vs wrong page, abstention, forbidden words, splits.

The pages are written here (short made-up texts about HO), put in a temporary
store beside the bundled seeds, and osteon's answerer is replaced by a stub
that cites the sentence we choose, so what is tested is the scoring, not the
answering (which others are changing).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import osteon.ask.evaluate as evaluate
from osteon.ask.evaluate import GoldQuestion, evaluate_with_pages, load_questions, select_split
from osteon.ask.records import Answer, Citation, Statement
from osteon.errors import OsteonError

PAGES = {
    "elbow_page.txt": "Elbow bone after burns\n\nHeterotopic ossification after a burn most "
                      "often forms at the elbow. It appears in about 3 percent of burned "
                      "elbows in this made-up clinic.\n",
    "quilt_page.txt": "Quilt test notes\n\nThe quiltwork scan shows heterotopic ossification "
                      "in the hip some weeks before a plain film does.\n",
}

QUESTIONS = """\
- id: r1
  question: Where does bone form after a burn?
  page: elbow_page.txt
  expect: [[elbow]]
  forbid: [[knee]]
  split: dev
- id: r2
  question: Which scan shows hip bone early?
  page: quilt_page.txt
  expect: [[quiltwork]]
  split: held_out
- id: r3
  question: What does laser therapy do to the extra bone?
  abstain: true
  split: dev
"""


def _cite(knowledge, word: str) -> Citation:
    """A real citation: the whole sentence holding `word`."""
    hit = knowledge.store.search_words([word], 1)[0]
    return Citation(hit.doc_id, "t", None, hit.idx, hit.start, hit.end, hit.text, hit.text,
                    0, len(hit.text))


def _stub(replies: dict[str, tuple[str, str | None]]):
    """An `ask` that answers each question with (short answer, word of the sentence to cite)."""

    def ask(knowledge, question: str, **_: object) -> Answer:
        text, word = replies[question]
        if word is None:
            return Answer(question, text, True)
        return Answer(question, text, False, (Statement(text, 0.9, (_cite(knowledge, word),)),))

    return ask


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def questions(tmp_path: Path) -> list[GoldQuestion]:
    path = tmp_path / "questions.yaml"
    path.write_text(QUESTIONS, encoding="utf-8")
    return load_questions(path)


def test_right_page_wrong_page_abstention_and_forbid(
        pages: Path, questions: list[GoldQuestion], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluate, "ask", _stub({
        # r1: the right words and the right page, but a forbidden word in the short answer
        questions[0].question: ("At the elbow, and the knee.", "elbow"),
        # r2: the expected word is read, but from the other page: wrong page, not answered
        questions[1].question: ("A quiltwork scan.", "burned"),
        # r3: no source answers it, and the stub abstains
        questions[2].question: ("The sources do not answer this.", None),
    }))
    result = evaluate_with_pages(questions, pages)
    r1, r2, r3 = result.results
    assert r1.osteon.answered and r1.osteon.right_page
    assert r1.osteon.forbidden == ["knee"] and not r1.passed
    assert r2.osteon.wrong_page and not r2.osteon.answered and not r2.passed
    assert r2.doc != r1.doc  # each page is its own document, found through its origin
    assert r3.osteon.abstained and r3.passed
    mine = result.summary("osteon")
    assert (mine.answerable, mine.answered, mine.wrong_page, mine.forbidden_hits) == (2, 1, 1, 1)
    assert (mine.should_abstain, mine.abstained_correctly) == (1, 1)
    # BM25 top-3 over the same store: it finds the quiltwork sentence on the right page,
    # and never abstains on the laser question (some sentence always matches "bone")
    assert r2.bm25.answered and r2.baseline_passed
    assert not r3.bm25.abstained and not r3.baseline_passed
    assert json.loads(json.dumps(result.as_dict()))["osteon"]["answered"] == 1


def test_abstaining_where_an_answer_exists_is_counted(
        pages: Path, questions: list[GoldQuestion], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluate, "ask", _stub(
        {q.question: ("The sources do not answer this.", None) for q in questions}))
    result = evaluate_with_pages(questions[:1], pages)
    assert result.summary("osteon").abstained == 1 and not result.results[0].passed


def test_split_filtering_and_old_fields(questions: list[GoldQuestion]) -> None:
    assert [q.id for q in select_split(questions, "dev")] == ["r1", "r3"]
    assert [q.id for q in select_split(questions, "held_out")] == ["r2"]
    assert len(select_split(questions, "all")) == 3
    later = GoldQuestion(id="n", question="?", split="held_out2")  # a later set's own split
    assert select_split([*questions, later], "held_out2") == [later]
    with pytest.raises(OsteonError, match="held_out, or all"):
        select_split(questions, "held_out3")  # a typo'd split is an error, not 0 of 0
    old = GoldQuestion(id="q", question="?", expect=[["x"]], abstain_ok=True)
    assert old.page is None and old.split == "dev" and not old.abstain and old.abstain_ok


def test_an_unknown_page_is_a_clear_error(pages: Path) -> None:
    bad = GoldQuestion(id="x", question="Where?", page="nowhere.txt", expect=[["elbow"]])
    with pytest.raises(OsteonError, match="nowhere.txt"):
        evaluate_with_pages([bad], pages)


def test_cli_selects_the_split(pages: Path, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from osteon.cli import app

    path = tmp_path / "questions.yaml"
    path.write_text(QUESTIONS, encoding="utf-8")
    monkeypatch.setattr(evaluate, "ask", _stub({
        "Which scan shows hip bone early?": ("A quiltwork scan.", "quiltwork")}))
    result = CliRunner().invoke(app, ["eval", "ask", "--questions", str(path), "--pages",
                                      str(pages), "--split", "held_out", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [r["id"] for r in payload["results"]] == ["r2"]
    assert payload["osteon"]["answered"] == 1 and payload["results"][0]["osteon"]["right_page"]
