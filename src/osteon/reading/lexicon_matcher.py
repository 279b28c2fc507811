"""A faster stand-in for medspaCy's TargetMatcher, for the lexicon's target rules.

medspaCy's TargetMatcher puts every rule with a token pattern on one spaCy
`Matcher`, which tries each of its patterns at every token, and then adds its
entities to `doc.ents` one at a time (each addition rebuilds the entity
annotation). With the lexicon's case-sensitive abbreviations written as token
patterns, that stage was about a quarter of reading time.

`LexiconMatcher` finds the same entities with less work:

- rules without a pattern go on a `PhraseMatcher` on LOWER, built exactly as
  medspaCy builds its own (same lowered phrase, same match key), so even the
  order of matches on one span is the same;
- rules whose pattern is one exact token text per token (how
  `pipeline.lexicon_target_rules` writes abbreviations) go on a `PhraseMatcher`
  on ORTH, which looks phrases up instead of trying each pattern;
- any other token pattern stays on a spaCy `Matcher`, as in medspaCy.

The matches are then resolved as medspaCy resolves them: token-pattern
matches first, in rule order on equal spans (the order spaCy's `Matcher`
reports fixed-length patterns in), then phrase matches; pruned step for step
as medspaCy's longest-match function prunes them (`prune_longest`); and
written to `doc.ents` once. The entities are the TargetMatcher's, span for
span and label for label (`tests/reading/test_lexicon_matcher.py` holds it to
that). Left out: `span._.target_rule`, which nothing in osteon reads.
"""

# No `from __future__ import annotations`: spaCy resolves the factory's hints at runtime.
from collections.abc import Iterable

from medspacy.target_matcher import TargetRule
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

Match = tuple[int, int, int]
"""A spaCy match: (match key, start token, end token)."""

_EXACT_TEXT_KEYS = frozenset({"TEXT", "ORTH"})


class LexiconMatcher:
    """Marks lexicon target rules as `doc.ents`, as medspaCy's TargetMatcher would."""

    def __init__(self, nlp: Language) -> None:
        self._tokenizer = nlp.tokenizer
        self._vocab = nlp.vocab
        self._strings = nlp.vocab.strings
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._patterns = Matcher(nlp.vocab)
        self._has_patterns = False
        self._label: dict[int, str] = {}
        """Match key -> the rule's category (the entity label)."""
        self._order: dict[int, int] = {}
        """Match key -> the rule's position: breaks ties between token-pattern matches."""
        self._count = 0

    def add(self, rules: Iterable[TargetRule]) -> None:
        """Add target rules: phrase rules, and token-pattern rules (regex rules are refused)."""
        for rule in rules:
            if rule.on_match is not None or getattr(rule, "attributes", None):
                raise ValueError(f"rule {rule.literal!r}: callbacks and attributes are "
                                 "not supported; use medspaCy's TargetMatcher")
            # medspaCy's key for the rule: equal keys keep equal match order.
            key = f"{rule.category}_{self._count}"
            key_hash = self._strings.add(key)
            self._label[key_hash] = rule.category
            self._order[key_hash] = self._count
            self._count += 1
            if rule.pattern is None:
                self._lower.add(key, [self._tokenizer(rule.literal.lower())])
            elif isinstance(rule.pattern, list):
                words = _exact_words(rule.pattern)
                if words is not None:
                    self._exact.add(key, [Doc(self._vocab, words=words)])
                else:
                    self._patterns.add(key, [rule.pattern])
                    self._has_patterns = True
            else:
                raise ValueError(f"rule {rule.literal!r}: regex patterns are not supported; "
                                 "use medspaCy's TargetMatcher")

    def matches(self, doc: Doc) -> list[Match]:
        """The pruned matches, in the order medspaCy's TargetMatcher would keep them."""
        token_matches = self._exact(doc)
        if self._has_patterns:
            token_matches += self._patterns(doc)
        if len(token_matches) > 1:
            order = self._order
            token_matches.sort(key=lambda m: (m[1], m[2], order[m[0]]))
        return prune_longest(_without_denied_kinds(doc, token_matches + self._lower(doc)))

    def __call__(self, doc: Doc) -> Doc:
        found = self.matches(doc)
        if found:
            label = self._label
            doc.ents = [Span(doc, start, end, label=label[key]) for key, start, end in found]
        return doc


def _without_denied_kinds(doc: Doc, found: list[Match]) -> list[Match]:
    """The matches, less a kind that "non-" denies where a shorter match inside names the rest.

    "non-genetic heterotopic ossification" is no genetic HO: the match of "genetic
    heterotopic ossification" is dropped and "heterotopic ossification" names what is meant
    (a "non-operative treatment" likewise). A match with nothing inside it stays, for ConText
    to deny ("non-tender" is tenderness absent).
    """
    denied = {m for m in found if _after_non(doc, m[1])}
    if not denied:
        return found
    return [m for m in found if m not in denied or not any(
        other[1] > m[1] and other[2] <= m[2] for other in found)]


def _after_non(doc: Doc, start: int) -> bool:
    """Does the match open after "non-", written joined to it?"""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "non" \
        and doc[start - 1].idx == doc[start - 2].idx + 3


def _exact_words(pattern: list[dict[str, object]]) -> list[str] | None:
    """The token texts of a pattern that asks for one exact text per token, else None."""
    words = []
    for spec in pattern:
        if len(spec) != 1:
            return None
        attr, value = next(iter(spec.items()))
        if attr.upper() not in _EXACT_TEXT_KEYS or not isinstance(value, str):
            return None
        words.append(value)
    return words or None


def prune_longest(matches: list[Match]) -> list[Match]:
    """The matches medspaCy's `prune_overlapping_matches` keeps, found step for step.

    medspaCy sorts the matches by (start, end), walks them in pairs keeping the longer
    of two that overlap (the earlier one on a tie, as `max` does) and starts again
    until a walk drops nothing. Its result depends on exactly that procedure, so it is
    copied rather than replaced by a "cleaner" longest-match rule; this version only
    avoids `list.pop(0)`, key lambdas and recursion (the tests compare the two).
    """
    while matches:
        ordered = sorted(matches, key=_span)
        count = len(ordered)
        kept: list[Match] = []
        current = ordered[0]
        i = 1
        while True:
            if i == count:
                kept.append(current)
                break
            following = ordered[i]
            i += 1
            if following[1] < current[2]:  # sorted by start: they overlap
                longer = (following if following[2] - following[1] > current[2] - current[1]
                          else current)
                kept.append(longer)
                if i == count:
                    break
                current = ordered[i]
                i += 1
            else:
                kept.append(current)
                current = following
        if len(kept) == len(matches):
            return kept
        matches = kept
    return matches


def _span(match: Match) -> tuple[int, int]:
    return match[1], match[2]


@Language.factory("osteon_lexicon_matcher")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    """An empty matcher; add rules with `.add(lexicon_target_rules(...))`."""
    return LexiconMatcher(nlp)
