"""Questions the dev set 74 found declined or misread (issue 14).

Pages written for the test (no source text): a first-person story signed with a handle
("I'm RiaVeld"), asked about by the name written apart ("Ria Veld"), and a share of a
whole ("how much of her body") that its figure answers.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.understand import understand

STORY = ("Living with stone man disease\n\n"
         "Hello. I'm RiaVeld and I have FOP, a disease that turns my muscles into bone.\n"
         "My body is frozen 60% and the doctors expect 80% within five years.\n"
         "I paint with a brush held in my mouth.\n")
OTHER = ("Heterotopic ossification\n\n"
         "Heterotopic ossification is bone in soft tissue after an injury.\n"
         "A boy aged 7 years was diagnosed with FOP at the Leiden University Hospital.\n"
         "Most patients keep most of their movement.\n")


def test_a_name_a_page_writes_run_together_is_mentioned(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"story.txt": STORY, "other.txt": OTHER}) as kb:
        answer = kb.ask("How much of her body does Ria Veld say is frozen by FOP, and how much "
                        "is expected later?")
        unknown = kb.ask("How much of her body does Tom Brill say is frozen by FOP?")
        # her page is the one asked about: what it does not give is not taken from another
        untold = kb.ask("At what age was Ria Veld diagnosed with FOP, and at which hospital?")
    assert not answer.abstained, answer.notes
    assert "60%" in answer.answer and "80%" in answer.answer, answer.answer
    # a name no page writes, apart or together, is still one the sources do not mention
    assert unknown.abstained, unknown.answer
    assert untold.abstained, untold.answer


def test_how_much_of_a_whole_asks_a_share() -> None:
    from osteon.reading.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert "share" in understand("How much of his body is locked?", lexicon).intents
    assert "share" not in understand("How much bone was removed?", lexicon).intents



SUMMARY = ("Emergency care in FOP\n\n"
           "The International Advisory Board\n\n"
           "The summary was written with academic funding only.\n"
           "Each chapter was reviewed by two members.\n")
TRIAL = ("Rapamycin trial for FOP\n\n"
         "Forty doctors reviewed each chapter of the rapamycin trial plan in FOP.\n"
         "The trial of the drug starts in spring.\n")


def test_a_name_only_a_heading_holds_names_its_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"summary.txt": SUMMARY, "trial.txt": TRIAL}) as kb:
        assert kb.knowledge.store.headed("International  Advisory board") == ["summary"]
        answer = kb.ask("How many people reviewed each chapter for the International Advisory "
                        "Board?")
    # the count is the named page's, not another page's count of reviewers
    assert "two members" in answer.answer, answer.answer
    assert "forty" not in answer.answer.lower(), answer.answer
