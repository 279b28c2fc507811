"""Solve the model for a scenario with scipy, with limits so a stiff set fails fast.

`odeint` drives the Fortran LSODA directly, which costs a fraction of the Python
bookkeeping `solve_ivp` does per step; LSODA switches to a stiff method by itself
when it must, and then uses the analytic Jacobian. The right-hand side is
printed for the scenario's parameter and control values (specialise.py) and
kept for the next run with the same values. Each muscle is solved with the
systemic states as its own system (equations.independent_blocks), so the quiet
one does not take the busy one's steps. A cap on right-hand-side
evaluations and on wall time turns a pathological parameter set into a clear
MechanismError instead of a hang.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from scipy.integrate import odeint

from osteon.mechanism.data import parameters
from osteon.mechanism.equations import OdeSystem, build_system, independent_blocks
from osteon.mechanism.interventions import controls_for
from osteon.mechanism.records import MechanismError, MechanismGraph, Scenario, Trajectory
from osteon.mechanism.specialise import Specialised, compile_specialised

CACHED = 64
"""Compiled scenarios kept per model: printing and compiling one costs about as much
as running it, and a session (the checks, a sweep's single runs) reuses a few."""


class _Budget(Exception):
    pass


@dataclass
class Model:
    """A compiled model: the graph, its ODE system and the Python right-hand side."""

    graph: MechanismGraph
    _compiled: OrderedDict[tuple[float, ...], tuple[Specialised, ...]] = field(
        default_factory=OrderedDict, init=False, repr=False, compare=False)
    """Compiled scenarios by parameter and control values, least recently used first."""
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False,
                                  compare=False)
    """Guards the cache: a web server may run scenarios from several threads."""

    @cached_property
    def system(self) -> OdeSystem:
        return build_system(self.graph)

    @cached_property
    def blocks(self) -> tuple[tuple[str, ...], ...]:
        """Groups of states solved apart (equations.independent_blocks)."""
        return independent_blocks(self.system)

    def _specialised(self, params: list[float], controls: list[float]
                     ) -> tuple[Specialised, ...]:
        """Each block's equations compiled for these values, cached for the next run."""
        key = (*params, *controls)
        cache = self._compiled
        with self._lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        values = {**dict(zip(self.system.params, params, strict=True)),
                  **dict(zip(self.system.controls, controls, strict=True))}
        try:
            compiled = tuple(compile_specialised(self.system, values, b) for b in self.blocks)
        except (ZeroDivisionError, OverflowError) as e:
            raise MechanismError(f"the parameter set has no valid Hill function: {e}") from None
        with self._lock:
            cache[key] = compiled
            if len(cache) > CACHED:
                cache.popitem(last=False)
        return compiled

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
        opts = {**parameters().solver.model_dump(), **(solver or {})}
        controls = self.controls(scenario)
        values = self.param_vector(params)
        compiled = self._specialised(values, controls)
        limit = int(opts["max_rhs_evals"])
        deadline = time.perf_counter() + float(opts["max_seconds"])

        def check(calls: int) -> None:
            if calls >= limit or time.perf_counter() > deadline:
                raise _Budget(calls)

        tick = itertools.count(1).__next__  # one budget for all blocks
        t_eval = np.linspace(0.0, scenario.days, points)
        solved: dict[str, np.ndarray] = {}
        for block, part in zip(self.blocks, compiled, strict=True):
            try:
                y, info = odeint(part.bind(tick, min(limit, 500), check), part.y0, t_eval,
                                 Dfun=part.jac, rtol=opts["rtol"], atol=opts["atol"],
                                 hmax=opts["max_step"], mxstep=limit, full_output=True)
            except _Budget as stop:
                raise MechanismError(
                    f"the solver gave up after {stop.args[0]} evaluations (limit {limit}, "
                    f"{opts['max_seconds']} s): the parameter set is too stiff") from None
            if info["message"] != "Integration successful.":
                raise MechanismError(f"the solver failed: {info['message']}")
            for i, name in enumerate(block):  # systemic states: the first block's run
                solved.setdefault(name, y[:, i])
        ymax = {k.removeprefix("ymax__"): v for k, v in zip(self.system.params, values, strict=True)
                if k.startswith("ymax__")}
        states = self.system.states
        return Trajectory(t_eval, np.array([solved[s] for s in states]), states, ymax)
