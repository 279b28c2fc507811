"""A question that tells the asker's situation before it asks is answered for what it asks.

Real questions open so: "I'm a new wheelchair user after a spinal cord injury. What is
heterotopic ossification?" Every sentence about cord injuries holds more of its words than
the one that says what HO is, which was never quoted; "were any preoperative variables
linked with HO after TAR?" was declined because no page writes "TAR", though the page asked
about says "total ankle replacement" throughout.
"""

from __future__ import annotations

from fixtures import ranked_evidence, store_of_pages
from osteon.ask.evaluate import readable_text
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

DEFINITION = ("Heterotopic ossification\n\n"
              "Heterotopic Ossification (HO) is the abnormal growth of bone in the "
              "non-skeletal tissues including muscle, tendons or other soft tissue.\n"
              "It is treated by a team.\n")
CASES = [(level, site, weeks) for level in ("cervical", "thoracic", "lumbar", "complete",
                                           "incomplete", "high", "low")
         for site in ("hip", "knee", "elbow", "shoulder") for weeks in (3, 6, 9)]
SITUATIONS = "Cases after cord injury\n\n" + "".join(
    f"Case {n}: heterotopic ossification after a {level} spinal cord injury was seen at "
    f"the {site} after {weeks} weeks.\n"
    for n, (level, site, weeks) in enumerate(CASES, start=1))
ANKLE = ("Heterotopic ossification after total ankle replacement\n\n"
         "Heterotopic ossification was seen in 80% of ankles after total ankle replacement.\n"
         "No preoperative variables were associated with heterotopic ossification, but its "
         "presence correlated with insufficient coverage of the tibial component.\n")


def test_what_a_concept_is_is_answered_after_the_askers_situation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pages = {"definition.txt": DEFINITION, **{f"situations{n}.txt": SITUATIONS for n in range(3)}}
    with store_of_pages(tmp_path, pages) as kb:
        answer = kb.ask("I'm a new wheelchair user after a spinal cord injury. "
                        "What is heterotopic ossification?")
    assert not answer.abstained
    assert "abnormal growth of bone" in answer.answer  # it leads, over the cases


def test_the_askers_abbreviation_written_out_by_the_page_is_no_unknown_word(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"ankle.txt": ANKLE}) as kb:
        answer = kb.ask("Were any preoperative variables linked with HO after TAR?")
        unknown = kb.ask("Were any preoperative variables linked with HO after ECMO?")
    assert not answer.abstained
    assert "No preoperative variables" in readable_text(answer)
    assert unknown.abstained  # initials no sentence spells out are still unknown


REHAB = ("Heterotopic ossification after spinal cord injury\n\n"
         "HO can only occur below your injury level and is an unknown occurrence after "
         "spinal cord injury.\n"
         "Heterotopic Ossification or HO is an abnormal bone growth in the non skeletal "
         "tissues.\n"
         "It is seen in people with a spinal cord injury.\n")


def test_a_sentence_says_what_a_concept_is_only_when_it_opens_with_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "HO can only occur below the injury and is unknown" says where HO occurs, not what
    it is; "Heterotopic Ossification or HO is an abnormal bone growth" does, whatever else
    the question names ("… for someone living with a spinal cord injury")."""
    with store_of_pages(tmp_path, {"rehab.txt": REHAB}) as kb:
        answer = kb.ask("What is HO in simple words, for someone living with a spinal cord "
                        "injury?")
    assert "abnormal bone growth" in answer.answer


EAGLE = ("A bird of prey\n\n"
         "A golden eagle was found with a wing wound from a gunshot.\n"
         "Radiographs showed heterotopic ossification around the ulna.\n")
INJURIES = ("Injuries and new bone\n\n"
            "Physical trauma and bodily injury are common in accidents.\n"
            "A traumatic injury often damages muscle.\n"
            "Bodily injury of any kind brings pain and swelling.\n"
            "Physical trauma to a muscle left a bruise.\n")
OTHER = ("Heterotopic ossification at the {site}\n\n"
         "Heterotopic ossification may follow an injury of the {site}.\n"
         "New bone then forms in the muscles around the {site}.\n")
SITES = ("hip", "knee", "elbow", "shoulder", "ankle", "wrist")


def test_the_page_the_question_names_outweighs_one_holding_other_names_of_its_words(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "What injury caused the HO in the eagle?" is about the page that says "eagle", not
    the one holding every other name of an injury ("physical trauma", "bodily injury")."""
    pages = {"eagle.txt": EAGLE, "injuries.txt": INJURIES,
             **{f"other{n}.txt": OTHER.format(site=site) for n, site in enumerate(SITES)}}
    with store_of_pages(tmp_path, pages) as kb:
        ranked = ranked_evidence(kb.knowledge, "What injury caused the bone in the eagle?")
    context = {r.place.doc_id: r.features["context"] for r in ranked}
    assert context["eagle"] > context["injuries"]


def test_the_situation_names_no_intent_the_asking_sentence_does_not_ask() -> None:
    """ "… now his shoulders are stiff. Did the young man get back to normal?" (set 106)
    asks how the case went: the stiffness told first had made it a symptoms question, and
    the answer listed symptoms."""
    lexicon = load_lexicon()
    asked = understand("My brother was in intensive care for weeks and now his shoulders are "
                       "stiff. In that case with bone in both hips, did the young man get back "
                       "to normal?", lexicon)
    told = understand("My brother's shoulders are stiff and painful: what symptoms does "
                      "heterotopic ossification cause?", lexicon)
    recovered = understand("How did the FOP patient recover after the extraction?", lexicon)
    assert asked.intents == ("prognosis",), asked.intents
    assert told.intents[0] == "symptoms", told.intents
    assert "prognosis" in recovered.intents, recovered.intents
