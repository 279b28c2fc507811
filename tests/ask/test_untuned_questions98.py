"""Patterns set 98 showed (pages written for the test, in the shapes of its real pages).

- A Greek letter typed as its Latin one ("HIF-1a" for HIF-1α) names the same factor.
- "Which town does she live in?" asks a place in the world: only a sentence
  naming one answers, and a page that names none is said not to answer.
- A page's journal line ("Indian Dermatol Online J 2020;11:604-6") answers who published
  it, not why something matters.
- A byline of given names with initials ("Caitlin W. Hicks, Catherine G. Velopulos") and a
  trial register's fields ("Source Vanderbilt University Medical Center") are the page's
  record, read as text: they answer who wrote it and who ran the study.
- "How was the painful tooth removed?" asks how it was treated, not its symptoms.
"""

from __future__ import annotations

from fixtures import store_of_pages

HYPOXIA = ("Hypoxia and FOP\n\n"
           "Connective tissue progenitor cells were grown in low oxygen.\n"
           "We found that HIF-1α keeps the BMP receptor signalling longer through "
           "Rabaptin 5-mediated retention of ACVR1 in the endosomal compartment of "
           "connective tissue progenitor cells from patients with FOP.\n"
           "Heterotopic ossification in FOP depends on this signalling.\n")

STORY = ("Woman turning to stone\n\n"
         "Marta Quell, 23, has fibrodysplasia ossificans progressiva.\n"
         "Her jaw opens less than 2 mm and she was diagnosed at five.\n"
         "She says she wants to raise awareness of the disease.\n")

STORY_WITH_TOWN = STORY.replace("She says",
                                "She lives in Bakersfield with her parents. She says")

CASE = ("Progressive osseous heteroplasia in a child\n\n"
        "Indian Dermatol Online J 2020;11:604-6\n\n"
        "Progressive osseous heteroplasia (POH) is a rare genetic condition of bone "
        "formation in the skin.\n"
        "We report a case of POH in a 3-year-old child with subcutaneous nodules.\n"
        "Although there is no specific and effective treatment, knowledge about this entity "
        "is necessary for early detection and genetic counseling of parents.\n")

RECORD = ("Mesenteric calcification following abdominal stab wound\n\n"
          "Caitlin W. Hicks, Catherine G. Velopulos, Justin M. Sacks\n\n"
          "Heterotopic mesenteric ossification is a rare form of HO that follows abdominal "
          "surgery.\n"
          "The lesion was excised with close margins.\n")

REGISTER = ("Clinical Trial Details\n\n"
            "NCT number NCT09999001\n"
            "Status Withdrawn\n\n"
            "Study information\n\n"
            "Source Ravenna University Medical Center\n"
            "Study type Observational\n\n"
            "Our aim is to define the natural history of heterotopic ossification after "
            "fracture.\n")

TOOTH = ("Tooth extraction in FOP\n\n"
         "A 21-year-old woman with fibrodysplasia ossificans progressiva had severe tooth "
         "pain.\n"
         "General anesthesia was impossible because of her poor general condition.\n"
         "The tooth was extracted under local anesthesia.\n"
         "Palovarotene is approved for the treatment of FOP.\n")


def test_a_greek_letter_typed_as_latin_names_the_same_factor(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"hypoxia.txt": HYPOXIA}) as kb:
        answer = kb.ask("Through what protein does HIF-1a keep the receptor signalling "
                        "longer in FOP cells?")
    assert not answer.abstained and "Rabaptin" in answer.answer, answer.answer


def test_a_place_is_answered_only_by_a_sentence_naming_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "Which town does Marta Quell live in?"
    with store_of_pages(tmp_path, {"story.txt": STORY}) as kb:
        assert kb.ask(question).abstained
    (tmp_path / "town").mkdir()
    with store_of_pages(tmp_path / "town", {"story.txt": STORY_WITH_TOWN}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained and "Bakersfield" in answer.answer, answer.answer


def test_where_cells_come_from_asks_no_place(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"hypoxia.txt": HYPOXIA}) as kb:
        answer = kb.ask("Where do the cells that form the bone in FOP come from?")
    assert answer.understood.type != "place", answer.understood


def test_a_journal_line_answers_no_why_question(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        why = kb.ask("If POH can't be cured, why do the Indian dermatologists say it matters "
                     "to recognise it?")
        where = kb.ask("In which journal was the Indian POH case published?")
    assert "2020;11" not in why.answer, why.answer
    assert "Dermatol" in where.answer, where.answer


def test_a_byline_of_given_names_answers_who_wrote_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"record.txt": RECORD}) as kb:
        answer = kb.ask("Who wrote 'Mesenteric calcification following abdominal stab wound'?")
    assert not answer.abstained and "Hicks" in answer.answer, answer.answer


def test_a_register_field_names_who_ran_the_study(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"register.txt": REGISTER}) as kb:
        answer = kb.ask("Which hospital was behind NCT09999001?")
    assert not answer.abstained and "Ravenna" in answer.answer, answer.answer


def test_a_describing_word_asks_no_symptom(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"tooth.txt": TOOTH}) as kb:
        answer = kb.ask("So how was the painful tooth finally removed in the FOP patient?")
    assert answer.understood.type == "treatment", answer.understood
