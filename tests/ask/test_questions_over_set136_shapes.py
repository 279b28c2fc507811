"""Question shapes sets 132 and 136 brought (issue 14): pages in Spanish and Portuguese asked
about in English, a case referred to a hospital department. The pages here are our own, in the
same shapes.

What had gone wrong: "how many rats were used in the Spanish rat study?" was declined because
no page says "rats" (the page says "ratas"); "what etidronate dose does the protocol give?" and
"what indomethacin dose …?" were declined over "etidronato 20 mg/kg/dia" and "Indometacina (75
mg/dia, 6 semanas)" (a drug's name and a daily dose in the page's language); "who is the
corresponding author?" over "Correspondencia:" and the doctor's name alone on the next line;
"which hospital department was he referred to?" over "our oncology department"; "what licence
is it under?" had no reading; "in the Egyptian case report, how old was the patient?" was
declined, another case's "Patient M., 32 years old" ranking first.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

SPANISH_RATS = ("Influencia de los antiinflamatorios en las osificaciones heterotópicas\n\n"
                "Se ha realizado un estudio experimental en 40 ratas macho Wistar.\n"
                "Se implantaron aloinjertos descalcificados en la musculatura abdominal.\n"
                "Correspondencia:\n\n"
                "Dr. D. HERNÁNDEZ VAQUERO.\n")

PORTUGUESE_PROTOCOL = ("Protocolo para a ossificação heterotópica neurogénica\n\n"
                       "Pacientes assintomáticos: instituir profilaxia com Indometacina (75 "
                       "mg/dia, 6 semanas) em lesão medular recente.\n"
                       "OHN confirmada: iniciar tratamento com etidronato 20 mg/kg/dia oral, "
                       "6 meses.\n"
                       "Realizar cintigrafia óssea para diagnóstico precoce.\n")

EGYPTIAN_CASE = ("Claudication in a young man: a case of Monckeberg arteriosclerosis\n\n"
                 "This article includes a review of the literature and a case report of a "
                 "22-year-old man from Egypt with the condition.\n")

LICENSED_CASE = ("Disabling claudication in a young man\n\n"
                 "Medial calcific sclerosis hardened the arteries of both legs.\n"
                 "Open Access:\n\n"
                 "This work is open access under the CC-BY-NC 4.0 License which allows users "
                 "to copy and redistribute it for non-commercial purposes.\n")

RUSSIAN_CASE = ("Recurrent heterotopic ossification after a hip prosthesis\n\n"
                "Case description: Patient M., 32 years old, was admitted to the clinic for "
                "revision hip arthroplasty.\n")

GOUT_CASE = ("A gouty tophus mimicking a sarcoma of the thigh\n\n"
             "We describe a patient who presented to our oncology department with a swelling "
             "on his right thigh.\n"
             "Gout is a disease where uric crystals collect in the joints.\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path_factory.mktemp("pages"), {
            "ratas.txt": SPANISH_RATS, "protocolo.txt": PORTUGUESE_PROTOCOL,
            "gout.txt": GOUT_CASE, "egypt.txt": EGYPTIAN_CASE, "licensed.txt": LICENSED_CASE,
            "russia.txt": RUSSIAN_CASE}) as opened:
        yield opened


@pytest.mark.parametrize(("question", "expected"), [
    # an animal the page names in its own language
    ("In the Spanish rat study of anti-inflammatories, how many rats were used?",
     "40 ratas"),
    # a drug and its daily dose in the page's language
    ("What etidronate dose does the Portuguese protocol give?", "20 mg/kg/dia"),
    ("What indomethacin dose does the Portuguese protocol use as prophylaxis?",
     "75 mg/dia"),
    # the corresponding author: a doctor's name alone on its line
    ("Who is the corresponding author of the Spanish rat study?", "HERNÁNDEZ VAQUERO"),
    # a department named by its specialty
    ("Which hospital department was the gout patient with the thigh swelling referred to?",
     "oncology department"),
    # the one page a question names answers its age, however many words another case shares
    ("In the Egyptian case report, how old was the patient?", "22-year-old"),
    # a page's licence, spelt the other way
    ("Can I reuse figures from the claudication article - what licence is it under?",
     "CC-BY-NC 4.0"),
])
def test_the_sentence_that_answers_is_quoted(kb, question: str, expected: str  # type: ignore[no-untyped-def]
                                             ) -> None:
    answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in answer.answer, readable_text(answer)


def test_a_licence_no_page_states_is_not_made_up(kb) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask("What licence is the Spanish rat study published under?")
    assert answer.abstained, readable_text(answer)


def test_a_test_named_in_the_pages_language_is_the_concept(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.knowledge.lexicon.concept_id_for("cintigrafia óssea") == "bone_scan"
    assert kb.knowledge.lexicon.concept_id_for("ratas") == "rat"
