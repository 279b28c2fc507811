"""Records of patients sets 66 and 68 (dev): an operation booked only in a care plan, a drug
named in another language on the medication list, a delayed post-hypoxic leukoencephalopathy,
a joint named as a landmark and the care after an operation, both in other languages.

Each case is a small record written for the test (no real patient). Before, a CarePlan was
not read (its scheduled plating gave no radiation window), "Ibuprofène sirop" on the list was
said beside the NSAID item in French only, a post-hypoxic encephalopathy was no brain
injury, "12 cm di bawah sendi lutut" (below the knee joint) put an amputation at the knee,
and "Fisioterapi pasca amputasi" (physiotherapy after the amputation) was an amputation.
"""

from __future__ import annotations

from typing import Any

import pytest
from assess_support import record, searchset, statuses

from osteon import KnowledgeBase
from osteon.assess.fhir import parse_bundle
from osteon.assess.operation_names import operation_named
from osteon.reading.lexicon import load_lexicon

AT = "2026-11-20T10:00:00Z"
ORIF = {"coding": [{"system": "http://snomed.info/sct", "code": "179097009",
                    "display": "Open reduction of fracture of olecranon with internal fixation"}],
        "text": "Open reduction and plate fixation of the right olecranon"}


def _plan(*activities: dict[str, Any], status: str = "active") -> dict[str, Any]:
    return searchset({"resourceType": "CarePlan", "id": "cp", "status": status,
                      "intent": "plan", "activity": list(activities)})


def _activity(status: str, **more: Any) -> dict[str, Any]:
    return {"detail": {"kind": "ServiceRequest", "code": ORIF, "status": status,
                       "scheduledPeriod": {"start": "2026-11-23T09:00:00Z",
                                           "end": "2026-11-23T11:30:00Z"}, **more}}


def test_an_operation_booked_only_in_a_care_plan_opens_its_window(seeded_kb: KnowledgeBase
                                                                  ) -> None:
    result = seeded_kb.assess(_plan(_activity("scheduled")), at=AT)
    planned = [(f.status, f.when.isoformat() if f.when else None)
               for f in result.patient.facts if f.source.startswith("CarePlan/cp")]
    assert ("planned", "2026-11-23T09:00:00+00:00") in planned, planned
    windows = [t.status for i in result.prophylaxis if i.subject == "radiation_therapy"
               for t in i.timing if t.anchor == "surgery"]
    assert windows == ["not_started"], windows


@pytest.mark.parametrize("activity,status", [
    (_activity("cancelled"), "absent"),
    (_activity("scheduled", doNotPerform=True), "absent"),
    (_activity("completed"), "active")])
def test_a_care_plan_activity_keeps_its_status(activity: dict[str, Any], status: str) -> None:
    assert [p.status for p in parse_bundle(_plan(activity)).procedures] == [status]


@pytest.mark.parametrize("plan", [
    _plan(_activity("scheduled"), status="revoked"),
    _plan({"detail": {"kind": "MedicationRequest", "code": ORIF, "status": "scheduled"}}),
    _plan({"reference": {"reference": "ServiceRequest/sr"}, **_activity("scheduled")})])
def test_what_a_care_plan_does_not_add(plan: dict[str, Any]) -> None:
    """A revoked plan, a medication activity, and an activity whose order is in the bundle
    (read from that order) add no operation of their own."""
    plan["entry"].append({"resource": {"resourceType": "ServiceRequest", "id": "sr",
                                       "status": "active", "intent": "order",
                                       "subject": {"reference": "Patient/p"},
                                       "code": {"text": "Elbow X-ray"}}})
    assert [p.source for p in parse_bundle(plan).procedures] == ["ServiceRequest/sr"]


def test_a_drug_on_the_list_is_named_in_the_items_words(seeded_kb: KnowledgeBase) -> None:
    bundle = searchset(
        {"resourceType": "Procedure", "id": "op", "status": "completed",
         "code": {"text": "Total hip arthroplasty, right"},
         "performedDateTime": "2026-11-19T09:00:00Z"},
        {"resourceType": "MedicationRequest", "id": "ibu", "status": "active",
         "intent": "order", "authoredOn": "2026-11-19T16:00:00Z",
         "medicationCodeableConcept": {"coding": [{"system": "http://www.whocc.no/atc",
                                                   "code": "M01AE01"}],
                                       "text": "Ibuprofène sirop 100 mg/5 ml"}})
    result = seeded_kb.assess(bundle, at=AT)
    notes = [n for i in result.prophylaxis for n in i.notes if "medication list" in n]
    assert any("ibuprofen: Ibuprofène sirop" in n for n in notes), notes


@pytest.mark.parametrize("written", [
    "Delayed post-hypoxic leukoencephalopathy after carbon monoxide poisoning.",
    "Hypoxic encephalopathy after cardiac arrest."])
def test_a_post_hypoxic_encephalopathy_is_an_anoxic_brain_injury(written: str) -> None:
    found = statuses({"notes": [{"text": written, "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("anoxic_brain_injury") == {"active"}, found


def test_a_joint_named_as_a_landmark_in_another_language_is_not_the_site() -> None:
    written = "Tindakan: amputasi transtibial kiri, tibia dipotong 12 cm di bawah sendi lutut"
    facts = record({"notes": [{"text": written, "date": "2026-11-19T10:00:00Z"}]}).facts
    sites = {s for f in facts if f.kind == "procedure" for s in f.sites}
    assert "knee" not in sites, [(f.concept, f.sites) for f in facts]


@pytest.mark.parametrize("written", ["Fisioterapi pasca amputasi",
                                     "Physiotherapie nach Hüfttotalendoprothese"])
def test_the_care_after_an_operation_is_no_operation(written: str) -> None:
    assert operation_named(written, load_lexicon()) is None


def test_the_operation_itself_is_still_named() -> None:
    named = operation_named("Hüfttotalendoprothese links", load_lexicon())
    assert named is not None and named.concept == "hip_arthroplasty", named
