"""Everyday words find the sentences that say the same thing in a page's words.

"Why could the ossification be missed?" is answered by "… ossification may not be
recognised" (and "a sign from birth" by "congenital malformation of the great toes"): the
question shares no other telling word with its answer, and the page's other sentences
hold more of its words.
"""

from __future__ import annotations

from fixtures import store_of_pages
from osteon.ask.evaluate import readable_text

WARD = ["Children in the unit were seen by a nurse every week.",
        "Most children came from three regional hospitals.",
        "The children's parents filled in a questionnaire.",
        "Older children wore splints at night.",
        "Younger children needed sedation for dressing changes.",
        "Children with large grafts stayed longer.",
        "Several children had been scalded by hot water.",
        "Two children were transferred from another country.",
        "Children were followed for two years after discharge.",
        "School visits were arranged for the children.",
        "A psychologist met the children monthly."]
BURNS = ("Para-articular ossification in burned children\n\n"
         "Heterotopic ossification limits function in burned children.\n"
         + "".join(f"{line}\n" for line in WARD)
         + "Unless a radiograph is taken routinely, the condition may not be recognised.\n")


def test_missed_finds_what_is_not_recognised(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store_of_pages(tmp_path, {"burns.txt": BURNS}) as kb:
        answer = kb.ask("Why could heterotopic ossification be missed in burned children?")
    assert "not be recognised" in readable_text(answer)

