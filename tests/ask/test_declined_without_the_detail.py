"""Questions the sources hold no answer to are declined, not answered by a near sentence.

Patterns of dev100's failures (issue 14), on made-up pages in their shape:

- A question that names its person ("which pain medication does Adam Trent take?") is
  answered on the page that names them; another page's "pain medication will be prescribed"
  is said of other patients.
- "How many weeks before going back to full training?" asks the time to a return to sport:
  a time to another event ("3-4 weeks after onset before the x-ray is positive") is no answer.
- "Did it come back after it was removed?" is answered by a rate or by what a follow-up
  found, not by the case's presentation (whose "recurrent infection" is of another thing).
"""

from __future__ import annotations

from fixtures import store_of_pages

BLOG = (
    "Living with my flare-ups\n\n"
    "My name is Adam Trent and I have lived with FOP since I was a boy. The worst flare-up "
    "this year is in my left hip, and the pain comes and goes with the weather. I rest a lot "
    "when the flare-up is active and my family helps me at home.\n")
GENERAL = (
    "Managing flare-ups of FOP\n\n"
    "Typically, anti-inflammatories and pain medication will be prescribed to ease the pain "
    "of a flare-up.\n")


def test_a_person_named_is_answered_only_on_their_page(tmp_path) -> None:
    with store_of_pages(tmp_path, {"blog.txt": BLOG, "general.txt": GENERAL}) as kb:
        answer = kb.ask("Which pain medication does Adam Trent take for his hip flare-ups?")
    assert answer.abstained, answer.answer


def test_the_medication_asked_in_general_is_still_given(tmp_path) -> None:
    with store_of_pages(tmp_path, {"blog.txt": BLOG, "general.txt": GENERAL}) as kb:
        answer = kb.ask("Which pain medication is prescribed for FOP flare-ups?")
    assert not answer.abstained
    assert "pain medication will be prescribed" in answer.answer, answer.answer


CONTUSION = (
    "Thigh contusion\n\n"
    "A thigh contusion, or corked thigh, is a bruise of the quadriceps after a direct blow. "
    "In an episode which is not treated, it will be 3-4 weeks after onset before the x-ray "
    "is positive. Treatment is rest, ice and compression, then a gradual return to full "
    "activity as the pain allows.\n")
RETURN = (
    "Rehabilitation after a corked thigh\n\n"
    "Most footballers return to full training 2-3 weeks after a mild thigh contusion.\n")


def test_a_time_to_another_event_is_no_time_back_to_training(tmp_path) -> None:
    with store_of_pages(tmp_path, {"contusion.txt": CONTUSION}) as kb:
        answer = kb.ask("How many weeks should a footballer rest after a corked thigh before "
                        "going back to full training?")
    assert answer.abstained, answer.answer


def test_the_time_back_to_training_is_given_where_a_page_says_it(tmp_path) -> None:
    with store_of_pages(tmp_path, {"contusion.txt": CONTUSION, "return.txt": RETURN}) as kb:
        answer = kb.ask("How many weeks should a footballer rest after a corked thigh before "
                        "going back to full training?")
    assert "2-3 weeks" in answer.answer, answer.answer


CASE = (
    "Fibro-osseous pseudotumor of the toe\n\n"
    "We report a 52-year-old man with a painless pink nodule under the nail of his big toe, "
    "with recurrent superimposed infection and drainage. The nodule was excised and sent for "
    "histology, which showed a fibro-osseous pseudotumor.\n")
FOLLOWED = CASE.replace("pseudotumor.\n", "pseudotumor. No recurrence was seen at the "
                        "one-year follow-up.\n")


def test_a_case_told_without_its_follow_up_does_not_say_it_came_back(tmp_path) -> None:
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        answer = kb.ask("Did the pseudotumour of the big toe come back after it was removed?")
    assert answer.abstained, answer.answer


def test_what_the_follow_up_found_answers_whether_it_came_back(tmp_path) -> None:
    with store_of_pages(tmp_path, {"case.txt": FOLLOWED}) as kb:
        answer = kb.ask("Did the pseudotumour of the big toe come back after it was removed?")
    assert "No recurrence was seen" in answer.answer, answer.answer
