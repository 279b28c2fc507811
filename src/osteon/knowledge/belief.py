"""Belief in an assertion: independent corroboration, weighed by kind of source and certainty.

    belief = 1 - prod_s (1 - w_s),    w_s = reliability(level or kind of s) x certainty(polarity)

over the assertion's independent sources s (a noisy-or: each source is an
independent chance that the statement is right). A source is a document,
however many of its sentences say the thing, and documents that say it in the
same sentence word for word (a copied paragraph, as seed 000 copies seed 004)
are one source, weighing as their most reliable member. So belief grows with
every independent document, faster for a trial, an encyclopedia or a review than for
a FAQ or a clinic page, and a hedged statement ("may", "some effect") weighs
half of its asserted twin. The priors are in data/knowledge/belief.yaml; they
order evidence, they are not measured probabilities.
"""

from __future__ import annotations

from collections.abc import Iterable

from osteon.knowledge.rules import BeliefRules
from osteon.knowledge.sources import DocumentSupport, Support, group_documents, noisy_or


def support(rows: Iterable[tuple[str, str, str]], polarity: str, rules: BeliefRules) -> Support:
    """Belief from (doc_id, doc_kind, sentence_hash) rows, one per claim.

    Documents sharing a sentence hash join one source (union-find), so a paragraph
    copied across pages counts once however the copies are spread.
    """
    return support_of(documents_of(rows, polarity, rules))


def documents_of(rows: Iterable[tuple[str, str, str]], polarity: str, rules: BeliefRules
                 ) -> list[DocumentSupport]:
    """One DocumentSupport per document, from claim rows (doc_id, doc_kind, sentence_hash)."""
    kinds: dict[str, str] = {}
    hashes: dict[str, set[str]] = {}
    for doc_id, kind, text_hash in rows:
        kinds.setdefault(doc_id, kind)
        hashes.setdefault(doc_id, set()).add(text_hash)
    return [DocumentSupport(doc_id, rules.weight(kinds[doc_id], polarity),
                            frozenset(hashes[doc_id])) for doc_id in kinds]


def support_of(docs: list[DocumentSupport]) -> Support:
    """Documents, independent sources (groups) and the noisy-or belief over the groups."""
    groups = group_documents(docs)
    return Support(len(docs), len(groups), noisy_or(max(d.weight for d in g) for g in groups))


def explain(rules: BeliefRules) -> str:
    """The formula and the priors in force, for `osteon facts --explain`."""
    lines = [__doc__.strip() if __doc__ else "", "",
             "Reliability by evidence level (evidence_levels.yaml) or kind of document:"]
    for kind, weight in sorted(rules.reliability.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {kind:<18} {weight:.2f}")
    lines.append(f"  {'(other)':<18} {rules.default_reliability:.2f}")
    lines.append("Certainty by polarity:")
    for polarity, weight in rules.certainty.items():
        lines.append(f"  {polarity:<18} {weight:.2f}")
    return "\n".join(lines)
