"""Which parameters does bone depend on? Sobol' indices over the whole parameter space.

The robustness sweep (sweep.py) asks whether each check's direction survives
parameter uncertainty; this asks which parameters the readout (bone in the
injured muscle at the end of the control run) is sensitive to, all of them varied
at once (Saltelli 2010 estimators, scipy.stats.sobol_indices: a maintained
library already among the dependencies; SALib 1.5+ needs numpy >= 2, which
spaCy 3.7's thinc cannot take, see pyproject.toml).

The first-order index S1 of a parameter is the share of the readout's variance
its value alone explains; the total index ST adds every interaction it takes
part in, so ST >= S1, and S1 summed over the parameters is <= 1 (up to sampling
noise). A parameter that cannot reach bone (its state is no ancestor of bone in
the equations) changes nothing: its indices are exactly 0 and its n extra runs
are skipped. The parameter sets of the remaining runs are integrated together
(sweep.simulate_batch), in chunks so memory stays bounded.

With ~170 parameters reaching bone and n = 64 base samples (11,000 runs) the
first-order estimates still scatter by about ±0.1 and may come out below zero
or above their total; each index carries its 95 % bootstrap interval, which
says so. The totals are steadier and rank the parameters.

The unit cube is mapped to parameter values by the sweep's rules
(`scale_unit`, a copy of sweep.sample_parameters' scaling: that function draws
its own Latin hypercube and takes no points).
"""

from __future__ import annotations

import os
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.stats import qmc, sobol_indices

from osteon.mechanism.analysis import settings
from osteon.mechanism.data import parameters
from osteon.mechanism.equations import OdeSystem
from osteon.mechanism.judges import BONE
from osteon.mechanism.records import MechanismError, Scenario
from osteon.mechanism.simulate import Model
from osteon.mechanism.sweep import simulate_batch


@dataclass(frozen=True, slots=True)
class ParameterIndex:
    """One parameter's Sobol' indices, with 95 % bootstrap intervals."""

    name: str
    default: float
    first: float
    total: float
    first_ci: tuple[float, float]
    total_ci: tuple[float, float]
    reaches_bone: bool


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """Sobol' indices of the readout to every named parameter, largest total first."""

    indices: tuple[ParameterIndex, ...]
    n: int
    runs: int
    """Model runs made: n * (2 + parameters that reach bone)."""
    spread: float
    readout: str
    mean: float
    std: float

    def as_dict(self) -> dict[str, Any]:
        return {"readout": self.readout, "n": self.n, "runs": self.runs, "spread": self.spread,
                "mean": self.mean, "std": self.std,
                "sum_first": float(sum(i.first for i in self.indices)),
                "parameters": [{"name": i.name, "default": i.default, "first": i.first,
                                "total": i.total, "first_ci": list(i.first_ci),
                                "total_ci": list(i.total_ci), "reaches_bone": i.reaches_bone}
                               for i in self.indices]}


def scale_unit(model: Model, unit: np.ndarray, spread: float) -> np.ndarray:
    """Parameter values, (params, sets), from points of the unit cube, (sets, params).

    The sweep's rules (parameters.yaml `sweep`): default * (1 ± spread), clipped to
    the bounds, ec50^n kept below 1/2 so every Hill function stays normalised.
    """
    names = tuple(model.system.params)
    default = np.array([model.system.params[k] for k in names])
    values = default * (1 - spread + 2 * spread * unit)
    bounds = parameters().sweep.bounds
    for j, name in enumerate(names):
        lo, hi = bounds[name.split("__", 1)[0]]
        values[:, j] = np.clip(values[:, j], lo, hi)
    by_name = {k: j for j, k in enumerate(names)}
    for j, name in enumerate(names):
        if name.startswith("ec50__"):
            nj = by_name["n__" + name.removeprefix("ec50__")]
            values[:, j] = np.minimum(values[:, j], 0.9 * 0.5 ** (1 / values[:, nj]))
    return values.T


def bone_parameters(system: OdeSystem, state: str = f"{BONE}__injured") -> set[str]:
    """The parameters of `state`'s equation and of every state upstream of it."""
    shapes = system.shapes or {}
    if state not in shapes:
        return set(system.params)  # no structure to read: treat every parameter as reaching it
    seen, todo, used = {state}, [state], set()
    while todo:
        shape = shapes[todo.pop()]
        used.update(p for p in (shape.tau, shape.ymax, shape.basal) if p)
        for i in (*shape.acts, *shape.reqs, *shape.hosts, *shape.inhib):
            hill = system.hills[i]
            used.update((hill.weight, hill.n, hill.ec50))
            if hill.state not in seen:
                seen.add(hill.state)
                todo.append(hill.state)
    return used & set(system.params)


def _bone(model: Model, scenario: Scenario, values: np.ndarray, chunk: int) -> np.ndarray:
    """Bone in the injured muscle at the end of the run, one value per column of `values`.

    Chunks run side by side on the sweep's threads (numpy lets go of the GIL).
    """
    starts = range(0, values.shape[1], chunk)

    def run(start: int) -> np.ndarray:
        part = values[:, start:start + chunk]
        return simulate_batch(model, scenario, part, points=2).final(BONE)

    threads = max(1, min(len(starts), os.cpu_count() or 1, parameters().sweep.threads))
    with ThreadPoolExecutor(max_workers=threads) as pool:
        out = np.concatenate(list(pool.map(run, starts)))
    bad = ~np.isfinite(out)
    if bad.any():
        raise MechanismError(f"{int(bad.sum())} parameter sets gave no finite bone value")
    return out


def _interval(boot: Any, k: int, point: float) -> tuple[float, float]:
    """The k-th index's bootstrap interval; the point itself where the interval is undefined."""
    ci = boot.confidence_interval
    low, high = float(np.ravel(ci.low)[k]), float(np.ravel(ci.high)[k])
    if not (np.isfinite(low) and np.isfinite(high)):
        return point, point
    return low, high


def sensitivity(model: Model, n: int | None = None, spread: float | None = None,
                seed: int | None = None) -> Sensitivity:
    """Sobol' indices (first-order and total) of bone in the injured muscle to each parameter."""
    spec = settings().sensitivity
    n = int(n or spec.n)
    if n < 8 or n & (n - 1):
        raise MechanismError(f"the number of base samples must be a power of 2, >= 8; got {n}")
    spread = float(spec.spread if spread is None else spread)
    if not 0 < spread < 1:
        raise MechanismError(f"spread must be between 0 and 1, got {spread}")
    names = tuple(model.system.params)
    d = len(names)
    reach = bone_parameters(model.system)
    active = [j for j, k in enumerate(names) if k in reach]
    rng = np.random.default_rng(spec.seed if seed is None else seed)
    # A and B as scipy draws them: one scrambled Sobol' sequence in 2d dimensions
    unit = qmc.Sobol(d=2 * d, seed=rng).random(n)
    a, b = unit[:, :d], unit[:, d:]
    mixed = []
    for j in active:  # A with parameter j taken from B
        ab = a.copy()
        ab[:, j] = b[:, j]
        mixed.append(ab)
    scenario = Scenario(injuries=spec.injuries, days=spec.days)
    points = np.vstack([a, b, *mixed])
    bone = _bone(model, scenario, scale_unit(model, points, spread), spec.chunk)
    f_a, f_b = bone[:n], bone[n:2 * n]
    f_ab = bone[2 * n:].reshape(len(active), 1, n)
    if np.var(np.concatenate([f_a, f_b])) <= 0:
        raise MechanismError("bone does not vary over the parameter sets: no indices to give")
    # only the parameters that reach bone go to scipy: the others' f_AB equals f_A
    result = sobol_indices(func={"f_A": f_a[None, :], "f_B": f_b[None, :], "f_AB": f_ab}, n=n)
    with warnings.catch_warnings():  # an index whose resamples all agree has no BCa interval
        warnings.simplefilter("ignore", RuntimeWarning)
        boot = result.bootstrap(confidence_level=0.95, n_resamples=200)
    by_param = {j: k for k, j in enumerate(active)}

    def index(j: int, name: str) -> ParameterIndex:
        k = by_param.get(j)
        if k is None:
            return ParameterIndex(name, float(defaults[name]), 0.0, 0.0, (0.0, 0.0), (0.0, 0.0),
                                  False)
        first = float(np.ravel(result.first_order)[k])  # one output: (d,) or (1, d)
        total = float(np.ravel(result.total_order)[k])
        return ParameterIndex(name, float(defaults[name]), first, total,
                              _interval(boot.first_order, k, first),
                              _interval(boot.total_order, k, total), True)

    defaults = model.system.params
    indices = [index(j, name) for j, name in enumerate(names)]
    indices.sort(key=lambda i: (-i.total, -i.first, i.name))
    both = np.concatenate([f_a, f_b])
    return Sensitivity(tuple(indices), n, len(bone), spread,
                       f"bone in the injured muscle at day {scenario.days:g} "
                       f"({' + '.join(scenario.injuries)} injury)",
                       float(both.mean()), float(both.std()))
