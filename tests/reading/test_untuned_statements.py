"""Reading patterns behind wrong statements under answers on untuned pages (issue 14).

The statements shown under the answers to the thirteenth to seventeenth sets of real pages
were labelled by hand; each test writes, in its own words, the shape of a sentence that gave
a wrong one and checks the general pattern.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims, triples
from osteon.reading.records import Claim


def read_text(store, tmp_path: Path, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    return read_claims(store, tmp_path, text, name="page.txt")


def test_causes_of_is_a_noun_not_a_verb(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Progressive osseous heteroplasia must be told apart from other causes of "
                       "heterotopic ossification in children, such as fibrodysplasia ossificans "
                       "progressiva.\nBlood clots and pulmonary embolism are leading causes of "
                       "death in patients with spinal cord injury.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("progressive_osseous_heteroplasia",
            "fibrodysplasia_ossificans_progressiva") not in risks
    assert not any(obj == "spinal_cord_injury" for _, obj in risks)


def test_a_class_causes_none_of_its_kinds(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Some rare genetic disorders causing heterotopic ossification, such as "
                       "fibrodysplasia ossificans progressiva, start in childhood.\n"
                       "Burn injury is one of the potential causes of heterotopic ossification.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("rare_genetic_disorder", "fibrodysplasia_ossificans_progressiva") not in risks
    assert ("burn", "heterotopic_ossification") in risks  # "one of the causes of" after a copula


def test_published_reports_are_no_complaint_of_a_patient(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Cases of heterotopic ossification in ventilated patients were reported, "
                       "blaming inflammation and long immobilization.\nEarlier studies reported on "
                       "raised alkaline phosphatase in heterotopic ossification.\n")
    assert not triples(claims, "symptom_of")


def test_litotes_asserts(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is not uncommon after total hip arthroplasty.\n")
    assert any(c.subject == "total_hip_arthroplasty" and c.polarity == "asserted"
               for c in claims if c.predicate == "risk_factor_for")


def test_a_negation_in_one_predicate_does_not_reach_the_next(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is bone in tissue where bone should not form and "
                       "is a known complication after burn injury.\n")
    burns = [c for c in claims if c.predicate == "risk_factor_for" and c.subject == "burn"]
    assert burns and all(c.polarity == "asserted" for c in burns)


def test_the_absence_of_an_exposure_is_no_denial_of_its_effect(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Patients who got no NSAID prophylaxis were five times more likely to "
                       "develop heterotopic ossification.\nThere is no established preventive "
                       "treatment for heterotopic ossification.\n")
    assert not [c for c in claims if c.predicate == "risk_factor_for" and c.polarity == "negated"]
    # "no X" still denies X where X's existence is what is said
    assert any(c.polarity == "negated" for c in claims if c.predicate == "prevents")


def test_a_noun_joined_to_treatment_of_is_no_therapy(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Early diagnosis and treatment of heterotopic ossification matter for "
                       "function.\nIndomethacin is a treatment for heterotopic ossification.\n")
    treats = triples(claims, "treats")
    assert ("indomethacin", "heterotopic_ossification") in treats
    assert len(treats) == 1


def test_what_follows_an_event_is_the_condition_not_a_history_of_it(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Most patients who developed heterotopic ossification following an "
                       "earlier hip arthroplasty will develop it again.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("hip_arthroplasty", "heterotopic_ossification") in risks
    assert not any(obj == "history_of_heterotopic_ossification" for _, obj in risks)


def test_blocking_an_ability_to_activate_is_no_inhibition_of_the_target(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "The antibody binds activin A and blocks its ability to activate mutant "
                       "ACVR1.\n")
    assert ("activin_a", "acvr1") not in triples(claims, "inhibits")


def test_fellows_of_a_noun_trigger_and_bracketed_populations_are_no_agents(tmp_path,  # type: ignore[no-untyped-def]
                                                                          empty_store):
    claims = read_text(empty_store, tmp_path,
                       "How to prevent heterotopic ossification\n"
                       "- Indomethacin is the usual drug to prevent heterotopic ossification\n"
                       "How long to give it\n"
                       "- a 6-week course suits high-risk cases (acetabular fractures)\n"
                       "- a 4-week course may do for moderate-risk cases (hip arthroplasty)\n\n"
                       "We studied excision, postoperative rehabilitation and prevention of "
                       "heterotopic ossification in stiff elbows.\n"
                       "NSAIDs are used for the prevention and treatment of heterotopic "
                       "ossification.\n")
    prevents = triples(claims, "prevents")
    assert not any(s in ("hip_arthroplasty", "rehabilitation") for s, _ in prevents)
    assert ("nsaid", "heterotopic_ossification") in triples(claims, "treats")


def test_a_time_point_and_not_until_are_no_onset_and_no_denial(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Motion in knees with heterotopic ossification matched motion in the "
                       "other knees at 1 year after surgery.\nThe surgeon will not remove the "
                       "bone until a bone scan shows it has stopped growing.\nNo one operates "
                       "on it, not until another bone scan shows that it has stopped growing.\n")
    assert not triples(claims, "onset_after")
    tests = [c for c in claims if c.predicate == "diagnostic_test_for"]
    assert tests and all(c.polarity != "negated" for c in tests)


def test_what_only_says_which_is_no_subject(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification after a spinal cord injury may cause pressure "
                       "ulcers and nerve entrapment.\nHeterotopic ossification (HO) in spinal "
                       "cord injury patients usually shows a few weeks after injury.\n"
                       "Ossification in fibrodysplasia ossificans progressiva is irreversible.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("heterotopic_ossification", "pressure_ulcer") in risks
    assert not any(s == "spinal_cord_injury" and o != "heterotopic_ossification"
                   for s, o in risks)
    assert not any(s == "spinal_cord_injury" for s, _ in triples(claims, "onset_after"))
    # a kind of the head is what is spoken of, not a modifier of it
    assert any(c.subject == "fibrodysplasia_ossificans_progressiva"
               for c in claims if c.predicate == "prognosis")


def test_patients_named_by_their_injuries_follow_the_event_not_the_injuries(  # type: ignore[no-untyped-def]
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "The review took brain injury or spinal cord injury patients following "
                       "operations for hip heterotopic ossification.\n")
    assert not any(o in ("spinal_cord_injury", "traumatic_brain_injury")
                   for _, o in triples(claims, "risk_factor_for"))


def test_it_is_neither_the_population_nor_the_class_before_a_kind(  # type: ignore[no-untyped-def]
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "About one in two people with spinal cord injury will form some "
                       "heterotopic ossification. It shows on plain x-rays a month or two after "
                       "the injury.\nSome rare genetic disorders, such as fibrodysplasia "
                       "ossificans progressiva, turn injured muscle into bone. Typically "
                       "appearing in the big toe at birth, it then spreads.\n")
    assert not any(o == "spinal_cord_injury" for _, o in triples(claims, "diagnostic_test_for"))
    sites = triples(claims, "occurs_at_site")
    assert ("fibrodysplasia_ossificans_progressiva", "big_toe") in sites
    assert ("rare_genetic_disorder", "big_toe") not in sites


def test_a_loss_of_motion_is_the_decrease_and_a_species_no_cause(  # type: ignore[no-untyped-def]
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification can lead to loss of joint mobility.\nIn horses "
                       "and dogs, the incidence of heterotopic ossification is low.\n")
    complications = triples(claims, "complication_of")
    assert ("decreased_range_of_motion", "heterotopic_ossification") in complications
    assert ("range_of_motion", "heterotopic_ossification") not in complications
    assert not any(s in ("horse", "dog") for s, _ in triples(claims, "risk_factor_for"))


def test_a_reason_clause_a_time_elapsed_and_a_comparison_are_no_arguments(  # type: ignore[no-untyped-def]
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "The condition is usually diagnosed on clinical signs, as no laboratory "
                       "tests can yet find it early.\nAfter 6 weeks of inpatient rehabilitation, "
                       "the contracture of the knee was unchanged.\nThe new bone is mature "
                       "lamellar bone, indistinguishable from normal bone, in the soft tissues.\n"
                       "Contracture release can be done three to six months after the injury.\n")
    assert not [c for c in claims if c.predicate == "diagnostic_test_for"
                and c.subject == "laboratory_test" and c.polarity == "asserted"]
    assert not any(s == "rehabilitation" for s, _ in triples(claims, "risk_factor_for"))
    assert not triples(claims, "produces")
    assert not any(s == "contracture" for s, _ in triples(claims, "onset_after"))


def test_the_class_qualified_is_no_cause_of_the_class(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Postsurgical heterotopic ossification is one of the commonest causes of "
                       "extraskeletal ossification.\nFibrodysplasia ossificans progressiva causes "
                       "heterotopic ossification in children.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("postoperative_heterotopic_ossification", "heterotopic_ossification") not in risks
    assert ("fibrodysplasia_ossificans_progressiva", "heterotopic_ossification") in risks


def test_such_as_that_points_back_and_names_no_member(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Most people with severe trauma such as that due to blasts develop "
                       "heterotopic ossification in the stump.\n")
    assert ("heterotopic_ossification", "trauma") not in triples(claims, "is_a")


def test_a_population_owns_what_its_patients_present_with(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "A quick work-up for thrombosis is vital in people with spinal cord "
                       "injury, who present with a swollen leg.\nPatients with fibrodysplasia "
                       "ossificans progressiva, who present with painful swellings, are often "
                       "misdiagnosed.\n")
    symptoms = triples(claims, "symptom_of")
    assert not any(s == "leg_swelling" for s, _ in symptoms)
    assert ("swelling", "fibrodysplasia_ossificans_progressiva") in symptoms


def test_when_a_patient_came_to_care_is_no_onset(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "A man in his fifties presented 2 years following an amputation with "
                       "pain at the stump.\nHeterotopic ossification appeared 3 months after "
                       "the operation.\n")
    onsets = triples(claims, "onset_after")
    assert ("heterotopic_ossification", "amputation") not in onsets
    assert onsets  # the condition's own onset is still read


def test_a_care_named_after_a_condition_is_no_event_of_that_condition(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Rates of heterotopic ossification following a multimodal pain protocol "
                       "after hip arthroplasty.\nHeterotopic ossification was common among "
                       "patients of the burn unit.\nHeterotopic ossification is common after "
                       "burns.\n")
    risks = triples(claims, "risk_factor_for")
    assert not any(s == "pain" for s, _ in risks)
    assert ("burn", "heterotopic_ossification") in risks  # the burn itself still is one


def test_what_came_before_a_population_condition_is_not_what_it_leads_to(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "In people with new heterotopic ossification, this was not preceded by a "
                       "flare-up in a third of cases.\n")
    assert not any(s == "heterotopic_ossification" for s, _ in triples(claims, "risk_factor_for"))


def test_a_sentence_naming_no_condition_dates_an_onset_only_in_words_of_one(  # type: ignore[no-untyped-def]
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification after knee replacement.\n"
                       "The patient underwent manipulation under anaesthesia 2 months after the "
                       "operation.\nCelecoxib was given for ten days after surgery.\n"
                       "These symptoms can start two weeks after the operation.\n")
    onsets = [c for c in claims if c.predicate == "onset_after"]
    assert len(onsets) == 1, [(c.subject, c.object, c.evidence.sentence_idx) for c in onsets]
    assert onsets[0].evidence.sentence_idx == 3


def test_cases_alone_or_with_more_and_a_function_of_a_part_are_no_claims(  # type: ignore[no-untyped-def]
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "The series took patients after an isolated spinal cord injury or one "
                       "associated with multiple trauma.\nHeterotopic ossification is bone like "
                       "any other, and it can cause problems in joint movement.\n")
    assert ("polytrauma", "spinal_cord_injury") not in triples(claims, "risk_factor_for")
    assert not triples(claims, "occurs_at_site")


def test_what_a_condition_causes_to_form_in_a_tissue_is_what_lies_there(
        tmp_path, empty_store):  # type: ignore[no-untyped-def]
    # the bone FOP makes forms in the muscles: FOP itself is placed in none of them
    claims = read_text(empty_store, tmp_path,
                       "FOP is among the rarest inherited conditions, and it causes bone to form "
                       "in muscles, tendons and ligaments.\n"
                       "Heterotopic ossification forms in muscles around the hip.\n")
    sites = triples(claims, "occurs_at_site")
    assert not any(subject == "fibrodysplasia_ossificans_progressiva" or
                   subject == "genetic_disorder" for subject, _ in sites), sites
    assert ("heterotopic_ossification", "muscle") in sites


def test_a_trigger_of_ho_in_fop_is_no_cause_of_fop_and_a_bracket_names_its_phrase(
        tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "In FOP the start of the HO process is set off by abnormal immune "
                       "responses to minor injuries (also called flare-ups) and then bone "
                       "forms.\nThe HO process in FOP is triggered by minor injuries.\n")
    risks = triples(claims, "risk_factor_for")
    assert not any(obj == "fibrodysplasia_ossificans_progressiva" for _, obj in risks), risks
    # the bracket names the responses, not the injuries the phrase ends with
    assert not [c for c in claims if c.predicate in ("synonym_of", "is_a")
                and "fop_flare_up" in (c.subject, c.object)], claims


def test_a_time_counted_from_the_onset_dates_no_onset(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Bone after hip surgery\n\n"
                       "Mature HO can be removed, usually 12 to 18 months after onset.\n"
                       "HO usually appears 3 to 12 weeks after surgery.\n")
    onsets = triples(claims, "onset_after")
    assert ("heterotopic_ossification", "hip_surgery") not in onsets, onsets
    assert ("heterotopic_ossification", "surgery") in onsets


def test_what_this_was_confirmed_by_is_one_finding_not_a_test_for_ho(
        tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "My thigh had a hard lump. This was later confirmed by an ultrasound "
                       "scan.\nHeterotopic ossification is confirmed by a CT scan.\n")
    tests = triples(claims, "diagnostic_test_for")
    assert not any(test == "ultrasound" for test, _ in tests), tests
    assert any(test.startswith("ct") or "computed" in test for test, _ in tests), tests


def test_a_common_misspelling_of_the_condition_names_it(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    # "heterotropic", as web pages often spell it: the page's "HO" is heterotopic ossification
    claims = read_text(empty_store, tmp_path,
                       "Heterotropic ossification (HO) is the formation of bone in soft "
                       "tissue.\nHO is common after reverse shoulder arthroplasty.\n")
    assert ("shoulder_arthroplasty", "heterotopic_ossification") in triples(
        claims, "risk_factor_for")


def test_a_clause_subject_after_a_comma_is_no_item_of_what_after_names(  # type: ignore[no-untyped-def]
        tmp_path, empty_store):
    claims = read_text(empty_store, tmp_path,
                       "Of the joints affected by heterotopic ossification after head injury, "
                       "ankylosis is most likely to occur in the posterior elbow.\n"
                       "Heterotopic ossification is seen after burns, fractures and amputation.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("ankylosis", "heterotopic_ossification") not in risks
    assert {("burn", "heterotopic_ossification"), ("fracture", "heterotopic_ossification"),
            ("amputation", "heterotopic_ossification")} <= risks  # a list stays a list


def test_a_follow_up_after_which_ho_was_counted_is_no_event(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification on radiographs after a mean follow-up of 11 "
                       "months was related to several factors.\n")
    assert not triples(claims, "risk_factor_for")


# --- the thirty-second set (development) ----------------------------------------------------


def test_one_complication_in_a_class_of_injuries_names_its_causes(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    """"It is a common complication in major CNS injuries, such as TBI…": the injuries cause
    the subject; they are no complications of it."""
    claims = read_text(empty_store, tmp_path,
                       "Neurogenic heterotopic ossification\n\nNeurogenic heterotopic ossification "
                       "is bone formation in soft tissues around joints. It is a common "
                       "complication in major CNS injuries, such as traumatic brain injury, "
                       "spinal cord injury, and stroke.\n")
    assert not triples(claims, "complication_of")
    risks = triples(claims, "risk_factor_for")
    assert ("traumatic_brain_injury", "neurogenic_heterotopic_ossification") in risks
    assert ("stroke", "neurogenic_heterotopic_ossification") in risks


def test_complications_that_include_a_recurrence_are_an_operations(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Although complications such as infection and heterotopic ossification "
                       "recurrence are common, the benefits of restoring hip flexion are usually "
                       "worthwhile.\n")
    assert not triples(claims, "complication_of")


def test_a_precipitating_cause_is_the_noun_after_it(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    """"HO without any precipitating trauma": trauma is the cause the sentence denies."""
    claims = read_text(empty_store, tmp_path,
                       "Imaging showed new heterotopic ossification without any precipitating "
                       "trauma or surgery.\n")
    assert not any(s == "heterotopic_ossification"
                   for s, _ in triples(claims, "risk_factor_for"))


def test_a_compared_stay_is_no_onset(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Traumatic heterotopic ossification (tHO) follows surgery or trauma. "
                       "Those who developed tHO during hospitalisation had a significantly higher "
                       "median LOS than matched trauma patients who did not develop tHO (142 days "
                       "vs. 61 days).\n")
    assert triples(claims, "risk_factor_for")  # the page is read
    assert not triples(claims, "onset_after")


def test_the_reason_for_an_operation_is_no_cause_of_ho(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    """"Patients who developed HO underwent reoperation due to pain": the pain led to the
    operation; it is no cause of the HO."""
    claims = read_text(empty_store, tmp_path,
                       "One of seven patients who developed heterotopic ossification underwent "
                       "reoperation due to pain and decreased range of motion.\n")
    assert not triples(claims, "risk_factor_for")
