"""A share of patients that has something is no population for the next share (set 115).

"Approximately 25% of juvenile-onset DM patients have dystrophic calcification at the time
of diagnosis, and 40-50% develop calcinosis" says how many have each: the calcification is
a finding among the patients, not what the next share's calcinosis follows. Who the
patients are ("patients who have had a hip replacement", "SCI patients") still is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import read_claims, triples


def test_what_a_share_of_patients_has_is_no_risk_of_what_the_next_share_develops(
        empty_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = ("Approximately 25% of juvenile-onset classic DM patients have dystrophic "
            "calcification at the time of diagnosis, and 40-50% develop calcinosis sometime "
            "during the course of their disease.\n")
    risks = triples(read_claims(empty_store, tmp_path, text), "risk_factor_for")
    assert not any(s == "dystrophic_calcification" for s, _ in risks), risks


@pytest.mark.parametrize("text, cause", [
    ("Of patients who have had a hip replacement, 20% develop heterotopic ossification.\n",
     "hip_arthroplasty"),
    ("In spinal cord injury patients, 20-29% develop heterotopic ossification.\n",
     "spinal_cord_injury"),
])
def test_the_population_a_share_belongs_to_is_still_read(
        empty_store, tmp_path: Path, text: str, cause: str) -> None:  # type: ignore[no-untyped-def]
    risks = triples(read_claims(empty_store, tmp_path, text), "risk_factor_for")
    assert (cause, "heterotopic_ossification") in risks, risks
