"""Who was not given a treatment is no verdict on it (set 124).

"Nine patients did not receive any prophylactic treatment for the prevention of HO during
the same period" had been read as "prophylaxis does not prevent HO" (the "not" negates who
got it, not whether it works), and was shown as "Prophylaxis is not effective for
heterotopic ossification" under a question about the study's groups. A sentence that says
the treatment does not work still says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import read_claims

HO = "heterotopic_ossification"


def _prevents(claims) -> list:  # type: ignore[no-untyped-def]
    return [c for c in claims if c.predicate == "prevents" and c.object == HO]


@pytest.mark.parametrize("text", [
    "Eleven patients did not receive any prophylactic treatment for the prevention of "
    "heterotopic ossification in that year.\n",
    "The second group was not given indomethacin for prophylaxis of heterotopic "
    "ossification.\n",
    "Radiation was not administered to prevent heterotopic ossification in these "
    "patients.\n",
    "None of the patients received celecoxib for the prevention of heterotopic "
    "ossification.\n",
])
def test_a_treatment_not_given_is_said_neither_to_work_nor_to_fail(
        empty_store, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _prevents(read_claims(empty_store, tmp_path, text)) == []


def test_a_treatment_that_does_not_work_is_still_negated(empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "Indomethacin does not prevent heterotopic ossification.\n"
    claims = _prevents(read_claims(empty_store, tmp_path, text))
    assert [(c.subject, c.polarity) for c in claims] == [("indomethacin", "negated")], claims
