"""Questions of the 124th set of real pages (dev) and of earlier sets, in our own words, over
our own pages: news items, advice pages, registry records and affiliation lines.

- An abbreviation may hold a shorter one: "IFOPA" is the "International FOP Association".
- A registry's name stands for its number ("the clinicaltrials.gov number": "NCT…"), and a
  record's number is the page's record of itself ("NCT number NCT…" among its field lines).
- A news item's staff line ("Gene Wire Staff") is its byline; a question's later part after
  "and" and a preposition ("…, and on what date was it posted?") is asked of what the
  whole question names.
- Ages as advice and epidemiology give them ("children under 7", "by 18 months", "in
  childhood or adolescence"); where someone went ("we went to Rochester, Minnesota"); the
  city an affiliation gives ("University of Algarve, 8005-139 Faro, Portugal"), and a
  department glued to its author's number ("3Department of …").
- "What do people with FOP die of?" asks the outlook ("death from cardiorespiratory
  failure"); an antibiotic is named by its kind's name ("minocycline"); joining a trial is
  said as where it is conducted; a medical school is a "College of Medicine".
- A library record's fields glued to their values ("Series:Reports in …") and an
  affiliation on its own line are sentences; a corresponding author's star ends no byline;
  "who reported the case?" asks its authors; "whats the minimum age?" an age; "the
  five-year survival rate" a share, which a citation's pages ("495-496") do not give.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fixtures import store_of_pages
from osteon import KnowledgeBase
from osteon.ask.answer import _parts
from osteon.ask.understand import understand
from osteon.ask.unmentioned import spelled_out
from osteon.reading.lexicon import load_lexicon

NEWS = ("Gene Wire\n\n"
        "Agency Grants Orphan Status to Kestrelib for Stone Man Disease\n\n"
        "May 3, 2024\n\n"
        "Gene Wire Staff\n\n"
        "The agency granted orphan status to kestrelib for the prevention of heterotopic "
        "ossification in people with fibrodysplasia ossificans progressiva. In a first study "
        "in healthy volunteers, kestrelib was well tolerated, supporting the potential for "
        "once-daily dosing. The KESTREL trial (NCT04455667) will enrol 60 patients and is "
        "being conducted in Europe (but not in Spain).\n")
FAMILY = ("Things only FOP parents know\n\n"
          "You read the International FOP Association's monthly birthday e-mail to look for "
          "people over age 50, hoping it means that people with FOP live longer. The purpose "
          "of the awareness day is to teach doctors about the disease so there are fewer "
          "misdiagnoses.\n")
TEETH = ("Looking after teeth in FOP\n\n"
         "Stop bottle feeding by 18 months. Only ever put water or milk in the bottle. "
         "Children under 7 should be watched when brushing their teeth. Children over 7 can "
         "use a mild fluoride mouthwash once a day.\n")
TRAVEL = ("Off to see the elbow specialist\n\n"
          "Last week my wife and I went to Rochester, Minnesota for my elbow consult. It is "
          "called heterotopic ossification and in my case it limits how far the elbow "
          "bends.\n")
REVIEW = ("Fish models of calcification in soft tissue: a review\n\n"
          "Maria Lopes 1,2 and Rui Costa 1 1 Centre of Marine Sciences, University of Algarve, "
          "8005-139 Faro, Portugal 2 Faculty of Medicine, University of Algarve, 8005-139 "
          "Faro, Portugal\n\n"
          "Zebrafish are a well-established model for studying how calcium deposits form "
          "in soft tissues.\n")
CALCINOSIS = ("Familial tumoral calcinosis with bone involvement: a case report\n\n"
              "Ana Levi, M.D.,1 Dan Peretz, M.D.,2\n\n"
              "1Department of Family Medicine, Lakeside Health System, Dayton, Ohio, USA "
              "2Department of Internal Medicine B, Carmel Health Care Campus, Tiberias, "
              "Israel\n\n"
              "Patients with familial tumoral calcinosis typically present in childhood or "
              "adolescence with deposits around the large joints. Minocycline may help "
              "calcinosis lesions that have inflammation around them. The condition is "
              "progressive, leading to disability and ultimately death from "
              "cardiorespiratory failure.\n")
EYES = ("Bone inside the eye: a review of 900 eyes\n\n"
        "RESULTS Of the 900 eyes studied, 41 had bone inside the eye. From the Departments of "
        "Ophthalmology and Pathology, Lakeview University College of Medicine, Dayton.\n")
REGISTRY = ("Naproxen to Prevent Bone Formation After Elbow Fracture\n\n"
            "NCT number NCT00912345\n"
            "Other study ID 2007-P-000123\n\n"
            "This research study is being done to learn about the effect of naproxen on "
            "unwanted bone formation after an elbow fracture.\n")
BYLINE = ("Fibrodysplasia ossificans progressiva: a case report\n\n"
          "Kwame O. Mensah\n"
          "Abena S. Owusu\n\n\n"
          "Fibrodysplasia ossificans progressiva is a rare disorder of the musculoskeletal "
          "system. The present case shows the delays in diagnosis that its rarity brings.\n")
SURGERY = ("Preventing re-ankylosis of the jaw joint\n\n"
           "British Journal of Jaw Surgery 61 (2023) 100–105\n\n"
           "R. Kumar, S. Das Department of Oral Surgery, Institute of Medical Sciences, New "
           "Delhi, India\n\n"
           "The purpose of the study was to define a protocol for the prevention of "
           "re-ankylosis after surgery for jaw joint ankylosis.\n")
LIBRARY = ("Benign Bone in the Breast: A Rare Lesion\n\n"
           "Benign osseous metaplasia of the breast is rare. This is a report of an 81-year-old "
           "woman with a right breast lesion.\n\n"
           "Main Authors: Lena Okafor, Tom Birch\n"
           "Format: Article\n"
           "Language:English\n"
           "Series:Reports in Breast Pathology\n"
           "Online Access:http://dx.doi.org/10.1000/rbp/123\n")
ANKYLOSIS = ("ISSN: 1234-5678\n\n"
             "Sara Haddad*, Omar Idrissi\n\n"
             "Department of Rheumatology, Atlas University, Rabat, Morocco\n\n"
             "Visit for more related articles at Journal of Joint Biology. Tumoral calcinosis "
             "is a rare condition with deposits of calcium in soft tissues. We report a case of "
             "a 58-year-old patient on haemodialysis.\n")
THUMB = ("Fibro-osseous pseudotumour of the thumb\n\n"
         "Derm J. 2019 Mar;31(2):210-211. A 70-year-old man had a hard mass of the thumb, which "
         "was removed. Extraskeletal osteosarcoma is among the tumours that show bone in soft "
         "tissue.\n")
SKIN = ("Bone under the skin in a boy with pseudohypoparathyroidism\n\n"
        "At 2 weeks of age subcutaneous ossifications were noted and have since appeared on "
        "both feet and the genital region. The trial will recruit 40 participants ages 18 and "
        "older.\n")
PAGES = {"library.txt": LIBRARY, "ankylosis.txt": ANKYLOSIS, "thumb.txt": THUMB,
         "skin.txt": SKIN, "news.txt": NEWS, "family.txt": FAMILY, "teeth.txt": TEETH,
         "travel.txt": TRAVEL, "review.txt": REVIEW, "calcinosis.txt": CALCINOSIS,
         "eyes.txt": EYES, "registry.txt": REGISTRY, "byline.txt": BYLINE,
         "surgery.txt": SURGERY}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    with store_of_pages(tmp_path_factory.mktemp("news"), PAGES) as kb:
        yield kb


def _read(answer) -> str:  # type: ignore[no-untyped-def]
    return " ".join((answer.answer, *(c.sentence_text for s in answer.shown()
                                       for c in s.citations)))


@pytest.mark.parametrize(("question", "said"), [
    ("Why do FOP parents read the IFOPA monthly birthday email?", "over age 50"),
    ("What's the clinicaltrials.gov number of the KESTREL study?", "NCT04455667"),
    ("What is the NCT number of the naproxen elbow fracture study?", "NCT00912345"),
    ("Who wrote the Gene Wire piece on kestrelib's orphan status, and on what date was it "
     "posted?", "May 3, 2024"),
    ("Who wrote the Gene Wire piece on kestrelib's orphan status?", "Gene Wire Staff"),
    ("how often would people take kestrelib - the article hints at the dosing schedule?",
     "once-daily"),
    ("By what age should bottle feeding be stopped?", "18 months"),
    ("Until what age should children be watched when brushing their teeth?", "under 7"),
    ("At what age do people with familial tumoral calcinosis usually first present?",
     "childhood or adolescence"),
    ("What city did the blogger and his wife travel to for the elbow consult?", "Rochester"),
    ("In which town is the Centre of Marine Sciences that wrote the fish review?", "Faro"),
    ("Where was the re-ankylosis study done?", "New Delhi"),
    ("Which hospital were most of the authors of the familial tumoral calcinosis case with "
     "bone involvement working at?", "Carmel Health Care Campus"),
    ("Which medical school's pathology department studied the eyes with bone inside?",
     "College of Medicine"),
    ("Who wrote the FOP case report on delays in diagnosis?", "Mensah"),
    ("What do people with familial tumoral calcinosis usually die of in the end?",
     "cardiorespiratory failure"),
    ("is there an antibiotic that helps calcinosis lesions with inflammation around them?",
     "Minocycline"),
    ("I live in Madrid - can my son join the KESTREL trial in Spain?", "not in Spain"),
    ("What do the organisers hope the awareness day achieves?", "fewer misdiagnoses"),
    ("Who reported the benign bone in the breast case and in which journal?",
     "Reports in Breast Pathology"),
    ("Who reported the benign bone in the breast case and in which journal?", "Okafor"),
    ("Who reported the tumoral calcinosis case in the Journal of Joint Biology and from which "
     "department?", "Rheumatology"),
    ("Who reported the tumoral calcinosis case in the Journal of Joint Biology?", "Haddad"),
    ("Where on his body did the bony lumps under the skin later appear?", "genital region"),
    ("My son is 15 - could he join the trial? whats the minimum age", "18 and older"),
])
def test_the_pages_answer(pages: KnowledgeBase, question: str, said: str) -> None:
    answer = pages.ask(question)
    assert not answer.abstained, answer.notes
    assert said in _read(answer), _read(answer)


@pytest.mark.parametrize(("question", "intent"), [
    ("Where was the re-ankylosis study done?", "place"),
    ("Which medical school's pathology lab received the eyes?", "institution"),
    ("What do people with FOP usually die of in the end?", "prognosis"),
    ("whats the minimum age to join the trial?", "age"),
    ("Who reported the breast case and in which journal?", "authors"),
    ("What is the five-year survival rate for osteosarcoma of the hand?", "share"),
])
def test_what_is_asked_is_understood(question: str, intent: str) -> None:
    assert intent in understand(question, load_lexicon()).intents


def test_a_rate_no_page_gives_is_not_answered_by_a_citations_pages(
        pages: KnowledgeBase) -> None:
    """"28(4):495-496" is a citation's pages, no range of shares."""
    assert pages.ask("What is the five-year survival rate for extraskeletal osteosarcoma of "
                     "the thumb?").abstained


def test_an_abbreviation_may_hold_a_shorter_one_in_its_capitals() -> None:
    """"FOP" gives all its letters to "IFOPA"; a short lower-case word gives none."""
    said = ["You read the International FOP Association's e-mail."]
    assert spelled_out("read the IFOPA e-mail", "ifopa", said)
    assert not spelled_out("the ASIA grade", "asia", ["as infection and as in all cases"])


def test_a_later_part_may_open_with_a_preposition() -> None:
    assert len(_parts("Who wrote the review, and in which journal did it appear?")) == 2
    assert len(_parts("Who wrote the review and on what date was it posted?")) == 2
    assert len(_parts("Was it in the arm and in the leg?")) == 1
