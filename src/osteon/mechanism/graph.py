"""Build the signed causal graph from the mechanistic assertions of the mouse model.

Each predicate maps to a sign and a role; a ligand's effects are routed through
its receptor (and a receptor's through its kinases) as the assumptions file
says, so that blocking a receptor blocks what the sentence gives to the ligand.
Edges stated by several assertions are merged, keeping every citation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from osteon.mechanism.data import assumptions
from osteon.mechanism.records import Citation, Edge, MechanismGraph
from osteon.reading.records import MOUSE_MODEL

if TYPE_CHECKING:
    from osteon import KnowledgeBase
    from osteon.knowledge.records import Fact
    from osteon.knowledge.store import KnowledgeStore

CONTEXT = MOUSE_MODEL
CITATION_SAMPLE = 12
"""Sentences kept per assertion as an edge's citations: on a corpus of thousands of
documents an edge may rest on thousands of sentences, and a dozen shows who says so."""
SIGNS = {"increases": 1, "activates": 1, "produces": 1, "differentiates_into": 1, "binds": 1,
         "required_for": 1, "decreases": -1, "inhibits": -1, "expressed_by": 1,
         "induces_apoptosis_of": -1}
NON_MODEL_TYPES = {"drug", "organism"}
"""Drugs enter as interventions, organisms as stimuli; their edges are evidence only."""


def citations_of(fact: Fact) -> tuple[Citation, ...]:
    a = fact.assertion
    return tuple(Citation(a.id, a.text, c.evidence.doc_id, c.evidence.sentence_idx,
                          c.evidence.quote, c.evidence.span_start, c.evidence.span_end)
                 for c in fact.claims)


def _concept_type(concept: str) -> str | None:
    from osteon.reading.lexicon import load_lexicon

    lexicon = load_lexicon()
    return lexicon.concepts[concept].type if concept in lexicon else None


def _raw_edges(fact: Fact, merge: dict[str, str]) -> list[Edge]:
    """The edges one assertion states, before routing through mediators."""
    a = fact.assertion
    subject, obj = merge.get(a.subject, a.subject), merge.get(a.object, a.object)
    cites = citations_of(fact)
    dynamic = _concept_type(subject) not in NON_MODEL_TYPES
    if a.predicate == "expressed_by":  # the receptor sits on the cell: the cell hosts it
        return [Edge(obj, subject, 1, "host", (a.predicate,), cites, dynamic=dynamic)]
    if a.predicate == "induces_apoptosis_of":
        note = f"{subject} -> apoptosis -| {obj}"
        return [Edge(subject, "apoptosis", 1, "activates", (a.predicate,), cites, note=note,
                     dynamic=dynamic),
                Edge("apoptosis", obj, -1, "inhibits", (a.predicate,), cites, note=note,
                     dynamic=dynamic)]
    sign = SIGNS[a.predicate]
    return [Edge(subject, obj, sign, "activates" if sign > 0 else "inhibits", (a.predicate,),
                 cites, dynamic=dynamic)]


def _route(edge: Edge, mediators: dict[str, list[str]]) -> list[Edge]:
    """Send a ligand's (or receptor's) effect through its mediators, recursively."""
    through = mediators.get(edge.source)
    if not through or edge.target in through or "binds" in edge.predicates \
            or edge.role == "host":
        return [edge]
    routed: list[Edge] = []
    for mediator in through:
        note = f"stated of {edge.source}; acts through {mediator}"
        step = Edge(mediator, edge.target, edge.sign, edge.role, edge.predicates, edge.citations,
                    note=note if edge.note is None else f"{edge.note}; {note}",
                    dynamic=edge.dynamic)
        routed.extend(_route(step, mediators))
    return routed


def _merge_duplicates(edges: Iterable[Edge]) -> list[Edge]:
    merged: dict[tuple[str, str, int, str, bool], Edge] = {}
    for e in edges:
        k = (e.source, e.target, e.sign, e.role, e.dynamic)
        if k in merged:
            old = merged[k]
            cites = old.citations + tuple(c for c in e.citations if c not in old.citations)
            preds = old.predicates + tuple(p for p in e.predicates if p not in old.predicates)
            notes = "; ".join(n for n in (old.note, e.note) if n) or None
            merged[k] = Edge(old.source, old.target, old.sign, old.role, preds, cites,
                             old.assumption or e.assumption, notes, old.dynamic)
        else:
            merged[k] = e
    return list(merged.values())


def _reachable(edges: list[Edge], starts: Iterable[str]) -> set[str]:
    seen, todo = set(starts), list(starts)
    while todo:
        node = todo.pop()
        for e in edges:
            if e.source == node and e.dynamic and e.target not in seen:
                seen.add(e.target)
                todo.append(e.target)
    return seen


def build_graph(facts: Iterable[Fact]) -> MechanismGraph:
    """The model graph: cited edges from mouse-model assertions plus assumption edges."""
    spec = assumptions()
    merge = {k: v.into for k, v in spec.merge.items()}
    mediators = spec.mediators
    summaries = {(s.subject, s.predicate, s.object): s.path for s in spec.summaries}
    edges: list[Edge] = []
    for fact in facts:
        a = fact.assertion
        if a.context != CONTEXT or a.polarity != "asserted" or a.predicate not in SIGNS \
                or a.key.object_is_text:
            continue
        key = (merge.get(a.subject, a.subject), a.predicate, merge.get(a.object, a.object))
        for raw in _raw_edges(fact, merge):
            if key in summaries:
                edges.append(Edge(raw.source, raw.target, raw.sign, raw.role, raw.predicates,
                                  raw.citations, note=f"summary of {summaries[key]}",
                                  dynamic=False))
            else:
                edges.extend(_route(raw, mediators))
    for item in spec.edges:
        edges.append(Edge(item.source, item.target, item.sign,
                          "activates" if item.sign > 0 else "inhibits", ("assumption",),
                          assumption=item.why))
    edges = _merge_duplicates(edges)
    nodes = _reachable(edges, spec.inputs)
    order = sorted(nodes, key=lambda n: (n not in spec.systemic, n))
    return MechanismGraph(tuple(edges), tuple(order), aliases=merge)


def graph_from_kb(kb: KnowledgeBase) -> MechanismGraph:
    """The graph from what the knowledge base currently says."""
    return graph_from_knowledge(kb.knowledge)


def graph_from_knowledge(knowledge: KnowledgeStore) -> MechanismGraph:
    """The graph from the mouse-model assertions, each with a sample of its sentences."""
    from osteon.knowledge.find import AssertionQuery
    from osteon.knowledge.query import to_facts

    found = knowledge.find(AssertionQuery(contexts=(CONTEXT,), polarities=("asserted",)))
    return build_graph(to_facts(knowledge, found, with_conflicts=False,
                                sample=CITATION_SAMPLE))
