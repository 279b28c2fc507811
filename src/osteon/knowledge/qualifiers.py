"""Merge the qualifiers of an assertion's claims without losing who said what.

Ranges of one kind and unit are unioned ("3–12 weeks" and "2–6 months" stay
apart; "24–48 hours" and "within 36 hours" become 24–48 hours), and every
distinct figure stays listed with the documents that gave it, so differing
numbers remain visible and `conflicts.figure_conflicts` can compare them; a figure
keeps the scope of its claims ("20% after THA" and "20%" stay two entries) and the body
sites they name ("at the hip in 70%").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from osteon.knowledge.records import MergedQualifiers, QualifierValue
from osteon.reading.records import NUMBER_KINDS, Claim, Figure

NUMBER_QUALIFIERS = NUMBER_KINDS


def merge_qualifiers(claims: Iterable[Claim]) -> MergedQualifiers:
    """One view of the qualifiers of many claims."""
    docs_by_value: dict[tuple, set[str]] = {}
    examples: dict[tuple, QualifierValue] = {}
    sites: dict[str, None] = {}
    for claim in claims:
        doc = claim.evidence.doc_id
        for kind, figure in claim.qualifiers.figures():
            value = QualifierValue(kind, figure, scope=claim.scope, sites=claim.qualifiers.sites)
            ident = (kind, value.low, value.high, value.unit, value.relation, value.anchor,
                     claim.scope, value.sites)
            docs_by_value.setdefault(ident, set()).add(doc)
            examples.setdefault(ident, value)
        for site in claim.qualifiers.sites:
            sites[site] = None
    values = tuple(replace(examples[ident], doc_ids=tuple(sorted(docs)), n_documents=len(docs))
                   for ident, docs in docs_by_value.items())
    ranges: dict[str, tuple[float, float, str]] = {}
    for value in values:
        if value.low is None or value.high is None or value.unit is None:
            continue
        name = f"{value.kind} ({value.unit})"
        low, high, _ = ranges.get(name, (value.low, value.high, value.unit))
        ranges[name] = (min(low, value.low), max(high, value.high), value.unit)
    return MergedQualifiers(values=values, ranges=ranges, sites=tuple(sites))


def qualifier_value(kind: str, figure: Figure) -> QualifierValue:
    """A claim's figure as knowledge shows it (no documents attached yet)."""
    return QualifierValue(kind, figure)
