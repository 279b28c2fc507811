"""A typed question to the assertions: what `KnowledgeStore.find` answers.

Callers say what they want (concepts and the role they play, predicates, contexts,
polarities, a minimum belief) and knowledge turns it into SQL over its own tables;
no SQL text leaves the package that owns them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from osteon.reading.records import Polarity

Role = Literal["subject", "object", "either"]


@dataclass(frozen=True, slots=True)
class AssertionQuery:
    """Which assertions to find; every field left empty matches all.

    `concepts` are concept ids, matched as the `role` says (the subject, the object, or
    either); with `kinds` each also stands for its kinds and synonyms (the hierarchy's
    narrower set: "NSAIDs" reaches indomethacin).
    """

    concepts: tuple[str, ...] = ()
    role: Role = "either"
    kinds: bool = False
    predicates: tuple[str, ...] = ()
    contexts: tuple[str, ...] | None = None
    """Only these contexts ("" is clinical, "mouse model" the experiments); None: any."""
    not_contexts: tuple[str, ...] = ()
    polarities: tuple[Polarity, ...] = ()
    min_belief: float = 0.0
    confirmed: bool = False
    """Only assertions whose rules are precise enough on real text to show as facts."""
    ids: tuple[int, ...] | None = None


def where_of(query: AssertionQuery, concepts: Iterable[str]) -> tuple[str, list[object]]:
    """The SQL condition and its parameters for `query`, over the assertions table.

    `concepts` is the query's concepts as matched (with their kinds when it asks for them).
    """
    where: list[str] = []
    params: list[object] = []

    def among(column: str, values: Iterable[object]) -> str:
        values = list(values)
        params.extend(values)
        return f"{column} IN ({','.join('?' * len(values))})"

    family = sorted(set(concepts))
    if query.concepts:
        if query.role == "either":
            where.append(f"({among('subject', family)} OR {among('object', family)})")
        else:
            where.append(among(query.role, family))
    if query.predicates:
        where.append(among("predicate", query.predicates))
    if query.contexts is not None:
        where.append(among("context", query.contexts))
    if query.not_contexts:
        where.append(f"NOT {among('context', query.not_contexts)}")
    if query.polarities:
        where.append(among("polarity", query.polarities))
    if query.min_belief > 0:
        where.append("belief >= ?")
        params.append(query.min_belief)
    return " AND ".join(where), params
