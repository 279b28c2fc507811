"""Question shapes set 140 brought (issue 14): pages in Russian and Indonesian asked about
in English, an animal named by its Latin genus, a necropsy in another language. The pages
here are our own, in the same shapes.

What had gone wrong: "how often after an acetabular fracture, per the Russian page?" and
"which joints besides the hip, per the Indonesian page?" found nothing (no word of either
language was known); "what did histology show in the macaques?" was declined, no page
saying "macaque" (the page says "Macaca fascicularis"); "what was found at necropsy in the
goats?" quoted the page's other sentences about goats over its "En la necropsia …".
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

RUSSIAN_OVERVIEW = (
    "Гетеротопическая оссификация\n\n"
    "Гетеротопическая оссификация - это образование костной ткани в мягких тканях.\n"
    "После перелома вертлужной впадины она развивается у 20% больных.\n"
    "Лечение включает облучение и хирургическое удаление.\n")

INDONESIAN_EXPLAINER = (
    "Osifikasi heterotopik setelah cedera tulang belakang\n\n"
    "Osifikasi heterotopik paling sering terjadi di pinggul, diikuti oleh lutut, siku dan "
    "bahu.\n"
    "Sekitar 20% pasien dengan cedera sumsum tulang belakang mengalami kondisi ini.\n")

PRIMATE_CASE = (
    "Ossified scars in two laboratory primates\n\n"
    "This report describes bony lesions in the abdominal scars of two NHPs (Macaca "
    "fascicularis).\n"
    "Histology showed cortex and marrow cells within the lesions.\n")

SPANISH_GOATS = (
    "Calcinosis en cabras por una planta\n\n"
    "Las cabras enfermas presentaban dificultad para caminar y pérdida de peso.\n"
    "En la necropsia se encontraron calcificaciones en los pulmones y las arterias.\n"
    "Los productores retiraron a las cabras de los campos con la planta.\n")

ENGLISH_HIP = (
    "Heterotopic ossification after hip replacement\n\n"
    "Heterotopic ossification follows 30% of total hip arthroplasties.\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path_factory.mktemp("pages"), {
            "geterotopicheskaya_ossifikaciya_russian.txt": RUSSIAN_OVERVIEW,
            "osifikasi_heterotopik_indonesian.txt": INDONESIAN_EXPLAINER,
            "ossified_laparotomy_scars_case.txt": PRIMATE_CASE,
            "calcinosis_cabras_planta.txt": SPANISH_GOATS,
            "ho_after_hip.txt": ENGLISH_HIP}) as opened:
        yield opened


@pytest.mark.parametrize(("question", "expected"), [
    ("Per the Russian page, how often does HO develop after an acetabular fracture?", "20%"),
    ("Besides the hip, which joints get HO, per the Indonesian page?", "lutut"),
    ("What did histology show in the scars of the macaques?", "cortex"),
    ("What was found at necropsy in the goats?", "pulmones"),
])
def test_the_sentence_that_answers_is_quoted(kb, question: str, expected: str  # type: ignore[no-untyped-def]
                                             ) -> None:
    answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in readable_text(answer), readable_text(answer)


def test_an_animal_no_page_names_is_still_declined(kb) -> None:  # type: ignore[no-untyped-def]
    """A genus's name answers for its animal ("macaque"), not for any other ("dogs")."""
    answer = kb.ask("What did histology show in the scars of the dogs?")
    assert answer.abstained, readable_text(answer)


def test_an_english_question_about_the_english_page_keeps_its_answer(kb) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask("How often does HO follow a total hip arthroplasty?")
    assert "30%" in readable_text(answer), readable_text(answer)
