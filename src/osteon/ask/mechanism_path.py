"""Mechanism questions walk the causal graph: one cited sentence per step.

"How does a spinal cord injury lead to bone in muscle?" is answered by the
shortest path of cited edges from the asked cause to heterotopic bone (or to
the asked node) in the graph built from the mouse-model claims; "which drugs
reduce it in mice?" by the drugs whose cited edges block a node on a path to
bone. Every step quotes the sentence its edge was read from, and the answer
says these are mouse experiments.
"""

from __future__ import annotations

import heapq
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from osteon.ask.citing import citation_at, in_model
from osteon.ask.ranking_rules import compiled
from osteon.ask.records import Question, Statement
from osteon.ask.scope import condition_kinds
from osteon.ask.understand import QuestionType, other_spellings, question_rules
from osteon.ask.unmentioned import looks_topical, unnamed_words
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.terms import fold

if TYPE_CHECKING:
    from osteon.mechanism.records import Citation, Edge

BONE = "heterotopic_ossification"
MAX_STEPS = 8
INTERVENTION_INTENTS = frozenset({"treatment", "prevention"})


@dataclass(frozen=True, slots=True)
class PathAnswer:
    """A short answer and one cited statement per step (or per drug)."""

    summary: str
    steps: tuple[Statement, ...]


def causal_path(knowledge: KnowledgeStore, question: Question,
                qtypes: Sequence[QuestionType], best: str = "") -> PathAnswer | None:
    """The cited path (or the blocking drugs) that answers a mechanism question, if any.

    `best` is the best-ranked source sentence: a path that leaves out the thing the
    question and that sentence are about answers something else (`_asks_elsewhere`).
    """
    intents = {t.name for t in qtypes}
    wants_drugs = bool(intents & INTERVENTION_INTENTS) and "mouse" in question.scope.species
    if "mechanism" not in intents and not wants_drugs:
        return None
    if not compiled(question_rules().path_asked).search(question.text):
        return None  # "in the mouse model, what muscle injury had to be added?": a thing asked
    edges = _graph_edges(knowledge)
    if wants_drugs:
        return _blocking_drugs(knowledge, question, [e for e in edges if e.citations])
    sources = {e.source for e in edges}
    starts = _nodes_for(knowledge, question.concepts, sources) - {BONE}
    graph = sources | {e.target for e in edges}
    ho = condition_kinds(knowledge)
    elsewhere = [c for c in question.concepts
                 if c not in ho and not _nodes_for(knowledge, [c], graph)]
    if elsewhere and (not starts or qtypes[0].name != "mechanism"):
        # "can the lumps of POH turn into sores?", "why would ultrasound suit screening
        # after a cord injury?": about something the injury model does not hold, and not
        # above all how bone comes about
        return None
    if not starts and qtypes[0].name == "mechanism":
        # "why does it happen?" names no cause: start from what the graph starts from
        starts = sources - {e.target for e in edges} - _drugs(knowledge, sources)
    if not starts:
        return None
    hops = _shortest(edges, starts, BONE)
    if not hops:
        return None
    steps = tuple(_step(knowledge, e) for e in hops if e.citations)
    if best and _asks_elsewhere(knowledge, question, best, steps):
        return None
    chain = _name(knowledge, hops[0].source)
    for e in hops:
        chain += (" → " if e.citations else " ⇢ ") + _name(knowledge, e.target)
    gap = ("" if all(e.citations for e in hops) else
           "; ⇢ marks a link the model assumes and no source sentence states")
    return PathAnswer("In mouse experiments the sources describe this path: " + chain
                      + f" (each → step cited{gap}; mouse model).", steps)


def _asks_elsewhere(knowledge: KnowledgeStore, question: Question, best: str,
                    steps: Sequence[Statement]) -> bool:
    """Does the question ask of a thing the best sentence names and no step of the path does?

    The thing is one the lexicon does not name (a concept the graph lacks is judged above).

    "How is the syndesmosis thought to turn into bone after an injury?": the injury
    model's path from a muscle injury to bone answers something else; the page's sentence
    on "syndesmotic ossification … of the hematoma" answers it.
    """
    rules = question_rules()
    said = fold(" ".join(c.sentence_text for s in steps for c in s.citations))
    best = fold(best)

    def holds(text: str, word: str) -> bool:
        return any(re.search(rf"\b{re.escape(form)}", text)
                   for form in (word, *other_spellings(word, rules)))

    return any(looks_topical(w) and holds(best, w) and not holds(said, w)
               for w in unnamed_words(knowledge, question, rules))


def _blocking_drugs(knowledge: KnowledgeStore, question: Question, edges: list[Edge]
                    ) -> PathAnswer | None:
    """Drugs whose cited edges inhibit a node from which a cited path reaches bone."""
    lexicon = knowledge.lexicon
    asked = _nodes_for(knowledge, question.concepts, {e.target for e in edges}) - {BONE}
    found = []
    for edge in edges:
        drug = edge.source
        if edge.sign >= 0 or drug not in lexicon or lexicon.get(drug).type != "drug":
            continue
        if asked and edge.target not in asked:
            continue  # "drugs that block the glucocorticoid receptor": that target only
        if edge.target == BONE or _shortest(edges, {edge.target}, BONE):
            found.append(edge)
    if not found:
        return None
    items = list(dict.fromkeys(f"{_name(knowledge, e.source)} (blocks {_name(knowledge, e.target)})"
                               for e in found))
    return PathAnswer("In mouse experiments the sources name: " + "; ".join(items) + ".",
                      tuple(_step(knowledge, e) for e in found))


_GRAPHS: weakref.WeakKeyDictionary[KnowledgeStore, tuple[int, list[Edge]]] = (
    weakref.WeakKeyDictionary())


def _graph_edges(knowledge: KnowledgeStore) -> list[Edge]:
    """The causal graph's edges, built once per knowledge generation (not per question)."""
    from osteon.mechanism.graph import graph_from_knowledge  # the graph only when asked

    generation = knowledge.generation
    cached = _GRAPHS.get(knowledge)
    if cached is None or cached[0] != generation:
        cached = _GRAPHS[knowledge] = (generation, list(graph_from_knowledge(knowledge).edges))
    return cached[1]


def _drugs(knowledge: KnowledgeStore, nodes: set[str]) -> set[str]:
    lexicon = knowledge.lexicon
    return {n for n in nodes if n in lexicon and lexicon.get(n).type in ("drug", "organism")}


def _nodes_for(knowledge: KnowledgeStore, concepts: Iterable[str], nodes: set[str]) -> set[str]:
    """Graph nodes a question's concepts name: the concept, its kinds, or a broader node."""
    hierarchy = knowledge.hierarchy()
    out = set()
    for concept in concepts:
        family = hierarchy.narrower(concept) | hierarchy.broader(concept) | {concept}
        out |= {n for n in nodes if n in family}
    return out


def _shortest(edges: list[Edge], starts: set[str], goal: str) -> list[Edge]:
    """The cheapest activating path from any start to the goal.

    A cited step costs 1, a modelling link no sentence states costs 3: such links
    are used only where the sources leave a gap, and the answer marks them.
    """
    by_source: dict[str, list[Edge]] = {}
    for e in edges:
        if e.sign > 0:
            by_source.setdefault(e.source, []).append(e)
    heap = [(0, i, s, []) for i, s in enumerate(sorted(starts))]
    heapq.heapify(heap)
    done: set[str] = set()
    tie = len(heap)
    while heap:
        cost, _, node, path = heapq.heappop(heap)
        if node == goal and path:
            return path
        if node in done or len(path) >= MAX_STEPS:
            continue
        done.add(node)
        for e in by_source.get(node, []):
            if e.target not in done:
                tie += 1
                heapq.heappush(heap, (cost + (1 if e.citations else 3), tie, e.target, [*path, e]))
    return []


def _step(knowledge: KnowledgeStore, edge: Edge) -> Statement:
    """One edge as a statement quoting the first sentence that states it.

    The statement is the assertion that sentence was read into ("Glucocorticoid receptor is
    required for neurogenic heterotopic ossification"), not the edge's sign re-worded onto
    the model's broader node, and it says the injury the experiment was about when the
    sentence restricts it so ("following a spinal cord injury, fibro-adipogenic progenitors
    … differentiate into osteoblasts" holds after that injury only).
    """
    cite = edge.citations[0]
    key = (cite.doc_id, cite.sentence_idx)
    place = knowledge.sentences([key])[key]
    citation = citation_at(place, (cite.span_start, cite.span_end))
    verb = "raises" if edge.sign > 0 else "lowers"
    text = cite.statement or (
        f"{_name(knowledge, edge.source)} {verb} {_name(knowledge, edge.target)}")
    return Statement(in_model(text, _populations(knowledge, key, cite), knowledge), None,
                     (citation,), "asserted")


def _populations(knowledge: KnowledgeStore, key: tuple[str, int], cite: Citation
                 ) -> list[str]:
    """The index events the cited sentence's claims of this assertion are restricted to."""
    return list(dict.fromkeys(p for assertion_id, claim in knowledge.claims_at([key])
                              if assertion_id == cite.assertion_id
                              for p in claim.scope.population))


def _name(knowledge: KnowledgeStore, concept: str) -> str:
    lexicon = knowledge.lexicon
    return lexicon.get(concept).name if concept in lexicon else concept.replace("_", " ")
