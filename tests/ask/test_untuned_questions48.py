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


@pytest.mark.parametrize(("question", "intent"), [
    ("How long was the ossified part of the tendon?", "size"),
    ("What size was the lump in her thigh?", "size"),
    ("How long does the bone take to mature?", "length"),  # a time, as before
    ("Over what period were the patients operated on?", "year"),
])
def test_a_size_and_a_study_period_are_asked_for_as_such(question: str, intent: str) -> None:
    """ "How long was the ossified part?" asks a length in cm, not a time; "over what period
    were they operated on?" asks the study's dates."""
    understood = understand(question, load_lexicon())
    assert understood.intents[:1] == (intent,), understood.intents


TENDON_PAGE = (
    "A broken bony Achilles tendon\n\n"
    "We present a woman of 50 whose ossified Achilles tendon broke on the stairs.\n"
    "Fracture of an ossified Achilles tendon is rare and has no standard treatment.\n"
    "Only a few cases of a fractured ossified Achilles tendon have been reported.\n"
    "The tendon was rebuilt with a hamstring graft.\n"
    "Radiographs showed an ossification of the tendon extending over 14 cm, broken 5 cm "
    "above the heel bone.\n")


def test_a_size_question_quotes_the_sentence_that_gives_the_size(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"tendon.txt": TENDON_PAGE}) as kb:
        answer = kb.ask("How long was the ossified part of the Achilles tendon?")
    assert "14 cm" in answer.answer, answer.answer  # the short answer quotes the size
    (tmp_path / "no_size").mkdir()
    with store_of_pages(tmp_path / "no_size", {"tendon.txt": TENDON_PAGE.replace(
            "extending over 14 cm, broken 5 cm above the heel bone", "broken above the heel")}
                        ) as kb:
        assert kb.ask("How long was the ossified part of the Achilles tendon?").abstained

