"""Questions of the 116th and 118th sets of real pages (dev), in our own words.

- A question about the people a page names ("why did Steve matter so much to Karen's
  family?", "did Bennett need surgery?") is answered from that page: another page's
  sentence holding a "because" is no reason of theirs, and another page's "surgical
  resection treats HO" is not what was done for them.
- A question naming no concept but the people of a page, with a word no page holds ("why
  doesn't the Winnard family move to a bungalow?"), asks what that page says; it is not
  beyond the sources.
- A question about one case named by its age ("the 36-year-old man") takes no treatment
  from other pages' claims.
- A Portuguese abstract under its English title answers an English question in its own
  words ("idade", "início", "mediana").
- "… such as skin or growth plate problems?" gives examples of the answer, not topics.
- "In the early days after the diagnosis" is a time, not a question of how it was found;
  "Karen's family" are people, not an inheritance.
- "When was it announced?" is answered by the page's dateline ("August 01, 2017"), a line
  of three words.
- "ACross the Lifespan" spells out no ACL: letters from inside words skip no small word.
- "On the drug vs placebo", "before surgery vs at the 4 year check" ask for a study's
  figures, not for what the sources say of two things (which a comparison declines when
  one side is unknown).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import store_of_pages
from osteon.ask.answer import Answer
from osteon.ask.understand import understand
from osteon.ask.unmentioned import spelled_out
from osteon.reading.lexicon import load_lexicon

STEVE = ("Meeting Steve, a friend with FOP\n\n"
         "Steve is somebody I met online in the early days of my daughter's diagnosis with "
         "fibrodysplasia ossificans progressiva.\n"
         "Since then Steve has been a great source of advice on everyday life.\n"
         "We finally met in person last spring.\n")

IMAGING = ("Imaging of heterotopic ossification\n\n"
           "During the early stage, an x-ray will not be helpful because there is no calcium "
           "in the matrix.\n"
           "Surgical resection treats heterotopic ossification once the bone has matured.\n")

RACHEL = ("Woman with FOP raises money for a lift\n\n"
          "Rachel Winnard, 35, who has fibrodysplasia ossificans progressiva, hopes to raise "
          "money for a lift in her home.\n"
          "Moving to a new house isn't an option either as the kitchen and the bathroom have "
          "already been adapted to suit Rachel's needs.\n")

BENNETT = ("Bennett's recovery\n\n"
           "Bennett broke his femur and hurt his head in the crash.\n"
           "His orthopedic surgeon reported after the surgery that Bennett is growing new bone "
           "at a remarkable rate.\n")

LUNG_CASE = ("Dendriform pulmonary ossification in a young man\n\n"
             "Case report: A 36-year-old man was found by chance to have branching "
             "ossification in both lungs.\n"
             "He had gastro-oesophageal reflux for years.\n"
             "More studies are needed to establish treatment guidelines.\n")

PORTUGUESE = (
    "Fibrodysplasia ossificans progressiva (FOP) in children: report of three cases\n\n"
    "Fibrodisplasia ossificante progressiva (FOP) é uma doença do tecido conectivo "
    "associada com ossificação endocondral.\n"
    "A idade do início da doença variou de 6 meses a 11 anos (mediana = 2 anos); dois "
    "pacientes eram do sexo feminino.\n"
    "Edema inicial ocorreu em todos os pacientes.\n")

TRIAL = ("Garetosmab in adults with FOP\n\n"
         "Garetosmab reduced the median duration of flare-ups in adults with "
         "fibrodysplasia ossificans progressiva (15 days versus 48 days for placebo).\n")


PRESS = ("New drug for an orphan bone disease\n\n"
         "August 01, 2017\n\n"
         "In a new study published in the Journal of Clinical Investigation, researchers "
         "report that rapamycin may prevent the ossification in fibrodysplasia ossificans "
         "progressiva.\n")


def _ask(tmp_path: Path, pages: dict[str, str], question: str) -> Answer:
    with store_of_pages(tmp_path, pages) as kb:
        return kb.ask(question)


def test_a_reason_asked_of_a_pages_people_is_not_another_pages_because(tmp_path: Path) -> None:
    answer = _ask(tmp_path, {"steve.txt": STEVE, "imaging.txt": IMAGING},
                  "Why did Steve matter so much to Karen's family in the early days after "
                  "the diagnosis?")
    assert "x-ray" not in answer.answer and "Steve" in answer.answer, answer.answer


def test_a_word_no_page_holds_does_not_decline_a_question_about_a_pages_people(
        tmp_path: Path) -> None:
    answer = _ask(tmp_path, {"rachel.txt": RACHEL, "steve.txt": STEVE},
                  "Why doesn't the Winnard family simply move to a bungalow or another house?")
    assert not answer.abstained and "adapted" in answer.answer, answer.answer


def test_a_word_no_page_holds_still_declines_a_question_about_no_ones_story(
        tmp_path: Path) -> None:
    answer = _ask(tmp_path, {"rachel.txt": RACHEL, "steve.txt": STEVE},
                  "Can a bungalow cure heterotopic ossification?")
    assert answer.abstained, answer.answer


@pytest.mark.parametrize(("page", "question"), [
    (BENNETT, "Did Bennett need surgery to remove the heterotopic ossification around his hip?"),
    (LUNG_CASE, "What treatment was given to the 36-year-old man with dendriform pulmonary "
                "ossification and reflux?"),
])
def test_what_was_done_for_one_person_is_not_what_other_pages_say_is_done(
        tmp_path: Path, page: str, question: str) -> None:
    answer = _ask(tmp_path, {"person.txt": page, "imaging.txt": IMAGING}, question)
    assert "resection" not in answer.answer.casefold(), answer.answer


def test_a_portuguese_abstract_under_an_english_title_answers_in_its_words(
        tmp_path: Path) -> None:
    answer = _ask(tmp_path, {"pt.txt": PORTUGUESE, "trial.txt": TRIAL},
                  "At what ages did FOP start in the three children with FOP, and what was the "
                  "median?")
    assert "mediana = 2 anos" in answer.answer, answer.answer


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_examples_of_the_answer_are_not_its_topic(lexicon) -> None:
    question = understand("What side effects of palovarotene are listed in the review, such "
                          "as skin or growth plate problems?", lexicon)
    assert question.concepts == ("palovarotene",), question.concepts


def test_examples_alone_are_still_the_topic(lexicon) -> None:
    question = understand("What helps, for example indomethacin?", lexicon)
    assert "indomethacin" in question.concepts, question.concepts


@pytest.mark.parametrize("text, intent, asked", [
    ("Why did Steve matter so much to Karen's family in the early days after the diagnosis?",
     "diagnosis", False),
    ("Why did Steve matter so much to Karen's family in the early days after the diagnosis?",
     "genetics", False),
    ("What tests confirm HO after the diagnosis of a spinal cord injury?", "diagnosis", True),
    ("How is heterotopic ossification diagnosed?", "diagnosis", True),
    ("Does FOP run in Karen's family?", "genetics", True),
    ("Is there a family history of FOP?", "genetics", True),
])
def test_a_diagnosis_or_a_family_named_in_passing_asks_no_test_or_gene(
        lexicon, text: str, intent: str, asked: bool) -> None:
    assert (intent in understand(text, lexicon).intents) is asked


@pytest.mark.parametrize("text, compared", [
    ("Does garetosmab make flare-ups shorter? What was the median length on the drug vs "
     "placebo?", False),
    ("Neck disability index before surgery vs at the 4 year check in the disc series?", False),
    ("Pain scores preop vs postop after the excision?", False),
    ("What is the difference between heterotopic ossification and myositis ossificans?", True),
    ("Indomethacin vs radiation: which prevents HO better?", True),
])
def test_a_studys_own_arms_or_times_are_no_comparison_of_two_things(
        lexicon, text: str, compared: bool) -> None:
    assert ("comparison" in understand(text, lexicon).intents) is compared


def test_a_dateline_answers_when_a_page_was_announced(tmp_path: Path) -> None:
    answer = _ask(tmp_path, {"press.txt": PRESS, "trial.txt": TRIAL},
                  "When was the rapamycin press release announced?")
    assert "August 01, 2017" in answer.answer, answer.answer


def test_letters_inside_words_across_a_small_word_spell_out_no_abbreviation() -> None:
    question = "What share of ACL reconstructions end up with tendon ossification?"
    assert not spelled_out(question, "acl", ["Early intervention across the lifespan."])
    assert spelled_out("Does TXA reduce bleeding?", "txa", ["Tranexamic acid was given."])
