"""Reading patterns behind wrong statements under answers on untuned pages (issue 14).

The statements shown under the answers to page sets 66-68 were labelled by hand from their
cited sentences only; each test writes, in its own words, the shape of a sentence that gave a
wrong statement and checks the general pattern, beside a sentence of the same shape that must
still be read.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims, triples
from osteon.reading.records import Claim


def read_text(store, tmp_path: Path, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    return read_claims(store, tmp_path, text, name="page.txt")


def test_an_omission_in_a_risk_list_denies_no_event(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Myositis ossificans\n\nRisk factors\n\n"
                       "- Not icing the bruise after a sports injury.\n- Having hemophilia.\n")
    risks = {(c.subject, c.polarity) for c in claims if c.predicate == "risk_factor_for"}
    # the item's risk is the omission: the bruise is neither a risk nor denied as one
    assert not any(subject == "bruising" for subject, _ in risks), risks
    assert ("hemophilia", "asserted") in risks


def test_not_belongs_to_the_verb_it_stands_before(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Not resting enough after a muscle injury raises the risk of myositis "
                       "ossificans.\n")
    assert not [c for c in claims if c.predicate == "risk_factor_for"
                and c.polarity == "negated"], claims


def test_factors_linked_to_ho_after_an_event_are_unnamed(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Finding the factors linked to heterotopic ossification after elbow "
                       "dislocation could help choose who gets prophylaxis.\n"
                       "Heterotopic ossification is typically associated with fractures near a "
                       "joint or following a severe brain injury.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("elbow_dislocation", "heterotopic_ossification") not in risks
    # an event after "or" is one more cause of the condition, not a cause of the fractures
    assert ("brain_injury", "fracture") not in risks
    assert ("brain_injury", "heterotopic_ossification") in risks
    assert ("fracture", "heterotopic_ossification") in risks


def test_what_a_with_phrase_or_a_relative_clause_names_is_no_cause(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Fibrodysplasia ossificans progressiva shortens life, with early death "
                       "caused by ossification of the chest wall.\n"
                       "Fibrodysplasia ossificans progressiva is a disorder caused by variants "
                       "of ACVR1 that lead to bone formation in muscles.\n")
    risks = triples(claims, "risk_factor_for")
    assert ("ossification", "fibrodysplasia_ossificans_progressiva") not in risks
    assert ("acvr1", "fibrodysplasia_ossificans_progressiva") in risks


def test_signs_to_watch_for_are_not_what_an_injury_leads_to(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "An electrical injury could lead to heterotopic ossification, and nurses "
                       "should look out for any changes such as redness, swelling and fever.\n"
                       "Heterotopic ossification can lead to pain and swelling.\n")
    complications = triples(claims, "complication_of")
    assert not any(obj == "trauma" for _, obj in complications), complications
    assert ("swelling", "heterotopic_ossification") in complications


def test_a_likely_cause_is_hedged_a_higher_likelihood_is_not(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is likely to result from abnormal "
                       "differentiation of progenitor cells.\n"
                       "Patients with a spinal cord injury are more likely to develop "
                       "heterotopic ossification.\n")
    polarity = {c.subject: c.polarity for c in claims if c.predicate == "risk_factor_for"}
    assert polarity.get("cell_differentiation") == "hedged", polarity
    assert polarity.get("spinal_cord_injury") == "asserted", polarity


def test_what_dates_an_agent_is_no_cause(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "In rats, heterotopic ossification is induced by forced running in the "
                       "weeks following immobilization.\n"
                       "Heterotopic ossification is caused by immobilization following spinal "
                       "cord injury.\n")
    immobility = {c.evidence.sentence_idx for c in claims
                  if c.predicate == "risk_factor_for" and c.subject == "immobility"}
    # the running induces it; the immobilization only dates the running (first sentence),
    # while it is the cause in the second
    assert len(immobility) == 1, claims
    assert max(c.evidence.sentence_idx for c in claims) in immobility


def test_a_case_s_negative_film_says_nothing_of_the_test(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "There were no open wounds and no fractures noted on plain radiographs.\n"
                       "Heterotopic ossification is best seen on CT.\n")
    tests = {(c.subject, c.object, c.polarity) for c in claims
             if c.predicate == "diagnostic_test_for"}
    assert not any(obj == "fracture" for _, obj, _ in tests), tests
    assert ("computed_tomography", "heterotopic_ossification", "asserted") in tests


def test_a_risk_item_names_the_disorder_not_its_sign(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Myositis ossificans\n\nRisk factors\n\n"
                       "- Having a clotting disorder, such as haemophilia.\n"
                       "- Having a nerve injury, such as an injury to the spinal cord.\n")
    risks = triples(claims, "risk_factor_for")
    subjects = {s for s, _ in risks}
    # "a clotting disorder" is no bleeding, "a nerve injury" no injury in general
    assert "bleeding" not in subjects and "trauma" not in subjects, risks
    assert {"bleeding_disorder", "hemophilia", "nerve_injury",
            "spinal_cord_injury"} <= subjects, risks
