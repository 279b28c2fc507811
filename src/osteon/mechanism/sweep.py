"""How robust is each check's direction to the parameters? A Latin hypercube sweep.

Every named parameter (w__, n__, ec50__, tau__, ymax__, basal__) is drawn within
a band around its default (parameters.yaml `sweep`), all N sets are integrated
together as one vectorised system (the numpy-printed right-hand side works on
rows of a (states, sets) array), and each check row is judged per set. The
result is, per check, the fraction of sets in which its direction holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.integrate import solve_ivp
from scipy.stats import qmc

from osteon.mechanism.data import interventions, parameters
from osteon.mechanism.equations import NUMPY, build_system, compile_python
from osteon.mechanism.records import MechanismError, Scenario
from osteon.mechanism.simulate import Model

BONE = "heterotopic_ossification"
FAP = "fibro_adipogenic_progenitor"


def sample_parameters(model: Model, n: int | None = None, seed: int | None = None,
                      spread: float | None = None) -> tuple[tuple[str, ...], np.ndarray]:
    """Names and an (n_params, n) array of Latin-hypercube parameter sets."""
    spec = parameters()["sweep"]
    n = int(n or spec["sets"])
    spread = float(spec["spread"] if spread is None else spread)
    names = tuple(model.system.params)
    default = np.array([model.system.params[k] for k in names])
    unit = qmc.LatinHypercube(d=len(names), seed=spec["seed"] if seed is None else seed).random(n)
    values = default * (1 - spread + 2 * spread * unit)
    bounds = spec["bounds"]
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

    RK45 on the stacked system: one explicit step costs six vectorised evaluations
    whatever the number of sets, and the step is bounded by stability on the
    fastest node, which is why the sweep keeps every tau >= 0.1 day (parameters.yaml).
    """
    spec = parameters()["sweep"]
    controls = model.controls(scenario)
    active = frozenset(k for k, v in zip(model.system.controls, controls, strict=True)
                       if v and k.startswith(("kd_", "ox_")))
    make = compile_python(build_system(model.graph, NUMPY, active), NUMPY)
    rhs, y0 = make(list(values), controls)
    n_states, n_sets = len(model.system.states), values.shape[1]
    start = np.empty((n_states, n_sets))
    for i, v in enumerate(y0()):
        start[i] = v

    def f(t: float, y: np.ndarray) -> np.ndarray:
        out = np.empty((n_states, n_sets))
        for i, r in enumerate(rhs(y.reshape(n_states, n_sets), t)):
            out[i] = r
        return out.ravel()

    t_eval = np.linspace(0.0, scenario.days, points)
    sol = solve_ivp(f, (0.0, scenario.days), start.ravel(), method="RK45", t_eval=t_eval,
                    rtol=spec["rtol"], atol=spec["atol"])
    if not sol.success:
        raise MechanismError(f"the sweep's solver failed: {sol.message}")
    ymax = {k.removeprefix("ymax__"): values[j] for j, k in enumerate(model.system.params)
            if k.startswith("ymax__")}
    return Batch(sol.t, sol.y.reshape(n_states, n_sets, len(sol.t)), model.system.states, ymax)


def _plain(row: Any) -> dict[str, Any]:
    """A check row as a dict: a mapping from YAML, or a model with `model_dump` (checks.py)."""
    return dict(row) if isinstance(row, Mapping) else row.model_dump()


def scenario_of(row: Any) -> Scenario:
    """The scenario of a mechanism_checks row (stimuli such as lps listed with interventions)."""
    spec = _plain(row)["scenario"]
    stimuli = set(interventions()["stimuli"])
    names = tuple(spec.get("interventions", ()))
    return Scenario(injuries=tuple(spec["injuries"]),
                    interventions=tuple(n for n in names if n not in stimuli),
                    stimuli=tuple(n for n in names if n in stimuli),
                    days=float(spec.get("days", 28.0)))


def holds(expect: str, run: Batch, control: Batch, muscle: Batch) -> np.ndarray:
    """Per parameter set, whether the expected direction holds (thresholds as in the tests).

    The tests' absolute thresholds (bone > 0.1, osteoblasts > 0.5) are read in
    units of the node's ymax in each set: a set that halves ymax of bone halves
    every bone value, which says nothing about the direction of an effect.
    """
    bone, other = run.final(BONE), run.final(BONE, "uninjured")
    ctrl = control.final(BONE)
    if expect.startswith("no heterotopic bone"):
        return (bone < 0.05 * ctrl) & (other < 0.05 * ctrl)
    if expect.startswith("heterotopic bone in the injured muscle"):
        return (bone > 0.1 * run.ymax[BONE]) & (other < 0.05 * bone)
    if expect.startswith("strongly reduced"):
        return bone < 0.3 * ctrl
    if expect.startswith("reduced"):
        return bone < 0.8 * ctrl
    if expect.startswith("more bone"):
        return bone > 1.02 * ctrl
    if expect.startswith("fibro-adipogenic progenitors rise then fall"):
        fap = run.series(FAP)
        return (fap.max(axis=1) > 5 * fap[:, -1]) & (fap.argmax(axis=1) > 0) & (bone < 0.05 * ctrl)
    if expect.startswith("fibro-adipogenic progenitors fail"):
        return ((run.series(FAP).max(axis=1) > 1.5 * muscle.series(FAP).max(axis=1))
                & (run.series("osteoblast").max(axis=1) > 0.5 * run.ymax["osteoblast"])
                & (run.series("apoptosis").max(axis=1) < muscle.series("apoptosis").max(axis=1)))
    raise MechanismError(f"no judge for expectation {expect!r}")


def sweep(model: Model, rows: Iterable[Any], n: int | None = None,
          seed: int | None = None, spread: float | None = None) -> dict[str, float]:
    """Fraction of the N parameter sets in which each row's direction holds, by row id.

    `rows`: mechanism_checks rows, as dicts or as checks.CheckRow models.
    """
    _, values = sample_parameters(model, n, seed, spread)
    runs: dict[tuple[float, ...], Batch] = {}  # keyed by control values: two drugs
    # with the same targets and fraction (mifepristone, relacorilant) run once

    def run(s: Scenario) -> Batch:
        key = (s.days, *model.controls(s))
        if key not in runs:
            runs[key] = simulate_batch(model, s, values)
        return runs[key]

    control = run(Scenario(injuries=("spinal_cord", "muscle")))
    muscle = run(Scenario(injuries=("muscle",)))
    plain = [_plain(r) for r in rows]
    return {str(r["id"]): float(holds(r["expect"], run(scenario_of(r)), control, muscle).mean())
            for r in plain}
