"""Evidence-first answering: ranked source sentences quoted verbatim, questions read by
scored intents, lay words and typos understood, scope respected, honest abstentions."""

from __future__ import annotations

import pytest

from fixtures import ranked_evidence as _ranked
from fixtures import store_of_pages as _store_of
from osteon import KnowledgeBase
from osteon.ask.evaluate import check_citations
from osteon.ask.evidence import rank_evidence
from osteon.ask.ranking_rules import ranking_rules
from osteon.ask.scope import fit, out_of_scope
from osteon.ask.understand import question_rules, understand
from osteon.reading.lexicon import load_lexicon
from osteon.reading.records import Scope


def _in_best_pages(knowledge, text: str):  # type: ignore[no-untyped-def]
    """The pages' shares for the question, and the sentences its best pages lend."""
    from osteon.ask.evidence import _bm25, _context

    question = understand(text, knowledge.lexicon)
    rules = ranking_rules()
    shares, in_pages = _context(knowledge, _bm25(knowledge, question, rules), rules)
    return shares, knowledge.sentences(in_pages)


@pytest.mark.parametrize(("question", "intents"), [
    ("How often does HO happen after a spinal cord injury, and where?", {"frequency", "site"}),
    ("When are CT or MRI scans useful for HO?", {"diagnosis"}),
    ("Is myositis ossificans just another name for HO?", {"synonym"}),
    ("A hot swollen knee in a paraplegic: what else could it be?", {"differential"}),
    ("What complications can neurogenic HO lead to?", {"complication"}),
    ("As a physio, which patients should I watch most closely for HO?", {"cause"}),
])
def test_a_question_can_ask_for_several_things(question: str, intents: set[str]) -> None:
    understood = understand(question, load_lexicon())
    assert intents <= set(understood.intents)
    assert understood.type == understood.intents[0]


@pytest.mark.parametrize(("question", "concept"), [
    ("Can radation stop it coming back?", "radiation_therapy"),          # a typo
    ("Why is there extra bone in my leg?", "heterotopic_ossification"),  # lay words
    ("Does a spine injury raise the risk?", "spinal_cord_injury"),
    ("Is indomethacine safe after surgery?", "indomethacin"),
    ("Where does myosistis ossificans develop?", "myositis_ossificans"),  # a slip in a name
])
def test_typos_and_lay_words_reach_the_concept(question: str, concept: str) -> None:
    assert concept in understand(question, load_lexicon()).concepts


@pytest.mark.parametrize(("question", "related"), [
    ("Can HO go away by itself?", {"regress", "spontaneous"}),        # everyday phrase
    ("Does the type of anaesthesia matter?", {"anesthesia"}),           # other spelling
    ("What was the HO rate with the mini-incision?", {"miniincision"}),  # written solid
])
def test_other_ways_sources_write_the_question_are_searched(question: str,
                                                             related: set[str]) -> None:
    understood = understand(question, load_lexicon())
    assert related <= {*understood.related, *understood.spelled}


@pytest.mark.parametrize("question", [
    "Which daily dose of palovarotene is given as long-term treatment?",  # "long-term"
    "How many milligrams per kilogram of etidronate should a paraplegic take?",
    "What naproxen dose in mg, and how many times a day, is given after hip arthroscopy?",
])
def test_a_question_about_an_amount_of_drug_asks_for_a_dose_first(question: str) -> None:
    """A dose asked in other words (milligrams, "how many times a day") is still the main
    intent, so a source that gives no dose does not answer it (it was read as "another name"
    for the "term" in "long-term", or as "how many times more")."""
    understood = understand(question, load_lexicon())
    assert understood.intents[0] == "dose", understood.intents
    assert not {"synonym", "magnitude"} & set(understood.intents)


def test_a_test_named_as_the_setting_does_not_make_it_a_diagnosis_question() -> None:
    understood = understand("In patients with a positive bone scan but a normal x-ray, how "
                            "often did etidronate prevent heterotopic ossification?",
                            load_lexicon())
    assert understood.intents[0] in ("frequency", "prevention")
    assert "diagnosis" not in understood.intents[:1]
    assert "bone_scan" in understood.concepts  # still a concept of the question


def test_a_misspelt_name_is_matched_word_for_word() -> None:
    # "prevent heterotopic ossificaton" is close to "previous heterotopic ossification" as a
    # whole, but "prevent" is no slip of "previous"
    concepts = understand("Does radiation prevent heterotopic ossificaton?",
                          load_lexicon()).concepts
    assert "heterotopic_ossification" in concepts
    assert "history_of_heterotopic_ossification" not in concepts


def test_what_a_question_sets_aside_is_not_asked_about() -> None:
    understood = understand("Apart from surgery, what can be done about HO?", load_lexicon())
    assert "surgery" in understood.excluded
    assert "surgery" not in understood.concepts


def test_question_scope_from_its_concepts_and_words() -> None:
    lexicon = load_lexicon()
    assert "genetic" in understand("How is FOP treated?", lexicon).scope.family
    assert "mouse" in understand("What does ruxolitinib do in mice?", lexicon).scope.species
    after_sci = understand("How common is HO after a spinal cord injury?", lexicon).scope
    assert "spinal_cord_injury" in after_sci.population


def test_scope_fit_prefers_the_asked_family_and_species() -> None:
    fop, acquired = Scope(family=("genetic",)), Scope(family=("acquired",))
    mouse = Scope(species=("mouse",))
    assert fit(fop, fop) > fit(fop, Scope()) > fit(fop, acquired)
    assert fit(Scope(), mouse) < 0 < fit(mouse, mouse)
    assert fit(Scope(), mouse, animal_ok=True) == 0
    assert out_of_scope(Scope(), mouse) and not out_of_scope(mouse, mouse)
    assert out_of_scope(acquired, fop)


QUESTIONS = [
    "How can heterotopic ossification be prevented?",
    "When does HO show up after a spinal cord injury?",
    "How often does HO happen after a hip replacement?",
    "Which test finds HO before an x-ray does?",
    "Is HO the same thing as calcification?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_evidence_is_quoted_verbatim_and_cited(seeded_kb: KnowledgeBase, question: str) -> None:
    answer = seeded_kb.ask(question)
    assert not answer.abstained and answer.evidence
    assert check_citations(seeded_kb.store, answer) == []
    for statement in answer.evidence:
        assert statement.text in [c.sentence_text for c in statement.citations]
    if answer.answer.startswith("From the sources: "):  # the short answer is quoted sentences
        quoted = answer.answer.removeprefix("From the sources: ").split(
            " The sources disagree")[0]
        sentences = " ".join(s.text if s.text[-1:] in ".!?" else s.text + "."
                             for s in answer.evidence)
        assert all(part.strip() in sentences for part in quoted.split(". ") if part.strip())


@pytest.mark.parametrize("question", QUESTIONS)
def test_plain_bm25_is_a_feature_so_its_best_sentence_is_a_candidate(
        seeded_kb: KnowledgeBase, question: str) -> None:
    knowledge = seeded_kb.knowledge
    understood = understand(question, knowledge.lexicon)
    rules = question_rules()
    ranked = rank_evidence(knowledge, understood,
                           [rules.type_named(n) for n in understood.intents])
    words = "".join(c if c.isalnum() else " " for c in question.lower()).split()
    best = knowledge.store.search_words(words, 1)[0]
    by_key = {r.key: r for r in ranked}
    assert (best.doc_id, best.idx) in by_key
    assert by_key[(best.doc_id, best.idx)].features["lexical"] == pytest.approx(1.0)
    assert set(ranked[0].features) == set(ranking_rules().weights.model_dump())


def test_each_intent_gets_an_answering_sentence(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("How often does HO develop after total hip arthroplasty, and when?")
    text = " ".join(s.text for s in answer.evidence)
    assert "%" in text or "third" in text
    assert any(unit in text for unit in ("hour", "day", "week", "month"))


def test_the_quoted_span_is_the_claim_that_answers(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("Which test finds HO before an x-ray does?")
    marked = [c for s in answer.evidence for c in s.citations
              if (c.span_start, c.span_end) != (0, len(c.sentence_text))]
    assert marked and all(c.quote in c.sentence_text for c in marked)


@pytest.mark.parametrize("question", [
    "Is HO treatment covered by health insurance in Germany?",
    "Can cats and dogs get heterotopic ossification from coffee?",
    "Which clinic in Lisbon operates on heterotopic ossification?",  # one name, unmentioned
    "Does the NHS pay for heterotopic ossification surgery?",  # one abbreviation, unmentioned
    "Is COVID-19 a risk factor for heterotopic ossification?",  # a code no source writes
    "Does heterotopic ossification show up on a PET-CT scan?",  # a hyphenated abbreviation
    "What is palovarotene used for?",  # a drug the lexicon knows and no source names
    "Has garetosmab been approved for fibrodysplasia ossificans progressiva?",
    # a drug whose name has a short word too, an animal, a group of people
    "Does zoledronic acid stop heterotopic ossification after a knee replacement?",
    "Has myositis ossificans been seen in cats after a broken thigh bone?",
    "Should a woman who is pregnant be given radiotherapy to prevent HO after hip surgery?",
    "Is radiation therapy to prevent HO after hip surgery safe while breastfeeding?",
    "Does the risk of HO after hip replacement differ between smokers and non-smokers?",
])
def test_a_question_about_what_no_source_mentions_is_not_answered(
        seeded_kb: KnowledgeBase, question: str) -> None:
    answer = seeded_kb.ask(question)
    assert answer.abstained and answer.answer == "The sources do not answer this."
    assert any("No source mentions" in note for note in answer.notes)


@pytest.mark.parametrize("question", [
    "Does acupuncture shrink heterotopic bone?",
    "Does heterotopic ossification raise the risk of dementia?",
])
def test_one_unmentioned_word_that_is_the_whole_topic_is_not_answered(
        seeded_kb: KnowledgeBase, question: str) -> None:
    # the question names nothing but HO: the word no source mentions is what it asks about
    answer = seeded_kb.ask(question)
    assert answer.abstained
    assert any("No source mentions" in note for note in answer.notes)


@pytest.mark.parametrize(("question", "topic"), [
    ("Does drinking coffee after hip surgery make HO more likely?", "coffee"),
    ("Can dogs get fibrodysplasia ossificans progressiva?", "dogs"),  # short, beside FOP
    ("Does smoking make heterotopic ossification after a spinal cord injury worse?",
     "smoking"),  # a word in -ing that heads the subject
    ("Does acupuncture help the pain of heterotopic ossification?", "acupuncture"),
    ("Does a high-calcium diet make heterotopic ossification more likely?", "diet"),
    # whether one may do what no source speaks of: the activity is the topic
    ("How soon can I drive again after surgery to remove HO from my hip?", "drive"),
    ("Is it safe to fly in a plane with fibrodysplasia ossificans progressiva?", "fly"),
    ("When can my dad swim again after his hip replacement?", "swim"),
])
def test_a_question_about_what_no_source_mentions_beside_what_they_treat_is_not_answered(
        seeded_kb: KnowledgeBase, question: str, topic: str) -> None:
    # the rest of the question (hip surgery, pain, FOP) is well covered: its topic (a yes-or-
    # no question's subject, an activity one asks whether one may do) is not
    answer = seeded_kb.ask(question)
    assert answer.abstained
    assert any(topic in note for note in answer.notes), answer.notes


@pytest.mark.parametrize("question", [
    "As a physio, which patients should I watch most closely for heterotopic ossification?",
    "Which exercises should I steer clear of when heterotopic ossification is forming?",
])
def test_a_verb_whose_object_is_asked_or_an_idiom_is_no_activity(seeded_kb: KnowledgeBase,
                                                                 question: str) -> None:
    assert not seeded_kb.ask(question).abstained


@pytest.mark.parametrize("question", [
    "Does taking indomethacin after hip surgery prevent heterotopic ossification?",  # verb
    "Does taking it after hip surgery prevent heterotopic ossification?",  # verb + pronoun
    "Does physical therapy after a spinal cord injury prevent heterotopic ossification?",
])
def test_a_yes_or_no_question_about_what_the_sources_treat_is_answered(
        seeded_kb: KnowledgeBase, question: str) -> None:
    assert not seeded_kb.ask(question).abstained


@pytest.mark.parametrize("question", [
    "Which joint does HO hit most after a spinal cord injury?",  # a topic the sources treat
    "Is the bone of heterotopic ossification a cancer?",  # sources say "malignant"
])
def test_one_unmentioned_word_around_a_known_topic_is_answered(
        seeded_kb: KnowledgeBase, question: str) -> None:
    assert not seeded_kb.ask(question).abstained


def test_a_misspelt_word_is_not_taken_for_something_unmentioned(seeded_kb: KnowledgeBase
                                                                ) -> None:
    answer = seeded_kb.ask("Does radiaton therapy prevent heterotopic ossificaton?")
    assert not answer.abstained


def test_mechanism_questions_walk_the_cited_graph(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("How does a spinal cord injury lead to bone in muscle?")
    assert "mouse" in answer.answer and "spinal cord injury" in answer.answer
    steps = [s for s in answer.statements if "(mouse model" in s.text]
    assert steps and all(s.citations for s in steps)
    assert check_citations(seeded_kb.store, answer) == []


def test_a_mouse_model_step_says_the_injury_its_sentence_restricts_it_to(
        seeded_kb: KnowledgeBase) -> None:
    # "following a spinal cord injury, fibro-adipogenic progenitors … differentiate into
    # osteoblasts": without the injury the step would say it of muscle repair in general
    answer = seeded_kb.ask("What do fibro-adipogenic progenitors turn into after an injury?")
    step = [s.text for s in answer.statements if s.text.startswith("Fibro-adipogenic "
                                                                  "progenitor differentiate")]
    assert step and all("after spinal cord injury" in t for t in step)


def test_what_role_a_cell_plays_is_a_mechanism_question(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("What role do macrophages play in neurogenic HO?")
    assert answer.understood is not None and answer.understood.intents[0] == "mechanism"
    assert "macrophage" in answer.answer and "mouse" in answer.answer
    assert "rehabilitation" not in answer.answer.lower()  # "plays a crucial role" is no answer


def test_a_why_question_may_be_answered_by_a_labelled_animal_experiment(
        seeded_kb: KnowledgeBase) -> None:
    # "why" asks a reason and a mechanism: the mouse-model sentence that explains it answers
    answer = seeded_kb.ask("Why do infections make it worse?")
    assert "gram-negative" in answer.answer


def test_drugs_in_mice_come_from_the_mouse_model(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("Which drugs that block the glucocorticoid receptor reduce it in mice?")
    assert "mifepristone" in answer.answer.lower()
    assert "mouse" in answer.answer.lower()


def test_a_listing_answer_names_only_what_was_asked(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("What medicines can prevent heterotopic ossification?")
    assert answer.answer.startswith("What the sources say prevents")
    items = answer.answer.split(":", 1)[1].lower()
    assert "anti-inflammatory" in items or "nsaid" in items
    assert "radiation" not in items and "mobiliz" not in items  # not medicines


PAGE = """# Bone in the wrong place

## Prevention

Nothing has been shown for certain, but these measures might lower the chance of it:

- Gentle stretching of the joint every day.
- Celecoxib given for two weeks.

## Outlook

Most patients keep some stiffness. These patients still walk without help.

Surgeons wait until the bone has matured. When this wait is over, resection is safe.
"""


@pytest.fixture
def page_kb(tmp_path):  # type: ignore[no-untyped-def]
    with _store_of(tmp_path, {"prevention.md": PAGE}) as kb:
        yield kb


def test_a_list_item_is_quoted_with_the_lead_in_that_governs_it(page_kb: KnowledgeBase
                                                                 ) -> None:
    answer = page_kb.ask("Does celecoxib prevent heterotopic ossification?")
    item = next(s for s in answer.evidence if "Celecoxib" in s.text)
    assert "might lower the chance" in item.citations[0].sentence_text  # the doubt is shown
    assert check_citations(page_kb.store, answer) == []


def test_a_sentence_that_points_back_is_quoted_with_the_one_before(page_kb: KnowledgeBase
                                                                   ) -> None:
    answer = page_kb.ask("Can patients with heterotopic ossification still walk without help?")
    quoted = next(s for s in answer.evidence if s.text.startswith("These patients"))
    assert [c.sentence_text for c in quoted.citations][0].startswith("Most patients")


def test_a_sentence_pointing_back_after_a_first_word_is_quoted_with_the_one_before(
        page_kb: KnowledgeBase) -> None:
    answer = page_kb.ask("When is resection of heterotopic ossification safe?")
    quoted = next(s for s in answer.evidence if s.text.startswith("When this wait"))
    assert quoted.citations[0].sentence_text.startswith("Surgeons wait")


def test_a_sentence_wrapped_over_lines_is_quoted_as_the_document_has_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with _store_of(tmp_path, {"wrapped.txt": "Bone after surgery\n\nHeterotopic ossification "
                              "formed in twelve of forty\npatients after the operation, mostly "
                              "around the\nhip joint.\n"}) as kb:
        answer = kb.ask("How many patients got heterotopic ossification after the operation?")
        assert not answer.abstained
        assert check_citations(kb.store, answer) == []
        quoted = [c for s in answer.shown() for c in s.citations]
        assert any("\n" in c.sentence_text for c in quoted)  # the document's own characters


@pytest.mark.parametrize("question", [
    "HO", "What is HO?", "What exactly is heterotopic ossification?"])
def test_the_short_answer_quotes_a_sentence_that_says_something(seeded_kb: KnowledgeBase,
                                                                question: str) -> None:
    answer = seeded_kb.ask(question)
    assert answer.answer.startswith("From the sources: ")
    assert ":." not in answer.answer  # no list lead-in ("…options for HO include:") as the answer


def test_what_is_said_only_of_fop_answers_only_questions_about_fop(tmp_path) -> None:  # type: ignore[no-untyped-def]
    paper = ("Preventing bone in the wrong place\n\nNSAIDs prevent heterotopic ossification "
             "after hip arthroplasty.\n\nFibrodysplasia ossificans progressiva\n\n"
             "In fibrodysplasia ossificans progressiva, palovarotene prevents heterotopic "
             "ossification.\n")
    with _store_of(tmp_path, {"two.txt": paper}) as kb:
        general = kb.ask("What prevents heterotopic ossification?").answer.lower()
        fop = " ".join(s.text for s in kb.ask("What prevents bone forming in FOP?").shown())
    assert "palovarotene" not in general.split(":", 1)[-1]
    assert "palovarotene" in fop.lower()


def test_a_search_takes_the_rarest_words_within_its_row_budget() -> None:
    from osteon.ask.evidence import _telling

    rules = ranking_rules().model_copy(update={"max_search_rows": 100, "max_search_words": 8})
    counts = {"rare": 5, "middling": 60, "frequent": 90, "common": 5000}
    # "common" is past the commonness cut; "frequent" would take the search past 100 rows
    assert _telling(["common", "frequent", "middling", "rare"], counts, 1000, rules) == [
        "rare", "middling"]
    # the rarest word is searched even when it alone is over the budget
    assert _telling(["frequent"], {"frequent": 500}, 1000, rules) == ["frequent"]


DEVICE_PAGE = """# Operating on heterotopic bone around the elbow

Heterotopic bone often forms around the hip or elbow joints after an operation.
Elbow stiffness after heterotopic ossification limits how far the joint bends.
A continuous passive motion device was instituted immediately postoperatively.

The bone had been conceptualized as a repair process gone wrong.
"""


@pytest.fixture
def device_kb(tmp_path):  # type: ignore[no-untyped-def]
    with _store_of(tmp_path, {"elbow.md": DEVICE_PAGE}) as kb:
        yield kb


def test_plain_bm25s_best_sentence_is_always_quoted(device_kb: KnowledgeBase) -> None:
    # it shares one word with the question and names none of its concepts, yet plain
    # retrieval puts it first: the answer must hold it too
    answer = device_kb.ask("What device was used right after the elbow operation to keep "
                           "the joint moving?")
    assert any("continuous passive motion" in s.text for s in answer.evidence)


@pytest.mark.parametrize("question", [
    "How can heterotopic ossification be conceptualised?",  # the sources spell it -ized
    "Can neither the hip nor the elbow bend after heterotopic ossification?",  # function words
    "Why has heterotopic ossification picked up?",  # phrasing, not a topic
])
def test_phrasing_and_spelling_are_not_taken_for_unmentioned_topics(
        device_kb: KnowledgeBase, question: str) -> None:
    answer = device_kb.ask(question)
    assert not any("No source mentions" in note for note in answer.notes), answer.notes


def test_the_page_about_the_question_lends_its_sentences_context(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the answering sentence names neither burns nor HO: only its page is about them,
    # while another page repeats the question's words without answering it
    study = ("Removing heterotopic ossification in burn patients\n\n"
             "We reviewed operations to remove heterotopic ossification in burn patients.\n"
             "Twenty elbows were operated on between 2001 and 2010.\n"
             "Local postoperative complications included hematoma and wound dehiscence.\n"
             "Motion improved in most elbows.\n")
    overview = "Burns\n\n" + "".join(
        f"Heterotopic ossification is a complication of burn number {n} in patients.\n"
        for n in range(12))
    question = "What complications can happen after an operation to remove HO in burn patients?"
    with _store_of(tmp_path, {"burn_study.txt": study, "burn_overview.txt": overview}) as kb:
        answer = kb.ask(question)
        ranked = _ranked(kb.knowledge, question)
    assert any("hematoma" in s.text for s in answer.evidence)
    # the study's page, short and holding the question's words, weighs more than the page
    # that repeats them: its sentences carry the whole of the context feature
    hematoma = next(r for r in ranked if "hematoma" in r.place.text)
    repeated = next(r for r in ranked if "burn number" in r.place.text)
    assert hematoma.features["context"] == 1.0 > repeated.features["context"]


def test_what_a_page_mentions_throughout_lends_its_sentences_their_subject(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a case page titled with a quiz question: most sentences name FOP, the one that
    # answers does not; another page names FOP once, beside acquired HO
    case = ("What is the diagnosis?\n\n"
            "Fibrodysplasia ossificans progressiva (FOP) was confirmed by testing ACVR1.\n"
            "FOP is an extremely rare disorder of the connective tissue.\n"
            "Most cases of FOP arise from a new mutation of the ACVR1 gene.\n"
            "In FOP, muscles and tendons are slowly replaced by bone.\n"
            "The average onset age is 5 years.\n")
    other = ("Heterotopic ossification after hip surgery\n\n"
             "Heterotopic ossification usually starts two weeks after hip surgery.\n"
             "Fibrodysplasia ossificans progressiva is a different, inherited disease.\n"
             "Radiation therapy prevents heterotopic ossification after hip surgery.\n")
    question = "At what age does FOP usually start?"
    with _store_of(tmp_path, {"fop_case.txt": case, "after_hip.txt": other}) as kb:
        ranked = _ranked(kb.knowledge, question)
    onset = next(r for r in ranked if "onset age" in r.place.text)
    hip = next(r for r in ranked if "two weeks after hip surgery" in r.place.text)
    # the FOP page's sentence is about FOP (half a named concept) and in its family
    assert onset.features["concepts"] > 0 and onset.features["scope"] > 0
    assert "genetic" in onset.scope.family
    assert onset.score > hip.score


def test_relatives_and_everyday_words_of_source_words_are_no_unmentioned_topics(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Fibrodysplasia ossificans progressiva\n\n"
            "Flare-ups of FOP can be triggered by dental procedures and intramuscular "
            "injections.\n"
            "The radiological grading system for heterotopic ossification is the Brooker "
            "classification.\n"
            "Fibrodysplasia ossificans progressiva affects about one in two million "
            "people across the globe.\n")
    with _store_of(tmp_path, {"fop.txt": page}) as kb:
        dentist = kb.ask("What can set off a flare-up in FOP - could a visit to the dentist?")
        graders = kb.ask("Which grading systems do radiologists use for HO?")
        rare = kb.ask("How rare is fibrodysplasia ossificans progressiva worldwide?")
    assert not dentist.abstained  # "dentist" of "dental", "set off" said "triggered"
    assert any("dental" in s.text for s in dentist.evidence)
    assert not graders.abstained  # "radiologists" of "radiological"
    assert not rare.abstained  # "worldwide" said "across the globe"
    assert any("two million" in s.text for s in rare.evidence)


@pytest.mark.parametrize(("question", "concept"), [
    ("What symptoms does HO give - is a temperature one of them?", "fever"),
    ("Does a high temperature mean the bone is forming?", "fever"),
])
def test_lay_words_for_a_finding_name_it(seeded_kb: KnowledgeBase, question: str,
                                          concept: str) -> None:
    assert concept in understand(question, seeded_kb.knowledge.lexicon).concepts


def test_a_sentence_of_nothing_but_names_does_not_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the case page repeats its diagnosis as a line of its own: it names FOP, says nothing
    page = ("What is the diagnosis?\n\n"
            "Fibrodysplasia ossificans progressiva (FOP). Testing of the ACVR1 gene "
            "confirmed it.\n"
            "FOP is an extremely rare disorder with a frequency of 1 in 2 million people.\n"
            "Flare-ups of FOP can follow injections.\n")
    with _store_of(tmp_path, {"case.txt": page}) as kb:
        answer = kb.ask("How rare is fibrodysplasia ossificans progressiva (FOP)?")
        ranked = _ranked(kb.knowledge, "How rare is fibrodysplasia ossificans progressiva?")
    assert all(r.place.text != "Fibrodysplasia ossificans progressiva (FOP)." for r in ranked)
    assert "1 in 2 million" in answer.answer
    rare = next(r for r in ranked if "1 in 2 million" in r.place.text)
    assert rare.holds["frequency"]  # "1 in 2 million" is a figure for how often


def test_a_sentence_stating_a_study_aim_does_not_lead_over_its_findings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Bone after hip replacement\n\n"
            "Our purpose was to find whether patients with heterotopic ossification after "
            "hip replacement were younger than those without it.\n"
            "Patients with heterotopic ossification after hip replacement were younger: "
            "a mean age of 61 against 68 years.\n")
    question = ("Were patients with heterotopic ossification after hip replacement younger "
                "than those without it?")
    with _store_of(tmp_path, {"study.txt": page}) as kb:
        ranked = _ranked(kb.knowledge, question)
    aim = next(r for r in ranked if r.place.text.startswith("Our purpose"))
    assert aim.features["aim"] == 1.0
    assert ranked[0].place.text.startswith("Patients with heterotopic ossification after")


def test_the_short_answer_is_led_by_the_answering_sentence_most_in_scope() -> None:
    from osteon.ask.answer import _lead
    from osteon.ask.evidence import Ranked
    from osteon.corpus.records import SentencePlace

    def ranked(text: str, score: float, scope: float, holds: bool) -> Ranked:
        place = SentencePlace("page", 0, 0, len(text), text, "text", (), "page")
        return Ranked(place, score, {"scope": scope}, holds={"onset": holds})

    onset = question_rules().type_named("onset")
    assert onset is not None
    general = ranked("Heterotopic ossification may follow a knee replacement.", 6.7, 1.0, False)
    other = ranked("It usually occurs 3-12 weeks after spinal cord injury.", 5.8, -0.2, True)
    within = ranked("It usually develops within 3 months of the operation.", 5.4, 1.0, True)
    # both answer "when?", nearly as well as the best: the one about the asked population leads
    assert _lead([general, other, within], onset) is within
    assert _lead([general, other], onset) is other  # none in scope: the best that answers


def test_a_listed_answer_names_each_item_once_with_its_stances(seeded_kb: KnowledgeBase
                                                                ) -> None:
    # "stops" asks for prevention; an item some sources assert and others hedge is one item
    answer = seeded_kb.ask("What stops heterotopic ossification after a hip replacement?")
    assert answer.understood is not None and answer.understood.intents[0] == "prevention"
    listed = answer.answer.split(": ", 1)[1].rstrip(".").split(" The sources")[0]
    items = [i.strip() for i in listed.rstrip(".").split(";")]
    names = [i.removeprefix("possibly ").split(" (")[0] for i in items]
    assert len(names) == len(set(names)), items
    assert "radiation therapy" in names


def test_a_nested_list_item_is_read_under_the_item_above_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from osteon.ask.lists import lead_in_of

    # an outline page: what it says of each test is nested under the test's name
    page = ("Myositis ossificans\n\nImaging\n\n"
            "  1. XRay\n"
            "    1. May demonstrate ossifications at 3 to 4 weeks\n"
            "  2. MRI\n"
            "    1. Hyperintense mass\n"
            "    2. May show surrounding edema early\n")
    with _store_of(tmp_path, {"outline.txt": page}) as kb:
        knowledge = kb.knowledge
        places = knowledge.sentences([("outline", i) for i in range(6)])
        by_text = {p.text: p for p in places.values()}
        weeks = by_text["May demonstrate ossifications at 3 to 4 weeks"]
        edema = by_text["May show surrounding edema early"]
        xray_lead = lead_in_of(knowledge, weeks)
        mri_lead = lead_in_of(knowledge, edema)
        answer = kb.ask("When can an x-ray show myositis ossificans?")
    assert xray_lead is not None and xray_lead.text == "XRay"
    assert mri_lead is not None and mri_lead.text == "MRI"  # not the sibling above it
    quoted = next(s for s in answer.evidence if s.text.startswith("May demonstrate"))
    assert [c.sentence_text for c in quoted.citations][:1] == ["XRay"]


def test_a_comparison_of_sides_named_only_in_words_is_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # neither side is a concept, but the sources use both sides' words: no reason to abstain
    page = ("Hip approaches\n\nHeterotopic ossification formed after 65 percent of operations "
            "through the lateral approach and after 40 percent through the anterior approach.\n")
    with _store_of(tmp_path, {"approach.txt": page}) as kb:
        answer = kb.ask("lateral vs anterior approach: which one had more HO?")
    assert not answer.abstained
    assert any("65 percent" in s.text for s in answer.evidence)


def test_a_topic_no_source_mentions_about_a_kind_of_ho_is_not_answered(
        seeded_kb: KnowledgeBase) -> None:
    # the question names a kind of HO and one long word no source uses: that word is its topic
    answer = seeded_kb.ask("Do racehorses get fibrodysplasia ossificans progressiva?")
    assert answer.abstained
    assert any("racehorses" in note for note in answer.notes)


LIST_PAGE = """# New bone after a hip operation

The first things a patient notices are these:
- Swelling around the hip
- Warmth of the skin over the joint

The patients were followed for two years after the operation.
"""


def test_a_lead_in_is_ranked_with_what_its_items_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the lead-in names no symptom itself; it is quoted with its items, so it is scored so
    with _store_of(tmp_path, {"list.md": LIST_PAGE}) as kb:
        ranked = _ranked(kb.knowledge, "What symptoms does heterotopic ossification cause "
                                       "after a hip operation?")
    lead = next(r for r in ranked if r.place.text.endswith("these:"))
    assert lead.holds["symptoms"]


def test_a_question_concept_named_by_the_page_title_counts_for_its_sentences(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("# Fibrodysplasia ossificans progressiva\n\nThe disease is rare and inherited.\n"
            "There is no effective treatment for the disease yet.\n")
    with _store_of(tmp_path, {"fop.md": page}) as kb:
        ranked = _ranked(kb.knowledge, "Is there any treatment that works for FOP?")
    none = next(r for r in ranked if r.place.text.startswith("There is no effective"))
    assert none.features["concepts"] > 0  # half of what naming it would count


def test_a_short_page_about_the_question_is_read_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    study = ("Hip implants and new bone\n\nWe compared hip implants without prophylaxis.\n"
             "The overall incidence was 59.91 percent.\n")
    knees = "Knees\n\nKnee replacement is common in older adults.\n"
    with _store_of(tmp_path, {"study.txt": study, "other.txt": knees}) as kb:
        shares, texts = _in_best_pages(kb.knowledge, "In the hip implant study without "
                                                     "prophylaxis, how many got it?")
    best = max(shares, key=lambda d: shares[d])
    assert any(t.text.startswith("The overall incidence") and t.doc_id == best
               for t in texts.values())  # it shares no word with the question


@pytest.mark.parametrize("question", [
    "Which operation is a well known trigger for heterotopic ossification?",  # cause or therapy
    "Heterotopic ossification symptoms can look like which other conditions?",  # two kinds
])
def test_a_question_asking_for_two_kinds_of_thing_gets_no_list_of_one(
        seeded_kb: KnowledgeBase, question: str) -> None:
    # a list of treatments does not answer "which operation triggers it?"
    answer = seeded_kb.ask(question)
    assert answer.answer.startswith("From the sources: "), answer.answer


def test_the_short_answer_does_not_lead_with_a_mouse_experiment_for_people(tmp_path) -> None:  # type: ignore[no-untyped-def]
    people = ("Bone after spinal cord injury\n\nHeterotopic ossification appears after spinal "
              "cord injury in many patients.\n")
    mice = ("A mouse model\n\nIn mice, heterotopic ossification appears 7 days after spinal "
            "cord injury and muscle injury.\n")
    with _store_of(tmp_path, {"people.txt": people, "mice.txt": mice}) as kb:
        answer = kb.ask("When does heterotopic ossification appear after spinal cord injury?")
    assert "mice" not in answer.answer.lower()
    assert any("mice" in s.text.lower() for s in answer.evidence)  # still quoted, below


@pytest.mark.parametrize(("question", "intent"), [
    ("Do children get HO after a spine injury as often as older people?", "frequency"),
    ("Can children get FOP from their parents?", "genetics"),
])
def test_how_often_compared_is_a_frequency_question(question: str, intent: str) -> None:
    assert understand(question, load_lexicon()).intents[0] == intent


def test_a_question_about_a_condition_outside_the_injury_model_gets_no_model_path(
        seeded_kb: KnowledgeBase) -> None:
    # the cited graph is the spinal-cord-injury mouse model: it does not answer a question
    # about another condition that names none of its nodes
    answer = seeded_kb.ask("Why do the bony lumps of progressive osseous heteroplasia form "
                           "in the skin?")
    assert "mouse experiments" not in answer.answer
    assert "spinal cord injury" not in answer.answer


def test_a_list_shown_whole_is_not_quoted_again_item_by_item(page_kb: KnowledgeBase) -> None:
    answer = page_kb.ask("What might lower the chance of heterotopic ossification?")
    seen: set[tuple[str, int]] = set()
    for quoted in answer.evidence:
        sentences = {(c.doc, c.sentence) for c in quoted.citations}
        assert not sentences <= seen, quoted.text  # each quote shows something new
        seen |= sentences
    assert any(len(q.citations) > 1 for q in answer.evidence)  # the list, with its lead-in


def test_a_comparison_with_a_side_no_source_names_is_not_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the lexicon knows calcification, but no source speaks of it: nothing to compare
    page = ("Bone in muscle\n\nHeterotopic ossification is bone that forms in muscle after "
            "an injury.\n")
    with _store_of(tmp_path, {"ho.txt": page}) as kb:
        answer = kb.ask("What is the difference between calcification and heterotopic "
                        "ossification?")
    assert answer.abstained


def test_among_pages_much_alike_none_is_read_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    alike = {f"alike{n}.txt": f"Hip implants {n}\n\nWe compared hip implants without "
             f"prophylaxis.\nPatients were seen {n + 2} times.\n" for n in range(3)}
    with _store_of(tmp_path, alike) as kb:
        _, texts = _in_best_pages(kb.knowledge, "In the hip implant study without prophylaxis, "
                                                "how many got it?")
    assert not any(t.text.startswith("Patients were seen") for t in texts.values())


COST_PAGE = """# Living with bone in the muscle

A biopsy is rarely taken from the lump of myositis ossificans.
Patients in intensive care often develop heterotopic ossification around the hips.
Palovarotene is a drug for fibrodysplasia ossificans progressiva.
The cost of a year of palovarotene is paid by insurers in some countries.
"""


@pytest.fixture
def cost_kb(tmp_path):  # type: ignore[no-untyped-def]
    with _store_of(tmp_path, {"living.md": COST_PAGE}) as kb:
        yield kb


@pytest.mark.parametrize("question", [
    "When is a biopsy needed for a suspected myositis ossificans?",  # past forms phrase it
    "In the ICU, how often does heterotopic ossification form?",  # the sources say it in full
])
def test_phrasing_and_abbreviations_said_in_full_are_no_reason_to_abstain(
        cost_kb: KnowledgeBase, question: str) -> None:
    answer = cost_kb.ask(question)
    assert not answer.abstained, answer.notes


def test_a_price_question_is_answered_only_by_a_price(cost_kb: KnowledgeBase,
                                                      tmp_path) -> None:  # type: ignore[no-untyped-def]
    question = "How much does a year of palovarotene cost?"
    assert understand(question, load_lexicon()).intents[0] == "cost"
    assert cost_kb.ask(question).abstained  # the page names the drug, not its price
    priced = tmp_path / "price.txt"
    priced.write_text("Prices\n\nA year of palovarotene costs about $300,000 in the United "
                      "States.\n", encoding="utf-8")
    cost_kb.ingest([priced])
    answer = cost_kb.ask(question)
    assert not answer.abstained and "$300,000" in answer.answer


@pytest.mark.parametrize("question,intent,answer", [
    ("How much money did the walk for FOP raise last summer?", "cost",
     "The walk raised $12,500 for FOP research."),
    ("How long did the boy stay in hospital with the swollen thigh?", "length",
     "The boy stayed in hospital for 9 days with the swollen thigh."),
    ("How many people in Canada are living with FOP?", "count",
     "About 40 people in Canada are living with FOP."),
])
def test_a_question_for_an_amount_is_answered_only_by_one(tmp_path, question: str,  # type: ignore[no-untyped-def]
                                                          intent: str, answer: str) -> None:
    # a page about the walk, the boy or the people that gives no sum, length or count
    # does not answer it; one that gives it does
    assert understand(question, load_lexicon()).intents[0] == intent
    silent = ("A walk for FOP is held every summer in Calgary. The boy stayed in hospital "
              "with the swollen thigh. People in Canada are living with FOP.\n")
    with _store_of(tmp_path, {"story.txt": silent}) as kb:
        assert kb.ask(question).abstained
        told = tmp_path / "told.txt"
        told.write_text(answer + "\n", encoding="utf-8")
        kb.ingest([told])
        given = kb.ask(question)
        assert not given.abstained
        assert any(answer in e.sentence_text for s in given.evidence for e in s.citations)


def test_how_much_of_something_measured_otherwise_is_no_dose_question() -> None:
    assert "dose" not in understand("How much bone can grow - is it always a big lump?",
                                    load_lexicon()).intents
    assert understand("How much indomethacin is given after hip surgery?",
                      load_lexicon()).intents[0] == "dose"
    assert "dose" not in understand("Who should be offered low-dose radiation?",
                                    load_lexicon()).intents  # names a treatment


def test_a_sentence_two_documents_share_word_for_word_cites_both(tmp_path) -> None:  # type: ignore[no-untyped-def]
    shared = ("Heterotopic ossification most often forms around the hip after a total hip "
              "arthroplasty.")
    with _store_of(tmp_path, {"review.txt": f"Where it forms\n\n{shared} Pain is common.\n",
                              "encyclopedia.txt": f"Sites\n\nIt is rare in the hand. {shared}\n"
                              }) as kb:
        answer = kb.ask("Where does heterotopic ossification usually form?")
        quoting = [s for s in answer.evidence if " ".join(s.text.split()) == shared]
        assert len(quoting) == 1  # quoted once …
        cited = {c.doc for c in quoting[0].citations}
        assert cited == {"review", "encyclopedia"}  # … with every document that says it
        assert check_citations(kb.store, answer) == []


@pytest.mark.parametrize("sentence", [
    "Fourteen of the 58 shoulders had radiographic evidence of heterotopic ossification.",
    "Heterotopic ossification was seen in 12 of the 40 shoulders after the operation.",
    "Twenty-one out of all 90 shoulders showed heterotopic ossification on radiographs.",
])
def test_a_count_out_of_a_group_answers_how_often(tmp_path, sentence: str) -> None:  # type: ignore[no-untyped-def]
    with _store_of(tmp_path, {"series.txt": f"Results\n\n{sentence}\n"}) as kb:
        ranked = _ranked(kb.knowledge, "How often does heterotopic ossification form in "
                                       "the shoulder?")
        assert any(r.holds.get("frequency") for r in ranked if r.place.text == sentence)


def test_how_many_days_a_thing_cost_is_no_price_question() -> None:
    lexicon = load_lexicon()
    assert "cost" not in understand("On average how many days of sport did a severe thigh "
                                    "bruise cost?", lexicon).intents
    assert "cost" in understand("How much does radiotherapy for HO cost?", lexicon).intents



def test_an_outline_item_is_quoted_with_the_items_nested_under_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # an outline page names a topic ("Risk factors") and nests its members one level deeper,
    # without the colon a lead-in sentence ends with
    page = ("Knee replacement and heterotopic bone\n\n"
            "  • Epidemiology\n"
            "    • Incidence\n"
            "      • rates range from 1% to 40% after total knee arthroplasty\n"
            "    • Risk factors\n"
            "      • hypertrophic arthrosis\n"
            "      • male gender\n"
            "      • obesity\n"
            "  • Treatment\n"
            "    • observation in most cases\n")
    with _store_of(tmp_path, {"outline.txt": page}) as kb:
        answer = kb.ask("Which patients are at higher risk of heterotopic ossification after "
                        "knee arthroplasty? I am looking for the list of risk factors")
    quoted = next(s for s in answer.evidence if s.text == "Risk factors")
    cited = [c.sentence_text for c in quoted.citations]
    # after the item itself (and the one it is nested under), its own items, no more
    assert cited[cited.index("Risk factors") + 1:] == [
        "hypertrophic arthrosis", "male gender", "obesity"]


@pytest.mark.parametrize(("question", "abstains"), [
    ("What dose of indomethacin in mg was given to prevent heterotopic ossification?", True),
    ("What radiation dose prevents heterotopic ossification after hip surgery?", False),
    # a dose beside another drug is no dose of the asked one
    ("Was alendronate given as 70 mg weekly after spinal cord injury?", True),
    ("What dose of etidronate was given after spinal cord injury?", False),
])
def test_a_dose_in_units_the_asked_care_is_not_given_in_is_no_answer(
        tmp_path, question: str, abstains: bool) -> None:  # type: ignore[no-untyped-def]
    # the page gives radiation in Gy, etidronate in mg, and names indomethacin and alendronate
    # without a dose
    page = ("Prophylaxis after hip surgery\n\nRadiation of 7 Gy in a single fraction within "
            "72 hours of hip surgery prevents heterotopic ossification.\n\nIndomethacin also "
            "prevents heterotopic ossification after hip surgery.\n\nAfter spinal cord "
            "injury, etidronate was given at 20 mg/kg/day for two weeks. Alendronate has been "
            "tried after spinal cord injury as well.\n")
    with _store_of(tmp_path, {"doses.txt": page}) as kb:
        answer = kb.ask(question)
    assert answer.abstained is abstains



def test_a_verb_is_found_in_the_noun_the_stemmer_keeps_apart_from_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "excluded" is stemmed exclud, "exclusion" exclus: the question is searched in both forms
    page = ("A hip trial\n\nThe trial enrolled 400 patients having a total hip arthroplasty. "
            "Exclusion criteria were ankylosing spondylitis and neurologic disease. "
            "Patients were followed for one year with radiographs. Most patients were women. "
            "The patients were seen in clinic at six weeks.\n")
    with _store_of(tmp_path, {"trial.txt": page}) as kb:
        answer = kb.ask("Which patients were excluded from the trial?")
    assert "Exclusion criteria" in answer.evidence[0].text
