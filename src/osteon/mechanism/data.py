"""The mechanism's data files: assumptions, parameters and named interventions.

Each file is read into a frozen pydantic model (unknown keys refused), so a typo
in a curator's entry (`fracton:` for `fraction:`) is reported when the file is
loaded, with the file and the line, not as a KeyError in the solver.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from osteon.datafiles import Strict, load_model

# ---------------------------------------------------------------------------
# assumptions.yaml


class Merge(Strict):
    """Two concept ids the model treats as one node."""

    into: str
    why: str


class Summary(Strict):
    """A cited edge that summarises a path the model already has (no term of its own)."""

    subject: str
    predicate: str
    object: str
    path: str


class AssumedEdge(Strict):
    """An edge no sentence states, with the reason the model needs it."""

    source: str
    target: str
    sign: Literal[-1, 1]
    why: str


class Input(Strict):
    """A node set by a scenario: held for the whole run, or a decaying pulse."""

    kind: Literal["sustained", "pulse"]
    why: str


class Reason(Strict):
    why: str


class Assumptions(Strict):
    """Modelling assumptions: what the dynamics need that no sentence states."""

    merge: dict[str, Merge]
    mediators: dict[str, tuple[str, ...]]
    summaries: tuple[Summary, ...]
    edges: tuple[AssumedEdge, ...]
    inputs: dict[str, Input]
    accumulating: dict[str, Reason]
    systemic: frozenset[str]


# ---------------------------------------------------------------------------
# parameters.yaml


class NodeParams(Strict):
    tau: float = Field(gt=0)
    ymax: float = Field(gt=0)
    basal: float = Field(ge=0, le=1)


class Node(NodeParams):
    """A node's parameters with its overrides applied."""

    requires: tuple[str, ...] = ()


class EdgeParams(Strict):
    weight: float = Field(ge=0)
    n: float = Field(gt=0)
    ec50: float = Field(gt=0, lt=1)


class NodeOverride(Strict):
    """A node's own parameters; `requires`: inputs that must all be present (AND)."""

    tau: float | None = Field(default=None, gt=0)
    ymax: float | None = Field(default=None, gt=0)
    basal: float | None = Field(default=None, ge=0, le=1)
    requires: tuple[str, ...] = ()


class EdgeOverride(Strict):
    weight: float | None = Field(default=None, ge=0)
    n: float | None = Field(default=None, gt=0)
    ec50: float | None = Field(default=None, gt=0, lt=1)


class Defaults(Strict):
    node: NodeParams
    edge: EdgeParams


class Solver(Strict):
    method: str
    rtol: float = Field(gt=0)
    atol: float = Field(gt=0)
    max_step: float = Field(gt=0)
    max_rhs_evals: int = Field(gt=0)
    max_seconds: float = Field(gt=0)


class Sweep(Strict):
    sets: int = Field(gt=0)
    seed: int
    spread: float = Field(ge=0, lt=1)
    bounds: dict[str, tuple[float, float]]
    threads: int = Field(default=1, gt=0)
    rtol: float = Field(gt=0)
    atol: float = Field(gt=0)


class ModelAssumption(Strict):
    """A choice the model makes that no source states, and why: shown to users beside the model."""

    text: str
    reason: str


class FitSource(Strict):
    """The sentence a fitted figure comes from."""

    doc: str
    quote: str


class Fit(Strict):
    """Parameters set so that a model observable falls in the range a source gives.

    `observable` names a function in mechanism/fit.py read off the control run.
    """

    parameters: tuple[str, ...] = Field(min_length=1)
    observable: str
    target: tuple[float, float]
    unit: str
    figure: str
    """The source's figure in words, e.g. "3-4 weeks"."""
    source: FitSource


class Parameters(Strict):
    """Parameters of the logic-based ODE model; overrides apply on top of `defaults`."""

    defaults: Defaults
    nodes: dict[str, NodeOverride]
    edges: dict[str, EdgeOverride]
    solver: Solver
    sweep: Sweep
    assumptions: tuple[ModelAssumption, ...] = ()
    """The structural and numerical choices behind the parameters, each with its reason."""
    fitted: tuple[Fit, ...] = ()
    """Parameters fitted to a figure a source gives, with the sentence."""

    def node(self, node: str) -> Node:
        """The node's parameters, its overrides over the defaults."""
        own = self.nodes.get(node)
        return Node(**{**self.defaults.node.model_dump(),
                       **(own.model_dump(exclude_none=True) if own else {})})

    def edge(self, source: str, target: str) -> EdgeParams:
        """The edge's parameters, its overrides (keyed "source -> target") over the defaults."""
        own = self.edges.get(f"{source} -> {target}")
        return EdgeParams(**{**self.defaults.edge.model_dump(),
                             **(own.model_dump(exclude_none=True) if own else {})})


# ---------------------------------------------------------------------------
# interventions.yaml


class Drug(Strict):
    """A drug: its targets and the fraction of their activity it removes."""

    kind: str
    targets: tuple[str, ...] = Field(min_length=1)
    fraction: float = Field(gt=0, le=1)
    why: str = ""


class Genetic(Strict):
    """A genetic change; a knockout removes all of its targets' activity."""

    kind: Literal["knockout"]
    targets: tuple[str, ...] = Field(min_length=1)
    why: str = ""

    @property
    def fraction(self) -> float:
        return 1.0


class Stimulus(Strict):
    """A stimulus: the input node it sets and to what level."""

    node: str
    level: float = Field(ge=0)
    why: str = ""


class Injury(Strict):
    """An injury: its input node and the compartments it hits."""

    node: str
    compartments: tuple[Literal["injured", "uninjured", "systemic"], ...]
    why: str = ""


class Interventions(Strict):
    """Named interventions a scenario may use; a user adds drugs here."""

    drugs: dict[str, Drug]
    genetic: dict[str, Genetic]
    stimuli: dict[str, Stimulus]
    injuries: dict[str, Injury]

    def treatment(self, name: str) -> Drug | Genetic | None:
        """The drug or genetic change called `name`, if there is one."""
        return self.drugs.get(name) or self.genetic.get(name)


@cache
def assumptions() -> Assumptions:
    return load_model(Assumptions, "mechanism", "assumptions.yaml")


@cache
def parameters() -> Parameters:
    return load_model(Parameters, "mechanism", "parameters.yaml")


@cache
def interventions() -> Interventions:
    return load_model(Interventions, "mechanism", "interventions.yaml")
