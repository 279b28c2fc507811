"""Solve the model for a scenario with scipy, with limits so a stiff set fails fast.

LSODA switches to a stiff method by itself; a cap on right-hand-side evaluations
and on wall time turns a pathological parameter set into a clear MechanismError
instead of a hang.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from scipy.integrate import solve_ivp

from osteon.mechanism.data import parameters
from osteon.mechanism.equations import OdeSystem, build_system, compile_python
from osteon.mechanism.interventions import controls_for
from osteon.mechanism.records import MechanismError, MechanismGraph, Scenario, Trajectory


class _Budget(Exception):
    pass


@dataclass
class Model:
    """A compiled model: the graph, its ODE system and the Python right-hand side."""

    graph: MechanismGraph

    @cached_property
    def system(self) -> OdeSystem:
        return build_system(self.graph)

    @cached_property
    def _compiled(self) -> tuple[Any, Any]:
        return compile_python(self.system)

    def controls(self, scenario: Scenario) -> list[float]:
        return controls_for(self.graph, scenario, self.system.controls)

    def simulate(self, scenario: Scenario, *, points: int = 113,
                 solver: dict[str, Any] | None = None) -> Trajectory:
        """Time courses for the scenario, sampled at `points` evenly spaced days."""
        opts = {**parameters()["solver"], **(solver or {})}
        c = self.controls(scenario)
        rhs, y0 = self._compiled
        calls = 0
        deadline = time.perf_counter() + float(opts["max_seconds"])

        def f(t: float, y: np.ndarray) -> list[float]:
            nonlocal calls
            calls += 1
            if calls > opts["max_rhs_evals"] or (calls % 500 == 0
                                                 and time.perf_counter() > deadline):
                raise _Budget
            return rhs(t, y, c)

        t_eval = np.linspace(0.0, scenario.days, points)
        try:
            sol = solve_ivp(f, (0.0, scenario.days), y0(c), method=opts["method"],
                            t_eval=t_eval, rtol=opts["rtol"], atol=opts["atol"],
                            max_step=opts["max_step"])
        except _Budget:
            raise MechanismError(
                f"the solver gave up after {calls} evaluations (limit {opts['max_rhs_evals']}, "
                f"{opts['max_seconds']} s): the parameter set is too stiff") from None
        if not sol.success:
            raise MechanismError(f"the solver failed: {sol.message}")
        return Trajectory(sol.t, sol.y, self.system.states)
