"""Records of patients sets 70 and 72 (dev): what the records wrote that was not read.

A Procedure may give its time as text only (`performedString`: "2027, village clinic"); the
year it names dates the operation, so that one done years ago is the record's history. In a
patient with FOP an operation years ago is no present risk either: the bone of a flare-up
follows an injury of the weeks before, and the old excision is history (a patient with
acquired HO keeps every old event: it is what the bone formed after). An ear piercing is such
an injury; an operation written in Japanese ("後方固定術") or a Czech ligament reconstruction
of the knee is read as such; a Danish "infektion" is an infection; and a query
that opens a list after a dash queries every item of it. Each case is a small record written
for the test (no real patient).
"""

from __future__ import annotations

from typing import Any

import pytest
from assess_support import searchset, statuses

from osteon import KnowledgeBase
from osteon.assess.fhir import parse_bundle

AT = "2032-02-17T08:00:00Z"
FOP = {"resourceType": "Condition", "id": "fop", "clinicalStatus": {"coding": [
    {"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
       "code": {"text": "Fibrodysplasia ossificans progressiva"},
       "onsetDateTime": "2019-05-01"}
HO = {"resourceType": "Condition", "id": "ho", "clinicalStatus": {"coding": [
    {"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
      "code": {"text": "Heterotopic ossification of the right hip"},
      "onsetDateTime": "2031-06-01"}


def _excision(**when: Any) -> dict[str, Any]:
    return {"resourceType": "Procedure", "id": "op", "status": "completed",
            "code": {"text": "Excision of a lump of the back"}, **when}


@pytest.mark.parametrize("when,date", [
    ({"performedString": "2027, village clinic"}, "2027"),
    ({"performedString": "done in 2030-04 at the district hospital"}, "2030-04"),
    ({"performedString": "as a child, date unknown"}, None),
    ({"performedString": "2019 or 2021, the mother is unsure"}, None),
])
def test_an_operation_dated_in_words_takes_the_one_date_they_give(when: dict[str, Any],
                                                                   date: str | None) -> None:
    dates = [p.date for p in parse_bundle(searchset(_excision(**when))).procedures]
    assert len(dates) == 1 and (dates[0] or None) == date, dates


def _risk_subjects(kb: KnowledgeBase, *resources: dict[str, Any]) -> list[str]:
    return [i.subject for i in kb.assess(searchset(*resources), at=AT).risk_factors]


def test_an_operation_years_before_is_no_present_risk_in_fop(seeded_kb: KnowledgeBase
                                                             ) -> None:
    old = _risk_subjects(seeded_kb, FOP, _excision(performedString="2027, village clinic"))
    assert "surgical_resection" not in old and "surgery" not in old, old
    recent = _risk_subjects(seeded_kb, FOP, _excision(performedDateTime="2032-02-10"))
    assert "surgery" in recent or "surgical_resection" in recent, recent


def test_an_old_operation_stays_a_risk_of_acquired_ho(seeded_kb: KnowledgeBase) -> None:
    # the bone an acquired HO formed after: the old operation is its cause
    kept = _risk_subjects(seeded_kb, HO, _excision(performedString="2027, village clinic"))
    assert "surgery" in kept or "surgical_resection" in kept, kept


def _read(text: str) -> dict[str, set[str]]:
    return statuses({"notes": [{"text": text, "date": "2026-11-19T10:00:00Z"}]})


def test_a_query_opened_after_a_dash_reaches_every_item() -> None:
    found = _read("Ossified mass at the medial talus - ? myositis ossificans ? heterotopic "
                  "ossification ? osteochondroma.")
    assert found.get("heterotopic_ossification") == {"possible"}, found
    assert found.get("myositis_ossificans") == {"possible"}, found


@pytest.mark.parametrize("written,concept", [
    ("Pseudomonas aeruginosa-infektion i amputationsstumpen", "infection"),
    ("Ear-lobe piercing with a gold wire at the temple", "body_piercing"),
    ("頸椎後方除圧術および後方固定術 C4-C7", "open_reduction_internal_fixation"),
    ("Rekonstrukce předního zkříženého vazu kolena", "ligament_reconstruction"),
])
def test_what_records_write_in_their_words_is_read(written: str, concept: str) -> None:
    assert concept in statuses({"conditions": [{"text": written}]}) | statuses(
        {"procedures": [{"text": written, "date": "2026-11-18"}]}), written


def test_an_ear_piercing_is_an_injury_in_fop(seeded_kb: KnowledgeBase) -> None:
    piercing = {"resourceType": "Procedure", "id": "pierce", "status": "completed",
                "code": {"text": "Ear-lobe piercing by the family goldsmith"},
                "performedDateTime": "2032-02-10"}
    result = seeded_kb.assess(searchset(FOP, piercing), at=AT)
    assert result.cautions, [i.subject for i in result.risk_factors]


def test_a_reconstruction_of_no_joint_is_no_ligament_operation() -> None:
    # "reconstruction" alone may be of a breast; a dissection is no knee ("disección")
    found = statuses({"procedures": [
        {"text": "Rekonstrukce prsu", "date": "2026-11-18"},
        {"text": "Parotidectomía con disección del nervio facial", "date": "2026-11-18"}]})
    assert "ligament_reconstruction" not in found, found
    assert not any(c.startswith("knee") for c in found), found
