"""What begins later is the effect, never the cause that leads to it (issue 14, set 126).

A sports club's first-aid page said that deep bleeding "can result in" calcium deposits in the
muscle "months later", and that swelling "from bleeding" can develop over the first days; both
were read as "Bleeding begins after heterotopic ossification". The sentences here are our own,
in the same shapes.
"""

from __future__ import annotations

from fixtures import read_claims as read_text
from fixtures import triples


def test_the_subject_of_a_verb_of_causing_does_not_begin_later(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "A muscle bleed may lead to hard lumps in the thigh some weeks later.\n"
                       "Bleeding into a muscle can result in the slow growth of bone in it "
                       "months later.\n", name="bleed.txt")
    assert not {s for s, _ in triples(claims, "onset_after")} & {"bleeding"}, claims


def test_what_a_cause_word_leads_into_is_no_onset(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Marked bruising from bleeding can appear over the first two days.\n"
                       "Stiffness due to a fracture may develop within weeks.\n",
                       name="bleed.txt")
    assert not {s for s, _ in triples(claims, "onset_after")} & {"bleeding", "fracture"}, claims


def test_a_condition_said_to_begin_after_an_event_still_does(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Myositis ossificans usually develops two to four weeks after the "
                       "injury.\n", name="mo.txt")
    assert ("myositis_ossificans", "trauma") in triples(claims, "onset_after"), claims
