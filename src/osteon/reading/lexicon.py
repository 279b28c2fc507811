"""The lexicon: every concept osteon can name, with its names, hierarchy and codes.

The concepts live as data in `data/lexicon/*.yaml` (one file per concept type);
this module only validates and indexes them. A bad entry fails at load time
with the file and the entry named: unknown keys, duplicate ids, parents that
do not exist, cycles in the hierarchy, and a name claimed by two concepts
unless both list it under `ambiguous_forms`.

Matching rules (`Lexicon.lookup`):

- Names and synonyms match case-insensitively; abbreviations match exactly
  as written ("HO" is heterotopic ossification, "ho" is nothing).
- Text is normalised first: Unicode NFKC, typographic dashes and the
  non-breaking hyphen to "-", typographic quotes to ASCII, invisible
  characters dropped, whitespace collapsed. Keys also fold hyphens into
  spaces and Greek letters into their names, so "IL‑1β", "IL-1beta" and
  "IL 1β" meet.
- Plurals: each name gets generated plurals of its head noun (the last
  word, and the word before a first "of"/"in"/... as in "fractures of the
  femur"), and each abbreviation ending in a capital letter gets an "s"
  ("NSAIDs"). Irregular plurals (mice, bacteria) are listed as synonyms.
  Lookup also tries simple singular forms of its input. A generated form
  never shadows a name another concept lists explicitly.

The lexicon holds names and hierarchy only; relations between concepts
(what causes, treats or prevents what) are read from documents.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from osteon.datafiles import data_path, load_yaml, parse_model
from osteon.errors import DataFileError
from osteon.reading.records import Code, Concept, ConceptType

CodeSystem = Literal["ICD-10-CM", "SNOMED CT", "RxNorm", "LOINC", "MeSH"]

CONCEPT_TYPES: tuple[str, ...] = get_args(ConceptType)

#: FHIR `Coding.system` URIs accepted by `Lexicon.by_code` beside the short names.
SYSTEM_URIS: dict[str, CodeSystem] = {
    "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
    "http://snomed.info/sct": "SNOMED CT",
    "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
    "http://loinc.org": "LOINC",
    "http://id.nlm.nih.gov/mesh": "MeSH",
}

_ID = re.compile(r"[a-z][a-z0-9_]*\Z")

# Name, synonym, abbreviation, generated plural: the order in which lookup ranks hits.
_NAME, _SYNONYM, _ABBREVIATION, _GENERATED = range(4)


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
    if lower.endswith("es"):
        out.append(word[:-2])
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        out.append(word[:-1])
    return out


def _singulars(text: str) -> list[str]:
    """`text` with a possible head noun made singular, each way that may apply."""
    words = text.split(" ")
    out = []
    for head in _heads(words):
        stem, dash, last = words[head].rpartition("-")
        for candidate in _singular_candidates(last):
            word = f"{stem}{dash}{candidate}"
            out.append(" ".join([*words[:head], word, *words[head + 1:]]))
    return out


# ---------------------------------------------------------------------------
# The data file format


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clean(value: str) -> str:
    cleaned = normalize(value)
    if not cleaned:
        raise ValueError("must not be empty")
    return cleaned


class CodeEntry(_Strict):
    """One code in a terminology; `confirmed: false` where it was not checked at the source."""

    system: CodeSystem
    code: str = Field(min_length=1)
    display: str | None = None
    confirmed: bool = True

    @field_validator("code")
    @classmethod
    def _trimmed(cls, value: str) -> str:
        if value != value.strip():
            raise ValueError("must not have surrounding spaces")
        return value


class ConceptEntry(_Strict):
    """One entry of a lexicon file, as curators write it."""

    id: str
    name: str
    type: ConceptType
    synonyms: list[str] = []
    abbreviations: list[str] = []
    parents: list[str] = []
    codes: list[CodeEntry] = []
    description: str | None = None
    ambiguous_forms: list[str] = []
    """Surface forms this concept knowingly shares with another concept (e.g. "PAO")."""

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("must be lower_snake_case: a-z, 0-9 and _, starting with a letter")
        return value

    @field_validator("parents")
    @classmethod
    def _parents_shape(cls, values: list[str]) -> list[str]:
        for value in values:
            cls._id_shape(value)
        return values

    @field_validator("name")
    @classmethod
    def _name_clean(cls, value: str) -> str:
        return _clean(value)

    @field_validator("synonyms", "abbreviations", "ambiguous_forms")
    @classmethod
    def _forms_clean(cls, values: list[str]) -> list[str]:
        return [_clean(v) for v in values]

    def to_concept(self) -> Concept:
        """The immutable record the rest of osteon works with."""
        return Concept(
            id=self.id, name=self.name, type=self.type, synonyms=tuple(self.synonyms),
            abbreviations=tuple(self.abbreviations), parents=tuple(self.parents),
            codes=tuple(Code(c.system, c.code, c.display, c.confirmed) for c in self.codes),
            description=self.description,
        )


class LexiconFile(RootModel[list[Any]]):
    """A lexicon file is a YAML list of entries (validated one by one)."""


# ---------------------------------------------------------------------------
# Surface forms and the Lexicon


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """One string that names a concept, for building a phrase matcher.

    `case_sensitive` forms (abbreviations) must match exactly as written;
    the others match in any case. `generated` marks plurals made by rule.
    """

    text: str
    concept_id: str
    case_sensitive: bool
    generated: bool = False


def _explicit_forms(concept: Concept) -> list[tuple[str, bool, int]]:
    """(text, case_sensitive, rank) for every name the entry lists."""
    forms = [(concept.name, False, _NAME)]
    forms += [(s, False, _SYNONYM) for s in concept.synonyms]
    forms += [(a, True, _ABBREVIATION) for a in concept.abbreviations]
    return forms


def _collision_keys(text: str, case_sensitive: bool) -> tuple[str, str]:
    """(exact key, folded key): a case-sensitive form meets a case-insensitive one when folded."""
    key = match_key(text, case_sensitive=case_sensitive)
    return key, key.casefold()


class Lexicon:
    """Validated concepts with lookup by name, hierarchy queries and code mapping.

    Build one with `load_lexicon()` (the packaged data) or `build_lexicon()`
    (in-memory data, for tests and user lexicons).
    """

    def __init__(self, concepts: Mapping[str, Concept]) -> None:
        self.concepts: dict[str, Concept] = dict(concepts)
        self._children: dict[str, set[str]] = {cid: set() for cid in self.concepts}
        for concept in self.concepts.values():
            for parent in concept.parents:
                self._children[parent].add(concept.id)
        self._forms: dict[tuple[str, str, bool], SurfaceForm] = {}
        self._exact: dict[str, dict[str, int]] = {}
        self._folded: dict[str, dict[str, int]] = {}
        self._codes: dict[tuple[str, str], str] = {}
        self._index_forms()
        for concept in self.concepts.values():
            for code in concept.codes:
                self._codes[(code.system, code.code.upper())] = concept.id

    # -- indexing -----------------------------------------------------------

    def _add(self, text: str, concept_id: str, case_sensitive: bool, rank: int) -> None:
        index = self._exact if case_sensitive else self._folded
        hits = index.setdefault(match_key(text, case_sensitive=case_sensitive), {})
        hits[concept_id] = min(rank, hits.get(concept_id, rank))
        self._forms.setdefault(
            (text, concept_id, case_sensitive),
            SurfaceForm(text, concept_id, case_sensitive, generated=rank == _GENERATED))

    def _index_forms(self) -> None:
        for concept in self.concepts.values():
            for text, case_sensitive, rank in _explicit_forms(concept):
                self._add(text, concept.id, case_sensitive, rank)
        # Which concepts own each key through an explicit name, before plurals join in.
        owners: dict[str, set[str]] = {}
        for index in (self._exact, self._folded):
            for key, hits in index.items():
                owners.setdefault(key.casefold(), set()).update(hits)
        for concept in self.concepts.values():
            for text, case_sensitive, rank in _explicit_forms(concept):
                for plural in plurals_of(text, abbreviation=rank == _ABBREVIATION):
                    fold = match_key(plural, case_sensitive=False)
                    if owners.get(fold, set()) - {concept.id}:
                        continue  # another concept's explicit name wins over a generated plural
                    self._add(plural, concept.id, case_sensitive, _GENERATED)

    # -- mapping protocol -----------------------------------------------------

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def __len__(self) -> int:
        return len(self.concepts)

    def __repr__(self) -> str:
        return f"<Lexicon of {len(self)} concepts>"

    def get(self, concept_id: str) -> Concept:
        """The concept with this id; KeyError naming close ids when there is none."""
        try:
            return self.concepts[concept_id]
        except KeyError:
            close = difflib.get_close_matches(concept_id, list(self.concepts), n=3, cutoff=0.8)
            by_name = self.concept_id_for(concept_id.replace("_", " "))
            if by_name and by_name not in close:
                close.insert(0, by_name)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise KeyError(f"no concept with id {concept_id!r} in the lexicon{hint}") from None

    def by_type(self, concept_type: ConceptType) -> list[Concept]:
        """Every concept of one type, in id order."""
        return sorted((c for c in self.concepts.values() if c.type == concept_type),
                      key=lambda c: c.id)

    # -- names ---------------------------------------------------------------

    def surface_forms(self) -> list[SurfaceForm]:
        """Every name, synonym, abbreviation and generated plural, one per (text, concept)."""
        return list(self._forms.values())

    def _hits(self, term: str) -> dict[str, int]:
        found: dict[str, int] = {}
        for key, index in ((match_key(term, case_sensitive=True), self._exact),
                           (match_key(term, case_sensitive=False), self._folded)):
            for cid, rank in index.get(key, {}).items():
                found[cid] = min(rank, found.get(cid, rank))
        return found

    def _ranked(self, term: str) -> list[tuple[int, str]]:
        text = normalize(term)
        if not text:
            return []
        found = self._hits(text)
        if not found:
            for singular in _singulars(text):
                for cid in self._hits(singular):
                    found.setdefault(cid, _GENERATED)
        return sorted((rank, cid) for cid, rank in found.items())

    def lookup(self, term: str) -> list[Concept]:
        """Concepts one of whose surface forms is exactly `term` after normalisation.

        Best first: a match on the preferred name, then a synonym, then an
        abbreviation, then a plural. [] when the term names nothing.
        """
        return [self.concepts[cid] for _, cid in self._ranked(term)]

    def concept_id_for(self, term: str) -> str | None:
        """The one concept `term` names, or None when it names none or several equally."""
        ranked = self._ranked(term)
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        return ranked[0][1]

    # -- hierarchy -------------------------------------------------------------

    def ancestors(self, concept_id: str) -> set[str]:
        """Every concept above `concept_id` through its parents, transitively."""
        return self._closure(concept_id, lambda cid: self.concepts[cid].parents)

    def descendants(self, concept_id: str) -> set[str]:
        """Every concept below `concept_id`, transitively."""
        return self._closure(concept_id, lambda cid: self._children[cid])

    def _closure(self, concept_id: str, step: Any) -> set[str]:
        self.get(concept_id)
        seen: set[str] = set()
        todo = list(step(concept_id))
        while todo:
            cid = todo.pop()
            if cid not in seen:
                seen.add(cid)
                todo.extend(step(cid))
        return seen

    def is_a(self, child: str, parent: str) -> bool:
        """True when `child` is `parent` or lies below it (indomethacin is_a nsaid)."""
        self.get(parent)
        return child == parent or parent in self.ancestors(child)

    # -- codes -----------------------------------------------------------------

    def by_code(self, system: str, code: str, *, confirmed_only: bool = False) -> Concept | None:
        """The concept a terminology code stands for, or None.

        `system` is a short name ("ICD-10-CM", "SNOMED CT", "RxNorm",
        "LOINC", "MeSH") or its FHIR URI. An ICD-10-CM code the lexicon does
        not list falls back to its nearest listed parent ("S14.109A" →
        "S14.1"). `confirmed_only` ignores codes not checked at their source.
        """
        name = _system_name(system)
        if name is None:
            return None
        code = code.strip().upper()
        candidates = [code]
        if name == "ICD-10-CM":
            while len(code) > 3:
                code = code[:-1].rstrip(".")
                candidates.append(code)
        for candidate in candidates:
            cid = self._codes.get((name, candidate))
            if cid is None:
                continue
            concept = self.concepts[cid]
            if confirmed_only and not any(
                    c.confirmed for c in concept.codes
                    if c.system == name and c.code.upper() == candidate):
                return None
            return concept
        return None


def _system_name(system: str) -> CodeSystem | None:
    if system in SYSTEM_URIS:
        return SYSTEM_URIS[system]
    folded = system.strip().casefold().replace("-", " ").replace("_", " ")
    for name in get_args(CodeSystem):
        if folded == name.casefold().replace("-", " "):
            return name
    return None


# ---------------------------------------------------------------------------
# Loading and validation


def parse_lexicon_file(raw: Any, name: str) -> list[ConceptEntry]:
    """Validate one parsed lexicon file; DataFileError names `name` and the bad entry."""
    items = parse_model(LexiconFile, [] if raw is None else raw, name).root
    expected = _expected_type(name)
    entries = []
    for i, item in enumerate(items):
        label = f"entry {i}"
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            label += f" ({item['id']})"
        try:
            entry = parse_model(ConceptEntry, item, name)
        except DataFileError as exc:
            where = label if exc.entry == "top level" else f"{label}: {exc.entry}"
            raise DataFileError(name, where, exc.reason) from exc
        if expected and entry.type != expected:
            raise DataFileError(
                name, label, f"type {entry.type!r} in a file of {expected} concepts")
        entries.append(entry)
    return entries


def _expected_type(name: str) -> str | None:
    """The concept type a file's name promises ("drugs.yaml" → "drug"), if any."""
    stem = name.rsplit("/", 1)[-1].split(".", 1)[0]
    for concept_type in CONCEPT_TYPES:
        if stem in (concept_type, concept_type + "s", concept_type + "es"):
            return concept_type
    return None


def build_lexicon(files: Mapping[str, Any]) -> Lexicon:
    """Validate parsed lexicon files (name → YAML data) together and index them.

    Checks each entry's shape, then across files: unique ids, known parents,
    no cycles, unique codes, and no surface form claimed by two concepts
    unless both list it under `ambiguous_forms`.
    """
    entries: dict[str, ConceptEntry] = {}
    home: dict[str, str] = {}
    for name, raw in files.items():
        for entry in parse_lexicon_file(raw, name):
            if entry.id in entries:
                raise DataFileError(
                    name, entry.id, f"duplicate id; already defined in {home[entry.id]}")
            entries[entry.id] = entry
            home[entry.id] = name
    for cid, entry in entries.items():
        for parent in entry.parents:
            if parent == cid:
                raise DataFileError(home[cid], cid, "lists itself as a parent")
            if parent not in entries:
                raise DataFileError(home[cid], cid, f"parent {parent!r} is not a concept id")
    _check_cycles(entries, home)
    _check_codes(entries, home)
    _check_forms(entries, home)
    return Lexicon({cid: entry.to_concept() for cid, entry in entries.items()})


def _check_cycles(entries: Mapping[str, ConceptEntry], home: Mapping[str, str]) -> None:
    """Depth-first search over parents; a parent met again on the current path closes a cycle."""
    done: set[str] = set()
    for start in entries:
        if start in done:
            continue
        path = [start]
        stack = [iter(entries[start].parents)]
        while stack:
            parent = next(stack[-1], None)
            if parent is None:
                stack.pop()
                done.add(path.pop())
            elif parent in path:
                cycle = [*path[path.index(parent):], parent]
                raise DataFileError(
                    home[parent], parent, "cycle in parents: " + " -> ".join(cycle))
            elif parent not in done:
                path.append(parent)
                stack.append(iter(entries[parent].parents))


def _check_codes(entries: Mapping[str, ConceptEntry], home: Mapping[str, str]) -> None:
    owner: dict[tuple[str, str], str] = {}
    for cid, entry in entries.items():
        for code in entry.codes:
            key = (code.system, code.code.upper())
            if key in owner and owner[key] != cid:
                raise DataFileError(
                    home[cid], cid, f"{code.system} {code.code} already names {owner[key]!r}")
            owner[key] = cid


def _check_forms(entries: Mapping[str, ConceptEntry], home: Mapping[str, str]) -> None:
    exact: dict[str, set[str]] = {}
    folded: dict[str, set[str]] = {}
    sensitive: dict[str, set[str]] = {}  # folded key of case-sensitive forms → owners
    own_keys: dict[str, set[str]] = {}
    for cid, entry in entries.items():
        keys = own_keys.setdefault(cid, set())
        for text, case_sensitive, _ in _explicit_forms(entry.to_concept()):
            key, fold = _collision_keys(text, case_sensitive)
            keys.add(fold)
            if case_sensitive:
                rivals = exact.get(key, set()) | folded.get(fold, set())
                exact.setdefault(key, set()).add(cid)
                sensitive.setdefault(fold, set()).add(cid)
            else:
                rivals = folded.get(fold, set()) | sensitive.get(fold, set())
                folded.setdefault(fold, set()).add(cid)
            for rival in sorted(rivals - {cid}):
                if not (_allows(entry, fold) and _allows(entries[rival], fold)):
                    raise DataFileError(
                        home[cid], cid,
                        f"surface form {text!r} is also a name of {rival!r} ({home[rival]}); "
                        "list it under ambiguous_forms in both entries if that is intended")
    for cid, entry in entries.items():
        for form in entry.ambiguous_forms:
            fold = match_key(form, case_sensitive=False)
            if fold not in own_keys[cid]:
                raise DataFileError(
                    home[cid], cid, f"ambiguous_forms lists {form!r}, which is not one of its names"
                )
            others = {o for o, keys in own_keys.items() if fold in keys} - {cid}
            if not others:
                raise DataFileError(
                    home[cid], cid,
                    f"ambiguous_forms lists {form!r}, but no other concept uses it")


def _allows(entry: ConceptEntry, fold: str) -> bool:
    return any(match_key(f, case_sensitive=False) == fold for f in entry.ambiguous_forms)


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon (every `data/lexicon/*.yaml`), validated and loaded once."""
    folder = data_path("lexicon")
    names = sorted(node.name for node in folder.iterdir() if node.name.endswith(".yaml"))
    if not names:
        raise DataFileError("data/lexicon", "files", "no lexicon files in the package")
    return build_lexicon({f"data/lexicon/{n}": load_yaml("lexicon", n) for n in names})
