"""Patterns of dev100's failures (issue 14), on made-up pages in their shape.

- A title, a byline and the authors' affiliations run together as one verbless
  "sentence" ("… A Systematic Review Ana Pérez1*., … 1 Department of Orthopedics, …
  Hospital, … University, …") is the page's record: it answers who wrote the page and
  where they work, never how often a complication turned up.
- A question naming a patient by age ("the one-year-old with HFTC") is not answered by a
  sentence telling of a patient of another age ("A 57-year-old male presented with …"):
  that is another case, on another page.
"""

from __future__ import annotations

from fixtures import store_of_pages

REVIEW = (
    "Outcomes After Surgery for Terrible Triad Injuries of the Elbow: A Systematic Review "
    "Ana Perez1*., Li Wen2*., Omar Said3 1 Department of Orthopedics, Northfield Central "
    "Hospital, Northfield, Exland, 2 Department 4, Institute of Trauma Surgery, Southbay "
    "University, Southbay, Exland\n\n"
    "Terrible triad injuries of the elbow are hard to treat. Twelve studies with 280 "
    "patients were pooled. Stiffness led to most reoperations. The most common "
    "complications that needed no further operation were heterotopic ossification "
    "(31/280 [11.1%] patients) and arthrosis (20/280 [7.1%] patients).\n"
)


def test_a_run_of_affiliations_answers_no_question_of_findings(tmp_path) -> None:
    with store_of_pages(tmp_path, {"review.txt": REVIEW}) as kb:
        answer = kb.ask("Orthopaedic registrar: how often did heterotopic ossification "
                        "turn up after surgery for terrible triad injuries?")
    assert "11.1%" in answer.answer, answer.answer
    assert "Department" not in answer.answer, answer.answer


def test_the_run_of_affiliations_still_says_where_the_authors_work(tmp_path) -> None:
    with store_of_pages(tmp_path, {"review.txt": REVIEW}) as kb:
        answer = kb.ask("Which hospital were the authors of the terrible triad review from?")
    assert "Northfield Central Hospital" in answer.answer, answer.answer


OTHER_CASE = (
    "Case summary: A 57-year-old male presented with a painful mass and a bowel obstruction "
    "shortly after surgery, and was treated with methylprednisolone.\n")
THIS_CASE = (
    "Tumoral calcinosis in a one-year-old\n\n"
    "A one-year-old girl was brought in with fevers and a firm mass on her buttock. "
    "Her serum phosphate was high and imaging showed calcified masses.\n")


def test_a_case_of_another_age_does_not_answer_for_the_one_asked(tmp_path) -> None:
    with store_of_pages(tmp_path, {"other.txt": OTHER_CASE, "this.txt": THIS_CASE}) as kb:
        answer = kb.ask("What treatment did the one-year-old get for the painful mass - surgery?")
    assert "57-year-old" not in answer.answer and "methylprednisolone" not in answer.answer, (
        answer.answer)


def test_a_case_of_the_age_asked_still_answers(tmp_path) -> None:
    with store_of_pages(tmp_path, {"other.txt": OTHER_CASE, "this.txt": THIS_CASE}) as kb:
        answer = kb.ask("What was the 57-year-old man treated with?")
    assert "methylprednisolone" in answer.answer, answer.answer


def test_the_asked_patients_own_earlier_age_still_answers(tmp_path) -> None:
    page = ("A 24-year-old man with fibrodysplasia ossificans progressiva was seen in clinic. "
            "His neck had been stiff since he was 3 years old.\n")
    with store_of_pages(tmp_path, {"case.txt": page}) as kb:
        answer = kb.ask("Since what age had the 24-year-old's neck been stiff?")
    assert "3 years old" in answer.answer, answer.answer


def test_a_quoted_expert_with_a_long_title_is_no_page_record(tmp_path) -> None:
    page = ("Bone in the wrong place\n\n"
            "Currently, \u201conce the bone has formed, there is no way to reverse it,\u201d says "
            "Ann Lee, M.D., Director of the Bone Repair Laboratory and Center for Basic "
            "Research in the City Hospital Department of Surgery.\n")
    with store_of_pages(tmp_path, {"news.txt": page}) as kb:
        answer = kb.ask("Is it true there's no way to reverse the bone once it has formed?")
    assert "no way to reverse" in answer.answer, answer.answer
