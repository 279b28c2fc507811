"""Question shapes sets 133, 134, 136 and 138 brought (issue 14): English questions about pages
in Portuguese, Italian and German, a case of a horse whose text never says "horse", a post's
byline after its date, a study's setting. The pages here are our own, in the same shapes.

What had gone wrong: a protocol's steps run into one line ("… presentes. - Se sintomas …") were
one sentence; "is alendronate an option?" found no "alendronato" (a drug's further names were
never searched); "how many spinal cord injury patients were in the series?" took no "5
pacientes" for a count; "are mini-invasive approaches less risky?" was declined ("approaches":
no page says it; the Italian page says "vie chirurgiche"); "which soft tissues, per the
Schulthess article?" quoted an English page, none of the German page's sentences being among
the quoted; "our mare … in the ACVR case" was declined for "mare", which only the page's file
name says; "over what time frame did her doctor plan to see how it goes?" asked for a year;
"who wrote it?" over "April 10, 2023 | Utsav Sahu"; "where was the study done?" over
"Setting: … the Medical University of Hannover"; "what movement problems can Fahr's cause?"
found no tremor, chorea or parkinsonism among the lexicon's findings.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text
from osteon.corpus.sentences import sentence_spans

PORTUGUESE_PROTOCOL = (
    "Protocolo para a ossificação heterotópica neurogénica em lesão medular\n\n"
    "Resultados: Um total de 5 pacientes com lesão medular foram incluídos, 3 eram do sexo "
    "masculino. Principais passos do protocolo: - Avaliação do cálcio e fósforo. - Se sintomas "
    "sugestivos surgirem: primeiro excluir TVP. - OHN confirmada: iniciar tratamento com "
    "bifosfonato (alendronato 70 mg/sem, 9 meses).\n")

ITALIAN_CLINIC = (
    "Calcificazioni dopo protesi d'anca\n\n"
    "Questo avviene principalmente con l'approccio chirurgico postero-laterale e con incisione "
    "chirurgica più ampia.\n"
    "Rischi minori si hanno con vie chirurgiche diverse e mini invasive, oggi sempre più "
    "utilizzate.\n")

GERMAN_NEWS = (
    "Verknöcherungen nach Hüftprothese\n\n"
    "Bei etwa einem Drittel der Patienten entstehen nach der Operation Verknöcherungen.\n"
    "Diese kann Weichteile wie Muskeln, Sehnen oder Bindegewebe betreffen und wird bei der "
    "Nachkontrolle sichtbar.\n")

ENGLISH_SOFT_TISSUE = (
    "Ossification explained\n\n"
    "Ossification is a natural process of the body in which soft tissues turn into a bony "
    "substance around a joint.\n"
    "Calcifications around the hip are a risk after any operation.\n")

HORSE_CASE = (  # a case study's bullets with no title line: the file name titles it
    "Share it:\n\n"
    "  • Examination- January 2019\n"
    "  • Mild 3/5 LF lameness on lunge in both directions\n"
    "  • Differential: calcinosis circumscripta, usually of traumatic origin\n")

GIRL_ON_MEDICINE = (
    "A girl turning to stone\n\n"
    "Her doctor said: \"We have prescribed medicine for her. We will see how that goes over "
    "the next 6 months.\"\n")

POSTED_CASE = (
    "Milk-Alkali Syndrome: A Century Old Cause of Severe Hypercalcemia April 10, 2023 | "
    "Utsav Sahu Multispecialty\n\n"
    "The milk-alkali syndrome consists of hypercalcemia, metabolic alkalosis and renal "
    "failure.\n")

HANNOVER_STUDY = (
    "Cochlear osteoneogenesis after meningitis in cochlear implant patients\n\n"
    "Setting: Academic tertiary referral center at the Medical University of Hannover.\n"
    "Patients: Computed tomographic findings of 126 patients deafened by meningitis were "
    "evaluated.\n")

FAHR_REVIEW = (
    "Fahr's syndrome: a review\n\n"
    "Fahr's syndrome is a rare neurological disorder characterized by calcified deposits in "
    "the basal ganglia.\n"
    "Its clinical manifestations range from neuropsychiatric abnormalities of memory to "
    "movement disorders including Parkinsonism, chorea and tremors amongst others.\n")

TURKISH_JOURNAL_ABSTRACT = (  # English, from a Turkish journal: "we've" is no Turkish "ve"
    "Surgical treatment of elbow ankylosis\n\n"
    "Methods: The study included seven patients (6 males, 1 female) whose elbows we've "
    "released.\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path_factory.mktemp("pages"), {
            "protocolo_lesao_medular.txt": PORTUGUESE_PROTOCOL,
            "calcificazioni_protesi_anca.txt": ITALIAN_CLINIC,
            "schulthess_klinik_verknoecherungen.txt": GERMAN_NEWS,
            "ossification_explained.txt": ENGLISH_SOFT_TISSUE,
            "calcinosis_pastern_oldenburg_mare_acvr_case.txt": HORSE_CASE,
            "girl_turning_to_stone.txt": GIRL_ON_MEDICINE,
            "milk_alkali_ijcp_case.txt": POSTED_CASE,
            "cochlear_osteoneogenesis_study.txt": HANNOVER_STUDY,
            "fahr_review.txt": FAHR_REVIEW,
            "elbow_ankylosis_acta_turcica.txt": TURKISH_JOURNAL_ABSTRACT}) as opened:
        yield opened


@pytest.mark.parametrize(("question", "expected"), [
    # a drug the page names by its own language's name, which is not among its first names
    ("Is alendronate an option in the protocol, and at what dose?", "70 mg/sem"),
    # a count of patients in the page's language
    ("How many spinal cord injury patients were in the Portuguese protocol's series?",
     "5 pacientes"),
    # a question word the page says in its language ("approaches": "vie chirurgiche")
    ("Do mini-invasive approaches to the hip carry less risk of calcifications?",
     "mini invasive"),
    # the named page in another language answers, though none of its sentences was quoted
    ("Which soft tissues can turn to bone around a new hip, per the Schulthess article?",
     "Muskeln"),
    # what only the page's file name says names it
    ("How lame was the mare on the lunge in January 2019?",
     "lameness"),
    # a time frame is a length of time
    ("After starting her on medicine, over what time frame did her doctor plan to see how it "
     "goes?", "6 months"),
    # a name after a post's date and a bar
    ("Who wrote the IJCP milk alkali case?", "Utsav Sahu"),
    # where a study was done: its setting, a university named for its town
    ("Where was the cochlear osteoneogenesis study done?", "Hannover"),
    # signs of a brain calcification the lexicon knows, asked in lay words
    ("My uncle's CT shows calcium in his basal ganglia. What movement problems can Fahr's "
     "cause?", "chorea"),
    # a people's name that is a language's too, over an English page
    ("How many patients did the Turkish team treat for elbow ankylosis?", "seven patients"),
])
def test_the_sentence_that_answers_is_quoted(kb, question: str, expected: str  # type: ignore[no-untyped-def]
                                             ) -> None:
    answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in readable_text(answer), readable_text(answer)


def test_an_animal_no_page_names_is_still_declined(kb) -> None:  # type: ignore[no-untyped-def]
    """A page's file name excuses what it names ("mare"), not any animal ("cat")."""
    answer = kb.ask("How lame was the cat in the pastern case?")
    assert answer.abstained, readable_text(answer)


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, 0, len(text), frozenset())]


def test_a_hyphen_after_a_sentence_or_lead_in_starts_an_item() -> None:
    assert _sentences("Principais passos do protocolo: - Avaliação do cálcio. - Se sintomas "
                      "surgirem: excluir TVP.") == [
        "Principais passos do protocolo:", "Avaliação do cálcio.",
        "Se sintomas surgirem: excluir TVP."]


def test_a_hyphen_between_words_is_a_dash() -> None:
    assert _sentences("New bone - which grows fast - stiffens the joint.") == [
        "New bone - which grows fast - stiffens the joint."]
