"""A risk told of one patient is not restated as what the sources say in general.

Sets 59 and 61, hand-labelled: "Cardiac arrest raises the risk of anoxic brain injury" (from
"she suffered an anoxic brain injury following cardiac arrest"), "Tetanus raises the risk of
myositis ossificans" (from "only one report … as a complication of tetanus") were shown under
answers as general statements. Pages written for the test in the same shapes.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

CASE = ("Myositis ossificans after tetanus\n\n"
        "Only one report of myositis ossificans as a complication of tetanus has been "
        "described.\n"
        "She suffered myositis ossificans following tetanus.\n")
REVIEW = ("Causes of myositis ossificans\n\n"
          "Tetanus raises the risk of myositis ossificans in adults.\n")
QUESTION = "What raises the risk of myositis ossificans?"


def _risk_statements(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in answer.statements if "raises the risk" in s.text]


def test_a_risk_told_of_one_patient_is_quoted_not_restated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        answer = kb.ask(QUESTION)
    assert not _risk_statements(answer), answer.statements
    assert "She suffered myositis ossificans following tetanus" in readable_text(answer)


def test_a_risk_a_source_states_in_general_is_restated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "review.txt": REVIEW}) as kb:
        answer = kb.ask(QUESTION)
    assert "Tetanus raises the risk of myositis ossificans" in _risk_statements(answer)


STORY = ("Myositis ossificans of the thigh: a case report\n\n"
         "We present the case of a 40-year-old patient with myositis ossificans of the thigh.\n"
         "This condition developed as a result of tetanus contracted in a farm accident.\n")


def test_a_sentence_going_on_about_the_patient_tells_of_that_patient(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # set 61: "We present the case of a 59-year-old patient with HO in the right hip. This
    # condition developed as a result of right hemiplegia secondary to a TBI ..."
    with store_of_pages(tmp_path, {"story.txt": STORY}) as kb:
        answer = kb.ask(QUESTION)
    assert not _risk_statements(answer), answer.statements


def test_a_risk_stated_in_general_cites_the_general_sentence_not_the_case(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"story.txt": STORY, "review.txt": REVIEW}) as kb:
        answer = kb.ask(QUESTION)
    risk = [s for s in answer.statements
            if s.text == "Tetanus raises the risk of myositis ossificans"]
    assert risk, answer.statements
    cited = [c.sentence_text for c in risk[0].citations]
    assert any("in adults" in text for text in cited), cited
    assert not any("farm accident" in text for text in cited), cited
