"""Two things asked together, a weight asked, words that only frame a question.

Found on page set 112 (made-up pages here, of the same shapes):

- "What did her lung function test and ECG show?" was answered by the lung function
  sentence alone, though the next sentence of the page gives the ECG (which the lexicon
  did not know by its abbreviation);
- "what EXTRA treatment…?" and "the full name behind the ABBREVIATION EHDP" were declined:
  the words only frame what is asked;
- "how much did the baby weigh at birth?" was answered by a sentence giving no weight;
- a "parturient" is a pregnant woman: a question about a pregnant woman is not declined
  over a page that names her so.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

CASE = ("Anaesthesia in a woman with fibrodysplasia ossificans progressiva\n\n"
        "A 52-year-old woman with fibrodysplasia ossificans progressiva came for surgery on "
        "her hip. Lung function showed a restrictive pattern. Left bundle-branch block on "
        "the electrocardiogram was found. Her mouth opened only 8 mm, so she was intubated "
        "awake with a fibreoptic scope.\n")
DRUG = ("Etidronate after spinal cord injury\n\n"
        "Heterotopic ossification follows spinal cord injury in 20 per cent of patients. "
        "Disodium etidronate (generic name of disodium ethane-1-hydroxy-1,1-diphosphonate, "
        "EHDP) was given to 120 patients. Patients who did poorly on etidronate should be "
        "considered early for radiation therapy.\n")
BIRTH = ("Bone in the uterus\n\n"
         "A 31-year-old parturient with a history of bony fragments in the uterus was seen "
         "at 20 weeks. Hysteroscopy removed fragments of 0.5 to 2 cm. She delivered a "
         "healthy girl at term.\n")


def test_each_of_two_things_asked_together_is_quoted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        answer = kb.ask("What did her lung function test and ECG show?")
    text = readable_text(answer)
    assert "restrictive pattern" in text and "bundle-branch" in text, text


def test_one_thing_asked_is_quoted_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        answer = kb.ask("What did her lung function test show?")
    text = readable_text(answer)
    assert "restrictive pattern" in text and "bundle-branch" not in answer.answer, text


def test_words_that_frame_a_question_do_not_decline_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"drug.txt": DRUG}) as kb:
        name = kb.ask("whats the full chemical name behind the abbreviation EHDP?")
        extra = kb.ask("Rehab nurse here: for the patients who did poorly on etidronate, "
                       "what extra treatment did the authors say should be considered early?")
    assert not name.abstained and "ethane-1-hydroxy" in readable_text(name), name.answer
    assert not extra.abstained and "radiation therapy" in readable_text(extra), extra.answer


def test_a_weight_no_page_gives_is_declined(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"birth.txt": BIRTH}) as kb:
        answer = kb.ask("How much did the baby girl weigh at birth after the fragments "
                        "were removed?")
    assert answer.abstained, answer.answer


def test_a_weight_a_page_gives_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = BIRTH.replace("She delivered a healthy girl at term.",
                         "She delivered a healthy girl weighing 3.1 kg at term.")
    with store_of_pages(tmp_path, {"birth.txt": page}) as kb:
        answer = kb.ask("How much did the baby girl weigh at birth?")
    assert "3.1 kg" in readable_text(answer), answer.answer


def test_a_parturient_is_a_pregnant_woman(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"birth.txt": BIRTH}) as kb:
        answer = kb.ask("How old was the pregnant woman with bony fragments in the uterus?")
    assert not answer.abstained and "31-year-old" in answer.answer, answer.answer
