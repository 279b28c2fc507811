"""Claim assembly: qualifiers, umbrella and class subsumption, positional claims."""

from __future__ import annotations

from pathlib import Path

from osteon.corpus.ingest import ingest_paths
from osteon.knowledge.claim_store import load_claims
from osteon.knowledge.read_pass import read_store
from osteon.reading.claim_assembly import (
    Subsumption,
    explicit_over_positional,
    subsume,
    with_qualifiers,
)
from osteon.reading.lexicon import load_lexicon
from osteon.reading.records import Claim, Evidence, Mention, SentenceSetting

SETTING = SentenceSetting(doc_id="d", sentence_idx=0, sentence_start=0, sentence_kind="text")
EVIDENCE = Evidence("d", 0, None, 0, 1, 0, 10, "x")


def claim(subject: str, predicate: str, obj: str, rule: str = "r") -> Claim:
    return Claim(subject=subject, predicate=predicate, object=obj, polarity="asserted",
                 evidence=EVIDENCE, rule=rule)


def test_site_qualifier_leaves_out_the_claims_own_arguments():
    # "Injured muscle releases oncostatin M near the hip": the muscle is the subject, so
    # only the hip is a site of the claim.
    mentions = [Mention("injured_muscle", 0, 14, "Injured muscle"),
                Mention("oncostatin_m", 24, 37, "oncostatin M"),
                Mention("hip", 47, 50, "hip")]
    produced = with_qualifiers([claim("injured_muscle", "produces", "oncostatin_m")], [],
                               mentions, load_lexicon(), SETTING)
    lexicon = load_lexicon()
    assert produced[0].qualifiers.sites == (lexicon.get("hip").name,)


def test_an_umbrella_gives_way_to_its_kinds_and_a_drug_class_keeps_its_claim():
    lexicon = load_lexicon()
    policy = Subsumption({"imaging": frozenset()}, frozenset({"drug"}))
    claims = [claim("imaging", "diagnostic_test_for", "heterotopic_ossification"),
              claim("x_ray", "diagnostic_test_for", "heterotopic_ossification"),
              claim("nsaid", "prevents", "heterotopic_ossification"),
              claim("indomethacin", "prevents", "heterotopic_ossification"),
              claim("indomethacin", "is_a", "nsaid")]
    kept = {(c.subject, c.predicate) for c in subsume(claims, lexicon, policy)}
    assert kept == {("x_ray", "diagnostic_test_for"), ("nsaid", "prevents"),
                    ("indomethacin", "is_a")}


def test_a_positional_claim_yields_to_what_the_item_says_of_the_same_concept():
    lexicon = load_lexicon()
    positional = [claim("assistive_device", "treats", "heterotopic_ossification", "list"),
                  claim("nsaid", "treats", "heterotopic_ossification", "list")]
    explicit = [claim("brace", "recommended_for", "heterotopic_ossification")]
    kept = explicit_over_positional(explicit, positional, lexicon)
    assert [c.subject for c in kept] == ["nsaid"]


def test_list_items_under_a_treatment_heading_keep_their_own_words(tmp_path: Path,
                                                                   empty_store):
    path = tmp_path / "care.txt"
    path.write_text("== Treatment ==\n\n"
                    "* Assistive devices: braces may be recommended to rest the joint.\n"
                    "* Indomethacin: a common choice.\n")
    ingest_paths(empty_store, [path], max_bytes=10**6)
    read_store(empty_store)
    said = {(c.subject, c.predicate) for c in load_claims(empty_store, doc_id="care")}
    assert ("brace", "recommended_for") in said
    assert ("assistive_device", "treats") not in said
    assert ("indomethacin", "treats") in said
