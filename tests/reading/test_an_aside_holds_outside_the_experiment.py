"""What an aside says a condition is holds outside the experiment its sentence tells of
(issue 14, set 126).

A news story told of a drug found with iPS cells for FOP "-- a condition in which bone can
grow in muscle tissue --"; the description was shown as "FOP occurs at the muscle (cell
experiments)". The sentences here are our own, in the same shape.
"""

from __future__ import annotations

from fixtures import read_claims as read_text


def _contexts(claims, predicate: str) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {c.qualifiers.context for c in claims if c.predicate == predicate}


def test_a_defining_aside_is_not_scoped_to_the_cells(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "A team has found a candidate drug for fibrodysplasia ossificans "
                       "progressiva, or FOP -- a condition in which bone can grow in muscle "
                       "tissue -- by screening induced pluripotent stem cells.\n", name="news.txt")
    assert _contexts(claims, "occurs_at_site") == {None}, claims


def test_a_finding_of_the_cells_keeps_their_setting(
        tmp_path, empty_store) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(empty_store, tmp_path,
                       "Using cell lines, the team showed that heterotopic ossification can "
                       "grow in muscle tissue.\n", name="lab.txt")
    assert _contexts(claims, "occurs_at_site") == {"cell experiments"}, claims
