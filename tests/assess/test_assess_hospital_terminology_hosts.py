"""Records of patients set 110 (dev): codes on a hospital's own terminology host, operations by
their implants' and other languages' names, an open joint wound, and a washout booked for
tomorrow morning.

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread, with the fact or window it must give.
"""

from __future__ import annotations

import pytest
from assess_support import record

from osteon import KnowledgeBase
from osteon.assess.codes import code_tables

LIVE = ("open", "closing")


@pytest.mark.parametrize("system,table", [
    # the classification as the first word of a hospital's own host
    ("http://icd10.university-hospital.example", "ICD-10-CM"),
    ("http://mkb10.general-hospital.example", "ICD-10-CM"),
    ("http://icd10-ge.regional-hospital.example", "ICD-10-CM"),
    ("https://icd10gm.cantonal-hospital.example/2032", "ICD-10-CM"),
    ("http://icd9cm.medical-center.example", "ICD-9-CM"),
    # an edition after the name; Korea's KCD written with colons
    ("https://fhir.trust.example/CodeSystem/icd-10-5th-ed", "ICD-10-CM"),
    ("https://terminology.trust.example/CodeSystem/icd-10-uk-5th", "ICD-10-CM"),
    ("urn:kr:kcd:8", "ICD-10-CM"),
    # Italy's and Poland's ICD-9-CM releases
    ("https://fhir.asl.example/CodeSystem/icd9cm-2007-it", "ICD-9-CM"),
    ("https://fhir.szpital.example/CodeSystem/icd-9-pl-procedury", "ICD-9-CM"),
])
def test_a_classification_named_by_its_terminology_host_is_read(system: str, table: str
                                                                 ) -> None:
    found = code_tables().table_for(system)
    assert found is not None and found.system == table, system


@pytest.mark.parametrize("system", [
    "http://procedures.university-hospital.example",  # the hospital's own procedure codes
    "http://icd10.university-hospital.example/pcs",  # the procedure classification
    "https://fhir.hospital.example/CodeSystem/pacient",
])
def test_other_systems_of_such_a_hospital_stay_unknown(system: str) -> None:
    found = code_tables().table_for(system)
    assert found is None or found.system != "ICD-10-CM", system


def test_a_burn_coded_on_the_hospital_s_host_is_severe(seeded_kb: KnowledgeBase) -> None:
    """ICD-10 T31.2 (20-29 % of the body) with a display in Arabic: a severe burn, a risk."""
    result = seeded_kb.assess({"age": 27, "conditions": [
        {"codes": [{"system": "http://icd10.university-hospital.example", "code": "T31.2",
                    "display": "حروق تشمل 20-29% من سطح الجسم"}],
         "date": "2034-01-15T07:30:00+02:00"}]}, at="2034-01-24T12:00:00+02:00")
    assert any("burn" in r.subject for r in result.risk_factors), [
        r.subject for r in result.risk_factors]


@pytest.mark.parametrize("text,concept", [
    ("Closed reduction and PFNA, right femur", "intramedullary_nailing"),
    ("Proximal femoral nail antirotation, right", "intramedullary_nailing"),
    ("Reinsercija distalne tetive bicepsa, desno", "tendon_repair"),
    ("Open knee joint injury (traumatic arthrotomy), right knee", "open_joint_injury"),
])
def test_an_operation_or_injury_is_read_by_its_own_name(text: str, concept: str) -> None:
    kind = "conditions" if concept == "open_joint_injury" else "procedures"
    facts = record({kind: [{"text": text, "date": "2033-09-25T10:00:00+04:00"}]}).facts
    assert concept in {f.concept for f in facts}, [(f.concept, f.how) for f in facts]


def test_a_wound_into_the_joint_is_no_operation() -> None:
    """"traumatic arthrotomy" names the injury: no arthrotomy was done."""
    facts = record({"conditions": [{"text": "Chainsaw laceration right knee",
                                    "notes": ["Open knee joint injury R (traumatic arthrotomy)"],
                                    "date": "2033-11-15T14:10:00-05:00"}]}).facts
    assert "arthrotomy" not in {f.concept for f in facts}, [(f.concept, f.how) for f in facts]


@pytest.mark.parametrize("joint,site", [("თეძო", "hip"), ("desni lakat", "elbow")])
def test_a_joint_in_georgian_or_serbian_is_the_operation_s_site(joint: str, site: str
                                                                  ) -> None:
    facts = record({"procedures": [{"text": "Open reduction and internal fixation",
                                    "site": joint, "date": "2033-09-25T10:00:00+04:00"}]}).facts
    assert any(site in f.sites for f in facts), [(f.concept, f.sites) for f in facts]


def _washout(seeded_kb: KnowledgeBase, at: str):  # type: ignore[no-untyped-def]
    result = seeded_kb.assess({"conditions": [
        {"text": "Chainsaw laceration into the right knee joint",
         "date": "2033-11-15T14:10:00-05:00"}], "procedures": [
        {"text": "Irrigation and debridement, arthrotomy right knee", "date": "2033-11-16",
         "site": "right knee", "status": "planned"}]}, at=at)
    return [d.window.status for d in result.deadlines]


def test_a_washout_booked_for_tomorrow_has_not_begun_the_evening_before(
        seeded_kb: KnowledgeBase) -> None:
    """Booked for 16 November with no hour, seen at 21:00 on the 15th in Maine (02:00 UTC on
    the 16th): the operation may be hours away, the window is not open yet."""
    statuses = _washout(seeded_kb, "2033-11-15T21:00:00-05:00")
    assert statuses and all(s == "not_started" for s in statuses), statuses


def test_a_washout_booked_for_a_day_that_has_passed_counts_as_done(
        seeded_kb: KnowledgeBase) -> None:
    statuses = _washout(seeded_kb, "2033-11-17T10:00:00-05:00")
    assert statuses and all(s in LIVE for s in statuses), statuses
