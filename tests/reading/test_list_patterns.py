"""Figures, sites and doubt bound to the list item or list they belong to (issue 14)."""

from __future__ import annotations

from fixtures import read_claims as read_text
from osteon.reading.records import Figure


def low(figure: Figure | None) -> float | None:
    return None if figure is None else figure.low


def high(figure: Figure | None) -> float | None:
    return None if figure is None else figure.high


def test_each_site_keeps_its_own_figure_and_the_risk_takes_none(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "In patients with traumatic brain injury, heterotopic ossification most "
                       "often involves the hip (40%), the elbow (25%) and the shoulder (5%).\n")
    sites = {c.object: low(c.qualifiers.quantity) for c in claims
             if c.predicate == "occurs_at_site"}
    assert sites == {"hip": 40, "elbow": 25, "shoulder": 5}
    risk = [c for c in claims if c.predicate == "risk_factor_for"
            and c.subject == "traumatic_brain_injury"]
    assert risk and all(c.qualifiers.quantity is None for c in risk)


def test_a_population_label_takes_the_figure_of_how_many_develop_it(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Epidemiology\n\n"
                       "- Brain injury patients: hips and elbows are commonly affected and "
                       "5-20% develop heterotopic ossification\n")
    risk = [c for c in claims if c.predicate == "risk_factor_for"]
    assert [(c.subject, low(c.qualifiers.quantity), high(c.qualifiers.quantity))
            for c in risk] == [("brain_injury", 5, 20)]
    sites = {c.object for c in claims if c.predicate == "occurs_at_site"}
    assert sites == {"hip", "elbow"}


def test_a_bracketed_site_qualifies_only_the_item_before_it(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification also follows burns or joint replacement "
                       "(mostly of the hip).\n")
    site = {c.subject: c.qualifiers.sites for c in claims
            if c.predicate == "risk_factor_for"}
    assert site == {"burn": (), "joint_replacement": ("hip",)}


def test_a_denying_lead_in_negates_its_items(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Prevention\n\nThe following do not prevent heterotopic ossification:\n\n"
                       "- Warfarin\n- Ice packs\n")
    said = {(c.subject, c.predicate, c.polarity) for c in claims}
    assert ("warfarin", "prevents", "negated") in said
    assert ("warfarin", "prevents", "asserted") not in said


def test_each_figure_goes_to_the_population_it_counts(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is found in 10-20% after spinal cord injury, "
                       "5-10% after brain injury and up to 90% after hip arthroplasty.\n")
    figures = {c.subject: high(c.qualifiers.quantity) for c in claims
               if c.predicate == "risk_factor_for"}
    assert figures == {"spinal_cord_injury": 20, "brain_injury": 10, "hip_arthroplasty": 90}


def test_a_duration_stays_with_the_list_item_it_measures(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Risk factors for heterotopic ossification after brain injury are a coma "
                       "lasting longer than 3 weeks, spasticity and reduced mobility.\n")
    timing = {c.subject: low(c.qualifiers.timing) for c in claims
              if c.predicate == "risk_factor_for"}
    assert timing["coma"] == 3
    assert timing["spasticity"] is None


def test_a_rate_stays_with_its_event_and_a_burn_extent_is_no_rate(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is frequent after hip replacement, with reported "
                       "rates of 20-40%, and after burns covering more than 30% of the body.\n")
    rates = {c.subject: high(c.qualifiers.quantity) for c in claims
             if c.predicate == "risk_factor_for"}
    assert rates == {"hip_arthroplasty": 40, "burn": None}


def test_a_negated_reduced_relative_names_a_kind_of_case_not_a_cause(tmp_path, empty_store):
    # "…true ossification not associated with trauma" describes which cases; it does not
    # say that trauma does not raise the risk of HO
    claims = read_text(empty_store, tmp_path,
                       "No attempt was made to separate these from true ectopic ossification "
                       "not associated with a history of trauma or infection.\n"
                       "Heterotopic ossification was never linked to infection in this series.\n")
    negated = {(c.subject, c.evidence.sentence_idx) for c in claims
               if c.predicate == "risk_factor_for" and c.polarity == "negated"}
    assert negated == {("infection", 1)}  # the copular sentence keeps its negation


def test_a_list_takes_its_kind_from_its_own_lead_in_before_the_heading(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "What causes heterotopic ossification?\n\n"
                       "Heterotopic ossification can develop after:\n\n"
                       "- Burns\n- Fractures\n\n"
                       "Early signs include:\n\n"
                       "- Pain around the elbow\n- Swelling\n\n"
                       "Myositis ossificans is classified into three types:\n\n"
                       "- Fibrodysplasia ossificans progressiva\n")
    said = {(c.subject, c.predicate) for c in claims}
    assert {("burn", "risk_factor_for"), ("fracture", "risk_factor_for")} <= said
    assert ("pain", "symptom_of") in said and ("swelling", "symptom_of") in said
    assert not {("pain", "risk_factor_for"), ("swelling", "risk_factor_for")} & said
    assert ("fibrodysplasia_ossificans_progressiva", "risk_factor_for") not in said


def test_a_prophylactic_treatment_prevents_and_a_disputed_one_treats_nothing(
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Radiotherapy is an established prophylactic treatment for heterotopic "
                       "ossification.\n"
                       "Radiation treatment is controversial, as radiation can cause tissue "
                       "damage and delayed healing where surgery was done for heterotopic "
                       "ossification.\n")
    said = {(c.evidence.sentence_idx, c.subject, c.predicate) for c in claims}
    assert (0, "radiation_therapy", "prevents") in said
    assert not {(0, "radiation_therapy", "treats"), (1, "radiation_therapy", "treats"),
                (1, "radiation_therapy", "risk_factor_for")} & said


def test_after_an_event_that_dates_a_treatment_or_a_study_is_no_cause(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "A new protocol for heterotopic ossification was evaluated in 46 patients "
                       "after spinal cord injury.\n"
                       "Heterotopic ossification in patients receiving radiation therapy following "
                       "total hip arthroplasty was rare.\n"
                       "Heterotopic ossification was found in 20% of patients after spinal cord "
                       "injury.\n")
    causes = {(c.evidence.sentence_idx, c.subject) for c in claims
              if c.predicate == "risk_factor_for"}
    assert causes == {(2, "spinal_cord_injury")}


def test_a_follow_up_after_an_injury_is_not_when_ho_appears(tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Follow-up of patients was 15 months after spinal cord injury.\n"
                       "Heterotopic ossification usually appears 3 to 12 weeks after spinal cord "
                       "injury.\n")
    onsets = {c.evidence.sentence_idx for c in claims if c.predicate == "onset_after"}
    assert onsets == {1}


def test_a_list_of_triggers_is_no_cause_of_its_own_items(tmp_path, empty_store):
    # "this condition" points back past the clause: the triggers listed in front of it are
    # causes of the condition named before, not of each other
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is common after injury. Spinal cord injury and "
                       "traumatic brain injury are well known triggers for this condition.\n")
    risks = {(c.subject, c.object) for c in claims if c.predicate == "risk_factor_for"}
    assert ("traumatic_brain_injury", "spinal_cord_injury") not in risks
    assert {("spinal_cord_injury", "heterotopic_ossification"),
            ("traumatic_brain_injury", "heterotopic_ossification")} <= risks

