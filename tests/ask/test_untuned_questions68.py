"""Questions the dev sets 65 and 68 found declined or misread, over pages written for the test
(no source text): a trial named by its word with a capital, a way of paying, a hallmark, a
measure of drink, an operation's hours, how an injury came about, the wounded of a war."""

from __future__ import annotations

import pytest

from fixtures import store_of_pages

TRIAL = ("Family day report\n\n"
         "The sponsor gave an update on the palovarotene phase 3 Move trial.\n"
         "Inclusion in this trial has been stopped because the planned 80 subjects have "
         "enrolled.\n")
GIRL = ("A girl with FOP in a village\n\n"
        "Her parents have watched her condition get worse for years.\n"
        "They have started a fundraising page to help pay for her medical care.\n"
        "She now uses a wheelchair to get around.\n")
PAPER = ("Care of people with FOP\n\n"
         "Fibrodysplasia ossificans progressiva (FOP) is an ultra-rare disorder characterized "
         "by malformed great toes and progressive heterotopic ossification.\n"
         "Patient groups provide information and support to families.\n")
COLON = ("Bone in a colon polyp\n\n"
         "A 60-year-old woman had a polyp with bone in its stroma.\n"
         "She was drinking two to three litres of wine per week and took ibuprofen.\n")
BLOG = ("My elbow story\n\n"
        "After 3+ hours of elbow surgery I stayed in hospital for the next two nights.\n"
        "My surgeon removed the bone block and an old screw.\n")
COMBAT = ("Predicting HO in combat wounds\n\n"
          "We took muscle biopsies from 90 combat wounds during the first debridement.\n"
          "Models were compared with decision curve analysis.\n")


def _reads(answer) -> str:  # type: ignore[no-untyped-def]
    return (answer.answer + " " + " ".join(
        c.sentence_text for e in answer.evidence for c in e.citations)).lower()


@pytest.mark.parametrize(("pages", "question", "expected"), [
    # a trial's name the question writes in capitals, the page as a word with its capital
    ({"family_day.txt": TRIAL}, "Why was recruitment into the palovarotene MOVE trial stopped?",
     "80 subjects"),
    # what people do to pay asks a way of paying, no sum of money
    ({"village_girl.txt": GIRL}, "What have the girl's parents done to pay for her care?",
     "fundraising page"),
    # a hallmark is what a disease is characterized by
    ({"fop_care.txt": PAPER}, "What are the hallmarks of FOP?", "great toes"),
    # how much one drinks is a measure of it
    ({"colon_polyp.txt": COLON}, "How much alcohol was the woman with the polyp drinking?",
     "litres"),
    # the wounded of a war are its casualties
    ({"combat.txt": COMBAT}, "In the combat casualty study, how many wounds were sampled?",
     "90 combat wounds"),
])
def test_a_question_in_the_reader_s_words_is_answered(tmp_path, pages,  # type: ignore[no-untyped-def]
                                                      question: str, expected: str) -> None:
    with store_of_pages(tmp_path, pages) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in _reads(answer), answer.answer


def test_a_trial_no_page_names_is_still_unnamed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"family_day.txt": TRIAL}) as kb:
        answer = kb.ask("Why was recruitment into the OPTIMA trial stopped?")
    assert answer.abstained, answer.answer


def test_how_much_something_costs_still_wants_a_price(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"village_girl.txt": GIRL}) as kb:
        answer = kb.ask("How much does the girl's medical care cost?")
    assert answer.abstained, answer.answer


def test_how_someone_hurt_a_joint_asks_how_it_came_about() -> None:
    from osteon.ask.understand import question_rules, understand
    from osteon.reading.lexicon import load_lexicon

    rules = question_rules()
    question = understand("How did the blogger hurt his elbow?", load_lexicon(), rules)
    assert question.intents[0] == "cause", question.intents
    # ... while what hurts is still a symptom
    assert understand("Does HO of the elbow hurt?", load_lexicon(),
                      rules).intents[0] == "symptoms"


def test_an_operation_of_some_hours_is_a_duration() -> None:
    from osteon.ask.ranking_rules import compiled, ranking_rules

    duration = compiled(ranking_rules().answers["duration"].pattern)
    assert duration.search("After 3+ hours of elbow surgery")
    assert duration.search("for the next two nights")

