"""The lexicon: every concept osteon can name, with its names, hierarchy and codes.

The concepts live as data in `data/lexicon/*.yaml` (one file per concept
type); `lexicon_schema` validates them, naming the file and entry of a bad
one, and this module indexes them for lookup, hierarchy and code queries.

Matching rules (`Lexicon.lookup`):

- Names and synonyms match case-insensitively; abbreviations match exactly
  as written ("HO" is heterotopic ossification, "ho" is nothing).
- Text is normalised and keyed as `terms` says, so "IL‑1β", "IL-1beta" and
  "IL 1β" meet.
- Plurals are generated from each name by the rules in `terms` ("NSAIDs",
  "fractures of the femur"); lookup also tries simple singular forms of its
  input. A generated form never shadows a name another concept lists
  explicitly.

The lexicon holds names and hierarchy only; relations between concepts
(what causes, treats or prevents what) are read from documents.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from osteon.datafiles import data_path, load_yaml
from osteon.errors import DataFileError
from osteon.reading.lexicon_schema import CodeSystem, validated_concepts
from osteon.reading.records import Concept, ConceptType
from osteon.reading.terms import (
    ABBREVIATION_RANK,
    GENERATED_RANK,
    explicit_forms,
    match_key,
    normalize,
    plurals_of,
    singulars_of,
)

RANKED_MEMO = 100_000
"""Terms whose concepts a lexicon remembers; words looked up are open-ended, so past this many
it starts again rather than grow without bound."""

#: FHIR `Coding.system` URIs accepted by `Lexicon.by_code` beside the short names.
SYSTEM_URIS: dict[str, CodeSystem] = {
    "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
    "http://snomed.info/sct": "SNOMED CT",
    "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
    "http://loinc.org": "LOINC",
    "http://id.nlm.nih.gov/mesh": "MeSH",
}


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
        # a built lexicon does not change, so a term's concepts are kept: asking reads the
        # same mention's words for every claim its sentence holds
        self._ranked_memo: dict[str, tuple[tuple[int, str], ...]] = {}
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
            SurfaceForm(text, concept_id, case_sensitive, generated=rank == GENERATED_RANK))

    def _index_forms(self) -> None:
        for concept in self.concepts.values():
            for text, case_sensitive, rank in explicit_forms(concept):
                self._add(text, concept.id, case_sensitive, rank)
        # Which concepts own each key through an explicit name, before plurals join in.
        owners: dict[str, set[str]] = {}
        for index in (self._exact, self._folded):
            for key, hits in index.items():
                owners.setdefault(key.casefold(), set()).update(hits)
        for concept in self.concepts.values():
            for text, case_sensitive, rank in explicit_forms(concept):
                for plural in plurals_of(text, abbreviation=rank == ABBREVIATION_RANK):
                    fold = match_key(plural, case_sensitive=False)
                    if owners.get(fold, set()) - {concept.id}:
                        continue  # another concept's explicit name wins over a generated plural
                    self._add(plural, concept.id, case_sensitive, GENERATED_RANK)

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
        known = self._ranked_memo.get(term)
        if known is None:
            if len(self._ranked_memo) >= RANKED_MEMO:  # open-ended words: start again
                self._ranked_memo.clear()
            known = self._ranked_memo[term] = tuple(self._ranked_afresh(term))
        return list(known)

    def _ranked_afresh(self, term: str) -> list[tuple[int, str]]:
        text = normalize(term)
        if not text:
            return []
        found = self._hits(text)
        if not found:
            for singular in singulars_of(text):
                for cid in self._hits(singular):
                    found.setdefault(cid, GENERATED_RANK)
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


def build_lexicon(files: Mapping[str, Any]) -> Lexicon:
    """Validate parsed lexicon files (name → YAML data) together and index them.

    For tests and user lexicons; `lexicon_schema.validated_concepts` says
    what is checked.
    """
    return Lexicon(validated_concepts(files))


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon (every `data/lexicon/*.yaml`), validated and loaded once."""
    folder = data_path("lexicon")
    names = sorted(node.name for node in folder.iterdir() if node.name.endswith(".yaml"))
    if not names:
        raise DataFileError("data/lexicon", "files", "no lexicon files in the package")
    return build_lexicon({f"data/lexicon/{n}": load_yaml("lexicon", n) for n in names})
