"""What the questions of set 54 showed, in pages and questions written for the test: "how
much" of a tissue asks a length, not a dose; everyday words the sources say otherwise
("collarbone" inside "infraclavicular", "settle", "carries on", "straight away"); a figure
spelled out ("an average of four"); a condition's adjective ("synostotic" for "synostosis");
and a question about how bone forms in a thing the injury model does not hold.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon import KnowledgeBase
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon

CASE = (
    "Ossification of the gut wall after aortic surgery\n\n"
    "Heterotopic ossification of the gut wall was found at a second laparotomy.\n"
    "We resected 85 cm of the jejunum and joined the ends with a stapled anastomosis.\n"
    "The patient was given indomethacin 25 mg to prevent recurrence.\n"
    "A 52-year-old woman had a hard lump in the infraclavicular area.\n"
    "Lumps of this kind are a self-limiting form of heterotopic ossification.\n"
    "If the athlete is able to continue running, padding should be taped over the thigh.\n"
    "Acute management should focus on cooling the thigh with ice.\n"
    "Patients see an average of four surgeons before the right diagnosis is made.\n")

SYNOSTOSIS = (
    "Radioulnar bridging\n\n"
    "Forearm synostotic ossification is thought to occur through bleeding between the bones "
    "and subsequent ossification of the clot.\n"
    "It is seen after fractures of both forearm bones.\n")


def test_how_much_of_a_tissue_asks_a_length_not_a_dose(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How much small bowel was cut out?" was read as a dose question and abstained on (no
    dose of bowel); "how much indomethacin" still asks a dose."""
    lexicon = load_lexicon()
    assert "dose" not in understand("How much small bowel was cut out?", lexicon).intents
    assert understand("How much indomethacin is given?", lexicon).intents[0] == "dose"
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        answer = kb.ask("How much small bowel had to be cut out, and how were the ends joined?")
    assert not answer.abstained and "85 cm" in answer.answer, answer.answer


def test_how_much_blood_asks_a_volume_of_blood(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How much blood was drained?" is answered by "40 mls of blood was drained"; "how much
    blood was lost?" over a page that gives only the mass's size (12 cm) is not."""
    drain = ("Thigh haematoma\n\n"
             "About 40 mls of blood was drained from the thigh haematoma.\n")
    resect = ("Hip bone\n\n"
              "A 12 cm bony mass of the hip was resected.\nBlood loss was recorded.\n")
    with store_of_pages(tmp_path, {"thigh.txt": drain}) as kb:
        drained = kb.ask("How much blood did they drain from the thigh haematoma?")
    (tmp_path / "resect").mkdir()
    with store_of_pages(tmp_path / "resect", {"hip.txt": resect}) as kb:
        lost = kb.ask("How much blood was lost during the resection of the bony mass?")
    assert "40 mls" in drained.answer, drained.answer
    assert lost.abstained, lost.answer


def test_everyday_words_the_sources_say_otherwise_are_in_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A collarbone is "clavicular" even inside "infraclavicular"; "settle by itself" is
    "self-limiting"; "carries on" is "continue"; "straight away" is "acute"; and "an average
    of four" is an average. Each was abstained on as a thing no source mentions (or as an
    average no sentence gives)."""
    with store_of_pages(tmp_path, {"case.txt": CASE}) as kb:
        asked = {q: kb.ask(q) for q in (
            "How old was the woman with the lump under the collarbone?",
            "Do lumps like this settle by themselves?",
            "If the athlete carries on running, what goes over the thigh?",
            "What should be done straight away for the thigh?",
            "On average how many surgeons do patients see before diagnosis?")}
    assert not [q for q, a in asked.items() if a.abstained], {
        q: a.notes for q, a in asked.items() if a.abstained}
    assert "52-year-old" in asked["How old was the woman with the lump under the collarbone?"
                                  ].answer
    assert "four" in asked["On average how many surgeons do patients see before diagnosis?"
                           ].answer


def test_how_bone_forms_in_a_thing_the_injury_model_does_not_hold(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How is the synostosis thought to turn into bone?" is answered by the page's own
    account ("synostotic ossification … through bleeding … and subsequent ossification"),
    not by the mouse model's path from a muscle injury to bone, which the bundled corpus
    holds and still gives for the injury model's own question."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "forearm.txt").write_text(SYNOSTOSIS, encoding="utf-8")
    with KnowledgeBase.open(tmp_path / "store" / "osteon.sqlite") as kb:  # with the corpus
        kb.ingest([tmp_path / "pages"])
        answer = kb.ask("How is the synostosis thought to turn into bone after an injury?")
        model = kb.ask("How does a spinal cord injury lead to bone in muscle?")
    assert "mouse" in model.answer.lower(), model.answer
    assert "bleeding" in answer.answer, answer.answer
    assert "mouse" not in answer.answer.lower(), answer.answer


def test_an_odds_ratio_is_answered_only_by_a_measure_of_association(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "What odds ratio did the study report?" over a page giving only how often it occurred
    (20.9%) has no answer; a sentence with "odds ratio 1.48" answers it."""
    rate = ("Ankle study\n\n"
            "Ossification of the syndesmosis was seen in 36 (20.9%) of 172 fixed ankle "
            "fractures.\n")
    odds = rate + ("Type C fractures were an independent risk factor for the ossification "
                   "(odds ratio 2.4, 95% confidence interval 1.1-5.2).\n")
    question = "What odds ratio did the ankle study report for type C fractures?"
    with store_of_pages(tmp_path, {"rate.txt": rate}) as kb:
        unanswered = kb.ask(question)
    (tmp_path / "odds").mkdir()
    with store_of_pages(tmp_path / "odds", {"odds.txt": odds}) as kb:
        answered = kb.ask(question)
    assert unanswered.abstained, unanswered.answer
    assert "2.4" in answered.answer, answered.answer


def test_the_event_a_question_asks_within_is_no_answer_to_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Which risk factors … for HO after ligament reconstruction?" was answered "Causes and
    risk factors of heterotopic ossification: ligament reconstruction" (set 53, once
    spent): the operation is where the question is asked, not one of its answers."""
    page = ("Knee ligament study\n\n"
            "Heterotopic ossification is common after ligament reconstruction.\n"
            "Patients were followed for 28 months after the reconstruction.\n")
    with store_of_pages(tmp_path, {"knee.txt": page}) as kb:
        answer = kb.ask("Which risk factors did the study find for heterotopic ossification "
                        "after ligament reconstruction?")
    assert not answer.answer.startswith("Causes and risk factors"), answer.answer
