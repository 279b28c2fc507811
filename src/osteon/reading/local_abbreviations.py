"""Abbreviations a document defines for itself outrank the lexicon's.

"In general, HO is classified into two types: acquired HO (AHO) and genetic HO (GHO)": in
that review "AHO" is acquired HO, though the lexicon knows AHO as Albright hereditary
osteodystrophy, and "AHO constitutes a complication of severe burns" read with the
lexicon's meaning said burns cause a genetic disorder. A definition "long form (ABBR)"
whose long form names another concept (its last mention, the head of the phrase) gives
ABBR that concept for the whole document; one whose long form names nothing the lexicon
knows leaves ABBR no concept there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from osteon.reading.lexicon import Lexicon
from osteon.reading.pipeline import SentenceAnalysis

DEFINED = re.compile(r"(?P<long>[\w'-]+(?:[ -][\w'-]+){0,5})\s*\((?P<short>[A-Z][A-Za-z]{1,7})\)")
"""A long form of up to six words and its abbreviation in brackets: "acquired HO (AHO)"."""

UNKNOWN = ""
"""The meaning of an abbreviation whose long form names no concept: none."""


def local_meanings(texts: Sequence[str], analyses: Sequence[SentenceAnalysis],
                   lexicon: Lexicon) -> dict[str, str]:
    """Each abbreviation the document defines against the lexicon → the concept it means.

    Only abbreviations the lexicon gives another concept are listed (an agreeing definition,
    "heterotopic ossification (HO)", changes nothing); the first definition holds.
    """
    meanings: dict[str, str] = {}
    for text, analysis in zip(texts, analyses, strict=True):
        for found in DEFINED.finditer(text):
            short = found.group("short")
            if short in meanings:
                continue
            known = {c.id for c in lexicon.lookup(short)}
            if not known:
                continue
            inside = [m for m in analysis.mentions
                      if m.start >= found.start("long") and m.end <= found.end("long")]
            head = max(inside, key=lambda m: m.end).concept_id if inside else UNKNOWN
            if head and any(head == k or lexicon.is_a(head, k) or lexicon.is_a(k, head)
                            for k in known):
                continue  # the long form is the lexicon's own meaning (or a kind of it)
            if not head and any(_names(lexicon, k, found.group("long")) for k in known):
                continue
            meanings[short] = head
    return meanings


def _names(lexicon: Lexicon, concept: str, long_form: str) -> bool:
    """Whether the long form is one of the concept's own names (a spelling the matcher missed)."""
    entry = lexicon.get(concept)
    said = long_form.casefold()
    return any(name.casefold() in said for name in (entry.name, *entry.synonyms))


def with_local_meanings(analyses: Sequence[SentenceAnalysis], meanings: dict[str, str]
                        ) -> list[SentenceAnalysis]:
    """The analyses with each mention of a locally defined abbreviation given its meaning."""
    if not meanings:
        return list(analyses)
    out = []
    for analysis in analyses:
        mentions = []
        changed = False
        for mention in analysis.mentions:
            meaning = meanings.get(mention.text)
            if meaning is None:
                mentions.append(mention)
                continue
            changed = True
            if meaning:
                mentions.append(replace(mention, concept_id=meaning))
        out.append(replace(analysis, mentions=tuple(mentions)) if changed else analysis)
    return out
