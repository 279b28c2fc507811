"""Reading patterns that put wrong statements under answers on the thirty-fifth set of real
pages and the spent sets before it (issue 14): a trial's title that compares two agents.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

import pytest

from fixtures import read_claims as read_text
from fixtures import triples


@pytest.mark.parametrize("title", [
    "Naproxen versus indomethacin in the prevention of heterotopic ossification after hip "
    "arthroplasty.",
    "Etidronate vs. placebo for the treatment of heterotopic ossification.",
    "Radiation therapy compared with NSAIDs for prophylaxis of heterotopic ossification.",
])
def test_two_agents_compared_for_a_care_are_neither_said_to_give_it(
        tmp_path, empty_store, title: str) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path, title + "\n")
    assert not triples(claims, "prevents") | triples(claims, "treats")


def test_an_agent_said_to_work_beside_a_compared_figure_still_works(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Radiation prevented heterotopic ossification in 90% of hips versus 60% "
                       "with NSAIDs.\nIndomethacin in the prevention of heterotopic ossification "
                       "after hip arthroplasty.\n")
    found = triples(claims, "prevents")
    assert ("radiation_therapy", "heterotopic_ossification") in found
    assert any(s == "indomethacin" for s, _ in found)


def test_the_noun_before_a_participles_comma_is_not_who_develops_what_follows(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    # what "develops pressure ulcers" is the patient whose joints HO stiffens, not the
    # joint mobility HO restricts
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification may restrict joint mobility, increasing the "
                       "tendency to develop pressure ulcers.\n"
                       "Patients with spinal cord injury are likely to develop heterotopic "
                       "ossification.\n")
    found = triples(claims, "risk_factor_for")
    assert ("range_of_motion", "pressure_ulcer") not in found
    assert ("spinal_cord_injury", "heterotopic_ossification") in found


def test_what_a_thing_was_torn_from_did_not_produce_it(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Tension on the suture line may cause ossification of periosteal "
                       "fragments torn from sites of muscle insertion into bone.\n")
    assert not triples(claims, "produces")


def test_the_proximal_tibia_is_not_read_as_its_joint_surface(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification formed in the elbows, the distal femur and "
                       "the proximal tibia.\n")
    sites = triples(claims, "occurs_at_site")
    assert ("heterotopic_ossification", "proximal_tibia") in sites
    assert not any(o == "tibial_plateau" for _, o in sites)


def test_what_a_condition_causes_secondary_to_something_else_does_not_make_that_its_cause(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    # (from the thirty-fourth set, after its end measure) "HO can cause … limitations in
    # range of motion secondary to ankylosis": the limitation is secondary, not HO
    claims = read_text(empty_store, tmp_path,
                       "HO can cause swelling, limitations in range of motion secondary to "
                       "ankylosis, and pain secondary to nerve entrapment.\n"
                       "Heterotopic ossification in these patients may be caused by trauma.\n")
    risks = triples(claims, "risk_factor_for")
    assert not {s for s, o in risks if o == "heterotopic_ossification"} - {"trauma"}
    assert ("trauma", "heterotopic_ossification") in risks
    symptoms = triples(claims, "symptom_of")
    assert ("decreased_range_of_motion", "heterotopic_ossification") in symptoms
    assert ("range_of_motion", "heterotopic_ossification") not in symptoms
