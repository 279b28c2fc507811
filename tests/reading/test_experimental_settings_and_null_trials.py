"""Cells studied outside a body are an experimental setting, as a mouse model is (set 120).

"The researchers created iPS cells from FOP patients and replicated the symptom outside
their bodies. … they found that … Rapamycin was effective for preventing abnormal bone
formation": the drug stopped bone forming in a dish, not in anyone. Such a claim carries
the setting "cell experiments": it never answers a clinical question, never advises on a
patient, and its statement says where it was seen. What a thing is called is no finding
of the experiment ("… to develop a drug for FOP, a rare disorder in which …"), and a
sentence that names the institute ("Center for iPS Cell Research") or says what happened
"in vivo" sets no cell setting. Nor is a drug a trial found no better than placebo said to
prevent HO (set 122: "indomethacin prophylaxis against HO … was not significantly different
from placebo").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import read_claims, store_of_pages
from osteon.knowledge.find import AssertionQuery
from osteon.knowledge.profile import setting_of

CELLS = "cell experiments"
HO = "heterotopic_ossification"

SCREEN = ("A drug screen for FOP\n\n"
          "The researchers created iPS cells from FOP patients and replicated the symptom "
          "outside their bodies. After adding components to the cells, they found that "
          "rapamycin was effective for preventing heterotopic ossification.\n")


def _prevents(claims) -> list:  # type: ignore[no-untyped-def]
    return [c for c in claims if c.predicate == "prevents" and c.object == HO]


@pytest.mark.parametrize("text", [
    SCREEN,
    "In vitro, rapamycin prevented heterotopic ossification.\n",
    "In cultured mesenchymal cells, rapamycin prevented heterotopic ossification.\n",
])
def test_a_finding_in_cells_carries_the_cell_setting(
        empty_store, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _prevents(read_claims(empty_store, tmp_path, text))
    assert found and all(c.qualifiers.context == CELLS for c in found), found


@pytest.mark.parametrize("text", [
    # the institute's name is no experiment
    "Professor Toguchida of the Center for iPS Cell Research said that indomethacin "
    "prevents heterotopic ossification.\n",
    # what happened in a body is not a dish's finding
    "In vitro and in vivo, indomethacin prevents heterotopic ossification.\n",
    # a missing cell model speaks of the clinic
    "In the absence of established in vitro models, indomethacin prevents heterotopic "
    "ossification in patients.\n",
    "Indomethacin prevents heterotopic ossification.\n",
])
def test_the_clinic_is_not_a_dish(empty_store, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _prevents(read_claims(empty_store, tmp_path, text))
    assert found and all(c.qualifiers.context is None for c in found), found


@pytest.mark.parametrize("text", [
    "A team used induced pluripotent stem cells to develop a drug for fibrodysplasia "
    "ossificans progressiva, a rare disorder in which muscle turns to bone.\n",
    "In a mouse model of fibrodysplasia ossificans progressiva, a rare disorder in which "
    "muscle turns to bone, palovarotene reduced bone.\n",
])
def test_what_a_thing_is_called_holds_outside_the_experiment(
        empty_store, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    names = [c for c in read_claims(empty_store, tmp_path, text) if c.predicate == "is_a"]
    assert names and all(c.qualifiers.context is None for c in names), names


def test_cells_and_patients_are_different_settings() -> None:
    """A dish's finding never conflicts with, nor merges into, a clinical one."""
    assert setting_of(CELLS) == CELLS
    assert setting_of("mouse model") == "mouse model"
    assert setting_of("symptom relief") == setting_of(None) == ""


def test_a_clinical_question_is_not_answered_from_cells(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"screen.txt": SCREEN}) as kb:
        answer = kb.ask("What prevents heterotopic ossification?")
        found = kb.knowledge.find(AssertionQuery(concepts=("rapamycin",)))
    stated = [s.text for s in answer.statements]
    assert not any("apamycin" in t for t in stated), stated
    # kept, and said where it was seen
    assert [a.text for a in found] == [
        f"Rapamycin prevents heterotopic ossification ({CELLS})"], found


@pytest.mark.parametrize("text", [
    "CONCLUSION: This Level I study demonstrated that indomethacin prophylaxis against "
    "heterotopic ossification after elbow trauma was not significantly different from "
    "placebo.\n",
    "Indomethacin prophylaxis against heterotopic ossification was no better than placebo.\n",
])
def test_a_drug_a_trial_found_no_better_than_placebo_is_said_to_prevent_nothing(
        empty_store, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    """(Set 122.) The trial's verdict is a null one: no "indomethacin prevents HO"."""
    claims = _prevents(read_claims(empty_store, tmp_path, text))
    assert all(c.polarity != "asserted" for c in claims), claims


def test_a_drug_given_for_prophylaxis_still_prevents(empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "Indomethacin is used for prophylaxis against heterotopic ossification.\n"
    claims = _prevents(read_claims(empty_store, tmp_path, text))
    assert [c.subject for c in claims if c.polarity == "asserted"] == ["indomethacin"], claims
