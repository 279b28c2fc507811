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
