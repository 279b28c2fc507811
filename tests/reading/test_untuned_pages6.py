"""Reading patterns that misread the sixth set of real pages (issue 14, pages6 split dev6).

Each test writes, in its own words, the shape of a sentence that produced a wrong claim on
the development pages of the sixth set, and checks the general pattern, not the wording.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims
from osteon.reading.records import Claim


def read_text(store, tmp_path: Path, text: str) -> list[Claim]:
    return read_claims(store, tmp_path, text, name="page.txt")


def of(claims: list[Claim], predicate: str) -> list[Claim]:
    return [c for c in claims if c.predicate == predicate]


def test_an_adverb_after_may_still_hedges_the_effect(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Anti-inflammatory drugs may further reduce the formation of bone in "
                       "the bruised muscle.\n")
    effects = of(claims, "decreases") + of(claims, "prevents")
    assert effects
    assert {c.polarity for c in effects} == {"hedged"}


def test_what_is_thought_to_be_so_is_hedged(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Progressive osseous heteroplasia is believed to be part of a group of "
                       "related genetic disorders.\n")
    parts = of(claims, "part_of_process")
    assert parts
    assert {c.polarity for c in parts} == {"hedged"}


def test_a_second_definition_joined_by_and_is_not_said_of_the_first_ones_object(
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Myositis refers to inflammation in a muscle, and ossificans means bone "
                       "formation.\n")
    assert not [c for c in of(claims, "is_a") if c.subject == "inflammation"]


def test_the_event_of_a_fronted_time_phrase_is_what_after_names(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "About two months after a tooth was pulled from the lower jaw, and in "
                       "spite of a quiet recovery, the boy developed persistent pain in his "
                       "cheek.\n")
    assert not of(claims, "onset_after")


def test_nothing_begins_after_its_own_class(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Each kind of injury takes its own time to settle: a traumatic brain "
                       "injury typically takes 12 months after the injury.\n"
                       "Heterotopic ossification usually appears 3 to 12 weeks after a brain "
                       "injury.\n")
    onsets = {(c.subject, c.object) for c in of(claims, "onset_after")}
    assert onsets == {("heterotopic_ossification", "brain_injury")}


def test_a_cause_named_a_clause_after_the_event_is_not_the_event(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Twelve patients who developed heterotopic ossification after "
                       "vaccination have been described, most of whom had at least one further "
                       "risk factor for this condition.\n")
    assert not [c for c in of(claims, "risk_factor_for")
                if c.subject == "heterotopic_ossification"]


def test_a_definition_ends_before_and_with_a_fronted_phrase_and_its_own_subject(
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Myositis ossificans is a frequent sports problem, and after the lump "
                       "has formed, it is usually best left alone.\n")
    kinds = {c.object for c in of(claims, "is_a") if c.object_is_text}
    assert kinds == {"frequent sports problem"}


def test_an_indicator_of_whether_the_bone_is_mature_is_no_sign_of_the_condition(
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "A falling alkaline phosphatase level is a useful indicator of whether "
                       "the heterotopic bone is mature.\n"
                       "Alkaline phosphatase is an early marker of heterotopic ossification.\n")
    signs = {c.evidence.sentence_idx for c in of(claims, "sign_of")}
    assert signs == {1}


def test_what_a_recommendation_is_for_may_be_named_before_it(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Crutches for large thigh bruises may be advised.\n"
                       "Surgery for recurrent heterotopic ossification may be considered.\n")
    advised = {(c.subject, c.object, c.evidence.sentence_idx)
               for c in of(claims, "recommended_for")}
    assert advised == {("surgical_resection", "heterotopic_ossification", 1)}


def test_a_relative_clause_set_off_before_the_verb_holds_no_subject_of_it(tmp_path,
                                                                          empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Etidronate, a bisphosphonate that inhibits mineralization, reduces bone "
                       "formation.\n"
                       "Indomethacin, which blocks prostaglandin synthesis, reduces bone "
                       "formation.\n"
                       "Palovarotene (a drug that blocks chondrogenesis) reduces ossification.\n")
    reducers = {c.subject for c in of(claims, "decreases") if c.object == "ossification"}
    assert reducers == {"etidronate", "indomethacin", "palovarotene"}


def test_the_last_of_clauses_joined_by_and_has_its_own_subject(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Surgery is planned once the patient is stable, alkaline phosphatase is "
                       "back to normal, and X-rays show sharp margins of the heterotopic "
                       "ossification.\n"
                       "X-rays, CT, and MRI show heterotopic ossification.\n")
    tests = {(c.subject, c.evidence.sentence_idx) for c in of(claims, "diagnostic_test_for")}
    assert ("alkaline_phosphatase", 0) not in tests
    assert ("x_ray", 0) in tests
    assert ("x_ray", 1) in tests
