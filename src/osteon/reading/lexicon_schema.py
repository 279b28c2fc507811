"""The lexicon's data file format: entry models, and the checks across files.

Curators write concepts in `data/lexicon/*.yaml` (one file per concept
type). A bad entry fails at load time with the file and the entry named:
unknown keys, duplicate ids, parents that do not exist, cycles in the
hierarchy, a code claimed by two concepts, and a name claimed by two
concepts unless both list it under `ambiguous_forms`. What passes becomes
immutable `Concept` records for `Lexicon` to index.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal, get_args

from pydantic import Field, RootModel, field_validator

from osteon.datafile_errors import line_in
from osteon.datafiles import Strict, parse_model
from osteon.errors import DataFileError
from osteon.reading.records import Code, Concept, ConceptType
from osteon.reading.terms import explicit_forms, match_key, normalize

CodeSystem = Literal["ICD-10-CM", "SNOMED CT", "RxNorm", "LOINC", "MeSH"]

CONCEPT_TYPES: tuple[str, ...] = get_args(ConceptType)

_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


# ---------------------------------------------------------------------------
# Entry models


def _clean(value: str) -> str:
    cleaned = normalize(value)
    if not cleaned:
        raise ValueError("must not be empty")
    return cleaned


class CodeEntry(Strict):
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


class ConceptEntry(Strict):
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
# Parsing and checks


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
            entry = parse_model(ConceptEntry, item, name, at=(i,))
        except DataFileError as exc:
            where = label if exc.entry == "top level" else f"{label}: {exc.entry}"
            raise DataFileError(name, where, exc.reason, line=exc.line) from exc
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


def validated_concepts(files: Mapping[str, Any]) -> dict[str, Concept]:
    """Validate parsed lexicon files (name → YAML data) together; their concepts by id.

    Checks each entry's shape, then across files: unique ids, known parents,
    no cycles, unique codes, and no surface form claimed by two concepts
    unless both list it under `ambiguous_forms`.
    """
    entries: dict[str, ConceptEntry] = {}
    home: dict[str, str] = {}
    place: dict[str, tuple[int, Any]] = {}
    for name, raw in files.items():
        for i, entry in enumerate(parse_lexicon_file(raw, name)):
            if entry.id in entries:
                raise DataFileError(
                    name, entry.id, f"duplicate id; already defined in {home[entry.id]}",
                    line=line_in(name, (i,), raw[i], ("id",)))
            entries[entry.id] = entry
            home[entry.id] = name
            place[entry.id] = (i, raw[i])
    try:
        for cid, entry in entries.items():
            for parent in entry.parents:
                if parent == cid:
                    raise DataFileError(home[cid], cid, "lists itself as a parent")
                if parent not in entries:
                    raise DataFileError(home[cid], cid, f"parent {parent!r} is not a concept id")
        _check_cycles(entries, home)
        _check_codes(entries, home)
        _check_forms(entries, home)
    except DataFileError as exc:
        if exc.entry not in place or exc.line is not None:
            raise
        index, raw_entry = place[exc.entry]
        raise DataFileError(exc.path, exc.entry, exc.reason,
                            line=line_in(exc.path, (index,), raw_entry)) from exc
    return {cid: entry.to_concept() for cid, entry in entries.items()}


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
        for text, case_sensitive, _ in explicit_forms(entry.to_concept()):
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


def _collision_keys(text: str, case_sensitive: bool) -> tuple[str, str]:
    """(exact key, folded key): a case-sensitive form meets a case-insensitive one when folded."""
    key = match_key(text, case_sensitive=case_sensitive)
    return key, key.casefold()
