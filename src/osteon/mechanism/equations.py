"""Turn the graph into logic-based ODEs (Kraeutler et al. 2010, Netflux style).

Each node y relaxes toward a target made of normalised Hill functions of its
inputs: dy/dt = (T * ymax - y) / tau. Activators combine with OR over a basal
level, `requires` inputs with AND, a receptor's host cells with OR, inhibitors
multiply. One set of equation strings is printed both as Python (compiled once,
for speed) and as SBML infix, so the export is the same model, not a re-typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from osteon.mechanism.data import assumptions, parameters
from osteon.mechanism.records import MechanismGraph

COMPARTMENTS = ("injured", "uninjured")


@dataclass(frozen=True, slots=True)
class Printer:
    """How to print max(x, 0) and x^n in the target language."""

    pos: Callable[[str], str]
    power: Callable[[str, str], str]


PYTHON = Printer(lambda x: f"_pos({x})", lambda a, b: f"({a})**({b})")
SBML = Printer(lambda x: f"(({x} + abs({x}))/2)", lambda a, b: f"pow({a}, {b})")


@dataclass(frozen=True, slots=True)
class OdeSystem:
    """States, their rate expressions and initial values, and the control parameters."""

    states: tuple[str, ...]
    rates: dict[str, str]
    initial: dict[str, str]
    """Initial value of each state as an expression of the control parameters."""
    controls: tuple[str, ...]
    """Intervention parameters: inj_*, stim_*, kd_*, ox_* (all default 0)."""


def _num(x: float) -> str:
    return repr(float(x))


def hill(x: str, weight: float, n: float, ec50: float, pr: Printer) -> str:
    """Normalised Hill function: f(0)=0, f(1)=1, f(ec50)=0.5, scaled by weight."""
    b = (ec50 ** n - 1) / (2 * ec50 ** n - 1)
    k = (b - 1) ** (1 / n)
    xn = pr.power(pr.pos(x), _num(n))
    return f"({_num(weight * b)}*{xn}/({_num(k ** n)} + {xn}))"


def state_name(node: str, compartment: str, systemic: set[str]) -> str:
    return node if node in systemic else f"{node}__{compartment}"


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


def _target(graph: MechanismGraph, node: str, comp: str, pr: Printer, systemic: set[str]) -> str:
    np_ = node_params(node)
    requires = set(np_.get("requires", []))
    acts, reqs, hosts, inhib = [], [], [], []
    for e in graph.inputs_of(node):
        ep = _edge_params(e.key)
        f = hill(state_name(e.source, comp, systemic), ep["weight"], ep["n"], ep["ec50"], pr)
        if e.role == "host":
            hosts.append(f)
        elif e.sign < 0:
            inhib.append(f)
        elif e.source in requires:
            reqs.append(f)
        else:
            acts.append(f)
    terms = []
    if acts:
        prod = "*".join(f"(1 - {f})" for f in acts)
        terms.append(f"(1 - {_num(1 - np_['basal'])}*{prod})")
    elif not reqs and not hosts:
        terms.append(_num(np_["basal"]))
    terms += reqs
    if hosts:
        terms.append("(1 - " + "*".join(f"(1 - {f})" for f in hosts) + ")")
    terms += [f"(1 - {f})" for f in inhib]
    return "*".join(terms)


def build_system(graph: MechanismGraph, pr: Printer = PYTHON) -> OdeSystem:
    """The rate expression and initial value of every state, in the printer's language."""
    spec = assumptions()
    systemic = set(spec["systemic"])
    inputs: dict[str, dict[str, str]] = spec["inputs"]
    states: list[str] = []
    rates: dict[str, str] = {}
    initial: dict[str, str] = {}
    for node in graph.nodes:
        comps = ("injured",) if node in systemic else COMPARTMENTS
        np_ = node_params(node)
        for comp in comps:
            name = state_name(node, comp, systemic)
            states.append(name)
            initial[name] = "0"
            if node in inputs and inputs[node]["kind"] == "pulse":
                target = "0"
                if comp == "injured":
                    initial[name] = f"inj_{node}"
            elif node in inputs:
                target = f"inj_{node}" if node.endswith("_injury") else f"stim_{node}"
            else:
                target = _target(graph, node, comp, pr, systemic)
            target = f"(1 - kd_{node})*(({target}) + ox_{node}*(1 - ({target})))"
            tau, ymax = _num(np_["tau"]), _num(np_["ymax"])
            if node in spec["accumulating"]:
                rates[name] = f"{target}*({ymax} - {name})/{tau}"
            else:
                rates[name] = f"({target}*{ymax} - {name})/{tau}"
    return OdeSystem(tuple(states), rates, initial, control_names(graph))


Compiled = tuple[Callable[..., list[float]], Callable[..., list[float]]]


def compile_python(system: OdeSystem) -> Compiled:
    """Compile the rates to `rhs(t, y, c)` and initial values to `y0(c)` (c: controls)."""
    lines = ["def rhs(t, y, c):"]
    lines += [f"    {s} = y[{i}]" for i, s in enumerate(system.states)]
    lines += [f"    {c} = c[{i}]" for i, c in enumerate(system.controls)]
    lines.append("    return [" + ", ".join(system.rates[s] for s in system.states) + "]")
    lines.append("def y0(c):")
    lines += [f"    {c} = c[{i}]" for i, c in enumerate(system.controls)]
    lines.append("    return [" + ", ".join(system.initial[s] for s in system.states) + "]")
    scope: dict[str, Any] = {"_pos": lambda x: x if x > 0.0 else 0.0}
    exec(compile("\n".join(lines), "<osteon.mechanism.rhs>", "exec"), scope)  # noqa: S102
    return scope["rhs"], scope["y0"]
