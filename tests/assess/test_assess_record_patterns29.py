"""Record patterns of patients76 (dev) and their kin (issue 15). Made-up records.

- "Sem sinais de fratura por estresse ou de ossificação heterotópica": a "no sign of"
  in another language denies every finding of its list, the second seven words on, as
  English "no signs of" does.
- "Artroscopia do quadril a considerar se falha": what is to be weighed up is possible,
  neither done nor booked, in the languages that write it before or after.
- A plate on the distal radius is an operation at the wrist, which the sources do not name
  for radiation: it opens no window.
- An FOP girl's ibuprofen is said, though no prophylaxis item (after surgery or a cord
  injury) applies to her and so none carries the note.
"""

from __future__ import annotations

import pytest
from assess_support import statuses

AT = "2032-09-23T10:00:00Z"


def _note(text: str) -> dict:
    return {"notes": [{"text": text, "date": "2026-11-19"}]}


@pytest.mark.parametrize("text", [
    "Sem sinais de fratura por estresse ou de ossificação heterotópica",
    "Kein Hinweis auf eine Fraktur oder eine heterotope Ossifikation",
])
def test_a_no_sign_of_denies_each_finding_of_its_list(text: str) -> None:
    found = statuses(_note(text))
    assert found.get("heterotopic_ossification") == {"absent"}, found
    assert found.get("fracture") == {"absent"}, found


@pytest.mark.parametrize("text", [
    "Artroscopia do quadril a considerar se falha em 3 meses",
    "Considerar artroscopia de cadera si falla el tratamiento conservador",
    "Arthroscopie de hanche à envisager en cas d'échec",
])
def test_an_operation_to_be_weighed_up_is_possible(text: str) -> None:
    assert statuses(_note(text)).get("arthroscopy") == {"possible"}


def test_an_operation_told_as_done_stays_done() -> None:
    assert statuses(_note("Artroscopia realizada sem intercorrências")).get(
        "arthroscopy") == {"active"}


def test_a_medicine_no_item_notes_is_still_said(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    patient = {"conditions": [{"text": "fibrodysplasia ossificans progressiva",
                               "date": "2022-01-01"}],
               "findings": [{"text": "warm swelling of the right thigh", "date": "2032-09-21"}],
               "medications": [{"text": "ibuprofen 400 mg", "date": "2032-09-21"}]}
    result = seeded_kb.assess(patient, at=AT)
    said = [n for item in result.items() for n in item.notes] + list(result.warnings)
    assert any("ibuprofen 400 mg" in line and "medication list" in line for line in said), said


def test_a_medicine_an_item_notes_is_not_said_twice(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    patient = {"procedures": [{"text": "right total hip arthroplasty",
                               "date": "2032-09-22T08:00:00Z"}],
               "medications": [{"text": "ibuprofen 400 mg", "date": "2032-09-22"}]}
    result = seeded_kb.assess(patient, at=AT)
    noted = [n for item in result.items() for n in item.notes if "ibuprofen" in n]
    assert noted
    assert not [w for w in result.warnings if "ibuprofen" in w], result.warnings


@pytest.mark.parametrize("operation", [
    "Reducción abierta y fijación interna con placa volar de radio distal derecho",
    "ORIF of the right distal radius with a volar plate",
])
def test_a_wrist_plate_opens_no_radiation_window(seeded_kb, operation: str) -> None:  # type: ignore[no-untyped-def]
    patient = {"procedures": [{"text": operation, "date": "2032-09-22T04:00:00Z"}]}
    result = seeded_kb.assess(patient, at=AT)
    assert not result.deadlines, [d.sentence for d in result.deadlines]
