"""Find page chrome: navigation, share buttons, bylines, repeated titles.

Chrome is marked, never cut out of the text: the document keeps its original
characters so offsets stay exact, and layout simply skips marked lines. What
counts as chrome lives in `data/corpus/rules/chrome.yaml`; this module interprets it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from osteon.corpus.rules import ChromeRules

_LEAD_TRAIL = re.compile(r"^[\s|•·▪◦‣*>#=\-–—]+|[\s|#=]+$")
_SENTENCE_PUNCT = ".!?;"


def normalise_line(text: str) -> str:
    """Fold a line for matching: no bullets, pipes or heading marks, lower case, single spaces."""
    return " ".join(_LEAD_TRAIL.sub("", text).split()).lower()


def mark_pattern_chrome(
    texts: Sequence[str], norms: Sequence[str], rules: ChromeRules
) -> tuple[dict[int, str], list[str]]:
    """Mark lines matching a chrome pattern or a byline; return marks and the authors found.

    `norms` are the lines already passed through `normalise_line`, computed once per
    document because every chrome rule looks at them.
    """
    marks: dict[int, str] = {}
    authors: list[str] = []
    linked: str | None = None  # a link's rule: the next line holding anything is its title
    for i, text in enumerate(texts):
        norm = norms[i]
        if not norm:
            continue
        if linked is not None:
            marks[i], linked = linked, None
            continue
        rule = next((r for r in rules.patterns if r.regex.match(norm)), None)
        if rule:
            marks[i] = rule.id
            linked = rule.id if rule.with_next else None
            continue
        trimmed = " ".join(text.split())
        byline = next((r.id for r in rules.bylines if r.regex.match(trimmed)), None)
        if byline:
            marks[i] = byline
            authors.append(trimmed)
    return marks, authors


def mark_repeated_title(
    texts: Sequence[str], norms: Sequence[str], title: str | None, title_index: int | None,
    marks: dict[int, str], rules: ChromeRules,
) -> None:
    """Mark later copies of the title, whole or cut off (scraped breadcrumbs)."""
    if not title:
        return
    want = normalise_line(title)
    for i, text in enumerate(texts):
        if i == title_index or i in marks:
            continue
        norm = norms[i]
        if not norm:
            continue
        if norm == want or (
            len(norm) >= rules.repeated_title.min_prefix_chars
            and want.startswith(norm)
            and text.lstrip().startswith("|")
        ):
            marks[i] = "repeated-title"


def mark_repeated_lines(
    norms: Sequence[str], marks: dict[int, str], rules: ChromeRules, keep: int | None
) -> None:
    """Mark short lines that recur often in one document (running headers, widgets)."""
    counts = Counter(n for i, n in enumerate(norms) if n and i not in marks)
    for i, norm in enumerate(norms):
        if (
            i != keep and i not in marks and norm
            and counts[norm] >= rules.repeated_line.min_count
            and len(norm.split()) <= rules.repeated_line.max_words
        ):
            marks[i] = "repeated-line"


def mark_sandwiched(texts: Sequence[str], marks: dict[int, str], rules: ChromeRules) -> None:
    """Mark short unpunctuated lines that sit between two chrome lines."""
    filled = [i for i, t in enumerate(texts) if t.strip()]
    asks = re.compile(rules.sandwich.asks, re.IGNORECASE)
    labels = re.compile(rules.sandwich.labels)

    def widget(j: int) -> bool:  # a label ("Q", "A") is chrome that frames content
        return j in marks and not labels.fullmatch(texts[j].strip())

    for pos, i in enumerate(filled):
        if i in marks or pos == 0 or pos == len(filled) - 1:
            continue
        before, after = filled[pos - 1], filled[pos + 1]
        text = texts[i].strip()
        if (
            widget(before) and widget(after)
            and len(text.split()) <= rules.sandwich.max_words
            and text[-1] not in _SENTENCE_PUNCT
            and not asks.match(text)
        ):
            marks[i] = "chrome-widget"
