"""The part of a quoted sentence that answers: one clause of a sentence giving two figures.

"The average lifetime risk for the bladder is 0.22% and the average lifetime risk for the
remaining organs is 1.25%": asked about the bladder, the short answer quotes the first
clause (and marks what it leaves out with an ellipsis), so it does not state the other
clause's figure as the answer. The whole sentence is still quoted among the evidence.

Cut only where it cannot change what is said: each clause gives a figure and has a verb
of its own (so "X (P = .011) and the absence of Y (P = .003) as predictors" is one clause,
not two); the chosen clause holds more of the question's words than every other; no word
ties the parts together ("between A and B") and no earlier clause holds a word that could
govern it (a negation, "may"); and it does not open with a word pointing back ("it",
"they"), so it reads alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from osteon.ask.ranking_rules import compiled, ranking_rules

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_FIGURE = re.compile(r"\d")
STEM = 5
"""Letters two words share at their start to count as one ("replacement", "replaced")."""


def answering_part(sentence: str, words: Iterable[str]) -> str:
    """The clause of `sentence` that holds most of the question's `words`, or the sentence.

    What is cut is marked "…", so the quote stays verbatim where it is a quote.
    """
    rules = ranking_rules().answer_clauses
    if compiled(rules.keep_whole).search(sentence):
        return sentence
    breaks = [m for m in compiled(rules.split).finditer(sentence)
              if not _inside_brackets(sentence, m.start())]
    if not breaks:
        return sentence
    starts = [0, *(m.end() for m in breaks)]
    ends = [*(m.start() for m in breaks), len(sentence)]
    clauses = [sentence[s:e].strip() for s, e in zip(starts, ends, strict=True)]
    says = compiled(rules.verb)
    if not all(_FIGURE.search(c) and says.search(c)
               and len(_WORD.findall(c.lower())) >= rules.min_words for c in clauses):
        return sentence
    asked = {w[:STEM] for w in words if len(w) > 2}
    shares = [len(asked & {w[:STEM] for w in _WORD.findall(c.lower())}) for c in clauses]
    best = max(range(len(shares)), key=shares.__getitem__)
    others = shares[:best] + shares[best + 1:]
    governing = compiled(rules.governs)
    if (shares[best] <= max(others)
            or any(governing.search(c) for c in clauses[:best])
            or compiled(rules.points_back).match(clauses[best])):
        return sentence
    return ("… " if best else "") + clauses[best] + (" …" if best < len(breaks) else "")


def _inside_brackets(text: str, at: int) -> bool:
    """Whether position `at` lies inside a bracket ("(Orzel 1985; Freed 1982)")."""
    depth = 0
    for char in text[:at]:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
    return depth > 0
