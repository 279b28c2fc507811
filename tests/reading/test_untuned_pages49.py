"""Reading patterns behind wrong statements on real pages (held_out49 once measured and
spent, held_out47, dev48; issue 14): a list whose one item holds "X after Y", "it" after a
fronted phrase, where a condition develops, a measure of two events, a grade in brackets,
and what a clause goes on to cause.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

from fixtures import read_claims as read_text
from fixtures import triples


def test_x_after_y_inside_a_flat_list_is_one_item(tmp_path, empty_store
                                                  ) -> None:  # type: ignore[no-untyped-def]
    """ "risk factors: A, HO after B, C, and D": HO follows B; A is no fellow of HO nor C of
    B (read before as "B raises the risk of A", "C raises the risk of A")."""
    claims = read_text(empty_store, tmp_path,
                       "Three factors raised the risk of heterotopic ossification: ankylosing "
                       "spondylitis, heterotopic ossification after total knee replacement, "
                       "osteotomy of the femur, and male sex.\n"
                       "Pain and heterotopic ossification after spinal cord injury are "
                       "common.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("knee_arthroplasty", "heterotopic_ossification") in risks
    assert not [pair for pair in risks if pair[1] == "ankylosing_spondylitis"], risks
    assert ("osteotomy", "heterotopic_ossification") not in risks
    # "A and B after C" joins its fellows with "and": both follow C
    assert ("spinal_cord_injury", "heterotopic_ossification") in risks


def test_it_after_a_fronted_phrase_is_what_the_sentence_before_was_about(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "Seen first in the thumbs, it makes bone form …, leading to stiffness" after a sentence
    on FOP speaks of FOP: the stiffness is FOP's, and the claims are of the genetic family."""
    claims = read_text(empty_store, tmp_path,
                       "Some inherited diseases cause heterotopic ossification, such as "
                       "fibrodysplasia ossificans progressiva.\n"
                       "Typically showing first in the neck during childhood, it causes bone "
                       "to form in the muscles, leading to immobility.\n")
    later = [c for c in claims if c.evidence.sentence_idx == 1]
    assert ("immobility", "fibrodysplasia_ossificans_progressiva") in triples(
        later, "complication_of")
    assert ("immobility", "heterotopic_ossification") not in triples(later, "complication_of")
    assert later and all("genetic" in c.scope.family for c in later), [
        (c.subject, c.predicate, c.object, c.scope) for c in later]


def test_where_a_condition_develops_is_not_what_develops(tmp_path, empty_store
                                                         ) -> None:  # type: ignore[no-untyped-def]
    """ "MO is likely to develop in places of injury such as the thigh": the injury says where,
    it was read as "MO raises the risk of trauma"."""
    claims = read_text(empty_store, tmp_path,
                       "Myositis ossificans is most likely to develop in common sites of "
                       "injury such as the thigh.\n"
                       "Young athletes are likely to develop myositis ossificans.\n")
    risks = triples(claims, "risk_factor_for")
    assert not [pair for pair in risks if pair[0] == "myositis_ossificans"], risks


def test_a_measure_between_two_events_is_what_goes_with_the_condition(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "HO was associated with a longer delay between the hip fracture and surgery": the
    delay goes with HO, the fracture and the operation are what it measures."""
    claims = read_text(empty_store, tmp_path,
                       "Severe heterotopic ossification was associated with a longer interval "
                       "between the time of hip fracture and surgery.\n"
                       "Heterotopic ossification was associated with spinal cord injury.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("hip_fracture", "heterotopic_ossification") not in risks
    assert ("surgery", "heterotopic_ossification") not in risks
    assert ("spinal_cord_injury", "heterotopic_ossification") in risks


def test_a_grade_in_brackets_is_no_other_name(tmp_path, empty_store
                                              ) -> None:  # type: ignore[no-untyped-def]
    """ "no patient had ankylosis (Brooker grade IV HO)" names a degree of HO, not a second
    name of ankylosis; a bracketed plain name still is one."""
    claims = read_text(empty_store, tmp_path,
                       "No patient had ankylosis (Brooker IV heterotopic ossification).\n"
                       "Myositis ossificans (heterotopic ossification) follows bruises.\n")
    names = triples(claims, "synonym_of") | {(o, s) for s, o in triples(claims, "synonym_of")}
    assert ("ankylosis", "heterotopic_ossification") not in names
    assert ("myositis_ossificans", "heterotopic_ossification") in names or (
        "myositis_ossificans", "heterotopic_ossification") in triples(claims, "is_a")


def test_what_a_clause_goes_on_to_cause_is_no_cause_of_it(tmp_path, empty_store
                                                          ) -> None:  # type: ignore[no-untyped-def]
    """ "X, caused by calcium deposits, causing injury in the muscles, occurs in the thighs":
    the injury is what X causes, not its cause nor what occurs in the thighs."""
    claims = read_text(empty_store, tmp_path,
                       "Myositis ossificans, caused by calcium hardening, causing injury in the "
                       "muscles, often occurs in the thighs.\n")
    assert ("trauma", "myositis_ossificans") not in triples(claims, "risk_factor_for")
    assert not [c for c in claims if c.predicate == "occurs_at_site" and c.subject == "trauma"]


def test_a_time_counted_after_an_event_and_a_studys_aim_say_no_cause(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "… within 3 months of injury, rising 1% each month after burn" counts time from the
    burn (no burn causes the injury); "we attempted to evaluate CT for HO after shoulder
    replacement" states an aim, no finding that the operation raises the risk."""
    claims = read_text(empty_store, tmp_path,
                       "Most patients with heterotopic ossification were diagnosed within 3 "
                       "months of injury, with a rise of 1% each month after burn.\n"
                       "We attempted to evaluate computed tomography for detecting heterotopic "
                       "ossification after shoulder arthroplasty.\n"
                       "Heterotopic ossification after shoulder arthroplasty is common.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("burn", "trauma") not in risks, risks
    aims = [c for c in claims if c.evidence.sentence_idx == 1 and c.predicate == "risk_factor_for"]
    assert not aims, [(c.subject, c.object) for c in aims]
    assert ("shoulder_arthroplasty", "heterotopic_ossification") in risks


def test_whose_symptoms_and_a_list_announced_say_no_cause(tmp_path, empty_store
                                                          ) -> None:  # type: ignore[no-untyped-def]
    """ "FOP symptoms due to a flare-up include the following: swelling": the flare-up brings
    the symptoms (it is no cause of FOP), and "the following:" announces a list (swelling
    follows nothing); "HO following hip replacement" still follows it."""
    claims = read_text(empty_store, tmp_path,
                       "FOP symptoms due to a flare-up typically include one or more of the "
                       "following: swelling.\n"
                       "Heterotopic ossification following hip replacement is common.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("fop_flare_up", "fibrodysplasia_ossificans_progressiva") not in risks, risks
    assert ("swelling", "fop_flare_up") not in risks, risks
    assert ("hip_arthroplasty", "heterotopic_ossification") in risks


def test_what_develops_around_a_joint_is_the_condition_not_its_cause(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "SCI is a predisposing factor for development of HO around the joints": HO is at the
    joints (the injury is not; it was read "spinal cord injury occurs at the joint")."""
    claims = read_text(empty_store, tmp_path,
                       "Spinal cord injury is a well-known predisposing factor for development "
                       "of heterotopic ossification around the joints.\n")
    sites = triples(claims, "occurs_at_site")
    assert ("heterotopic_ossification", "joint") in sites, sites
    assert ("spinal_cord_injury", "joint") not in sites
