"""A question about an operation or a vaccine no page names is declined, not answered.

From the abstain questions of the 114th set of real pages, in our own words: "how often
does HO develop after carpal tunnel release?" was answered with a hip arthroplasty figure,
and "can children with FOP get their routine vaccinations?" with a sentence about muscle.
Each has a control: the same question over a page that names the thing is answered.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import store_of_pages

HIP = """Heterotopic ossification after hip replacement

Heterotopic ossification develops in up to 40% of patients after total hip arthroplasty.
Tendon release around the hip is sometimes needed when motion is lost.
Fibrodysplasia ossificans progressiva flare-ups follow injury to muscle.
"""

HAND = """Bone after wrist surgery

Heterotopic ossification developed in 2 of 300 hands after carpal tunnel release.
Children with fibrodysplasia ossificans progressiva should not get vaccinations injected
into a muscle; vaccines can be given under the skin instead.
"""

QUESTIONS = {"How often does heterotopic ossification develop after carpal tunnel release "
             "surgery?": "2 of 300 hands",
             "Can children with FOP safely get their routine vaccinations?": "under the skin"}


def test_an_operation_or_a_vaccine_no_page_names_is_declined(tmp_path: Path) -> None:
    with store_of_pages(tmp_path, {"hip.txt": HIP}) as kb:
        for question in QUESTIONS:
            assert kb.ask(question).abstained, question


def test_the_same_questions_are_answered_where_a_page_names_them(tmp_path: Path) -> None:
    with store_of_pages(tmp_path, {"hip.txt": HIP, "hand.txt": HAND}) as kb:
        for question, said in QUESTIONS.items():
            answer = kb.ask(question)
            assert not answer.abstained, question
            assert said in answer.answer, question
