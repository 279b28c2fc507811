"""Edge knockouts: does every cause the sources state move bone, and the way they say?

Removing an edge sets its influence to the neutral value, the value its term
takes when the source is absent (the Hill term of that edge is 0: an activator
adds nothing to the OR, a required input is missing, an inhibitor no longer
inhibits), by setting the edge's weight to 0 for the run. Everything else,
including the source's other effects, is left as it is.

The direction an edge should move bone comes from the graph, not from the run:
the edge's sign times the sign of the paths from its target to bone. Removing
an edge whose paths to bone are all positive should lower bone, all negative
raise it; where the paths disagree (inflammation recruits macrophages, which
release both the OSM that drives bone and the TNF that kills FAPs) the graph
states no direction and the edge must move bone by MIN_EFFECT either way; an
edge with no path to bone (the muscle-repair branch) is listed, not judged.

Each edge is judged in the control (spinal cord + muscle injury); an edge that
carries nothing there because it hangs off a stimulus (LPS through TLR4) is
judged in the control with the stimuli upstream of it switched on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from osteon.mechanism.checks import CONTROL
from osteon.mechanism.data import interventions
from osteon.mechanism.equations import edge_param
from osteon.mechanism.judges import BONE
from osteon.mechanism.records import Edge, MechanismGraph, Scenario
from osteon.mechanism.simulate import Model

MIN_EFFECT = 0.10
"""The smallest relative change in bone an edge the sources state must make (issue 17)."""
JUDGED_ROLES = ("activates", "inhibits")
"""Roles the bar applies to. A host edge (the cell a receptor sits on) is listed with its
effect too, but it is a precondition, not a cause a sentence gives a direction to."""
SILENT = 1e-9
"""A relative change below this is no change: the edge carries nothing in that scenario."""


@dataclass(frozen=True, slots=True)
class EdgeRow:
    """One edge the equations use, with who states it (`osteon mechanism edges`)."""

    source: str
    target: str
    sign: int
    role: str
    cited: bool
    citation: str
    """The first sentence that states the edge, or "assumption: …" when none does."""
    doc: str
    """"doc_id #sentence" of that sentence ("" for an assumption)."""


@dataclass(frozen=True, slots=True)
class EdgeEffect:
    """One edge removed: what bone did, what the graph says it should do, who says so."""

    source: str
    target: str
    sign: int
    role: str
    citation: str
    """The first sentence that states the edge (or the assumption behind it)."""
    doc: str
    cited: bool
    scenario: str
    """The scenario it was judged in: "control" or "control + lps"."""
    expected: int
    """-1: removing it should lower bone; +1: raise it; 0: either (paths disagree)."""
    on_path: bool
    """Whether any path leads from the edge to bone."""
    bone: float
    """Bone in the injured muscle with the edge, at day 28."""
    bone_without: float
    change: float
    """(bone_without - bone) / bone."""

    @property
    def agrees(self) -> bool:
        """Bone moved the way the graph says (either way where it says none) by MIN_EFFECT."""
        if not self.on_path:
            return False
        moved = self.change * self.expected if self.expected else abs(self.change)
        return moved >= MIN_EFFECT

    @property
    def judged(self) -> bool:
        """Whether the bar applies: an activating or inhibiting edge on a path to bone."""
        return self.on_path and self.role in JUDGED_ROLES

    @property
    def direction(self) -> str:
        """What the graph says removing the edge should do to bone, in words."""
        if not self.on_path:
            return "no path to bone"
        return {-1: "lower", 1: "higher", 0: "either"}[self.expected]

    @property
    def key(self) -> str:
        return f"{self.source} -> {self.target}"


def _path_signs(graph: MechanismGraph, start: str, goal: str) -> set[int]:
    """The signs of every simple path from start to goal over the dynamic edges."""
    out_edges: dict[str, list[Edge]] = {}
    for e in graph.dynamic_edges():
        out_edges.setdefault(e.source, []).append(e)
    signs: set[int] = set()

    def walk(node: str, sign: int, seen: frozenset[str]) -> None:
        if node == goal:
            signs.add(sign)
            return
        for e in out_edges.get(node, ()):
            if e.target not in seen:
                walk(e.target, sign * e.sign, seen | {e.target})

    walk(start, 1, frozenset({start}))
    return signs


def expected_direction(graph: MechanismGraph, edge: Edge) -> int | None:
    """How removing the edge should move bone: -1 lower, +1 higher, 0 either, None no path."""
    signs = _path_signs(graph, edge.target, BONE) if edge.target != BONE else {1}
    if not signs:
        return None
    if len(signs) != 1:
        return 0
    return -edge.sign * signs.pop()


def _upstream_stimuli(graph: MechanismGraph, node: str) -> tuple[str, ...]:
    """The named stimuli (interventions.yaml) whose node reaches `node`."""
    named = interventions().stimuli
    found = []
    for name, spec in named.items():
        if node == spec.node or _path_signs(graph, spec.node, node):
            found.append(name)
    return tuple(found)


def model_edges(graph: MechanismGraph, cited_only: bool = True) -> list[Edge]:
    """The edges the equations use, cited ones (or all), in a stable order."""
    edges = [e for e in graph.dynamic_edges() if e.cited or not cited_only]
    return sorted(edges, key=lambda e: (e.target, e.source))


def _bone(model: Model, scenario: Scenario, params: dict[str, float] | None = None) -> float:
    return model.simulate(scenario, points=2, params=params).final(BONE)


def knockout_each(model: Model, cited_only: bool = True) -> Iterator[EdgeEffect]:
    """Each edge of the model removed in turn, with its effect on bone at day 28."""
    graph = model.graph
    base: dict[tuple[str, ...], float] = {}
    for e in model_edges(graph, cited_only):
        off = {edge_param("w", e.source, e.target): 0.0}
        expected = expected_direction(graph, e)
        scenario, label = CONTROL, "control"
        bone = base.setdefault((), _bone(model, scenario))
        without = _bone(model, scenario, off)
        stimuli = _upstream_stimuli(graph, e.target) if expected is not None else ()
        if abs(without - bone) <= SILENT * max(bone, 1e-12) and stimuli:
            scenario = Scenario(injuries=CONTROL.injuries, stimuli=stimuli, days=CONTROL.days)
            label = "control + " + " + ".join(stimuli)
            bone = base.setdefault(stimuli, _bone(model, scenario))
            without = _bone(model, scenario, off)
        first = e.citations[0] if e.citations else None
        yield EdgeEffect(e.source, e.target, e.sign, e.role,
                         first.quote if first else f"assumption: {e.assumption}",
                         f"{first.doc_id} #{first.sentence_idx}" if first else "",
                         e.cited, label, expected or 0, expected is not None, bone, without,
                         (without - bone) / bone if bone else 0.0)


def effect_dict(effect: EdgeEffect) -> dict[str, object]:
    """One row of `osteon mechanism edges --knockout-each --json`."""
    return {"source": effect.source, "target": effect.target, "sign": effect.sign,
            "role": effect.role, "citation": effect.citation, "doc": effect.doc,
            "cited": effect.cited, "scenario": effect.scenario,
            "expected": effect.direction,
            "bone": round(effect.bone, 6), "bone_without": round(effect.bone_without, 6),
            "change": round(effect.change, 6), "judged": effect.judged, "agrees": effect.agrees}


def edge_rows(graph: MechanismGraph) -> list[EdgeRow]:
    """Each edge the equations use with its first citation (or its assumption)."""
    rows: list[EdgeRow] = []
    for e in model_edges(graph, cited_only=False):
        first = e.citations[0] if e.citations else None
        rows.append(EdgeRow(e.source, e.target, e.sign, e.role, e.cited,
                            first.quote if first else f"assumption: {e.assumption}",
                            f"{first.doc_id} #{first.sentence_idx}" if first else ""))
    return rows
