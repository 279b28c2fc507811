"""Scope for the stages that answer: whom claims and assertions are about, and whether it fits.

Reading gives every claim its `Scope` (reading/scope.py: condition family,
population or index event, species, from the sentence, its heading and the
title); knowledge keeps an assertion's scope as the union over its claims
(`Assertion.scope`, `Fact.scope`). Ask and assess use these functions to keep
to claims whose scope fits a question or a patient, and to say when they
leave it.
"""

from __future__ import annotations

from collections.abc import Iterable

from osteon.knowledge.hierarchy import Hierarchy
from osteon.reading.records import MOUSE_MODEL, Claim, Scope

__all__ = ["MOUSE_MODEL", "Scope", "claims_in_scope", "scope_fits", "scope_of_claims"]


def scope_of_claims(claims: Iterable[Claim]) -> Scope:
    """The union of the claims' scopes (what an assertion of these claims is about)."""
    out = Scope()
    for claim in claims:
        out = out.union(claim.scope)
    return out


def scope_fits(scope: Scope, wanted: Scope, hierarchy: Hierarchy | None = None) -> bool:
    """Whether something of `scope` may answer a question (or patient) of `wanted`.

    A field either leaves unsaid fits; families and species must share a member; a
    population fits when one of its events is one of the wanted ones or (given the
    hierarchy) a kind or a broader kind of one: "after hip arthroplasty" fits a
    question about total hip arthroplasty.
    """
    if scope.family and wanted.family and not set(scope.family) & set(wanted.family):
        return False
    if scope.species and wanted.species and not set(scope.species) & set(wanted.species):
        return False
    if scope.population and wanted.population:
        return any(p == w or (hierarchy is not None and hierarchy.is_related(p, w))
                   for p in scope.population for w in wanted.population)
    return True


def claims_in_scope(claims: Iterable[Claim], wanted: Scope,
                    hierarchy: Hierarchy | None = None) -> list[Claim]:
    """The claims whose own scope fits `wanted` (see scope_fits)."""
    return [c for c in claims if scope_fits(c.scope, wanted, hierarchy)]
