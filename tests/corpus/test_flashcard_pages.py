"""A flashcard or FAQ export keeps its own questions and short answers (issue 14, dev set 72).

Such pages frame each card with label lines ("Q", "A") and a rating widget repeated on every
card; the card's question and answer sit between chrome lines, and had been dropped as a
widget's text, so the page answered nothing it asked. Text written for the test.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.corpus.ingest import ingest_paths

RATING = "How well did you know this?\n1\nNot at all\n2\n3\n4\n5\nPerfectly\n"
CARDS = ("Bone in soft tissue: revision cards\n\n"
         + "".join(f"{n}\nQ\n\n{q}\n\nA\n\n{a}\n\n{RATING}" for n, (q, a) in enumerate([
             ("which sex gets ectopic bone more often", "men"),
             ("what are the two kinds of ectopic bone", "Neurogenic and traumatic"),
             ("which joints are spared most of the time", "wrists and ankles"),
             ("name one early sign", "warmth"),
         ], start=1)))


def _texts(tmp_path, empty_store) -> list[str]:  # type: ignore[no-untyped-def]
    page = tmp_path / "cards.txt"
    page.write_text(CARDS, encoding="utf-8")
    ingest_paths(empty_store, [page], max_bytes=10**6)
    (doc_id,) = empty_store.ids()
    return [s.text for s in empty_store.get(doc_id).sentences]


def test_a_cards_question_and_answer_are_kept(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(tmp_path, empty_store)
    assert "which joints are spared most of the time" in texts, texts
    assert "wrists and ankles" in texts, texts
    assert "men" in texts, texts
    # the rating widget is still chrome
    assert not any("know this" in t or t == "Perfectly" for t in texts), texts


def test_a_pages_own_question_is_answered_by_the_line_after_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"cards.txt": CARDS}) as kb:
        answer = kb.ask("Which joints are usually spared by ectopic bone?")
    assert not answer.abstained, answer.notes
    assert "wrists and ankles" in answer.answer.lower(), answer.answer
