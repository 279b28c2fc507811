"""An order whose own name weighs the operation up is not a booked operation (issue 15).

The Salvador control of patients76: a draft order "Artroscopia do quadril direito (reparo
labral) - a considerar se falha do tratamento conservador em 3 meses" had been read as a
planned arthroscopy, so the report gave her the risk of surgery and radiation prophylaxis.
What the order weighs up ("to be considered", "a considerar", "if it fails") is possible,
as the same words make it in a note; an order with no such words stays booked.
"""

from __future__ import annotations

import pytest
from assess_support import searchset, statuses

AT = "2032-03-17T18:30:00Z"


def _order(text: str) -> dict:
    return searchset({"resourceType": "ServiceRequest", "id": "o1", "status": "draft",
                      "intent": "proposal", "code": {"text": text}})


@pytest.mark.parametrize("text", [
    "Artroscopia do quadril direito (reparo labral) - a considerar se falha do tratamento "
    "conservador em 3 meses",
    "Right hip arthroscopy (labral repair) - to be considered after 3 months of physiotherapy",
    "Hip arthroscopy, if symptoms persist",
])
def test_an_order_that_weighs_an_operation_up_is_possible(text: str) -> None:
    assert statuses(_order(text)).get("arthroscopy") == {"possible"}


def test_an_order_with_no_such_words_stays_planned() -> None:
    assert statuses(_order("Right hip arthroscopy (labral repair)")).get(
        "arthroscopy") == {"planned"}


def test_a_weighed_up_operation_gives_no_risk_and_no_radiation(seeded_kb) -> None:  # type: ignore[no-untyped-def]
    record = _order("Artroscopia do quadril direito (reparo labral) - a considerar se falha "
                    "do tratamento conservador em 3 meses")
    result = seeded_kb.assess(record, at=AT)
    assert not result.risk_factors
    assert not any("radiation" in i.subject for i in result.items())
