"""Questions the dev sets 82 and 84 found misread (issue 14), the pages written here in other
words.

- "…, which joint was affected most often, and how many?" asks a joint by its opening words,
  however many words of frequency and count follow: the site is one of its intents.
- "When was the survey carried out?" asks a study's dates, not a time after an injury.
- An aggregator's "Source: <journal>" line says where a review was published.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

SURVEY = ("Prophylaxis of heterotopic ossification in Austria: a survey\n\n"
          "This survey asked how departments prevent heterotopic ossification after "
          "fractures.\n"
          "In 2017 and 2018, a questionnaire was mailed to 64 hospital departments of "
          "orthopaedics in Austria.\n"
          "Most departments gave indomethacin after hip fractures.\n")
AGGREGATED = ("Ectopic Bone After Head Injury: A Practical Overview\n\n"
              "This overview sums up what is known of heterotopic ossification after a head "
              "injury.\n"
              "Source: Annals of Brain Rehabilitation - Category: Neurology Source Type: "
              "research\n")
OTHER = ("Hip operations\n\n"
         "Heterotopic ossification is seen after hip operations in one of four patients.\n"
         "The Annals of Hip Surgery reported it first.\n")


def test_the_joint_asked_by_the_opening_words_is_an_intent() -> None:
    question = understand("In adults after a head injury, which joint was affected most "
                          "often, and how many of them?", load_lexicon())
    assert "site" in question.intents, question.intents


def test_when_a_survey_was_done_asks_its_dates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "When was the Austrian survey on preventing heterotopic ossification carried out?"
    assert understand(question, load_lexicon()).intents[0] == "year"
    with store_of_pages(tmp_path, {"survey.txt": SURVEY}) as kb:
        answer = kb.ask(question)
    assert "2017" in answer.answer, answer.answer


def test_a_source_line_names_the_journal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"overview.txt": AGGREGATED, "hips.txt": OTHER}) as kb:
        answer = kb.ask("Which journal carried the review 'Ectopic Bone After Head Injury: A "
                        "Practical Overview'?")
    assert "Annals of Brain Rehabilitation" in answer.answer, answer.answer
