"""Questions that name a thing twice or among options, in words the page does not use (set 90).

"A child's armpit (axilla)": the asker gives the everyday word and the page's; "more common in
certain races, countries or in one sex?": a list of groups, which a page answers for all of
them at once ("no ethnic, racial, gender or geographic predilection"). Both had been declined
for the one word no page holds ("armpit", "countries"). So had a question written in German
over a German page ("welche", "laut"), and "how long ago?" over "6 years previously"; "how long
she'd live" was asked as a duration, "would not live long" gives none; "47 percent" in a
question had made it ask a share, and "One study reports …" passed for a count of patients.
(The biopsy test guards the paraphrase that brought set 92's "histopathology showed".) The
pages are written for the test.
"""

from __future__ import annotations

from fixtures import store_of_pages

CASE = (
    "Myositis ossificans in a child\n\n"
    "Myositis ossificans is bone that forms in a muscle after an injury.\n"
    "We describe a mass of myositis ossificans in the axilla of a boy of nine.\n"
    "Pediatric Surgery Service, Hospital Infantil del Sol, Valencia, Spain.\n")
FOP = (
    "Fibrodysplasia ossificans progressiva\n\n"
    "Fibrodysplasia ossificans progressiva (FOP) is a rare genetic disorder.\n"
    "Patients with one or more atypical features of FOP have been described, and the "
    "diagnosis of FOP is made by clinical evaluation in one or more visits.\n"
    "There is no ethnic, racial, gender or geographic predilection to FOP.\n"
    "The worldwide prevalence of FOP is about one in two million.\n")


def test_a_thing_named_twice_is_answered_in_the_page_word(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "fop.txt": FOP}) as kb:
        answer = kb.ask("Which hospital wrote up the myositis ossificans in a child's "
                        "armpit (axilla)?")
    assert not answer.abstained, answer.notes
    assert "Hospital Infantil" in answer.answer, answer.answer


def test_a_word_named_alone_is_still_unmentioned(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "fop.txt": FOP}) as kb:
        answer = kb.ask("Which hospital wrote up the myositis ossificans in a child's armpit?")
    assert answer.abstained, answer.answer


def test_a_list_of_groups_is_answered_by_a_leaning_none_has(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "fop.txt": FOP}) as kb:
        answer = kb.ask("Is FOP more common in certain races, countries or in one sex?")
    assert "predilection" in answer.answer, answer.answer


def test_one_of_two_groups_compared_is_still_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # two sides compared: the one no page speaks of is asked about, and unanswered
    with store_of_pages(tmp_path, {"case.txt": CASE, "fop.txt": FOP}) as kb:
        answer = kb.ask("Is FOP more common in Norway or in Peru?")
    assert answer.abstained, answer.answer


GERMAN = (
    "Heterotope Ossifikation\n\n"
    "Heterotope Ossifikationen machen sich durch Schmerzen und Schwellung bemerkbar.\n"
    "Die Methode der Wahl ist in der Regel die Knochenszintigraphie.\n")
CASES = (
    "Heterotopic ossification after hip replacement and cord injury\n\n"
    "One study reports heterotopic ossification in nearly half (47 percent) of the hips "
    "reviewed.\n"
    "We report a 40-year-old male who had a spinal cord injury in a fall from a roof 6 "
    "years previously.\n"
    "Her parents were told that she would not live long.\n"
    "Histopathology showed fibroblasts and spots of ossification in the muscle.\n")


def test_a_question_written_in_the_pages_language_is_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "welche", "Untersuchung" are no source words the question asks beyond: it is German
    with store_of_pages(tmp_path, {"de.txt": GERMAN, "cases.txt": CASES}) as kb:
        answer = kb.ask("Welche Untersuchung ist bei heterotopen Ossifikationen in der Regel "
                        "die Methode der Wahl?")
    assert "Knochenszintigraphie" in answer.answer, (answer.answer, answer.notes)


def test_how_long_ago_is_answered_by_a_time_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"de.txt": GERMAN, "cases.txt": CASES}) as kb:
        answer = kb.ask("How did the 40-year-old man get his spinal cord injury, and how "
                        "long ago?")
    assert "years previously" in answer.answer, answer.answer


def test_how_long_she_would_live_is_answered_in_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"de.txt": GERMAN, "cases.txt": CASES}) as kb:
        answer = kb.ask("What were her parents told about how long she'd live?")
    assert "not live long" in answer.answer, answer.answer


def test_what_a_biopsy_showed_is_its_histopathology(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"de.txt": GERMAN, "cases.txt": CASES}) as kb:
        answer = kb.ask("What did the biopsy of the muscle show?")
    assert "Histopathology" in answer.answer, (answer.answer, answer.notes)


def test_a_count_of_patients_is_not_one_study(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the share the question gives names the study; how many patients it had, no page says
    with store_of_pages(tmp_path, {"de.txt": GERMAN, "cases.txt": CASES}) as kb:
        answer = kb.ask("How many patients were in the study that found HO in 47 percent "
                        "of hip replacements?")
    assert answer.abstained, answer.answer
