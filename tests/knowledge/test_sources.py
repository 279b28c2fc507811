"""The persisted source groups agree with grouping all documents at once, in any order."""

from __future__ import annotations

import itertools
import sqlite3

from osteon.knowledge.belief import support_of
from osteon.knowledge.sources import SCHEMA, DocumentSupport, SourceIndex


def doc(doc_id: str, weight: float, *hashes: str) -> DocumentSupport:
    return DocumentSupport(doc_id, weight, frozenset(hashes))


DOCS = [doc("d1", 0.4, "a"), doc("d2", 0.7, "b"), doc("d3", 0.5, "c"),
        doc("d4", 0.6, "a", "b"),  # bridges d1's group and d2's
        doc("d5", 0.45, "e")]


def test_adding_one_by_one_equals_grouping_all_at_once() -> None:
    expected = support_of(DOCS)
    assert (expected.n_documents, expected.n_sources) == (5, 3)
    for order in itertools.permutations(DOCS):
        db = sqlite3.connect(":memory:")
        db.executescript(SCHEMA)
        index = SourceIndex(db)
        for d in order:
            index.add(7, d)
        assert index.support([7])[7] == expected


def test_rebuild_and_drop() -> None:
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    index = SourceIndex(db)
    index.rebuild(1, DOCS)
    index.add(1, doc("d6", 0.9, "c"))  # joins d3's group, raising its weight
    assert index.support([1])[1] == support_of([*DOCS, doc("d6", 0.9, "c")])
    index.drop([1])
    assert index.support([1]) == {}
