"""What the questions of set 56 showed, in pages and questions written for the test: a size
asked by its unit ("how big, in millimetres, …"), a grade, what one test showed, a share
asked in so many words, and a question naming its source before it asks.
"""

from __future__ import annotations

from fixtures import ranked_evidence, store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

CASE = (
    "Bony lump of the finger in a carpenter\n\n"
    "A 41-year-old carpenter had a fast-growing lump on his ring finger.\n"
    "The lump was removed and found to be a fibro-osseous pseudotumour.\n"
    "Plain radiographs showed a faint calcified shadow beside the middle phalanx.\n"
    "He had no pain at follow-up.\n"
    "MRI is often used to plan the removal of soft-tissue lumps of the hand.\n")


def test_a_size_asked_by_its_unit_needs_a_size(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How big, in millimetres, was the pseudotumour removed?" was read as a treatment
    question and answered with the removal; the unit asks a size, which a page that gives
    none does not answer, and one that gives it does."""
    lexicon = load_lexicon()
    assert understand("How big, in millimetres, was the pseudotumour removed from his "
                      "finger?", lexicon).intents[0] == "size"
    with store_of_pages(tmp_path, {"finger.txt": CASE}) as kb:
        none = kb.ask("How large, in centimetres, was the lump removed from the carpenter's "
                      "finger?")
    (tmp_path / "sized").mkdir()
    sized = CASE + "The excised lump measured 14 mm across.\n"
    with store_of_pages(tmp_path / "sized", {"finger.txt": sized}) as kb:
        given = kb.ask("How large, in millimetres, was the lump removed from the carpenter's "
                       "finger?")
    assert none.abstained, none.answer
    assert "14 mm" in given.answer, given.answer


def test_what_one_test_showed_needs_that_test(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "What did the MRI show in …?" was answered with the case's opening sentence, which
    names no MRI; a sentence naming the test and what it showed answers it, and one naming
    the test without a finding (what MRI is used for) does not."""
    with store_of_pages(tmp_path, {"finger.txt": CASE}) as kb:
        mri = kb.ask("What did the MRI show in the carpenter with the finger lump?")
        films = kb.ask("What did the x-rays show in the carpenter with the finger lump?")
    assert mri.abstained, mri.answer
    assert "calcified shadow" in films.answer, films.answer


def test_a_grade_needs_a_grade(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "What Brooker grades were the cases?" was read as a treatment question; the sentence
    giving the grades ("3, BC I; 1, BC III") answers it, and a page giving none does not."""
    graded = ("NSAID cover after hip arthroscopy\n\n"
              "All 210 hips received naproxen after hip arthroscopy.\n"
              "Four hips developed heterotopic ossification (3, BC I; 1, BC III).\n"
              "Radiographs were taken at 3 and 12 months and graded by the Brooker "
              "classification (BC).\n")
    ungraded = graded.replace(" (3, BC I; 1, BC III)", "")
    with store_of_pages(tmp_path, {"hips.txt": graded}) as kb:
        given = kb.ask("What Brooker grades were the HO cases after hip arthroscopy with "
                       "naproxen?")
    (tmp_path / "none").mkdir()
    with store_of_pages(tmp_path / "none", {"hips.txt": ungraded}) as kb:
        none = kb.ask("What Brooker grades were the HO cases after hip arthroscopy with "
                      "naproxen?")
    assert "BC III" in given.answer, given.answer
    assert none.abstained, none.answer


def test_a_share_asked_in_so_many_words_needs_a_figure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "What percentage of women have a live birth after …?" was answered "it is a rare
    cause of infertility"; "what percentage" asks a figure."""
    page = ("Bone in the womb\n\n"
            "Osseous metaplasia of the endometrium is a rare cause of infertility.\n"
            "Removing the bone by hysteroscopy usually restores fertility.\n")
    with store_of_pages(tmp_path, {"womb.txt": page}) as kb:
        answer = kb.ask("What percentage of women with bone in the womb lining have a baby "
                        "after hysteroscopic removal?")
    assert answer.abstained, answer.answer


def test_a_source_named_before_the_question_does_not_pick_the_sentence(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "In the FOP dental case report, what was unusual about his big toes?": the words
    naming the report find its page, not its sentence that names the report; the sentence
    about the toes (its "hallux") answers, and a repeated word ("according to the sports
    clinic, which sports…") still counts for the sentence."""
    lexicon = load_lexicon()
    from osteon.ask.understand import pointed_words, question_rules
    rules = question_rules()
    assert pointed_words("In the FOP dental case report, what was unusual?", rules,
                         set_off=True) == {"fop", "dental", "case", "report"}
    assert "sports" not in pointed_words("According to the sports clinic, which sports "
                                         "raise the risk?", rules, set_off=True)
    assert not pointed_words("Did the bone come back in those spinal cord patients?", rules,
                             set_off=True)  # people, not a document: what is asked of
    assert lexicon is not None
    report = ("Dental care in fibrodysplasia ossificans progressiva: a case report\n\n"
              "This dental case report describes a man with FOP referred to our dental "
              "service.\n"
              "His hallux was short and deviated on both feet, which is unusual.\n"
              "Dental visits were kept brief.\n")
    with store_of_pages(tmp_path, {"dental.txt": report}) as kb:
        answer = kb.ask("In the FOP dental case report, what was unusual about his feet?")
    assert answer.answer.startswith("From the sources: His hallux"), answer.answer


def test_who_a_case_is_about_and_a_plural_lay_word_are_no_unmentioned_topics(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How was the diagnosis confirmed in the teenager's hindfoot HO?" was declined: "No
    source mentions 'teenager'" (the page says "a 14-year-old girl"); "can bumps and knocks
    make them worse?" likewise for "knocks", though the sources' word for a knock is
    trauma."""
    page = ("Heel ossification in a girl\n\n"
            "A 14-year-old girl had a hard painful mass of the heel.\n"
            "After complete excision, histology confirmed the diagnosis of heterotopic "
            "ossification.\n"
            "Trauma can make the masses of heterotopic ossification grow faster.\n")
    with store_of_pages(tmp_path, {"heel.txt": page}) as kb:
        confirmed = kb.ask("How was the diagnosis confirmed in the teenager's heel HO?")
        knocks = kb.ask("Can bumps and knocks make heterotopic ossification worse?")
    assert "histology confirmed" in confirmed.answer, confirmed.notes
    assert "Trauma can make" in knocks.answer, knocks.notes


def test_a_figure_of_one_patients_case_is_on_that_cases_page(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How large was the bone removed from the 14-year-old girl's heel?" was answered with
    another page's "a mass of 80 mm" in a 71-year-old: one patient's figure is on her page."""
    girl = ("Heel ossification in a girl\n\n"
            "A 14-year-old girl had a hard painful mass of the heel.\n"
            "The heterotopic ossification was removed whole.\n")
    other = ("Ossified tendon\n\n"
             "A heterotopic ossification mass of 80 mm was found in the tendon of a "
             "71-year-old woman.\n")
    question = "How large, in millimetres, was the heterotopic bone removed from the " \
               "14-year-old girl's heel?"
    with store_of_pages(tmp_path, {"girl.txt": girl, "tendon.txt": other}) as kb:
        answer = kb.ask(question)
    assert answer.abstained, answer.answer


def test_each_part_of_a_question_has_its_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Were the girl's blood tests abnormal, and what could be felt on her back?": the best
    sentences for the whole may all answer the first part (dev56: the second part's "on her
    back there were hard nodules" was not quoted); each later part's own best sentence on a
    quoted page joins them, and a question of one part adds none."""
    from osteon.ask.answer import _each_part
    from osteon.ask.understand import question_rules, understand

    page = ("A two-year-old girl with FOP\n\n"
            "The little girl's blood tests were within the normal range.\n"
            "On her back there were several hard nodules under the skin.\n"
            "Her neck was short and wide.\n")
    question = ("Were the little girl's blood tests abnormal, and what could be felt on her "
                "back?")
    with store_of_pages(tmp_path, {"girl.txt": page}) as kb:
        knowledge = kb.knowledge
        asked = understand(question, knowledge.lexicon)
        first = ranked_evidence(knowledge, "Were the little girl's blood tests abnormal?")[:1]
        parts = _each_part(knowledge, asked, first)
        alone = _each_part(knowledge, understand("Were her blood tests abnormal?",
                                                 knowledge.lexicon, question_rules()), first)
    assert [r.place.text for r in parts] == [
        "On her back there were several hard nodules under the skin."], parts
    assert alone == []
