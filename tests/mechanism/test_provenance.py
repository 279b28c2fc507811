"""An edge stands on its sentences: take the source document away and the edge goes."""

from __future__ import annotations

from pathlib import Path

from osteon import KnowledgeBase
from osteon.mechanism import graph_from_kb

MECHANISM_DOC = "004_"
"""The seed article that describes the mechanism the model runs."""


def test_removing_the_source_document_removes_the_edges_it_alone_states(tmp_path: Path) -> None:
    kb = KnowledgeBase.open(tmp_path / "osteon.sqlite")
    try:
        before = graph_from_kb(kb)
        doc = next(d for d in kb.store.ids() if d.startswith(MECHANISM_DOC))
        citing = [e for e in before.edges if any(c.doc_id == doc for c in e.citations)]
        alone = {e.key for e in citing if all(c.doc_id == doc for c in e.citations)}
        assert {"oncostatin_m -> oncostatin_m_receptor",
                "spinal_cord_injury -> adrenal_gland"} <= alone

        assert kb.store.delete(doc)
        kb.update_knowledge()
        after = graph_from_kb(kb)
    finally:
        kb.close()

    assert not any(c.doc_id == doc for e in after.edges for c in e.citations)
    cited_after = {e.key for e in after.edges if e.cited}
    assert not alone & cited_after, "an edge kept a citation of the removed document"
    for edge in after.edges:  # what is left stands on other sentences or is a listed assumption
        assert edge.cited or edge.assumption, edge.key
    assumed = {e.key for e in before.edges if e.assumption and not e.cited}
    assert assumed <= {e.key for e in after.edges if e.assumption}
    assert len(after.dynamic_edges()) < len(before.dynamic_edges())
