"""One model built from the seeded knowledge base, shared by the mechanism tests."""

from __future__ import annotations

import pytest

from osteon import KnowledgeBase
from osteon.mechanism import MechanismGraph, Model, Scenario, graph_from_kb


@pytest.fixture(scope="session")
def graph(seeded_kb: KnowledgeBase) -> MechanismGraph:
    return graph_from_kb(seeded_kb)


@pytest.fixture(scope="session")
def model(graph: MechanismGraph) -> Model:
    return Model(graph)


@pytest.fixture(scope="session")
def control_bone(model: Model) -> float:
    return model.simulate(Scenario(injuries=("spinal_cord", "muscle"))).final(
        "heterotopic_ossification")
