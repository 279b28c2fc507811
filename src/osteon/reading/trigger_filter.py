"""A literal prefilter for relation triggers: skip a regex that cannot match.

Each trigger regex is parsed once (with Python's own regex parser) to find the
literal strings one of which every match must contain. A sentence that
contains none of them cannot match, so its regex scan is skipped. Relation
triggers each match a few percent of sentences, so this removes most scans;
it never changes what matches.
"""

from __future__ import annotations

import re
import re._parser as _parser  # the stdlib's own regex parser (Python 3.11+, as required)
from collections.abc import Iterable
from functools import cache
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    AT,
    AT_BEGINNING,
    AT_BEGINNING_STRING,
    BRANCH,
    CATEGORY,
    CATEGORY_DIGIT,
    CATEGORY_NOT_DIGIT,
    CATEGORY_NOT_SPACE,
    CATEGORY_NOT_WORD,
    CATEGORY_SPACE,
    CATEGORY_WORD,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    NEGATE,
    RANGE,
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


class LiteralIndex:
    """Which of many patterns may match a sentence, found with one scan for all their literals.

    Checking each pattern's literals on its own repeats the shared ones ("caus",
    "the ") for every pattern that needs them, and a substring test costs a pass over
    the sentence: a few hundred literals made this the largest part of choosing rules.
    Instead the literals form one trie-shaped regex (`c(?:aus(?:e(?:d|s)?|ing))`)
    that the engine scans in C, trying one branch per character. At each place it
    matches, the match is the longest literal starting there, and every literal that
    starts there is a prefix of it, so each match names all the literals present at
    its position; searching again one character on finds the next. The answer is the
    positions (in the order the patterns were given) of the patterns one of whose
    literals occurs, plus those with no literals to filter on: exactly as `may_match`.
    """

    __slots__ = ("_always", "_owners", "_scan")

    def __init__(self, literal_sets: list[frozenset[str] | None]) -> None:
        owners: dict[str, set[int]] = {}
        always: list[int] = []
        for position, literals in enumerate(literal_sets):
            if literals is None:
                always.append(position)
                continue
            for literal in literals:
                owners.setdefault(literal, set()).add(position)
        self._always = frozenset(always)
        # Longest literal at a position -> the patterns of it and of its literal prefixes.
        self._owners = {
            longest: frozenset().union(*(owners[lit] for lit in owners if longest.startswith(lit)))
            for longest in owners}
        self._scan = re.compile(_trie_pattern(_trie(owners))) if owners else None

    def candidates(self, folded_text: str) -> list[int]:
        """Positions of the patterns that may match `folded_text` (case-folded), ascending."""
        found = set(self._always)
        if self._scan is not None:
            search, owners = self._scan.search, self._owners
            match = search(folded_text)
            while match is not None:
                found.update(owners[match.group()])
                match = search(folded_text, match.start() + 1)
        return sorted(found)


_END = ""
"""Trie key marking that the path so far spells a whole literal."""


def _trie(words: Iterable[str]) -> dict:
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = True
    return root


def _trie_pattern(node: dict) -> str:
    """A regex matching, greedily, the longest word of the trie that starts at a position."""
    branches = [re.escape(char) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


# -- first-character guards ----------------------------------------------------------

_CATEGORY_CLASS = {
    CATEGORY_SPACE: r"\s", CATEGORY_NOT_SPACE: r"\S", CATEGORY_DIGIT: r"\d",
    CATEGORY_NOT_DIGIT: r"\D", CATEGORY_WORD: r"\w", CATEGORY_NOT_WORD: r"\W",
}
_BROAD = {r"\S", r"\D", r"\w", r"\W"}
"""Classes that hold most characters: a guard made of one would test nearly every position."""


@cache
def guarded(pattern: str) -> re.Pattern[str]:
    r"""`pattern` compiled case-insensitively, made quicker to search, matching exactly the same.

    Python's regex engine skips ahead to a pattern's first character only when it is a
    fixed uncased one; a trigger such as `\b(?:causes|leads to|...)` is instead tried in
    full at every position of the sentence. When every match must begin with one of a
    few characters, a lookahead for them, `(?=[cl])`, rejects the other positions with one
    test. The lookahead consumes nothing and creates no group, so spans and groups are
    unchanged; where the first characters cannot be worked out, the pattern is as given.
    """
    guard = first_char_class(pattern)
    if guard is not None:
        try:
            return re.compile(f"(?={guard})(?:{pattern})", re.IGNORECASE)
        except re.error:  # e.g. global inline flags, which must open a pattern
            pass
    return re.compile(pattern, re.IGNORECASE)


def first_char_class(pattern: str) -> str | None:
    """A character class holding every character a match of `pattern` can begin with.

    None when a guard would not help: the engine already skips ahead (a fixed first
    character, or `^`), a match may be empty, or its first character may be nearly any.
    """
    try:
        items = list(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - an unparsable pattern is simply not guarded
        return None
    if not items or items[0][0] in (LITERAL, IN) or items[0] == (AT, AT_BEGINNING) or (
            items[0] == (AT, AT_BEGINNING_STRING)):
        return None
    found = _first(items)
    if found is None or found[1]:
        return None  # beyond reckoning, or a match may be empty
    parts: list[str] = []
    for op, arg in found[0]:
        if op is LITERAL:
            parts.append(re.escape(chr(arg)))
        elif op is RANGE:
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is CATEGORY and arg in _CATEGORY_CLASS:
            parts.append(_CATEGORY_CLASS[arg])
        else:
            return None
    if _BROAD & set(parts):
        return None
    return "[" + "".join(dict.fromkeys(parts)) + "]"


def _first(items: list) -> tuple[list, bool] | None:
    """First characters of `items`' matches, and whether `items` may consume none.

    Class items covering the first character of every match; when `items` can match
    without consuming one, what follows adds its own. None when some part is beyond
    this reckoning.
    """
    out: list = []
    for op, arg in items:
        if op is AT or op is ASSERT or op is ASSERT_NOT:
            continue  # zero-width: the first character comes after it
        if op is LITERAL:
            out.append((LITERAL, arg))
            return out, False
        if op is IN:
            if any(o is NEGATE for o, _ in arg):
                return None
            out.extend(arg)
            return out, False
        if op is BRANCH:
            nullable = False
            for branch in arg[1]:
                found = _first(list(branch))
                if found is None:
                    return None
                out.extend(found[0])
                nullable = nullable or found[1]
        elif op is SUBPATTERN:
            found = _first(list(arg[-1]))
            if found is None:
                return None
            out.extend(found[0])
            nullable = found[1]
        elif op in (MAX_REPEAT, MIN_REPEAT):
            found = _first(list(arg[2]))
            if found is None:
                return None
            out.extend(found[0])
            nullable = found[1] or arg[0] == 0
        else:
            return None  # any character, a negated one, a back-reference: give up
        if not nullable:
            return out, False
    return out, True
