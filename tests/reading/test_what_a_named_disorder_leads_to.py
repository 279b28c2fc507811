"""What a disorder the lexicon does not know leads to is not the page's topic's (issue 14,
set 128).

A coding page listed what its code leaves out: "Muscular dystrophies and myopathies, which
are genetic or acquired disorders leading to muscle weakness …"; the rule that reads "leads
to <finding>" found no condition it knew on the left and gave the weakness to the page's
topic, heterotopic ossification. The sentences here are our own, in the same shapes.
"""

from __future__ import annotations

from fixtures import read_claims as read_text
from fixtures import triples


def test_disorders_named_before_leading_to_keep_what_they_lead_to(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is bone in soft tissue.\n"
                       "Inherited neuropathies, which are rare disorders leading to muscle "
                       "weakness, are excluded.\n"
                       "Polymyositis can lead to joint stiffness.\n", name="ho.txt")
    assert not triples(claims, "complication_of"), claims


def test_the_topic_or_a_pointing_word_still_leads_to_a_finding(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Heterotopic ossification is bone in soft tissue.\n"
                       "The condition can lead to joint stiffness.\n", name="ho.txt")
    assert ("joint_stiffness", "heterotopic_ossification") in triples(
        claims, "complication_of"), claims
