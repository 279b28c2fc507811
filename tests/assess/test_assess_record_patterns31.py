"""Record patterns of patients80 (dev) and their kin (issue 15). Made-up records.

- A condition whose code the engine does not map, read from its own name ("V.a. Läsion
  des N. axillaris rechts (possible axillary nerve injury)"), is labelled with that name,
  as one read from its code is: the Burgdorf report had said "nerve injury (possible)"
  without the nerve, and the Novosibirsk one "contusion (possible)" without the kidney.
"""

from __future__ import annotations

import pytest
from assess_support import record, searchset


def _condition(text: str, verification: str) -> dict:
    return {"resourceType": "Condition", "id": "c1",
            "verificationStatus": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "code": verification}]},
            "code": {"coding": [{"system": "http://example.org/icd-local", "code": "X99.9"}],
                     "text": text},
            "recordedDate": "2032-05-10"}


@pytest.mark.parametrize(("text", "concept", "status"), [
    ("Possible right kidney contusion - microhaematuria", "contusion", "possible"),
    ("Suspected axillary nerve injury, right shoulder", "nerve_injury", "possible"),
])
def test_a_condition_read_from_its_name_keeps_the_whole_name(text: str, concept: str,
                                                             status: str) -> None:
    bundle = searchset(_condition(text, "provisional"))
    facts = [f for f in record(bundle).facts if f.concept == concept]
    assert [(f.label, f.status) for f in facts] == [(text, status)]


def test_what_the_name_says_otherwise_keeps_its_own_words() -> None:
    text = "Fracture of the right radius, no nerve injury"
    bundle = searchset({**_condition(text, "confirmed"), "clinicalStatus": {"coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
        "code": "active"}]}})
    labels = {(f.concept, f.status): f.label for f in record(bundle).facts}
    assert labels.get(("nerve_injury", "absent")) == "nerve injury", labels
