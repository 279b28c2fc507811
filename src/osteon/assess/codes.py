"""Code tables for the systems EHRs use: SNOMED CT, ICD-10-CM, ICD-10-PCS, CPT, RxNorm, LOINC.

Records from outside the US add ICD-9-CM, OPS, NCSP/KVÅ and ATC.

The lexicon names concepts; what an EHR writes on a procedure is a code from one of
these systems, often a billing code (CPT 27130) or a code family (ICD-10-PCS 0SR9…
for a right hip replacement). Each system's table is a data file
(`data/assess/codes/*.yaml`) naming its FHIR URIs, exact or family matching, and the
source of every mapping; this module only loads, checks and looks up. A hit says
how it was made, so the report can show it.

A table whose system numbers its codes by body region (CPT's musculoskeletal section:
24650–24685 the radial head and neck fractures of the elbow) may also give `ranges`: a
code no entry names is then the narrowest range's concept, and says it was matched by
its range.

A table may name a code list a maintained package provides (`verified_by`:
simple-icd-10-cm for ICD-10-CM): the patient's code is then checked against that
list when it is read, and one the list lacks is reported as unverified and not used. A
national modification of the table's classification (`variant_uris`: WHO ICD-10,
ICD-10-GM) is checked at its category only, where the two still agree.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from osteon.datafile_errors import line_of_value
from osteon.datafiles import Strict, check_regex, data_path, load_yaml, parse_model
from osteon.errors import DataFileError
from osteon.reading.lexicon import Lexicon


class CodeEntry(Strict):
    """One code (or code family) and the lexicon concept it stands for."""

    code: str = Field(min_length=1)
    concept: str
    display: str
    site: str | None = None
    """An anatomy concept id the code itself names (a hip replacement: hip)."""
    laterality: Literal["left", "right", "bilateral"] | None = None


class CodeRange(Strict):
    """A run of numeric codes (first to last, same length) standing for one concept."""

    first: str = Field(pattern=r"^\d+$")
    last: str = Field(pattern=r"^\d+$")
    concept: str
    display: str
    site: str | None = None
    laterality: Literal["left", "right", "bilateral"] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> CodeRange:
        if len(self.first) != len(self.last) or self.first > self.last:
            raise ValueError(f"range {self.first}-{self.last}: first and last must have the "
                             "same length, first not after last")
        return self

    def entry(self) -> CodeEntry:
        """The range as an entry (its code the range written out)."""
        return CodeEntry(code=f"{self.first}-{self.last}", concept=self.concept,
                         display=self.display, site=self.site, laterality=self.laterality)


class CodeTable(Strict):
    """One code system's table file."""

    system: str
    uris: list[str] = []
    match: Literal["exact", "prefix"]
    source: str = Field(min_length=1)
    verified_by: Literal["simple-icd-10-cm"] | None = None
    """The maintained code list (VERIFIERS) a patient's code of this system is checked in."""
    entries: list[CodeEntry]
    ranges: list[CodeRange] = []
    """Numeric code ranges for codes no entry names (the narrowest containing range wins)."""
    dotted: bool = False
    """Keep the dot when matching: ICD-9-CM writes diagnoses (793.9) and procedures (79.39)
    under one URI, told apart only by where the dot stands."""
    variant_uris: list[str] = []
    """URIs of national modifications of the same classification (WHO ICD-10, ICD-10-GM):
    they share its categories but differ below them, so only the category is verified."""
    variant_verified_length: int = 3
    """The characters of a variant's code checked in the maintained list (its category)."""
    also: list[str] = []
    """Systems whose tables a code of this system is looked up in when this one has none:
    Belgium's ICD-10-BE writes diagnoses (ICD-10-CM) and operations (ICD-10-PCS, "0RSH04Z")
    under one URI."""
    prefixed_uris: dict[str, str] = {}
    """URIs of systems that write this classification's codes behind a letter of their own,
    → the letter (Denmark's SKS, one system for all: "DS720" is the ICD-10 code S72.0 and
    "KNFJ51" the NCSP code NFJ51): the letter dropped, the code is read as a national
    modification's."""
    prefixed_patterns: dict[str, str] = {}
    """Regular expressions for the folded names of such systems no URI lists
    ("…/codesystem/sks-diagnoser", Denmark's SKS by its name) → the letter."""
    variant_pattern: str | None = None
    """A regular expression for the folded names of national modifications no URI lists
    ("…/icd-10-am", "…/icd10ca", "…/terminologie-cim-10"): a system no table names is taken as
    a variant of the first table whose pattern it matches."""

    @field_validator("variant_pattern")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        return check_regex(value) if value else value

    @field_validator("prefixed_patterns")
    @classmethod
    def _regexes(cls, value: dict[str, str]) -> dict[str, str]:
        for pattern in value:
            check_regex(pattern)
        return value

    def category(self, code: str) -> str | None:
        """A national modification's code cut to the category both classifications share.

        "S06.21" → "S06"; None when the code is shorter than a category.
        """
        wanted = code.strip().upper()
        return wanted[:self.variant_verified_length] \
            if len(wanted) >= self.variant_verified_length else None


@dataclass(frozen=True, slots=True)
class CodeHit:
    """A code found in a table: the concept, and how the mapping was made."""

    concept: str
    system: str
    code: str
    entry: CodeEntry
    family: bool
    source: str
    ranged: bool = False
    """Matched by a numeric code range, not a family prefix."""

    @property
    def how(self) -> str:
        kind = (f"code range {self.entry.code}" if self.ranged
                else f"code family {self.entry.code}" if self.family else "code")
        return (f"{self.system} {self.code} ({kind}: {self.entry.display}; "
                f"source: {self.source})")


class CodeTables:
    """Every table, indexed by system name and FHIR URI."""

    def __init__(self, tables: dict[str, CodeTable]) -> None:
        self.tables = tables
        self._systems: dict[str, CodeTable] = {}
        self._keyed: dict[int, dict[str, CodeEntry]] = {}
        """Each table's entries by code key (the first entry of a key), looked up by id."""
        self._ranges: dict[int, list[tuple[str, str, CodeEntry]]] = {}
        """Each table's ranges, narrowest first (the first containing a code is its range)."""
        self._variants: dict[str, CodeTable] = {}
        """Folded names of national modifications → the table of their classification."""
        self._patterns = [(t, re.compile(t.variant_pattern, re.IGNORECASE))
                          for t in tables.values() if t.variant_pattern]
        self._by_pattern: dict[str, CodeTable | None] = {}
        """Folded system names → the table their name makes them a variant of (remembered)."""
        self._prefixed: dict[str, list[tuple[str, CodeTable]]] = {}
        """Folded system names → (letter, table) of each classification they write behind it."""
        for table in tables.values():
            for name, letter in table.prefixed_uris.items():
                self._prefixed.setdefault(_fold(name), []).append((letter.upper(), table))
        self._prefixed_patterns = [
            (re.compile(pattern, re.IGNORECASE), letter.upper(), table)
            for table in tables.values() for pattern, letter in table.prefixed_patterns.items()]
        for table in tables.values():
            self._ranges[id(table)] = [
                (r.first, r.last, r.entry())
                for r in sorted(table.ranges, key=lambda r: int(r.last) - int(r.first))]
            for name in (table.system, *table.uris, *table.variant_uris):
                self._systems[_fold(name)] = table
            for name in table.variant_uris:
                self._variants[_fold(name)] = table
            keyed: dict[str, CodeEntry] = {}
            for entry in table.entries:
                keyed.setdefault(_code_key(entry.code, table.dotted), entry)
            self._keyed[id(table)] = keyed

    def table_for(self, system: str) -> CodeTable | None:
        folded = _fold(system)
        return self._systems.get(folded) or self._named_variant(folded)

    def variant_of(self, system: str) -> CodeTable | None:
        """The table whose classification `system` is a national modification of, or None."""
        folded = _fold(system)
        if folded in self._systems:  # a system a table lists is no variant unless listed so
            return self._variants.get(folded)
        return self._named_variant(folded)

    def _named_variant(self, folded: str) -> CodeTable | None:
        """The table a system no table lists is a national modification of, by its name."""
        if folded not in self._by_pattern:
            self._by_pattern[folded] = next(
                (t for t, pattern in self._patterns if pattern.search(folded)), None)
        return self._by_pattern[folded]

    def _behind_letter(self, system: str, code: str) -> tuple[CodeTable, str] | None:
        """(table, code without the letter) for a system writing codes behind a letter."""
        wanted = code.strip().upper()
        return next(((table, wanted[len(letter):])
                     for letter, table in self._prefixed_of(_fold(system))
                     if wanted.startswith(letter) and len(wanted) > len(letter)), None)

    def _prefixed_of(self, folded: str) -> list[tuple[str, CodeTable]]:
        """(letter, table) of each classification a system writes behind a letter.

        By its URI, else by its name (remembered).
        """
        if folded not in self._prefixed:
            self._prefixed[folded] = [(letter, table)
                                      for pattern, letter, table in self._prefixed_patterns
                                      if pattern.search(folded)]
        return self._prefixed[folded]

    def read_as(self, system: str, code: str) -> tuple[CodeTable, str, bool] | None:
        """(table, the code as that table reads it, whether it is a national code's), or None.

        SKS "DS822" is read as ICD-10's S822, a national code; WHO ICD-10 "S82.2" as S82.2.
        """
        behind = self._behind_letter(system, code)
        if behind is not None:  # SKS "DS720": S720 in ICD-10's table
            return behind[0], behind[1], True
        table = self.table_for(system)
        return (table, code, self.variant_of(system) is not None) if table is not None \
            else None

    def table_of_code(self, system: str, code: str) -> tuple[CodeTable, bool] | None:
        """The table a code of `system` is read in, and whether it is a national code's.

        A national code's category alone is verified: SKS "DS720" is read in ICD-10's.
        """
        reading = self.read_as(system, code)
        return (reading[0], reading[2]) if reading is not None else None

    def lookup(self, system: str, code: str) -> CodeHit | None:
        """The entry for a code (a family's when matched by prefix, longest first)."""
        behind = self._behind_letter(system, code)
        if behind is not None:  # SKS "DS720": ICD-10 S72.0, a national code
            table, own = behind
            hit = self._own_hit(table, table.system, own)
            return replace(hit, system=system.strip(), code=code.strip()) if hit else None
        table = self.table_for(system)
        if table is None:
            return None
        return self._own_hit(table, system, code) or next(
            (hit for other in table.also if other != table.system
             and (hit := self.lookup(other, code)) is not None), None)

    def _own_hit(self, table: CodeTable, system: str, code: str) -> CodeHit | None:
        """The table's own entry for a code (not a companion's of `also`), or None."""
        wanted = _code_key(code, table.dotted)
        keyed = self._keyed[id(table)]
        if table.match == "exact":
            best = keyed.get(wanted)
        else:  # the longest family the code starts with
            best = next((keyed[wanted[:n]] for n in range(len(wanted), -1, -1)
                         if wanted[:n] in keyed), None)
        if best is None:
            return self._in_range(table, wanted)
        named = table.system if self.variant_of(system) is None else system.strip()
        return CodeHit(best.concept, named, code.strip(), best,
                       family=table.match == "prefix"
                       and _code_key(best.code, table.dotted) != wanted,
                       source=table.source)

    def _in_range(self, table: CodeTable, wanted: str) -> CodeHit | None:
        """The hit of the narrowest range holding the code; None when none does."""
        entry = next((e for first, last, e in self._ranges[id(table)]
                      if len(wanted) == len(first) and first <= wanted <= last), None)
        if entry is None:
            return None
        return CodeHit(entry.concept, table.system, wanted, entry, family=True,
                       source=table.source, ranged=True)

    def verified(self, system: str, code: str) -> bool | None:
        """Whether `code` is in its system's maintained code list; None when there is none.

        A code its own table lacks but a companion's (`also`) holds is checked as that
        system's ("0RSH04Z" under ICD-10-BE is an ICD-10-PCS code, not a missing diagnosis).
        """
        reading = self.read_as(system, code)
        if reading is None:
            return None
        table, own, national = reading
        lettered = own != code  # SKS "DS720": read as S720, no companion table
        if not lettered and table.also and self._own_hit(table, system, code) is None:
            companion = next((other for other in table.also
                              if self.lookup(other, code) is not None), None)
            if companion is not None:
                return self.verified(companion, code)
        if table.verified_by is None:
            return None
        # a national code's category
        wanted = table.category(own) if national else own.strip().upper()
        return VERIFIERS[table.verified_by](wanted) if wanted else False


def _in_icd10cm(code: str) -> bool:
    """In the ICD-10-CM code list (chapters, blocks, categories and codes) of the package."""
    return _icd10cm_list()(code)


@cache
def _icd10cm_list() -> Callable[[str], bool]:
    """simple-icd-10-cm's code list: its data file of every chapter, block and code, as a set.

    Read from the package's own list file (~50 ms) rather than by importing the package,
    which builds its whole classification tree from XML first (~2 s, holding the
    interpreter: every call a server answers meanwhile waits). The package's own check
    is the fallback where that file is not found.
    """
    spec = find_spec("simple_icd_10_cm")  # found, not imported (importing builds the tree)
    places = list(spec.submodule_search_locations or []) if spec is not None else []
    lists = sorted(f for place in places for f in (Path(place) / "data").glob("code-list*.txt"))
    if lists:
        text = lists[-1].read_text(encoding="utf-8")
        codes = frozenset(line.split(" ")[0] for line in text.split("\n") if line)
        return lambda code: code.replace(".", "") in codes
    with warnings.catch_warnings():  # the package reads its data with a deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm

    return simple_icd_10_cm.is_valid_item  # type: ignore[no-any-return]


VERIFIERS: dict[str, Callable[[str], bool]] = {"simple-icd-10-cm": _in_icd10cm}
"""Maintained code lists by the name a table's `verified_by` gives."""


def preload_verifiers() -> None:
    """Load every code list now (a server does it at start, not on its first request)."""
    _icd10cm_list()


def _fold(system: str) -> str:
    return system.strip().casefold().replace("-", " ").replace("_", " ").rstrip("/")


def _code_key(code: str, dotted: bool = False) -> str:
    """A code as matched: upper case, without its dot unless the table keeps dots."""
    key = code.strip().upper()
    return key if dotted else key.replace(".", "")


@cache
def code_tables() -> CodeTables:
    """The packaged tables, each validated (unknown keys fail naming file and entry)."""
    folder = data_path("assess", "codes")
    tables = {}
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if node.name.endswith(".yaml"):
            name = f"data/assess/codes/{node.name}"
            tables[node.name] = parse_model(CodeTable, load_yaml("assess", "codes", node.name),
                                            name)
    return CodeTables(tables)


def check_against(tables: CodeTables, lexicon: Lexicon) -> None:
    """DataFileError naming the file and entry of a concept or site the lexicon lacks."""
    for file, table in tables.tables.items():
        listed = [(f"entries.{i}", e) for i, e in enumerate(table.entries)]
        listed += [(f"ranges.{i}", r.entry()) for i, r in enumerate(table.ranges)]
        for place, entry in listed:
            where = f"{place} ({entry.code})"
            name = f"data/assess/codes/{file}"
            if entry.concept not in lexicon:
                raise DataFileError(name, where, f"unknown concept {entry.concept!r}",
                                    line=line_of_value(name, entry.concept))
            if entry.site is not None and (entry.site not in lexicon
                                           or lexicon.get(entry.site).type != "anatomy"):
                raise DataFileError(name, where, f"site {entry.site!r} is not an anatomy concept",
                                    line=line_of_value(name, entry.site))


@lru_cache(maxsize=4)
def checked_tables(lexicon: Lexicon) -> CodeTables:
    """The tables, checked once against this lexicon."""
    tables = code_tables()
    check_against(tables, lexicon)
    return tables
