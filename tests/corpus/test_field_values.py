"""A field laid out as a bullet naming it and its value indented under it is one item.

Trial registries and record pages (our own page below, in the shape of a research
registry's summary) write "• Sponsor organisation" and, on an indented line of its own,
"VU University Medical Center". Read apart, every value passed for a heading over the
next field and the labels for items that said nothing, so "who sponsors the trial?" and
"what is its EudraCT number?" found no sentence holding the answer.
"""

from __future__ import annotations

from osteon.corpus.ingest import ingest_paths

PAGE = ("HOPE-1\n\n"
        "  • Research type\n\n"
        "    Research Study\n\n"
        "  • Sponsor organisation\n\n"
        "    Northfield University Hospital\n\n"
        "  • Eudract number\n\n"
        "    2030-001234-56\n\n"
        "  • Research summary\n\n"
        "    Heterotopic ossification is bone that forms in muscle after injury. Forty adults"
        " will be recruited.\n")


def test_each_field_is_one_item_with_its_value(tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "registry.txt"
    path.write_text(PAGE)
    report = ingest_paths(empty_store, [path], max_bytes=10**6)
    (doc,) = [empty_store.get(i) for i in report.changed_ids]
    items = [s.text for s in doc.sentences if s.kind == "list_item"]
    assert "Sponsor organisation Northfield University Hospital" in items
    assert "Eudract number 2030-001234-56" in items
    headings = [s.heading for s in doc.sections]
    assert "Northfield University Hospital" not in headings
    # a field's long text stays the paragraph it is, each sentence its own
    assert "Forty adults will be recruited." in [s.text for s in doc.sentences
                                                 if s.kind == "text"]
