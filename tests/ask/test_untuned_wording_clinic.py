"""Wordings of a clinician's or a family's question that real pages showed were misread:
lay words for inheritance, who is watching ("a family member"), "how much HO", prices as
shops write them, and a day counted from the operation."""

from __future__ import annotations

import pytest

from fixtures import store_of_pages
from osteon.ask.understand import understand
from osteon.reading.lexicon import load_lexicon


@pytest.mark.parametrize(("question", "intent"), [
    ("Is FOP usually handed down from a parent or does it just happen out of nowhere?",
     "genetics"),
    ("Can kids get FOP from their parents?", "genetics"),
    ("Does FOP run in the family?", "genetics"),
    ("How much neurogenic HO was recorded among the brain injury patients?", "frequency"),
    ("How much indomethacin for HO after hip replacement?", "dose"),
    # whether it is usual or rare asks how often it is
    ("Is bone forming in muscle a usual finding in horses?", "frequency"),
    ("Are ossified laparotomy scars rare?", "frequency"),
])
def test_lay_wordings_are_read_as_what_they_ask(question: str, intent: str) -> None:
    assert intent in understand(question, load_lexicon()).intents


@pytest.mark.parametrize(("question", "not_intent"), [
    # who watches or asks is no inheritance
    ("What symptoms of HO should a family member look out for?", "genetics"),
    ("Should my family doctor check for HO after my hip replacement?", "genetics"),
    # an amount of HO is no dose
    ("How much neurogenic HO was recorded among the brain injury patients?", "dose"),
])
def test_a_wording_that_only_looks_like_an_intent_is_not_it(question: str,
                                                          not_intent: str) -> None:
    assert not_intent not in understand(question, load_lexicon()).intents


PAGES = {
    "chapter.txt": ("Heterotopic ossification after knee replacement\n\n"
                    "Heterotopic ossification after total knee arthroplasty is common and "
                    "rarely limits motion.\n"
                    "Own it forever: eBook USD 74.99, price excludes VAT.\n"),
    "elbow.txt": ("Early excision of heterotopic ossification of the elbow\n\n"
                  "We excised heterotopic ossification about the elbow in eight patients.\n"
                  "All received radiation therapy of 1000 centigray in five fractions.\n"
                  "The radiation therapy was instituted on the first postoperative day.\n"),
}


def test_a_price_written_with_its_currency_code_answers_what_it_costs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, PAGES) as kb:
        answer = kb.ask("How much does the knee replacement HO chapter cost to buy?")
    assert not answer.abstained
    assert "74.99" in answer.answer  # the short answer leads with the price


def test_a_day_counted_from_the_operation_answers_when(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, PAGES) as kb:
        answer = kb.ask("How soon after the elbow HO was excised did radiation therapy start?")
    assert not answer.abstained
    assert "first postoperative day" in answer.answer


@pytest.mark.parametrize(("question", "named"), [
    ("Is HO common after traumatic brain or spinal cord injuries?",
     {"traumatic_brain_injury", "spinal_cord_injury"}),
    ("Does HO follow hip or knee replacement?", {"hip_arthroplasty", "knee_arthroplasty"}),
])
def test_a_name_whose_head_is_left_to_the_next_one_is_read_whole(question: str,
                                                                named: set[str]) -> None:
    assert named <= set(understand(question, load_lexicon()).concepts)


def test_what_an_apart_from_sets_aside_includes_a_name_with_its_head_left_out() -> None:
    question = understand("Apart from brain or spinal injury, what other injury makes elbow "
                          "bone likely?", load_lexicon())
    assert {"brain_injury", "spinal_cord_injury"} <= set(question.excluded)


def test_a_named_muscle_answers_which_muscle(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Post-traumatic myositis ossificans of the elbow\n\n"
            "A 19-year-old man was referred for an MRI scan of his right elbow.\n"
            "He had a hard mass in front of the elbow four months after a car accident.\n"
            "The ossified mass lay within the brachialis, with oedema around it.\n")
    with store_of_pages(tmp_path, {"case.txt": page}) as kb:
        answer = kb.ask("Which muscle was involved in the 19-year-old's elbow myositis "
                        "ossificans?")
        assert not answer.abstained
        assert any("brachialis" in c.sentence_text for s in answer.evidence
                   for c in s.citations)
    assert load_lexicon().is_a("brachialis", "arm")  # HO in the brachialis is HO of the arm


def test_asking_for_a_texts_takeaway_names_no_topic_of_its_own(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Treating heterotopic ossification\n\n"
            "Treating heterotopic ossification is a timed sequence: prevent early, excise late.\n")
    with store_of_pages(tmp_path, {"guide.txt": page}) as kb:
        answer = kb.ask("What's the author's big takeaway about treating HO?")
    assert not answer.abstained
    assert "timed sequence" in answer.answer


def test_a_dose_question_is_not_answered_by_what_carries_no_dose(tmp_path) -> None:  # type: ignore[no-untyped-def]
    label = ("Palovarotene label: precautions\n\n"
             "Palovarotene is a member of the retinoid class of drugs.\n"
             "Palovarotene treats fibrodysplasia ossificans progressiva in adults.\n"
             "Advise women to use contraception for one month after the last dose.\n")
    with store_of_pages(tmp_path, {"label.txt": label}) as kb:
        assert kb.ask("What is the recommended daily dose of palovarotene for a 12-year-old "
                      "with FOP?").abstained
        # the same drug with its dose in a sentence answers
        (tmp_path / "pages" / "dose.txt").write_text(
            "Palovarotene dosing\n\nPalovarotene is given at 5 mg daily in FOP.\n")
        kb.ingest([tmp_path / "pages"])
        answer = kb.ask("What is the recommended daily dose of palovarotene for a 12-year-old "
                        "with FOP?")
    assert not answer.abstained and "5 mg" in answer.answer


SCHEDULE_PAGES = {
    "growth.txt": ("Monitoring children on palovarotene\n\n"
                   "Monitor growth in children taking palovarotene with knee x-rays every 6 to "
                   "12 months until skeletal maturity.\n"),
    "imaging.txt": ("Imaging in FOP\n\n"
                    "Computed tomography shows new heterotopic bone in FOP well.\n"
                    "A low-dose CT scan limits the radiation a patient with FOP receives.\n"),
}


@pytest.mark.parametrize(("question", "page", "answered"), [
    ("How often should growth be monitored in children taking palovarotene?", "growth.txt",
     True),
    # a scan the sources name, but no interval for it: no answer
    ("How often should someone with FOP have a low-dose CT scan to check for new bone?",
     "imaging.txt", False),
])
def test_how_often_a_thing_is_done_is_answered_only_by_an_interval(
        tmp_path, question: str, page: str, answered: bool) -> None:  # type: ignore[no-untyped-def]
    assert "schedule" in understand(question, load_lexicon()).intents
    with store_of_pages(tmp_path, {page: SCHEDULE_PAGES[page]}) as kb:
        answer = kb.ask(question)
    assert answer.abstained is not answered
    if answered:
        assert "every 6 to 12 months" in answer.answer


def test_how_often_a_condition_occurs_is_still_how_common_it_is() -> None:
    intents = understand("How often does HO occur after hip replacement?", load_lexicon()).intents
    assert intents[0] == "frequency" and "schedule" not in intents


@pytest.mark.parametrize(("question", "not_named"), [
    ("Which other ACVR1 mutation do some FOP patients carry?", "amputation"),
    ("How were the patients split between the two groups?", "splint"),
])
def test_a_real_word_close_to_a_name_is_not_read_as_its_misspelling(question: str,
                                                                    not_named: str) -> None:
    assert not_named not in understand(question, load_lexicon()).concepts


@pytest.mark.parametrize(("question", "named"), [
    ("Can radation prevent HO after a hip replacement?", "radiation_therapy"),
    ("Does indomethicin help after hip surgery?", "indomethacin"),
])
def test_a_misspelt_name_is_still_read(question: str, named: str) -> None:
    assert named in understand(question, load_lexicon()).concepts


@pytest.mark.parametrize(("question", "named", "not_named"), [
    ("Did the botulinum toxin injections help her hip?", "injection", "infection"),
    ("What is the Hastings classification of elbow HO?", "elbow", "hamstrings"),
])
def test_a_name_or_a_real_word_is_not_taken_for_a_close_concept(
        question: str, named: str, not_named: str) -> None:
    concepts = understand(question, load_lexicon()).concepts
    assert named in concepts and not_named not in concepts


READ_ON = {
    "outcome.txt": ("Functional outcome after excision of heterotopic ossification\n\n"
                    "Significant periarticular heterotopic ossification may occur following "
                    "traumatic brain injury. This can result in profound functional loss of "
                    "motion, disability, and pain. Thirty-three consecutive excisions were "
                    "reviewed.\n"),
    "review.txt": ("Neurogenic heterotopic ossification\n\n"
                   "Heterotopic ossification after traumatic brain injury is a common problem "
                   "in rehabilitation. Periarticular bone is seen at the hip and the elbow. "
                   "Significant bone may need excision after brain injury.\n"),
}


def test_a_sentence_that_points_back_to_a_found_one_is_evidence_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"This can result in…" answers what the sentence before it is about, in none of the
    question's words: found through that sentence, it is quoted."""
    with store_of_pages(tmp_path, READ_ON) as kb:
        answer = kb.ask("What problems does significant periarticular HO cause after a "
                        "traumatic brain injury?")
    assert not answer.abstained
    assert any("loss of motion" in s.text for s in answer.evidence)


@pytest.mark.parametrize("question", [
    "What are the aims of treating HO, according to the authors and colleagues?",
    "Which two things that matter to patients does HO affect?",
])
def test_what_a_text_sets_out_to_do_is_no_topic_it_must_name(seeded_kb, question: str
                                                             ) -> None:  # type: ignore[no-untyped-def]
    """"aims", "colleagues", "matter" phrase what is asked of a source, in its own words."""
    assert not seeded_kb.ask(question).abstained


@pytest.mark.parametrize("question", [
    "How satisfied were patients with their functional result after excision?",
    "What range of motion was reached during the operation?",
    "How well did the observers agree on the grade?",
])
def test_a_degree_asked_is_a_measured_value(question: str) -> None:
    """"How satisfied…", "what range of motion…": a figure answers (91.3%, 94.5 degrees);
    a range of motion is a value only a figure answers ("value"), satisfaction may be said
    in words ("measure")."""
    assert {"measure", "value"} & set(understand(question, load_lexicon()).intents)



def test_lay_words_for_lying_in_bed_and_for_bone_in_soft_tissue_name_concepts() -> None:
    question = understand("Can being stuck in bed for a long time cause bone to form in "
                          "soft tissue?", load_lexicon())
    assert {"immobility", "heterotopic_ossification"} <= set(question.concepts)


def test_at_the_moment_only_phrases_a_question(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    answer = seeded_kb.ask("Is there any treatment at the moment for bone forming in "
                           "muscle?")
    assert not answer.abstained, answer.notes


HARMS_PAGE = ("Etidronate disodium monograph\n\n"
              "Etidronate is given to prevent heterotopic ossification after hip replacement.\n"
              "Adverse Reactions:\n"
              "Diarrhea, nausea, esophagitis, gastritis; osteomalacia.\n"
              "Interactions:\n"
              "Antacids reduce its absorption.\n")


@pytest.mark.parametrize("question", [
    "What side effects can etidronate cause?",
    "What are the drawbacks of etidronate?",
])
def test_a_question_about_harms_is_answered_by_what_a_treatment_costs(
        tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    assert understand(question, load_lexicon()).intents[0] == "harms"
    with store_of_pages(tmp_path, {"etidronate.txt": HARMS_PAGE}) as kb:
        answer = kb.ask(question)
    quoted = " ".join(c.sentence_text for s in answer.evidence for c in s.citations)
    # the list under its label names neither the drug nor side effects, and answers
    assert "Diarrhea" in quoted, quoted


def test_the_sentences_under_a_label_that_names_the_intent_are_candidates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import re

    # a long page is not read whole: what its label line heads must still be found
    filler = "".join(f"Etidronate was studied in trial number {i} of many.\n" for i in range(80))
    with store_of_pages(tmp_path, {"etidronate.txt": HARMS_PAGE + filler}) as kb:
        store = kb.knowledge.store
        (doc,) = [d for d in store.ids() if d.startswith("etidronate")]
        found = store.sentences_headed([doc], re.compile(r"\badverse\b", re.IGNORECASE), 2)
        texts = store.sentence_texts(found)
        answer = kb.ask("What side effects can etidronate cause?")
    assert any(t.startswith("Diarrhea") for t in texts.values())
    assert not any(t.startswith("Antacids") for t in texts.values())  # another label's
    quoted = " ".join(c.sentence_text for s in answer.evidence for c in s.citations)
    assert "Diarrhea" in quoted, quoted


def test_who_gets_it_is_answered_by_the_people_it_befalls(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Myositis ossificans\n\n"
            "Myositis ossificans is bone forming in a muscle after an injury.\n"
            "It is most common in physically active adolescents and young adults.\n"
            "The thigh and the arm are the usual sites.\n")
    question = "Who typically gets myositis ossificans?"
    assert understand(question, load_lexicon()).intents[0] == "affected"
    with store_of_pages(tmp_path, {"mo.txt": page}) as kb:
        answer = kb.ask(question)
    assert "adolescents" in answer.answer, answer.answer
