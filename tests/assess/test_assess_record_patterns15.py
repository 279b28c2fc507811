"""Records of patients set 45 (spent) and 46 (dev): a booked appointment, a joint opened,
a landmark, a plan still to ask for, an entry taken back.

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread, with the fact or window it must give.
"""

from __future__ import annotations

from typing import Any

import pytest
from assess_support import record, searchset, statuses

from osteon import KnowledgeBase

AT = "2026-11-20T10:00:00Z"


def _radiation_windows(result: Any) -> list[Any]:
    return [t for i in result.prophylaxis if i.subject == "radiation_therapy"
            for t in i.timing if t.anchor == "surgery"]


def test_an_operation_booked_only_as_an_appointment_is_planned(seeded_kb: KnowledgeBase
                                                                 ) -> None:
    """An acetabular fixation recorded only as a booked Appointment (no order, no Procedure)
    after a brain injury: the radiation window waits for it, counted from its day."""
    bundle = searchset({"resourceType": "Condition", "onsetDateTime": "2026-11-10",
                        "code": {"text": "traumatic brain injury"}})
    bundle["entry"].append({"resource": {
        "resourceType": "Appointment", "id": "ap", "status": "booked",
        "description": "Ostéosynthèse de la paroi postérieure du cotyle droit",
        "start": "2026-11-22T08:30:00+04:00", "end": "2026-11-22T12:30:00+04:00",
        "participant": [{"actor": {"reference": "Patient/p"}, "status": "accepted"}]}})
    result = seeded_kb.assess(bundle, at=AT)
    planned = [f for f in result.patient.facts if f.source == "Appointment/ap"]
    assert [(f.concept, f.status) for f in planned] == [
        ("open_reduction_internal_fixation", "planned")], [f.how for f in planned]
    assert [w.status for w in _radiation_windows(result)] == ["not_started"]


def test_a_cancelled_appointment_is_no_operation_to_come() -> None:
    from osteon.assess.fhir import parse_bundle

    bundle = searchset()
    bundle["entry"].append({"resource": {
        "resourceType": "Appointment", "id": "ap", "status": "cancelled",
        "description": "Total hip replacement, right", "start": "2026-11-22T08:30:00Z",
        "participant": [{"actor": {"reference": "Patient/p"}, "status": "declined"}]}})
    assert parse_bundle(bundle).procedures == []


def test_a_joint_opened_is_an_operation_at_that_joint(seeded_kb: KnowledgeBase) -> None:
    """"Artrotomía, lavado articular y extracción de cuerpo extraño" with the knee as its body
    site, after a blast: the window after knee surgery is live, counted from the end."""
    bundle = searchset({
        "resourceType": "Procedure", "id": "op", "status": "completed",
        "code": {"text": "Artrotomía, lavado articular y extracción de cuerpo extraño "
                         "intraarticular"},
        "bodySite": [{"text": "Rodilla derecha"}],
        "performedPeriod": {"start": "2026-11-19T06:30:00Z", "end": "2026-11-19T08:10:00Z"}})
    result = seeded_kb.assess(bundle, at=AT)
    windows = _radiation_windows(result)
    assert [w.status in ("open", "closing") for w in windows] == [True], windows
    assert windows[0].anchor_time.isoformat() == "2026-11-19T08:10:00+00:00", windows


def test_a_part_named_as_a_landmark_is_not_where_it_was_done() -> None:
    """A forearm mass "~10 cm distal to the elbow crease", excised: no operation at the elbow
    (it had opened the radiation window of elbow surgery for an osteolipoma)."""
    facts = record({"procedures": [{
        "text": "Marginal excision of L volar mid-forearm mass, ~10 cm distal to the elbow "
                "crease", "date": "2026-11-19T14:00:00Z"}]}).facts
    assert [f.sites for f in facts if f.kind == "procedure"] == [("forearm",)], \
        [(f.concept, f.sites) for f in facts]


def test_a_plan_still_to_ask_for_is_planned_not_done() -> None:
    """"avis radiothérapie à demander pour la prophylaxie" (a radiotherapy opinion to request):
    no radiotherapy already given."""
    found = statuses({"notes": [
        "Avis radiothérapie à demander pour la prophylaxie des ossifications hétérotopiques"]})
    assert found.get("radiation_therapy") == {"planned"}, found


@pytest.mark.parametrize("text,concept,status", [
    ('The "R tibia fracture" in the problem list was a coding error - removed',
     "tibial_fracture", "absent"),
    ("Heterotopic ossification / myositis ossificans not favoured",
     "heterotopic_ossification", "absent"),
    # written only "in error", the entry stays denied
    ("L femur NORMAL (femur fracture entry made at triage in error - removed)",
     "femur_fracture", "absent"),
])
def test_an_entry_the_text_takes_back_is_denied(text, concept, status):  # type: ignore[no-untyped-def]
    found = statuses({"notes": [text]})
    assert found.get(concept) == {status}, found


def test_a_relatives_entry_copied_into_the_chart_is_no_fact_of_the_patient():
    """A child's note: the FOP entry was copied from the mother's record (patients46: FOP had
    been listed as the risk of a child who does not have it)."""
    found = statuses({"notes": [
        "Note: an FOP problem-list entry on her chart was copied from her mother's record in "
        "2030 - now marked entered in error"]})
    assert "fibrodysplasia_ossificans_progressiva" not in found, found
