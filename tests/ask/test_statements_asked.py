"""Statements under an answer re-word only relations the question asks about.

A question asking for a detail ("what did the scan show?", "which year?") is answered
by its quoted sentences; a statement re-worded from another claim of those sentences
("Bone scan helps diagnose HO") answers nothing asked, and where a claim is misread it
only adds a falsehood. The page is our own, written in the shapes real pages use.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import store_of_pages
from osteon.ask.answer import ask

PAGE = """Imaging after hip replacement

In 1975 indomethacin was first given to prevent heterotopic ossification after hip
replacement.
A bone scan helps detect heterotopic ossification early; in our patients the bone scan
showed increased uptake around the hip three weeks after surgery.
Indomethacin is a nonsteroidal anti-inflammatory drug that prevents heterotopic
ossification.
"""


@pytest.fixture(scope="module")
def page_kb(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with store_of_pages(Path(tmp_path_factory.mktemp("asked")), {"imaging.txt": PAGE}) as kb:
        yield kb


def test_a_question_for_a_detail_gets_its_sentence_and_no_statement(page_kb) -> None:
    answer = ask(page_kb.knowledge, "What did the bone scan show in the patients?")
    assert not answer.abstained
    assert "increased uptake" in " ".join(q.text for q in answer.evidence)
    assert not answer.statements


def test_statements_keep_to_the_relation_asked(page_kb) -> None:
    answer = ask(page_kb.knowledge, "Which year was indomethacin first used to prevent HO?")
    assert answer.statements
    assert all("prevent" in s.text for s in answer.statements)
    assert not any("kind of" in s.text or "diagnose" in s.text for s in answer.statements)
