"""Reading patterns that put wrong statements under answers on the twenty-second and
twenty-third sets of real pages (issue 14): who HO "affects", an aside in dashes, a place
named after an injury, and the restating of study aims and low rates.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

from fixtures import read_claims as read_text


def risks(claims):  # type: ignore[no-untyped-def]
    return {(c.subject, c.object, c.polarity) for c in claims
            if c.predicate == "risk_factor_for"}


def test_what_ho_affects_is_a_population_never_a_finding_or_a_far_phrase(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "The presence of HO did not significantly affect elbow range of movement "
                       "within the trauma or elective groups.\n"
                       "Heterotopic ossification affects 20% of patients with spinal cord "
                       "injury.\n")
    found = risks(claims)
    assert ("spinal_cord_injury", "heterotopic_ossification", "asserted") in found
    assert not {s for s, _, _ in found} & {"range_of_motion", "trauma"}


def test_an_aside_in_dashes_is_no_event_followed_by_its_own_items(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "After a serious trauma—like a joint injury, spinal cord injury, "
                       "traumatic brain injury, or major surgery—the body sometimes makes bone "
                       "in the wrong place.\n"
                       "After hip replacement, heterotopic ossification develops in a third of "
                       "patients.\n")
    found = risks(claims)
    assert not [r for r in found if r[1] == "spinal_cord_injury"]
    assert ("hip_arthroplasty", "heterotopic_ossification", "asserted") in found


def test_an_injury_site_names_a_place_not_an_injury(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification can follow surgery. In amputees it forms near "
                       "the injury site and in paralysed people it occurs most often in the "
                       "hip joint.\n")
    assert not [c for c in claims if c.predicate == "occurs_at_site" and c.subject == "trauma"]


def test_two_things_in_brackets_are_examples_not_another_name(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "The cause was a local injury (fracture or fracture-dislocation) of the "
                       "elbow in three patients.\n")
    assert not [c for c in claims if c.predicate == "synonym_of"]


def test_a_link_called_coincidental_is_no_cause(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification following knee replacement has long been "
                       "regarded as a coincidental radiographic finding.\n")
    assert not [r for r in risks(claims) if r[0] == "knee_arthroplasty"]


def test_and_it_in_a_sentence_about_it_is_what_the_sentence_is_about(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is bone in soft tissue. It is found in patients "
                       "who sustained trauma including spinal, brain and severe burn injuries and "
                       "it can be classified as a complication of trauma.\n")
    found = risks(claims)
    assert ("trauma", "heterotopic_ossification", "asserted") in found
    assert not [r for r in found if r[1] in {"severe_burn", "brain_injury"}]


def test_a_care_given_to_prevent_ho_is_no_cause_of_the_ho_after_it(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification developed in 16.7% after radiotherapy and in 5% "
                       "after indomethacin, and in 40% after total hip arthroplasty alone.\n")
    causes = {s for s, _, _ in risks(claims)}
    assert not causes & {"radiation_therapy", "indomethacin", "nsaid"}


def test_a_time_after_a_treatment_ends_dates_no_onset(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification can be treated with a drug. Verify that the "
                       "patient is not pregnant before treatment and one month after treatment "
                       "discontinuation.\n")
    assert not [c for c in claims if c.predicate == "onset_after"]


def test_what_separates_one_thing_from_another_is_no_source(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "The lesion shows peripheral calcification and a cleft that separates the "
                       "lesion from the cortex of the adjacent bone.\n"
                       "Oncostatin M is produced by macrophages.\n")
    produced = {(c.subject, c.object) for c in claims if c.predicate == "produces"}
    assert ("macrophage", "oncostatin_m") in produced
    assert not [p for p in produced if p[0] == "bone"]


def test_a_measure_an_outcome_was_assessed_by_is_no_symptom(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Few patients needed excision of HO, with outcomes reported as good or "
                       "excellent as assessed by range of motion.\n"
                       "One study reported a significant difference in range of motion.\n"
                       "Patients with HO experience pain.\n")
    symptoms = {c.subject for c in claims if c.predicate == "symptom_of"}
    assert "range_of_motion" not in symptoms
    assert "pain" in symptoms


def test_other_complications_are_not_said_to_be_the_conditions(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification can follow hip surgery in cerebral palsy. Other "
                       "complications include the possibility of a wound infection.\n"
                       "Complications of heterotopic ossification include pneumonia.\n")
    complications = {c.subject for c in claims if c.predicate == "complication_of"}
    assert "pneumonia" in complications
    assert not {"infection", "wound_infection"} & complications


def test_a_blogs_and_it_was_and_not_that_say_nothing_of_the_condition(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification in my hip. After two big hip surgeries, I figured "
                       "this one would be easier and it was. It's not that it would be painful to "
                       "bend them, it is not even possible to move them.\n")
    assert not [c for c in claims if c.predicate in {"risk_factor_for", "symptom_of"}]
