"""Reading patterns behind wrong statements under answers on untuned pages (issue 14), set 71.

A statement labelled wrong from its cited sentence, written here in other words: in a list
of kinds of trauma, the item right before "due to" is what is due to the cause; the items
before its comma are not ("Surgery raises the risk of fracture" had been read from "trauma,
such as fractures and joint dislocations, soft tissue injury due to surgery").
"""

from __future__ import annotations

from fixtures import read_claims


def _caused_by(store, tmp_path, text: str, cause: str) -> set[str]:  # type: ignore[no-untyped-def]
    claims = read_claims(store, tmp_path, text, name="page.txt")
    return {c.object for c in claims if c.predicate == "risk_factor_for" and c.subject == cause}


def test_only_the_list_item_before_due_to_is_due_to_the_cause(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _caused_by(empty_store, tmp_path,
                       "Bone in muscle follows many insults, for example fractures and hip "
                       "dislocations, a wound due to surgery, and burns.\n", "surgery")
    assert not found & {"fracture", "dislocation", "hip_dislocation"}, found


def test_items_joined_before_due_to_are_all_due_to_it(tmp_path, empty_store):  # type: ignore[no-untyped-def]
    found = _caused_by(empty_store, tmp_path,
                       "Fractures and dislocations due to surgery were seen in two patients.\n",
                       "surgery")
    assert {"fracture", "dislocation"} <= found, found
