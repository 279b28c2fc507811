"""A byline of one author a line, and a news item's staff line, are sentences (set 124).

A journal's abstract page, copied as text, puts each author on a line of their own
("Richard O. Baidoo", then "Makafui S. Dayie"): each short name in Title Case was read as a
heading, and "who wrote the case report?" had no sentence to cite. A news site's "Rare
Daily Staff" under the date was a heading too. Our own page below, in those shapes.
"""

from __future__ import annotations

from fixtures import laid_out

CASE = ("Stone man disease: a case report\n\n"
        "Kwame O. Mensah\n"
        "Abena S. Owusu\n\n\n"
        "Fibrodysplasia ossificans progressiva is a rare disorder of the musculoskeletal "
        "system.\n\n"
        "Case presentation\n\n"
        "A boy of six had painful swellings on his back.\n")
NEWS = ("Orphan status for a new FOP drug\n\n"
        "May 3, 2024\n\n"
        "Gene Wire Staff\n\n"
        "The agency granted orphan status to the drug.\n")


def test_a_byline_of_one_name_a_line_is_one_sentence(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, CASE)
    (byline,) = [s for s in sentences if "Mensah" in s]
    assert "Owusu" in byline, sentences
    assert not any("Mensah" in h or "Owusu" in h for h in headings), headings
    assert "Case presentation" in headings, headings


def test_a_news_items_staff_line_is_a_sentence(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, NEWS)
    assert "Gene Wire Staff" in sentences, (sentences, headings)
