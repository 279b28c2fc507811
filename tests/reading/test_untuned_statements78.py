"""Reading patterns behind wrong statements under answers on untuned pages (issue 14), sets 78, 80.

Statements labelled wrong from their cited sentences, the patterns written here in other
words: a product a company "is developing as a treatment" is not yet shown to treat
("Palovarotene treats FOP" from an investigational product's description); how seldom HO is
seen after an event denies no risk ("TBI does not raise the risk of HO" from "HO in a shoulder
is not frequently seen after TBI"); what raises bleeding after a bruise is not the bruise
("Contusion raises the risk of bleeding" from "heat, alcohol and massage increase bleeding
after a contusion"); a symptom "that does not go away" is there ("Swelling is not a symptom"
from "pain that doesn't go away and swelling"); the setting of the risks a sentence lists is
not one of them ("Hip arthroplasty raises the risk" from "the factors which can lead to HO
following hip arthroplasty are …"); "delayed internal fixation" is a risk of the delay, not of
the fixation; the event after "after" is not where the bone forms.
"""

from __future__ import annotations

import pytest

from fixtures import read_claims
from osteon.reading.records import Claim


def _read(store, tmp_path, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    return read_claims(store, tmp_path, text, name="page.txt")


def _polarities(claims: list[Claim], predicate: str) -> dict[tuple[str, str], str]:
    return {(c.subject, c.object): c.polarity for c in claims if c.predicate == predicate}


def test_a_product_in_development_is_no_proven_treatment(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _polarities(_read(empty_store, tmp_path,
                              "Garetosmab is an investigational antibody that Regeneron is "
                              "developing as a treatment for fibrodysplasia ossificans "
                              "progressiva.\n"), "treats")
    drug = ("garetosmab", "fibrodysplasia_ossificans_progressiva")
    assert found.get(drug, "hedged") == "hedged", found
    assert "asserted" not in found.values(), found


def test_a_drug_being_tested_for_a_condition_is_not_said_to_treat_it(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _polarities(_read(empty_store, tmp_path,
                              "Palovarotene is being tested as a treatment for heterotopic "
                              "ossification.\n"), "treats")
    assert "asserted" not in found.values(), found


def test_an_established_treatment_is_still_asserted(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _polarities(_read(empty_store, tmp_path,
                              "Etidronate is used to treat heterotopic ossification.\n"),
                        "treats")
    assert "asserted" in found.values(), found


def test_how_seldom_ho_is_seen_after_an_event_denies_no_risk(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    for text in ("Elbow HO is not often seen after a stroke.\n",
                 "Heterotopic bone is not commonly observed following knee arthroscopy.\n",
                 "HO is rarely seen after spinal cord injury in children.\n"):
        found = _polarities(_read(empty_store, tmp_path, text), "risk_factor_for")
        assert "negated" not in found.values(), (text, found)


def test_ho_after_an_event_stays_a_risk(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _polarities(_read(empty_store, tmp_path,
                              "HO is often seen after a stroke.\n"), "risk_factor_for")
    assert found.get(("stroke", "heterotopic_ossification")) == "asserted", found


def test_what_worsens_a_finding_after_an_injury_is_not_the_injury(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    for text in ("Alcohol and deep massage increase bleeding after a thigh contusion and "
                 "should be avoided.\n",
                 "Hot baths worsen bleeding following a muscle contusion.\n"):
        found = _polarities(_read(empty_store, tmp_path, text), "risk_factor_for")
        assert not any(o == "bleeding" for _, o in found), (text, found)


def test_a_symptom_that_does_not_go_away_is_present(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _polarities(_read(empty_store, tmp_path,
                              "Symptoms include pain that does not go away and stiffness of "
                              "the joint.\n"), "symptom_of")
    assert found, found
    assert "negated" not in found.values(), found


def test_a_symptom_denied_is_still_negated(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _polarities(_read(empty_store, tmp_path,
                              "Heterotopic ossification does not cause fever.\n"), "symptom_of")
    assert "asserted" not in found.values(), found


@pytest.mark.parametrize("text,not_a_risk", [
    # the setting of the risks a sentence lists is not one of them
    ("The factors that can lead to HO following elbow arthroplasty are ankylosing spondylitis "
     "and a long operating time.\n", "elbow_arthroplasty"),
    # a delay put before a care names a risk of the delay, not of the care
    ("Risk factors for HO after acetabular fracture include head injury, delayed internal "
     "fixation and prolonged ventilation.\n", "open_reduction_internal_fixation"),
])
def test_what_frames_a_list_of_risks_is_not_one_of_them(tmp_path, empty_store, text,  # type: ignore[no-untyped-def]
                                                         not_a_risk):
    found = _polarities(_read(empty_store, tmp_path, text), "risk_factor_for")
    assert not any(s == not_a_risk for s, _ in found), found


def test_the_event_after_after_is_not_where_the_bone_forms(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = _read(empty_store, tmp_path,
                   "HO is a frequent complication after trauma, burns or surgery, defined by "
                   "the formation of mature bone in muscle and soft tissue.\n")
    sites = {(c.subject, c.object) for c in claims if c.predicate == "occurs_at_site"}
    assert not any(s in ("trauma", "burn") for s, _ in sites), sites
