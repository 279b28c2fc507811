"""What the questions of set 58 showed, in pages and questions written for the test: a
trial's registration number asked for, a count of those of a group an event befell, and a
trial named for what it tests (no finding that the drug works).
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

REGISTRY = ("HOPE-1\n\n"
            "  • Full title\n\n"
            "    Palovarotene trial to prevent heterotopic ossification after burns\n\n"
            "  • Clinicaltrials.gov Identifier\n\n"
            "    NCT09876543\n\n"
            "  • Research summary\n\n"
            "    Heterotopic ossification is bone that forms in muscle after severe burns."
            " Forty adults with burns will be recruited at six burn centres.\n")

SERIES = ("Heterotopic ossification after knee replacement\n\n"
          "We reviewed 210 knee replacements and found 9 cases of heterotopic ossification.\n"
          "Most cases were mild and limited knee flexion only a little.\n"
          "Two patients were operated on to remove the bone.\n")


def test_a_trial_registration_number_is_an_identifier(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "whats its clinicaltrials.gov number?" was read as no type at all and answered with
    the trial's title; it asks for a registration number, which the field gives."""
    lexicon = load_lexicon()
    assert "identifier" in understand("burn trial - whats its clinicaltrials.gov number?",
                                      lexicon).intents
    with store_of_pages(tmp_path, {"registry.txt": REGISTRY}) as kb:
        answer = kb.ask("For the palovarotene burn trial, what is its clinicaltrials.gov "
                        "number?")
    assert "NCT09876543" in answer.answer, answer.answer


def test_a_trial_named_for_its_aim_states_no_finding(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"Full title: Palovarotene trial to prevent HO after burns" names what the trial tests;
    re-worded as "Palovarotene prevents HO" it would state the finding it has not made."""
    page = ("Burn research\n\nFull title: Palovarotene trial to prevent heterotopic "
            "ossification after burns.\nForty adults with burns will be recruited.\n")
    with store_of_pages(tmp_path, {"registry.txt": page}) as kb:
        answer = kb.ask("Does palovarotene prevent heterotopic ossification after burns?")
    assert not any("Palovarotene prevents" in s.text for s in answer.statements), [
        s.text for s in answer.statements]


def test_how_many_of_a_group_an_event_befell_needs_that_event(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How many of the nine patients died?" was answered with the count of cases; only a
    sentence about the asked event (deaths, a return, an operation) answers it."""
    with store_of_pages(tmp_path, {"series.txt": SERIES}) as kb:
        died = kb.ask("How many of the nine patients with HO after knee replacement died?")
        came_back = kb.ask("How many of the cases of HO after knee replacement recurred?")
        operated = kb.ask("How many of the nine patients with HO after knee replacement "
                          "needed an operation to remove it?")
    assert died.abstained, died.answer
    assert came_back.abstained, came_back.answer
    assert not operated.abstained and "Two patients were operated" in operated.answer, (
        operated.answer)


PAPER = ("Sciatic nerve entrapment by heterotopic ossification after brain injury\n\n"
         "Written by: Anna Lindqvist, Per Olsen, Maria Berg.\n"
         "Published in: Journal of Rehabilitation Imaging 3/2019\n"
         "Heterotopic ossification around the hip compressed the sciatic nerve in 14 of "
         "52 patients after brain injury.\n")
OTHER = ("Heterotopic ossification after knee replacement\n\n"
         "The authors reviewed 300 knee replacements from 1988 to 1994 and found 12 cases of "
         "heterotopic ossification.\n")


def test_a_further_intent_is_answered_from_the_same_paper(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Who was the first author and journal of the study on sciatic nerve entrapment?"
    was answered with the byline and another page's "the authors reviewed … 1988" for the
    journal; the paper's own journal line answers the second part."""
    with store_of_pages(tmp_path, {"paper.txt": PAPER, "other.txt": OTHER}) as kb:
        answer = kb.ask("Who were the first author and journal of the study on sciatic "
                        "nerve entrapment by heterotopic ossification?")
    assert "Lindqvist" in answer.answer, answer.answer
    assert "Journal of Rehabilitation Imaging" in answer.answer, answer.answer


CASE = ("Girl with stone man syndrome treated in Shanghai\n\n"
        "Doctors at a Shanghai hospital said the 14-year-old girl has fibrodysplasia "
        "ossificans progressiva.\n"
        "Her doctor said she must avoid injections and falls.\n")


def test_which_medicine_needs_a_sentence_naming_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Which medicine did the doctor prescribe for the girl?" was answered with the
    sentence naming her condition; only a sentence naming a medicine answers it."""
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        none = kb.ask("Which medicine did the doctor prescribe for the 14-year-old girl with "
                      "stone man syndrome?")
    (tmp_path / "named").mkdir()
    named_case = CASE + "She was given prednisone during flare-ups.\n"
    with store_of_pages(tmp_path / "named", {"case.txt": named_case}) as kb:
        named = kb.ask("Which medicine did the doctor prescribe for the 14-year-old girl with "
                       "stone man syndrome?")
    assert none.abstained, none.answer
    quoted = " ".join(q.text for q in named.evidence)
    assert not named.abstained and "prednisone" in quoted, quoted
