"""Solve the model for a scenario with scipy, with limits so a stiff set fails fast.

`odeint` drives the Fortran LSODA directly, which costs a fraction of the Python
bookkeeping `solve_ivp` does per step; LSODA switches to a stiff method by itself
when it must. A cap on right-hand-side evaluations and on wall time turns a
pathological parameter set into a clear MechanismError instead of a hang.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from scipy.integrate import odeint

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
    def _compiled(self) -> dict[frozenset[str], Any]:
        return {}

    def _make(self, controls: list[float]) -> Any:
        """The compiled `make` for the kd_/ox_ controls this scenario sets (cached per set)."""
        active = frozenset(n for n, v in zip(self.system.controls, controls, strict=True)
                           if v and n.startswith(("kd_", "ox_")))
        if active not in self._compiled:
            self._compiled[active] = compile_python(build_system(self.graph, active=active))
        return self._compiled[active]

    @property
    def default_params(self) -> dict[str, float]:
        """The named parameters (w__, n__, ec50__, tau__, ymax__, basal__) at their defaults."""
        return dict(self.system.params)

    def param_vector(self, params: Mapping[str, float] | None = None) -> list[float]:
        """Parameter values in the system's order: defaults, overridden by `params`."""
        values = self.default_params
        for name, value in (params or {}).items():
            if name not in values:
                raise MechanismError(f"unknown model parameter {name!r}")
            values[name] = float(value)
        return list(values.values())

    def controls(self, scenario: Scenario) -> list[float]:
        return controls_for(self.graph, scenario, self.system.controls)

    def simulate(self, scenario: Scenario, *, points: int = 113,
                 solver: dict[str, Any] | None = None,
                 params: Mapping[str, float] | None = None) -> Trajectory:
        """Time courses for the scenario, sampled at `points` evenly spaced days.

        `params` overrides named model parameters for this run only.
        """
        opts = {**parameters()["solver"], **(solver or {})}
        controls = self.controls(scenario)
        rhs, y0 = self._make(controls)(self.param_vector(params), controls)
        calls = 0
        limit = int(opts["max_rhs_evals"])
        deadline = time.perf_counter() + float(opts["max_seconds"])

        def f(y: np.ndarray, t: float) -> list[float]:
            nonlocal calls
            calls += 1
            if calls > limit or (calls % 500 == 0 and time.perf_counter() > deadline):
                raise _Budget
            return rhs(y, t)

        t_eval = np.linspace(0.0, scenario.days, points)
        try:
            y, info = odeint(f, y0(), t_eval, rtol=opts["rtol"], atol=opts["atol"],
                             hmax=opts["max_step"], mxstep=limit, full_output=True)
        except _Budget:
            raise MechanismError(
                f"the solver gave up after {calls} evaluations (limit {limit}, "
                f"{opts['max_seconds']} s): the parameter set is too stiff") from None
        if info["message"] != "Integration successful.":
            raise MechanismError(f"the solver failed: {info['message']}")
        return Trajectory(t_eval, np.ascontiguousarray(y.T), self.system.states)
