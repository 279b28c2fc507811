"""Records of patients set 48 (dev): Nordic code systems, a Korean operation, a display in
Portuguese, a doubt put to a colleague, radiation weighed up or not to be had.

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread, with the fact or window it must give.
"""

from __future__ import annotations

import pytest
from assess_support import record, statuses

SKS = "urn:oid:1.2.208.176.2.4"
"""Denmark's SKS: one system for diagnoses ("D" and an ICD-10 code) and operations ("K" and
an NCSP code)."""


@pytest.mark.parametrize("kind,system,code,concept", [
    ("conditions", SKS, "DS720", "femur_fracture"),
    ("procedures", SKS, "KNFJ51", "orthopedic_surgery"),
    # Norway's ICD-10 by the OID of its code registry
    ("conditions", "urn:oid:2.16.578.1.12.4.1.1.7110", "G82.2", "paraplegia"),
])
def test_a_nordic_code_is_read(kind, system, code, concept):  # type: ignore[no-untyped-def]
    facts = record({kind: [{"codes": [{"system": system, "code": code}],
                            "date": "2026-11-19T14:00:00Z"}]}).facts
    assert [f.concept for f in facts] == [concept], [f.how for f in facts]


def test_an_sks_code_outside_icd_10_is_not_used():
    """"DU999" is no ICD-10 category: reported as unverified, not mapped."""
    patient = record({"conditions": [{"codes": [{"system": SKS, "code": "DU999"}],
                                      "date": "2026-11-19T14:00:00Z"}]})
    assert not patient.facts


def test_a_display_in_portuguese_is_read_without_its_little_words():
    """"Reconstrução ligamentar do cotovelo" on a national code osteon does not know: a
    ligament operation at the elbow ("do" is no third of the name)."""
    facts = record({"procedures": [{
        "codes": [{"system": "http://sigtap.example/procedimento", "code": "0408020075",
                   "display": "Reconstrução ligamentar do cotovelo"}],
        "text": "Reparo aberto do complexo ligamentar lateral com 2 âncoras de sutura",
        "date": "2026-11-19T14:00:00Z"}]}).facts
    assert [(f.concept, f.sites) for f in facts] == [("ligament_reconstruction", ("elbow",))], \
        [f.how for f in facts]


def test_a_korean_hip_hemiarthroplasty_is_a_hip_arthroplasty():
    facts = record({"procedures": [{"text": "우측 고관절 반치환술 (시멘트형 양극성), 후외측 접근",
                                    "date": "2026-11-19T14:00:00Z"}]}).facts
    assert [(f.concept, f.sites) for f in facts] == [("hip_arthroplasty", ("hip",))], \
        [f.how for f in facts]


@pytest.mark.parametrize("text,status", [
    # a doubt put to a colleague: asked about, not given
    ("Dúvida: radioterapia profilática para ossificação heterotópica - não temos na ilha",
     "possible"),
    # weighed up, still to come
    ("Heterotop ossifikation - strålebehandling drøftes (ikke muligt på Bornholm)", "planned"),
    # not to be had where the patient is
    ("Strålebehandling (enkeltfraktion) kan ikke gives på Bornholm", "absent"),
])
def test_radiation_only_spoken_of_is_not_given(text, status):  # type: ignore[no-untyped-def]
    found = statuses({"notes": [text]})
    assert found.get("radiation_therapy") == {status}, found
