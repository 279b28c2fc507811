"""The graph and a run as JSON: one shape for `osteon … --json` and the web API."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from osteon.mechanism.records import MechanismGraph, Scenario, Trajectory


def model_notes() -> dict[str, Any]:
    """The model's assumptions (each with its reason) and the parameters fitted to a source."""
    from osteon.mechanism.data import parameters

    spec = parameters()
    return {"assumptions": [a.model_dump() for a in spec.assumptions],
            "fitted": [{**f.model_dump(exclude={"source"}), "source": f.source.model_dump()}
                       for f in spec.fitted]}


def graph_dict(graph: MechanismGraph) -> dict[str, Any]:
    """Nodes, every edge with its citations or the assumption behind it, the model's notes."""
    edges = sorted(graph.edges, key=lambda e: (not e.dynamic, e.source, e.target))
    return {"nodes": list(graph.nodes), "edges": [
        {"source": e.source, "target": e.target, "sign": e.sign, "role": e.role,
         "predicates": list(e.predicates), "in_dynamics": e.dynamic,
         "assumption": e.assumption, "note": e.note,
         "citations": [dataclasses.asdict(c) for c in e.citations]} for e in edges],
        **model_notes()}


def run_dict(scenario: Scenario, run: Trajectory) -> dict[str, Any]:
    """The scenario, the end-of-run summary and every time series (days; model units)."""
    return {"scenario": dataclasses.asdict(scenario), "summary": run.summary(),
            "t": [round(float(t), 4) for t in run.t],
            "series": {s: [round(float(v), 6) for v in run.y[i]]
                       for i, s in enumerate(run.states)}}


SHOWN_NODES = ("fibro_adipogenic_progenitor", "osteoblast", "oncostatin_m",
               "interleukin_1_beta", "corticosterone")
"""The cells and signals a run's text summary lists beside heterotopic bone."""


def run_lines(graph: MechanismGraph, run: Trajectory, days: float) -> Iterator[str]:
    """A run for a person (rich markup): bone in both muscles, then peak and end of key nodes."""
    from osteon.mechanism.checks import BONE

    summary = run.summary()
    yield (f"[bold]after {days:g} days[/]: heterotopic bone {summary['bone_injured']:.3f} in "
           f"the injured muscle, {summary['bone_uninjured']:.3f} in the uninjured one "
           "[dim](model units, 0-1; a mouse-model mechanism, not a clinical forecast)[/]")
    for node in (*SHOWN_NODES, BONE):
        if node in graph.nodes:
            series = run.series(node)
            yield f"  {node:<30} peak {series.max():.3f}  end {series[-1]:.3f}"
