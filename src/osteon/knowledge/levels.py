"""Evidence levels: what kind of study a document reports, from what the document says it is.

A MEDLINE record states its publication types ("Randomized Controlled Trial",
"Case Reports"), a PMC article its JATS article-type; for a paper without them the
title and abstract say it ("a retrospective cohort study of 120 patients"); a web
page is what its kind says (the seeds: patient information, an encyclopedia). The
rules are data (`data/knowledge/evidence_levels.yaml`); this module applies them.

The level is part of a document's kind for belief: a level with a reliability in
`belief.yaml` weighs the document's claims instead of its kind (`belief_kind`), so
a meta-analysis counts for more than a case report. Answers, facts and the assess
report show the level's label beside each citation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from pydantic import field_validator, model_validator

from osteon.corpus.store import Store
from osteon.datafiles import Strict, any_of, check_regex, load_model

META_SEPARATOR = "; "
"""How a list travels in a document's meta (see corpus/formats/pubmed.py)."""
LIST_META = ("publication_types", "mesh", "subjects")


class LevelRule(Strict):
    """One evidence level and what places a document at it."""

    id: str
    label: str
    publication_types: tuple[str, ...] = ()
    article_types: tuple[str, ...] = ()
    mesh_all: tuple[str, ...] = ()
    mesh_none: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()

    @field_validator("cues")
    @classmethod
    def _regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_regex(p) for p in value)


class LevelRules(Strict):
    """The whole of evidence_levels.yaml: levels strongest first, and the kinds' levels."""

    cue_formats: tuple[str, ...]
    cue_sentences: int = 12
    levels: tuple[LevelRule, ...]
    by_kind: dict[str, str] = {}

    @model_validator(mode="after")
    def _known_levels(self) -> LevelRules:
        ids = {rule.id for rule in self.levels}
        for kind, level in self.by_kind.items():
            if level not in ids:
                raise ValueError(f"by_kind: {kind!r} names no level {level!r}")
        return self


@dataclass(frozen=True, slots=True)
class EvidenceLevel:
    """A document's level: its id (the key belief.yaml weighs), its label, and why."""

    id: str
    label: str
    rank: int
    """1 for the strongest level in the rules, growing downwards."""
    because: str
    """What placed it: "publication type: Case Reports", "title or abstract", "kind: faq"."""


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What a document says about itself, as the store keeps it."""

    kind: str
    format: str
    title: str
    meta: Mapping[str, object]
    lead: str = ""
    """Its first sentences (a paper's abstract), where cues are read."""


@cache
def level_rules() -> LevelRules:
    """The packaged rules."""
    return load_model(LevelRules, "knowledge", "evidence_levels.yaml")


@cache
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    return {rule.id: any_of(tuple(rule.cues)) for rule in level_rules().levels if rule.cues}


def meta_list(meta: Mapping[str, object], key: str) -> tuple[str, ...]:
    """A list kept in meta: a '; '-joined string (PubMed, JATS) or a JSON list."""
    value = meta.get(key)
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value if str(v).strip())
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(META_SEPARATOR.strip()) if v.strip())
    return ()


def level_of(doc: DocumentFacts, rules: LevelRules | None = None) -> EvidenceLevel | None:
    """The document's evidence level, or None when nothing says what kind of study it is."""
    rules = rules or level_rules()
    ranked = list(enumerate(rules.levels, start=1))
    types = {t.casefold() for t in meta_list(doc.meta, "publication_types")}
    article = {t.casefold() for t in (*meta_list(doc.meta, "article_type"),
                                      *meta_list(doc.meta, "subjects"))}
    mesh = {t.casefold() for t in meta_list(doc.meta, "mesh")}
    for rank, rule in ranked:  # what the record states outright
        said = next((t for t in rule.publication_types if t.casefold() in types), None)
        if said:
            return EvidenceLevel(rule.id, rule.label, rank, f"publication type: {said}")
        said = next((t for t in rule.article_types if t.casefold() in article), None)
        if said:
            return EvidenceLevel(rule.id, rule.label, rank, f"article type: {said}")
    for rank, rule in ranked:  # what its indexing implies (MeSH Animals without Humans)
        if rule.mesh_all and all(m.casefold() in mesh for m in rule.mesh_all) and not any(
                m.casefold() in mesh for m in rule.mesh_none):
            return EvidenceLevel(rule.id, rule.label, rank,
                                 f"MeSH: {', '.join(rule.mesh_all)}")
    if doc.format in rules.cue_formats:
        text = f"{doc.title}\n{doc.lead}"
        patterns = _cue_patterns()
        for rank, rule in ranked:
            pattern = patterns.get(rule.id)
            if pattern is not None and pattern.search(text):
                return EvidenceLevel(rule.id, rule.label, rank, "title or abstract")
        return None
    level = rules.by_kind.get(doc.kind)
    if level is None:
        return None
    rank, rule = next((r, rule) for r, rule in ranked if rule.id == level)
    return EvidenceLevel(rule.id, rule.label, rank, f"kind: {doc.kind}")


def belief_kind(kind: str, level: EvidenceLevel | None, reliability: Mapping[str, float]) -> str:
    """What a document weighs as: its level where belief.yaml weighs that level, else its kind."""
    return level.id if level is not None and level.id in reliability else kind


def document_levels(store: Store, doc_ids: Iterable[str]) -> dict[str, EvidenceLevel | None]:
    """The level of each stored document (ids the store lacks are left out), in id order.

    Remembered per version of the store too (any write forgets them): an answer asks for
    the levels of the documents it cites a dozen times, each a look at their rows.
    """
    rules = level_rules()
    wanted = sorted(set(doc_ids))
    known: dict[str, EvidenceLevel | None] = store.per_version("levels", LEVELS_LIMIT)
    missing = [d for d in wanted if d not in known]
    if missing:
        for doc in store.descriptions(missing, rules.cue_sentences, rules.cue_formats):
            key = (doc.kind, doc.format, doc.title, doc.meta, doc.lead)
            if key not in _LEVELS:
                if len(_LEVELS) >= LEVELS_LIMIT:
                    _LEVELS.clear()
                _LEVELS[key] = level_of(DocumentFacts(doc.kind, doc.format, doc.title,
                                                      json.loads(doc.meta), doc.lead), rules)
            known[doc.doc_id] = _LEVELS[key]
    return {d: known[d] for d in wanted if d in known}


_LEVELS: dict[tuple[str, str, str, str, str], EvidenceLevel | None] = {}
LEVELS_LIMIT = 50_000
"""Documents whose level is remembered: an answer cites the same documents again and
again, and working a level out (publication types, MeSH, cue patterns) each time was a
tenth of an answer's time on a large corpus. Keyed by what the level is read from, so a
document stored anew is placed anew."""
