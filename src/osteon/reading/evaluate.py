"""Score reading against a gold annotation (the format of tests/data/seed_facts.yaml).

A predicted claim matches a gold claim when they come from the same document
and the same sentence (the gold quote lies in the claim's sentence), with the
same predicate and polarity, and the same subject and object. Concepts match
through the lexicon; a gold argument the lexicon cannot name (free text such
as a definition, or a composite like "fibro-adipogenic progenitor
proliferation") matches a free-text prediction, or a concept whose name is
part of the gold words. Accepted equivalences, from the gold file's header:
incidence_in = risk_factor_for; prevents + negated = not_effective_for.
A free-text prediction matches a gold concept it names. A concept also
matches its kinds and its kind ("low-dose radiation therapy" is radiation
therapy): the lexicon's is_a links decide. Matching is one-to-one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from osteon.corpus.store import Store
from osteon.errors import OsteonError
from osteon.reading.lexicon import Lexicon
from osteon.reading.records import Claim, same_meaning
from osteon.reading.terms import fold


class GoldClaim(BaseModel):
    """One gold item."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    id: str
    doc: str
    quote: str
    subject: str
    predicate: str
    object: str
    polarity: str


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 of one slice."""

    gold: int
    predicted: int
    matched_gold: int
    matched_predicted: int

    @property
    def precision(self) -> float:
        """Matched predictions over all predictions (1.0 when nothing was predicted)."""
        return self.matched_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Matched gold over all gold (1.0 when there is no gold)."""
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """For JSON output."""
        return {"gold": self.gold, "predicted": self.predicted,
                "matched": self.matched_gold, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class Evaluation:
    """The whole result: overall, per predicate, per document, and the misses."""

    overall: Score
    by_predicate: dict[str, Score]
    by_document: dict[str, Score]
    missed: list[GoldClaim] = field(default_factory=list)
    spurious: list[Claim] = field(default_factory=list)
    matched: dict[str, Claim] = field(default_factory=dict)
    """Gold id → the predicted claim it matched (knowledge scores conflicts through this)."""


def gold_documents(path: str | Path) -> list[Any]:
    """Every YAML document of a gold file (claims first, then e.g. conflicts)."""
    try:
        with open(path, encoding="utf-8") as handle:
            documents = list(yaml.safe_load_all(handle))
    except FileNotFoundError as exc:
        raise OsteonError(f"{path}: no such file") from exc
    except yaml.YAMLError as exc:
        raise OsteonError(f"{path}: not a YAML file: {exc}") from exc
    if not documents:
        raise OsteonError(f"{path}: not a gold YAML file: it is empty")
    return documents


ItemT = TypeVar("ItemT", bound=BaseModel)


def load_items(path: str | Path, model: type[ItemT], what: str) -> list[ItemT]:
    """The first YAML document of an evaluation file, as a list of `model` items."""
    first = gold_documents(path)[0]
    if not isinstance(first, list):
        raise OsteonError(f"{path}: expected a list of {what} first")
    try:
        return [model.model_validate(item) for item in first]
    except ValidationError as exc:
        raise OsteonError(f"{path}: bad {what[:-1] if what.endswith('s') else what}: "
                          f"{exc.errors()[0]['msg']}") from exc


def load_gold(path: str | Path) -> list[GoldClaim]:
    """The claims of a gold file (its first YAML document)."""
    return load_items(path, GoldClaim, "gold claims")


def normalise(predicate: str, polarity: str) -> tuple[str, str]:
    """Apply the accepted equivalences: reading's own, and the gold's incidence_in."""
    if predicate == "incidence_in":
        predicate = "risk_factor_for"
    return same_meaning(predicate, polarity)


def evaluate(store: Store, claims: list[Claim], gold: list[GoldClaim],
             lexicon: Lexicon) -> Evaluation:
    """Score `claims` (as read from `store`) against `gold`."""
    gold_docs = {Path(g.doc).stem for g in gold}
    predicted = [c for c in claims if c.evidence.doc_id in gold_docs]
    spans = _gold_spans(store, gold)
    matcher = _Matcher(lexicon)
    used: set[int] = set()
    matched_gold: dict[str, int] = {}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(predicted):
        by_doc[claim.evidence.doc_id].append(i)
    for strict in (True, False):  # exact concepts first, so kinds do not take their places
        for g in gold:
            if g.id in matched_gold:
                continue
            doc = Path(g.doc).stem
            span = spans.get(g.id)
            for i in by_doc.get(doc, []):
                if i not in used and matcher.matches(g, predicted[i], span, strict=strict):
                    used.add(i)
                    matched_gold[g.id] = i
                    break

    def score(gold_items: list[GoldClaim], predicted_ids: list[int]) -> Score:
        return Score(len(gold_items), len(predicted_ids),
                     sum(1 for g in gold_items if g.id in matched_gold),
                     sum(1 for i in predicted_ids if i in used))

    predicates = sorted({normalise(g.predicate, g.polarity)[0] for g in gold}
                        | {normalise(c.predicate, c.polarity)[0] for c in predicted})
    by_predicate = {
        p: score([g for g in gold if normalise(g.predicate, g.polarity)[0] == p],
                 [i for i, c in enumerate(predicted) if normalise(c.predicate, c.polarity)[0] == p])
        for p in predicates}
    by_document = {d: score([g for g in gold if Path(g.doc).stem == d], by_doc.get(d, []))
                   for d in sorted(gold_docs)}
    return Evaluation(
        overall=score(gold, list(range(len(predicted)))),
        by_predicate=by_predicate, by_document=by_document,
        missed=[g for g in gold if g.id not in matched_gold],
        spurious=[c for i, c in enumerate(predicted) if i not in used],
        matched={gold_id: predicted[i] for gold_id, i in matched_gold.items()},
    )


def _gold_spans(store: Store, gold: list[GoldClaim]) -> dict[str, tuple[int, int]]:
    """Where each gold quote sits in its document (character span), when found."""
    spans: dict[str, tuple[int, int]] = {}
    texts: dict[str, str] = {}
    for g in gold:
        doc = Path(g.doc).stem
        if doc not in texts:
            try:
                texts[doc] = store.get(doc).text
            except OsteonError:
                texts[doc] = ""
        at = texts[doc].find(g.quote)
        if at < 0:
            pattern = r"\s+".join(re.escape(w) for w in g.quote.split())
            found = re.search(pattern, texts[doc])
            if found:
                spans[g.id] = found.span()
            continue
        spans[g.id] = (at, at + len(g.quote))
    return spans


class _Matcher:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def matches(self, gold: GoldClaim, claim: Claim, span: tuple[int, int] | None,
                *, strict: bool = False) -> bool:
        if normalise(gold.predicate, gold.polarity) != normalise(claim.predicate, claim.polarity):
            return False
        if span is None:
            return False
        ev = claim.evidence
        if not (ev.sentence_start < span[1] and span[0] < ev.sentence_end):
            return False
        return (self._term(gold.subject, claim.subject, False, strict)
                and self._term(gold.object, claim.object, claim.object_is_text, strict))

    def _term(self, gold_term: str, predicted: str, predicted_is_text: bool,
              strict: bool) -> bool:
        concept = self.lexicon.concept_id_for(gold_term)
        if concept is not None and predicted_is_text:
            entry = self.lexicon.get(concept)
            said = fold(predicted)
            return any(fold(n) in said for n in (gold_term, entry.name, *entry.synonyms,
                                                  *entry.abbreviations))
        if concept is not None:
            if predicted not in self.lexicon:
                return False
            if strict:
                return predicted == concept
            return (predicted == concept or self.lexicon.is_a(predicted, concept)
                    or self.lexicon.is_a(concept, predicted))
        if predicted_is_text:
            return True
        if predicted not in self.lexicon:
            return False
        words = fold(gold_term)
        entry = self.lexicon.get(predicted)
        names = (entry.name, *entry.synonyms)
        return any(fold(n) in words for n in names)
