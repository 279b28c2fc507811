"""Questions of the 122nd set of real pages (dev), in our own words, over our own pages.

- "What did the doctors first think was causing the blockage?" asks the case's first
  diagnosis ("an initial diagnosis of intussusception was considered"): a differential.
- A page named by a word only its title holds ("the armored brain case report", a word
  no reader capitalises) is the page asked about; "the symptoms" meet "full symptomatic
  recovery".
- "Who are the first and last authors …?" asks the byline; "where do the authors work?"
  and "which organisation …?" ask an institution ("… Foundation", "… Association");
  "when did Ipsen announce …?" asks a date.
- "By how many cubic centimetres …?" asks a size, "how many sheep …?" a count: neither is
  answered by a sentence that gives no such figure.
- Ages as case reports write them: "A 53‐year‐old man" (a Unicode hyphen), "a 43-y-old
  man", "age range 6–62".
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

BOWEL = ("Mesenteric bone in a child\n\n"
         "Here we report a case of a 9 year old male who had small bowel obstruction "
         "associated with heterotopic bone formation in the small bowel mesentery. An initial "
         "diagnosis of ileocolic intussusception was considered. Histopathologic examination "
         "of the mass showed heterotopic mesenteric ossification.\n\n"
         "Lecturer, Riverside Medical College, Westfield, Norland.\n")
SKULL = ("Surgical Management of the Stony Skull: Report of a Calcified Subdural Collection\n\n"
         "Calcified chronic subdural hematomas are rare. We report a case first drained "
         "through a burr hole, with no resolution of the symptoms. Later, our patient "
         "underwent a craniotomy and partial membranectomy, which resulted in full "
         "symptomatic recovery.\n")
SERIES = ("Ankylosis of the jaw joint: 31 cases from one centre\n\n"
          "There were 18 male and 13 female patients, M:F ratio 1.4:1, age range 7–58, mean "
          "19 years. A 53‐year‐old man had bony ankylosis after a fall. We report a 44-y-old "
          "woman with a history of jaw stiffness for 2 y.\n\n"
          "The International Jaw Joint Association helps patients find surgeons.\n")
TRIAL = ("Oral drug misses its goal in FOP\n\n"
         "The company said that its phase II trial of an oral ALK2 inhibitor in 90 patients "
         "with fibrodysplasia ossificans progressiva did not meet its primary endpoint. The "
         "update released on 4 March 2026 stated that the study will be closed.\n")


def _asked(tmp_path, question: str):  # type: ignore[no-untyped-def]
    pages = {"bowel.txt": BOWEL, "skull.txt": SKULL, "series.txt": SERIES, "trial.txt": TRIAL}
    with store_of_pages(tmp_path, pages) as kb:
        return kb.ask(question)


def _read(answer) -> str:  # type: ignore[no-untyped-def]
    return " ".join((answer.answer, *(c.sentence_text for s in answer.shown()
                                       for c in s.citations)))


@pytest.mark.parametrize(("question", "intent"), [
    ("Before surgery, what did the doctors first think was causing the 9-year-old's "
     "blockage?", "differential"),
    ("Who are the first and last authors of the contracture study?", "authors"),
    ("Where do the authors of the mesenteric bone report work?", "institution"),
    ("Which organisation helps jaw joint patients find surgeons?", "organisation"),
    ("When did the company announce the trial result?", "year"),
    ("By how many cubic centimetres did new bone volume differ between the drug and "
     "placebo?", "size"),
    ("How many sheep received the blast alone?", "count"),
    ("What problem did the boy with mesenteric bone come in with?", "symptoms"),
])
def test_what_is_asked_is_understood(question: str, intent: str) -> None:
    understood = understand(question, load_lexicon())
    assert understood.intents[:1] == (intent,), understood.intents


@pytest.mark.parametrize(("question", "said"), [
    # the first diagnosis, in a case report's words
    ("Before surgery, what did the doctors first think was causing the 9-year-old's "
     "blockage?", "intussusception"),
    ("Where do the authors of the mesenteric bone report work?", "Riverside Medical College"),
    ("Which organisation helps jaw joint patients find surgeons?",
     "International Jaw Joint Association"),
    ("When did the company announce that the FOP trial of the ALK2 inhibitor failed?",
     "4 March 2026"),
    ("What was the male to female ratio and the age range in the jaw ankylosis series?",
     "7–58"),
    ("How old was the man with bony ankylosis after a fall?", "53‐year‐old"),
    ("How old was the woman with jaw stiffness?", "44-y-old"),
])
def test_a_case_reports_detail_is_answered(tmp_path, question: str, said: str) -> None:  # type: ignore[no-untyped-def]
    answer = _asked(tmp_path, question)
    assert not answer.abstained, answer.notes
    assert said in _read(answer), _read(answer)


GENERAL = ("Surgery for bone in soft tissue\n\n"
           "Some common symptoms include swelling and pain. An operation fixed the symptoms "
           "in most case reports. The operation finally fixed the symptoms of every patient in "
           "our case report series. Symptoms returned after the operation in one case report.\n")


def test_a_page_named_by_a_word_only_its_title_holds_is_asked_about(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"Stony", in no sentence, names the page whose title holds it, over a page holding
    every other word of the question."""
    with store_of_pages(tmp_path, {"skull.txt": SKULL, "general.txt": GENERAL}) as kb:
        answer = kb.ask("What operation finally fixed the symptoms in the stony skull case "
                        "report?")
    assert "partial membranectomy" in _read(answer), _read(answer)


@pytest.mark.parametrize("question", [
    "By how many cubic centimetres did new bone volume differ between the drug and placebo "
    "in the FOP trial?",
    "How many sheep in the trial received the blast alone?",
])
def test_a_figure_no_page_gives_is_not_answered(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    assert _asked(tmp_path, question).abstained


SHEEP = ("Blast injury model\n\n"
         "Since the last report, we have performed surgeries on a total of n34 sheep, with n22 "
         "euthanized at the end point. In a second arm, 80 C57/B6 mice were employed.\n")


@pytest.mark.parametrize(("question", "said"), [
    ("How many sheep had been operated on in total in the blast model?", "n34 sheep"),
    ("How many mice were used in the second arm, and which strain?", "80 C57/B6 mice"),
])
def test_a_reports_shorthand_count_answers(tmp_path, question: str, said: str) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"sheep.txt": SHEEP, "trial.txt": TRIAL}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert said in _read(answer), _read(answer)
