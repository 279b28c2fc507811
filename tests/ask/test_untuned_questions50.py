"""What the questions of sets 48 and 50 and earlier page sets still showed, in pages and
questions written for the test: a life expectancy or an age is answered only by a sentence
that gives one, about what was asked; a trial named in capitals that no page writes is one
the pages say nothing of; "fop" typed in lower case is FOP.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

FOP_PAGE = (
    "Living with stone man syndrome\n\n"
    "Fibrodysplasia ossificans progressiva (FOP) is a rare genetic disorder in which muscle "
    "turns into bone.\n"
    "As people with FOP grow older, they slowly lose the ability to move their joints.\n"
    "On average the first flare-up comes at the age of five, and daily life changes.\n"
    "New flare-ups are expected after falls and injections.\n"
    "Palovarotene was approved in Canada for people with FOP.\n"
    "The drug reduced new bone in a trial of 107 patients.\n")

LIFESPAN = "The median lifespan is 40 years; most die of breathing problems.\n"


def test_a_life_expectancy_is_answered_only_by_a_sentence_that_gives_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Sentences on FOP's course are no answer to how long people with it live."""
    with store_of_pages(tmp_path, {"fop.txt": FOP_PAGE}) as kb:
        assert kb.ask("What is the average life expectancy of a person with FOP?").abstained
    (tmp_path / "given").mkdir()
    with store_of_pages(tmp_path / "given", {"fop.txt": FOP_PAGE + LIFESPAN}) as kb:
        answer = kb.ask("how long do people with FOP usually live?")
    assert not answer.abstained
    assert "40 years" in answer.answer, answer.answer


def test_a_trial_no_page_names_is_not_answered_from_another_count(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"The MOVE trial" is no trial the page names, though it says "move" and counts
    patients; a trial it does name is answered."""
    with store_of_pages(tmp_path, {"fop.txt": FOP_PAGE}) as kb:
        assert kb.ask("How many patients took part in the MOVE trial of palovarotene?"
                      ).abstained
    (tmp_path / "named").mkdir()
    named = FOP_PAGE.replace("in a trial of", "in the MOVE trial of")
    with store_of_pages(tmp_path / "named", {"fop.txt": named}) as kb:
        answer = kb.ask("How many patients took part in the MOVE trial of palovarotene?")
    assert not answer.abstained
    assert "107" in answer.answer, answer.answer


CASE_PAGES = {
    "band.txt": ("A band in the belly\n\n"
                 "A man presented with a bowel obstruction caused by a congenital band.\n"
                 "At surgery, bone was found in the mesentery: heterotopic mesenteric "
                 "ossification.\n"
                 "He recovered after a second operation.\n"),
    "refs.txt": ("Lumps in children\n\n"
                 "Myositis ossificans is rare in children.\n"
                 "A fibrous tumour mimicking myositis ossificans was removed from a "
                 "22-month-old girl.\n"),
}


def test_an_age_is_answered_only_by_a_sentence_about_the_case_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Another page's 22-month-old girl is no answer to how old the man with the band was;
    his own page giving his age is."""
    question = "How old was the man with the congenital band and mesenteric ossification?"
    with store_of_pages(tmp_path, CASE_PAGES) as kb:
        assert kb.ask(question).abstained
    (tmp_path / "aged").mkdir()
    aged = dict(CASE_PAGES, **{"band.txt": CASE_PAGES["band.txt"].replace(
        "A man presented", "A 34-year-old man presented")})
    with store_of_pages(tmp_path / "aged", aged) as kb:
        answer = kb.ask(question)
    assert "34-year-old" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "concept"), [
    ("whats the life expectancy with fop", "fibrodysplasia_ossificans_progressiva"),
    ("can sci cause ho in the hip?", "spinal_cord_injury"),
])
def test_an_abbreviation_typed_in_lower_case_names_its_concept(question: str, concept: str
                                                               ) -> None:
    assert concept in understand(question, load_lexicon()).concepts


NOTE_PAGE = (
    "Excision of heterotopic ossification around the hip: a technical note\n\n"
    "Elizabeth HG Turner 1, David C Goodspeed 1, Andrea M Spiker 1,\n\n"
    "Heterotopic ossification of the hip can be removed arthroscopically or through an open "
    "approach.\n"
    "The patient's 71-day hospital course was long.\n"
    "A 2.5-cm ossified mass lay beside the hip joint.\n"
    "A review of early excision included one trial.\n"
    "The authors concluded that small lesions can be removed through the arthroscope.\n")


@pytest.mark.parametrize(("question", "expected"), [
    ("How long was the hospital course in the hip technical note?", "71-day"),
    ("How big was the ossified mass beside the hip?", "2.5-cm"),
    ("How many trials did the review of early excision include?", "one trial"),
])
def test_a_measure_written_with_a_hyphen_or_in_words_answers(tmp_path, question: str,  # type: ignore[no-untyped-def]
                                                              expected: str) -> None:
    """"A 71-day course", "a 2.5-cm mass", "included one trial": the page gives the length,
    the size and the count asked for, so osteon quotes it rather than declining."""
    with store_of_pages(tmp_path, {"note.txt": NOTE_PAGE}) as kb:
        answer = kb.ask(question)
    assert expected in answer.answer, answer.answer


def test_who_wrote_a_page_is_answered_from_its_byline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The byline answers "who wrote it?"; "what did the authors conclude?" asks for their
    conclusion, not their names."""
    with store_of_pages(tmp_path, {"note.txt": NOTE_PAGE}) as kb:
        who = kb.ask("Who wrote the technical note on removing HO around the hip?")
        said = kb.ask("What did the authors of the hip technical note conclude?")
    assert "Spiker" in who.answer, who.answer
    assert "authors" not in said.understood.intents
    assert "arthroscope" in said.answer, said.answer


STUDY_PAGE = (
    "Elbow bone after burns\n\n"
    "We reviewed 40 burn patients whose elbows formed heterotopic bone.\n"
    "Most needed an operation to free the joint.\n"
    "The burned area was large in every patient.\n")


def test_a_mean_is_answered_only_by_a_sentence_that_gives_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"What was the mean burn size?" over a page that gives no mean is declined, not
    answered with the study's other figures; once the page gives it, it is quoted."""
    question = "What was the mean burn size of the patients with elbow heterotopic bone?"
    with store_of_pages(tmp_path, {"burns.txt": STUDY_PAGE}) as kb:
        assert kb.ask(question).abstained
    (tmp_path / "given").mkdir()
    given = STUDY_PAGE + "The mean burn size was 38% of the body surface.\n"
    with store_of_pages(tmp_path / "given", {"burns.txt": given}) as kb:
        answer = kb.ask(question)
    assert "38%" in answer.answer, answer.answer
    assert "average" not in understand("What does Brooker grade 4 mean?",
                                       load_lexicon()).intents


def test_a_newborn_is_asked_about_in_the_words_of_birth(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A page that says "at birth" answers a question about a newborn."""
    page = FOP_PAGE + ("Children who have FOP appear normal at birth except for malformed "
                       "great toes.\n")
    with store_of_pages(tmp_path, {"fop.txt": page}) as kb:
        answer = kb.ask("Midwife asking: would a newborn with FOP look any different at birth?")
    assert "appear normal at birth" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "intent"), [
    ("What dose of indomethacin is recommended to prevent HO after a hip replacement?",
     "dose"),
    ("If the elbow loses 50 degrees of its arc, how much function could you lose?",
     "measure"),
])
def test_a_dose_asked_beside_prevention_is_the_main_intent(question: str, intent: str
                                                           ) -> None:
    """ "What dose of X … to prevent HO" asks the dose (a sentence on prevention without one,
    or a radiation dose, does not answer it); "how much function" asks no dose, nor does
    "what fraction of"."""
    understood = understand(question, load_lexicon())
    assert understood.intents[:1] == (intent,), understood.intents
    assert "dose" not in understand("Roughly what fraction of HO causes symptoms?",
                                    load_lexicon()).intents
