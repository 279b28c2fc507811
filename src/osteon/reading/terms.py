"""Terms as users write them: normalisation, match keys, plurals and singulars.

Lookup must treat "IL‑1β", "IL-1beta" and "IL 1β" as one name, and
"NSAIDs" or "fractures of the femur" as plurals of listed names, without
curators listing every variant. These pure functions on strings decide when
two surface forms are the same; `Lexicon` (in `lexicon`) indexes by them and
`lexicon_schema` checks names for collisions with the same keys.

- Text is normalised first: Unicode NFKC, typographic dashes and the
  non-breaking hyphen to "-", typographic quotes to ASCII, invisible
  characters dropped, whitespace collapsed. Keys also fold hyphens into
  spaces and Greek letters into their names.
- Plurals: each name gets generated plurals of its head noun (the last
  word, and the word before a first "of"/"in"/... as in "fractures of the
  femur"), and each abbreviation ending in a capital letter gets an "s"
  ("NSAIDs"). Irregular plurals (mice, bacteria) are listed as synonyms.
  Lookup also tries simple singular forms of its input.
"""

from __future__ import annotations

import re
import unicodedata

from osteon.reading.records import Concept

# ---------------------------------------------------------------------------
# Normalisation


_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
_TRANSLATE = str.maketrans(
    {**{c: "-" for c in _DASHES},
     "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
     "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
     "\ufeff": None}
)
_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa"}
_WHITESPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Return `text` in NFKC with ASCII dashes and quotes and single spaces, trimmed."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return _WHITESPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower-case and collapse whitespace: how free text is compared with names."""
    return " ".join(text.lower().split())


def match_key(text: str, *, case_sensitive: bool) -> str:
    """The key two surface forms share when lookup should treat them as the same.

    On top of `normalize`: Greek letters are spelled out ("β" → "beta"),
    hyphens count as spaces, and case is folded unless `case_sensitive`.
    """
    text = normalize(text)
    for letter, spelled in _GREEK.items():
        text = text.replace(letter, spelled).replace(letter.upper(), spelled.upper())
    text = _WHITESPACE.sub(" ", text.replace("-", " ")).strip()
    return text if case_sensitive else text.casefold()


# ---------------------------------------------------------------------------
# A concept's own names

# Name, synonym, abbreviation, generated plural: the order in which lookup ranks hits.
NAME_RANK, SYNONYM_RANK, ABBREVIATION_RANK, GENERATED_RANK = range(4)


def explicit_forms(concept: Concept) -> list[tuple[str, bool, int]]:
    """(text, case_sensitive, rank) for every name the entry lists."""
    forms = [(concept.name, False, NAME_RANK)]
    forms += [(s, False, SYNONYM_RANK) for s in concept.synonyms]
    forms += [(a, True, ABBREVIATION_RANK) for a in concept.abbreviations]
    return forms


# ---------------------------------------------------------------------------
# Plurals


_PREPOSITIONS = frozenset(
    {"of", "in", "after", "around", "to", "with", "for", "on", "by", "from", "at", "due"}
)
# Adjectives, participles and Latin plurals: no regular English plural to make.
_NO_PLURAL_ENDINGS = ("ic", "ous", "ful", "ed", "en", "al", "ile", "ia", "ae", "ora", "i")
_LETTERS = re.compile(r"[A-Za-z]+\Z")
_ABBREVIATION_PLURAL = re.compile(r"[A-Za-z0-9-]*[A-Z]\Z")


def _heads(words: list[str]) -> list[int]:
    """Where the head noun may be: the last word, and the word before a first preposition.

    "fracture of the femur" pluralises "fracture"; "range of motion exercise"
    pluralises "exercise"; both readings are generated since a rule cannot tell.
    """
    heads = [len(words) - 1]
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in _PREPOSITIONS:
            if i - 1 not in heads:
                heads.append(i - 1)
            break
    return heads


def _pluralize_word(word: str) -> str | None:
    """English plural of one word, or None where no regular plural applies."""
    stem, _, last = word.rpartition("-")
    if len(last) < 3 or not _LETTERS.match(last):
        return None
    lower = last.lower()
    if lower.endswith("sis"):
        plural = last[:-2] + "es"
    elif lower.endswith("s") or lower.endswith(_NO_PLURAL_ENDINGS):
        return None
    elif lower.endswith("y") and lower[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif lower.endswith("um"):
        plural = last[:-2] + "a"
    elif lower.endswith("ix"):
        plural = last[:-2] + "ices"
    elif lower.endswith("lf"):
        plural = last[:-1] + "ves"
    elif lower.endswith(("ch", "sh", "x", "z")):
        plural = last + "es"
    else:
        plural = last + "s"
    return f"{stem}-{plural}" if stem else plural


def plurals_of(text: str, *, abbreviation: bool = False) -> list[str]:
    """The generated plurals of a surface form (often one, sometimes none or two).

    Abbreviations ending in a capital letter take a lower-case "s" ("NSAID" →
    "NSAIDs"); other forms pluralise their head noun ("x-ray" → "x-rays",
    "injury" → "injuries", "fracture of the femur" → "fractures of the femur").
    """
    if abbreviation:
        ok = _ABBREVIATION_PLURAL.match(text) and not text.endswith("S")
        return [text + "s"] if ok else []
    words = text.split(" ")
    out = []
    for head in _heads(words):
        plural = _pluralize_word(words[head])
        if plural is not None:
            out.append(" ".join([*words[:head], plural, *words[head + 1:]]))
    return out


def _singular_candidates(word: str) -> list[str]:
    """Possible singulars of one (already normalised) word; lookup keeps those that exist."""
    out: list[str] = []
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + ("Y" if word[-3:].isupper() else "y"))
    if lower.endswith("ses"):
        out.append(word[:-2] + ("IS" if word[-2:].isupper() else "is"))
    if lower.endswith("ices"):
        out.append(word[:-4] + "ix")
    if lower.endswith("ves"):
        out.append(word[:-3] + "f")
    if lower.endswith(("ses", "xes", "zes", "ches", "shes", "oes")):
        out.append(word[:-2])  # "boxes" → "box", but "rates" is not "rat"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        out.append(word[:-1])
    return out


def singulars_of(text: str) -> list[str]:
    """`text` with a possible head noun made singular, each way that may apply."""
    words = text.split(" ")
    out = []
    for head in _heads(words):
        stem, dash, last = words[head].rpartition("-")
        for candidate in _singular_candidates(last):
            word = f"{stem}{dash}{candidate}"
            out.append(" ".join([*words[:head], word, *words[head + 1:]]))
    return out
