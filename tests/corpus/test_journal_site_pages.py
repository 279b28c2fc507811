"""A journal site's page, scraped with its furniture (set 102, issue 14).

The page opened with the site's links to its neighbouring articles ("Next Article in
Journal" and that other article's title, "Previous Article in Special Issue" and another)
and its display controls ("Font Size:" / "Aa Aa Aa"); its record of itself was a line of
abbreviations, year, volume(issue), page and DOI link ("Int. J. Mol. Sci. 2022, 23(13),
6983; https://doi.org/…"). "In which journal was it published?" was answered with the
other article's title, the record line having been read as a heading and cut at each of its
abbreviations. A page written for the test, in that shape.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.corpus.ingest import ingest_paths

PAGE = ("Next Article in Journal\n"
        "Advances in Plant Roots and Their Uses in Stress Biology\n"
        "Previous Article in Special Issue\n"
        "Growth of Cartilage in Fish Fins\n"
        " \n"
        "Font Type:\n"
        "Arial Georgia Verdana\n"
        "Font Size:\n"
        "Aa Aa Aa\n"
        "Review\n\n"
        "Molecular Targets in Heterotopic Ossification\n\n"
        "by\nAmara Obi\n1 and\nLeon Hart\n2\n"
        "Author to whom correspondence should be addressed.\n"
        "Int. J. Bone Sci. 2031, 12(4), 1187; https://doi.org/10.9999/ijbs12041187\n"
        "Submission received: 3 May 2031 / Published: 2 June 2031\n\n"
        "Abstract\n\n"
        "Heterotopic ossification is bone that forms in soft tissues after injuries.\n")


def _sentences(tmp_path, empty_store) -> list[str]:  # type: ignore[no-untyped-def]
    path = tmp_path / "review.txt"
    path.write_text(PAGE)
    report = ingest_paths(empty_store, [path], max_bytes=10**6)
    (doc,) = [empty_store.get(i) for i in report.changed_ids]
    return [s.text for s in doc.sentences]


def test_the_site_links_and_controls_are_no_text_of_the_page(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(_sentences(tmp_path, empty_store))
    for furniture in ("Next Article", "Plant Roots", "Fish Fins", "Font Size", "Aa Aa",
                      "Verdana"):
        assert furniture not in text, furniture


def test_the_record_line_is_one_sentence(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    assert ("Int. J. Bone Sci. 2031, 12(4), 1187; https://doi.org/10.9999/ijbs12041187"
            in _sentences(tmp_path, empty_store))


def test_which_journal_is_answered_by_the_record_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"review.txt": PAGE}) as kb:
        answer = kb.ask("In which journal and year was 'Molecular Targets in Heterotopic "
                        "Ossification' published?")
    assert "Int. J. Bone Sci. 2031" in answer.answer, answer.answer
    assert "Plant Roots" not in answer.answer, answer.answer
