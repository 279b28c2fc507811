"""Questions the dev set 82 found misread (issue 14), the pages written here in other words.

- A page named by its author's surname alone ("going by Dr Kumarasamy's slides"), which
  only the slides' byline holds, is the page asked about, as a two-word name already was.
- "Who first described it and when?" and "over what time period…?" ask a year or dates.
- A corked thigh is an index event: "how many weeks after a corked thigh…?" is not
  answered by the weeks after a spinal cord injury.
- "Which gene is mutated in POH?" is not led by another page's gene behind HO at large.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

SLIDES = ("Ectopic bone lecture\n\n"
          "Dr.Kumarasamy\n\n"
          "History:\n\n"
          "• HO – 1st described in 1901 by Marlowe.\n"
          "• HO may be traumatic or non-traumatic.\n")
REVIEW = ("A review of ectopic bone\n\n"
          "Heterotopic ossification was first described in the literature nearly 1000 years "
          "ago in the healing of fractures.\n"
          "Heterotopic ossification usually occurs 3-12 weeks after spinal cord injury.\n")
GENES = ("Why bone forms\n\n"
         "Heterotopic ossification commonly occurs in patients with severe trauma or a bone "
         "morphogenetic protein (BMP) receptor gene mutation.\n")
THIGH = ("Corked thigh\n\n"
         "A corked thigh is a bruise of the thigh muscle from a knee or a blow in contact "
         "sport.\n"
         "Rest, ice and compression are used for the first two days.\n")
RARE = ("Rare bone disorders\n\n"
        "Progressive osseous heteroplasia is a rare genetic disorder in which bone forms in "
        "the skin and then in deeper tissue.\n")


def test_a_surname_on_the_byline_names_the_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"slides.txt": SLIDES, "review.txt": REVIEW}) as kb:
        # a heading names the page by a whole word of it, not by a part ("Kumara")
        assert kb.knowledge.store.headed("kumarasamy") == ["slides"]
        assert kb.knowledge.store.headed("Kumara") == []
        answer = kb.ask("Who first described heterotopic ossification and when, going by "
                        "Dr Kumarasamy's slides?")
    assert "1901" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "Who first described myositis ossificans and when?",
    "Over what time period were the patients in the elbow study treated?",
])
def test_dates_are_asked(question: str) -> None:
    assert understand(question, load_lexicon()).intents[0] == "year"


def test_a_corked_thigh_is_not_a_spinal_cord_injury(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"thigh.txt": THIGH, "review.txt": REVIEW}) as kb:
        answer = kb.ask("How many weeks does it usually take to get back to playing footy "
                        "after a corked thigh?")
    assert answer.abstained, answer.answer


def test_another_page_s_gene_does_not_lead(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"rare.txt": RARE, "genes.txt": GENES}) as kb:
        answer = kb.ask("Which gene is mutated in progressive osseous heteroplasia?")
    assert "bmp" not in answer.answer.lower(), answer.answer


ONSET = ("Spinal cord injury and bone\n\n"
         "Heterotopic ossification usually appears 3-12 weeks after spinal cord injury.\n"
         "X-rays are used to diagnose heterotopic ossification 3-4 weeks after the onset.\n")
IMAGING = "Imaging review\n\nPlain X-rays are not useful in diagnosing heterotopic ossification.\n"


def test_the_disagreement_is_told_where_the_answer_says_a_side(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the sources disagree on X-rays; a short answer about when the bone appears says
    # nothing of them: the conflict is shown in its own section, not pinned on that quote
    with store_of_pages(tmp_path, {"onset.txt": ONSET, "imaging.txt": IMAGING}) as kb:
        when = kb.ask("When does heterotopic ossification appear after a spinal cord injury?")
        xray = kb.ask("Does an X-ray help diagnose heterotopic ossification?")
    assert when.conflicts and xray.conflicts
    assert "disagree" not in when.answer, when.answer
    assert "disagree" in xray.answer, xray.answer
