"""Confidence of a claim: the measured precision, on real text, of the rule that read it.

Rules tuned on five seed pages read those pages well and unseen pages less
well; how much less differs by rule. `data/knowledge/rule_precision.yaml`
holds, per rule, how many of its claims on real pages a person labelled and
how many were right (`osteon eval rules` lists claims to label and writes the
table). A rule with too few labels takes the pooled precision of its
predicate family (the families of conflicts.yaml: treats, prevents and
not_effective_for are "efficacy"), and a family with too few the pooled
precision of every label. A claim whose confidence falls under the file's
threshold is kept but "read, not confirmed": shown as such, never as a fact.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field

from osteon.datafiles import Strict, load_model
from osteon.knowledge.rules import conflict_rules
from osteon.reading.records import Claim

NOT_CONFIRMED = "read, not confirmed"
"""How a claim or assertion under the threshold is labelled wherever it is shown."""


class RuleScore(Strict):
    """Labels of one rule's (or one family's) claims: how many, how many right."""

    labelled: int = Field(ge=0)
    correct: int = Field(ge=0)
    precision: float | None = None
    """Written for a person reading the file; always recomputed from the counts."""

    @property
    def rate(self) -> float:
        """Correct over labelled (0 with no labels)."""
        return self.correct / self.labelled if self.labelled else 0.0


class RulePrecision(Strict):
    """The whole of data/knowledge/rule_precision.yaml."""

    measured: str = ""
    """How and on what the figures were measured."""
    threshold: float = Field(0.6, ge=0, le=1)
    """Claims whose confidence is under this are "read, not confirmed"."""
    min_labels: int = Field(5, ge=1)
    """A rule (or family) needs this many labels for its own figure to count."""
    default: float = Field(1.0, ge=0, le=1)
    """Confidence when neither rule nor family has enough labels: the pooled precision."""
    rules: dict[str, RuleScore] = {}
    families: dict[str, RuleScore] = {}

    def confidence(self, rule: str, predicate: str) -> float:
        """The precision that stands for a claim of this rule and predicate."""
        own = self.rules.get(rule)
        if own is not None and own.labelled >= self.min_labels:
            return round(own.rate, 3)
        family = self.families.get(family_of(predicate))
        if family is not None and family.labelled >= self.min_labels:
            return round(family.rate, 3)
        return self.default

    def confirmed(self, confidence: float) -> bool:
        """Whether a claim (or assertion) of this confidence is shown as a fact."""
        return confidence >= self.threshold


def family_of(predicate: str) -> str:
    """The predicate family a rule falls back on (conflicts.yaml's families)."""
    return conflict_rules().family_of(predicate)[0]


@cache
def rule_precision() -> RulePrecision:
    """The measured table of data/knowledge/rule_precision.yaml."""
    return load_model(RulePrecision, "knowledge", "rule_precision.yaml")


def claim_confidence(claim: Claim) -> float:
    """A claim's confidence: its rule's measured precision (see the module's docstring)."""
    return rule_precision().confidence(claim.rule, claim.predicate)


def claim_confirmed(claim: Claim) -> bool:
    """Whether a claim is shown as read and confirmed, or as "read, not confirmed"."""
    table = rule_precision()
    return table.confirmed(table.confidence(claim.rule, claim.predicate))
