"""More shapes of a page's record of itself, read as text to quote (set 96, issue 14).

A byline after its label without a colon ("Authors Okafor B, Lind T"), one carrying its
affiliations' numbers ("Grace M Okafor,1,2 Tomas K Lind,1,3"), a journal's breadcrumb ending
on its volume, an issue's month in brackets, "year, volume:page", and a citation exported
as a reference manager writes it (EndNote's "%A … %J … %D"): each had been a heading or no
answer, and "who wrote it / which journal published it?" found nothing. Pages written for
the test, in the shape of those of set 96.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.corpus.ingest import ingest_paths

ARTICLE = ("Back to Journals » Ossification Research Letters » Volume 9\n\n"
           "Tourniquets and bone in the soft tissues of wounded divers\n\n"
           "Authors Okafor B, Lind T, Marsh P\n\n"
           "Grace M Okafor,1,2 Tomas K Lind,1,3 Peter J Marsh2\n\n"
           "Abstract: Long tourniquet times were followed by heterotopic ossification in divers "
           "wounded at sea.\n")
CASE = ("Wound Surgery Reports & Cases (Mar 2031)\n\n"
        "An ossified mass in the calf after a crush injury\n\n"
        "Abstract\n\n"
        "A mass of heterotopic bone grew in the calf of a man after a crush injury.\n")
CITED = ("Okafor et al. Journal of Rare Bone Diseases 2031, 9:214 http://example.org/9/214\n\n"
         "Perhexiline in stone man syndrome\n\n"
         "Abstract: Five patients with fibrodysplasia ossificans progressiva took perhexiline "
         "for a year.\n")
VOLUMED = ("Anatolian Journal of Bone Rehabilitation 2031 , Vol 12 , Num 3\n\n"
           "Bone in both hips of a young man after a long stay in intensive care\n\n"
           "Abstract\n\n"
           "Heterotopic ossification formed around both hips of a man after weeks in intensive "
           "care.\n")
ENDNOTE = ("%0 Case Reports %T Myositis ossificans in the neck of an infant. %A Varga J "
           "%A Holm N %J Int J Infant Surg %V 12 %D May 2031 %X A neck mass in an infant "
           "was myositis ossificans without any injury.\n")


def _sentences(tmp_path, empty_store, name: str, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text)
    report = ingest_paths(empty_store, [path], max_bytes=10**6)
    (doc,) = [empty_store.get(i) for i in report.changed_ids]
    return [s.text for s in doc.sentences]


@pytest.mark.parametrize("name,text,line", [
    ("article.txt", ARTICLE, "Authors Okafor B, Lind T, Marsh P"),
    ("article.txt", ARTICLE, "Grace M Okafor,1,2 Tomas K Lind,1,3 Peter J Marsh2"),
    ("article.txt", ARTICLE, "Back to Journals » Ossification Research Letters » Volume 9"),
    ("case.txt", CASE, "Wound Surgery Reports & Cases (Mar 2031)"),
    ("cited.txt", CITED, "Okafor et al. Journal of Rare Bone Diseases 2031, 9:214 "
                         "http://example.org/9/214"),
    # its year and volume (set 106): it was read as the page's title
    ("volumed.txt", VOLUMED, "Anatolian Journal of Bone Rehabilitation 2031 , Vol 12 , Num 3"),
])
def test_a_record_line_is_a_sentence_not_a_heading(tmp_path, empty_store, name: str,
                                                    text: str, line: str) -> None:  # type: ignore[no-untyped-def]
    assert line in _sentences(tmp_path, empty_store, name, text)


def test_a_title_is_still_a_heading(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences = _sentences(tmp_path, empty_store, "case.txt", CASE)
    assert "An ossified mass in the calf after a crush injury" not in sentences


def test_who_wrote_it_and_where_it_appeared_are_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pages = {"article.txt": ARTICLE, "cited.txt": CITED, "endnote.txt": ENDNOTE}
    with store_of_pages(tmp_path, pages) as kb:
        authors = kb.ask("Who wrote the paper on tourniquets and bone in wounded divers?")
        journal = kb.ask("Where and when was the perhexiline trial in stone man syndrome "
                         "published?")
        infant = kb.ask("Who is the first author of the infant neck myositis ossificans case, "
                        "and which journal was it in?")
    assert not authors.abstained and "Okafor" in authors.answer, authors.answer
    assert "Journal of Rare Bone Diseases" in journal.answer and "2031" in journal.answer, (
        journal.answer)
    assert "Varga" in infant.answer and "Int J Infant Surg" in infant.answer, infant.answer
