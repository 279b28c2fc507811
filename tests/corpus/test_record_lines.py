"""A page's record of itself - its byline, its date, its journal line, a case's patient field -
is text to quote, not a heading.

Case archives and article pages set these on short lines of their own ("Okonkwo T, Lindqvist
AM, Barros J", "Amara Osei, MD; Tomas Reyes, MD", "Published on 12.03.2031", "52 years,
female"). Read as headings, no sentence held them, and "who wrote the case, and when was it
published?" found nothing to answer with (pages written for the test, in the shape of those
of set 59).
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.corpus.ingest import ingest_paths

CASE = ("CASE 4127 Published on 12.03.2031\n\n"
        "Myositis ossificans of the calf\n\n"
        "Authors\n\n"
        "Okonkwo T, Lindqvist AM, Barros J\n\n"
        "Patient\n\n"
        "52 years, female\n\n"
        "Clinical History\n\n"
        "A woman noticed a firm lump in her calf six weeks after a fall on a stair.\n")
SCAR = ("Heterotopic Bone Found In An Abdominal Scar\n\n"
        "Amara Osei, MD; Tomas Reyes, MD\n\n"
        "iCase. 2031;12(e14)\n\n"
        "Abstract\n\n"
        "A man had a hard mass in his laparotomy scar a year after bowel surgery.\n"
        "Histology showed mature lamellar bone.\n")


def _document(tmp_path, empty_store, name: str, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text)
    report = ingest_paths(empty_store, [path], max_bytes=10**6)
    (doc,) = [empty_store.get(i) for i in report.changed_ids]
    return doc


def test_byline_date_and_patient_field_are_sentences(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    doc = _document(tmp_path, empty_store, "case.txt", CASE)
    sentences = [s.text for s in doc.sentences]
    assert "Okonkwo T, Lindqvist AM, Barros J" in sentences
    assert "52 years, female" in sentences
    assert "CASE 4127 Published on 12.03.2031" in sentences
    # the record line is passed over as the title: the case's own name is
    assert doc.title == "Myositis ossificans of the calf"
    # a field's name stays a heading
    assert "Clinical History" in [s.heading for s in doc.sections]


def test_a_journal_line_is_one_sentence(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    doc = _document(tmp_path, empty_store, "scar.txt", SCAR)
    sentences = [s.text for s in doc.sentences]
    assert "iCase. 2031;12(e14)" in sentences
    assert "Amara Osei, MD; Tomas Reyes, MD" in sentences


def test_who_wrote_it_and_where_it_appeared_are_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE, "scar.txt": SCAR}) as kb:
        scar = kb.ask("Who wrote the case report of bone in an abdominal scar, and where "
                      "was it published?")
        case = kb.ask("Who are the authors of case 4127 on myositis ossificans of the calf, "
                      "and when was it published?")
    assert not scar.abstained and "Osei" in scar.answer and "iCase" in scar.answer, scar.answer
    assert not case.abstained and "Okonkwo" in case.answer and "2031" in case.answer, case.answer


def test_a_line_ending_on_an_initial_runs_on(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    doc = _document(tmp_path, empty_store, "review.txt",
                    "Current ideas on heterotopic bone\n\n"
                    "Correspondence should be\nsent to Professor K. L.\nMbeki.\n"
                    "The review was written in 2031.\n")
    sentences = [s.text for s in doc.sentences]
    assert "Correspondence should be sent to Professor K. L. Mbeki." in sentences, sentences
    assert "The review was written in 2031." in sentences


def test_a_long_journal_name_stays_with_its_issue(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    doc = _document(tmp_path, empty_store, "abstract.txt",
                    "Bone in the brainstem of a boy\n\n"
                    "Osteoneuropathology. 2031 Mar;12(2):45-50. doi: 10.1000/onp.123.\n\n"
                    "Abstract\n\nA boy had a mass of bone in his brainstem.\n")
    sentences = [s.text for s in doc.sentences]
    assert "Osteoneuropathology. 2031 Mar;12(2):45-50. doi: 10.1000/onp.123." in sentences, (
        sentences)
