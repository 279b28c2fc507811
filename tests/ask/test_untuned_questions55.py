"""What the questions of set 55 (spent) showed, in pages and questions written for the test:
words that describe ("sudden", "steadily", "a published series") are no unmentioned
topics; a figure asked of named patients is not given by another population's; a page's
"Date:" line is no measured value.
"""

from __future__ import annotations

from fixtures import store_of_pages

FOP = ("Living with FOP\n\n"
       "Painful swellings that appear quickly and for no clear reason are called flare-ups.\n"
       "Flare-ups usually start in the neck and back, and over time new bone forms.\n"
       "The condition tends to show long periods of inactivity that can last several "
       "years.\n"
       "A first Italian series screened POH patients for GNAS changes in 2013.\n")


def test_words_that_describe_are_no_unmentioned_topics(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "What are the sudden painful swellings that come for no obvious reason called?",
    "Does FOP get steadily worse or can it go quiet?" and "Is there a published Italian
    series…?" were declined ("No source mentions 'sudden', 'obvious'")."""
    with store_of_pages(tmp_path, {"fop.txt": FOP}) as kb:
        named = kb.ask("What are the sudden painful swellings that come up for no obvious "
                       "reason in FOP called?")
        quiet = kb.ask("Does FOP get steadily worse all the time or can it go quiet for "
                       "years?")
        series = kb.ask("Is there a published Italian series screening POH patients for "
                        "GNAS changes?")
    assert "flare-ups" in _quoted(named), named.notes
    assert "inactivity" in _quoted(quiet), quiet.notes
    assert "Italian series" in _quoted(series), series.notes


def _quoted(answer) -> str:  # type: ignore[no-untyped-def]
    """The answer and every sentence it quotes."""
    return " ".join([answer.answer, *(c.sentence_text for s in answer.evidence
                                      for c in s.citations)])


def test_a_share_of_named_patients_is_not_another_populations(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "What percentage of combat amputees develop HO?" was answered with "50-90% of those
    with HO after a previous hip arthroplasty": a figure of other patients."""
    pages = {"hip.txt": ("Hip replacement\n\n"
                         "Between 50% and 90% of patients with heterotopic ossification after "
                         "a previous hip arthroplasty develop more of it.\n"),
             "amputee.txt": ("Amputees\n\n"
                             "Heterotopic ossification also strikes amputees, especially "
                             "after traumatic amputations.\n")}
    with store_of_pages(tmp_path, pages) as kb:
        answer = kb.ask("What percentage of combat amputees develop heterotopic "
                        "ossification?")
    assert answer.abstained, answer.answer


def test_a_pages_date_line_is_no_measured_value(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "What was the alkaline phosphatase level of the 11-year-old boy?" was answered
    "Date: 08 Jan 2009." """
    page = ("Thigh mass in a boy\n\n"
            "Date: 08 Jan 2009.\n"
            "An 11-year-old boy had a painful mass of the thigh with a raised alkaline "
            "phosphatase.\n")
    with store_of_pages(tmp_path, {"boy.txt": page}) as kb:
        answer = kb.ask("What was the alkaline phosphatase level of the 11-year-old boy?")
    assert answer.abstained, answer.answer
