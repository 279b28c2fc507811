"""A medicine named by its international name as another language writes it.

Records in Serbian, Russian, Lithuanian or Polish give the medicine's international
name in their own letters and endings: "Аулин (нимесулид) 100 mg кесица",
"Dolmen (deksketoprofenas) 25 mg tabletės". Brought to one form (data/assess/
drug_names.yaml: Cyrillic and Greek letters in Latin, spellings made one, the ending cut),
such a word equals the form of the lexicon's drug name: nimesulide, dexketoprofen. The
lexicon stays in English; every language that writes INNs is read the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from pydantic import field_validator

from osteon.datafiles import Strict, load_model
from osteon.reading.lexicon import Lexicon
from osteon.reading.terms import explicit_forms

DRUG_TYPES = frozenset({"drug"})


class DrugNameRules(Strict):
    """data/assess/drug_names.yaml."""

    min_length: int
    transliteration: dict[str, str]
    respellings: list[tuple[str, str]]
    endings: list[str]

    @field_validator("endings")
    @classmethod
    def _longest_first(cls, value: list[str]) -> list[str]:
        """The longest ending that fits is cut: tried in that order, sorted once."""
        return sorted(value, key=len, reverse=True)


@cache
def drug_name_rules() -> DrugNameRules:
    return load_model(DrugNameRules, "assess", "drug_names.yaml")


LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
"""A run of letters in any script: the words compared."""


@lru_cache(maxsize=8192)
def spelling_form(word: str) -> str:
    """The word in Latin letters, accents dropped, spellings made one, doubled letters single.

    "Артропластика" and "arthroplastie" both begin "artroplast"; "Hüft" is "uft". Remembered:
    a record's notes and a lexicon's names repeat the same words.
    """
    rules = drug_name_rules()
    latin = "".join(rules.transliteration.get(ch, ch) for ch in word.casefold())
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", latin)
                    if not unicodedata.combining(ch))
    for spelled, one in rules.respellings:
        plain = plain.replace(spelled, one)
    return re.sub(r"(.)\1+", r"\1", plain)


def international_form(word: str) -> str:
    """The one form every language's spelling of an INN is brought to.

    "" where the word is too short to compare.
    """
    rules = drug_name_rules()
    plain = spelling_form(word)
    for ending in rules.endings:
        if plain.endswith(ending) and len(plain) - len(ending) >= rules.min_length:
            plain = plain[:-len(ending)]
            break
    return plain if len(plain) >= rules.min_length else ""


@lru_cache(maxsize=4)
def _forms(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Each one-word drug name's international form → the drugs so named."""
    found: dict[str, set[str]] = {}
    for concept in lexicon.concepts.values():
        if concept.type not in DRUG_TYPES:
            continue
        for text, _case_sensitive, _ in explicit_forms(concept):
            if LETTERS.fullmatch(text) and (form := international_form(text)):
                found.setdefault(form, set()).add(concept.id)
    return {form: frozenset(ids) for form, ids in found.items()}


def drug_named(text: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """(the drug, the word naming it) where exactly one drug's name is in the text, or None."""
    forms = _forms(lexicon)
    hits = {(concept, word) for word in LETTERS.findall(text)
            for concept in forms.get(international_form(word), ())}
    if len({concept for concept, _ in hits}) != 1:
        return None
    return min(hits)
