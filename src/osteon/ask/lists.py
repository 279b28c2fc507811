"""Lists as one unit: a lead-in ("HO typically presents with:") and the items it governs.

An item read alone loses what the lead-in says of it ("Localized pain" of what? and
is it asserted or only "may help"?); a lead-in read alone says nothing. So an answer
quotes them together, and ranking scores a lead-in with what its items name: the
quote a reader sees is what was ranked.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from osteon.corpus.records import SentencePlace
from osteon.knowledge.store import KnowledgeStore

Key = tuple[str, int]

LIST_REACH = 12
"""How far a list item looks back for the sentence that introduces its list."""
LIST_ITEMS = 6
"""List items quoted after the sentence that introduces them."""


def introduces_list(place: SentencePlace) -> bool:
    """Does the sentence end as a lead-in ("Treatment options include:")?"""
    return place.text.rstrip().endswith(":")


def may_head_items(place: SentencePlace) -> bool:
    """Could the sentence govern items: a lead-in, or an outline item that may have sub-items?

    Outline pages nest what they say of a thing under its name ("Risk factors", then
    "hypertrophic arthrosis", "male gender", "obesity" one level deeper): the parent item
    introduces its sub-items as a lead-in does, without the colon.
    """
    return introduces_list(place) or (place.kind == "list_item" and place.indent >= 0)


def items_after(knowledge: KnowledgeStore, place: SentencePlace) -> list[SentencePlace]:
    """The items of the list a lead-in sentence introduces (none for other sentences)."""
    return items_of(knowledge, [place]).get((place.doc_id, place.idx), [])


def items_of(knowledge: KnowledgeStore, places: Iterable[SentencePlace]
             ) -> dict[Key, list[SentencePlace]]:
    """Each lead-in's items, in one lookup for all the lead-ins given."""
    leads = [p for p in places if may_head_items(p)]
    if not leads:
        return {}
    after = knowledge.sentences([(p.doc_id, i) for p in leads
                                 for i in range(p.idx + 1, p.idx + 1 + LIST_ITEMS)])
    found: dict[Key, list[SentencePlace]] = {}
    for lead in leads:
        colon = introduces_list(lead)
        items = []
        for i in range(lead.idx + 1, lead.idx + 1 + LIST_ITEMS):
            item = after.get((lead.doc_id, i))
            if (item is None or item.kind != "list_item" or item.section_path != lead.section_path
                    or (not colon and not 0 <= lead.indent < item.indent)):
                break  # an outline item's own sub-items end where one is no deeper than it
            items.append(item)
        if items or colon:
            found[(lead.doc_id, lead.idx)] = items
    return found


def lead_in_of(knowledge: KnowledgeStore, place: SentencePlace) -> SentencePlace | None:
    """The sentence that introduces a list item's list, when it ends as a lead-in."""
    return lead_ins_of(knowledge, [place]).get((place.doc_id, place.idx))


def lead_ins_of(knowledge: KnowledgeStore, places: Collection[SentencePlace]
                ) -> dict[Key, SentencePlace]:
    """Each list item's lead-in (items without one left out), a few sentences back at a time."""
    todo = [p for p in places if p.kind == "list_item" and p.idx > 0]
    before: dict[Key, SentencePlace] = {(p.doc_id, p.idx): p for p in places}
    found: dict[Key, SentencePlace] = {}
    reach = 0
    while todo and reach < LIST_REACH:
        # look back a few sentences at a time: most lists are short, and the items of one
        # list share what they look back at
        reach = min(LIST_REACH, reach + LOOK_BACK)
        wanted = {(p.doc_id, i) for p in todo for i in range(max(0, p.idx - reach), p.idx)}
        before.update(knowledge.sentences(wanted - before.keys()))
        still = []
        for item in todo:
            lead, done = _walk_back(item, before, reach)
            if lead is not None:
                found[(item.doc_id, item.idx)] = lead
            if not done:
                still.append(item)
        todo = still
    return found


LOOK_BACK = 4
"""Sentences a list item's lead-in is first looked for among (then as many again)."""


def _walk_back(item: SentencePlace, before: dict[Key, SentencePlace], reach: int
               ) -> tuple[SentencePlace | None, bool]:
    """The item's lead-in among the `reach` sentences before it, and whether the look ended.

    A sub-item's lead-in is the item above it that is less indented ("XRay", then
    "May demonstrate ossifications at 3 to 4 weeks" under it): outline pages nest what
    they say of a thing under its name.
    """
    for i in range(item.idx - 1, max(-1, item.idx - reach - 1), -1):
        earlier = before.get((item.doc_id, i))
        if earlier is None or earlier.section_path != item.section_path:
            return None, True
        if earlier.kind != "list_item":
            return (earlier if introduces_list(earlier) else None), True
        if 0 <= earlier.indent < item.indent:
            return earlier, True
    return None, item.idx - reach <= 0
