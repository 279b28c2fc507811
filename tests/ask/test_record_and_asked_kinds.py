"""What a page records of itself, and what a question asks, in the forms real pages use.

Found on page set 108, where each was declined or answered with a sentence that did not
say it:

- a library record lists the authors under the record's title, "Niebel, Dennis; …": read
  after the title it was in the same list item with, the line was no byline;
- "when he was two and a half years old" is an age, "two and a half years" a duration;
- a portal glues a registry number to its label: "Trial IDNIH-10900159";
- a publisher's page names its journal before "Aims and scope";
- "what piece of equipment", "for bothersome lesions": the words say what kind of answer
  is asked and how the asker feels, not what no source treats;
- "what age group does it mostly hit?", "on what date…?", "how does HO affect patients?"
  each ask something the sources answer.
"""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

LIBRARY = ("Digital library of the faculty\n"
           "E-resources\n"
           "  • Bone in the skin and calcium in the skin: a re...\n"
           "    Marlow, Hester; Quayle, Tobias; Ferreira, Inês\n\n"
           "    Journal of cutaneous medicine, 04/2019, Volume: 8, Issue: 2\n"
           "    Journal Article\n\n"
           "    Osteoma cutis is bone that forms in the skin, and calcinosis cutis is calcium "
           "that settles in the skin. Primary osteoma cutis arises without any earlier skin "
           "disease. Excision is an option for lesions that trouble the patient.\n")
DIARY = ("Our family diary\n\n"
         "Noah has fibrodysplasia ossificans progressiva.\n"
         "When he was two and a half years old, we noticed a lump on the back of his neck.\n"
         "The doctors ordered scans and gave us three different diagnoses.\n")
PORTAL = ("Predicting bone in soft tissue after injury\n\n"
          "AgesAdults\n"
          "SponsorNORTHFIELD UNIVERSITY MEDICAL CENTER\n"
          "Locations1 site (LEEDS, UNITED KINGDOM)\n"
          "Trial IDNIH-20417733 on ClinicalTrials.gov\n\n"
          "What this research studies\n\n"
          "This study looks for blood markers that predict heterotopic ossification after "
          "trauma.\n")
PUBLISHER = ("Skip to main content\n\n"
             "Where heterotopic bone comes from\n\n"
             "  • Review\n"
             "  • Published:\n"
             "Calcified Matter International Aims and scope Submit manuscript\n\n"
             "Abstract\n\n"
             "Heterotopic ossification is bone that forms in soft tissue. This review weighs "
             "which cells give rise to it after trauma and in fibrodysplasia ossificans "
             "progressiva.\n")


def test_a_byline_in_a_records_list_item_names_the_authors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"library.txt": LIBRARY}) as kb:
        answer = kb.ask("Who wrote the 2019 review on osteoma cutis and calcinosis cutis?")
    assert not answer.abstained
    assert "Marlow, Hester" in answer.answer


@pytest.mark.parametrize(("page", "question", "said"), [
    (DIARY, "How old was Noah when they found the lump?", "two and a half years old"),
    (PORTAL, "what is the trial id for the blood marker study", "20417733"),
    (PUBLISHER, "Which journal published the review 'Where heterotopic bone comes from'?",
     "Calcified Matter International"),
])
def test_a_detail_in_the_form_a_page_writes_it_is_given(tmp_path, page: str, question: str,  # type: ignore[no-untyped-def]
                                                         said: str) -> None:
    with store_of_pages(tmp_path, {"page.txt": page}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, question
    assert said in readable_text(answer)


@pytest.mark.parametrize("question", [
    "What piece of equipment did the doctors use for the lesions of osteoma cutis?",
    "what treatments does the article mention for bothersome osteoma cutis lesions",
])
def test_the_kind_asked_and_the_askers_adjective_are_no_unknown_topic(tmp_path,  # type: ignore[no-untyped-def]
                                                                       question: str) -> None:
    with store_of_pages(tmp_path, {"library.txt": LIBRARY}) as kb:
        answer = kb.ask(question)
        unknown = kb.ask("Is osteoma cutis contagious?")
    assert not answer.abstained, question
    assert unknown.abstained  # an adjective that is itself what is asked stays unknown


@pytest.mark.parametrize(("question", "intent"), [
    ("What age group does tumoral calcinosis mostly hit?", "affected"),
    ("On what date was the blog post about the bone scan written?", "year"),
    ("How does HO affect patients, according to the abstract?", "prognosis"),
])
def test_the_question_asks_what_its_words_ask(question: str, intent: str) -> None:
    assert intent in understand(question, load_lexicon()).intents
