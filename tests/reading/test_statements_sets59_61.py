"""Reading patterns behind the wrong statements left on the hand-labelled sets 59 and 61.

Each test writes, in its own words, the shape of a sentence that gave a wrong statement under
an answer and checks the general pattern, with a control where the pattern must not reach.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import read_claims
from osteon.reading.records import Claim


def read_text(store, tmp_path: Path, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    return read_claims(store, tmp_path, text, name="page.txt")


def polarities(claims: list[Claim], subject: str, predicate: str, obj: str) -> set[str]:
    return {c.polarity for c in claims
            if (c.subject, c.predicate, c.object) == (subject, predicate, obj)}


def test_what_the_literature_has_not_documented_is_denied(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    """"Although X has many complications, myositis ossificans has not been documented as one
    of them" was read as "X raises the risk of HO"."""
    claims = read_text(empty_store, tmp_path,
                       "Although there are several complications of trigger point injection, "
                       "myositis ossificans has not been documented as one of its "
                       "complications.\n"
                       "Heterotopic ossification has never been reported after a single "
                       "injection.\n")
    found = {c.polarity for c in claims if c.subject == "injection"
             and c.predicate == "risk_factor_for"}
    assert found == {"negated"}, [(c.subject, c.predicate, c.object, c.polarity)
                                  for c in claims]


def test_a_new_case_not_reported_before_is_still_a_case(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Myositis ossificans after a trigger point injection has not been "
                       "previously reported.\n")
    assert "negated" not in {c.polarity for c in claims if c.predicate == "risk_factor_for"}


def test_what_a_defined_class_does_is_said_of_the_defined_condition(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    """"FOP is a rare, autosomal dominant genetic disorder characterized by ossification
    within muscle": the muscle is FOP's site, not every genetic disorder's."""
    claims = read_text(empty_store, tmp_path,
                       "Fibrodysplasia ossificans progressiva is a rare, autosomal dominant "
                       "genetic disorder characterized by progressive ossification within "
                       "tendons and ligaments.\n")
    sites = {(c.subject, c.object) for c in claims if c.predicate == "occurs_at_site"}
    assert ("fibrodysplasia_ossificans_progressiva", "tendon") in sites, sites
    assert not any(s == "genetic_disorder" for s, _ in sites), sites


def test_a_participle_after_the_cause_speaks_of_the_condition(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    """"... developed myositis ossificans in her soleus muscle after minor trauma, diagnosed
    through imaging": imaging diagnosed the ossification, not the trauma."""
    claims = read_text(empty_store, tmp_path,
                       "A teenage athlete developed myositis ossificans in her calf muscle "
                       "after minor trauma, diagnosed through imaging and treated with rest.\n")
    tests = {(c.subject, c.object) for c in claims if c.predicate == "diagnostic_test_for"}
    assert ("imaging", "myositis_ossificans") in tests, tests
    assert ("imaging", "trauma") not in tests, tests
