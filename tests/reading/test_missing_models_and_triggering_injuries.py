"""A model said not to exist sets no experimental setting; an injury that sets off a
condition's bone is neither what the condition causes nor a cause of the condition (set 117).

"Although periarticular HO after hip arthroplasty is common, no mouse models have been
developed" speaks of patients: the claim that the operation brings HO is a clinical one,
not a mouse-model finding. "FOP causes the connective tissues to ossify after injury" says
when the tissues of people with FOP turn to bone: the injury is no outcome of FOP, and FOP,
a genetic condition, does not follow the injury.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import read_claims, triples

MOUSE_MODEL = "mouse model"


@pytest.mark.parametrize("text", [
    "Although periarticular HO after hip arthroplasty is common, no mouse models have been "
    "developed.\n",
    "There is a lack of animal models of HO after hip arthroplasty.\n",
    "Mouse models of HO after hip arthroplasty have not been developed.\n",
])
def test_a_model_said_not_to_exist_leaves_the_claim_clinical(
        empty_store, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in read_claims(empty_store, tmp_path, text)
              if (c.subject, c.object) == ("hip_arthroplasty", "heterotopic_ossification")]
    assert claims, "the operation's risk is still read"
    assert all(c.qualifiers.context != MOUSE_MODEL for c in claims), claims


def test_a_mouse_model_named_is_still_the_setting(
        empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "In a mouse model, heterotopic ossification formed after hip arthroplasty.\n"
    claims = [c for c in read_claims(empty_store, tmp_path, text)
              if c.object == "heterotopic_ossification"]
    assert claims and all(c.qualifiers.context == MOUSE_MODEL for c in claims), claims


@pytest.mark.parametrize("text", [
    "FOP causes the connective tissues (muscles, ligaments, and tendons) to ossify or turn to "
    "bone after injury or illness.\n",
    "In FOP, muscles turn to bone after injury.\n",
])
def test_an_injury_that_sets_off_bone_in_a_condition_is_not_linked_to_the_condition(
        empty_store, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    risks = triples(read_claims(empty_store, tmp_path, text), "risk_factor_for")
    fop = "fibrodysplasia_ossificans_progressiva"
    assert ("trauma", fop) not in risks and (fop, "trauma") not in risks, risks


@pytest.mark.parametrize("text, cause", [
    ("Trauma causes heterotopic ossification after surgery.\n", "trauma"),
    ("HO after total hip arthroplasty is common.\n",
     "total_hip_arthroplasty"),
    ("In FOP, heterotopic ossification forms after minor trauma.\n", "trauma"),
])
def test_what_a_cause_brings_and_what_follows_an_event_are_still_read(
        empty_store, tmp_path: Path, text: str, cause: str) -> None:  # type: ignore[no-untyped-def]
    risks = triples(read_claims(empty_store, tmp_path, text), "risk_factor_for")
    assert (cause, "heterotopic_ossification") in risks, risks
