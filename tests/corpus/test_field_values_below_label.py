"""A record's field named on a line of its own keeps the values on the lines below it.

Trial records copied as text (set 97, issue 14) write "Collaborators:" and, one per line,
"Orthopaedic Trauma Association", "Greenville Health System"; "Information provided by
(Responsible Party):" and then "Michael Bosse, Carolinas Healthcare System". Short and in
Title Case, every value was read as a heading, so "which organisations collaborated on the
trial?" found no sentence naming one. Case reports copied as text give their authors on a
line of full names ("Wei Tang Li, Shyue Yih Horng, Hsiung Fei Chien"), which was a heading
too. Our own record below, in those shapes.
"""

from __future__ import annotations

from fixtures import laid_out, store_of_pages

RECORD = ("Radiation After Wrist Fractures (WristHO)\n\n"
          "Sponsor:\n"
          "Collaborators:\n"
          "Northfield Trauma Society\n"
          "Lakeside Research Institute, Inc.\n"
          "Harbour Health System\n"
          "Information provided by (Responsible Party):\n"
          "Anna Berg, Lakeside Healthcare System\n\n"
          "Brief Summary\n\n"
          "Heterotopic ossification is bone that forms in soft tissues after a fracture. This "
          "trial compares a single dose of radiation with no radiation after wrist surgery.\n")
CASE = ("Myositis ossificans of the forearm in a violinist\n\n"
        "Tomas Ruiz Vega, Ines Maria Lopez, Karl Otto Brandt\n\n"
        "Signs and Symptoms\n\n"
        "A 31-year-old violinist had a firm, painful mass in the forearm after a fall.\n")


def test_the_values_below_a_field_are_sentences_not_headings(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, RECORD)
    for value in ("Northfield Trauma Society", "Harbour Health System",
                  "Anna Berg, Lakeside Healthcare System"):
        assert value in sentences, sentences
        assert value not in headings, headings
    assert "Brief Summary" in headings, headings


def test_a_line_of_full_names_is_a_sentence_and_a_heading_stays_one(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, CASE)
    assert "Tomas Ruiz Vega, Ines Maria Lopez, Karl Otto Brandt" in sentences, sentences
    assert "Signs and Symptoms" in headings, headings


def test_who_collaborated_and_who_wrote_are_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"record.txt": RECORD, "case.txt": CASE}) as kb:
        collaborated = kb.ask("Which organisations collaborated on the WristHO trial?")
        responsible = kb.ask("Who is the responsible party for the WristHO study?")
        wrote = kb.ask("Who wrote the case report on myositis ossificans in a violinist?")
    assert "Harbour Health System" in collaborated.answer, collaborated.answer
    assert "Anna Berg" in responsible.answer, responsible.answer
    assert "Tomas Ruiz Vega" in wrote.answer, wrote.answer
