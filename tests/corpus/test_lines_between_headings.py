"""A short line between two headings is the first one's text, not a third heading.

Real pages copied as text (sets 88-104, issue 14) lay a value out on a line of its own
under the name it fills: a drug's dosing page gives "CHRONIC DOSING", then "5 mg once
daily", then "FLARE-UP DOSING"; a trial register gives "Start date August 2, 2022" and
"Est. completion date August 2023" above "Study information"; a case report gives its
title, its authors and the hospital one per line above "Abstract". Each line stood alone
and was short, so each became a heading, and a heading holds no sentence: "what is the
daily dose?", "when is the study expected to end?", "which hospital reported it?" had
nothing to cite. Thirty expected answers across the development sets lay only in such
headings. Our own pages below, in those shapes.
"""

from __future__ import annotations

from fixtures import laid_out, store_of_pages

DOSING = ("Dosing of Examplorene\n\n"
          "Examplorene is a capsule taken by mouth for adults with bone forming in muscle.\n\n"
          "Dosing for adults\n\n"
          "DAILY DOSING\n\n"
          "4 mg once daily\n\n"
          "FLARE DOSING\n\n"
          "16 mg once daily, for 3 weeks\n\n"
          "FOLLOWED BY\n\n"
          "8 mg once daily, for 6 weeks\n\n"
          "(even if the swelling settles sooner)\n\n"
          "Missed doses\n\n"
          "A missed dose is taken the same day and never doubled the next day.\n")
REGISTER = ("Examplorene After Elbow Fractures\n\n"
            "The trial compares examplorene with placebo after elbow fracture surgery.\n\n"
            "Start date March 3, 2024\n\n"
            "Est. completion date June 2026\n\n"
            "Study information\n\n"
            "Adults with an elbow fracture are given examplorene or placebo for six weeks.\n")
CASE = ("Bone in the Jaw Muscle after a Stroke\n\n"
        "Case Report\n\n"
        "A Moreno, LAshworth, K Patel\n\n"
        "Westbrook Regional Rehabilitation Hospital\n\n"
        "Abstract\n\n"
        "A 61-year-old man could not open his mouth three months after a stroke.\n\n"
        "Treatment\n\n"
        "Surgery\n\n"
        "The bone was removed and he opened his mouth fully a month later.\n")


def test_a_value_under_a_capitalised_heading_is_its_text(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, DOSING)
    for dose in ("4 mg once daily", "16 mg once daily, for 3 weeks",
                 "8 mg once daily, for 6 weeks"):
        assert dose in sentences, sentences
        assert dose not in headings, headings
    for heading in ("DAILY DOSING", "FLARE DOSING", "FOLLOWED BY", "Missed doses"):
        assert heading in headings, headings


def test_a_record_line_above_a_heading_is_text(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, REGISTER)
    assert "Est. completion date June 2026" in sentences, sentences
    assert "Study information" in headings, headings


def test_a_run_of_headings_is_text_and_a_parent_heading_stays(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sentences, headings = laid_out(tmp_path, empty_store, CASE)
    assert "Westbrook Regional Rehabilitation Hospital" in sentences, sentences
    assert "Westbrook Regional Rehabilitation Hospital" not in headings, headings
    for heading in ("Abstract", "Treatment", "Surgery"):  # "Treatment" heads "Surgery"
        assert heading in headings, headings


def test_the_dose_and_the_hospital_are_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"dosing.txt": DOSING, "case.txt": CASE,
                                   "register.txt": REGISTER}) as kb:
        daily = kb.ask("What is the usual daily dose of examplorene?")
        hospital = kb.ask("Which hospital reported the jaw muscle bone after a stroke?")
        ends = kb.ask("When is the examplorene elbow trial expected to be completed?")
    assert "4 mg once daily" in daily.answer, daily.answer
    assert "Westbrook Regional Rehabilitation Hospital" in hospital.answer, hospital.answer
    assert "June 2026" in ends.answer, ends.answer
