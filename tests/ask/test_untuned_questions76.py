"""Questions the dev sets 74 and 76 found declined or misread (issue 14).

Pages written for the test (no source text): a screening study that counts what it
screened ("a total of 4,210 molecules"), and a case report whose operation is told four
sentences after the patient is introduced, beside a report of another patient.
"""

from __future__ import annotations

from fixtures import store_of_pages

SCREEN = ("A drug search for FOP\n\n"
          "Researchers in Osaka grew stem cells from people with FOP.\n"
          "The cells were made to mimic FOP tissue in the dish.\n"
          "Subsequently, a total of 4,210 molecules were applied to the cells.\n"
          "One of them, a transplant drug, stopped the cells from turning into bone.\n")
OTHER = ("Heterotopic ossification\n\n"
         "Heterotopic ossification is bone in soft tissue after an injury.\n"
         "About 900 people worldwide are known to have FOP.\n"
         "Most patients keep most of their movement.\n")


def test_how_many_of_a_thing_no_answer_type_lists_is_answered_by_its_count(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"how many molecules did the Osaka team screen?": the figure before "molecules"
    answers, and "screen", the verb after "did the Osaka team", is the asker's phrasing,
    not a topic no source mentions."""
    with store_of_pages(tmp_path, {"screen.txt": SCREEN, "other.txt": OTHER}) as kb:
        answer = kb.ask("How many molecules did the Osaka team screen in FOP?")
    assert not answer.abstained, answer.notes
    quoted = [c.sentence_text for s in answer.evidence for c in s.citations]
    assert any("4,210 molecules" in q for q in quoted[:2]), quoted


CASES = ("Two case reports of heterotopic ossification\n\n"
         "Here, we report a 52-year-old woman with bladder stones after pelvic surgery.\n"
         "She was treated by cystolithotomy.\n"
         "Case presentation: A 35-year-old man, with a history of recurrent falls in the past "
         "year, presented with pain in both hips.\n"
         "Physical examination showed stiffness of both hips and knees.\n"
         "Plain x-ray showed patchy ossification from the hips to the knees.\n"
         "CT confirmed extensive ossification along the gluteal muscles.\n"
         "Excision of ossified tissues and release of the iliotibial bands were performed.\n"
         "He walked again after six weeks.\n")


def test_what_was_done_in_a_case_is_read_on_from_the_patients_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The operation shares no word with "what operation did the 35-year-old … have?";
    it is told after the sentence that names the 35-year-old, and it answers (a kind of
    operation answers "what operation", though "operation" itself is the question's own
    concept); the other patient's cystolithotomy does not."""
    with store_of_pages(tmp_path, {"cases.txt": CASES, "other.txt": OTHER}) as kb:
        answer = kb.ask("What operation did the 35-year-old with hip and knee HO have?")
    assert not answer.abstained, answer.notes
    quoted = [c.sentence_text for s in answer.evidence for c in s.citations]
    done = [i for i, q in enumerate(quoted) if "Excision of ossified tissues" in q]
    other = [i for i, q in enumerate(quoted) if "cystolithotomy" in q]
    assert done, quoted
    assert not other or done[0] < other[0], quoted


def test_the_verb_after_a_named_subject_phrases_the_question() -> None:
    """"did the CiRA team SCREEN": the word after an opening verb and its subject (a
    determiner, a name, a noun) is the verb, not a topic the sources must mention."""
    from osteon.ask.understand import question_rules
    from osteon.ask.unmentioned import _phrasing

    roles = _phrasing("How many drug compounds did the CiRA team screen on the cells?",
                      question_rules())
    assert "screen" in roles
    # a plain subject of a determiner and a noun still works as before
    assert "remove" in _phrasing("Which organs did the vets remove?", question_rules())


STORY = ("Living with stone man syndrome\n\n"
         "Mara Lind cannot raise her arms above her head.\n"
         "As of 2022, only about 900 people worldwide are known to have FOP, according to "
         "the International FOP Association.\n")
SEED_LIKE = ("Health questions answered\n\n"
             "Health workers see heterotopic ossification after hip surgery.\n"
             "It forms in muscle near the joint.\n")


def test_a_web_sites_name_does_not_name_another_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"according to the Health.com piece": the site a page was found on is not in its text;
    another page's word "Health" does not make that page the one asked about."""
    with store_of_pages(tmp_path, {"story.txt": STORY, "health.txt": SEED_LIKE}) as kb:
        answer = kb.ask("As of 2022, about how many people worldwide were known to have FOP, "
                        "according to the Health.com piece?")
    assert not answer.abstained, answer.notes
    assert "900" in answer.answer, answer.answer


PAPER = ("Fibrodysplasia ossificans progressiva. The clinical features of 34 patients\n\n"
         "Abstract\n\n"
         "Thirty-four patients with fibrodysplasia ossificans progressiva are described.\n"
         "Marked delay in diagnosis was usual.\n")
POSTER = ("Flap reconstruction and heterotopic ossification\n\n"
          "Colin W. Baird1, Ann B. Moss2 1Faculty of Medicine, University of British "
          "Columbia, Vancouver 2Division of Plastic Surgery, Children's Hospital, Vancouver\n"
          "Heterotopic ossification is bone in soft tissue.\n")


def test_a_name_of_two_words_no_page_writes_whole_names_no_page_by_its_part(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"the 1982 JBJS British paper": no page writes "JBJS British"; the poster's "British
    Columbia" does not make it the page asked about."""
    with store_of_pages(tmp_path, {"paper.txt": PAPER, "poster.txt": POSTER}) as kb:
        answer = kb.ask("How many patients were described in the 1982 JBJS British paper on the "
                        "clinical features of FOP?")
    assert not answer.abstained, answer.notes
    assert "Thirty-four" in answer.answer, answer.answer


def test_numbered_authors_and_their_affiliations_answer_who_wrote_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"paper.txt": PAPER, "poster.txt": POSTER}) as kb:
        who = kb.ask("Who wrote the poster on flap reconstruction and heterotopic ossification?")
        where = kb.ask("Which university were the authors of the flap reconstruction poster "
                       "from?")
    assert not who.abstained and "Baird" in who.answer, (who.answer, who.notes)
    assert not where.abstained and "University of British Columbia" in where.answer, (
        where.answer, where.notes)


def test_stopping_a_drug_is_searched_as_its_discontinuation() -> None:
    """"once I stop taking it, will it grow again?" over "after the administration of
    indomethacin was discontinued"."""
    from osteon.ask.understand import understand
    from osteon.reading.lexicon import load_lexicon

    asked = understand("Once I stop taking indomethacin, will the HO grow again?",
                       load_lexicon())
    assert "discontinued" in asked.related
