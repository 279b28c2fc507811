"""What the questions of set 52 showed, in pages and questions written for the test: the
asking words say what a question asks first; a paper's title in quotation marks and a
name's initials with a comma inside ("UCLA") are no topics the sources leave out; an age
("over 60 years of age") is no length of time.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

STUDY = (
    "Shoulder replacement and bone\n\n"
    "Heterotopic ossification after reverse shoulder arthroplasty was studied in a registry.\n"
    "A total of 16 patients with a clinical diagnosis were found in the registry.\n"
    "When CT was used, the University of California, Los Angeles score was lower in patients "
    "with heterotopic ossification (27.0 vs. 30.4).\n"
    "Risk factors include trauma, prolonged bed rest, male sex and being over 60 years of "
    "age.\n")


def test_the_asking_words_say_what_is_asked_first() -> None:
    """ "How many months does it take to settle with conservative treatment?" asks a length
    of time; the treatment is named in passing (it was answered as a treatment question)."""
    lexicon = load_lexicon()
    asked = understand("How many months does a Pellegrini-Stieda lesion take to settle with "
                       "conservative treatment?", lexicon)
    assert asked.intents[0] == "length", asked.intents
    assert "treatment" in asked.intents  # still asked: the order, not the set, changes
    # a question its topic words open is still about its topic
    assert understand("Which treatment helps, and how many months does it take?",
                      lexicon).intents[0] == "treatment"


def test_a_cited_title_and_spelled_out_initials_are_in_the_sources(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The paper 'Faces of Bone' is how the asker names the study; "UCLA" is what the page
    writes in full with a comma inside. Neither makes the question one the pages leave out;
    a name the asker asks about (not in quotation marks by a source noun) still does."""
    with store_of_pages(tmp_path, {"study.txt": STUDY}) as kb:
        titled = kb.ask("In the Indian registry paper 'Faces of Bone', how many patients had "
                        "a clinical diagnosis?")
        initials = kb.ask("After reverse shoulder arthroplasty, what were the UCLA scores with "
                          "and without heterotopic ossification on CT?")
        asked = kb.ask("How many patients in Shining Faces had a clinical diagnosis?")
    assert not titled.abstained and "16" in titled.answer, titled.answer
    assert not initials.abstained, initials.notes
    assert any("Los Angeles" in c.sentence_text for s in initials.evidence for c in s.citations)
    assert asked.abstained


def test_an_age_is_no_length_of_time(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "over 60 years of age" on the page does not say how many days a stay lasted."""
    with store_of_pages(tmp_path, {"study.txt": STUDY}) as kb:
        answer = kb.ask("How many days was the man with shoulder heterotopic ossification on "
                        "bed rest?")
    assert answer.abstained, answer.answer


FOP_PAGE = (
    "Living with FOP\n\n"
    "Fibrodysplasia ossificans progressiva (FOP) is a rare genetic disorder in which muscle "
    "turns into bone.\n"
    "Genetic counseling is offered to families of children with FOP.\n"
    "There is no cure for FOP, but palovarotene can reduce new bone.\n"
    "A 2012 meta-analysis found heterotopic ossification in 38% of patients two years after "
    "cervical disc replacement.\n")


def test_the_askers_kin_manner_and_source_are_no_topics(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "my nephew", "in plain English", "the Eur Spine J meta-analysis", a British
    "counsellor" beside the page's "counseling": none is a topic the page leaves out; a
    topic it does leave out still is."""
    with store_of_pages(tmp_path, {"fop.txt": FOP_PAGE}) as kb:
        asked = {q: kb.ask(q) for q in (
            "My nephew was just diagnosed with FOP - is there any cure yet?",
            "What is FOP in plain English?",
            "In the 2012 Eur Spine J meta-analysis, how common was HO two years after "
            "cervical disc replacement?",
            "Should the family of a child with FOP see a genetics counsellor?")}
        beyond = kb.ask("Should a child with FOP see an acupuncturist?")
    assert not [q for q, a in asked.items() if a.abstained], [
        (q, a.notes) for q, a in asked.items() if a.abstained]
    assert beyond.abstained


TRIAL_PAGE = (
    "The ALKBLOCK trial\n\n"
    "ALKBLOCK is a double blind randomised trial of a kinase blocker in fibrodysplasia "
    "ossificans progressiva, lasting 6 months, followed by a 12-month open-label extension.\n"
    "After the film, Julie wrote to Dr Smith, who advised her to join the online FOP "
    "community.\n"
    "Blood tests were within normal limits in the patient with heterotopic ossification.\n"
    "The charity gave 40,000 dollars of its research money to the international FOP "
    "association.\n"
    "Patients on the drug should not donate blood.\n"
    "We present a 47 year old man with heterotopic ossification of the hip after "
    "Guillain Barre syndrome.\n")


def test_more_wordings_the_pages_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Spent set 51 showed each: a verb after a name ("did Julie contact"), an adverb
    ("elsewhere"), chart talk ("bloods"), a trial's "part" that lasts (no size), a
    donation's share (money, not a dose), and "GBS" written out once on the page."""
    lexicon = load_lexicon()
    assert understand("How long is the blinded part of ALKBLOCK?", lexicon).intents[0] != "size"
    assert understand("How long was the ossified part of the tendon?",
                      lexicon).intents[0] == "size"
    assert understand("Of the research donation, how much went to the association?",
                      lexicon).intents[0] == "cost"
    assert understand("Why is blood donation not allowed on palovarotene?",
                      lexicon).intents[0] != "cost"
    with store_of_pages(tmp_path, {"trial.txt": TRIAL_PAGE}) as kb:
        asked = {q: kb.ask(q) for q in (
            "Which community did Smith tell the family to join, and which doctor did Julie "
            "contact?",
            "Of the research donation, how much went to the FOP association and how much "
            "elsewhere?",
            "Were the bloods off in the patient with heterotopic ossification?",
            "Physio here - what happened to the hip of that GBS patient?")}
    assert not [q for q, a in asked.items() if a.abstained], [
        (q, a.notes) for q, a in asked.items() if a.abstained]
