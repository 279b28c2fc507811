"""Reading patterns that put wrong statements under answers on the thirty-ninth set of real
pages (issue 14): a condition named in apposition after "this condition", a list of
injuries put first before a main clause about healing, where a lesion starts, and a
syndrome whose name holds a process's words.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

from fixtures import read_claims as read_text
from fixtures import triples


def test_this_condition_known_as_x_is_x_not_what_came_before(tmp_path, empty_store
                                                              ) -> None:  # type: ignore[no-untyped-def]
    """ "This condition, known as HO, often develops after trauma": HO follows trauma (read
    as the injuries named before, it made "HO is another name for trauma")."""
    claims = read_text(empty_store, tmp_path,
                       "Patients with severe trauma need long rehabilitation. This condition, "
                       "known as heterotopic ossification (HO), often develops after burns or "
                       "hip replacement.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("burn", "heterotopic_ossification") in risks
    assert ("hip_arthroplasty", "heterotopic_ossification") in risks
    assert not any(o != "heterotopic_ossification" for _, o in risks)
    assert not triples(claims, "synonym_of")


def test_a_fronted_list_of_injuries_is_no_cause_of_its_own_items(tmp_path, empty_store
                                                                 ) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "After serious injuries, burns, fractures, or major surgeries, the body "
                       "repairs damaged tissues.\n"
                       "After a spinal cord injury, heterotopic ossification forms at the hip.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("spinal_cord_injury", "heterotopic_ossification") in risks
    assert not any(o in ("burn", "fracture", "surgery") for _, o in risks)


def test_where_a_lesion_starts_is_no_source_of_it(tmp_path, empty_store
                                                  ) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "An 8 cm ossification originating from the iliac bone was excised.\n"
                       "Oncostatin M released from macrophages drives ossification.\n")
    produced = triples(claims, "produces")
    assert ("macrophage", "oncostatin_m") in produced
    assert not any(o == "ossification" for _, o in produced)


def test_a_syndrome_named_with_inflammatory_is_the_syndrome(tmp_path, empty_store
                                                            ) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification following systemic inflammatory response "
                       "syndrome in intensive care.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("systemic_inflammatory_response_syndrome", "heterotopic_ossification") in risks
    assert ("inflammation", "heterotopic_ossification") not in risks


def test_what_a_denial_goes_with_in_an_aside_is_not_denied(tmp_path, empty_store
                                                           ) -> None:  # type: ignore[no-untyped-def]
    """ "MO without history of trauma (associated with burns and haemophilia)" denies the
    trauma; the burns go with the MO (read as denied: "Burn does not raise the risk of MO",
    and garbled, "Burn does not raise the risk of trauma")."""
    claims = read_text(empty_store, tmp_path,
                       "Myositis ossificans without history of trauma (associated with burns "
                       "and haemophilia) is rare.\n")
    risks = {(c.subject, c.object, c.polarity) for c in claims
             if c.predicate == "risk_factor_for"}
    assert ("burn", "myositis_ossificans", "asserted") in risks
    assert not any(o == "trauma" for _, o, _ in risks)


def test_a_study_aim_and_a_slowed_progression_are_no_prevention(tmp_path, empty_store
                                                                 ) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "In 1990, celecoxib was added to the protocol to study its effects on "
                       "the prevention of heterotopic ossification.\n"
                       "Late radiotherapy is effective in preventing the progression of "
                       "heterotopic ossification.\n"
                       "Indomethacin prevents heterotopic ossification.\n")
    assert triples(claims, "prevents") == {("indomethacin", "heterotopic_ossification")}


def test_a_condition_a_treatment_names_is_no_effect_of_it(tmp_path, empty_store
                                                          ) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Range of motion and complications after heterotopic bone excision "
                       "about the elbow.\n")
    assert not triples(claims, "risk_factor_for")
