"""Facts and conflicts as JSON for programs and as lines a person reads.

Every statement shown carries its citations: document, section, sentence and
the character span of the claim in the document, with the quoted words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from rich.markup import escape

from osteon.knowledge.calibration import NOT_CONFIRMED, claim_confidence, rule_precision
from osteon.knowledge.records import ConflictView, Fact, MergedQualifiers
from osteon.knowledge.rules import conflict_rules
from osteon.reading.records import Claim, Scope

CITATIONS_SHOWN = 3
"""Citations printed per fact in the readable view; --json has them all."""


def citation(claim: Claim, titles: dict[str, str],
             levels: dict[str, str] | None = None) -> dict[str, object]:
    """Where a claim was read, with document offsets of its span and the source's level."""
    ev = claim.evidence
    return {"doc": ev.doc_id, "title": titles.get(ev.doc_id, ""), "section": ev.section,
            "sentence": ev.sentence_idx, "start": ev.sentence_start + ev.span_start,
            "end": ev.sentence_start + ev.span_end, "quote": ev.quote,
            "polarity": claim.polarity, "level": (levels or {}).get(ev.doc_id)}


def qualifiers_dict(merged: MergedQualifiers) -> dict[str, object]:
    out: dict[str, object] = {}
    if merged.values:
        out["values"] = [{"kind": v.kind, "low": v.low, "high": v.high, "unit": v.unit,
                          "text": v.text, "approximate": v.approximate,
                          "relation": v.relation, "anchor": v.anchor,
                          "fractions": v.fractions, "documents": list(v.doc_ids),
                          **({"scope": v.scope.as_dict()} if v.scope else {})}
                         for v in merged.values]
    if merged.ranges:
        out["ranges"] = {name: {"low": low, "high": high, "unit": unit}
                         for name, (low, high, unit) in merged.ranges.items()}
    if merged.sites:
        out["sites"] = list(merged.sites)
    return out


def fact_dict(fact: Fact) -> dict[str, object]:
    """One fact for JSON output."""
    a = fact.assertion
    return {"id": a.id, "statement": a.text, "subject": a.subject, "predicate": a.predicate,
            "object": a.object, "object_is_text": a.key.object_is_text,
            "polarity": a.polarity, "context": a.context or "clinical", "belief": a.belief,
            "confidence": a.confidence, "confirmed": a.confirmed,
            "status": "confirmed" if a.confirmed else NOT_CONFIRMED,
            "scope": a.scope.as_dict(),
            "documents": a.n_documents, "independent_sources": a.n_sources,
            "claims": a.n_claims, "qualifiers": qualifiers_dict(fact.qualifiers),
            "citations": [citation(c, fact.document_titles, fact.document_levels)
                          for c in fact.claims],
            "conflicts": [{"with": c.b if c.a == a.id else c.a, "kind": c.kind,
                           "explanation": c.explanation} for c in fact.conflicts]}


def conflict_dict(view: ConflictView) -> dict[str, object]:
    """One conflict, both sides in full, for JSON output."""
    c = view.conflict
    return {"kind": c.kind, "family": c.family, "explanation": c.explanation,
            "a": fact_dict(view.a), "b": fact_dict(view.b)}


def fact_lines(fact: Fact, *, all_citations: bool = False) -> Iterator[str]:
    """A fact as rich-markup lines: statement, belief and support, numbers, citations."""
    a = fact.assertion
    colour = {"negated": "red", "hedged": "yellow"}.get(a.polarity, "green")
    if not a.confirmed:
        colour = "dim"
    yield (f"[bold {colour}]{escape(a.text)}[/]"
           + ("" if a.confirmed else f" [magenta]({NOT_CONFIRMED})[/]")
           + f"  [dim]belief {a.belief:.2f} · "
           f"{_count(a.n_documents, 'document')}"
           + (f" ({a.n_sources} independent)" if a.n_sources != a.n_documents else "")
           + f" · {_count(a.n_claims, 'sentence')}[/]")
    if a.scope:
        yield f"    [cyan]scope[/] {escape(scope_text(a.scope))}"
    for value in fact.qualifiers.values:
        narrow = Scope(population=value.scope.population, species=value.scope.species,
                       severity=value.scope.severity)
        said = [scope_text(narrow)] if narrow else []  # whom the figure is for, and where
        said += ["site: " + ", ".join(value.sites)] if value.sites else []
        where = f" ({'; '.join(said)})" if said else ""
        yield (f"    [cyan]{value.kind}[/] {escape(value.text)} "
               f"[dim]{escape('[' + ', '.join(value.doc_ids) + ']' + where)}[/]")
    if fact.qualifiers.sites:
        yield f"    [cyan]site[/] {escape(', '.join(fact.qualifiers.sites))}"
    shown = fact.claims if all_citations else fact.claims[:CITATIONS_SHOWN]
    for claim in shown:
        ev = claim.evidence
        title = fact.document_titles.get(ev.doc_id, "")
        section = last_heading(ev.section)
        level = fact.document_levels.get(ev.doc_id)
        yield (f"    [dim]{escape(ev.doc_id)}[/] {escape(title)}"
               + (f" › {escape(section)}" if section and section != title else "")
               + (f" [magenta]({escape(level)})[/]" if level else "")
               + f" [dim]#{ev.sentence_idx}[/] “{escape(ev.quote)}”")
    if len(fact.claims) > len(shown):
        yield f"    [dim]… and {len(fact.claims) - len(shown)} more (--json lists all)[/]"
    for conflict in fact.conflicts:
        yield f"    [bold red]conflict[/] ({conflict.kind}) {escape(conflict.explanation)}"


def conflict_lines(view: ConflictView) -> Iterator[str]:
    """A conflict as rich-markup lines: what kind, then each side with its sources."""
    c = view.conflict
    yield f"[bold red]{escape(c.kind)}[/] [dim]({escape(c.family)})[/]"
    sides = (view.a,) if view.a.assertion.id == view.b.assertion.id else (view.a, view.b)
    for side in sides:
        for i, line in enumerate(fact_lines(_without_conflicts(side))):
            yield ("  • " if i == 0 else "  ") + line
    if c.kind == conflict_rules().figures.kind:
        yield f"  {escape(c.explanation)}"


def scope_text(scope: Scope) -> str:
    """A scope as words: "genetic; population: spinal_cord_injury; species: mouse"."""
    parts = [", ".join(scope.family)] if scope.family else []
    if scope.population:
        parts.append("population: " + ", ".join(scope.population))
    if scope.species:
        parts.append("species: " + ", ".join(scope.species))
    if scope.severity:
        parts.append("severity: " + ", ".join(scope.severity))
    return "; ".join(parts)


def claim_dict(claim: Claim) -> dict[str, object]:
    """A claim for JSON output: its fields, its confidence and whether it is confirmed."""
    from dataclasses import asdict

    confidence = claim_confidence(claim)
    confirmed = rule_precision().confirmed(confidence)
    return {**asdict(claim), "confidence": confidence, "confirmed": confirmed,
            "status": "confirmed" if confirmed else NOT_CONFIRMED}


def last_heading(section: str | None) -> str | None:
    """The innermost heading of a section path ("Treatment › Surgery" → "Surgery")."""
    return section.rsplit(" › ", 1)[-1] if section else None


def _without_conflicts(fact: Fact) -> Fact:
    return replace(fact, conflicts=())


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
