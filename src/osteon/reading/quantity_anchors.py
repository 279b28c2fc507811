"""The anchor of a time window: the noun phrase after "after", "of", "than".

"within 24-48 hours of surgery" is anchored to "surgery", "3 weeks after an
injury or surgery" to "an injury or surgery", but "after injury the risk
rises" only to "injury". The phrase is read word by word up to punctuation,
a stop word or a word limit (`anchor` in `data/reading/quantities.yaml`), with
"or"/"and" joining short chunks and a determiner starting a new phrase. A
link word after an event word (`links`: "2-6 weeks after diagnosis using the
triple phase bone scan") carries the phrase on to the means, so the anchor names
the test; the link word and the determiner after it do not count to the limit.
"""

from __future__ import annotations

import re

from osteon.reading.quantity_rules import AnchorRules


class AnchorPhrases:
    """The anchor rules compiled into word sets, and the reading of one anchor phrase."""

    def __init__(self, rules: AnchorRules) -> None:
        self.rules = rules
        self.stop = frozenset(w.lower() for w in rules.stop_words)
        self.joiners = frozenset(w.lower() for w in rules.joiners)
        self.determiners = frozenset(w.lower() for w in rules.determiners)
        self.trim = frozenset(w.lower() for w in rules.trim)
        self.link_heads = frozenset(w.lower() for w in rules.links.heads)
        self.link_words = frozenset(w.lower() for w in rules.links.words)
        self.token_rx = re.compile(r"[ \t]+([^\W_][\w'’]*(?:[-/.][^\W_][\w'’]*)*\.?)")

    def span_at(self, lower: str, pos: int) -> tuple[int, int] | None:
        """The noun phrase at `pos`: words up to punctuation, a stop word or the word limit."""
        rules = self.rules
        tokens: list[tuple[int, int, str]] = []
        cut = False
        while (m := self.token_rx.match(lower, pos)) is not None:
            if len(tokens) > rules.max_words + rules.max_joined_words + 1:
                cut = True
                break
            word = m.group(1)
            if word.endswith(".") and word.count(".") == 1:  # a full stop, not "e.g."
                tokens.append((m.start(1), m.end(1) - 1, word[:-1]))
                break
            tokens.append((m.start(1), m.end(1), word))
            pos = m.end()
        kept: list[tuple[int, int, str]] = []
        uncounted = 0  # a link word and the determiner after it
        k = 0
        while k < len(tokens):
            word = tokens[k][2]
            if (kept and kept[-1][2] in self.link_heads and word in self.link_words
                    and k + 1 < len(tokens)):
                kept.append(tokens[k])
                uncounted += 1 + (tokens[k + 1][2] in self.determiners)
                if tokens[k + 1][2] in self.determiners:
                    kept.append(tokens[k + 1])
                    k += 1
                k += 1
                continue
            if word in self.stop:
                break
            if word in self.joiners:  # "an injury or surgery", not "injury and the patients"
                j = k + 1
                while j < len(tokens) and tokens[j][2] not in self.stop | self.joiners:
                    j += 1
                chunk = tokens[k + 1:j]
                if (not kept or not chunk or len(chunk) > rules.max_joined_words
                        or chunk[0][2] in self.determiners or (j == len(tokens) and cut)
                        or len(kept) + len(chunk) > rules.max_words):
                    break
                kept.extend(tokens[k:j])
                k = j
                continue
            if sum(1 for t in kept if t[2] not in self.joiners) - uncounted >= rules.max_words:
                break
            if kept and word in self.determiners and kept[-1][2] not in self.trim:
                break  # "after injury the risk rises": a new noun phrase begins
            kept.append(tokens[k])
            k += 1
        while kept and (kept[-1][2] in self.trim or kept[-1][2] in self.joiners
                        or kept[-1][2] in self.link_words):
            kept.pop()
        return (kept[0][0], kept[-1][1]) if kept else None
