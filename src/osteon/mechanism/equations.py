"""Turn the graph into logic-based ODEs (Kraeutler et al. 2010, Netflux style).

Each node y relaxes toward a target made of normalised Hill functions of its
inputs: dy/dt = (T * ymax - y) / tau. Activators combine with OR over a basal
level, `requires` inputs with AND, a receptor's host cells with OR, inhibitors
multiply. Every edge weight, EC50 and Hill n and every node tau, ymax and basal
is a *named* parameter (w__src__tgt, tau__node ...), so a sweep can vary them and
the SBML export carries them. One set of equation strings is printed as Python
(scalar, for one scenario), as numpy (vectorised over parameter sets, for a
sweep) and as SBML infix, so every form is the same model, not a re-typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from osteon.mechanism.data import assumptions, parameters
from osteon.mechanism.records import MechanismGraph

COMPARTMENTS = ("injured", "uninjured")


@dataclass(frozen=True, slots=True)
class Printer:
    """How to print max(x, 0), x^n and a normalised Hill term in the target language.

    `hill(x, w, n, ec50, i)` gets parameter *names*; Python printers refer to
    constants `_wb{i}`, `_kn{i}` derived once per parameter set (so the right-hand
    side does no pow(ec50, n) per call), SBML spells the whole formula out.
    """

    pos: Callable[[str], str]
    power: Callable[[str, str], str]
    hill: Callable[[str, str, str, str, int], str]


def _py_hill(x: str, w: str, n: str, ec50: str, i: int) -> str:
    return f"(_wb{i}*_h{i}/(_kn{i} + _h{i}))"


def _sbml_hill(x: str, w: str, n: str, ec50: str, i: int) -> str:
    b = f"((pow({ec50}, {n}) - 1)/(2*pow({ec50}, {n}) - 1))"
    xn = f"pow((({x} + abs({x}))/2), {n})"
    return f"({w}*{b}*{xn}/(({b} - 1) + {xn}))"


PYTHON = Printer(lambda x: f"({x} if {x} > 0.0 else 0.0)", lambda a, b: f"({a})**({b})",
                 _py_hill)
NUMPY = Printer(lambda x: f"_mx({x}, 0.0)", lambda a, b: f"({a})**({b})",
                lambda x, w, n, ec50, i: f"_f{i}")
"""Vectorised over parameter sets: all Hill terms are computed as one (hills, sets)
array per evaluation (a handful of numpy calls instead of five per term)."""
SBML = Printer(lambda x: f"(({x} + abs({x}))/2)", lambda a, b: f"pow({a}, {b})", _sbml_hill)


@dataclass(frozen=True, slots=True)
class HillTerm:
    """One edge's Hill term: its input state and the names of its three parameters."""

    state: str
    weight: str
    n: str
    ec50: str


@dataclass(frozen=True, slots=True)
class OdeSystem:
    """States, their rate expressions and initial values, controls and named parameters."""

    states: tuple[str, ...]
    rates: dict[str, str]
    initial: dict[str, str]
    """Initial value of each state as an expression of the control parameters."""
    controls: tuple[str, ...]
    """Intervention parameters: inj_*, stim_*, kd_*, ox_* (all default 0)."""
    params: dict[str, float]
    """Named model parameters at their defaults (w__, n__, ec50__, tau__, ymax__, basal__)."""
    hills: tuple[HillTerm, ...] = ()
    """The Hill terms, indexed as the Python printers' `_h{i}`, `_wb{i}`, `_kn{i}`."""
    targets: dict[str, str] | None = None
    """Each state's target activity T, before interventions."""
    templates: dict[str, str] | None = None
    """Each state's rate with `{T}` standing for its target (computed once in Python)."""


def _num(x: float) -> str:
    return repr(float(x))


def hill_constants(weight: float, n: float, ec50: float) -> tuple[float, float]:
    """(weight*b, k^n) of the normalised Hill function: f(0)=0, f(1)=weight, f(ec50)=weight/2."""
    b = (ec50 ** n - 1) / (2 * ec50 ** n - 1)
    return weight * b, b - 1


def state_name(node: str, compartment: str, systemic: set[str]) -> str:
    return node if node in systemic else f"{node}__{compartment}"


def edge_param(kind: str, source: str, target: str) -> str:
    """The SBML-safe name of an edge parameter, e.g. w__macrophage__oncostatin_m."""
    return f"{kind}__{source}__{target}"


def control_names(graph: MechanismGraph) -> tuple[str, ...]:
    spec = assumptions()
    injuries = [f"inj_{n}" for n in ("spinal_cord_injury", "muscle_injury")]
    stimuli = [f"stim_{n}" for n in spec["inputs"] if n not in ("spinal_cord_injury",
                                                                "muscle_injury")]
    return tuple(injuries + stimuli + [f"kd_{n}" for n in graph.nodes]
                 + [f"ox_{n}" for n in graph.nodes])


def _edge_params(key: str) -> dict[str, float]:
    p = parameters()
    return {**p["defaults"]["edge"], **p["edges"].get(key, {})}


def node_params(node: str) -> dict[str, Any]:
    p = parameters()
    return {**p["defaults"]["node"], **p["nodes"].get(node, {})}


class _Builder:
    """Collects named parameters and Hill terms while printing the rate expressions."""

    def __init__(self, graph: MechanismGraph, pr: Printer) -> None:
        self.graph, self.pr = graph, pr
        self.params: dict[str, float] = {}
        self.hills: list[HillTerm] = []
        spec = assumptions()
        self.systemic = set(spec["systemic"])

    def hill(self, state: str, source: str, target: str) -> str:
        ep = _edge_params(f"{source} -> {target}")
        names = {k: edge_param(k, source, target) for k in ("w", "n", "ec50")}
        for k, key in (("w", "weight"), ("n", "n"), ("ec50", "ec50")):
            self.params[names[k]] = float(ep[key])
        i = len(self.hills)
        self.hills.append(HillTerm(state, names["w"], names["n"], names["ec50"]))
        return self.pr.hill(state, names["w"], names["n"], names["ec50"], i)

    def target(self, node: str, comp: str) -> str:
        np_ = node_params(node)
        requires = set(np_.get("requires", []))
        acts, reqs, hosts, inhib = [], [], [], []
        for e in self.graph.inputs_of(node):
            f = self.hill(state_name(e.source, comp, self.systemic), e.source, node)
            if e.role == "host":
                hosts.append(f)
            elif e.sign < 0:
                inhib.append(f)
            elif e.source in requires:
                reqs.append(f)
            else:
                acts.append(f)
        terms = []
        basal = f"basal__{node}"
        if acts or not (reqs or hosts):
            self.params[basal] = float(np_["basal"])
        if acts:
            prod = "*".join(f"(1 - {f})" for f in acts)
            terms.append(f"(1 - (1 - {basal})*{prod})")
        elif not reqs and not hosts:
            terms.append(basal)
        terms += reqs
        if hosts:
            terms.append("(1 - " + "*".join(f"(1 - {f})" for f in hosts) + ")")
        terms += [f"(1 - {f})" for f in inhib]
        return "*".join(terms)


def build_system(graph: MechanismGraph, pr: Printer = PYTHON,
                 active: frozenset[str] | None = None) -> OdeSystem:
    """The rate expression and initial value of every state, in the printer's language.

    `active`: the kd_/ox_ controls a scenario sets; the others are left out of the
    equations (they would multiply by 1 or add 0), which saves a third of the
    arithmetic per evaluation. None keeps every control (the SBML export).
    """
    spec = assumptions()
    b = _Builder(graph, pr)
    inputs: dict[str, dict[str, str]] = spec["inputs"]
    states: list[str] = []
    targets: dict[str, str] = {}
    templates: dict[str, str] = {}
    initial: dict[str, str] = {}
    for node in graph.nodes:
        comps = ("injured",) if node in b.systemic else COMPARTMENTS
        np_ = node_params(node)
        tau, ymax = f"tau__{node}", f"ymax__{node}"
        b.params[tau], b.params[ymax] = float(np_["tau"]), float(np_["ymax"])
        for comp in comps:
            name = state_name(node, comp, b.systemic)
            states.append(name)
            initial[name] = "0"
            if node in inputs and inputs[node]["kind"] == "pulse":
                target = "0"
                if comp == "injured":
                    initial[name] = f"inj_{node}"
            elif node in inputs:
                target = f"inj_{node}" if node.endswith("_injury") else f"stim_{node}"
            else:
                target = b.target(node, comp)
            targets[name] = target
            wrapped = "{T}"
            if active is None or f"ox_{node}" in active:
                wrapped = f"({wrapped} + ox_{node}*(1 - {wrapped}))"
            if active is None or f"kd_{node}" in active:
                wrapped = f"(1 - kd_{node})*{wrapped}"
            if node in spec["accumulating"]:
                templates[name] = f"{wrapped}*({ymax} - {name})/{tau}"
            else:
                templates[name] = f"({wrapped}*{ymax} - {name})/{tau}"
    rates = {s: templates[s].replace("{T}", f"({targets[s]})") for s in states}
    return OdeSystem(tuple(states), rates, initial, control_names(graph), b.params,
                     tuple(b.hills), targets, templates)


Compiled = Callable[..., tuple[Callable[..., Any], Callable[[], list[Any]]]]


def compile_python(system: OdeSystem, pr: Printer = PYTHON) -> Compiled:
    """Compile the system to `make(p, c) -> (rhs(y, t), y0())` for parameters p, controls c.

    `make` binds parameter and control values and the derived Hill constants as
    closure variables, so `rhs` is straight-line arithmetic on local names: with
    PYTHON, on floats (one scenario, called from LSODA); with NUMPY, on rows of a
    (states, sets) array (a sweep, all parameter sets at once).
    """
    if pr is SBML:
        raise ValueError("SBML expressions do not compile to Python")
    fn = "_scalar" if pr is PYTHON else "_vector"
    lines = ["def make(p, c):"]
    lines += [f"    {name} = p[{i}]" for i, name in enumerate(system.params)]
    lines += [f"    {name} = c[{i}]" for i, name in enumerate(system.controls)]
    hills = system.hills
    if pr is NUMPY:
        index = [system.states.index(h.state) for h in hills]
        lines.append(f"    _idx = _np.array({index})")
        for kind in ("weight", "n", "ec50"):
            names = ", ".join(getattr(h, kind) for h in hills)
            lines.append(f"    _{kind} = _np.array(_np.broadcast_arrays({names}), dtype=float)")
        lines.append("    _WB, _KN = _hc(_weight, _n, _ec50)")
    else:
        for i, h in enumerate(hills):
            lines.append(f"    _wb{i}, _kn{i} = _hc({h.weight}, {h.n}, {h.ec50})")
            lines.append(f"    _n{i} = {h.n}")
    lines.append("    def rhs(y, t):")
    lines.append(f"        {', '.join(system.states)}, = {fn}(y)")
    if pr is NUMPY:
        lines.append("        _X = _mx(y[_idx], 0.0)")
        lines.append("        _X **= _n")
        lines.append(f"        {', '.join(f'_f{i}' for i in range(len(hills)))}, = "
                     "_WB*_X/(_KN + _X)")
    else:
        lines += [f"        _h{i} = {pr.pos(h.state)}**_n{i}" for i, h in enumerate(hills)]
    targets, templates = system.targets or {}, system.templates or {}
    lines += [f"        _T{i} = {targets[s]}" for i, s in enumerate(system.states)]
    lines.append("        return [" + ", ".join(templates[s].replace("{T}", f"_T{i}")
                                          for i, s in enumerate(system.states)) + "]")
    lines.append("    def y0():")
    lines.append("        return [" + ", ".join(system.initial[s] for s in system.states) + "]")
    lines.append("    return rhs, y0")


    scope: dict[str, Any] = {"_hc": hill_constants, "_mx": np.maximum, "_np": np,
                             "_scalar": lambda y: y.tolist(), "_vector": lambda y: y}
    exec(compile("\n".join(lines), f"<osteon.mechanism.rhs{fn}>", "exec"), scope)  # noqa: S102
    return scope["make"]
