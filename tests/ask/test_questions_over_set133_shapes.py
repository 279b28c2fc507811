"""Question shapes sets 133 and 134 brought (issue 14): a French teaching case known by its
site's name, an Indian case report, a Cureus osteolipoma, a Portuguese-speaking child's swelling,
a guinea worm seen on an x-ray. The pages here are our own, in the same shapes.

What had gone wrong: "the IMAIOS case" named no page (the site's name is only in where the page
came from), so other pages answered; "the Indian case" pointed at a German page that says
"ind." (a people's name read as a three-letter place); "how old was the patient?" was declined
over "A twenty-five year old male" and "une patiente de 44 ans" (ages in words and in French);
"what other names are used for osteolipoma in the literature?" was declined for "literature";
"how long had the swelling been there?" over "a swelling with 2 months of evolution"; "who was
the patient, age and country of origin?" was no age question; "what maturity stage?" over
"(stade 4)".
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

FRENCH_CASE = ("Ostéome neurogène de la hanche\n\n"
               "Limitation progressive de la flexion de la hanche chez une patiente de 44 ans "
               "aux antécédents d'hémorragie méningée.\n"
               "Diagnostic différentiel : myosite ossifiante, fibrodysplasie ossifiante "
               "progressive.\n"
               "Ossifications para articulaires de type mature (stade 4).\n")

ENGLISH_REVIEW = ("Neurogenic heterotopic ossification\n\n"
                  "The differential diagnosis of neurogenic heterotopic ossification includes "
                  "deep vein thrombosis and cellulitis.\n"
                  "Neurogenic heterotopic ossification follows brain and spinal cord injury "
                  "at any age.\n")

INDIAN_CASE = ("A case of extra articular ankylosis of the hip\n\n"
               "A twenty-five year old male patient sustained head injury one and half years "
               "ago.\n"
               "Heterotopic ossification ankylosed his left hip.\n")

GERMAN_NEWS = ("Verknöcherungen nach Hüftprothese\n\n"
               "Bei 12 Patienten (ind. Analyse) waren die Verknöcherungen sehr klein.\n"
               "Die Patienten waren mit der Hüfte zufrieden.\n")

OSTEOLIPOMA = ("A giant osteolipoma\n\n"
               "A lipoma containing mature osseous elements is called osteolipoma.\n"
               "The terms ossifying lipoma and osseous lipoma have been used interchangeably "
               "with osteolipoma.\n")

SWELLING = ("A calcified swelling of the scalp\n\n"
            "He attends pediatric consultation presenting a hard swelling with 2 months of "
            "evolution in the left parietal region.\n"
            "The skull radiograph showed a calcified cephalohematoma.\n")

GUINEA_WORM = ("Guinea worm calcifications\n\n"
               "Guinea worm calcifications in a patient from Mali.\n"
               "A 44-year-old woman from Mali had pain in the left thigh for a year.\n"
               "She came to Spain 15 years ago and never went back to her country of "
               "origin.\n"
               "Radiography showed a serpentine calcified lesion in the thigh.\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path_factory.mktemp("pages"), {
            "osteome_neurogene_imaios_ecase.txt": FRENCH_CASE,
            "neurogenic_ho_review.txt": ENGLISH_REVIEW, "hip_ankylosis_case.txt": INDIAN_CASE,
            "hueft_news.txt": GERMAN_NEWS, "osteolipoma.txt": OSTEOLIPOMA,
            "scalp_swelling.txt": SWELLING, "guinea_worm.txt": GUINEA_WORM}) as opened:
        yield opened


def _cited_pages(answer) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.doc for e in answer.evidence[:1] for c in e.citations}


def test_a_page_is_named_by_the_site_it_came_from(kb) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask("What differential diagnoses does the IMAIOS case list for a neurogenic "
                    "osteoma?")
    assert not answer.abstained, answer.notes
    assert "myosite ossifiante" in readable_text(answer), readable_text(answer)
    assert "deep vein thrombosis" not in answer.answer, readable_text(answer)


def test_origin_words_are_a_hosts_name_or_a_files_name_and_nothing_else() -> None:
    from osteon.corpus.store import origin_words

    assert origin_words("https://www.imaios.com/fr/e-Cases/Osteome") == {"imaios"}
    assert origin_words("/data/pages/imaios_case.txt") == {"imaios", "case"}
    # a description of where a page came from names nothing
    assert origin_words("seed 000 (user-supplied): scraped FAQ page") == frozenset()


@pytest.mark.parametrize(("question", "expected"), [
    # an age in words, on a page that names no country: no three-letter "ind" elsewhere
    ("In the Indian case of extra-articular hip ankylosis, how old was the patient?",
     "twenty-five year old"),
    # an age in French
    ("How old was the patient in the IMAIOS case?", "44 ans"),
    # where names are used is no topic
    ("What other names are used for osteolipoma in the literature?", "interchangeably"),
    # how long a complaint had lasted, said as its evolution
    ("How long had the swelling been there when he came to the paediatric clinic?",
     "2 months of evolution"),
    # an age among the details asked of someone
    ("Who was the patient with the calcified guinea worm in the thigh, age and country of "
     "origin?", "44-year-old"),
    # a stage in the page's language
    ("What maturity stage was the neurogenic osteoma in the French case?", "stade 4"),
])
def test_the_sentence_that_answers_is_quoted(kb, question: str, expected: str  # type: ignore[no-untyped-def]
                                             ) -> None:
    answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in answer.answer, readable_text(answer)
