"""Graph citations, bad input, solver limits, and the SBML export against libroadrunner."""

from __future__ import annotations

import numpy as np
import pytest

from osteon.mechanism import MechanismError, MechanismGraph, Model, Scenario
from osteon.mechanism.interventions import resolve_node
from osteon.mechanism.sbml import to_sbml, validation_errors

CONTROL = Scenario(injuries=("spinal_cord", "muscle"))


def test_every_dynamic_edge_is_cited_or_an_assumption(graph: MechanismGraph) -> None:
    for edge in graph.dynamic_edges():
        assert edge.cited or edge.assumption, edge.key
    cited = [e for e in graph.edges if e.cited]
    assert all(c.quote and c.doc_id for e in cited for c in e.citations)


def test_ligand_effects_route_through_receptors(graph: MechanismGraph) -> None:
    keys = {e.key for e in graph.dynamic_edges()}
    assert "glucocorticoid_receptor -> oncostatin_m" in keys
    assert "janus_kinase_1 -> cell_proliferation" in keys
    assert "corticosterone -> oncostatin_m" not in keys


@pytest.mark.parametrize(("name", "node"), [("OSMR", "oncostatin_m_receptor"),
                                            ("IL1R1", "interleukin_1_receptor_type_1"),
                                            ("TLR4", "toll_like_receptor_4"),
                                            ("NR3C1", "glucocorticoid_receptor"),
                                            ("GR", "glucocorticoid_receptor")])
def test_gene_names_resolve(graph: MechanismGraph, name: str, node: str) -> None:
    assert resolve_node(graph, name) == node


def test_unknown_names_list_close_matches(model: Model) -> None:
    with pytest.raises(MechanismError, match="did you mean.*ruxolitinib"):
        model.simulate(Scenario(injuries=("muscle",), interventions=("ruxolitinb",)))
    with pytest.raises(MechanismError, match="did you mean.*oncostatin_m"):
        model.simulate(Scenario(injuries=("muscle",), inhibit={"oncostatin": 0.5}))
    with pytest.raises(MechanismError, match="unknown injury"):
        model.simulate(Scenario(injuries=("musle",)))


@pytest.mark.parametrize("scenario", [Scenario(days=-1), Scenario(days=0), Scenario(days=1e6),
                                      Scenario(inhibit={"OSMR": 1.5}),
                                      Scenario(overexpress={"OSMR": -0.1}),
                                      Scenario(inhibit={"OSMR": float("nan")})])
def test_absurd_values_refused(model: Model, scenario: Scenario) -> None:
    with pytest.raises(MechanismError):
        model.simulate(scenario)


def test_knockout_and_overexpress_any_node(model: Model, control_bone: float) -> None:
    ko = model.simulate(Scenario(injuries=CONTROL.injuries, inhibit={"OSMR": 1.0, "IL1R1": 1.0}))
    assert ko.final("heterotopic_ossification") < 0.3 * control_bone
    over = model.simulate(Scenario(injuries=("muscle",), overexpress={"oncostatin_m": 1.0}))
    assert over.final("heterotopic_ossification") > 0.0


def test_stiff_solver_fails_clearly(model: Model) -> None:
    with pytest.raises(MechanismError, match="gave up"):
        model.simulate(CONTROL, solver={"max_rhs_evals": 20})


def test_sbml_validates_and_roadrunner_matches(graph: MechanismGraph, model: Model) -> None:
    roadrunner = pytest.importorskip("roadrunner")
    for scenario in (CONTROL, Scenario(injuries=CONTROL.injuries, interventions=("ruxolitinib",),
                                       stimuli=("lps",))):
        controls = dict(zip(model.system.controls, model.controls(scenario), strict=True))
        text = to_sbml(graph, controls)
        assert validation_errors(text) == []
        ours = model.simulate(scenario, points=29, solver={"rtol": 1e-10, "atol": 1e-12})
        rr = roadrunner.RoadRunner(text)
        rr.integrator.relative_tolerance = 1e-10
        rr.integrator.absolute_tolerance = 1e-12
        result = rr.simulate(0, scenario.days, 29, ["time", *model.system.states])
        theirs = np.asarray(result)[:, 1:].T
        scale = np.maximum(np.abs(ours.y), 1e-3)
        assert np.max(np.abs(ours.y - theirs) / scale) <= 1e-4
