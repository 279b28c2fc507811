"""Reading patterns that misread the twelfth set of real pages (issue 14, pages12 split dev12r).

Each test writes, in its own words, the shape of a sentence that produced a wrong claim on
the development pages of the twelfth set, and checks the general pattern, not the wording.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims
from osteon.reading.lexicon import load_lexicon
from osteon.reading.records import Claim

LEAD = "Heterotopic ossification after pelvic fractures is common.\n"


def read_text(store, tmp_path: Path, text: str) -> list[Claim]:
    return read_claims(store, tmp_path, text, name="page.txt")


def of(claims: list[Claim], predicate: str) -> list[Claim]:
    return [c for c in claims if c.predicate == predicate]


def test_a_property_of_a_cause_is_not_the_cause(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       LEAD + "In this series neither the fracture type nor sex raised the "
                              "risk of heterotopic ossification.\n")
    assert not [c for c in of(claims, "risk_factor_for") if c.polarity == "negated"]


def test_when_a_drug_was_commenced_is_no_onset(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       LEAD + "We expected that naproxen commenced before the operation and "
                              "within the first days following trauma would work better than "
                              "naproxen from the operation on.\n")
    assert not of(claims, "onset_after")


def test_when_images_were_obtained_is_no_onset(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       LEAD + "Plain films were obtained before and directly after surgery "
                              "and at least 3 months after surgery to measure how much new "
                              "bone had formed.\n")
    assert not of(claims, "onset_after")


def test_what_a_treatment_is_for_when_the_lexicon_does_not_know_it_is_not_the_topic(
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       LEAD + "All 80 patients had a knee arthroplasty for the treatment of "
                              "worn cartilage.\n"
                              "Thirty patients received celecoxib after surgery, and 12 "
                              "received no treatment for reasons such as stomach upset.\n")
    assert not of(claims, "treats")


def test_an_unsaid_object_after_treat_is_still_the_topic(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       LEAD + "Surgical excision is the treatment of choice.\n"
                              "Radiation is sometimes used to treat it.\n")
    assert {(c.subject, c.object) for c in of(claims, "treats")} == {
        ("surgical_resection", "heterotopic_ossification"),
        ("radiation_therapy", "heterotopic_ossification")}


def test_a_word_between_heterotopic_and_ossification_names_a_kind_of_ho(tmp_path,
                                                                        empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic mesenteric ossification (HMO) is a rare condition "
                       "with few published cases.\n")
    kinds = of(claims, "is_a")
    assert kinds
    assert {c.subject for c in kinds} == {"heterotopic_mesenteric_ossification"}
    assert "heterotopic_ossification" in load_lexicon().ancestors(
        "heterotopic_mesenteric_ossification")


def test_but_between_two_adjectives_does_not_end_a_definition(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is an uncommon but disabling condition of "
                       "the hip.\n"
                       "Indomethacin reduces heterotopic ossification but causes ulcer "
                       "problems.\n")
    kinds = [c.object for c in of(claims, "is_a") if c.subject == "heterotopic_ossification"]
    assert kinds == ["uncommon but disabling condition of the hip"]
    assert [(c.subject, c.object) for c in of(claims, "prevents")] == [
        ("indomethacin", "heterotopic_ossification")]
