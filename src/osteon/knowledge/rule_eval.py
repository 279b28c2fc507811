"""Measure each reading rule's precision on real pages, from a person's labels.

`osteon eval rules --pages DIR --labels FILE` ingests a folder of real pages
(into the store given with --store: keep it apart from your own), lists the
claims read from them that FILE does not label yet (`--todo`), and counts, per
rule, how many labelled claims the current rules still read and how many of
them are right. `--write` turns the counts into data/knowledge/rule_precision.yaml,
which knowledge.calibration reads.

A label names its claim by the page's file name, the sentence index, a short hash
of the sentence (so a label still finds its sentence if segmentation shifts the
index) and the triple with its polarity (a free-text object by its hash too); the label
file holds no text of the pages, which stay out of git. A claim is right only if its
sentence says exactly that, with that polarity.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from osteon.corpus.store import Store
from osteon.errors import OsteonError
from osteon.knowledge.calibration import RulePrecision, RuleScore, family_of
from osteon.reading.records import Claim
from osteon.reading.terms import fold

Label = Literal["correct", "wrong"]


class ClaimLabel(BaseModel):
    """One labelled (or, with label None, listed but not yet labelled) claim."""

    model_config = ConfigDict(extra="forbid")
    doc: str
    sentence: int
    hash: str
    claim: tuple[str, str, str, str]
    """subject, predicate, object, polarity."""
    rule: str
    label: Label | None = None
    note: str | None = None

    def key(self) -> tuple[str, str, tuple[str, str, str, str]]:
        return (self.doc, self.hash, self.claim)


class LabelFile(BaseModel):
    """The whole label file."""

    model_config = ConfigDict(extra="forbid")
    about: str = ""
    splits: dict[str, list[str]] = {}
    """Split name → the page files it holds, where the split is drawn by page for reading
    alone (no question file names it); `--split NAME` then measures those pages."""
    labels: list[ClaimLabel] = []

    def split_pages(self, name: str) -> set[str] | None:
        """The page files of split `name`, or None when this file does not name it."""
        return set(self.splits[name]) if name in self.splits else None


@dataclass(frozen=True, slots=True)
class ReadClaim:
    """A claim read from a page, with what a label needs to name it."""

    doc: str
    sentence_text: str
    claim: Claim

    @property
    def label(self) -> ClaimLabel:
        c = self.claim
        obj = text_key(c.object) if c.object_is_text else c.object
        return ClaimLabel(doc=self.doc, sentence=c.evidence.sentence_idx,
                          hash=sentence_hash(self.sentence_text),
                          claim=(c.subject, c.predicate, obj, c.polarity), rule=c.rule)


@dataclass(slots=True)
class Measurement:
    """Per-rule counts from the labels of claims the current rules read."""

    rules: dict[str, RuleScore] = field(default_factory=dict)
    families: dict[str, RuleScore] = field(default_factory=dict)
    pooled: RuleScore = field(default_factory=lambda: RuleScore(labelled=0, correct=0))
    documents: int = 0
    unlabelled: int = 0
    gone: int = 0
    """Labels whose claim the current rules no longer read (not counted)."""

    def as_dict(self) -> dict[str, object]:
        """For JSON output."""
        return {"documents": self.documents, "unlabelled": self.unlabelled, "gone": self.gone,
                "pooled": _shown(self.pooled).model_dump(),
                "rules": {k: _shown(v).model_dump() for k, v in sorted(self.rules.items())},
                "families": {k: _shown(v).model_dump()
                             for k, v in sorted(self.families.items())}}

    def table(self, previous: RulePrecision, measured: str) -> RulePrecision:
        """The precision table these counts give, keeping the previous threshold."""
        return RulePrecision(measured=measured, threshold=previous.threshold,
                             min_labels=previous.min_labels,
                             default=round(self.pooled.rate, 3) if self.pooled.labelled
                             else previous.default,
                             rules={k: _shown(v) for k, v in sorted(self.rules.items())},
                             families={k: _shown(v) for k, v in sorted(self.families.items())})


def _shown(score: RuleScore) -> RuleScore:
    return RuleScore(labelled=score.labelled, correct=score.correct,
                     precision=round(score.rate, 3))


def sentence_hash(text: str) -> str:
    """Eight hex digits that name a sentence without quoting it."""
    return hashlib.blake2b(fold(text).encode(), digest_size=4).hexdigest()


def text_key(text: str) -> str:
    """A free-text object as a label names it: hashed, so no page text enters the file."""
    return "text:" + sentence_hash(text)


def load_labels(path: Path) -> LabelFile:
    """The label file (an empty one if it does not exist yet)."""
    if not path.exists():
        return LabelFile()
    try:
        return LabelFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    except (yaml.YAMLError, ValidationError) as exc:
        raise OsteonError(f"{path}: not a label file: {exc}") from exc


def save_labels(path: Path, labels: LabelFile) -> None:
    """Write the label file, one flow-style line per label."""
    lines = [f"about: {yaml.safe_dump(labels.about, width=10_000).strip().removesuffix('...')}"
             .rstrip()]
    if labels.splits:
        lines.append("splits:")
        lines.extend(f"  {name}: " + yaml.safe_dump(sorted(files), default_flow_style=True,
                                                    width=10_000).strip()
                     for name, files in labels.splits.items())
    lines.append("labels:" if labels.labels else "labels: []")
    for item in labels.labels:
        data = item.model_dump(exclude_none=True)
        data["claim"] = list(item.claim)
        lines.append("- " + yaml.safe_dump(data, default_flow_style=True, width=10_000,
                                           sort_keys=False).strip())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def page_claims(store: Store, doc_ids_by_name: dict[str, str], claims: list[Claim]
                ) -> list[ReadClaim]:
    """The claims of the pages, each with its page's file name and sentence text."""
    name_of = {doc_id: name for name, doc_id in doc_ids_by_name.items()}
    mine = [c for c in claims if c.evidence.doc_id in name_of]
    texts = store.sentence_texts({(c.evidence.doc_id, c.evidence.sentence_idx) for c in mine})
    return [ReadClaim(name_of[c.evidence.doc_id],
                      texts.get((c.evidence.doc_id, c.evidence.sentence_idx), ""), c)
            for c in mine]


def only_pages(read: list[ReadClaim], labels: LabelFile, names: set[str]
               ) -> tuple[list[ReadClaim], LabelFile]:
    """The claims and labels of these pages only: one split of a page set (`--split`)."""
    return ([item for item in read if item.doc in names],
            LabelFile(about=labels.about, splits=labels.splits,
                      labels=[item for item in labels.labels if item.doc in names]))


def pending(read: list[ReadClaim], labels: LabelFile) -> list[ReadClaim]:
    """Claims read that no label names yet, in page and sentence order."""
    known = {item.key() for item in labels.labels}
    seen: set[tuple] = set()
    out = []
    for item in read:
        key = item.label.key()
        if key not in known and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def measure(read: list[ReadClaim], labels: LabelFile) -> Measurement:
    """Per-rule, per-family and pooled precision over the labelled claims still read."""
    by_key: dict[tuple, ClaimLabel] = {}
    for item in labels.labels:
        if item.label is not None:
            by_key[item.key()] = item
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    families: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    found: set[tuple] = set()
    result = Measurement(documents=len({r.doc for r in read}))
    for item in read:
        label = item.label
        key = label.key()
        if key in found:
            continue
        found.add(key)
        given = by_key.get(key)
        if given is None:
            result.unlabelled += 1
            continue
        right = int(given.label == "correct")
        for table, name in ((counts, label.rule), (families, family_of(label.claim[1]))):
            table[name][0] += 1
            table[name][1] += right
    result.gone = sum(1 for key in by_key if key not in found)
    result.rules = {r: RuleScore(labelled=n, correct=k) for r, (n, k) in counts.items()}
    result.families = {f: RuleScore(labelled=n, correct=k) for f, (n, k) in families.items()}
    total = sum(n for n, _ in counts.values())
    right = sum(k for _, k in counts.values())
    result.pooled = RuleScore(labelled=total, correct=right)
    return result


def write_table(path: Path, table: RulePrecision) -> None:
    """Write the precision table, with a header saying what it is."""
    header = ("# Measured precision of the reading rules on real pages: written by\n"
              "# `osteon eval rules --write` (knowledge/rule_eval.py) from hand labels;\n"
              "# knowledge/calibration.py reads it. `labelled`/`correct` per rule id and\n"
              "# per predicate family; `default` is the pooled precision of every label.\n")
    body = table.model_dump()
    path.write_text(header + yaml.safe_dump(body, sort_keys=False, width=100),
                    encoding="utf-8")


def page_name(origin: str) -> str:
    """A page's file name from its origin (a path or URL)."""
    return PurePath(origin).name
