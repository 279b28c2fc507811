"""Questions about a research portal's record and about a person a story names.

Patterns from the 114th set of real pages, written here in our own words: a portal glues a
field's label to its value ("JournalJapanese Journal of …"), which read as a heading was
lost to "which journal?"; an asker names an operation in lay words ("gallbladder surgery")
that a page names in medical ones (cholecystectomy); "in her twenties" is "in her 20s" on
the page (the stemmer took it for "twenty-two men" on another); and a question naming the
woman of a story about FOP asks of that story, so its sentences are not set back as being
about genetic HO.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text
from osteon.ask.understand import question_rules, understand
from osteon.reading.lexicon import load_lexicon

PORTAL = """Bone forming in an abdominal scar: a case report

K. Mori, S. Ueda, T. Hara

Research output: Contribution to journalArticlepeer-review

We describe bone that formed in the scar of a cholecystectomy in a 52-year-old woman.
The mass was removed and did not come back.

Original languageEnglish
Pages (from-to)211-214
JournalNordic Archives of Wound Surgery
Publication statusPublished - 2003
"""

STORY = """Woman slowly turning to stone shares her story

Maria Lindqvist, 41, has fibrodysplasia ossificans progressiva, a rare genetic disease.
Maria lost movement in her left shoulder as a child.
However, in her 20s she had a flare-up in her left knee and began to walk with a cane.
Maria says the family jokes to get through the hard days.
Maria now campaigns for research into the disease.
"""

STUDY = """Cervical disc replacement in soldiers

Twenty-two men were included in the analysis.
The mean follow-up was 48 months.
"""


def test_a_journal_glued_to_its_label_answers_which_journal(tmp_path: Path) -> None:
    with store_of_pages(tmp_path, {"portal.txt": PORTAL}) as kb:
        answer = kb.ask("Which journal published the case of bone in a scar after "
                        "gallbladder surgery, and in what year?")
        assert not answer.abstained
        assert "Nordic Archives of Wound Surgery" in readable_text(answer)


def test_gallbladder_surgery_is_the_cholecystectomy_a_page_names(tmp_path: Path) -> None:
    with store_of_pages(tmp_path, {"portal.txt": PORTAL}) as kb:
        question = understand("Did the bone come back after the gallbladder surgery?",
                              kb.knowledge.lexicon)
        assert "cholecystectomy" in question.concepts


def test_a_decade_of_life_in_words_finds_it_in_figures_on_the_named_story(
        tmp_path: Path) -> None:
    with store_of_pages(tmp_path, {"story.txt": STORY, "soldiers.txt": STUDY}) as kb:
        answer = kb.ask("What happened to Maria in her twenties?")
        assert not answer.abstained
        assert "in her 20s" in answer.answer  # the short answer quotes it
        assert "Twenty-two men" not in answer.answer


def test_the_result_of_a_test_of_a_named_part_is_asked_as_a_result() -> None:
    lexicon = load_lexicon()
    for asked in ("What did the x-ray of his right hip show?",
                  "what did the MRI show?"):
        assert "test_result" in understand(asked, lexicon, question_rules()).intents, asked
