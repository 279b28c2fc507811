"""What a development set of real pages (set 48) showed about questions, in pages and
questions written for the test: a treatment named by its dose is no dose question, "did
most of them…" asks for a share, an aside ("for example …") and everyday words a page says
otherwise ("ordinary" for "usual", "contain" for "consisted of") are no reason to decline,
and a rider asks about riding, not about horses.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

CASE_PAGE = (
    "A fatty lump of the heel\n\n"
    "A painful nodule was removed from the heel of a young runner.\n"
    "Under the microscope the lesion consisted of fat, osteoid and mature bone.\n"
    "Unlike usual panniculitis, which shows inflammatory cells, this lesion lacks "
    "inflammation.\n"
    "Misdiagnoses such as cancer are harmful: they lead to biopsies that make more bone "
    "grow.\n")


@pytest.mark.parametrize("question", [
    "After one dose of radiotherapy, did most of the elbow patients still have trouble using "
    "the arm?",
    "Did most of the children get their movement back?",
])
def test_did_most_of_them_asks_for_a_share(question: str) -> None:
    understood = understand(question, load_lexicon())
    assert understood.intents[:1] == ("frequency",), understood.intents
    assert "dose" not in understood.intents


@pytest.mark.parametrize(("question", "said"), [
    ("What did the heel lesion contain under the microscope?", "osteoid"),
    ("Is the heel lesion inflamed like ordinary panniculitis?", "lacks inflammation"),
    ("Why is being misdiagnosed (for example with cancer) so harmful?", "Misdiagnoses"),
])
def test_everyday_words_the_page_says_otherwise_are_answered(tmp_path, question: str,  # type: ignore[no-untyped-def]
                                                             said: str) -> None:
    with store_of_pages(tmp_path, {"heel.txt": CASE_PAGE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert any(said in s.text for s in answer.evidence), [s.text for s in answer.evidence]


def test_a_rider_asks_about_riding_not_about_horses() -> None:
    question = understand("I ride horses a lot - can HO develop from that, and in which "
                          "muscles?", load_lexicon())
    assert "horse" not in question.scope.species
