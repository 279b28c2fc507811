"""How robust is each check's direction to the parameters? A Latin hypercube sweep.

Every named parameter (w__, n__, ec50__, tau__, ymax__, basal__) is drawn within
a band around its default (parameters.yaml `sweep`), all N sets are integrated
together as one vectorised system per scenario (vector.py: the right-hand side
works on a (states, sets) array), and each check row is judged per set by the
same criteria that judge a single run (judges.py). The result is, per check,
the fraction of sets in which its direction holds.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy.stats import qmc

from osteon.errors import OsteonError
from osteon.mechanism.checks import ALONE, CONTROL, CheckRow, scenario_of
from osteon.mechanism.data import interventions, parameters
from osteon.mechanism.judges import Context, criterion_for
from osteon.mechanism.records import MechanismError, Scenario
from osteon.mechanism.rk import rk23
from osteon.mechanism.simulate import Model
from osteon.mechanism.vector import VectorRhs


def sample_parameters(model: Model, n: int | None = None, seed: int | None = None,
                      spread: float | None = None) -> tuple[tuple[str, ...], np.ndarray]:
    """Names and an (n_params, n) array of Latin-hypercube parameter sets."""
    spec = parameters().sweep
    n = int(n or spec.sets)
    spread = float(spec.spread if spread is None else spread)
    names = tuple(model.system.params)
    default = np.array([model.system.params[k] for k in names])
    unit = qmc.LatinHypercube(d=len(names), seed=spec.seed if seed is None else seed).random(n)
    values = default * (1 - spread + 2 * spread * unit)
    bounds = spec.bounds
    for j, name in enumerate(names):
        lo, hi = bounds[name.split("__", 1)[0]]
        values[:, j] = np.clip(values[:, j], lo, hi)
    by_name = {k: j for j, k in enumerate(names)}
    for j, name in enumerate(names):  # keep ec50^n < 1/2: the Hill function's normalisation
        if name.startswith("ec50__"):
            nj = by_name["n__" + name.removeprefix("ec50__")]
            values[:, j] = np.minimum(values[:, j], 0.9 * 0.5 ** (1 / values[:, nj]))
    return names, values.T


@dataclass(frozen=True, slots=True)
class Batch:
    """Time courses of every state for every parameter set: y has shape (states, sets, times)."""

    t: np.ndarray
    y: np.ndarray
    states: tuple[str, ...]
    ymax: dict[str, np.ndarray]
    """Each node's ymax per set: the unit in which absolute thresholds are read."""

    def series(self, node: str, compartment: str = "injured") -> np.ndarray:
        name = node if node in self.states else f"{node}__{compartment}"
        return self.y[self.states.index(name)]

    def final(self, node: str, compartment: str = "injured") -> np.ndarray:
        return self.series(node, compartment)[:, -1]


def simulate_batch(model: Model, scenario: Scenario, values: np.ndarray,
                   points: int = 29) -> Batch:
    """All parameter sets (columns of `values`) through one scenario, in one integration.

    An explicit Runge-Kutta method on the stacked system (rk.py, Bogacki–Shampine
    3(2)): one step costs three vectorised evaluations whatever the number of
    sets, and the step is bounded by stability on the fastest node, which is why
    the sweep keeps every tau >= 0.1 day (parameters.yaml). At the sweep's loose
    tolerance the step is set by stability more than by accuracy, so the method
    with the fewest evaluations per step wins (RK45 needs ~25 % more).
    """
    spec = parameters().sweep
    system = model.system
    controls = dict(zip(system.controls, model.controls(scenario), strict=True))
    n_states, n_sets = len(system.states), values.shape[1]
    f = VectorRhs(system, dict(zip(system.params, values, strict=True)), controls, n_sets)
    start = f.y0()
    t_eval = np.linspace(0.0, scenario.days, points)
    y = rk23(f, start.ravel(), t_eval, rtol=spec.rtol, atol=spec.atol)
    ymax = {k.removeprefix("ymax__"): values[j] for j, k in enumerate(model.system.params)
            if k.startswith("ymax__")}
    return Batch(t_eval, y.reshape(n_states, n_sets, points), model.system.states, ymax)


def holds(expect: str, run: Batch, control: Batch, muscle: Batch) -> np.ndarray:
    """Per parameter set, whether the expected direction holds (judges.py's criteria)."""
    try:
        criterion = criterion_for(expect)
    except OsteonError as e:
        raise MechanismError(str(e)) from None
    return np.asarray(criterion.holds(run, Context(control, muscle)), dtype=bool)


def sweep(model: Model, rows: Iterable[CheckRow], n: int | None = None,
          seed: int | None = None, spread: float | None = None) -> dict[str, float]:
    """Fraction of the N parameter sets in which each row's direction holds, by row id.

    `rows`: the checks as `checks.load_checks` gives them.
    """
    _, values = sample_parameters(model, n, seed, spread)
    parsed = list(rows)
    stimuli = frozenset(interventions().stimuli)
    scenarios = [CONTROL, ALONE, *(scenario_of(r, stimuli) for r in parsed)]
    # keyed by control values: two drugs with the same targets and fraction
    # (mifepristone, relacorilant) run once
    distinct = {_key(model, s): s for s in scenarios}
    with ThreadPoolExecutor(max_workers=_workers(len(distinct))) as pool:
        batches = dict(zip(distinct, pool.map(lambda s: simulate_batch(model, s, values),
                                              distinct.values()), strict=True))
    control, muscle = batches[_key(model, CONTROL)], batches[_key(model, ALONE)]
    return {r.id: float(holds(r.expect, batches[_key(model, s)], control, muscle).mean())
            for r, s in zip(parsed, scenarios[2:], strict=True)}


def _key(model: Model, scenario: Scenario) -> tuple[float, ...]:
    return (scenario.days, *model.controls(scenario))


def _workers(jobs: int) -> int:
    """How many threads integrate the scenario batches side by side.

    numpy lets go of the GIL inside each whole-array operation (vector.py), so
    two batches on two cores overlap most of their arithmetic.
    """
    return max(1, min(jobs, os.cpu_count() or 1, parameters().sweep.threads))
