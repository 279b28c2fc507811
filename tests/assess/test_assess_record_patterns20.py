"""Records of patients set 58 (dev): a high-voltage burn, Vietnamese "no", a referral's "Past:".

Each case is a small record written for the test (no real patient) in the shape of a record
that was misread, with the fact or risk it must give.
"""

from __future__ import annotations

import pytest
from assess_support import statuses

from osteon import KnowledgeBase

AT = "2026-11-20T10:00:00Z"


@pytest.mark.parametrize("text", [
    "High-voltage electrical burn of the left hand and forearm, 8 % TBSA",
    "Bỏng điện cao thế bàn tay trái",
    "Quemadura eléctrica de alto voltaje en ambos pies",
])
def test_a_high_voltage_electrical_burn_is_a_severe_burn_whatever_its_extent(  # type: ignore[no-untyped-def]
        seeded_kb: KnowledgeBase, text):
    """The sources give HO after "severe burns"; a high-voltage electrical injury is a major
    burn even over a small surface, so it is a listed risk (a small scald is not)."""
    result = seeded_kb.assess({"age": 30, "conditions": [
        {"text": text, "date": "2026-11-15T09:00:00Z"}]}, at=AT)
    assert any(i.subject == "severe_burn" for i in result.risk_factors), [
        i.subject for i in result.risk_factors]


def test_a_small_scald_is_no_severe_burn(seeded_kb: KnowledgeBase) -> None:
    result = seeded_kb.assess({"age": 30, "conditions": [
        {"text": "Scald burn of the left hand, 2 % TBSA", "date": "2026-11-15T09:00:00Z"}]},
        at=AT)
    assert not any(i.subject == "severe_burn" for i in result.risk_factors)


@pytest.mark.parametrize("text", [
    "Không dùng NSAID (tổn thương thận cấp).",
    "Không dùng thuốc kháng viêm không steroid (NSAID) do suy thận.",
])
def test_a_vietnamese_no_denies_the_drug(text) -> None:  # type: ignore[no-untyped-def]
    found = statuses({"notes": [{"text": text, "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("nsaid") == {"absent"}, found


def test_a_vietnamese_nsaids_own_name_denies_nothing() -> None:
    """"thuốc kháng viêm không steroid" is the non-steroidal drug's name: given, not denied."""
    found = statuses({"notes": [{"text": "Dùng thuốc kháng viêm không steroid (NSAID) sau mổ.",
                                 "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("nsaid") == {"active"}, found


def test_a_referrals_past_label_heads_the_patients_history() -> None:
    found = statuses({"notes": [{"text": "Dx: stiff L elbow. (Past: # shaft of L radius.) "
                                         "Thank you.", "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("fracture") == {"history"}, found


def test_the_past_week_is_no_label() -> None:
    found = statuses({"notes": [{"text": "Fracture of the L radius in the past week.",
                                 "date": "2026-11-19T10:00:00Z"}]})
    assert found.get("fracture") == {"active"}, found
