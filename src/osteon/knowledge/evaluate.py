"""Score conflict finding against a gold file's conflict list (tests/data/seed_facts.yaml).

A gold conflict names two gold claims. It is found when osteon reports a
conflict between the assertion holding the claim read for the first and the
assertion holding the claim read for the second. Claims are matched to gold
by reading's scorer, so a conflict reading never saw is counted apart
("not read") from one knowledge failed to flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from osteon.errors import OsteonError
from osteon.knowledge.records import Conflict
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.evaluate import evaluate, gold_documents, load_gold


class GoldConflict(BaseModel):
    """Two gold claim ids that disagree, and why."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    facts: tuple[str, str]
    explanation: str = ""


@dataclass(slots=True)
class ConflictEvaluation:
    """How many gold conflicts were found, missed, or could not be (claims unread)."""

    gold: int
    found: list[GoldConflict] = field(default_factory=list)
    missed: list[GoldConflict] = field(default_factory=list)
    not_read: list[GoldConflict] = field(default_factory=list)
    reported: int = 0

    @property
    def recall(self) -> float:
        return len(self.found) / self.gold if self.gold else 1.0

    def as_dict(self) -> dict[str, object]:
        """For JSON output."""
        return {"gold": self.gold, "found": len(self.found), "recall": round(self.recall, 4),
                "reported": self.reported,
                "missed": [c.model_dump() for c in self.missed],
                "not_read": [c.model_dump() for c in self.not_read]}


def load_gold_conflicts(path: str | Path) -> list[GoldConflict]:
    """The conflicts of a gold file (its second YAML document, key `conflicts`)."""
    documents = gold_documents(path)
    second = documents[1] if len(documents) > 1 else None
    if not isinstance(second, dict) or not isinstance(second.get("conflicts"), list):
        raise OsteonError(f"{path}: no 'conflicts' list in a second YAML document")
    try:
        return [GoldConflict.model_validate(item) for item in second["conflicts"]]
    except ValidationError as exc:
        raise OsteonError(f"{path}: bad gold conflict: {exc.errors()[0]['msg']}") from exc


def evaluate_conflicts(knowledge: KnowledgeStore, path: str | Path) -> ConflictEvaluation:
    """Score the stored conflicts against the gold file at `path`."""
    gold_claims = load_gold(path)
    gold_conflicts = load_gold_conflicts(path)
    assertions = knowledge.assertions()
    per_assertion = knowledge.claims_of_many([a.id for a in assertions])
    claims, owner = [], {}
    for assertion_id, assertion_claims in per_assertion.items():
        for claim in assertion_claims:
            owner[id(claim)] = assertion_id
            claims.append(claim)
    matched = evaluate(knowledge.store, claims, gold_claims, knowledge.lexicon).matched
    reported = knowledge.conflicts()
    pairs = {_pair(c) for c in reported}
    result = ConflictEvaluation(gold=len(gold_conflicts), reported=len(reported))
    for conflict in gold_conflicts:
        first, second = (matched.get(f) for f in conflict.facts)
        if first is None or second is None:
            result.not_read.append(conflict)
            continue
        pair = tuple(sorted((owner[id(first)], owner[id(second)])))
        (result.found if pair in pairs else result.missed).append(conflict)
    return result


def _pair(conflict: Conflict) -> tuple[int, int]:
    return (min(conflict.a, conflict.b), max(conflict.a, conflict.b))
