"""Free text of records in other languages (issue 15): German "V.a." (Verdacht auf,
suspected) and "Z.n." (Zustand nach, status post), Spanish "¿…?" and "niega" (denies).

Each note is written for the test (no real patient). The full stops of such an abbreviation
had ended a clause, so "V.a. heterotope Ossifikation" read the ossification as present and
"Z.n. Hüft-TEP" the operation as done now.
"""

from __future__ import annotations

import pytest
from assess_support import statuses

NOTE_DAY = "2026-11-19T10:00:00Z"


def _read(text: str) -> dict[str, set[str]]:
    return statuses({"notes": [{"text": text, "date": NOTE_DAY}]})


@pytest.mark.parametrize("written", ["V.a. heterotope Ossifikation rechte Hüfte",
                                     "V. a. heterotope Ossifikation rechte Hüfte",
                                     "Verdacht auf heterotope Ossifikation rechte Hüfte"])
def test_a_suspected_diagnosis_stays_possible(written: str) -> None:
    found = _read(f"Röntgen Becken: {written}.")
    assert found.get("heterotopic_ossification") == {"possible"}, found


def test_a_state_after_an_operation_is_history() -> None:
    found = _read("Z.n. Hüft-TEP rechts. Keine heterotope Ossifikation.")
    assert found.get("total_hip_arthroplasty") == {"history"}, found
    assert found.get("heterotopic_ossification") == {"absent"}, found


def test_a_sentence_after_a_dosage_abbreviation_is_still_read() -> None:
    """"i.v." keeps its full stops together; the sentence after it reads as its own."""
    found = _read("Indometacin 75 mg p.o. Keine heterotope Ossifikation.")
    assert found.get("heterotopic_ossification") == {"absent"}, found
    assert found.get("indomethacin") == {"active"}, found


def test_a_spanish_query_opened_by_an_inverted_mark_is_possible() -> None:
    """"¿Calcinosis?" queries what follows, also where its closing "?" ends the clause."""
    found = _read("Rx manos: densidades cálcicas. ¿Calcinosis? ¿Osificación heterotópica?")
    assert found.get("ectopic_calcification") == {"possible"}, found
    assert found.get("heterotopic_ossification") == {"possible"}, found


@pytest.mark.parametrize("written", ["Niega diabetes e hipertensión.",
                                     "Nega diabetes e hipertensão."])
def test_what_the_patient_denies_is_absent(written: str) -> None:
    assert _read(written).get("diabetes_mellitus") == {"absent"}
