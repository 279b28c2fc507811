"""How sure is a time course? Percentiles of every state over a parameter sweep.

The model's parameters are modelling choices more than measurements, so a time
course is drawn with a band: the scenario is run for a Latin-hypercube sample of
parameter sets at ±spread around the defaults (sweep.sample_parameters, all sets
integrated together by sweep.simulate_batch), and at each time point the band
runs from the lower to the upper percentile (5th to 95th by default,
data/mechanism/analysis.yaml `band`). A wide band says the model's answer
depends on values no source gives; the Sobol' indices (sensitivity.py) say which.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from osteon.mechanism.analysis import settings
from osteon.mechanism.records import MechanismError, Scenario
from osteon.mechanism.simulate import Model
from osteon.mechanism.sweep import sample_parameters, simulate_batch


@dataclass(frozen=True, slots=True)
class Band:
    """Lower and upper percentiles of every state at every time point, (states, times)."""

    t: np.ndarray
    low: np.ndarray
    high: np.ndarray
    states: tuple[str, ...]
    percentiles: tuple[float, float]
    sets: int
    spread: float

    def series(self, node: str, compartment: str = "injured") -> tuple[np.ndarray, np.ndarray]:
        """(lower, upper) percentile of the node over time."""
        name = node if node in self.states else f"{node}__{compartment}"
        i = self.states.index(name)
        return self.low[i], self.high[i]

    def label(self) -> str:
        return describe(self.percentiles, self.sets, self.spread)


def describe(percentiles: tuple[float, float] | None = None, sets: int | None = None,
             spread: float | None = None) -> str:
    """What a band spans, in words; the settings' values where none are given."""
    spec = settings().band
    lo, hi = percentiles or spec.percentiles
    return (f"{lo:g}th–{hi:g}th percentile over {sets or spec.sets} parameter sets "
            f"at ±{spec.spread if spread is None else spread:.0%}")


def band(model: Model, scenario: Scenario, sets: int | None = None,
         spread: float | None = None, seed: int | None = None) -> Band:
    """The scenario's percentile band over a Latin-hypercube sweep of the parameters."""
    spec = settings().band
    sets = int(sets or spec.sets)
    if sets < 10:
        raise MechanismError(f"a band needs at least 10 parameter sets, got {sets}")
    spread = float(spec.spread if spread is None else spread)
    if not 0 < spread < 1:
        raise MechanismError(f"spread must be between 0 and 1, got {spread}")
    _, values = sample_parameters(model, sets, spec.seed if seed is None else seed, spread)
    batch = simulate_batch(model, scenario, values, points=spec.points)
    y = batch.y  # (states, sets, times)
    if not np.isfinite(y).all():
        raise MechanismError("some parameter sets gave no finite time course")
    low, high = np.percentile(y, spec.percentiles, axis=1)
    return Band(batch.t, low, high, batch.states, spec.percentiles, sets, spread)
