"""A journal's record on the page's first line is no title (issue 14, set 128).

A PubMed-style page opened on its record, the month between the year and the volume and a
bare DOI after it ("J Korean Neurosurg Soc. 2013 Dec;54(6):518-520. 10.3340/…"), over the
article's title. The record was taken for the title: the title became the first sentence,
and "which journal and year was the report in?" had no sentence to cite. Our own page, in
that shape.
"""

from __future__ import annotations

from fixtures import laid_out, store_of_pages

PAGE = ("Acta Exempli Orthop.  2031 Mar;41(2):77-80. 10.5555/aeo.2031.41.2.77.\n\n"
        "Bony Lump in the Calf of a Runner\n\n"
        "Abstract\n\n"
        "A 40-year-old runner had a hard lump in her calf two months after a sprain. "
        "The lump was removed and showed mature bone with a fatty centre.\n")


def test_the_record_is_text_and_the_next_line_the_title(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, _ = laid_out(tmp_path, empty_store, PAGE)
    assert "Acta Exempli Orthop. 2031 Mar;41(2):77-80." in sentences, sentences
    (doc_id,) = empty_store.ids()
    assert empty_store.get(doc_id).title == "Bony Lump in the Calf of a Runner"


def test_which_journal_and_year_is_answered_by_the_record(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"calf.txt": PAGE}) as kb:
        answer = kb.ask("Which journal and year was the report on the runner's calf lump in?")
    assert "Acta Exempli Orthop. 2031" in answer.answer, answer.answer
