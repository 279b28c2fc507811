"""Typed records of the mechanism model: cited edges, the graph, scenarios, results.

Every causal edge carries the assertions and sentences that state it, so that a
researcher can ask of any arrow in the model "who says so?", and an edge whose
source document goes away disappears when the graph is rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from osteon.errors import OsteonError


class MechanismError(OsteonError):
    """A bad scenario, an unknown node or drug, or a solver that gave up."""


@dataclass(frozen=True, slots=True)
class Citation:
    """One sentence that states an edge, with the assertion it was merged into."""

    assertion_id: int
    statement: str
    doc_id: str
    sentence_idx: int
    quote: str
    span_start: int
    span_end: int


@dataclass(frozen=True, slots=True)
class Edge:
    """A signed causal edge between two model nodes.

    `role` says how the target combines it: "activates" (OR with the other
    activators), "host" (the cell a receptor sits on), "inhibits". `dynamic` is
    False for edges kept only as evidence (drug targets, summaries of a path).
    """

    source: str
    target: str
    sign: int
    role: str
    predicates: tuple[str, ...]
    citations: tuple[Citation, ...] = ()
    assumption: str | None = None
    """Why the model adds this edge when no sentence states it."""
    note: str | None = None
    """How a cited statement became this edge (routing through a receptor, a summary)."""
    dynamic: bool = True

    @property
    def key(self) -> str:
        return f"{self.source} -> {self.target}"

    @property
    def cited(self) -> bool:
        return bool(self.citations)


@dataclass(frozen=True, slots=True)
class MechanismGraph:
    """The signed causal graph built from the claims plus the modelling assumptions."""

    edges: tuple[Edge, ...]
    nodes: tuple[str, ...]
    """The nodes the dynamics simulate (reachable from an input)."""
    aliases: dict[str, str] = field(default_factory=dict)

    def dynamic_edges(self) -> list[Edge]:
        return [e for e in self.edges if e.dynamic and e.source in self.nodes
                and e.target in self.nodes]

    def inputs_of(self, node: str) -> list[Edge]:
        return [e for e in self.dynamic_edges() if e.target == node]


@dataclass(frozen=True, slots=True)
class Scenario:
    """What is done to the mouse: injuries, drugs, genetic changes, stimuli.

    `inhibit` maps node → fraction of activity removed (knockout = 1.0);
    `overexpress` maps node → level added toward maximum.
    """

    injuries: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    inhibit: dict[str, float] = field(default_factory=dict)
    overexpress: dict[str, float] = field(default_factory=dict)
    stimuli: tuple[str, ...] = ()
    days: float = 28.0


@dataclass(frozen=True, slots=True)
class Trajectory:
    """Time courses of every state, in days, and the end-of-run summary."""

    t: np.ndarray
    y: np.ndarray
    """Shape (n_states, n_times)."""
    states: tuple[str, ...]
    ymax: dict[str, float] = field(default_factory=dict)
    """Each node's ymax in this run: the unit of the checks' absolute thresholds."""

    def series(self, node: str, compartment: str = "injured") -> np.ndarray:
        name = node if node in self.states else f"{node}__{compartment}"
        return self.y[self.states.index(name)]

    def final(self, node: str, compartment: str = "injured") -> float:
        return float(self.series(node, compartment)[-1])

    def summary(self) -> dict[str, float]:
        return {"bone_injured": self.final("heterotopic_ossification", "injured"),
                "bone_uninjured": self.final("heterotopic_ossification", "uninjured")}
