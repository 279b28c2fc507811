"""Reading patterns that misread the fifth set of real pages (issue 14, pages5 split dev5r).

Each test writes, in its own words, the shape of a sentence that produced a wrong claim on
the development pages of the fifth set (or a pattern left over from the fourth set), and
checks the general pattern, not the wording.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims, triples
from osteon.reading.records import Claim


def read_text(store, tmp_path: Path, text: str) -> list[Claim]:
    return read_claims(store, tmp_path, text, name="page.txt")


def test_bone_is_never_where_ho_occurs(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification describes deposits that form in regions of "
                       "the elbow that are normally free of bone.\n")
    assert not any(site == "bone" for _, site in triples(claims, "occurs_at_site"))


def test_caused_from_is_passive_like_caused_by(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic bone in the jaw is most often caused from trauma.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("trauma", "heterotopic_ossification") in risks
    assert ("heterotopic_ossification", "trauma") not in risks


def test_an_event_listed_after_a_comma_is_followed_by_the_clause_head(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification may arise from spinal cord injury (often with "
                       "burns), following joint replacement, or after direct trauma.\n"
                       "Heterotopic ossification is also seen in amputees, following surgery, "
                       "and following burns.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("joint_replacement", "heterotopic_ossification") in risks
    assert ("surgery", "heterotopic_ossification") in risks
    assert not {o for _, o in risks} - {"heterotopic_ossification"}


def _kinds(claims: list[Claim]) -> set[str]:
    return {c.object for c in claims if c.predicate == "is_a" and c.object_is_text}


def test_a_definition_ends_where_a_new_clause_starts(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Myositis ossificans is a benign condition and there is often no need "
                       "for surgery.\n"
                       "An X-ray is a simple test, it shows mature bone from the third week.\n")
    assert _kinds(claims) == {"benign condition", "simple test"}


def test_a_definition_keeps_yet_between_adjectives_and_ends_before_a_figure(tmp_path,
                                                                            empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is a rare yet serious problem after elbow "
                       "fracture surgery (EFS), with an incidence of about 20 %.\n")
    assert _kinds(claims) == {"rare yet serious problem after elbow fracture surgery (EFS)"}


def test_a_verb_joined_by_and_takes_the_clause_subject_not_the_object_before(tmp_path,
                                                                             empty_store):
    claims = read_text(empty_store, tmp_path,
                       "The report shows how some folk remedies, such as hot compresses, may "
                       "worsen inflammation and lead to heterotopic ossification.\n"
                       "Trauma tears muscle and leads to heterotopic ossification.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("inflammation", "heterotopic_ossification") not in risks
    assert ("trauma", "heterotopic_ossification") in risks


def test_a_reference_to_a_work_states_nothing(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Stiff hips\n\n"
                       "Heterotopic ossification is common after hip arthroplasty.\n\n"
                       "A. Writer (ed.), Complications of Hip Surgery, DOI 10.1234/5678\n")
    assert triples(claims, "risk_factor_for") == {("hip_arthroplasty",
                                                    "heterotopic_ossification")}


def test_relief_of_a_symptom_is_an_outcome_not_the_symptom(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "A year after the excision of heterotopic ossification, the patient "
                       "presented with full motion and pain relief.\n"
                       "Patients with heterotopic ossification present with swelling.\n")
    assert triples(claims, "symptom_of") == {("swelling", "heterotopic_ossification")}


def test_what_a_case_was_without_is_neither_a_cause_nor_denied_as_one(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "We describe heterotopic ossification of the elbow following a simple "
                       "dislocation without associated injuries (such as a fracture or a burn)."
                       "\n")
    assert not any(c.predicate == "risk_factor_for"
                   and c.subject in ("trauma", "fracture", "burn")
                   for c in claims)


def test_after_a_pronoun_opens_a_clause_not_an_event(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Instead of removing heterotopic ossification after it has formed, the "
                       "team offers radiotherapy before the operation.\n")
    assert not triples(claims, "risk_factor_for")


def test_a_treatment_that_is_complete_lists_no_treatment(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification\n\n"
                       "When the treatment is over, patients may travel home after their knee "
                       "replacement.\n")
    assert not triples(claims, "treats")


def test_how_a_drug_is_taken_says_nothing_of_what_it_treats(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Treatment of heterotopic ossification\n\n"
                       "Etidronate is given by mouth, twice daily.\n"
                       "Indomethacin is given after the operation.\n")
    assert triples(claims, "treats") == {("indomethacin", "heterotopic_ossification")}


def test_a_list_item_saying_how_a_drug_is_taken_names_no_treatment(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Treatment for: heterotopic ossification\n\n"
                       "- Etidronate is taken by mouth, once a day.\n"
                       "- Surgical excision\n")
    assert triples(claims, "treats") == {("surgical_resection", "heterotopic_ossification")}


def test_what_a_drug_acts_between_is_no_agent(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "The drug works by changing the signals between cells, growth factors "
                       "and hormones to reduce ossification.\n")
    assert ("growth_factor", "ossification") not in triples(claims, "decreases")


def test_the_complications_of_a_treatment_are_not_ho_nor_caused_by_what_it_treats(
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification\n\n"
                       "The usual complications after the surgical treatment of ankylosis are "
                       "stiffness, pain and renewed ankylosis.\n"
                       "Complications of surgery for heterotopic ossification include "
                       "infection.\n"
                       "Heterotopic ossification is a frequent complication after spinal cord "
                       "injury.\n")
    assert triples(claims, "risk_factor_for") == {("spinal_cord_injury",
                                                    "heterotopic_ossification")}
    assert not triples(claims, "complication_of")


def test_a_drug_proposed_for_prevention_is_hedged(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Naproxen has also been proposed for the prevention of heterotopic "
                       "ossification after hip replacement.\n")
    prevents = [c for c in claims if c.predicate == "prevents" and c.subject == "naproxen"]
    assert prevents and all(c.polarity == "hedged" for c in prevents)


def test_what_a_follow_up_found_is_no_onset(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Six months after the operation, forty of the patients who had received "
                       "radiotherapy had no sign of heterotopic ossification.\n")
    assert not triples(claims, "onset_after")


def test_what_a_class_set_beside_a_drug_does_is_said_of_the_drug(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "The capsule holds etidronate, a bisphosphonate (BP) that acts on bone "
                       "cells to reduce ossification.\n")
    decreases = triples(claims, "decreases")
    assert ("etidronate", "ossification") in decreases
    assert ("bisphosphonate", "ossification") not in decreases


def test_a_definition_leaves_out_the_reference_at_its_end(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Etidronate is a first generation bisphosphonate (Smith et al. 2001).\n"
                       "Heterotopic ossification is bone in soft tissue [4].\n")
    assert _kinds(claims) == {"first generation bisphosphonate"}
