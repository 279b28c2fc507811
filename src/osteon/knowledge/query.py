"""Questions to the knowledge tables: facts about a concept, and the conflicts, shown in full.

A concept reaches its kinds and synonyms through the hierarchy, so facts about
"NSAIDs" include those about indomethacin and ibuprofen, and facts about HO
those about neurogenic HO. Facts come strongest first.
"""

from __future__ import annotations

from collections.abc import Sequence

from osteon.errors import OsteonError
from osteon.knowledge.find import AssertionQuery
from osteon.knowledge.levels import document_levels
from osteon.knowledge.qualifiers import merge_qualifiers
from osteon.knowledge.records import Assertion, ConflictView, Fact
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import PREDICATES


def resolve_concept(lexicon: Lexicon, text: str) -> str:
    """A concept id from an id, a name, a synonym or an abbreviation; OsteonError if none."""
    if text in lexicon:
        return text
    found = lexicon.concept_id_for(text)
    if found is None:
        raise OsteonError(f"no concept called {text!r} in the lexicon")
    return found


def facts(knowledge: KnowledgeStore, concept: str | None = None, *,
          predicate: str | None = None, min_belief: float = 0.0,
          limit: int | None = None) -> list[Fact]:
    """Assertions about a concept (and its kinds), with claims, strongest first."""
    if predicate is not None and predicate not in PREDICATES:
        raise OsteonError(f"unknown predicate {predicate!r}; choose from {', '.join(PREDICATES)}")
    if not 0.0 <= min_belief <= 1.0:
        raise OsteonError(f"--min-belief must lie between 0 and 1, not {min_belief}")
    concepts = (resolve_concept(knowledge.lexicon, concept),) if concept else ()
    chosen = knowledge.find(AssertionQuery(concepts=concepts, kinds=True,
                                           predicates=(predicate,) if predicate else (),
                                           min_belief=min_belief))
    chosen.sort(key=lambda a: (-a.belief, -a.n_sources, a.text))
    if limit is not None:
        chosen = chosen[:limit]
    return to_facts(knowledge, chosen)


def to_facts(knowledge: KnowledgeStore, assertions: Sequence[Assertion],
             *, with_conflicts: bool = True, sample: int | None = None) -> list[Fact]:
    """Assertions with their claims, merged qualifiers, source titles and conflicts.

    `sample` limits the claims loaded per assertion (see KnowledgeStore.claims_of_many):
    counts and belief always come from the assertion itself.
    """
    # remembered for this generation of the knowledge and version of the store (an
    # answer makes facts of the same assertions for its statements and their conflicts,
    # question after question); made afresh while an update changes the tables
    generation = knowledge.generation
    known: dict[tuple[int, int, int | None, bool], Fact] = (
        {} if knowledge.updating else knowledge.store.per_version("facts", FACTS_REMEMBERED))
    todo = [a for a in assertions if (generation, a.id, sample, with_conflicts) not in known]
    ids = [a.id for a in todo]
    claims = knowledge.claims_of_many(ids, sample=sample) if ids else {}
    conflicts = knowledge.conflicts(ids) if with_conflicts and ids else []
    cited = {c.evidence.doc_id for cs in claims.values() for c in cs}
    titles = knowledge.titles(cited)
    levels = {doc_id: level.label
              for doc_id, level in document_levels(knowledge.store, cited).items() if level}
    for assertion in todo:
        own = tuple(claims.get(assertion.id, ()))
        known[(generation, assertion.id, sample, with_conflicts)] = Fact(
            assertion, own, merge_qualifiers(own),
            {c.evidence.doc_id: titles.get(c.evidence.doc_id, "") for c in own},
            tuple(c for c in conflicts if assertion.id in (c.a, c.b)),
            {c.evidence.doc_id: levels[c.evidence.doc_id] for c in own
             if c.evidence.doc_id in levels})
    return [known[(generation, a.id, sample, with_conflicts)] for a in assertions]


FACTS_REMEMBERED = 5_000
"""Facts (an assertion with its claims, sampled or all) a store remembers per version."""


def conflict_views(knowledge: KnowledgeStore) -> list[ConflictView]:
    """Every conflict, both sides with their sources."""
    conflicts = knowledge.conflicts()
    ids = sorted({i for c in conflicts for i in (c.a, c.b)})
    by_id = {f.assertion.id: f
             for f in to_facts(knowledge, knowledge.assertions(ids), with_conflicts=False)}
    return [ConflictView(c, by_id[c.a], by_id[c.b]) for c in conflicts
            if c.a in by_id and c.b in by_id]
