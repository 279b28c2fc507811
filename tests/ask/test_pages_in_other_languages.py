"""English questions about pages written in other languages (issue 14; kept-aside set 87).

13 of 24 misses on set 87 were English questions about a German and an Italian page: the
question's words ("weeks", "x-ray", "risk factors") are no word of those pages, and "the
German wikibook" pointed at an English page that happened to say "German". The pages here
are written for the test.
"""

from __future__ import annotations

from fixtures import store_of_pages

GERMAN = (
    "Heterotope Ossifikation nach Hüftoperation\n\n"
    "Die heterotope Ossifikation ist eine Knochenbildung in den Weichteilen um das Gelenk.\n"
    "Schmerzen treten wenige Tage nach der Operation auf, nach 2-5 Wochen zeigen sich "
    "unscharfe Verschattungen im Röntgenbild.\n"
    "Risikofaktoren sind eine lange Dauer der Operation und postoperative Hämatome.\n"
    "Die Prophylaxe erfolgt mit einer Bestrahlung oder mit Indometacin.\n")
ITALIAN = (
    "Ossificazioni eterotopiche dopo protesi di ginocchio\n\n"
    "Le ossificazioni eterotopiche dopo protesi di ginocchio sono in genere asintomatiche e "
    "vengono scoperte per caso nelle radiografie di controllo.\n"
    "Il trattamento chirurgico delle forme gravi è raramente necessario.\n")
ENGLISH = (
    "Heterotopic ossification: a review of recent German and Italian studies\n\n"
    "Heterotopic ossification is bone that forms in soft tissue after surgery or injury.\n"
    "A German registry followed patients after hip replacement for two years.\n"
    "Nonsteroidal anti-inflammatory drugs are given to prevent it.\n")


def _ask(tmp_path, question: str):  # type: ignore[no-untyped-def]
    pages = {"hueftop.txt": GERMAN, "ginocchio.txt": ITALIAN, "review.txt": ENGLISH}
    with store_of_pages(tmp_path, pages) as kb:
        return kb.ask(question)


def test_a_named_language_points_at_the_page_written_in_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the English review says "German", but the German page is the one asked about
    answer = _ask(tmp_path, "According to the German page, how many weeks after the "
                            "operation does it show on an x-ray?")
    assert "2-5 Wochen" in answer.answer, answer.answer


def test_the_question_words_are_searched_in_the_pages_language(tmp_path) -> None:  # type: ignore[no-untyped-def]
    answer = _ask(tmp_path, "What risk factors does the German page list?")
    assert "Risikofaktoren" in answer.answer, answer.answer


def test_an_italian_page_answers_whether_it_causes_symptoms(tmp_path) -> None:  # type: ignore[no-untyped-def]
    answer = _ask(tmp_path, "Do these ossifications after a knee replacement usually cause "
                            "symptoms, according to the Italian page?")
    assert "asintomatiche" in answer.answer, answer.answer


def test_a_language_the_question_does_not_name_weighs_no_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # an English question about an English page still gets the English sentence
    answer = _ask(tmp_path, "What drugs are given to prevent heterotopic ossification?")
    assert "anti-inflammatory" in answer.answer.lower(), answer.answer
