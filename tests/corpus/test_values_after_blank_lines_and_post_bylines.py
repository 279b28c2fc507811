"""A field's value after blank lines, and a post's byline, are sentences, not headings (set 122).

A technical report's record, copied as text, puts blank lines between each field's name and
its value ("Corporate Author:", blank lines, "Henry M. Jackson Foundation for …"): the value,
short and in Title Case, was read as a heading, and "which organisation did the research?"
found no sentence naming it. A blog post's "Posted by Karen - February 2nd, 2014" was a
heading too, so "who wrote the post and when?" had nothing to cite. Our own record and post
below, in those shapes.
"""

from __future__ import annotations

from fixtures import laid_out, store_of_pages

REPORT = ("Accession Number:\n\n\n\n"
          "A Large Animal Model of Blast-Related Heterotopic Ossification\n\n"
          "Corporate Author:\n\n"
          "Northfield Institute for Advancement of Military Medicine Bethesda United States\n\n"
          "Report Date:\n\n\n\n"
          "We operated on twelve goats and followed heterotopic ossification by micro-CT. "
          "Bone formed near the drill holes.\n\n"
          "Descriptive Note:\n\n"
          "Technical Report,1 Jan 2019,31 Dec 2019\n")
POST = ("Living with FOP, one toe at a time\n\n"
        "Posted by Greta - March 3rd, 2016\n\n"
        "Our daughter was diagnosed with FOP when she was two. Her big toes were short from "
        "birth.\n\n"
        "What we learned\n\n"
        "Doctors should avoid biopsies in children with FOP.\n")


def test_a_value_after_blank_lines_is_a_sentence_and_a_heading_stays_one(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, REPORT)
    value = "Northfield Institute for Advancement of Military Medicine Bethesda United States"
    assert value in sentences and value not in headings, (sentences, headings)
    assert "Technical Report,1 Jan 2019,31 Dec 2019" in sentences, sentences


def test_a_posts_byline_is_a_sentence_and_its_headings_stay(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, POST)
    assert "Posted by Greta - March 3rd, 2016" in sentences, sentences
    assert "What we learned" in headings, headings


def test_who_did_the_research_and_who_wrote_the_post_are_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"report.txt": REPORT, "post.txt": POST}) as kb:
        research = kb.ask("Which organisation did the large animal model of blast-related "
                          "heterotopic ossification research?")
        # quoted as a reader types it: a straight apostrophe inside a word ends no quote
        wrote = kb.ask("Who wrote the 'Living with FOP, one toe at a time' post and when was "
                       "it posted?")
    quoted = " ".join(c.sentence_text for s in research.shown() for c in s.citations)
    assert "Northfield Institute" in research.answer + quoted, (research.answer, quoted)
    assert not wrote.abstained
    assert "Greta" in wrote.answer and "2016" in wrote.answer, wrote.answer
