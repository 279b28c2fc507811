"""Question shapes set 132 brought (issue 14): a rheumatologist's blog on crystal deposits, a
footballer's old calf haematoma, questions about things no page treats. The pages here are
our own, in the same shapes.

"What dose of colchicine does the blog recommend?" names no concept osteon knows; it had
been answered with another page's "A dose of 7-8 Gray … within 24-48 hours of surgery",
which shares only the word "dose" with it. "How is a pilomatricoma of the skin diagnosed?"
had been answered from pages that never say "pilomatricoma", because "skin" is a concept
they name: a place in the body says where the topic is, not what it is. "Which blood test
did they check?" had taken any test (an x-ray) for an answer; a kind of blood test answers.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

BLOG = ("Crystal arthritis in the knee\n\n"
        "Crystal arthritis of the knee, or pseudogout, comes with acute painful attacks.\n"
        "For an attack I recommend rest, ice and sometimes colchicine.\n"
        "The crystals are seen in the menisci on a knee radiograph.\n")

SKIN = ("Calcium in the skin of children\n\n"
        "Calcinosis of the skin in children is diagnosed with a biopsy of the lump.\n"
        "The lumps are hard and white under the skin.\n")

RADIATION = ("Radiation after hip replacement\n\n"
             "Radiation therapy prevents heterotopic ossification after hip replacement.\n"
             "A dose of 7 Gray in a single fraction within 24 hours of surgery has been used.\n")

CALF = ("An old calf haematoma in a runner\n\n"
        "A 38-year-old runner had recurring calf pain for years.\n"
        "Before the operation an x-ray of the calf was checked and showed calcification.\n"
        "Before the operation a coagulation screen was checked and was normal.\n"
        "The haematoma was excised.\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path_factory.mktemp("pages"),
                        {"crystal_blog.txt": BLOG, "radiation.txt": RADIATION,
                         "calf.txt": CALF, "skin.txt": SKIN}) as opened:
        yield opened


@pytest.mark.parametrize("question", [
    # the only dose the pages give is another treatment's, beside none of the question's words
    "What dose of colchicine does the crystal blog recommend for an acute pseudogout attack?",
    # no page says "pilomatricoma": the skin says where it is, not what it is
    "How is a pilomatricoma of the skin diagnosed in children?",
])
def test_a_question_the_pages_do_not_answer_is_declined(kb, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask(question)
    assert answer.abstained, readable_text(answer)


@pytest.mark.parametrize(("question", "expected"), [
    # a dose beside the question's own words still answers a question naming no concept
    ("What dose was given in a single fraction within 24 hours?", "7 Gray"),
    # ... and a place in the body beside a named topic still finds it
    ("How are the crystals seen in the knee?", "knee radiograph"),
])
def test_the_sentence_that_answers_is_still_quoted(kb, question: str, expected: str  # type: ignore[no-untyped-def]
                                                   ) -> None:
    answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in readable_text(answer), readable_text(answer)


def test_a_kind_of_blood_test_answers_which_blood_test(kb) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask("Which blood test did they check before the operation?")
    assert not answer.abstained, answer.notes
    assert "coagulation screen" in answer.answer, readable_text(answer)
