"""An executable model of neurogenic heterotopic ossification, built from the claims.

`graph_from_kb` builds the signed causal graph from the mouse-model assertions,
`Model(graph).simulate(Scenario(...))` runs it, `export_sbml` writes SBML L3.
"""

from osteon.mechanism.graph import build_graph, graph_from_kb
from osteon.mechanism.records import (
    Citation,
    Edge,
    MechanismError,
    MechanismGraph,
    Scenario,
    Trajectory,
)
from osteon.mechanism.simulate import Model

__all__ = ["Citation", "Edge", "MechanismError", "MechanismGraph", "Model", "Scenario",
           "Trajectory", "build_graph", "graph_from_kb"]
