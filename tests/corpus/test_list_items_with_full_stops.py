"""Items of a list without markers may end in full stops and still be items.

A real pathology dictionary page lists "Common causes include:" then "Trauma (such as
fractures or blunt injury to muscles).", "Burns.", "Prolonged immobilization or tissue
pressure.": the long items passed for sentences, the list ended at the first one and
"Burns." became a heading, so no cause of the list was read and "can being stuck in bed
cause it?" found nothing.
"""

from __future__ import annotations

from fixtures import read_claims, store_of_pages
from osteon.corpus.ingest import ingest_paths

PAGE = ("Heterotopic ossification\n\n"
        "Heterotopic ossification can occur after a variety of injuries or procedures.\n"
        "Common causes include:\n"
        "Trauma (such as fractures or blunt injury to muscles).\n"
        "Burns.\n"
        "Prolonged immobilization or tissue pressure.\n"
        "There is no effective treatment.\n"
        "The exact mechanism is not fully understood, but inflammation plays a part.\n")


def test_short_items_ending_in_full_stops_stay_items(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.txt"
    path.write_text(PAGE)
    report = ingest_paths(empty_store, [path], max_bytes=10**6)
    (doc,) = [empty_store.get(i) for i in report.changed_ids]
    items = [s.text for s in doc.sentences if s.kind == "list_item"]
    assert items == ["Trauma (such as fractures or blunt injury to muscles).", "Burns.",
                     "Prolonged immobilization or tissue pressure."]
    assert "Burns" not in [s.heading for s in doc.sections]
    # a line with a verb says something of its own and ends the list
    assert "There is no effective treatment." in [s.text for s in doc.sentences
                                                 if s.kind == "text"]


def test_the_items_are_read_as_what_their_lead_in_names(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    causes = {c.subject for c in read_claims(empty_store, tmp_path, PAGE)
              if c.predicate == "risk_factor_for" and c.object == "heterotopic_ossification"}
    assert {"burn", "immobility"} <= causes
    (tmp_path / "kb").mkdir()
    with store_of_pages(tmp_path / "kb", {"page.txt": PAGE}) as kb:
        answer = kb.ask("Can being stuck in bed for a long time cause bone to form in soft "
                        "tissue?")
    assert not answer.abstained
    assert "immobil" in answer.answer.lower()
    quoted = [c.sentence_text for s in answer.evidence for c in s.citations]
    assert "Prolonged immobilization or tissue pressure." in quoted
