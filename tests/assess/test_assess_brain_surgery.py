"""An operation through the skull is surgery at the brain, no site the sources name for
radiation (issue 15; the craniotomy of set 126's subdural haematoma case, and the many
head-injured patients of the record sets).

A craniotomy was read as nothing at all, so a page's "craniotomy and hematoma evacuation
were carried out" said nothing of surgery. Known now, it must not open the radiation window
the sources give for the hip, knee, elbow, shoulder, jaw or spinal cord trauma.
"""

from __future__ import annotations

from assess_support import searchset

from osteon import KnowledgeBase


def _craniotomy(when: str) -> dict[str, object]:
    return {"resourceType": "Procedure", "id": "crani", "status": "completed",
            "performedDateTime": when,
            "code": {"text": "Right frontotemporal craniotomy and evacuation of subdural "
                             "haematoma"}}


def _head_injury() -> dict[str, object]:
    return {"resourceType": "Condition", "id": "tbi",
            "code": {"text": "Traumatic brain injury"}, "onsetDateTime": "2031-05-01"}


def test_a_craniotomy_is_recognised_and_opens_no_radiation_window(
        seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess(searchset(_head_injury(), _craniotomy("2031-05-02T10:00:00Z")),
                              at="2031-05-03T10:00:00Z")
    assert "craniotomy" in {f.concept for f in result.patient.facts}, result.patient.facts
    assert not result.deadlines, [d.sentence for d in result.deadlines]
