"""Records of patients sets 68 and 70 (dev): HO only queried, in the ways reports write it.

Three controls whose HO was only queried got surgical excision among their treatments,
because one text in each was read as HO the patient has: a radiology line that queries a
list after a dash ("densities around both knees - ? heterotopic ossification ? soft-tissue
calcification"; "? heterotopic ossification ? myositis ossificans ? loose body"; "«?
heterotop ossifikasjon»"), an outside reading that only suggested it ("la RX sugería osificación
heterotópica"), and a name a note quotes to set it apart ("the outside 'heterotopic
ossification' read is arterial wall calcium"). Each case is a small record written for
the test (no real patient).
"""

from __future__ import annotations

import pytest
from assess_support import statuses

from osteon import KnowledgeBase

NOTE_DAY = "2026-11-19T10:00:00Z"


def _read(text: str) -> dict[str, set[str]]:
    return statuses({"notes": [{"text": text, "date": NOTE_DAY}]})


@pytest.mark.parametrize("written", [
    "Linear densities around both knees - ? heterotopic ossification ? soft-tissue "
    "calcification. Joint space narrowing.",
    "Calf: coarse calcification - ? myositis ossificans ? phleboliths.",
    "La RX de la clínica sugería osificación heterotópica; la TC muestra calcificación "
    "arterial.",
    "The outside film suggested heterotopic ossification; CT shows vascular calcification.",
    "The outside 'heterotopic ossification' read is arterial wall calcium.",
    "Referral says “heterotopic ossification”; our films show a healed fracture callus.",
    "Calcified mass behind the knee, 3 cm. ? heterotopic ossification ? myositis ossificans "
    "? loose body. Joint-space narrowing.",
    "Tilvising: røntgen kne med «? heterotop ossifikasjon ? myositis ossificans».",
])
def test_a_queried_or_quoted_ho_is_no_ho_the_patient_has(written: str) -> None:
    found = _read(written)
    had = found.get("heterotopic_ossification", set()) | found.get("myositis_ossificans", set())
    assert "active" not in had, found


@pytest.mark.parametrize("written,concept", [
    ("Warm swollen thigh ? HO vs DVT.", "heterotopic_ossification"),
    ("Firm mass in the quadriceps; heterotopic ossification on today's film.",
     "heterotopic_ossification"),
])
def test_a_stated_or_queried_ahead_finding_keeps_its_reading(written: str, concept: str) -> None:
    # the query still goes to what follows it, and a finding stated outright stays stated
    found = _read(written)
    assert found.get(concept), found
    if "today's film" in written:
        assert "active" in found[concept], found


def test_no_treatment_is_offered_for_a_queried_ho(seeded_kb: KnowledgeBase) -> None:
    patient = {"conditions": [{"text": "Knee osteoarthritis"}],
               "notes": [{"text": "X-ray: linear densities around both knees - ? heterotopic "
                                  "ossification ? soft-tissue calcification.",
                          "date": NOTE_DAY}]}
    result = seeded_kb.assess(patient, at="2026-11-20T10:00:00Z")
    assert not result.treatment, [i.subject for i in result.treatment]


def test_an_entry_marked_registered_in_error_is_no_operation() -> None:
    found = _read("NB: problemlista hadde «kneprotese høgre» - feilregistrert, retta.")
    assert found.get("knee_arthroplasty", set()) <= {"absent"}, found
