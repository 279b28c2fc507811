"""A time window's anchor carries on through a link word to the means of the event.

"2-6 weeks after diagnosis using the triple phase bone scan" is measured from the
scan, so the anchor must reach it (conflicts compare lags between two tests by it).
"""

from __future__ import annotations

import pytest

from osteon.reading.quantities import extract_quantities


@pytest.mark.parametrize(("text", "anchor"), [
    ("It becomes visible about two to six weeks after diagnosis using the triple phase bone "
     "scan (Smith 1990).", "diagnosis using the triple phase bone scan"),
    ("X-rays show it 2-6 weeks after detection by bone scan.", "detection by bone scan"),
    ("Films turn positive 2-6 weeks after uptake on the bone scan, and it matures later.",
     "uptake on the bone scan"),
    # no link after an event word: the phrase ends where it did
    ("It appears 2 weeks after diagnosis in most patients.", "diagnosis"),
    ("It appears 2 weeks after surgery by the same team.", "surgery"),
    ("It appears 2 weeks after diagnosis by.", "diagnosis"),
])
def test_a_link_word_after_an_event_word_carries_the_anchor_on(text: str, anchor: str) -> None:
    (found,) = [q for q in extract_quantities(text) if q.anchor]
    assert found.anchor == anchor
    assert found.text.endswith(anchor)
