"""Candidate recall: the sentence that answers can share no word with the question.

On the page a question is about, the answering sentence often says only the answer
("By the end of the third season, 31% had been affected at least once." for "how often
did the wrestlers get a lump?"): it repeats neither the question's words nor its concepts,
and was dropped before it was ranked. A sentence of the best pages that holds what the
question's main intent asks for (here a figure) is a candidate.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import ranked_evidence, store_of_pages
from osteon.ask.answer import ask
from osteon.ask.evaluate import readable_text

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

