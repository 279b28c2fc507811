"""What the questions of sets 59-62 showed, in pages and questions written for the test: how
many times something was done, an angle, a stage, a company, the parts of what a sentence
announces, and another page's record line that shares the question's asking words.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

RESECTION = ("Repeated resection of heterotopic bone after a gunshot wound\n\n"
             "A 29-year-old man was shot in the thigh and developed heterotopic ossification "
             "around both hips.\n"
             "Four surgical excisions of the bone were needed over three years.\n"
             "After the last one he regained a flexion of 95 degrees at the hip.\n")
THEORIES = ("Bone in a colon cancer metastasis\n\n"
            "Bone forming inside a metastasis of colon cancer is rare, and its cause is "
            "debated.\n"
            "Two theories have been proposed.\n"
            "The first is that tumour cells themselves turn into osteoblasts, and the second "
            "is that factors the tumour secretes drive stromal cells to make bone.\n"
            "The final diagnosis was stage IIIB colon adenocarcinoma.\n")
TRIAL = ("A trial of a new FOP drug\n\n"
         "A trial site for fibrodysplasia ossificans progressiva opened in Perth as part of "
         "a worldwide programme run by Northwind Therapeutics.\n"
         "Patients with FOP will be followed for two years.\n")


def test_how_many_times_is_answered_by_a_count_of_them_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"resection.txt": RESECTION, "theories.txt": THEORIES}) as kb:
        operations = kb.ask("How many operations did it take to get the heterotopic bone "
                            "out of the man shot in the thigh?")
        sessions = kb.ask("How many sessions of shock wave therapy does myositis "
                          "ossificans of the thigh need?")
    assert not operations.abstained and "Four surgical excisions" in operations.answer, (
        operations.answer)
    # a sentence about the case that counts no sessions does not answer
    assert sessions.abstained, sessions.answer


def test_an_angle_is_answered_by_degrees_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"resection.txt": RESECTION}) as kb:
        hip = kb.ask("How many degrees could he bend his hip after the last operation?")
    assert not hip.abstained and "95 degrees" in hip.answer, hip.answer
    (tmp_path / "none").mkdir()
    unmeasured = RESECTION.rsplit("After the last", 1)[0]  # the case without its angle
    with store_of_pages(tmp_path / "none", {"resection.txt": unmeasured}) as kb:
        unsaid = kb.ask("How many degrees could he bend his hip after the last operation?")
    assert unsaid.abstained, unsaid.answer


def test_the_parts_of_what_a_sentence_announces_are_quoted_with_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"theories.txt": THEORIES}) as kb:
        answer = kb.ask("What are the two theories for bone forming in a colon cancer "
                        "metastasis?")
        stage = kb.ask("What stage was the colon adenocarcinoma?")
    shown = readable_text(answer)  # the answer and the sentences it quotes
    assert "Two theories have been proposed" in shown, shown
    assert "tumour cells themselves turn into osteoblasts" in shown, shown
    assert not stage.abstained and "stage IIIB" in stage.answer, stage.answer


def test_which_company_is_answered_by_a_company_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"trial.txt": TRIAL}) as kb:
        answer = kb.ask("Which drug company runs the worldwide FOP programme the Perth site "
                        "is part of?")
    assert not answer.abstained and "Northwind Therapeutics" in answer.answer, answer.answer
