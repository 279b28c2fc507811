"""Candidate recall: the page asked about, and its sentence that answers.

On the page a question is about, the answering sentence often says only the answer
("By the end of the third season, 31% had been affected at least once." for "how often
did the wrestlers get a lump?"): it repeats neither the question's words nor its concepts,
and was dropped before it was ranked. A sentence of the best pages that holds what the
question's main intent asks for (here a figure) is a candidate. And the page asked about
is found by how densely it holds the question's words, not by its length, and a concept's
long name counts once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import ranked_evidence, store_of_pages
from osteon.ask.answer import ask
from osteon.ask.evaluate import readable_text
from osteon.ask.ranking_rules import ranking_rules
from osteon.ask.understand import understand

SURVEY = ("Amateur wrestling: a season survey\n\n"
          "We followed 240 amateur wrestlers through three seasons of competition. "
          "Each wrestler who reported a painful lump in the thigh had an ultrasound within "
          "a week. By the end of the third season, 31% had been affected at least once. "
          "Most lumps settled with rest and stretching.\n")
ROWING = ("Back pain in rowers\n\n"
          "Rowers often report low back pain during the winter training block. "
          "Core exercises reduce the pain in most rowers. "
          "A few rowers need time off the water.\n")
PAGES = {"wrestling_survey.txt": SURVEY, "rowing_note.txt": ROWING}
ASKED = "How often did the amateur wrestlers get a lump in the thigh?"
FIGURE = "By the end of the third season, 31% had been affected at least once."


def test_a_figure_on_the_page_asked_about_is_ranked(tmp_path: Path) -> None:
    with store_of_pages(tmp_path, PAGES) as kb:
        ranked = ranked_evidence(kb.knowledge, ASKED)
        assert FIGURE in [r.place.text for r in ranked]
        figure = next(r for r in ranked if r.place.text == FIGURE)
        assert figure.holds["frequency"]


def test_the_answer_quotes_the_figure(tmp_path: Path) -> None:
    with store_of_pages(tmp_path, PAGES) as kb:
        assert "31%" in readable_text(ask(kb.knowledge, ASKED))


def test_a_sentence_without_the_answer_or_the_words_stays_out(tmp_path: Path) -> None:
    """Only what the intent asks for lets a sentence in: "A few rowers need time off the
    water." shares nothing with the question and holds no figure."""
    with store_of_pages(tmp_path, PAGES) as kb:
        texts = [r.place.text for r in ranked_evidence(kb.knowledge, ASKED)]
        assert "A few rowers need time off the water." not in texts



NOTES = ("Wrestling notes\n\nA thigh lump after a takedown was seen in one wrestler. "
         "The season ended in March. Ice was kept in the gym.\n")
DIARY = ("Wrestling diary\n\nA thigh lump after a takedown was seen in one wrestler. "
         "The season ended in March. Ice was kept in the gym. "
         "Another thigh lump after a takedown was seen in a second wrestler. "
         "The coach kept a diary. Training resumed in April.\n")


def test_a_long_page_weighs_no_more_for_its_length(tmp_path: Path) -> None:
    """A page twice as long that holds the question's words twice as often is no better a
    match: a long general page does not outweigh the short page a question is about
    ("per the hip hospital blog") by holding its words in more sentences."""
    from osteon.ask.evidence import _bm25, _context

    with store_of_pages(tmp_path, {"notes.txt": NOTES, "diary.txt": DIARY}) as kb:
        knowledge = kb.knowledge
        question = understand("What happened after a takedown?", knowledge.lexicon)
        rules = ranking_rules()
        shares, _ = _context(knowledge, _bm25(knowledge, question, rules), rules)
    assert shares["notes"] == pytest.approx(shares["diary"])


FOP_CASE = ("What is the diagnosis?\n\n"
            "FOP was confirmed by testing the gene.\n"
            "FOP is an extremely rare disorder of the connective tissue.\n"
            "In FOP, muscles and tendons are slowly replaced by bone.\n"
            "The average onset age is 5 years.\n")
AFTER_HIP = ("Bone after hip surgery\n\n"
             "Heterotopic ossification usually starts two weeks after hip surgery.\n"
             "Fibrodysplasia ossificans progressiva is a different, inherited disease.\n"
             "Radiation therapy prevents bone after hip surgery.\n")


def test_a_long_name_named_once_does_not_outweigh_a_short_one_named_throughout(
        tmp_path: Path) -> None:
    """The page that says "FOP" in every sentence is the page about FOP, not the one that
    names "fibrodysplasia ossificans progressiva" once: a name's words count once."""
    from osteon.ask.evidence import _bm25, _context

    with store_of_pages(tmp_path, {"fop_case.txt": FOP_CASE,
                                   "after_hip.txt": AFTER_HIP}) as kb:
        knowledge = kb.knowledge
        question = understand("At what age does FOP usually start?", knowledge.lexicon)
        rules = ranking_rules()
        shares, _ = _context(knowledge, _bm25(knowledge, question, rules), rules)
    assert max(shares, key=lambda doc: shares[doc]) == "fop_case"
