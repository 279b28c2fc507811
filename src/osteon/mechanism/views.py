"""The graph and a run as JSON: one shape for `osteon … --json` and the web API."""

from __future__ import annotations

import dataclasses
from typing import Any

from osteon.mechanism.records import MechanismGraph, Scenario, Trajectory


def graph_dict(graph: MechanismGraph) -> dict[str, Any]:
    """Nodes and every edge with its citations or the assumption behind it."""
    edges = sorted(graph.edges, key=lambda e: (not e.dynamic, e.source, e.target))
    return {"nodes": list(graph.nodes), "edges": [
        {"source": e.source, "target": e.target, "sign": e.sign, "role": e.role,
         "predicates": list(e.predicates), "in_dynamics": e.dynamic,
         "assumption": e.assumption, "note": e.note,
         "citations": [dataclasses.asdict(c) for c in e.citations]} for e in edges]}


def run_dict(scenario: Scenario, run: Trajectory) -> dict[str, Any]:
    """The scenario, the end-of-run summary and every time series (days; model units)."""
    return {"scenario": dataclasses.asdict(scenario), "summary": run.summary(),
            "t": [round(float(t), 4) for t in run.t],
            "series": {s: [round(float(v), 6) for v in run.y[i]]
                       for i, s in enumerate(run.states)}}
