"""Questions of the 118th and 120th sets of real pages (dev), in our own words.

- "What are the two shapes or patterns …?" asks for the shapes: its counted nouns phrase
  the question, they are no topic a source must name.
- "… a variant of which more common lesion?" asks the class a thing is put in, which a
  source says in its own words ("It is considered as a form of nodular fasciitis").
- A page's record of itself in a flattened table ("Authors: | …", "Keywords: | …", a
  journal's volume and pages "247:279–288, 2018") answers who wrote it, its keywords and
  where it came out; an affiliation cut after its number ("Affiliation: | 1.") gives none.
- A disclosure names companies by their names alone ("Honoraria, Boehringer Ingelheim").
- "… and how big was it?" asks a size; "how long had the lump been there before he came
  to clinic?" is answered by the lump's duration.
- A volume in cubic centimetres ("16.6 cm3") is a size; a manuscript's numbers
  ("2322-0066.10.4.0") are no measured value.
- A share asked of horses is not given by a figure of patients' knees.
- "Myopathy" is a word of its own, not "myelopathy" mistyped.
- "Is it something you are born with, or does it come on later?" asks when it starts.
- A case named by its age ("the 19-month-old boy") is answered from its page: another
  page's "diagnosis may involve CT or MRI" says nothing of what was done for him.
- "Injections under the skin or a drip?" is asked in a reader's words for how a
  drug is given ("administered intravenously").
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

LUNG = ("Dendriform pulmonary ossification\n\n"
        "Diffuse pulmonary ossification is characterised by mature bone formation in the "
        "lungs.\n"
        "There are two distinct morphologies, namely, nodular and dendriform.\n"
        "The patient was a 30-year-old man with a chronic cough.\n")

FASCIITIS = ("Ossifying fasciitis of the jaw in a toddler\n\n"
             "Ossifying fasciitis is a benign soft tissue lesion that most commonly affects "
             "the trunk and the limbs.\n"
             "It is considered as a form of nodular fasciitis with similar clinical behaviour "
             "but different histological findings.\n"
             "Ossifying fasciitis affects adults more commonly, and rarely affects children.\n"
             "The mass was resected and did not recur.\n")

REVIEW = ("Animal models of fibrodysplasia ossificans progressiva |\n| |\n"
          "Authors: | Anna Lindqvist Peter Moreau |\n| |\n"
          "Affiliation: | 1. Department of Orthodontics, Example University School of Dental "
          "Medicine, Boston |\n| |\n"
          "Abstract: | Fibrodysplasia ossificans progressiva is a rare human disease of "
          "heterotopic ossification. In this review we give an overview of the animal models "
          "of FOP and what each has taught. Developmental Dynamics 247:279–288, 2018. |\n"
          "| | Keywords: | rare disease zebrafish disease model genetic models | | |\n")

DISCLOSURE = ("Dendriform pulmonary ossification: five cases\n\n"
              "We report five cases of dendriform pulmonary ossification found on CT.\n"
              "Three cases were idiopathic.\n"
              "The authors state that they have a conflict of interest.\n"
              "Hiro Tanaka: Honoraria, Boehringer Ingelheim and Shionogi.\n")

THUMB = ("Fibro-osseous pseudotumour of the thumb\n\n"
         "A 68-year-old man came to the clinic with a hard mass on the palmar side of the "
         "thumb of his left hand.\n"
         "The mass was 0.9 cm in diameter and had a duration of 3 months.\n"
         "He had no history of trauma.\n"
         "The lesion was removed completely.\n")

FLARES = ("Garetosmab and flare-ups in FOP\n\n"
          "Patients who had flare-ups developed new heterotopic ossification with a greater "
          "overall volume (16.6 cm3 vs. 3.2 cm3) than those who did not.\n"
          "The trial was run at several centres.\n")

DIALYSIS = ("Tumoral calcinosis in a dialysis patient\n\n"
            "Received: 04- April-2022, Manuscript No. JOB-22-59385; Reviewed: 20- April -2022, "
            "QC No. JOB-22-59385; Published: 29-April-2022, DOI: 10.4172/2322-0066.10.4.0\n"
            "A 61-year-old man on haemodialysis had a calcified mass around his shoulder.\n"
            "The mass was removed surgically.\n")

HORSE = ("Fibrotic and ossifying myopathy in horses\n\n"
         "Fibrotic and ossifying myopathy is a gait abnormality of horses caused by injury to "
         "the hamstring muscles.\n"
         "Surgery removes the fibrotic tissue of the semitendinosus muscle.\n"
         "Horses used for reining tend to injure the hamstring muscles.\n")

KNEES = ("Excision of periarticular ossification of the knee\n\n"
         "Ossification around the knee was excised in seven knees of five patients after "
         "traumatic brain injury.\n"
         "At the end of the operation the arc of motion was improved in all of the knees.\n"
         "After surgery, 80% of the patients walked without pain.\n")

FOP_LIFE = ("Living with FOP\n\n"
            "Stories like those of Ashley and Jasmin show the impact FOP has on daily life.\n"
            "The disorder is congenital, meaning it is present at birth, but symptoms often "
            "increase during childhood.\n"
            "FOP is an ultra-rare genetic disorder of connective tissue.\n")

TRIAL = ("The OPTIMA trial of garetosmab\n\n"
         "The trial is a phase III study of garetosmab versus placebo administered "
         "intravenously (IV) in adults with fibrodysplasia ossificans progressiva.\n"
         "The trial will recruit 66 participants.\n"
         "Trial locations have not yet been announced.\n")


def _asked(tmp_path, pages: dict[str, str], question: str):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, pages) as kb:
        return kb.ask(question)


def _quoted(answer) -> str:  # type: ignore[no-untyped-def]
    """The answer and every sentence it cites."""
    return " ".join((answer.answer, *(c.sentence_text for s in answer.shown()
                                       for c in s.citations)))


@pytest.mark.parametrize(("pages", "question", "quoted"), [
    # counted nouns of the answer ("the two shapes or patterns") are no topic
    ({"lung.txt": LUNG, "jaw.txt": FASCIITIS},
     "Radiology student: what are the two shapes or patterns that bone in the lungs can take?",
     "nodular and dendriform"),
    # a drip, in a reader's words, is a drug given intravenously
    ({"trial.txt": TRIAL, "lung.txt": LUNG},
     "How is garetosmab given in the OPTIMA trial - injections under the skin or a drip?",
     "intravenously"),
])
def test_a_question_in_its_own_words_is_answered(tmp_path, pages: dict[str, str],  # type: ignore[no-untyped-def]
                                                 question: str, quoted: str) -> None:
    answer = _asked(tmp_path, pages, question)
    assert not answer.abstained, answer.notes
    assert quoted in _quoted(answer)


def test_the_class_a_thing_is_put_in_is_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = ("Pathology registrar here - ossifying fasciitis is regarded as a variant of "
                "which more common lesion?")
    assert understand(question, load_lexicon()).intents == ("class_of",)
    answer = _asked(tmp_path, {"lung.txt": LUNG, "jaw.txt": FASCIITIS}, question)
    assert "a form of nodular fasciitis" in answer.answer, answer.answer


def test_a_flattened_tables_record_answers_who_wrote_it_and_its_keywords(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pages = {"review.txt": REVIEW, "lung.txt": LUNG}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert "Peter Moreau" in _asked(tmp_path / "a", pages, "Who wrote the review 'Animal models "
                                    "of fibrodysplasia ossificans progressiva'?").answer
    keywords = _asked(tmp_path / "b", pages, "what are the keywords listed for the FOP animal "
                      "models review")
    assert "zebrafish disease model" in keywords.answer, keywords.answer


@pytest.mark.parametrize(("pages", "question", "given"), [
    # a journal's volume and pages say where it came out
    ({"review.txt": REVIEW, "lung.txt": LUNG},
     "In what journal and year did the FOP animal models review come out?",
     "Developmental Dynamics"),
    # an affiliation cut after its number gives none; the department's own line does
    ({"review.txt": REVIEW, "lung.txt": LUNG},
     "Which department at the dental school is Moreau affiliated with?", "Orthodontics"),
    # a disclosure names companies by their names alone
    ({"dpo.txt": DISCLOSURE, "lung.txt": LUNG},
     "Which drug companies paid honoraria to authors of the DPO case series?",
     "Boehringer Ingelheim"),
    # a volume in cubic centimetres is a size
    ({"flares.txt": FLARES, "lung.txt": LUNG},
     "How big was the new heterotopic bone in patients who had flares compared with those who "
     "didn't (in cm3)?", "16.6 cm3"),
    # (control) a share asked of patients is still given by a figure of patients
    ({"horse.txt": HORSE, "knees.txt": KNEES},
     "What percentage of the brain-injured patients walked without pain after the knee "
     "surgery?", "80%"),
])
def test_the_answer_gives_what_is_asked(tmp_path, pages: dict[str, str], question: str,  # type: ignore[no-untyped-def]
                                        given: str) -> None:
    answer = _asked(tmp_path, pages, question)
    assert given in answer.answer, answer.answer


def test_how_big_was_it_asks_a_size(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "Where exactly on the hand was the fibro-osseous pseudotumour, and how big was it?"
    assert "size" in understand(question, load_lexicon()).intents
    answer = _asked(tmp_path, {"thumb.txt": THUMB, "lung.txt": LUNG}, question)
    assert "0.9 cm" in answer.answer, answer.answer


def test_how_long_a_lump_had_been_there_is_its_duration(tmp_path) -> None:  # type: ignore[no-untyped-def]
    answer = _asked(tmp_path, {"thumb.txt": THUMB, "lung.txt": LUNG},
                    "how long had the thumb lump been there before he came to clinic")
    assert not answer.abstained, answer.notes
    assert "3 months" in answer.answer, answer.answer


def test_a_manuscripts_numbers_are_no_measured_value(tmp_path) -> None:  # type: ignore[no-untyped-def]
    answer = _asked(tmp_path, {"dialysis.txt": DIALYSIS, "lung.txt": LUNG},
                    "What were the serum phosphate and parathyroid hormone levels of the "
                    "61-year-old dialysis patient?")
    assert answer.abstained, answer.answer


def test_a_share_asked_of_horses_is_not_a_figure_of_patients(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = ("What percentage of horses return to full work after surgery for fibrotic and "
                "ossifying myopathy?")
    assert "myelopathy" not in understand(question, load_lexicon()).concepts
    answer = _asked(tmp_path, {"horse.txt": HORSE, "knees.txt": KNEES}, question)
    assert answer.abstained, answer.answer


def test_born_with_or_later_asks_when_it_starts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "Is FOP something you are born with or does it come on later in life?"
    assert "onset" in understand(question, load_lexicon()).intents
    answer = _asked(tmp_path, {"life.txt": FOP_LIFE, "lung.txt": LUNG}, question)
    assert "congenital" in _quoted(answer)


JAW_CASE = ("Ossifying fasciitis of the jaw in a 19-month-old\n\n"
            "We present a 19-month-old boy with a rapidly growing hard swelling under the "
            "jaw.\n"
            "Resection of the mass and its histology gave the diagnosis of ossifying "
            "fasciitis.\n"
            "Recovery was uneventful, with no recurrence after five years.\n")

IMAGING = ("Diagnosing heterotopic ossification\n\n"
           "Diagnosis of heterotopic ossification may involve imaging studies such as X-rays, "
           "CT scans, or MRI.\n"
           "A bone scan shows the bone early.\n")


def test_a_case_named_by_its_age_is_answered_from_its_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    answer = _asked(tmp_path, {"jaw.txt": JAW_CASE, "imaging.txt": IMAGING},
                    "What imaging test - CT or MRI - was used on the 19-month-old boy's jaw "
                    "mass before it was removed?")
    assert "imaging studies" not in answer.answer, answer.answer
    assert all(c.doc == "jaw" for s in answer.statements for c in s.citations), answer.statements
