"""What real pages and real askers say that the seeds never did: questions in several parts,
sentences that say "it", definitions, figures with their ranges, everyday words for injuries."""

from __future__ import annotations

import pytest

from fixtures import ranked_evidence, store_of_pages
from osteon import KnowledgeBase
from osteon.ask.evidence import _page_bm25
from osteon.ask.understand import pointed_words, question_rules, understand
from osteon.corpus.records import PageCoverage
from osteon.reading.lexicon import load_lexicon

CASE_PAGE = (
    "Ossifying myositis in the infant: a case\n\n"
    "Myositis ossificans is a benign disorder of bone forming in skeletal muscle.\n"
    "It is extremely rare in children, <1% of cases occur in children under 10 years.\n"
    "We present a boy who was referred to our hospital for a swelling of the thigh.\n"
    "Characteristic ossification was first noted radiographically at a mean of 12.1 "
    "(11.5-12.8) months after the injury.\n"
    "The boy had fractured the head of his radius in a fall.\n")


def test_a_question_in_two_parts_is_answered_for_the_part_the_sources_treat(
        seeded_kb: KnowledgeBase) -> None:
    # the first part asks about what no source mentions, the second about what they treat
    answer = seeded_kb.ask("Does coffee change anything? How is heterotopic ossification "
                           "treated?")
    assert not answer.abstained
    assert any("Part of the question is not answered" in n and "coffee" in n
               for n in answer.notes), answer.notes
    # the same part alone is still beyond the sources
    alone = seeded_kb.ask("Does coffee change anything?")
    assert alone.abstained


def test_a_sentence_that_says_it_is_about_what_the_one_before_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"infant_mo.txt": CASE_PAGE}) as kb:
        ranked = ranked_evidence(kb.knowledge, "How common is myositis ossificans in kids?")
        answer = kb.ask("How common is myositis ossificans in kids?")
    rare = next(r for r in ranked if "extremely rare" in r.place.text)
    assert rare.features["concepts"] == 1.0  # named by the sentence it points back to
    assert "<1% of cases" in answer.answer
    # and it is quoted with that sentence, so it reads right
    quoted = next(s for s in answer.evidence if "extremely rare" in s.text)
    assert any("benign disorder" in c.quote for c in quoted.citations)


def test_it_that_stands_for_what_follows_points_nowhere(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Notes\n\nMyositis ossificans is a benign disorder of muscle.\n"
            "It is important to note that physical therapy helps after surgery.\n"
            "It can follow a single blow to the thigh.\n")
    question = "Does physical therapy help myositis ossificans after surgery?"
    with store_of_pages(tmp_path, {"notes.txt": page}) as kb:
        ranked = ranked_evidence(kb.knowledge, question)
    note = next(r for r in ranked if "important to note" in r.place.text)
    # "it" stands for "that physical therapy helps": the sentence names therapy and
    # surgery, not MO (pointing back would have lent it the sentence before's MO)
    assert note.features["concepts"] < 1.0
    # while "It can follow a blow" is about what the sentence before it names
    blow = next(r for r in ranked if "single blow" in r.place.text)
    assert blow.features["concepts"] > 0.0


def test_a_sentence_that_says_what_the_asked_thing_is_answers_what_it_is(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Jaw joint\n\n"
            "Many operations have been proposed to manage myositis ossificans and its "
            "recurrence in the jaw.\n"
            "Myositis ossificans is a condition where bone forms inside a bruised muscle.\n")
    with store_of_pages(tmp_path, {"jaw.txt": page}) as kb:
        ranked = ranked_evidence(kb.knowledge, "What is myositis ossificans?")
        answer = kb.ask("What is myositis ossificans?")
    defining = next(r for r in ranked if "is a condition where" in r.place.text)
    mentioning = next(r for r in ranked if "operations have been proposed" in r.place.text)
    assert defining.holds["definition"] and not mentioning.holds["definition"]
    assert answer.answer.startswith("From the sources: Myositis ossificans is a condition")


def test_a_figure_with_its_range_in_brackets_is_a_duration(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"infant_mo.txt": CASE_PAGE}) as kb:
        ranked = ranked_evidence(kb.knowledge,
                                 "When does myositis ossificans first show on x-ray?")
    noted = next(r for r in ranked if "12.1 (11.5-12.8) months" in r.place.text)
    assert noted.holds["onset"]


def test_everyday_words_for_an_injury_find_the_source_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"infant_mo.txt": CASE_PAGE}) as kb:
        answer = kb.ask("Which bone had the boy broken?")
    assert not answer.abstained
    assert any("fractured the head of his radius" in s.text for s in answer.evidence)


def test_comparisons_and_counts_in_everyday_wording_are_understood() -> None:
    from osteon.ask.understand import understand
    from osteon.reading.lexicon import load_lexicon

    lexicon = load_lexicon()
    as_good = understand("Are the selective painkillers as good as the older NSAIDs at "
                         "stopping HO?", lexicon)
    more_than = understand("Do selective NSAIDs cause more bleeding than the others?", lexicon)
    count = understand("How many randomised trials went into the review?", lexicon)
    assert as_good.intents[0] == "comparison" and more_than.intents[0] == "comparison"
    assert "frequency" in count.intents
    assert "frequency" in understand("Which type of HO was the most common after a jaw "
                                     "joint replacement?", lexicon).intents
    # a count of days is a time, not a frequency
    assert "frequency" not in understand("How many weeks after surgery does HO show?",
                                         lexicon).intents


def test_a_verb_in_ing_with_an_object_is_no_topic_of_its_own(seeded_kb: KnowledgeBase
                                                              ) -> None:
    # "giving the patients indomethacin": what is given is what the question asks about
    answer = seeded_kb.ask("Did giving the patients indomethacin after hip surgery prevent "
                           "heterotopic ossification?")
    assert not answer.abstained, answer.notes
    # and an object no source names is still a reason to give up
    coffee = seeded_kb.ask("Does drinking the coffee after hip surgery make HO more likely?")
    assert coffee.abstained and any("coffee" in n for n in coffee.notes), coffee.notes


def test_lay_words_for_what_sources_say_otherwise_are_no_unmentioned_topics(
        seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("Which gene is faulty in fibrodysplasia ossificans progressiva?")
    assert not answer.abstained, answer.notes


def test_an_injury_on_a_page_about_fop_leaves_the_sentence_in_fop(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Living with FOP\n\n"
            "Fibrodysplasia ossificans progressiva (FOP) is a rare genetic disease.\n"
            "People with FOP form bone in muscles and tendons.\n"
            "FOP flare-ups come and go throughout life.\n"
            "Most people with FOP need a wheelchair by the age of 30.\n"
            "Early death is often caused by falls resulting in fractures or head injuries.\n")
    with store_of_pages(tmp_path, {"fop_news.txt": page}) as kb:
        ranked = ranked_evidence(kb.knowledge, "What usually causes early death in FOP?")
    death = next(r for r in ranked if "Early death" in r.place.text)
    # a head injury is what people with FOP suffer here, not the index event of acquired HO
    assert "genetic" in death.scope.family
    assert death.features["scope"] > 0 and death.scope_note is None


def test_keyword_lines_titles_and_aims_do_not_lead_an_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("COX-2 inhibitors for the prevention of heterotopic ossification after total hip "
            "arthroplasty A meta-analysis\n\n"
            "Keywords: heterotopic ossification, total hip arthroplasty, NSAID, meta-analysis.\n"
            "The purpose of this meta-analysis was to compare NSAIDs after total hip "
            "arthroplasty.\n"
            "Eight trials of selective NSAIDs after total hip arthroplasty were included.\n"
            "Heterotopic ossification after total hip arthroplasty was as frequent with "
            "selective as with non-selective NSAIDs.\n")
    question = "Which NSAIDs were compared for heterotopic ossification in the meta-analysis?"
    with store_of_pages(tmp_path, {"cox2_meta.txt": page}) as kb:
        ranked = ranked_evidence(kb.knowledge, question)
        answer = kb.ask(question)
    assert not any(r.place.text.startswith("Keywords") for r in ranked)
    title = next(r for r in ranked if r.place.text.endswith("A meta-analysis"))
    aim = next(r for r in ranked if "The purpose of this meta-analysis" in r.place.text)
    assert title.features["aim"] and aim.features["aim"]
    assert "purpose" not in answer.answer and "A meta-analysis" not in answer.answer


def test_the_items_of_a_list_of_index_terms_are_no_evidence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Bone in the thigh muscle: imaging in eight patients\n\n"
            "Computed tomography showed a calcified rim in every patient.\n\n"
            "MeSH terms\n\n"
            "  • Tomography, X-Ray Computed\n"
            "  • Myositis Ossificans / diagnostic imaging\n\n"
            "Keywords: computed tomography, myositis ossificans\n\n"
            "The rim was seen on computed tomography before plain films showed it.\n")
    question = "What did the computed tomography show in these patients?"
    with store_of_pages(tmp_path, {"imaging.txt": page}) as kb:
        ranked = ranked_evidence(kb.knowledge, question)
    texts = [r.place.text for r in ranked]
    assert not any(t.startswith(("Tomography", "Myositis Ossificans /")) for t in texts)
    # a keyword line read as a heading does not hide the text below it
    assert any(t.startswith("The rim was seen") for t in texts)


def test_a_sentence_in_the_sources_words_for_the_question_is_a_candidate(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "causes" is said "etiology" there, and "analysed" meets "analysis" by its stem: the
    # page the question is about lends such sentences although they share no word as typed
    page = ("Case notes\n\n"
            "A boy hurt his thigh playing football.\n"
            "Bone formed in the muscle within weeks.\n"
            "The etiology remains uncertain in such cases.\n")
    with store_of_pages(tmp_path, {"case.txt": page}) as kb:
        ranked = ranked_evidence(kb.knowledge, "Do we know what causes bone forming in a "
                                               "thigh muscle after football?")
    assert any("etiology remains uncertain" in r.place.text for r in ranked)


def test_a_frequency_written_as_a_ratio_answers_how_rare() -> None:
    from osteon.ask.ranking_rules import compiled, ranking_rules

    percent = compiled(ranking_rules().answers["percent"].pattern)
    assert percent.search("The prevalence is approximately 1:2.000.000 worldwide.")
    assert percent.search("It affects 1:50,000 births.")
    assert not percent.search("The clinic opens at 10:30.")


def test_a_count_of_cases_answers_how_often() -> None:
    """"Recurrence occurred in three patients", "in 10 of 41 hips": how many it happened to."""
    from osteon.ask.ranking_rules import compiled, ranking_rules

    percent = compiled(ranking_rules().answers["percent"].pattern)
    assert percent.search("Clinical relevant recurrence occurred in three patients.")
    assert percent.search("Complications occurred in 10 hips.")
    assert not percent.search("The operation was done in three stages.")


def test_a_kind_of_the_asked_place_answers_where(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Burn outcomes\n\n"
            "Heterotopic ossification was studied in 300 burned patients.\n"
            "The elbow was the most frequent site (>90%), and 44% were bilateral.\n")
    with store_of_pages(tmp_path, {"burns.txt": page}) as kb:
        ranked = ranked_evidence(kb.knowledge, "Which joint gets heterotopic ossification "
                                               "most often after a burn?")
    elbow = next(r for r in ranked if "The elbow" in r.place.text)
    assert elbow.holds["site"]  # the elbow is a joint: what "which joint?" asks for


@pytest.mark.parametrize(("question", "word"), [
    ("Does Medicare cover radiation therapy for heterotopic ossification?", "medicare"),
    ("Which surgeon in Boston removes heterotopic ossification?", "boston"),
])
def test_a_word_only_like_a_source_word_is_no_typo_of_it(seeded_kb: KnowledgeBase,
                                                         question: str, word: str) -> None:
    # "Medicare" is not a slip of "medical", nor "Boston" of "postpone": what the
    # question asks about is what no source mentions
    answer = seeded_kb.ask(question)
    assert answer.abstained and any(word in n for n in answer.notes), answer.notes


@pytest.mark.parametrize("question", [
    "How common is heterotopic ossification after a hip replacment?",  # a slip
    "Is immature heterotopic bone removed by surgery?",  # a negated source word
    "What is the commonest place for heterotopic ossification after a hip replacement?",
    "How soon after a hip replacment does heterotopic ossification show on an xray?",
])
def test_slips_and_forms_of_source_words_are_not_unmentioned(seeded_kb: KnowledgeBase,
                                                             question: str) -> None:
    answer = seeded_kb.ask(question)
    assert not answer.abstained, answer.notes


def test_a_source_named_as_its_reader_knows_it_is_no_unmentioned_word(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the page's text never says "UPMC"; its name does, and so does the reader's question
    page = ("Myositis ossificans: a teaching case\n\n"
            "Myositis ossificans shows a zonal pattern, with mature bone at the rim.\n"
            "Osteosarcoma shows the reverse pattern, with immature tissue at the rim.\n")
    with store_of_pages(tmp_path, {"mo_pathology_upmc.txt": page}) as kb:
        upmc = kb.ask("In the UPMC teaching case, where is the mature bone of myositis "
                      "ossificans?")
        sarcoma = kb.ask("What pattern does a sarcoma show at the rim?")
    assert not upmc.abstained, upmc.notes
    assert not sarcoma.abstained, sarcoma.notes  # the end of a source's "osteosarcoma"


def test_short_everyday_words_beside_a_treated_topic_phrase_the_question(
        seeded_kb: KnowledgeBase) -> None:
    # two words no source uses, but short, beside a hip replacement the sources treat
    plain = seeded_kb.ask("Is the new bone after a hip replacement mostly in the middle or "
                          "round the edge of the joint?")
    assert not plain.abstained, plain.notes
    # a long name of a thing beside it is what the question asks about
    players = seeded_kb.ask("Is heterotopic ossification after elbow surgery more common in "
                            "rugby players?")
    assert players.abstained and any("players" in n for n in players.notes), players.notes


@pytest.mark.parametrize(("typed", "meant", "slip"), [
    ("radiaton", "radiation", True),  # a letter left out
    ("surgury", "surgery", True),  # a vowel for a vowel
    ("bpne", "bone", True),  # a key beside the right one
    ("laser", "later", False),  # s and t lie apart: another word
    ("statin", "static", False),
])
def test_a_typing_slip_is_what_fingers_do(typed: str, meant: str, slip: bool) -> None:
    from osteon.ask.spelling import slips_of

    assert slips_of(typed, meant) is slip


@pytest.mark.parametrize("question", [
    "What did the Turkish stroke patient develop around the hip?",
    "In the Navy amputee clinic series, how common was heterotopic ossification?",
])
def test_a_name_that_tells_a_source_apart_is_no_topic(seeded_kb: KnowledgeBase,
                                                      question: str) -> None:
    # where the case comes from is not what is asked ("which hospital in Brazil" is)
    answer = seeded_kb.ask(question)
    assert not answer.abstained, answer.notes


def test_a_concept_a_source_names_in_another_form_is_no_unknown_side(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Cerebral palsy and hip surgery\n\n"
            "Heterotopic ossification after hip surgery was more frequent in quadriplegic "
            "than in hemiplegic children (17.5 times the risk).\n"
            "Children with cerebral palsy had hip surgery for dislocation.\n")
    with store_of_pages(tmp_path, {"cp_hips.txt": page}) as kb:
        answer = kb.ask("How much more risk of heterotopic ossification does a child with "
                        "quadriplegia carry compared with hemiplegia?")
    assert not answer.abstained, answer.notes
    assert any("17.5" in s.text for s in answer.evidence)


def test_an_inflection_leaves_a_stem_of_five_letters_at_least() -> None:
    from osteon.ask.spelling import misspelt
    from osteon.ask.understand import question_rules

    rules = question_rules()
    assert misspelt("commonest", ["common", "ever"], rules)  # "common" + "est"
    assert not misspelt("everest", ["common", "ever", "everi"], rules)  # no "ever" + "est"


def test_a_word_that_tells_the_source_apart_is_no_topic(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("How soon does heterotopic ossification show on an x-ray, per "
                           "the fitness article?")
    assert not answer.abstained, answer.notes


def test_who_asks_is_no_topic_of_the_question(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("Hospital chaplain here - what is heterotopic ossification?")
    assert not answer.abstained, answer.notes
    # a word right before a source noun only when it is no name further off: the therapy
    # of "a shockwave therapy protocol" is what is asked about
    shock = seeded_kb.ask("Is there a shockwave therapy protocol that breaks up myositis "
                          "ossificans?")
    assert shock.abstained and any("shockwave" in n for n in shock.notes), shock.notes


@pytest.mark.parametrize(("question", "word"), [
    ("How often is heterotopic ossification grade II-III after hip replacement?", "ii-iii"),
    ("Which gene change causes fibrodysplasia ossificans progressiva?", "change"),
])
def test_phrasing_grades_and_lay_words_are_no_unmentioned_topics(
        seeded_kb: KnowledgeBase, question: str, word: str) -> None:
    answer = seeded_kb.ask(question)
    assert not any(word in n for n in answer.notes), answer.notes


def test_a_slip_of_a_framing_word_frames_the_question(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from osteon.ask.understand import question_rules, understand
    from osteon.ask.unmentioned import unmentioned

    page = "Thigh bruises\n\nMyositis ossificans is caused by a blow to a muscle.\n"
    with store_of_pages(tmp_path, {"mo.txt": page}) as kb:
        rules = question_rules()
        question = understand("Do doctors actualy know what causes myositis ossificans?",
                              kb.knowledge.lexicon, rules)
        assert "actualy" not in unmentioned(kb.knowledge, question, rules)  # mistyped


def test_a_sentence_that_asks_does_not_lead_an_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Photo quiz: a lump in the thigh\n\n"
            "Which one of the following is the most likely diagnosis for a lacrosse player "
            "with a hard thigh lump after a blow?\n"
            "The answer is myositis ossificans, bone forming in a bruised muscle.\n")
    with store_of_pages(tmp_path, {"quiz.txt": page}) as kb:
        answer = kb.ask("Lacrosse player with a hard thigh lump after a blow: what is the "
                        "likely diagnosis?")
    assert "Which one of the following" not in answer.answer, answer.answer


def test_childhood_and_held_are_no_unmentioned_topics(seeded_kb: KnowledgeBase) -> None:
    answer = seeded_kb.ask("Is there an agreed way to treat childhood heterotopic ossification "
                           "held in the elbow?")
    assert not any(w in n for n in answer.notes for w in ("childhood", "agreed", "held"))


FERRET_PAGE = (
    "Heterotopic ossification in a ferret\n\n"
    "A ferret was brought to the clinic with firm swellings of the abdomen.\n"
    "The veterinarians removed the spleen and one kidney, both holding heterotopic bone.\n"
    "In progressive osseous heteroplasia no one can predict which part of the body will "
    "be involved over the years.\n"
    "A glycine change at position 258 is thought to activate the receptor without a "
    "ligand.\n")


@pytest.mark.parametrize("question", [
    "Which organs did the vets remove from the ferret?",  # the kind of answer asked for
    "What 2 organs did the vets remove from the ferret?",  # a figure before it
    "Which ferret organs did the vets remove?",  # the last word of its phrase
    "is it possible to predict which parts of the body POH will attack?",  # a verb
    "How might a glycine at position 258 switch the receptor on?",  # a verb before its object
])
def test_a_word_whose_place_shows_it_phrases_the_question_is_no_topic(
        tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    # "organs", "attack", "switch": no source says them, and none is what is asked about
    with store_of_pages(tmp_path, {"ferret.txt": FERRET_PAGE}) as kb:
        answer = kb.ask(question)
        dementia = kb.ask("Does heterotopic ossification raise the risk of dementia?")
    assert not answer.abstained, answer.notes
    assert any(c.doc == "ferret" for s in answer.evidence for c in s.citations)
    assert dementia.abstained  # a topic word no source uses is still beyond them


def test_everyday_names_of_body_parts_are_said_in_the_anatomy_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Disc replacement\n\n"
            "Heterotopic ossification followed cervical disc replacement in 40% of "
            "patients at five years.\n")
    with store_of_pages(tmp_path, {"disc.txt": page}) as kb:
        answer = kb.ask("How often does HO form after a neck disc replacement?")
    assert not answer.abstained, answer.notes
    assert "40%" in answer.answer


def test_what_a_case_turned_out_to_be_is_a_condition_not_its_signs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Photo quiz: thigh pain\n\n"
            "A 16-year-old presented with thigh pain three weeks after a collision in a game.\n"
            "A firm, tender mass was felt over the lateral thigh on examination.\n"
            "Radiography of the femur is the usual first test for a thigh mass.\n"
            "Early diagnosis spares a needless biopsy of a lesion that may turn out benign.\n"
            "The imaging findings were consistent with myositis ossificans.\n")
    question = "what did the thigh lump in the quiz turn out to be?"
    with store_of_pages(tmp_path, {"quiz.txt": page}) as kb:
        ranked = [r.place.text for r in ranked_evidence(kb.knowledge, question)]
        answer = kb.ask(question)
    assert answer.understood is not None and answer.understood.intents[0] == "diagnosed"
    # the condition it was found to be comes before the signs it presented with
    named = next(i for i, t in enumerate(ranked) if "consistent with" in t)
    assert all(named < i for i, t in enumerate(ranked) if "presented with" in t or "felt" in t)
    assert any("consistent with myositis ossificans" in s.text for s in answer.evidence)


def test_a_word_no_source_uses_before_a_kind_of_care_names_what_is_asked(
        seeded_kb: KnowledgeBase) -> None:
    # the sources speak of therapy, radiation, braces: not of lasers or hinged braces
    laser = seeded_kb.ask("What is the cure rate of HO with laser therapy?")
    radiation = seeded_kb.ask("What is the success rate of radiation therapy for HO?")
    assert laser.abstained and any("laser" in n for n in laser.notes), laser.notes
    assert not radiation.abstained


def test_a_lower_case_word_is_no_search_for_a_name_written_in_capitals(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "could not hop" asks nothing of the HOP trials
    pages = {
        "hop_trials.txt": ("Radiotherapy trials\n\n"
                           "Effective prophylaxis was achieved in 91% of hips of HOP 1.\n"
                           "HOP 2 compared radiation before and after surgery.\n"),
        "kangaroo.txt": ("A kangaroo with a lame leg\n\n"
                         "A captive kangaroo was presented with lameness and reluctance to "
                         "jump.\n"
                         "Imaging showed myositis ossificans in the lumbar muscles.\n"),
    }
    question = "what was wrong with the zoo kangaroo that could not hop?"
    with store_of_pages(tmp_path, pages) as kb:
        ranked = ranked_evidence(kb.knowledge, question)
    assert ranked and all(r.place.doc_id == "kangaroo" for r in ranked[:2])
    assert not any("HOP" in r.place.text for r in ranked)


def test_a_degree_asked_and_the_writer_of_a_page_are_no_topics(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Ward notes\n\n"
            "The intensive care unit ran at 120% occupancy during the winter.\n"
            "The post describes a patient who developed heterotopic ossification around the "
            "hip after a long time on a ventilator.\n")
    with store_of_pages(tmp_path, {"ward.txt": page}) as kb:
        crowded = kb.ask("How overfull was the intensive care unit - what occupancy?")
        blogger = kb.ask("According to the blogger, what led to heterotopic ossification?")
        astronauts = kb.ask("How many astronauts developed heterotopic ossification?")
    assert not crowded.abstained and "120%" in crowded.answer, crowded.notes
    assert not blogger.abstained, blogger.notes
    assert astronauts.abstained  # "how many" counts a topic no source names


def test_boys_or_girls_asks_for_the_ratio_of_the_sexes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Myositis ossificans in children\n\n"
            "Sixty children with myositis ossificans were found in the literature.\n"
            "The mean age at diagnosis was nine years.\n"
            "The male-to-female ratio was 1:1.\n"
            "Most lesions were in the thigh.\n")
    question = "boys or girls - who gets myositis ossificans more often?"
    with store_of_pages(tmp_path, {"children.txt": page}) as kb:
        ranked = ranked_evidence(kb.knowledge, question)
    assert any("1:1" in r.place.text for r in ranked[:2]), [r.place.text for r in ranked]


def test_a_why_question_about_a_test_is_not_answered_with_the_mouse_path(
        seeded_kb: KnowledgeBase) -> None:
    # the question is about the scan; how bone comes about is the answer to another one
    scan = seeded_kb.ask("Why would an ultrasound scan suit screening for HO after a "
                         "spinal cord injury?")
    path = seeded_kb.ask("How does a spinal cord injury lead to bone in muscle?")
    assert not scan.answer.startswith("In mouse experiments"), scan.answer
    assert path.answer.startswith("In mouse experiments"), path.answer


@pytest.mark.parametrize("text", ["Does HO follow a cord injury?",
                                  "Why do cord-injured patients get HO?",
                                  "what share of spinal cord injured folks get HO?"])
def test_a_cord_injury_is_a_spinal_cord_injury(text: str) -> None:
    question = understand(text, load_lexicon(), question_rules())
    assert "spinal_cord_injury" in question.concepts, question.concepts


def test_a_question_that_points_at_a_source_is_asked_of_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # it names no concept, and a word no page uses ("lesson", "nuclear") phrases what it
    # asks of the case report it points at; nothing points at a source in an off-topic
    # question, whose unknown words are its whole topic
    page = ("A bone scan in a patient after a car crash\n\n"
            "The patient was sent from the sports medicine clinic for a bone scan before a "
            "planned operation on his hip.\n"
            "The case report teaches clinicians that a bone scan can show maturing bone in "
            "the thigh.\n")
    with store_of_pages(tmp_path, {"bone_scan_case.txt": page}) as kb:
        lesson = kb.ask("What is the lesson for clinicians from this case report?")
        scan = kb.ask("Why did the patient get the nuclear medicine scan?")
        tyre = kb.ask("How do I fix a flat bicycle tyre?")
    assert not lesson.abstained, lesson.notes
    assert not scan.abstained, scan.notes
    assert tyre.abstained


def test_a_lay_name_for_a_way_of_operating_finds_the_sources_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "keyhole" (named in no page) is the asker's word for the sources' "arthroscopic"
    page = ("Bone in the deltoid after shoulder surgery\n\n"
            "We describe heterotopic ossification in the deltoid muscle after arthroscopic "
            "rotator cuff repair.\n")
    with store_of_pages(tmp_path, {"deltoid_case.txt": page}) as kb:
        answer = kb.ask("Which muscle grew bone after keyhole surgery on the shoulder?")
    assert not answer.abstained, answer.notes
    assert any("deltoid" in c.sentence_text for s in answer.shown() for c in s.citations)


def test_which_member_of_a_drug_class_finds_a_sentence_naming_only_the_member(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Motion against a stiff hip: a case\n\n"
            "A man with a stiff hip after a stroke started daily passive motion.\n"
            "In addition, risedronate was administrated.\n"
            "His hip bent further after three months.\n")
    with store_of_pages(tmp_path, {"stiff_hip_case.txt": page}) as kb:
        answer = kb.ask("Which bisphosphonate did the stroke patient get?")
    quoted = [c.sentence_text for s in answer.evidence for c in s.citations]
    assert any("risedronate" in t for t in quoted[:3]), quoted


CALCINOSIS_PAGE = (
    "Calcific myonecrosis of the leg\n\n"
    "Calcific myonecrosis is a late, large, calcified mass of muscle that can look like a soft "
    "tissue sarcoma on imaging.\n"
    "The mass grows slowly over many years as bleeding into it recurs.\n"
    "In the case series most lesions were of a mild grade and few of a severe grade.\n"
    "Of the blood markers, alkaline phosphatase and creatine kinase were raised early; "
    "osteocalcin was raised later.\n"
    "Function was graded with the Glasgow Outcome Scale besides the Brooker grade.\n"
    "Two radiologists read the films apart.\n")


@pytest.mark.parametrize("question", [
    "Why might a doctor mistake calcific myonecrosis for a sarcoma?",  # verb after a subject
    "In the case series, what share was of the mildest grade?",  # a degree of "mild"
    "Why does a calcified mass like that keep getting larger?",  # a degree of "large"
    "Besides Brooker, which scale was used to describe what function was left?",
    "Which blood markers went up early, and which one rose after them?",  # past tenses
    "Which calcified mass was mistaken for a sarcoma?",  # a past participle
    "How many readers graded the films?",  # one who reads: the sources' "read"
])
def test_a_verb_a_degree_or_a_past_tense_phrases_the_question(
        tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    # "mistake", "mildest", "describe", "went", "rose": no source says them, none is a topic
    with store_of_pages(tmp_path, {"myonecrosis.txt": CALCINOSIS_PAGE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert any(c.doc == "myonecrosis" for s in answer.evidence for c in s.citations)


TRIAL_PAGE = (
    "A trial of a drug against flare-ups of fibrodysplasia ossificans progressiva\n\n"
    "The patient organisation for FOP says the condition affects about one in two million "
    "people.\n"
    "Forty patients were randomised to the drug or to a placebo treatment for twelve weeks.\n"
    "New bone was measured with whole-body computed tomography at the start and after a "
    "year.\n"
    "The girl later had new bone in her back and shoulders.\n"
    "In a study of the first twenty patients, the drug reduced new bone by half.\n")


@pytest.mark.parametrize("question", [
    "How was the amount of new bone measured in FOP?",  # the aspect asked of a thing
    "Which parts of her body did it reach afterwards?",  # an adverb of time
    "How many pts with FOP got the drug?",  # shorthand people type
    "Were some of the FOP patients given a dummy treatment?",  # what people call a placebo
    "How many patients were in that substudy?",  # a prefix on a source's word
    "According to the Canadian FOP charity, how rare is FOP?",  # who publishes a source
    "How many of the Toronto researchers' FOP patients got placebo?",  # who wrote it
    "Why might a whole-body scan at the one-year mark be hard for people with FOP?",
])
def test_an_aspect_an_adverb_or_a_shorthand_phrases_the_question(
        tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"fop_trial.txt": TRIAL_PAGE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert any(c.doc == "fop_trial" for s in answer.evidence for c in s.citations)


def test_a_topic_no_page_names_is_still_declined_beside_those_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"fop_trial.txt": TRIAL_PAGE}) as kb:
        answer = kb.ask("What amount of zilurgisertib is given in FOP afterwards?")
    assert answer.abstained


def test_why_something_is_hard_for_people_is_no_mechanism_question(
        seeded_kb: KnowledgeBase) -> None:
    # what a clinician finds hard to see is not how bone comes about
    hard = seeded_kb.ask("Why is HO harder to spot in someone with a high spinal cord injury?")
    assert not hard.answer.startswith("In mouse experiments"), hard.answer


def test_how_much_more_asks_for_a_ratio(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Flare-ups in a year of FOP\n\n"
            "New bone forms in people with fibrodysplasia ossificans progressiva after "
            "flare-ups.\n"
            "Flare-ups were reported by most people with new bone in the study.\n"
            "Mean new bone volume in people with flare-ups was about six times that of people "
            "without flare-ups.\n")
    question = "How much more new bone did people with flare-ups form than those without?"
    with store_of_pages(tmp_path, {"flare_year.txt": page}) as kb:
        ranked = ranked_evidence(kb.knowledge, question)
    assert "six times" in ranked[0].place.text, [r.place.text for r in ranked[:3]]


@pytest.mark.parametrize(("text", "asked"), [
    ("The lad with the stiff elbow - what injury did he have and how long before his scan?",
     "onset"),
    ("Why might the diagnosis come late - when does the pain get worse?", "reason"),
])
def test_a_preamble_says_who_and_the_question_word_what_is_asked(text: str, asked: str) -> None:
    # the words before the question word describe the patient ("stiff"), what follows asks
    # ("how long"); a first part that is a question of its own still asks
    assert asked in understand(text, load_lexicon(), question_rules()).intents


def test_a_question_sharing_no_word_with_the_sources_is_declined(
        seeded_kb: KnowledgeBase) -> None:
    # "basil" looks like a source's "basic": no phrasing of a question whose every word is
    # foreign to the sources, though "keep … from" asks for a prevention they speak of
    basil = seeded_kb.ask("What's the best way to keep fresh basil from wilting?")
    bone = seeded_kb.ask("What is the best way to keep heterotopic bone from forming?")
    assert basil.abstained, basil.answer
    assert not bone.abstained


def test_a_condition_or_vitamin_no_page_names_is_the_question_s_unanswered_topic(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Bone after knee replacement\n\n"
            "Heterotopic ossification is more common after total knee replacement in men.\n"
            "Radiation therapy prevents heterotopic ossification after knee replacement.\n")
    with store_of_pages(tmp_path, {"knee.txt": page}) as kb:
        diabetes = kb.ask("Does type 2 diabetes raise the risk of HO after a knee replacement?")
        vitamin = kb.ask("Does vitamin D prevent HO after a knee replacement?")
        men = kb.ask("Does radiation therapy prevent HO after a knee replacement?")
    assert diabetes.abstained and any("diabetes" in n for n in diabetes.notes)
    assert vitamin.abstained
    assert not men.abstained


def test_a_kind_among_many_is_not_answered_by_its_category(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the page speaks of orthopaedic surgery and of spinal cord injury: a question about
    # hip arthroscopy (one of many operations) is beyond it, one about paraplegic people
    # (one of the cord injury's two kinds) is not
    page = ("Bone after injury and surgery\n\n"
            "Heterotopic ossification follows orthopedic surgery in up to 40% of patients.\n"
            "Heterotopic ossification follows spinal cord injury in 20% of patients.\n"
            "It is rarer in people with other musculoskeletal disorders.\n")
    with store_of_pages(tmp_path, {"after.txt": page}) as kb:
        scope = kb.ask("How often does HO follow hip arthroscopy for a labral tear?")
        paraplegic = kb.ask("How often do paraplegic people get HO?")
    assert scope.abstained, scope.answer
    assert not paraplegic.abstained, paraplegic.notes


PROPHYLAXIS_PAGE = (
    "Keeping bone from forming after a hip replacement\n\n"
    "Indomethacin has been given for longest to stop heterotopic ossification after hip "
    "surgery.\n"
    "Etidronate and calcitonin each helped to prevent heterotopic ossification in a single "
    "small study.\n"
    "Bleeding into the wound and a joint infection are risk factors for heterotopic "
    "ossification.\n"
    "After excision, heterotopic ossification comes back in about one in five patients.\n"
    "Fibrodysplasia ossificans progressiva can stiffen the chest wall, so breathing gets "
    "hard and a chest infection can kill.\n")


@pytest.mark.parametrize("question", [
    "Which less usual agents helped prevent HO in single studies?",  # the kind asked for
    "What chest problem can FOP cause, and what are its main dangers?",  # its + noun
    "If I get my HO cut out, how often does it grow back anyway?",  # a discourse adverb
    "Do heavy bleeding or an infected joint count among the risk factors?",  # a modifier
])
def test_the_asked_kind_an_adverb_or_a_modifier_phrases_the_question(
        tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    # "agents", "dangers", "anyway", "heavy": no page says them, none is what is asked about
    with store_of_pages(tmp_path, {"prophylaxis.txt": PROPHYLAXIS_PAGE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert any(c.doc == "prophylaxis" for s in answer.evidence for c in s.citations)


@pytest.mark.parametrize("question", [
    "Does metformin reduce heterotopic ossification after a hip replacement?",
    "What is the five-year survival of heterotopic ossification in teenagers?",
])
def test_a_subject_or_an_attribute_no_page_treats_is_still_declined(
        tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"prophylaxis.txt": PROPHYLAXIS_PAGE}) as kb:
        answer = kb.ask(question)
    assert answer.abstained, answer.answer


@pytest.mark.parametrize(("question", "words"), [
    ("Which joints does the caregiver guide say are usually hit?", {"caregiver"}),
    ("What does the sports clinic say about it coming back?", {"sports"}),
    ("In which year did that ultrasound HO study come out?", {"ultrasound", "ho"}),
    ("Which joints are usually hit?", set()),  # no source pointed at
    ("What did the patient feel?", set()),  # a source noun with nothing to tell it apart
])
def test_the_words_that_tell_a_pointed_at_source_apart(question: str, words: set[str]) -> None:
    assert pointed_words(question, question_rules()) == words


def test_a_pointed_at_source_s_words_weigh_its_page_more() -> None:
    # two pages hold one question word each, as often: the one the question points at wins
    coverage = PageCoverage(documents=10, sentences=100,
                            held={"caregiver": {"guide": 1}, "joints": {"general": 1}},
                            lengths={"guide": 10, "general": 10})
    plain = _page_bm25(coverage, 1.2, 1.0)
    pointed = _page_bm25(coverage, 1.2, 1.0, weights={"caregiver": 2.0})
    assert plain["guide"] == plain["general"]
    assert pointed["guide"] > pointed["general"]


CASE_NOTES_PAGE = (
    "A boy with haemophilia and a thigh swelling\n\n"
    "In the emergency room the boy was given factor VIII at a dose of 50 U/kg, repeated "
    "after 12 hours.\n"
    "Telling heterotopic ossification apart from other calcium deposits in soft tissue is "
    "important because a sarcoma can look the same.\n"
    "Her left elbow still lacks ten degrees of extension after the myositis ossificans.\n")


@pytest.mark.parametrize(("question", "holds"), [
    # a dose asked of what no concept names: the dose beside the question's words answers
    ("How much factor VIII per kilo was the boy given?", "50 U/kg"),
    # "how much straightening": an amount of motion, no dose
    ("Which of her joints had myositis ossificans, and how much straightening is still "
     "missing?", "ten degrees"),
    # "it matters": the verb of "it", no topic of its own
    ("Why do the authors say it matters to tell HO apart from other calcium deposits?",
     "sarcoma"),
])
def test_a_dose_beside_the_question_s_words_and_a_verb_after_it_are_answered(
        tmp_path, question: str, holds: str) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"case.txt": CASE_NOTES_PAGE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert any(holds in c.sentence_text for s in answer.evidence for c in s.citations)


def test_an_abbreviation_the_question_glosses_in_brackets_is_no_unmentioned_name(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("Bone after pelvic fractures\n\n"
            "Greater overall injury severity predicted heterotopic ossification after "
            "acetabular fixation.\n")
    with store_of_pages(tmp_path, {"pelvis.txt": page}) as kb:
        answer = kb.ask("Did how badly hurt people were overall (the ISS) predict heterotopic "
                        "ossification after acetabular fixation?")
        named = kb.ask("Did the ISS predict heterotopic ossification after acetabular "
                       "fixation?")
    assert not answer.abstained, answer.notes
    assert named.abstained  # a short name no page uses, not glossed: still unmentioned


def test_the_verb_that_ends_a_how_does_question_phrases_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ("A second family with a rare variant\n\n"
            "Fibrodysplasia ossificans progressiva with the 587T>C variant shows milder "
            "symptoms than the classic disease.\n")
    with store_of_pages(tmp_path, {"variant.txt": page}) as kb:
        answer = kb.ask("How does the 587T>C type of FOP behave in the family?")
    assert not answer.abstained, answer.notes


STORY_PAGE = (
    "Spinal rehab diary, the week before surgery\n\n"
    "My first operation to remove the heterotopic ossification from my hip is in two weeks.\n"
    "The imaging centre that read my CT scan is run by two radiologists.\n")


@pytest.mark.parametrize("question", [
    "How long until Jason's first HO operation?",  # whose story: his blog need not name him
    "Which scan did the French radiologists read?",  # where they come from
])
def test_whose_story_and_where_from_are_no_unmentioned_topics(
        tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"diary.txt": STORY_PAGE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes


def test_a_country_asked_about_is_still_an_unmentioned_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"diary.txt": STORY_PAGE}) as kb:
        answer = kb.ask("How many people in Japan have their first HO operation in two weeks?")
    assert answer.abstained, answer.answer


WAR_PAGE = """Bone after war wounds

Heterotopic ossification complicates most high-energy wartime wounds of the limbs in military
patients, and prophylaxis is rarely practical during their evacuation.
In adolescents, heterotopic ossification after a head injury is removed by surgery when it
keeps limiting the elbow.
"""


@pytest.mark.parametrize("question", [
    "Why is prevention of HO hard for wounded service members?",
    "How often do combat casualties get heterotopic ossification?",
    "If a teenager's HO keeps stiffening the elbow, can it be operated on?",
])
def test_lay_words_for_soldiers_the_wounded_and_teenagers_find_the_sources_words(
        tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    # "service members", "casualties", "teenager", "keeps": said "military", "wounds",
    # "adolescents" by the page, or only phrasing the question
    with store_of_pages(tmp_path, {"war.txt": WAR_PAGE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes
    assert any(c.doc == "war" for s in answer.evidence for c in s.citations)


VITAMIN_PAGE = ("Bone health after hip replacement\n\n"
                "Vitamin D levels were measured before total hip arthroplasty.\n"
                "Heterotopic ossification developed in 30% of the patients after total hip "
                "arthroplasty.\n"
                "Indomethacin lowered the risk of heterotopic ossification.\n")


@pytest.mark.parametrize(("question", "unknown"), [
    # a place a wh-question asks about is no label of a source, even before "clinic"
    ("Which hospital in Auckland runs a dedicated clinic for heterotopic ossification "
     "after hip replacement?", "auckland"),
    # a taken thing the lexicon knows but no source names is the question's subject,
    # though a source uses one of its words ("vitamin D")
    ("Does taking vitamin K2 supplements lower the chance of heterotopic ossification "
     "after hip replacement?", "vitamin k2"),
])
def test_what_a_question_asks_about_and_no_source_names_is_declined(
        tmp_path, question: str, unknown: str) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"vitamin.txt": VITAMIN_PAGE}) as kb:
        answer = kb.ask(question)
        taken = kb.ask("Does taking indomethacin lower the chance of heterotopic "
                       "ossification after hip replacement?")
    assert answer.abstained
    assert any(unknown in note for note in answer.notes), answer.notes
    assert not taken.abstained  # a taken drug the sources name is asked about


NAILS_PAGE = ("Reamed or unreamed femoral nails\n\n"
              "Sixty antegrade femoral nailings were performed in 58 patients.\n"
              "Pamidronate was given around the excision, starting at 120 mg.\n"
              "Cardiac and smooth muscles are not affected by heterotopic ossification.\n"
              "Radioulnar synostosis may follow a repair of the distal biceps tendon.\n")


@pytest.mark.parametrize("question", [
    # the side of a choice the page does not name is offered, not asked about
    "Were the femoral nails put in antegrade or retrograde?",
    # an author named with colleagues or with a year names a source, not a topic
    "Which bisphosphonate did Schuetz 2005 give around the excision?",
    "What bony complication did Sotereanos and colleagues set out to treat after a biceps "
    "repair?",
    # an organ by the adjective the page uses for it
    "Are the heart and smooth muscle affected by heterotopic ossification?",
])
def test_words_a_page_need_not_hold_do_not_turn_a_question_away(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"nails.txt": NAILS_PAGE}) as kb:
        answer = kb.ask(question)
    assert not answer.abstained, answer.notes


def test_a_comparison_asks_about_both_its_sides(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from osteon.ask.unmentioned import _alternative_of_said

    with store_of_pages(tmp_path, {"nails.txt": NAILS_PAGE}) as kb:
        knowledge, rules = kb.knowledge, question_rules()
        choice = _alternative_of_said(knowledge, "Were the nails put in antegrade or "
                                                 "retrograde?", "retrograde", rules)
        compared = _alternative_of_said(knowledge, "Is HO more common with antegrade or "
                                                   "retrograde nails?", "retrograde", rules)
    assert choice and not compared
