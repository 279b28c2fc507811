"""Reading patterns behind wrong statements on set 93 (issue 14), written here in other words.

- A study's list of what it measured ("The study variables analyzed were: …, complications
  associated with surgery") had become "surgery raises the risk of HO".
- "HO after total knee arthroplasty is not well recognized" had become "knee arthroplasty
  raises the risk of HO": it says how little is known, not what the operation does.
- "It tends to develop in young adults who are more likely to experience traumatic injuries"
  had made myositis ossificans a cause of trauma: a relative clause speaks of the people.
"""

from __future__ import annotations

import pytest

from fixtures import read_claims


def _triples(tmp_path, store, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(c.subject, c.predicate, c.object)
            for c in read_claims(store, tmp_path, text + "\n", name="page.txt")}


@pytest.mark.parametrize("sentence", [
    "The variables recorded were: site of heterotopic ossification, range of motion, smoking "
    "and complications associated with surgery.",
    "Data collected included: age, level of spinal cord injury, pressure ulcers and "
    "problems linked to surgery.",
    "Outcome measures assessed were heterotopic ossification grade and infections "
    "associated with surgery.",
])
def test_a_list_of_what_a_study_measured_says_nothing_of_risk(
        tmp_path, empty_store, sentence: str) -> None:  # type: ignore[no-untyped-def]
    risks = {t for t in _triples(tmp_path, empty_store, sentence) if t[1] == "risk_factor_for"}
    assert not risks, risks


def test_a_finding_about_the_same_items_is_still_read(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    triples = _triples(tmp_path, empty_store,
                       "Heterotopic ossification was associated with spinal cord injury.")
    assert ("spinal_cord_injury", "risk_factor_for", "heterotopic_ossification") in triples


@pytest.mark.parametrize("sentence", [
    "Heterotopic ossification after total knee arthroplasty is not well recognized.",
    "Heterotopic ossification following elbow arthroplasty remains poorly understood.",
    "Heterotopic ossification after knee arthroplasty has been little studied.",
])
def test_how_little_is_known_of_ho_after_an_event_names_no_cause(
        tmp_path, empty_store, sentence: str) -> None:  # type: ignore[no-untyped-def]
    causes = {t[0] for t in _triples(tmp_path, empty_store, sentence)
              if t[1] == "risk_factor_for"}
    assert not causes, causes


def test_ho_after_an_event_is_still_read_as_its_cause(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    causes = {t[0] for t in _triples(
        tmp_path, empty_store,
        "Heterotopic ossification after total knee arthroplasty is common.")
        if t[1] == "risk_factor_for"}
    assert "knee_arthroplasty" in causes, causes


@pytest.mark.parametrize("sentence", [
    "Myositis ossificans tends to develop in young adults and athletes who are more likely "
    "to experience traumatic injuries.",
    "Myositis ossificans tends to develop in soldiers, who often sustain fractures.",
])
def test_what_the_people_it_develops_in_go_through_is_not_caused_by_it(
        tmp_path, empty_store, sentence: str) -> None:  # type: ignore[no-untyped-def]
    said = {t for t in _triples(tmp_path, empty_store, sentence)
            if t[0] == "myositis_ossificans" and t[1] == "risk_factor_for"}
    assert not said, said


def test_what_develops_after_a_condition_is_still_read(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    triples = _triples(tmp_path, empty_store,
                       "Patients with spinal cord injury are likely to develop heterotopic "
                       "ossification.")
    assert ("spinal_cord_injury", "risk_factor_for", "heterotopic_ossification") in triples
