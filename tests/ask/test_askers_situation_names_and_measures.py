"""Questions as new pages and their readers put them, in pages written for the test.

The asker's informant ("the pediatrician said maybe …") and words for money and activity
the page says otherwise ("insurance" over "paid out of pocket", "overactive" over
"activation"); a name given by a sentence that points back ("It is often referred to
as …"); a time in minutes; a biopsy's "the result was …"; an age range that is no share;
a people named for its country ("80 Japanese"); and the corresponding author's line.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

NEWS = ("Girl with stone man syndrome\n\n"
        "Mia was diagnosed with fibrodysplasia ossificans progressiva at the age of four.\n"
        "Her parents have paid for all of her medical bills out of pocket.\n"
        "There is no cure, and around 80 Japanese are said to suffer from the condition.\n")

IMMUNE = ("Immune cells in FOP\n\n"
          "FOP macrophages showed increased TGF-beta production and prolonged activation of "
          "the NF-kB pathway.\n"
          "SMAD phosphorylation was not changed.\n")

SKIN = ("Pilomatricoma\n\n"
        "Pilomatricoma is a calcified tumor of the skin in children.\n"
        "It is a hard nodule on the head or neck.\n"
        "It may occur at any age, most commonly before 20 years of age, with another peak "
        "in the 50-70 age range.\n"
        "Rarely, a pilomatrix carcinoma may occur.\n")

BONE = ("Melorheostosis around the knee\n\n"
        "Melorheostosis was first described in 1922 by Leri and Joanny.\n"
        "It is often referred to as candle bone disease or flowing hyperostosis.\n")

CASE = ("Calcinosis treated with sodium thiosulfate\n\n"
        "  1. Correspondence to Dr Ana Ruiz; anaruiz{at}example.org\n\n"
        "A 54-year-old woman presented with hard calcified lesions on the legs.\n"
        "Phosphate binders had not helped, and serum calcium levels were never measured.\n"
        "She was started on 12.5 g of IV sodium thiosulfate 3 times weekly infused over 30 "
        "minutes.\n"
        "A biopsy was performed and the result was calcified fibrous tissue.\n")


def test_the_askers_informant_and_their_everyday_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "The pediatrician said maybe pilomatricoma" tells who said it, no topic the pages
    must treat; "insurance" and "overactive" are what the pages call paying out of pocket
    and a pathway's activation. Each had been declined as a word no source holds."""
    with store_of_pages(tmp_path, {"news.txt": NEWS, "immune.txt": IMMUNE,
                                   "skin.txt": SKIN}) as kb:
        lump = kb.ask("My daughter has a hard lump on her neck and the pediatrician said maybe "
                      "pilomatricoma. What is it?")
        paid = kb.ask("Did insurance cover Mia's treatment or did the family pay?")
        pathway = kb.ask("Which pathways were overactive in FOP immune cells?")
        passive = kb.ask("How is the jellyfish thought to turn into bone?")
    assert "calcified tumor" in readable_text(lump), lump.notes
    assert "out of pocket" in readable_text(paid), paid.notes
    assert "NF-kB" in readable_text(pathway), pathway.notes
    assert passive.abstained  # "the jellyfish thought to …" tells of no one's word


def test_what_a_sentence_that_points_back_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "It is often referred to as candle bone disease" gives the other names of the
    condition the sentence before named (the "it" had been read as the "it is … to" of a
    sentence that says nothing of its own)."""
    with store_of_pages(tmp_path, {"bone.txt": BONE}) as kb:
        answer = kb.ask("What other names does melorheostosis go by?")
    assert "candle bone disease" in readable_text(answer), answer.answer


def test_minutes_a_biopsys_result_and_an_age_range(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An infusion "over 30 minutes" tells how long it ran and "the result was …" what a
    biopsy showed; an age range ("the 50-70 age range") is no share of patients, so "what
    percentage …?" is not answered by it."""
    with store_of_pages(tmp_path, {"case.txt": CASE, "skin.txt": SKIN}) as kb:
        infusion = kb.ask("How long did each sodium thiosulfate infusion run?")
        biopsy = kb.ask("What did the biopsy show in the calcinosis case?")
        share = kb.ask("What percentage of pilomatricomas turn into pilomatrix carcinoma?")
    assert "30 minutes" in infusion.answer, infusion.answer
    assert "calcified fibrous tissue" in biopsy.answer, biopsy.answer
    assert share.abstained, share.answer


def test_a_value_is_of_the_thing_the_question_measures(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "What was the serum phosphate level of the woman?" is not answered by her dose of
    sodium thiosulfate (a value, of another thing); a page that gives her phosphate does,
    as a figure or as too low to measure."""
    question = "What was the serum phosphate level of the woman treated with sodium thiosulfate?"
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        unanswered = kb.ask(question)
    (tmp_path / "more").mkdir()
    given = CASE + "Her serum phosphate was 4.1 mg/dL.\n"
    with store_of_pages(tmp_path / "more", {"case.txt": given}) as kb:
        answered = kb.ask(question)
    (tmp_path / "none").mkdir()
    with store_of_pages(tmp_path / "none", {"case.txt": CASE + "Her serum phosphate was "
                                            "undetectable.\n"}) as kb:
        undetectable = kb.ask(question)
    assert unanswered.abstained, unanswered.answer
    assert "4.1 mg/dL" in answered.answer, answered.answer
    assert "undetectable" in undetectable.answer, undetectable.answer  # too low to measure


def test_a_countrys_people_and_the_corresponding_author(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How many people in Japan have FOP?" is answered by "around 80 Japanese are said to
    suffer", and "who was the corresponding author?" by the line "Correspondence to Dr …"."""
    with store_of_pages(tmp_path, {"news.txt": NEWS, "case.txt": CASE}) as kb:
        people = kb.ask("About how many people in Japan have the condition?")
        author = kb.ask("Who was the corresponding author of the calcinosis case?")
    assert "80 Japanese" in readable_text(people), people.answer
    assert "Ana Ruiz" in author.answer, author.answer


CATALOGUE = ("Calcific myonecrosis in an ancient skeleton\n\n"
             "On the left lower leg, the tibia and fibula were fused by a calcified f...\n\n"
             "Abstract\n\n"
             "On the left lower leg, the tibia and fibula were fused by a calcified fusiform "
             "mass.\n"
             "The skeleton belonged to a man aged 25 to 34 years.\n")


def test_a_teaser_cut_off_mid_word_gives_way_to_the_whole_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A catalogue page shows its abstract's opening cut off ("… by a calcified f..."), then
    the abstract: the whole sentence is quoted, not the teaser that hid the answer."""
    with store_of_pages(tmp_path, {"catalogue.txt": CATALOGUE}) as kb:
        answer = kb.ask("What were the tibia and fibula fused by on the left lower leg?")
    assert "calcified fusiform mass" in answer.answer, answer.answer
