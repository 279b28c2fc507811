"""Reading patterns behind wrong or missing statements on dev sets 82 and 84 (issue 14).

Written here in other words: "bone forming in tissues that have no ossification properties,
such as in muscles" had become "HO does not occur at the muscle" (the "no" of a relative
clause reached the examples of the tissues it describes); "Forty-four hips, twenty-seven
shoulders … had heterotopic ossification" gave no site, so a question which joint was
affected most often found no sentence that answers it; "departments recommend HO prophylaxis
after femoral neck fractures" had become "Hip fracture raises the risk of HO"; "the
disease-causing gene of FOP" had made the flare-up named a sentence before a cause of FOP.
"""

from __future__ import annotations

import pytest

from fixtures import read_claims


def _sites(tmp_path, store, text: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(c.object, c.polarity) for c in read_claims(store, tmp_path, text + "\n",
                                                        name="page.txt")
            if c.predicate == "occurs_at_site"}


@pytest.mark.parametrize("sentence", [
    "Heterotopic ossification is bone forming in tissues that have no osteogenic properties, "
    "such as in muscles and tendons around a joint.",
    "HO is lamellar bone formed in soft tissues which do not normally ossify, such as in the "
    "muscles and tendons.",
])
def test_a_relative_clause_s_negation_does_not_deny_its_examples(tmp_path, empty_store,  # type: ignore[no-untyped-def]
                                                                  sentence: str) -> None:
    sites = _sites(tmp_path, empty_store, sentence)
    assert ("muscle", "asserted") in sites, sites
    assert not any(p == "negated" for _, p in sites), sites


def test_a_negation_outside_a_relative_clause_still_denies(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sites = _sites(tmp_path, empty_store,
                   "Heterotopic ossification does not occur in the muscles of the hand.")
    assert ("muscle", "negated") in sites, sites


def test_counted_joints_that_had_it_are_its_sites(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    sites = _sites(tmp_path, empty_store,
                   "Thirty-one elbows, nine knees, and two shoulders had heterotopic "
                   "ossification.")
    assert {("elbow", "asserted"), ("knee", "asserted"), ("shoulder", "asserted")} <= sites, sites


def test_a_condition_of_the_patients_is_no_counted_site(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    assert _sites(tmp_path, empty_store,
                  "Patients with hip fractures had heterotopic ossification more often.") == set()


def test_prophylaxis_after_an_injury_names_no_risk(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """"Departments recommend HO prophylaxis after acetabular fractures" says when the
    prophylaxis is given; that the fracture raises the risk is the reader's inference."""
    claims = read_claims(empty_store, tmp_path,
                         "Most hospitals in Austria recommend oral HO prophylaxis after "
                         "acetabular fractures and elbow dislocation.\n", name="page.txt")
    assert not [c for c in claims if c.predicate == "risk_factor_for"], claims


def test_a_hyphenated_causing_names_no_cause(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_claims(empty_store, tmp_path,
                         "Fibrodysplasia ossificans progressiva (FOP) is a rare disease.\n"
                         "Steroids are given to calm the swelling of a flare-up, with little "
                         "effect on the bone.\n"
                         "The disease-causing gene of FOP is ACVR1.\n", name="page.txt")
    assert not [c for c in claims if c.predicate == "risk_factor_for"
                and c.evidence.quote.startswith("The disease-causing")], claims
