"""A page's record of itself in more of the forms real pages print it, and a test asked for.

Found on page set 110, where each was declined or answered with a line that did not say it:

- a journal prints its authors "Surname, Given MD; …", a journal archive heads an article
  with the surnames before its title ("Katagiri, Tsukamoto, Nakachi, and Kuratani: …"), a
  literature review names its reviewer ("Reviewed By: …"), a citation record tags its
  journal ("JF - Respiratory Care");
- three keywords between semicolons, their label lost, are no answer;
- "what imaging test did they use first?" asks for a test: the test it names is no setting.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

LETTER = ("Fat necrosis with bone in a leg nodule : The Journal of Skin Pathology\n\n"
          "Letters to the Editor\n\n"
          "Fat necrosis with bone in a leg nodule\n\n"
          "Ormond, Petra MD; Vasquez, Linnea MD; Tarrant, Oskar MD\n\n"
          "Author Information\n"
          "The Journal of Skin Pathology 21(4):p 310-312, May 2014. | DOI: 10.1000/jsp.2014.1\n\n"
          "To the Editor:\n\n"
          "Fat necrosis is a firm nodule of the lower leg. We describe a nodule in which "
          "metaplastic ossification formed inside the necrotic fat.\n")
ARCHIVE = ("Journal List > Bone Metab Rep > v.12(2)\n\n"
           "Morrow, Ishikawa, Delacroix, and Brandt: Current Views on Ossification in "
           "Muscle\n\n"
           "Abstract\n\n"
           "Heterotopic ossification is bone that forms in muscle after injury. This review "
           "summarises how progenitor cells in muscle turn into bone.\n")
RECORD = ("TY - JOUR T1 - Branching Bone in the Lung JF - Chest Medicine Reports SP - e10 "
          "LP - e13 VL - 7 IS - 2 AU - Tomas Reyes AU - Ana Lindqvist Y1 - 2017/03/01 "
          "N2 - Branching pulmonary ossification is a rare condition. We report a 50-year-old "
          "man with a dry cough whose CT scan showed small bony branches in both lungs.\n")
REVIEW = ("Naproxen after hip arthroscopy: a literature review\n\n"
          "Reference: Hale JT, Moss JD. Naproxen after hip arthroscopy: a randomized trial. "
          "J Hip Surg. 2016 Mar 2;12(3):101-106.\n\n"
          "Scientific Literature Review\n\n"
          "Reviewed By: Marguerite Olander, DPM\n"
          "Residency Program: Lakeside Healthcare, Duluth, MN\n\n"
          "Podiatric relevance: anti-inflammatory drugs given after surgery may prevent "
          "heterotopic ossification.\n\n"
          "In the trial, naproxen lowered the rate of heterotopic ossification after hip "
          "arthroscopy.\n")


@pytest.mark.parametrize(("page", "question", "said"), [
    (LETTER, "Who wrote the letter on fat necrosis with bone in a leg nodule?",
     "Ormond, Petra"),
    (ARCHIVE, "Who wrote 'Current Views on Ossification in Muscle'?", "Morrow, Ishikawa"),
    (RECORD, "Which journal published the branching bone in the lung report?",
     "Chest Medicine Reports"),
    (REVIEW, "Who reviewed the naproxen hip arthroscopy trial?", "Marguerite Olander"),
])
def test_a_pages_record_of_itself_is_given(tmp_path, page: str, question: str,  # type: ignore[no-untyped-def]
                                          said: str) -> None:
    with store_of_pages(tmp_path, {"page.txt": page}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, question
    assert said in readable_text(answer)


def test_three_keywords_without_their_label_are_no_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Ossifying fasciitis of the elbow\n\n"
            "Objective To describe ossifying fasciitis. Under the microscope, ossifying "
            "fasciitis shows plump fibroblasts around trabeculae of osteoid.\n\n"
            "ossifying fasciitis; Myositis ossificans; Parosteal sarcoma\n")
    with store_of_pages(tmp_path, {"page.txt": page}) as kb:
        answer = kb.ask("Is ossifying fasciitis a kind of myositis ossificans, or a sarcoma?")
    assert "Parosteal sarcoma" not in readable_text(answer)


def test_a_test_named_as_the_kind_asked_for_asks_how_it_was_found() -> None:
    question = understand("Physio student: what imaging test did they use first on the "
                          "cricketer's thigh swelling?", load_lexicon())
    assert question.intents[0] == "diagnosis"
