"""Turn the graph into logic-based ODEs (Kraeutler et al. 2010, Netflux style).

Each node y relaxes toward a target made of normalised Hill functions of its
inputs: dy/dt = (T * ymax - y) / tau. Activators combine with OR over a basal
level, `requires` inputs with AND, a receptor's host cells with OR, inhibitors
multiply. Every edge weight, EC50 and Hill n and every node tau, ymax and basal
is a *named* parameter (w__src__tgt, tau__node ...), so a sweep can vary them and
the SBML export carries them. One pass over the graph prints each state's rate
as SBML infix and records the same rate as structure (`StateShape`), from which
specialise.py prints the scalar Python of one scenario and vector.py builds the
array form of a sweep: every form is the same model, not a re-typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from osteon.mechanism.data import Node, assumptions, parameters
from osteon.mechanism.records import MechanismGraph

COMPARTMENTS = ("injured", "uninjured")


@dataclass(frozen=True, slots=True)
class Printer:
    """How to print max(x, 0), x^n and a normalised Hill term in the target language.

    `hill(x, w, n, ec50, i)` gets parameter *names* (and the term's index).
    """

    pos: Callable[[str], str]
    power: Callable[[str, str], str]
    hill: Callable[[str, str, str, str, int], str]


def _sbml_hill(x: str, w: str, n: str, ec50: str, i: int) -> str:
    b = f"((pow({ec50}, {n}) - 1)/(2*pow({ec50}, {n}) - 1))"
    xn = f"pow((({x} + abs({x}))/2), {n})"
    return f"({w}*{b}*{xn}/(({b} - 1) + {xn}))"


SBML = Printer(lambda x: f"(({x} + abs({x}))/2)", lambda a, b: f"pow({a}, {b})", _sbml_hill)


@dataclass(frozen=True, slots=True)
class HillTerm:
    """One edge's Hill term: its input state and the names of its three parameters."""

    state: str
    weight: str
    n: str
    ec50: str


@dataclass(frozen=True, slots=True)
class StateShape:
    """One state's rate as structure rather than text: which Hill terms, how combined.

    The target is `basal-OR(acts) * prod(reqs) * OR(hosts) * prod(1 - inhib)` over
    Hill-term indices, or the control `source` for an input node (None: 0); it is
    wrapped by overexpression `ox` and knockdown `kd` when set, and the rate is
    `(T*ymax - y)/tau`, or `T*(ymax - y)/tau` when `accumulating`.
    """

    tau: str
    ymax: str
    accumulating: bool
    source: str | None = None
    basal: str | None = None
    acts: tuple[int, ...] = ()
    reqs: tuple[int, ...] = ()
    hosts: tuple[int, ...] = ()
    inhib: tuple[int, ...] = ()
    ox: str | None = None
    kd: str | None = None
    input: bool = False


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
    """The Hill terms, indexed as StateShape refers to them."""
    shapes: dict[str, StateShape] | None = None
    """Each state's rate as structure, for the Python forms (specialise.py, vector.py)."""


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
    stimuli = [f"stim_{n}" for n in spec.inputs if n not in ("spinal_cord_injury",
                                                                "muscle_injury")]
    return tuple(injuries + stimuli + [f"kd_{n}" for n in graph.nodes]
                 + [f"ox_{n}" for n in graph.nodes])


def node_params(node: str) -> Node:
    return parameters().node(node)


class _Builder:
    """Collects named parameters and Hill terms while printing the rate expressions."""

    def __init__(self, graph: MechanismGraph, pr: Printer) -> None:
        self.graph, self.pr = graph, pr
        self.params: dict[str, float] = {}
        self.hills: list[HillTerm] = []
        self.last: dict[str, Any] = {}
        """The structure of the target printed last (see StateShape)."""
        self.systemic = set(assumptions().systemic)

    def hill(self, state: str, source: str, target: str) -> str:
        ep = parameters().edge(source, target)
        names = {k: edge_param(k, source, target) for k in ("w", "n", "ec50")}
        for k, value in (("w", ep.weight), ("n", ep.n), ("ec50", ep.ec50)):
            self.params[names[k]] = float(value)
        i = len(self.hills)
        self.hills.append(HillTerm(state, names["w"], names["n"], names["ec50"]))
        return self.pr.hill(state, names["w"], names["n"], names["ec50"], i)

    def target(self, node: str, comp: str) -> str:
        """The node's target activity as text; its structure is left in `self.last`."""
        np_ = node_params(node)
        requires = set(np_.requires)
        text: dict[str, list[str]] = {"acts": [], "reqs": [], "hosts": [], "inhib": []}
        index: dict[str, list[int]] = {k: [] for k in text}
        for e in self.graph.inputs_of(node):
            f = self.hill(state_name(e.source, comp, self.systemic), e.source, node)
            kind = ("hosts" if e.role == "host" else "inhib" if e.sign < 0
                    else "reqs" if e.source in requires else "acts")
            text[kind].append(f)
            index[kind].append(len(self.hills) - 1)
        acts, reqs, hosts, inhib = text["acts"], text["reqs"], text["hosts"], text["inhib"]
        self.last = {k: tuple(v) for k, v in index.items()}
        terms = []
        basal = f"basal__{node}"
        if acts or not (reqs or hosts):
            self.params[basal] = float(np_.basal)
            self.last["basal"] = basal
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


def build_system(graph: MechanismGraph, pr: Printer = SBML) -> OdeSystem:
    """The rate expression and initial value of every state, and its structure.

    Every knockdown and overexpression control appears in the rates (at 0 they
    multiply by 1 or add 0); the Python forms drop the ones a scenario leaves at 0.
    """
    spec = assumptions()
    b = _Builder(graph, pr)
    inputs = spec.inputs
    states: list[str] = []
    rates: dict[str, str] = {}
    initial: dict[str, str] = {}
    shapes: dict[str, StateShape] = {}
    for node in graph.nodes:
        comps = ("injured",) if node in b.systemic else COMPARTMENTS
        np_ = node_params(node)
        tau, ymax = f"tau__{node}", f"ymax__{node}"
        b.params[tau], b.params[ymax] = float(np_.tau), float(np_.ymax)
        for comp in comps:
            name = state_name(node, comp, b.systemic)
            states.append(name)
            initial[name] = "0"
            shape: dict[str, Any] = {"input": node in inputs}
            if node in inputs and inputs[node].kind == "pulse":
                target = "0"
                if comp == "injured":
                    initial[name] = f"inj_{node}"
            elif node in inputs:
                target = f"inj_{node}" if node.endswith("_injury") else f"stim_{node}"
                shape["source"] = target
            else:
                target = b.target(node, comp)
                shape.update(b.last)
            target = f"(1 - kd_{node})*(({target}) + ox_{node}*(1 - ({target})))"
            accumulating = node in spec.accumulating
            shapes[name] = StateShape(tau, ymax, accumulating, ox=f"ox_{node}", kd=f"kd_{node}",
                                      **shape)
            rates[name] = (f"{target}*({ymax} - {name})/{tau}" if accumulating
                           else f"({target}*{ymax} - {name})/{tau}")
    return OdeSystem(tuple(states), rates, initial, control_names(graph), b.params,
                     tuple(b.hills), shapes)


def independent_blocks(system: OdeSystem) -> tuple[tuple[str, ...], ...]:
    """The states in groups that can be solved apart: each compartment with the systemic states.

    The two muscles interact only through the blood-borne (systemic) nodes, and
    nothing in a muscle feeds back on those, so each muscle with the systemic
    states is a closed system. An adaptive solver steps at the pace of the
    busiest state it carries: solving the quiet uninjured muscle on its own spares
    it the injured muscle's small steps. One block when any rate reads across.
    """
    systemic = [s for s in system.states if not s.endswith(
        tuple(f"__{c}" for c in COMPARTMENTS))]
    groups = tuple((*systemic, *(s for s in system.states if s.endswith(f"__{c}")))
                   for c in COMPARTMENTS)
    shapes = system.shapes or {}
    for group in groups:
        members = set(group)
        for s in group:
            shape = shapes.get(s)
            if shape is None:
                return (system.states,)
            used = (*shape.acts, *shape.reqs, *shape.hosts, *shape.inhib)
            if any(system.hills[i].state not in members for i in used):
                return (system.states,)
    return groups
