"""A literal prefilter for relation triggers: skip a regex that cannot match.

Each trigger regex is parsed once (with Python's own regex parser) to find the
literal strings one of which every match must contain. A sentence that
contains none of them cannot match, so its regex scan is skipped. Relation
triggers each match a few percent of sentences, so this removes most scans;
it never changes what matches.
"""

from __future__ import annotations

try:  # Python 3.11+
    import re._parser as _parser
    from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse as _parser  # type: ignore[no-redef]
    from sre_constants import (  # type: ignore[no-redef]
        BRANCH,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        SUBPATTERN,
    )

MIN_LITERAL = 3
"""Shorter required literals filter too little to be worth checking."""


def required_literals(pattern: str) -> frozenset[str] | None:
    """Case-folded strings one of which every match of `pattern` contains, or None."""
    try:
        found = _required(list(_parser.parse(pattern)))
    except Exception:  # noqa: BLE001 - an unparsable pattern is simply not prefiltered
        return None
    if not found or min(map(len, found)) < MIN_LITERAL:
        return None
    return frozenset(found)


def may_match(literals: frozenset[str] | None, folded_text: str) -> bool:
    """False only when the sentence (case-folded) lacks every required literal."""
    return literals is None or any(literal in folded_text for literal in literals)


def _required(items: list) -> set[str] | None:
    best: set[str] | None = None
    run = ""

    def consider(candidates: set[str] | None) -> None:
        nonlocal best
        if candidates and (best is None
                           or min(map(len, candidates)) > min(map(len, best))):
            best = candidates

    for op, arg in items:
        if op is LITERAL:
            run += chr(arg)
            continue
        if run:
            consider({run.casefold()})
            run = ""
        if op is SUBPATTERN:
            consider(_required(list(arg[-1])))
        elif op is BRANCH:
            alternatives = [_required(list(branch)) for branch in arg[1]]
            if all(alternatives):
                consider(set().union(*alternatives))  # type: ignore[arg-type]
        elif op in (MAX_REPEAT, MIN_REPEAT) and arg[0] >= 1:
            consider(_required(list(arg[2])))
    if run:
        consider({run.casefold()})
    return best
