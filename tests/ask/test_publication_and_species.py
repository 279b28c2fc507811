"""Questions about a page's publication, about a year, and about an animal: each is
answered only by a sentence that gives what it asks for, or said to be unanswered.

Real pages showed the patterns: "which journal published the report, and when?" was
answered with the report's findings (its journal line had become a heading), "in what
year did he die?" with a sentence that names no year, "what share of cats get HO after
hip surgery?" with a figure for people.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.corpus.rules import layout_rules
from osteon.reading.lexicon import load_lexicon

CASE = ("Bone in the forearm of a violinist: a case report\n\n"
        "Orthop Case Rep. 2021 Mar 3;14(2):55-58. doi: 10.1000/ocr.2021.55\n\n"
        "Anna Berg, Tomas Lind\n\n"
        "1 Department of Hand Surgery, Lakeside University Hospital, Uppsala, Sweden; "
        "2 Department of Radiology, Lakeside University Hospital, Uppsala, Sweden\n\n"
        "A violinist developed a hard lump in the forearm muscles after a fall.\n"
        "Radiographs showed mature heterotopic ossification of the flexor muscles.\n"
        "The lump was excised and she returned to playing within three months.\n")
CATS = ("Heterotopic ossification in two cats\n\n"
        "Two cats with stiff hind limbs were examined at the veterinary clinic.\n"
        "Radiographs of both cats showed heterotopic ossification around the hips.\n")
PEOPLE = ("Heterotopic ossification after hip replacement\n\n"
          "About one in three patients develops heterotopic ossification after total hip "
          "arthroplasty.\n"
          "Radiation therapy and NSAIDs lower the risk of heterotopic ossification.\n")


@pytest.mark.parametrize("question", [
    "Which journal published the violinist's forearm case, and in what year?",
    "In which city did the authors of the violinist case work?",
    "When was the report on the violinist's forearm bone published?",
])
def test_a_question_about_publication_is_answered_by_the_page_record(tmp_path,  # type: ignore[no-untyped-def]
                                                                     question: str) -> None:
    assert understand(question, load_lexicon()).intents[0] == "publication"
    with store_of_pages(tmp_path, {"case.txt": CASE, "people.txt": PEOPLE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained
    quoted = " ".join(c.sentence_text for s in answer.evidence for c in s.citations)
    assert "2021 Mar 3" in quoted or "Uppsala" in quoted


def test_no_publication_record_no_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"people.txt": PEOPLE}) as kb:
        answer = kb.ask("Which journal published the hip replacement page?")
    assert answer.abstained


@pytest.mark.parametrize("line", [
    "Orthop Case Rep. 2021 Mar 3;14(2):55-58. doi: 10.1000/ocr.2021.55",
    "PMC · DOI: 10.1055/s-0044-1792158 · World Journal of Nuclear Medicine · 2025-01-08",
    "Published March 3, 2021",
])
def test_a_publication_record_standing_alone_is_no_heading(line: str) -> None:
    assert layout_rules().is_label_line(line)


def test_a_heading_is_still_a_heading() -> None:
    assert not layout_rules().is_label_line("Treatment of heterotopic ossification")


def test_a_year_question_wants_a_year(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "In what year were the hip replacement patients operated on?"
    assert understand(question, load_lexicon()).intents[0] == "year"
    with store_of_pages(tmp_path, {"people.txt": PEOPLE}) as kb:
        assert kb.ask(question).abstained  # the page gives no year
    (tmp_path / "dated").mkdir()
    with store_of_pages(tmp_path / "dated", {"people.txt": PEOPLE.replace(
            "About one in three", "In 2019, about one in three")}) as kb:
        assert "2019" in kb.ask(question).answer


def test_a_question_about_an_animal_is_not_answered_for_people(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # many sentences about people answer the words of the question; one names dogs
    people = "Heterotopic ossification after hip surgery\n\n" + "".join(
        f"In series {n}, {n * 3} % of patients developed heterotopic ossification after hip "
        "surgery.\n" for n in range(1, 25))
    vets = "Our animal clinic\n\nThe clinic sees dogs on weekdays.\n"
    with store_of_pages(tmp_path, {"people.txt": people, "cats.txt": CATS,
                                   "vets.txt": vets}) as kb:
        dogs = kb.ask("What share of dogs develop heterotopic ossification after hip surgery?")
        cats = kb.ask("Where did the bone form in the two cats?")
    assert dogs.abstained
    assert any("dog" in note for note in dogs.notes)
    assert not cats.abstained
    assert "hips" in " ".join(c.sentence_text for s in cats.evidence for c in s.citations)


def test_horse_riding_is_no_question_about_horses() -> None:
    question = understand("Can years of horse riding cause bone in the inner thigh?",
                          load_lexicon())
    assert "horse" not in question.scope.species


def test_a_dose_question_of_two_parts_wants_a_dose(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Blocking a protein in mice\n\n"
            "In mice, the team blocked thrombospondin made by macrophages with a neutralising "
            "antibody.\n"
            "The treated mice formed less heterotopic bone after injury.\n")
    with store_of_pages(tmp_path, {"mice.txt": page}) as kb:
        answer = kb.ask("Which antibody did the team give the mice, and at what dose?")
    assert answer.abstained


@pytest.mark.parametrize(("question", "intent", "not_intent"), [
    ("How much hip flexion did the patients have before resection?", None, "dose"),
    ("What compensation does the ministry pay a veteran with HO?", "cost", None),
    ("What range of motion did the man regain a year after excision?", "value", None),
    ("How well does excision work in military amputees?", None, "value"),
])
def test_what_a_wording_asks(question: str, intent: str | None, not_intent: str | None) -> None:
    intents = understand(question, load_lexicon()).intents
    if intent:
        assert intent in intents
    if not_intent:
        assert not_intent not in intents


def test_a_line_of_keywords_alone_is_no_evidence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Keywords:\n\nshoulder ; heterotopic ossification ; arthroscopy ; complication.\n\n"
            "Severe heterotopic ossification after a shoulder arthroscopy\n\n"
            "We report a man with a painful shoulder after an arthroscopy.\n"
            "Heterotopic ossification is a rare complication after shoulder arthroscopy.\n")
    with store_of_pages(tmp_path, {"shoulder.txt": page}) as kb:
        answer = kb.ask("is heterotopic ossification comon after a shoulder arthroscopy?")
    quoted = [c.sentence_text for s in answer.evidence for c in s.citations]
    assert quoted and not any(";" in q for q in quoted)
    assert "rare complication" in answer.answer


def test_a_possessive_is_searched_as_its_noun() -> None:
    words = understand("Where on the newborn's body did the bone form?", load_lexicon()).words
    assert "newborn" in words and "newborn's" not in words


def test_what_something_cost_in_other_terms_is_no_price() -> None:
    question = "What did the extensive HO cost this patient in terms of his treatment?"
    assert "cost" not in understand(question, load_lexicon()).intents



def test_a_measured_value_is_answered_only_by_a_figure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "What was the serum alkaline phosphatase level of the patient with hip HO?"
    assert understand(question, load_lexicon()).intents[0] == "value"
    assert "value" not in understand("What was the level of the spinal cord injury?",
                                     load_lexicon()).intents
    page = ("A case of hip heterotopic ossification\\n\\n"
            "The patient with hip heterotopic ossification had a raised serum alkaline "
            "phosphatase.\\n"
            "Radiographs showed bone around the hip at six weeks.\\n")
    with store_of_pages(tmp_path, {"case.txt": page}) as kb:
        assert kb.ask(question).abstained  # "raised", no value
    (tmp_path / "valued").mkdir()
    with store_of_pages(tmp_path / "valued", {"case.txt": page.replace(
            "a raised serum", "a serum").replace("phosphatase.", "phosphatase of 410 U/L.")}
            ) as kb:
        assert "410" in kb.ask(question).answer


@pytest.mark.parametrize("question", [
    "What is the ICD-10 code for heterotopic ossification after a burn?",
    "What is the CAS registry number of indomethacin?",
])
def test_a_code_question_wants_a_code(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    assert understand(question, load_lexicon()).intents[0] == "identifier"
    with store_of_pages(tmp_path, {"people.txt": PEOPLE}) as kb:
        assert kb.ask(question).abstained  # the page names no code
    coded = PEOPLE + ("Heterotopic ossification after a burn is coded M61.3 in ICD-10, and "
                      "indomethacin has the CAS registry number 53-86-1.\n")
    (tmp_path / "coded").mkdir()
    with store_of_pages(tmp_path / "coded", {"people.txt": coded}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained
    assert "M61.3" in answer.answer or "53-86-1" in answer.answer


def test_a_year_question_wants_the_year_of_its_event(tmp_path) -> None:  # type: ignore[no-untyped-def]
    life = ("A life with FOP\n\nHe was born in 1933 in Philadelphia, a healthy child.\n"
            "Bone slowly locked his joints over the years.\n")
    with store_of_pages(tmp_path, {"life.txt": life}) as kb:
        died = kb.ask("In what year did he die, and what did he die of?")
        born = kb.ask("In what year was he born?")
    assert died.abstained  # 1933 is his birth's year, not his death's
    assert "1933" in born.answer


def test_a_doi_holds_no_measured_value() -> None:
    from osteon.ask.ranking_rules import compiled, ranking_rules

    answers = ranking_rules().answers
    record = "PMC · DOI: 10.1055/s-0044-1792158 · World Journal of Nuclear Medicine"
    assert not compiled(answers["figure"].pattern).search(record)
    assert not compiled(answers["measurement"].pattern).search(record)
    assert not compiled(answers["figure"].pattern).search(
        "http://dx.doi.org/10.1097/SAP.0000000000003337")
    assert compiled(answers["measurement"].pattern).search("ALP: 410 U/L on admission")
    assert compiled(answers["figure"].pattern).search("flexion improved to 94.5 degrees")


VET_PAGE = ("Myositis ossificans\n\n"
            "Myositis ossificans in dogs is bone forming in a thigh muscle after damage.\n\n"
            "Signs\n\n"
            "The symptoms are fever and a swelling of the leg that is warm to the touch.\n")


def test_a_statement_from_a_page_about_dogs_says_it_is_about_dogs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The page names the animal once, in its opening sentence: a statement re-worded from
    its list of symptoms says it holds in dogs, not bare as if found in people."""
    with store_of_pages(tmp_path, {"vet.txt": VET_PAGE}) as kb:
        answer = kb.ask("What are the symptoms of myositis ossificans?")
    from_page = [s for s in answer.statements
                 if any(c.sentence_text.startswith("The symptoms are") for c in s.citations)]
    assert from_page, [s.text for s in answer.statements]
    assert all(s.text.endswith("(in animals: dog)") for s in from_page), [
        s.text for s in from_page]
