"""What would happen if…? Each node knocked out, inhibited and stimulated in turn.

Every node of the model is perturbed in the control run (spinal cord + muscle
injury, 28 days) in each way data/mechanism/analysis.yaml `predict` names, and
the change in bone in the injured muscle is predicted. Each prediction is then
set beside what the sources say about it:

- an *experiment*: one of the shipped checks (seed 004's mouse experiments,
  data/mechanism/checks.yaml) perturbs that node that way (a drug on its target,
  a genetic deletion, a stimulus, an injury left out); the check's own verdict
  says whether the model reproduces the experiment as it was done (a drug at its
  dose, on all its targets at once). Its citations are the graph's sentences on
  the intervention and on the node's effect on bone.
- a *statement*: a cited edge says the node drives (or limits) bone; the
  prediction is judged by the same criteria as the checks (judges.py) in the
  wording analysis.yaml gives for each action ("reduced bone" …).

A prediction with neither is untested; those that move bone by at least
`suggest_at` are the experiments the model suggests. An input is no molecular
target: an injury's node is perturbed by leaving the injury out, a stimulus's by
giving it; a statement that a node is required for bone says nothing of more of it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from osteon.mechanism.analysis import Action, ActionSpec, settings
from osteon.mechanism.checks import ALONE, CheckRow, evaluate_checks, shipped_checks
from osteon.mechanism.data import interventions
from osteon.mechanism.interventions import resolve_node
from osteon.mechanism.judges import BONE, Context, criterion_for
from osteon.mechanism.records import (
    Citation,
    Edge,
    MechanismError,
    MechanismGraph,
    Scenario,
    Trajectory,
)
from osteon.mechanism.simulate import Model

Perturbation = tuple[str, Action]
"""(node, action)."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a source says about one perturbation, and whether the model goes the same way."""

    kind: Literal["experiment", "statement"]
    ref: str
    """The check's id (experiment) or the edge "source -> target" (statement)."""
    what: str
    """What was done or said, in words."""
    expect: str
    """The direction the source gives, in the checks' wording."""
    agrees: bool
    simulated: str
    """What the model did, as the criterion reads it."""
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Prediction:
    """One node perturbed one way: predicted bone, and what the sources say of it."""

    node: str
    action: Action
    label: str
    bone: float
    change: float | None
    """Relative to the control run (−0.5 = half the bone); None when the control has none."""
    command: str
    """The `osteon simulate` command that reruns it."""
    evidence: tuple[Evidence, ...] = ()

    @property
    def tested(self) -> bool:
        return bool(self.evidence)

    @property
    def agrees(self) -> bool | None:
        """True when the model goes the sources' way in every piece of evidence; None: untested."""
        return all(e.agrees for e in self.evidence) if self.evidence else None


@dataclass(frozen=True, slots=True)
class Predictions:
    """Every prediction, the control run they are relative to, and how it was set up."""

    control_bone: float
    scenario: Scenario
    rows: tuple[Prediction, ...] = field(default_factory=tuple)
    suggest_at: float = 0.1

    def suggested(self) -> list[Prediction]:
        """Untested predictions of a change in bone of at least `suggest_at`, largest first.

        Bone's own node is the readout, not an experiment: it is listed, never suggested.
        """
        return sorted((p for p in self.rows if not p.tested and p.change is not None
                       and abs(p.change) >= self.suggest_at and p.node != BONE),
                      key=lambda p: (-abs(p.change or 0.0), p.node))

    def as_dict(self) -> dict[str, Any]:
        return {"control": {"injuries": list(self.scenario.injuries), "days": self.scenario.days,
                            "bone_injured": self.control_bone},
                "suggest_at": self.suggest_at,
                "suggested": [[p.node, p.action] for p in self.suggested()],
                "predictions": [{
                    "node": p.node, "action": p.action, "label": p.label, "bone": p.bone,
                    "change": p.change, "tested": p.tested, "agrees": p.agrees,
                    "command": p.command,
                    "evidence": [{**{k: v for k, v in dataclasses.asdict(e).items()
                                     if k != "citations"},
                                  "citations": [dataclasses.asdict(c) for c in e.citations]}
                                 for e in p.evidence]} for p in self.rows]}


def _scenario(control: Scenario, node: str, spec: ActionSpec) -> tuple[Scenario, str]:
    """The control with `node` perturbed, and the CLI command that runs it."""
    base = "osteon simulate " + " ".join(f"--injury {i}" for i in control.injuries)
    if spec.inhibit is not None and spec.inhibit >= 1.0:
        return (dataclasses.replace(control, inhibit={node: 1.0}),
                f"{base} --knockout {node}")
    if spec.inhibit is not None:
        return (dataclasses.replace(control, inhibit={node: spec.inhibit}),
                f"{base} --inhibit {node}={spec.inhibit:g}")
    if spec.overexpress is not None:
        return (dataclasses.replace(control, overexpress={node: spec.overexpress}),
                f"{base} --overexpress {node}={spec.overexpress:g}")
    raise MechanismError(f"the action {spec.label!r} neither inhibits nor overexpresses")


def _plans(control: Scenario, node: str) -> list[tuple[Action, str, Scenario, str]]:
    """(action, label, scenario, command) for each way the node is perturbed.

    An input is no molecular target: an injury's node is perturbed by leaving the
    injury out, a stimulus's node by giving the stimulus.
    """
    data = interventions()
    injuries = {spec.node: name for name, spec in data.injuries.items()}
    stimuli = {spec.node: name for name, spec in data.stimuli.items()}
    if node in injuries:
        kept = tuple(i for i in control.injuries if i != injuries[node])
        return [("knockout", f"without {injuries[node].replace('_', ' ')} injury",
                 dataclasses.replace(control, injuries=kept),
                 "osteon simulate " + " ".join(f"--injury {i}" for i in kept))]
    base = "osteon simulate " + " ".join(f"--injury {i}" for i in control.injuries)
    if node in stimuli:
        name = stimuli[node]
        return [("stimulate", f"the {name} stimulus",
                 dataclasses.replace(control, stimuli=(name,)), f"{base} --stimulus {name}")]
    return [(action, spec.label, *_scenario(control, node, spec))
            for action, spec in settings().predict.actions.items()]


def perturbations_of(row: CheckRow, graph: MechanismGraph, control: Scenario
                     ) -> tuple[list[Perturbation], list[str]]:
    """What a check's scenario does to the control, node by node, and the interventions used.

    Empty when the row is no perturbation of the control (an injury the control
    lacks, or the control itself).
    """
    kinds = settings().predict.intervention_kinds
    data = interventions()
    if set(row.scenario.injuries) - set(control.injuries) or row.scenario.days != control.days:
        return [], []
    found: list[Perturbation] = []
    for injury in control.injuries:
        if injury not in row.scenario.injuries and "injury_left_out" in kinds:
            found.append((data.injuries[injury].node, kinds["injury_left_out"]))
    for name in row.scenario.interventions:
        treatment = data.treatment(name)
        if treatment is not None and treatment.kind in kinds:
            found += [(resolve_node(graph, t), kinds[treatment.kind]) for t in treatment.targets]
        elif name in data.stimuli and "stimulus" in kinds:
            found.append((resolve_node(graph, data.stimuli[name].node), kinds["stimulus"]))
    return found, list(row.scenario.interventions)


def _cited(graph: MechanismGraph) -> list[Edge]:
    return [e for e in graph.edges if e.cited]


def _experiment_citations(graph: MechanismGraph, nodes: set[str], names: list[str]
                          ) -> tuple[Citation, ...]:
    """The sentences on the interventions used and on the nodes' effect on bone.

    Where the graph states neither (an injury left out), what it states of the nodes.
    """
    cited = _cited(graph)
    edges = [e for e in cited if e.source in names or (e.source in nodes and e.target == BONE)]
    if not edges:
        edges = [e for e in cited if e.source in nodes]
    seen: dict[tuple[str, int], Citation] = {}
    for e in edges:
        for c in e.citations:
            seen.setdefault((c.doc_id, c.sentence_idx), c)
    return tuple(seen.values())


def predict(model: Model, checks: list[CheckRow] | None = None) -> Predictions:
    """Every node perturbed every way, each prediction beside the sources' experiments and words."""
    spec = settings().predict
    graph = model.graph
    control = Scenario(injuries=spec.injuries, days=spec.days)
    context = Context(model.simulate(control), model.simulate(ALONE))
    control_bone = float(context.control.series(BONE)[-1])
    rows = shipped_checks() if checks is None else checks
    results = {r.id: r for r in evaluate_checks(model, rows)}
    experiments: dict[Perturbation, list[Evidence]] = {}
    for row in rows:
        found, names = perturbations_of(row, graph, control)
        if not found:
            continue
        result = results[row.id]
        done = ", ".join(names) if names else "without " + ", ".join(
            i.replace("_", " ") for i in sorted(set(control.injuries) - set(row.scenario.injuries))
        ) + " injury"
        evidence = Evidence("experiment", row.id, f"{done} (an experiment of the shipped "
                            "checks)", row.expect, result.passed, result.simulated,
                            _experiment_citations(graph, {n for n, _ in found}, names))
        for perturbation in dict.fromkeys(found):
            experiments.setdefault(perturbation, []).append(evidence)
    statements = [e for e in _cited(graph) if e.target == BONE and e.source in graph.nodes]
    predictions: list[Prediction] = []
    for node in graph.nodes:
        for action, label, scenario, command in _plans(control, node):
            run = model.simulate(scenario)
            evidence = list(experiments.get((node, action), []))
            evidence += [_statement(e, action, run, context) for e in statements
                         if e.source == node and _applies(e, action)]
            bone = float(run.series(BONE)[-1])
            change = bone / control_bone - 1 if control_bone > 1e-9 else None
            predictions.append(Prediction(node, action, label, bone, change, command,
                                          tuple(evidence)))
    return Predictions(control_bone, control, tuple(predictions), spec.suggest_at)


def _applies(edge: Edge, action: Action) -> bool:
    """Whether a statement says anything of this action.

    "X is required for bone" says removing X removes bone, not that more X makes more.
    """
    necessity = set(settings().predict.necessity_predicates)
    return not (set(edge.predicates) <= necessity and action == "stimulate")


def _statement(edge: Edge, action: Action, run: Trajectory, context: Context) -> Evidence:
    """A cited edge node → bone, read as a prediction for `action` and judged on the run."""
    spec = settings().predict
    words = (spec.expect_if_drives_bone if edge.sign > 0 else spec.expect_if_limits_bone)[action]
    criterion = criterion_for(words)
    verb = "drives" if edge.sign > 0 else "limits"
    return Evidence("statement", edge.key, f"the sources say {edge.source} {verb} bone "
                    f"({', '.join(edge.predicates)})", words,
                    bool(criterion.holds(run, context)), criterion.describe(run, context),
                    edge.citations)
