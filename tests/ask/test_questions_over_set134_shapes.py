"""Question shapes sets 132 and 134 brought (issue 14): a registry record of a study, a review's
library byline, a blog on a child with FOP, a case of a stone baby, a rare arterial disease,
questions asked in a nurse's or a son's voice. The pages here are our own, in the same shapes.

What had gone wrong: "how much did the calcified fetus … weigh?" (ten words between "how
much" and "weigh") was taken for a treatment question and answered with the case's opening
line; "what percentage improved neurologically?" with another figure of the same series (where
the lesion lay); "what mean serum uric acid values did the study find?" with a sentence that
gives none; "what is hypertrophic pulmonary osteoarthropathy and how does it show on a bone
scan?" with a sentence on bone scans in HO. Answerable questions had been declined: "my
dad's ENT used the word", "Renal nurse question -" (the teller and the asking are no topic),
"the cyclist" of "a bicycle accident", "how long can people with GACI survive?" ("survival
into the second and third decade"), "at what age do they die?" ("die in their 40s"), "was
the study a randomised trial or something else?" ("Study type Observational"); "who wrote
the review?" had quoted another paper's "studies by Carroll et al,7" and not the byline.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

REGISTRY = ("Uric acid and elbow heterotopic ossification\n\n"
            "Heterotopic ossification is a common complication after surgical repair of elbow "
            "trauma.\n"
            "We recorded the serum uric acid of every patient before the operation.\n"
            "Study type Observational\n"
            "Of the 143 patients, the distal humerus was most commonly fractured (61.5%).\n")

REVIEW = ("Calcium Deposits in the Wrist\n\n"
          "Brennan, Aoife MD; Okafor, Chidi MD\n"
          "Journal of Hand Surgery Reviews 12(3):p 40-48, March 2016.\n"
          "In studies by Carroll et al,7 37 of 100 patients had a deposit at the pisiform.\n"
          "Calcium deposits in the wrist are painful in their acute phase.\n")

STONE_BABY = ("A stone baby found after forty years\n\n"
              "The 82-year-old woman had carried a calcified fetus for forty years.\n"
              "Doctors removed the calcified fetus in an operation at the city hospital.\n")

GACI = ("Generalized arterial calcification of infancy\n\n"
        "Generalized arterial calcification of infancy (GACI) calcifies the large arteries.\n"
        "While mortality in infancy is high, survival into the second and third decade has "
        "been reported.\n")

FOP_BLOG = ("A girl with FOP in Sichuan\n\n"
            "Fibrodysplasia ossificans progressiva turns muscle into bone.\n"
            "Patients usually die in their 40s when they can no longer breathe.\n")

DISH = ("Swallowing trouble in DISH\n\n"
        "Some authors refer to it as DISH-phagia, a blend of DISH and dysphagia.\n"
        "Removing the osteophytes relieved the swallowing trouble.\n")

CALCIPHYLAXIS = ("Calciphylaxis in dialysis\n\n"
                 "Calciphylaxis occurs most commonly in patients with late stage chronic kidney "
                 "disease.\n"
                 "Risk factors include female sex, obesity and hyperphosphatemia.\n")

COLLARBONE = ("Coracoclavicular ossification and a broken collarbone\n\n"
              "A man of 59 broke his clavicle and a cervical vertebral body in a bicycle "
              "accident.\n"
              "The X-ray showed heterotopic ossification around the coracoclavicular "
              "ligaments.\n")

LAMINECTOMY = ("Laminectomy for ossification of the ligamentum flavum\n\n"
               "After laminectomy for ossification of the ligamentum flavum, 80% of the "
               "patients improved.\n")

BONE_SCAN = ("Bone scans in heterotopic ossification\n\n"
             "A bone scan shows heterotopic ossification 7 to 10 days earlier than an x-ray.\n")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path_factory.mktemp("pages"), {
            "registry.txt": REGISTRY, "review.txt": REVIEW, "stone_baby.txt": STONE_BABY,
            "gaci.txt": GACI, "fop_blog.txt": FOP_BLOG, "dish.txt": DISH,
            "calciphylaxis.txt": CALCIPHYLAXIS, "collarbone.txt": COLLARBONE,
            "bone_scan.txt": BONE_SCAN}) as opened:
        yield opened


@pytest.mark.parametrize("question", [
    # a weight asked ten words after "how much": no page gives one
    "How much did the calcified fetus removed from the 82-year-old woman weigh?",
    # a share of those who improved: the series' only figure is where the fracture was
    "What percentage of the 143 patients improved neurologically after the operation?",
    # a measured value asked with four words before "values": none is given
    "What mean serum uric acid values did the elbow study find before the operation?",
    # a share of those that went away: the review gives none
    "What proportion of calcium deposits in the wrist go away without treatment?",
    # a disorder no page names, beside a test: the test says how it is seen, not what it is
    "What is hypertrophic pulmonary osteoarthropathy and how does it show on a bone scan?",
])
def test_a_question_the_pages_do_not_answer_is_declined(kb, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask(question)
    assert answer.abstained, readable_text(answer)


@pytest.mark.parametrize(("question", "expected"), [
    # the teller and the asking itself are no topic the pages must name
    ("what is DISH-phagia? my dad's ENT used the word", "dysphagia"),
    ("Renal nurse question - in what stage of kidney disease is calciphylaxis seen most?",
     "late stage"),
    # the cyclist is the man of the bicycle accident
    ("In the coracoclavicular case, apart from his collarbone, what else did the cyclist "
     "break?", "cervical vertebral body"),
    # a lifespan said as the decades survival reaches, or the decade people die in
    ("How long can people with GACI survive?", "second and third decade"),
    ("At what age do FOP patients usually die?", "40s"),
    # a study's design, as a registry records it
    ("Was the uric acid and elbow study a randomised trial or something else?",
     "Observational"),
])
def test_the_sentence_that_answers_is_quoted(kb, question: str, expected: str  # type: ignore[no-untyped-def]
                                             ) -> None:
    answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert expected in readable_text(answer), readable_text(answer)


def test_a_library_byline_answers_who_wrote_it_not_an_in_text_citation(kb) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask("Who wrote the review 'Calcium Deposits in the Wrist'?")
    assert not answer.abstained, answer.notes
    assert "Brennan, Aoife MD" in answer.answer, readable_text(answer)
    assert "Carroll" not in answer.answer, readable_text(answer)


def test_a_sentence_answering_two_intents_is_quoted_once(kb) -> None:  # type: ignore[no-untyped-def]
    answer = kb.ask("Which journal published the review 'Calcium Deposits in the Wrist', "
                    "and in what year?")
    assert not answer.abstained, answer.notes
    assert answer.answer.count("Journal of Hand Surgery Reviews") == 1, answer.answer


def test_a_share_of_those_who_improved_is_answered_where_a_page_gives_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"laminectomy.txt": LAMINECTOMY,
                                   "bone_scan.txt": BONE_SCAN}) as kb:
        answer = kb.ask("What percentage of patients improved after laminectomy for the "
                        "ossified ligamentum flavum?")
    assert not answer.abstained, answer.notes
    assert "80%" in answer.answer, readable_text(answer)
