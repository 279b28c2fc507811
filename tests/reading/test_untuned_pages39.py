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
