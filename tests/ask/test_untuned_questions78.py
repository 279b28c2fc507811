"""Questions the dev set 78 found declined or misread (issue 14).

Pages written for the test (no source text): a review that gives its patients' mean burn
size but no age, a trial page that gives an age limit, a series that gives its median age
as "(median = 34 years)", and a parent's forum post about a son named only by his name.
"""

from __future__ import annotations

from fixtures import store_of_pages

REVIEW = ("Joint stiffness after burns: a review\n\n"
          "Forty reports of bone forming around joints after burns were reviewed.\n"
          "Most patients had deep flame burns, with a mean TBSA of 45 ± 12%.\n"
          "The elbow was the joint most often affected.\n")
TRIAL = ("A trial in FOP\n\n"
         "The trial will enrol about 80 people with FOP aged 4 years or older.\n"
         "Each person takes the study drug by mouth once a day.\n")
SERIES = ("Bone in the fingers: a series\n\n"
          "We reviewed 21 cases of bony lumps in the fingers and toes.\n"
          "The lumps chiefly affect young adults (median = 31 years), with a slight male "
          "predominance.\n")


def test_a_mean_age_is_answered_by_a_mean_of_ages_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"what was the average age…?" is not answered by a mean of something else ("a mean
    TBSA of 45 %") nor by an age limit ("aged 4 years or older"); a median age written
    "(median = 31 years)" answers it."""
    pages = {"review.txt": REVIEW, "trial.txt": TRIAL, "series.txt": SERIES}
    with store_of_pages(tmp_path, {k: v for k, v in pages.items() if k != "series.txt"}) as kb:
        declined = kb.ask("What was the average age of the patients in the burn review?")
    assert declined.abstained, declined.answer
    (tmp_path / "all").mkdir()
    with store_of_pages(tmp_path / "all", pages) as kb:
        answered = kb.ask("What was the median age of the people with finger lumps?")
    assert not answered.abstained, answered.notes
    quoted = [c.sentence_text for s in answered.evidence for c in s.citations]
    assert "median = 31 years" in quoted[0], quoted


FORUM = ("Re: my son\n\n"
         "Posted by a mother, 2006.\n"
         "Thanks everyone for the kind words.\n"
         "Adam is still in rehab.\n"
         "His legs hurt at night and he can't get comfortable.\n"
         "The doctors now say there are calcified masses near both hip joints.\n"
         "We hope he can come home soon.\n")
SEED_LIKE = ("Heterotopic ossification\n\n"
             "Heterotopic ossification is bone that forms in muscle after a spinal cord injury.\n"
             "After a spinal cord injury, bone may form in the elbow or the shoulder.\n"
             "It usually occurs 3 to 12 weeks after a spinal cord injury.\n"
             "A spinal cord injury changes how muscle repairs itself, and bone may form.\n"
             "Radiation may be given to the knee after a spinal cord injury in some centres.\n")


def test_a_patient_named_by_name_is_read_on_from_the_sentence_naming_him(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"her son Adam … where did it show up?": the page that says "Adam" is the one asked
    about, though another page holds more of the question's words, and where the bone
    formed is told two sentences after the one naming him."""
    with store_of_pages(tmp_path, {"forum.txt": FORUM, "ho.txt": SEED_LIKE}) as kb:
        answer = kb.ask("A mother says her son Adam got HO after his spinal cord injury. "
                        "Where did the bone form?")
    assert not answer.abstained, answer.notes
    quoted = [c.sentence_text for s in answer.evidence for c in s.citations]
    assert any("both hip joints" in q for q in quoted[:3]), quoted


SERIES_NO_DOSE = ("Heterotopic ossification: a case series from Redlands\n\n"
                  "We present four patients from Redlands who developed heterotopic ossification.\n"
                  "Management was pain control and bisphosphonate therapy with physiotherapy.\n")
RADIATION = ("Preventing heterotopic ossification\n\n"
             "A dose of 7-8 Gray in a single fraction within 24-48 hours of surgery prevents "
             "heterotopic ossification.\n")
TRIAL_DOSES = ("A first trial in healthy people\n\n"
               "In the study, healthy participants received a single oral dose of zoltrexamab "
               "(10, 25, 50 or 100 mg).\n")


def test_a_dose_of_other_care_does_not_answer_the_dose_of_the_care_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"which bisphosphonate, at what dose …?": a radiation dose beside the question's other
    concept (HO) is no bisphosphonate dose, nor is a trial's dose of another drug; the
    series names none, so none is given."""
    pages = {"series.txt": SERIES_NO_DOSE, "rt.txt": RADIATION, "trial.txt": TRIAL_DOSES}
    with store_of_pages(tmp_path, pages) as kb:
        answer = kb.ask("Which bisphosphonate, and at what dose, did the patients in the "
                        "Redlands HO case series receive?")
    assert answer.abstained, answer.answer
