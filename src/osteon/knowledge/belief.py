"""Belief in an assertion: independent corroboration, weighed by kind of source and certainty.

    belief = 1 - prod_s (1 - w_s),    w_s = reliability(kind of s) x certainty(polarity)

over the assertion's independent sources s (a noisy-or: each source is an
independent chance that the statement is right). A source is a document,
however many of its sentences say the thing, and documents that say it in the
same sentence word for word (a copied paragraph, as seed 000 copies seed 004)
are one source, weighing as their most reliable member. So belief grows with
every independent document, faster for an encyclopedia or a review than for
a FAQ or a clinic page, and a hedged statement ("may", "some effect") weighs
half of its asserted twin. The priors are in data/knowledge/belief.yaml; they
order evidence, they are not measured probabilities.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from osteon.knowledge.rules import BeliefRules


@dataclass(frozen=True, slots=True)
class Support:
    """How many documents and independent sources back an assertion, and the belief."""

    n_documents: int
    n_sources: int
    belief: float


def support(rows: Iterable[tuple[str, str, str]], polarity: str, rules: BeliefRules) -> Support:
    """Belief from (doc_id, doc_kind, sentence_hash) rows, one per claim.

    Documents sharing a sentence hash join one source (union-find), so a paragraph
    copied across pages counts once however the copies are spread.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    kinds: dict[str, str] = {}
    first_doc_of_text: dict[str, str] = {}
    for doc_id, kind, text_hash in rows:
        if doc_id not in parent:
            parent[doc_id] = doc_id
            kinds[doc_id] = kind
        other = first_doc_of_text.setdefault(text_hash, doc_id)
        a, b = find(doc_id), find(other)
        if a != b:
            parent[a] = b
    best: dict[str, float] = {}
    for doc_id, kind in kinds.items():
        root = find(doc_id)
        best[root] = max(best.get(root, 0.0), rules.weight(kind, polarity))
    disbelief = math.prod(1.0 - w for w in best.values())
    return Support(len(kinds), len(best), round(1.0 - disbelief, 4))


def explain(rules: BeliefRules) -> str:
    """The formula and the priors in force, for `osteon facts --explain`."""
    lines = [__doc__.strip() if __doc__ else "", "", "Reliability by kind of document:"]
    for kind, weight in sorted(rules.reliability.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {kind:<14} {weight:.2f}")
    lines.append(f"  {'(other)':<14} {rules.default_reliability:.2f}")
    lines.append("Certainty by polarity:")
    for polarity, weight in rules.certainty.items():
        lines.append(f"  {polarity:<14} {weight:.2f}")
    return "\n".join(lines)
