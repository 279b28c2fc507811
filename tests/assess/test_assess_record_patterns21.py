"""Records of patients set 62 (dev): a burn coded by site and by extent, a German diagnosis's
certainty on its code, a query "not confirmed", German "Ausschluss".

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread, with the fact or risk it must give.
"""

from __future__ import annotations

from typing import Any

from assess_support import record, searchset, statuses

from osteon import KnowledgeBase

AT = "2026-11-20T10:00:00Z"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
GM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm"


def _condition(codings: list[dict[str, Any]], text: str, **more: Any) -> dict[str, Any]:
    return {"resourceType": "Condition", "code": {"coding": codings, "text": text},
            "onsetDateTime": "2026-11-10T08:00:00Z", **more}


def test_the_narrowest_code_of_an_entry_counts(seeded_kb: KnowledgeBase) -> None:
    """A burn coded by its sites (T22.3 arm, T24.3 leg) and its extent (T31.2, 20-29 % of the
    body) is the severe burn the last code says, not a burn of unknown size."""
    bundle = searchset(_condition([
        {"system": ICD10, "code": "T22.3", "display": "Burn of third degree of upper limb"},
        {"system": ICD10, "code": "T24.3", "display": "Burn of third degree of lower limb"},
        {"system": ICD10, "code": "T31.2", "display": "Burns involving 20-29% of body surface"}],
        "Molten metal burn, both forearms and shins"))
    result = seeded_kb.assess(bundle, at=AT)
    assert any(i.subject == "severe_burn" for i in result.risk_factors), [
        i.subject for i in result.risk_factors]


def test_a_german_code_s_certainty_says_excluded_or_a_state_after() -> None:
    def certainty(code: str) -> dict[str, Any]:
        return {"url": "http://fhir.de/StructureDefinition/icd-10-gm-diagnosesicherheit",
                "valueCoding": {"code": code}}
    bundle = searchset(
        _condition([{"system": GM, "code": "S06.9", "extension": [certainty("A")],
                     "display": "Intrakranielle Verletzung, nicht näher bezeichnet"}],
                   "Intrakranielle Verletzung"),
        _condition([{"system": GM, "code": "S72.3", "extension": [certainty("Z")],
                     "display": "Fraktur des Femurschaftes"}], "Femurschaftfraktur links"))
    facts = {f.concept: f.status for f in record(bundle).facts}
    assert facts.get("traumatic_brain_injury") == "absent", facts
    assert facts.get("femur_fracture") == "resolved", facts


def test_a_query_not_confirmed_is_absent() -> None:
    found = statuses({"notes": [{"text": "Skeletal fluorosis; the x-ray query of heterotopic "
                                         "ossification was not confirmed.",
                                 "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("heterotopic_ossification") == {"absent"}, found


def test_a_german_ausschluss_excludes_what_follows() -> None:
    found = statuses({"notes": [{"text": "Diagnosen: Luxationsfraktur HWK 6/7; Ausschluss SHT.",
                                 "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("traumatic_brain_injury") == {"absent"}, found
