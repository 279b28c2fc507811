"""Reading patterns behind wrong statements under answers on untuned pages (issue 14), set 74.

Statements labelled wrong from their cited sentences, the patterns written here in other
words: a case's presenting complaint is no symptom of what its long history aside names
("Pain is a symptom of trauma" from "A 35-year-old man, with a history of recurrent trauma
episodes in the past year, presented with pain"); an intervention's effect measured in a
model after its injuries does not state each injury as a risk ("Muscle injury raises the
risk of NHO" from "deletion of Hif1a enhanced NHO formation after SCI and muscle injury",
where the model needs both); a course of a drug that ended is no verdict on it ("Indomethacin
is not effective for HO" from "HO did not progress after indomethacin was discontinued").
"""

from __future__ import annotations

from fixtures import read_claims, triples


def _claims(store, tmp_path, text: str, predicate: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return triples(read_claims(store, tmp_path, text, name="page.txt"), predicate)


def test_a_case_presentation_with_a_long_history_aside_states_no_symptom(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _claims(empty_store, tmp_path,
                    "A 41-year-old woman, with a history of repeated falls and fractures over "
                    "the past two years, presented with pain and swelling in both thighs.\n",
                    "symptom_of")
    assert not found, found


def test_a_general_complaint_is_still_a_symptom(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _claims(empty_store, tmp_path,
                    "Patients with heterotopic ossification often complain of pain and "
                    "swelling.\n", "symptom_of")
    assert ("pain", "heterotopic_ossification") in found, found


def test_an_intervention_measured_after_a_model_injury_states_no_risk(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _claims(empty_store, tmp_path,
                    "In mice, deletion of the Hif1a gene in myeloid cells significantly "
                    "enhanced NHO formation after SCI and muscle injury.\n", "risk_factor_for")
    assert not found, found


def test_ho_after_an_event_is_still_a_risk(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _claims(empty_store, tmp_path,
                    "Neurogenic heterotopic ossification often forms after spinal cord injury.\n",
                    "risk_factor_for")
    assert ("spinal_cord_injury", "neurogenic_heterotopic_ossification") in found, found


def test_a_course_that_ended_is_no_verdict_on_the_drug(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    """"HO did not progress after the administration of indomethacin was discontinued" (set
    76's labels: "Indomethacin is not effective for HO" read from it); a drug that "has been
    discontinued" because it only postpones the bone still is one."""
    stopped = _claims(empty_store, tmp_path,
                      "In the patients who took celecoxib, heterotopic ossification did not "
                      "advance after the administration of celecoxib was discontinued.\n",
                      "not_effective_for")
    assert not stopped, stopped
    dropped = _claims(empty_store, tmp_path,
                      "Etidronate has been discontinued because it only postpones "
                      "ossification.\n", "not_effective_for")
    assert ("etidronate", "heterotopic_ossification") in dropped, dropped
