"""Reading as a user relies on it: mentions, status, claims with spans, on new text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fixtures import read_claims as read_text
from osteon.corpus.ingest import ingest_paths
from osteon.knowledge.claim_store import load_claims
from osteon.knowledge.read_pass import read_store
from osteon.reading.lexicon import load_lexicon
from osteon.reading.pipeline import default_pipeline

PARAPHRASES = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "data" / "paraphrases.yaml").read_text())


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


def test_mentions_survive_typographic_characters(pipeline):
    text = "IL\u20111\u03b2 and oncostatin\u00a0M rise after spinal cord injury."
    analysis = pipeline.analyse(text)
    found = {m.concept_id: text[m.start:m.end] for m in analysis.mentions}
    assert found["interleukin_1_beta"] == "IL\u20111\u03b2"
    assert found["oncostatin_m"] == "oncostatin\u00a0M"
    assert found["spinal_cord_injury"] == "spinal cord injury"


def test_negation_and_hedging_scopes_end_at_clause_breaks(pipeline):
    analysis = pipeline.analyse(
        "It is not inherently painful, but swelling might follow a fracture.")
    pain = next(m for m in analysis.mentions if m.concept_id == "pain")
    swelling = next(m for m in analysis.mentions if m.concept_id == "swelling")
    assert pain.negated and not swelling.negated


@pytest.mark.parametrize("text", ["", "   ", "?!*&^%$#@", "—–-", "🦴🦴🦴",
                                  "IL\u20111\u03b2\u200b\ufeff", "bone " * 900])
def test_odd_sentences_are_read_without_crashing(pipeline, text):
    analysis = pipeline.analyse(text)
    assert not analysis.skipped
    assert all(0 <= m.start <= m.end <= len(text) for m in analysis.mentions)


def test_a_50000_character_sentence_is_skipped_and_counted(tmp_path, empty_store):
    (tmp_path / "runon.txt").write_text("Bone forms in muscle " * 2_500 + ".\n\n"
                                        "Burns cause heterotopic ossification.\n")
    ingest_paths(empty_store, [tmp_path / "runon.txt"], max_bytes=10**6)
    report = read_store(empty_store)
    assert report.skipped_sentences == 1
    assert {c.subject for c in load_claims(empty_store)} == {"burn"}


@pytest.mark.parametrize("case", PARAPHRASES, ids=lambda c: c["text"][:40])
def test_paraphrases_give_their_claims(tmp_path, empty_store, case):
    claims = read_text(empty_store, tmp_path, case["text"] + "\n")
    lexicon = load_lexicon()
    got = {(s, c.predicate, o, c.polarity) for c in claims if not c.object_is_text
           for o in {c.object} | lexicon.ancestors(c.object)
           for s in {c.subject} | lexicon.ancestors(c.subject)}
    text_objects = {(c.subject, c.predicate, c.polarity, c.object) for c in claims
                    if c.object_is_text}
    for subject, predicate, obj, polarity in case["claims"]:
        if (subject, predicate, obj, polarity) in got:
            continue
        if predicate == "prevents" and polarity == "negated" and (
                subject, "not_effective_for", obj, "asserted") in got:
            continue
        assert any(s == subject and p == predicate and pol == polarity and obj in o
                   for s, p, pol, o in text_objects), (
            f"missing {subject} {predicate} {obj} ({polarity}); read: {sorted(got)}")
    # Claims the sentence must not yield, matched exactly (no ancestors): a wrong
    # argument, or a free-text object that contains the given words.
    said = {(c.subject, c.predicate, c.object, c.polarity) for c in claims}
    for subject, predicate, obj, polarity in case.get("absent", []):
        assert (subject, predicate, obj, polarity) not in said, (
            f"unwanted {subject} {predicate} {obj} ({polarity})")
        assert not any(s == subject and p == predicate and pol == polarity and obj in o
                       for s, p, pol, o in text_objects), (
            f"unwanted {subject} {predicate} ...{obj}... ({polarity})")


def test_claim_spans_lie_inside_their_sentences(seeded_kb):
    claims = seeded_kb.claims()
    assert claims
    for claim in claims:
        ev = claim.evidence
        doc = seeded_kb.document(ev.doc_id)
        sentence = doc.sentences[ev.sentence_idx]
        assert (ev.sentence_start, ev.sentence_end) == (sentence.start, sentence.end)
        assert 0 <= ev.span_start < ev.span_end <= ev.sentence_end - ev.sentence_start
        assert doc.text[ev.sentence_start + ev.span_start:ev.sentence_start + ev.span_end] \
            == ev.quote


def test_negated_and_hedged_sources_stay_so(seeded_kb):
    claims = seeded_kb.claims(doc_id="004_650ad9dfb01f5806")
    by_quote = {(c.subject, c.predicate, c.polarity) for c in claims}
    assert ("indomethacin", "not_effective_for", "asserted") in by_quote or \
        ("indomethacin", "prevents", "negated") in by_quote
    assert ("nsaid", "prevents", "hedged") in by_quote or \
        ("indomethacin", "prevents", "hedged") in by_quote
    assert ("indomethacin", "prevents", "asserted") not in by_quote


def test_mouse_model_claims_carry_their_context(seeded_kb):
    claims = seeded_kb.claims(doc_id="004_650ad9dfb01f5806", predicate="binds")
    assert claims and all(c.qualifiers.context == "mouse model" for c in claims)
    clinical = seeded_kb.claims(doc_id="004_650ad9dfb01f5806", predicate="symptom_of")
    assert clinical and not any(c.qualifiers.context for c in clinical)


def test_a_sentence_said_of_people_leaves_the_paragraphs_animal_model(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path, (
        "In a mouse model, burns cause heterotopic ossification. Infections are associated "
        "with a higher prevalence of heterotopic ossification in victims of traumatic brain "
        "and spinal cord injuries.\n"))
    by_subject = {c.subject: c for c in claims if c.predicate == "risk_factor_for"}
    assert by_subject["burn"].qualifiers.context == "mouse model"
    people = by_subject["infection"]
    assert not people.qualifiers.context
    # the elided head: "traumatic brain [injuries]" names people as well as the cord's
    assert {"traumatic_brain_injury", "spinal_cord_injury"} <= set(people.scope.population)


@pytest.mark.parametrize("text,predicate,subject", [
    # what one case's x-ray showed is no statement of what the test can show
    ("X-rays could not show the lesion clearly.", "diagnostic_test_for", "x_ray"),
    ("The x-ray did not show heterotopic ossification.", "diagnostic_test_for", "x_ray"),
    # "patient-reported outcomes" are a study's measures, not a patient's complaint
    ("Heterotopic ossification had no adverse effects on patient-reported outcomes or range "
     "of motion.", "symptom_of", "range_of_motion"),
    # a follow-up is time elapsed, no event HO follows
    ("After a 1.4 year follow-up, 21 patients had heterotopic ossification.",
     "risk_factor_for", "monitoring"),
    # a cohort counted by what it was given is no treatment of HO
    ("None of the patients treated with warfarin (n=33) developed heterotopic ossification, "
     "and none of the patients with heterotopic ossification (n=34) had been treated with "
     "warfarin.", "treats", "warfarin"),
    # what turns into bone is no source of it
    ("All stages of ossification from collagen into bone may be seen.", "produces", "bone"),
])
def test_a_cases_observation_or_a_studys_measure_states_nothing_general(
        tmp_path, empty_store, text, predicate, subject):
    claims = read_text(empty_store, tmp_path, text + "\n")
    assert (subject, predicate) not in {(c.subject, c.predicate) for c in claims}


def test_a_cited_work_as_a_heading_is_no_section_of_the_page(tmp_path, empty_store):
    # "Surg" of a journal's name is no surgery heading: its items state what a study did
    claims = read_text(empty_store, tmp_path, (
        "Natural history\n\nSmith et al J Orthop Surg Res 2022\n\n"
        "- 75 total hip arthroplasty followed for 10 years\n"
        "- took up to 3 years for all heterotopic ossification to mature\n"))
    assert not [c for c in claims if c.predicate == "treats"]
    treated = read_text(empty_store, tmp_path, (
        "Surgical treatment\n\n- excision of the heterotopic ossification\n"), "treated.txt")
    assert [c for c in treated if c.predicate == "treats"]


def test_what_is_not_yet_known_is_read_hedged(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path, (
        "A knowledge gap remains about the prophylaxis that is needed to prevent heterotopic "
        "ossification.\n"))
    assert claims and all(c.polarity == "hedged" for c in claims if c.predicate == "prevents")
    useful = read_text(empty_store, tmp_path, (
        "Warfarin may also be useful in the prevention of heterotopic ossification.\n"),
        "useful.txt")
    assert {c.polarity for c in useful if c.predicate == "prevents"} == {"hedged"}
    general = read_text(empty_store, tmp_path, "X-rays cannot show early heterotopic "
                        "ossification.\n", "general.txt")
    assert ("x_ray", "diagnostic_test_for", "negated") in {
        (c.subject, c.predicate, c.polarity) for c in general}


def test_numbers_reach_the_claims_that_carry_them(seeded_kb):
    radiation = [c for c in seeded_kb.claims(doc_id="004_650ad9dfb01f5806",
                                             predicate="prevents")
                 if c.qualifiers.dose]
    assert radiation
    dose = radiation[0].qualifiers.dose
    assert (dose.low, dose.high, dose.unit) == (7, 8, "Gy")
    onset = seeded_kb.claims(doc_id="000_8f2b241a4302a766", predicate="onset_after")
    timing = next(c.qualifiers.timing for c in onset if c.qualifiers.timing)
    assert (timing.low, timing.high, timing.unit) == (3, 12, "week")


def test_editing_a_document_rereads_only_it(tmp_path, empty_store):
    read_text(empty_store, tmp_path, "Burns cause heterotopic ossification.\n", "a.txt")
    read_text(empty_store, tmp_path, "Fractures cause heterotopic ossification.\n", "b.txt")
    (tmp_path / "a.txt").write_text("Indomethacin prevents heterotopic ossification.\n")
    ingest_paths(empty_store, [tmp_path / "a.txt"], max_bytes=10**6)
    report = read_store(empty_store)
    assert report.documents == ["a"]
    subjects = {c.subject for c in load_claims(empty_store)}
    assert subjects == {"indomethacin", "fracture"}
