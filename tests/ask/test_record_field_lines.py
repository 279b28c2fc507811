"""A record's field line answers the question that names its label: "Status Withdrawn".

Trial registries give their facts as label and value (set 98/99, issue 14): "Status
Withdrawn", "NCT number NCT05648916", "AGE: ≥ 18, ≤65", "Synonyms: …". Such a line has too
few words to pass for a sentence, and only its label shares a word with "what is the
current status of the study?": it was never quoted. On the page the question is about, the
line whose label the question names is its answer; a field it does not name is not.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon import KnowledgeBase

RECORD = ("Clinical Trial Details\n\n"
          "NCT number NCT09990001\n"
          "Status Withdrawn\n"
          "Start date March 3, 2031\n"
          "Source Northfield University Medical Center\n"
          "Study type Observational\n\n"
          "Clinical Trial Summary\n\n"
          "Our aim is to define how often heterotopic ossification forms after fractures of the "
          "wrist, by following patients from injury until their wounds have healed. The "
          "investigators will look at radiographs taken up to one year after the injury.\n")
GENERAL = ("Heterotopic ossification\n\n"
           "Heterotopic ossification is bone that forms in muscles and soft tissues. Studies "
           "of heterotopic ossification follow patients for a year after the injury.\n")


def test_the_field_the_question_names_is_the_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"record.txt": RECORD, "general.txt": GENERAL}) as kb:
        status = kb.ask("What is the current status of the heterotopic ossification study "
                        "NCT09990001?")
        started = kb.ask("When did the Northfield wrist fracture study start?")
    assert status.answer.splitlines()[0].endswith("Status Withdrawn."), status.answer
    assert "March 3, 2031" in started.answer, started.answer


def test_a_field_the_question_does_not_name_is_not_quoted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"record.txt": RECORD, "general.txt": GENERAL}) as kb:
        answer = kb.ask("Which fractures will the Northfield study look at?")
    assert "Status Withdrawn" not in answer.answer, answer.answer
    assert "Study type" not in answer.answer, answer.answer



KEYWORDS = ("Ossification of the stylohyoid ligament as cause of Hallward's syndrome: a rare "
            "case report\n\n"
            "J Dent Pract. 2031 Jul 1;15(4):500-5.\n\n"
            "Abstract\n\n"
            "Background: Hallward's syndrome is a set of symptoms caused by an elongated styloid "
            "process or an ossified stylohyoid ligament pressing on nerves and vessels of the "
            "neck.\n\n"
            "Conclusion: The pain subsided after the ossified ligament was removed.\n\n"
            "Supplementary concepts\n\n"
            "  • Hallward syndrome\n")


def test_a_line_saying_only_what_the_question_says_is_no_field(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A page's keyword "Hallward syndrome" is a name, not a field "Hallward" valued "syndrome"
    (set 106): beside the bundled pages, it led the answer to "what causes Hallward's
    syndrome?", saying nothing; and the article's title over its citation is its title, not
    a sentence that leads the answer with the question's own words."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "keywords.txt").write_text(KEYWORDS)
    with KnowledgeBase.open(tmp_path / "store" / "osteon.sqlite") as kb:
        kb.ingest([pages])
        answer = kb.ask("What causes Hallward's syndrome?")
    assert "elongated styloid process" in answer.answer, answer.answer
    assert not answer.answer.startswith("From the sources: Hallward syndrome"), answer.answer
    assert "a rare case report" not in answer.answer, answer.answer
