"""Reading patterns that put wrong statements under answers on the thirty-fifth set of real
pages and the spent sets before it (issue 14): a trial's title that compares two agents.

Each test writes, in its own words, the shape of a sentence that produced a wrong claim,
and checks the general pattern, not the wording.
"""

from __future__ import annotations

import pytest

from fixtures import read_claims as read_text
from fixtures import triples


@pytest.mark.parametrize("title", [
    "Naproxen versus indomethacin in the prevention of heterotopic ossification after hip "
    "arthroplasty.",
    "Etidronate vs. placebo for the treatment of heterotopic ossification.",
    "Radiation therapy compared with NSAIDs for prophylaxis of heterotopic ossification.",
])
def test_two_agents_compared_for_a_care_are_neither_said_to_give_it(
        tmp_path, empty_store, title: str) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path, title + "\n")
    assert not triples(claims, "prevents") | triples(claims, "treats")


def test_an_agent_said_to_work_beside_a_compared_figure_still_works(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Radiation prevented heterotopic ossification in 90% of hips versus 60% "
                       "with NSAIDs.\nIndomethacin in the prevention of heterotopic ossification "
                       "after hip arthroplasty.\n")
    found = triples(claims, "prevents")
    assert ("radiation_therapy", "heterotopic_ossification") in found
    assert any(s == "indomethacin" for s, _ in found)
