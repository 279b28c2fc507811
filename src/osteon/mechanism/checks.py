"""Score the model against a checks file (the format of tests/data/mechanism_checks.yaml).

Each row names a scenario and, in words, the direction the experiment showed
("no heterotopic bone", "strongly reduced bone", "more bone", "FAPs rise then
fall"…). judges.py reads the words into a criterion on the simulated run,
relative to the control (spinal cord + muscle injury); the sweep uses the same
criteria per parameter set. This module evaluates; the model never reads the checks.

The package ships the experiments of seed 004 as `data/mechanism/checks.yaml` (a copy of
tests/data/mechanism_checks.yaml, kept equal by a test): test scenarios for
`osteon eval mechanism`, never a source of facts or model structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from osteon.datafiles import Strict, data_path
from osteon.errors import OsteonError
from osteon.mechanism.data import interventions
from osteon.mechanism.judges import BONE, Context, criterion_for
from osteon.mechanism.records import Scenario
from osteon.mechanism.simulate import Model
from osteon.reading.evaluate import load_items

CONTROL = Scenario(injuries=("spinal_cord", "muscle"))
ALONE = Scenario(injuries=("muscle",))


class CheckScenario(Strict):
    injuries: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    days: float = 28.0


class CheckRow(BaseModel):
    """One experiment: its scenario and the direction it showed, in words."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    id: str
    scenario: CheckScenario
    expect: str


@dataclass(slots=True)
class CheckResult:
    """One row: what was expected, what the model did, and whether that is the same direction."""

    id: str
    expect: str
    simulated: str
    passed: bool
    figures: dict[str, float] = field(default_factory=dict)


SHIPPED_CHECKS = ("mechanism", "checks.yaml")
"""The checks shipped with osteon, under `osteon/data/`."""


def load_checks(path: str | Path) -> list[CheckRow]:
    """The rows of a checks file."""
    return load_items(path, CheckRow, "checks")


def shipped_checks() -> list[CheckRow]:
    """The rows of the checks shipped with osteon (seed 004's mouse experiments)."""
    with resources.as_file(data_path(*SHIPPED_CHECKS)) as path:
        return load_checks(path)


def scenario_of(row: CheckRow, stimuli: frozenset[str]) -> Scenario:
    """The row's scenario, its interventions split into treatments and stimuli."""
    names = row.scenario.interventions
    return Scenario(injuries=row.scenario.injuries,
                    interventions=tuple(n for n in names if n not in stimuli),
                    stimuli=tuple(n for n in names if n in stimuli), days=row.scenario.days)


def judge(row: CheckRow, model: Model, context: Context, stimuli: frozenset[str]
          ) -> CheckResult:
    """Simulate one row and say whether the model goes the way the experiment did."""
    try:
        criterion = criterion_for(row.expect)
    except OsteonError as e:
        raise OsteonError(f"check {row.id}: {e}") from None
    run = model.simulate(scenario_of(row, stimuli))
    return CheckResult(row.id, row.expect, criterion.describe(run, context),
                       bool(criterion.holds(run, context)), {
                           "bone_injured": float(run.final(BONE)),
                           "bone_uninjured": float(run.final(BONE, "uninjured"))})


def evaluate_checks(model: Model, rows: list[CheckRow]) -> list[CheckResult]:
    """Every row judged against one control run and one run of muscle injury alone."""
    stimuli = frozenset(interventions().stimuli)
    context = Context(model.simulate(CONTROL), model.simulate(ALONE))
    return [judge(row, model, context, stimuli) for row in rows]


def as_dicts(results: list[CheckResult]) -> list[dict[str, Any]]:
    return [{"id": r.id, "expect": r.expect, "simulated": r.simulated, "passed": r.passed,
             **r.figures} for r in results]
