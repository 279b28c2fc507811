"""Exports other tools can read: rdflib parses the JSON-LD, networkx the GraphML."""

from __future__ import annotations

import csv
import io

import networkx as nx
import rdflib

from osteon import KnowledgeBase
from osteon.knowledge.export import ASSERTION, CONCEPT, VOCAB, export


def render(kb: KnowledgeBase, fmt: str) -> str:
    return export(kb.facts(), kb.knowledge.conflicts(), kb.knowledge.lexicon, fmt)


def test_jsonld_parses_as_rdf_with_evidence_and_direct_triples(small_kb: KnowledgeBase) -> None:
    graph = rdflib.Graph().parse(data=render(small_kb, "jsonld"), format="json-ld")
    vocab = rdflib.Namespace(VOCAB)
    assertions = set(graph.subjects(rdflib.RDF.type, vocab.Assertion))
    assert len(assertions) == len(small_kb.facts())
    for node in assertions:
        assert list(graph.objects(node, vocab.evidence)), "an assertion without evidence"
    assert (rdflib.URIRef(CONCEPT + "radiation_therapy"), vocab.prevents,
            rdflib.URIRef(CONCEPT + "heterotopic_ossification")) in graph
    conflicts = list(graph.subjects(rdflib.RDF.type, vocab.Conflict))
    assert len(conflicts) == len(small_kb.conflicts())
    for conflict in conflicts:
        assert {str(o).startswith(ASSERTION) for o in graph.objects(conflict, vocab.between)} == {
            True}


def test_graphml_reads_in_networkx(small_kb: KnowledgeBase) -> None:
    graph = nx.read_graphml(io.BytesIO(render(small_kb, "graphml").encode()))
    facts = small_kb.facts()
    assert graph.number_of_edges() == len(facts)
    edge = next(d for _, _, d in graph.edges(data=True)
                if d["statement"] == "Radiation therapy prevents heterotopic ossification")
    assert edge["predicate"] == "prevents" and 0 < edge["belief"] <= 1
    assert "review#" in edge["evidence"]
    assert graph.nodes["heterotopic_ossification"]["name"] == "heterotopic ossification"


def test_csv_has_one_row_per_assertion(small_kb: KnowledgeBase) -> None:
    rows = list(csv.DictReader(io.StringIO(render(small_kb, "csv"))))
    assert len(rows) == len(small_kb.facts())
    assert all(row["evidence"] and 0 < float(row["belief"]) <= 1 for row in rows)
    conflicted = [r for r in rows if r["conflicts_with"]]
    assert conflicted
