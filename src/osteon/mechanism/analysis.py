"""How the model is questioned: settings of the sensitivity, band and prediction analyses.

Read from data/mechanism/analysis.yaml into frozen models (unknown keys refused),
apart from the model's own parameters: these settings never change the model,
only how many runs are made and what is asked of them.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from osteon.datafiles import Strict, load_model

Action = Literal["knockout", "inhibit", "stimulate"]


class SensitivitySettings(Strict):
    """Sobol' indices: base samples (a power of 2), spread, seed, the run read out."""

    n: int = Field(ge=8)
    spread: float = Field(gt=0, lt=1)
    seed: int
    injuries: tuple[str, ...]
    days: float = Field(gt=0)
    chunk: int = Field(gt=0)
    shown: int = Field(gt=0)


class BandSettings(Strict):
    """The uncertainty band: parameter sets, spread, seed, percentiles, time points."""

    sets: int = Field(ge=10)
    spread: float = Field(gt=0, lt=1)
    seed: int
    percentiles: tuple[float, float]
    points: int = Field(ge=2)


class ActionSpec(Strict):
    """One way of perturbing a node: activity removed, or level added toward its maximum."""

    inhibit: float | None = Field(default=None, gt=0, le=1)
    overexpress: float | None = Field(default=None, gt=0, le=1)
    label: str


class PredictSettings(Strict):
    """The control run each node is perturbed in, the actions, and what sources imply."""

    injuries: tuple[str, ...]
    days: float = Field(gt=0)
    actions: dict[Action, ActionSpec]
    suggest_at: float = Field(gt=0)
    necessity_predicates: tuple[str, ...] = ()
    expect_if_drives_bone: dict[Action, str]
    expect_if_limits_bone: dict[Action, str]
    intervention_kinds: dict[str, Action]


class AnalysisSettings(Strict):
    sensitivity: SensitivitySettings
    band: BandSettings
    predict: PredictSettings


@cache
def settings() -> AnalysisSettings:
    """The analysis settings (data/mechanism/analysis.yaml)."""
    return load_model(AnalysisSettings, "mechanism", "analysis.yaml")
