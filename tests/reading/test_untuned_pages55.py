"""Reading patterns behind wrong statements on real pages (set 55, spent; issue 14): a cause
no one found, a setting put first, a contrast "not X but Y", examples that belong to the
subject, and the fellows of a spectrum.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

from fixtures import read_claims as read_text
from fixtures import triples


def test_a_cause_no_one_found_is_no_cause(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "Painful swellings that come quickly and without any apparent cause may be a sign of
    FOP" was read as "Swelling does not raise the risk of FOP": the noun "cause" is no
    verb, and what has no apparent cause denies nothing."""
    claims = read_text(empty_store, tmp_path,
                       "Painful soft tissue swellings that come quickly and without any "
                       "apparent cause may be a sign of fibrodysplasia ossificans "
                       "progressiva.\n", name="fop.txt")
    assert not triples(claims, "risk_factor_for"), claims


def test_an_injury_put_first_is_the_setting_not_what_begins(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "After a spinal cord injury, HO can occur early, or it can happen years after an
    injury" was read as "Spinal cord injury begins after trauma"."""
    claims = read_text(empty_store, tmp_path,
                       "After a spinal cord injury, heterotopic ossification can occur in the "
                       "first 2-3 months, or it can happen years after an injury.\n",
                       name="sci.txt")
    starts = {c.subject for c in claims if c.predicate == "onset_after"}
    assert "spinal_cord_injury" not in starts and "heterotopic_ossification" in starts, claims


def test_not_this_but_that_denies_nothing_of_the_population(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "Among people with complete SCI, the worst side effect isn't the pain but the lost
    motion where the HO is" was read as "SCI does not raise the risk of HO"."""
    claims = read_text(empty_store, tmp_path,
                       "Among people with complete spinal cord injuries, the worst side "
                       "effect isn't the pain but the lost motion where the heterotopic "
                       "ossification is.\n", name="contrast.txt")
    assert not [c for c in claims if c.polarity == "negated"], claims


def test_examples_after_the_condition_belong_to_the_subject(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "Other injuries also cause HO such as brain injuries and multiple sclerosis" was read
    as "Brain injury is a kind of HO" and "Trauma raises the risk of brain injury"; HO's
    own kinds ("HO such as myositis ossificans") are still its kinds."""
    other = read_text(empty_store, tmp_path,
                      "Other injuries also cause heterotopic ossification such as brain "
                      "injuries and multiple sclerosis.\n", name="injuries.txt")
    assert not [c for c in other if c.subject == "brain_injury" or c.object == "brain_injury"
                ], other
    kinds = read_text(empty_store, tmp_path,
                      "Heterotopic ossification such as myositis ossificans can follow "
                      "trauma.\n", name="kinds.txt")
    assert ("myositis_ossificans", "heterotopic_ossification") in triples(kinds, "is_a")


def test_the_fellows_of_a_spectrum_are_not_what_it_is_part_of(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    """ "POH is part of a spectrum of related disorders, including Albright hereditary
    osteodystrophy and osteoma cutis" was read as "POH is part of osteoma cutis"."""
    claims = read_text(empty_store, tmp_path,
                       "Progressive osseous heteroplasia is part of a spectrum of related "
                       "genetic disorders, including Albright hereditary osteodystrophy and "
                       "primary osteoma cutis.\n", name="poh.txt")
    wholes = {c.object for c in claims if c.predicate == "part_of_process"}
    assert not wholes & {"albright_hereditary_osteodystrophy", "osteoma_cutis"}, claims
