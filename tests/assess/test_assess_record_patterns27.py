"""Records of patients sets 72 and 74 (dev): Danish codes by their system's name, notes' verdicts.

Denmark's SKS writes a diagnosis as "D" and its ICD-10 code ("DS822": S82.2, a fracture of the
tibia shaft; "DS881": S88.1, a traumatic amputation below the knee). A record named the system
by a URL of its own ("…/CodeSystem/sks-diagnoser") rather than its OID, and every such code was
left unread; with the OID, the codes the lexicon holds (not the code tables) were not found
either. A GP's x-ray query quoted in a letter ("'? myositis ossificans ? heterotopic ossification
? osteochondroma'") read its middle item as had, and excision was advised to a control; so
was it where a Swedish letter wrote the query off ("har avskrivits"). "This does not exclude
early HO" was read as HO ruled out; Greek and Indonesian records named HO in words no list
held ("έκτοπη οστεοποίηση", "osifikasi heterotopik"), and "DVT sudah disingkirkan" (ruled out)
was read as a clot (patients set 74). Each case is a small record written for the test (no
real patient).
"""

from __future__ import annotations

from typing import Any

import pytest
from assess_support import searchset, statuses

SKS_OID = "urn:oid:1.2.208.176.2.4"
SKS_NAMED = "https://sundhedsdatastyrelsen.dk.example/CodeSystem/sks-diagnoser"


def _condition(system: str, code: str, text: str) -> dict[str, Any]:
    return {"resourceType": "Condition", "id": code.lower(), "clinicalStatus": {"coding": [
        {"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
         "code": "active"}]},
            "code": {"coding": [{"system": system, "code": code}], "text": text}}


@pytest.mark.parametrize("system", [SKS_OID, SKS_NAMED])
@pytest.mark.parametrize("code,text,concept", [
    ("DS822", "Knust underben: åben tibiafraktur", "lower_leg_fracture"),
    ("DS881", "Traumatisk amputation højre underben", "traumatic_amputation"),
])
def test_a_danish_code_is_read_as_its_icd10_code(system: str, code: str, text: str,
                                                  concept: str) -> None:
    found = statuses(searchset(_condition(system, code, text)))
    assert found.get(concept) == {"active"}, found


def test_a_system_named_like_sks_only_in_part_is_not_read_so() -> None:
    # "tasks" holds the letters, not the name: the code stays unread
    found = statuses(searchset(_condition("https://example.org/CodeSystem/tasks", "DS881",
                                          "Kode uden tekst")))
    assert "traumatic_amputation" not in found, found


def test_a_quoted_query_reaches_every_item() -> None:
    found = statuses({"notes": [{"text": "Ģimenes ārsta rentgens: '? myositis ossificans ? "
                                         "heterotopic ossification ? osteochondroma'.",
                                 "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("heterotopic_ossification") == {"possible"}, found
    assert found.get("myositis_ossificans") == {"possible"}, found
    assert found.get("osteochondroma") == {"possible"}, found


def test_a_quoted_finding_without_a_query_stays_stated() -> None:
    found = statuses({"notes": [{"text": "Radiologist: 'heterotopic ossification of the hip'.",
                                 "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("heterotopic_ossification") == {"active"}, found


@pytest.mark.parametrize("text,status", [
    # a finding that "does not exclude" HO leaves it possible, not ruled out
    ("Duplex confirms thrombosis around the PICC - but this does not exclude early "
     "heterotopic ossification.", "possible"),
    # the verdict on a query, after it, in Swedish ("… has been written off")
    ("Vårdcentralens fråga om heterotop ossifikation har avskrivits (DT utan benbildning).",
     "absent"),
    # Greek and Indonesian records: possible, and none seen
    ("Πιθανή έκτοπη οστεοποίηση αριστερού αγκώνα.", "possible"),
    ("Δεν αναγνωρίζεται έκτοπη οστεοποίηση στην παρούσα φάση.", "absent"),
    ("Kemungkinan osifikasi heterotopik panggul kiri.", "possible"),
])
def test_what_a_note_says_of_ho_keeps_its_status(text: str, status: str) -> None:
    found = statuses({"notes": [{"text": text, "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("heterotopic_ossification") == {status}, found


def test_a_clot_ruled_out_in_indonesian_is_absent() -> None:
    found = statuses({"notes": [{"text": "DVT sudah disingkirkan (USG Doppler).",
                                 "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("deep_vein_thrombosis") == {"absent"}, found
