"""Print one scenario's right-hand side and Jacobian with its numbers folded in.

LSODA calls the right-hand side about a thousand times per 28-day run, so its
cost is the cost of a scenario. With the parameter and control values known
before the run, most of the generic equations fall away: a Hill input raised
to the same power by several edges is raised once, a knockdown of 0 or a
ymax of 1 is no arithmetic at all, a basal of 0 drops out of the OR, and
x**3 is two multiplications. What is left is straight-line float arithmetic
on local names. The analytic Jacobian is printed from the same structure
(`StateShape`), so the stiff phase of LSODA needs no finite differences; it is
printed on first use, as many runs never reach a stiff phase.
Both follow `equations.build_system` term by term; the trajectories agree
with the generic form (and the SBML export) to solver tolerance.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from osteon.mechanism.equations import OdeSystem, StateShape, hill_constants

Rhs = Callable[[np.ndarray, float], list[float]]
Jac = Callable[[np.ndarray, float], np.ndarray]


@dataclass(frozen=True, slots=True)
class Specialised:
    """One scenario's compiled equations.

    `bind(tick, every, check)` returns `rhs(y, t)`; each call takes `n = tick()` and
    calls `check(n)` when n is a multiple of `every` (the caller's evaluation and
    wall-time budget), counted inside the generated function because a Python
    wrapper around it would cost a tenth of the run. Each run binds its own
    counter, so one compiled scenario can serve several threads.
    """

    bind: Callable[[Callable[[], int], int, Callable[[int], None]], Rhs]
    jac: Jac
    y0: list[float]


def _lit(x: float) -> str:
    return repr(float(x))


def _prod(factors: list[str]) -> str:
    return "*".join(factors) if factors else "1.0"


@dataclass
class _Printer:
    """Names each distinct clamp, power and Hill term once while printing the lines."""

    system: OdeSystem
    values: Mapping[str, float]
    states: tuple[str, ...]
    """The states printed, in the order of y (all of the system's, or a closed block)."""
    index: dict[str, int] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    names: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {s: i for i, s in enumerate(self.states)}

    def _once(self, key: tuple[Any, ...], prefix: str, expr: str) -> str:
        if key not in self.names:
            name = f"{prefix}{len(self.names)}"
            self.lines.append(f"    {name} = {expr}")
            self.names[key] = name
        return self.names[key]

    def clamp(self, state: str) -> str:
        y = f"y{self.index[state]}"
        return self._once(("x", state), "x", f"{y} if {y} > 0.0 else 0.0")

    def power(self, state: str, n: float) -> str:
        x = self.clamp(state)
        expr = {1.0: x, 2.0: f"{x}*{x}", 3.0: f"{x}*{x}*{x}"}.get(n, f"{x}**{_lit(n)}")
        return x if n == 1.0 else self._once(("p", state, n), "p", expr)

    def hill(self, i: int) -> str:
        """The Hill term i: wb*x^n/(kn + x^n), with wb and kn from the parameter values."""
        h = self.system.hills[i]
        wb, kn = hill_constants(self.values[h.weight], self.values[h.n], self.values[h.ec50])
        p = self.power(h.state, self.values[h.n])
        head = p if wb == 1.0 else f"{_lit(wb)}*{p}"
        return self._once(("f", h.state, self.values[h.n], wb, kn), "f",
                          f"{head}/({_lit(kn)} + {p})")

    def dhill(self, i: int) -> str:
        """d(Hill term i)/d(input state): wb*kn*n*x^(n-1)/(kn + x^n)^2 (0 below x = 0)."""
        h = self.system.hills[i]
        n = self.values[h.n]
        wb, kn = hill_constants(self.values[h.weight], n, self.values[h.ec50])
        x, p = self.clamp(h.state), self.power(h.state, n)
        slope = {1.0: f"(1.0 if {x} > 0.0 else 0.0)", 2.0: f"2.0*{x}", 3.0: f"3.0*{x}*{x}"}.get(
            n, f"{_lit(n)}*{x}**{_lit(n - 1)}")
        return self._once(("d", h.state, n, wb, kn), "d",
                          f"{_lit(wb * kn)}*{slope}/(({_lit(kn)} + {p})*({_lit(kn)} + {p}))")


def _or(pr: _Printer, hills: tuple[int, ...], keep: float = 1.0
        ) -> tuple[str, dict[int, str]]:
    """1 - keep*prod(1 - f) over the Hill terms, and its derivative by each term."""
    if keep == 1.0 and len(hills) == 1:
        return pr.hill(hills[0]), {hills[0]: "1.0"}
    misses = {i: f"(1 - {pr.hill(i)})" for i in hills}
    scale = "" if keep == 1.0 else f"{_lit(keep)}*"
    return (f"(1 - {scale}{_prod(list(misses.values()))})",
            {i: scale + _prod([m for j, m in misses.items() if j != i]) for i in hills})


def _factors(pr: _Printer, shape: StateShape) -> list[tuple[str, dict[int, str]]]:
    """The target's factors: (expression, {hill index: d factor / d hill term})."""
    v = pr.values
    out: list[tuple[str, dict[int, str]]] = []
    if shape.input:
        return [(_lit(v[shape.source]) if shape.source else "0.0", {})]
    if shape.basal is not None:
        if shape.acts:
            out.append(_or(pr, shape.acts, 1.0 - v[shape.basal]))
        else:
            out.append((_lit(v[shape.basal]), {}))
    out += [(pr.hill(i), {i: "1.0"}) for i in shape.reqs]
    if shape.hosts:
        out.append(_or(pr, shape.hosts))
    out += [(f"(1 - {pr.hill(i)})", {i: "-1.0"}) for i in shape.inhib]
    return out


def _wrap(v: Mapping[str, float], shape: StateShape, target: str) -> tuple[str, float]:
    """Overexpression and knockdown around the target; also the factor they put on dT."""
    gain = 1.0
    if shape.ox and v[shape.ox]:
        target = f"({_lit(v[shape.ox])} + {_lit(1 - v[shape.ox])}*{target})"
        gain *= 1 - v[shape.ox]
    if shape.kd and v[shape.kd]:
        target = f"{_lit(1 - v[shape.kd])}*{target}"
        gain *= 1 - v[shape.kd]
    return target, gain


def compile_specialised(system: OdeSystem, values: Mapping[str, float],
                        states: Sequence[str] | None = None) -> Specialised:
    """The right-hand side, Jacobian (d rate_i / d y_j) and y0 for these values.

    `values`: every named parameter and control of `system` by name. `states`:
    only these, in this order (a block whose rates read no state outside it).
    """
    if system.shapes is None:
        raise ValueError("the system was built without state shapes")
    order = tuple(system.states if states is None else states)
    pr = _Printer(system, values, order)
    shapes = [system.shapes[name] for name in order]
    factors = [_factors(pr, shape) for shape in shapes]
    rates: list[str] = []
    for i, (shape, fs) in enumerate(zip(shapes, factors, strict=True)):
        k, ymax = _lit(1.0 / values[shape.tau]), _lit(values[shape.ymax])
        target, _ = _wrap(values, shape, _prod([f for f, _ in fs]))
        rate = (f"{target}*({ymax} - y{i})" if shape.accumulating
                else f"-y{i}" if target == "0.0"
                else f"({target} - y{i})" if values[shape.ymax] == 1.0
                else f"({target}*{ymax} - y{i})")
        rates.append(rate if k == "1.0" else f"{rate}*{k}")
    rhs_lines = list(pr.lines)
    n = len(order)
    unpack = ", ".join(f"y{i}" for i in range(n))
    src = ["def bind(_tick, _every, _check):", "  def rhs(y, t):", "    _n = _tick()",
           "    if not _n % _every:", "        _check(_n)",
           f"    {unpack}, = y.tolist()", *rhs_lines,
           "    return [" + ", ".join(rates) + "]", "  return rhs"]
    scope: dict[str, Any] = {}
    exec(compile("\n".join(src), "<osteon.mechanism.rhs_specialised>", "exec"), scope)  # noqa: S102
    y0 = [float(eval(system.initial[s], {}, dict(values))) for s in order]  # noqa: S307
    return Specialised(scope["bind"], _LazyJacobian(lambda: _jacobian(pr, shapes, factors)), y0)


class _LazyJacobian:
    """Prints and compiles the Jacobian on its first call.

    LSODA asks for it only once it switches to its stiff method, which many runs
    never do, and printing it costs as much as the right-hand side.
    """

    def __init__(self, build: Callable[[], Jac]) -> None:
        self._build = build
        self._jac: Jac | None = None
        self._lock = threading.Lock()  # the build extends the shared printer's lines

    def __call__(self, y: np.ndarray, t: float) -> np.ndarray:
        if self._jac is None:
            with self._lock:
                if self._jac is None:
                    self._jac = self._build()
        return self._jac(y, t)


def _jacobian(pr: _Printer, shapes: list[StateShape],
              factors: list[list[tuple[str, dict[int, str]]]]) -> Jac:
    """The Jacobian, d rate_i / d y_j, by the chain rule through each factor and Hill term."""
    values, system = pr.values, pr.system
    jac: dict[tuple[int, int], list[str]] = {}
    for i, (shape, fs) in enumerate(zip(shapes, factors, strict=True)):
        k, ymax = _lit(1.0 / values[shape.tau]), _lit(values[shape.ymax])
        target, gain = _wrap(values, shape, _prod([f for f, _ in fs]))
        if shape.accumulating:
            jac[(i, i)] = [f"-{target}*{k}"]
            outer = f"({ymax} - y{i})*{k}"
        else:
            jac[(i, i)] = [f"-{k}"]
            outer = f"{ymax}*{k}"
        for m, (_, derivs) in enumerate(fs):
            others = _prod([f for j, (f, _) in enumerate(fs) if j != m])
            for h, dfactor in derivs.items():
                j = pr.index[system.hills[h].state]
                jac.setdefault((i, j), []).append(
                    f"{_lit(gain)}*{outer}*{others}*{dfactor}*{pr.dhill(h)}")
    n = len(pr.states)
    keys = sorted(jac)
    src = ["def jac(y, t):", f"    {', '.join(f'y{i}' for i in range(n))}, = y.tolist()",
           *pr.lines, f"    out = _zeros(({n}, {n}))",
           "    out.flat[_where] = [" + ", ".join(" + ".join(jac[key]) for key in keys) + "]",
           "    return out"]
    scope: dict[str, Any] = {"_zeros": np.zeros,
                             "_where": np.array([i * n + j for i, j in keys], dtype=np.intp)}
    exec(compile("\n".join(src), "<osteon.mechanism.jac_specialised>", "exec"), scope)  # noqa: S102
    return scope["jac"]
