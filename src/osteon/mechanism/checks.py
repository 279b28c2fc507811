"""Score the model against a checks file (the format of tests/data/mechanism_checks.yaml).

Each row names a scenario and, in words, the direction the experiment showed
("no heterotopic bone", "strongly reduced bone", "more bone", "FAPs rise then
fall"…). The words are read by prefix into a measurable criterion on the
simulated trajectory, relative to the control (spinal cord + muscle injury).
This module evaluates; the model never reads the checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from osteon.errors import OsteonError
from osteon.mechanism.data import interventions
from osteon.mechanism.records import Scenario, Trajectory
from osteon.mechanism.simulate import Model
from osteon.reading.evaluate import load_items

BONE = "heterotopic_ossification"
FAP = "fibro_adipogenic_progenitor"
CONTROL = Scenario(injuries=("spinal_cord", "muscle"))


class CheckScenario(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    injuries: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()


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


def load_checks(path: str | Path) -> list[CheckRow]:
    """The rows of a checks file."""
    return load_items(path, CheckRow, "checks")


def scenario_of(row: CheckRow, stimuli: frozenset[str]) -> Scenario:
    """The row's scenario, its interventions split into treatments and stimuli."""
    names = row.scenario.interventions
    return Scenario(injuries=row.scenario.injuries,
                    interventions=tuple(n for n in names if n not in stimuli),
                    stimuli=tuple(n for n in names if n in stimuli))


Judge = Callable[[Trajectory, float, Model], tuple[bool, str]]


def _no_bone(run: Trajectory, control: float, _: Model) -> tuple[bool, str]:
    bone, other = run.final(BONE), run.final(BONE, "uninjured")
    return (bone < 0.05 * control and other < 0.05 * control,
            f"bone {bone:.3f} injured, {other:.3f} uninjured (control {control:.3f})")


def _bone_in_injured(run: Trajectory, control: float, _: Model) -> tuple[bool, str]:
    bone, other = run.final(BONE), run.final(BONE, "uninjured")
    return bone > 0.1 and other < 0.05 * bone, f"bone {bone:.3f} injured, {other:.3f} uninjured"


def _relative(limit: float, above: bool) -> Judge:
    def judge(run: Trajectory, control: float, _: Model) -> tuple[bool, str]:
        ratio = run.final(BONE) / control if control else float("inf")
        ok = ratio > limit if above else ratio < limit
        return ok, f"bone {100 * ratio:.0f} % of control"
    return judge


def _rise_then_fall(run: Trajectory, control: float, _: Model) -> tuple[bool, str]:
    fap = run.series(FAP)
    ok = fap.max() > 5 * fap[-1] and fap.argmax() > 0 and run.final(BONE) < 0.05 * control
    return ok, f"FAPs peak {fap.max():.3f}, end {fap[-1]:.3f}; bone {run.final(BONE):.3f}"


def _faps_persist(run: Trajectory, _: float, model: Model) -> tuple[bool, str]:
    alone = model.simulate(Scenario(injuries=("muscle",)))
    peak, alone_peak = run.series(FAP).max(), alone.series(FAP).max()
    apoptosis, alone_apoptosis = run.series("apoptosis").max(), alone.series("apoptosis").max()
    osteoblasts = run.series("osteoblast").max()
    ok = peak > 1.5 * alone_peak and osteoblasts > 0.5 and apoptosis < alone_apoptosis
    return ok, (f"FAP peak {peak:.2f} vs {alone_peak:.2f} after muscle injury alone; "
                f"apoptosis {apoptosis:.2f} vs {alone_apoptosis:.2f}; "
                f"osteoblasts {osteoblasts:.2f}")


JUDGES: tuple[tuple[str, Judge], ...] = (
    ("no heterotopic bone", _no_bone),
    ("heterotopic bone in the injured muscle", _bone_in_injured),
    ("strongly reduced", _relative(0.3, above=False)),
    ("reduced", _relative(0.8, above=False)),
    ("more bone", _relative(1.02, above=True)),
    ("fibro-adipogenic progenitors rise then fall", _rise_then_fall),
    ("fibro-adipogenic progenitors fail", _faps_persist),
)
"""Expectation wording (by prefix) → criterion on the run, relative to control."""


def judge(row: CheckRow, model: Model, control: float, stimuli: frozenset[str]
          ) -> CheckResult:
    """Simulate one row and say whether the model goes the way the experiment did."""
    criterion = next((j for prefix, j in JUDGES if row.expect.startswith(prefix)), None)
    if criterion is None:
        raise OsteonError(f"check {row.id}: no criterion for the expectation {row.expect!r}")
    run = model.simulate(scenario_of(row, stimuli))
    passed, simulated = criterion(run, control, model)
    return CheckResult(row.id, row.expect, simulated, bool(passed), {
        "bone_injured": float(run.final(BONE)),
        "bone_uninjured": float(run.final(BONE, "uninjured"))})


def evaluate_checks(model: Model, rows: list[CheckRow]) -> list[CheckResult]:
    """Every row judged against one control run."""
    stimuli = frozenset(interventions()["stimuli"])
    control = model.simulate(CONTROL).final(BONE)
    return [judge(row, model, control, stimuli) for row in rows]


def as_dicts(results: list[CheckResult]) -> list[dict[str, Any]]:
    return [{"id": r.id, "expect": r.expect, "simulated": r.simulated, "passed": r.passed,
             **r.figures} for r in results]
