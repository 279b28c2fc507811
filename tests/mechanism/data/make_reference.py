"""Regenerate reference_trajectories.npz: libroadrunner (CVODE) on the exported SBML, tight.

Run after an intentional change to the model (parameters.yaml, assumptions.yaml):

    .venv/bin/python tests/mechanism/data/make_reference.py

The reference comes from another simulator at tolerances far below osteon's own, so
the test that compares against it checks osteon's solver path, not itself.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
import roadrunner

from osteon import KnowledgeBase
from osteon.mechanism import Model, graph_from_kb
from osteon.mechanism.sbml import to_sbml

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from test_speed_params_sweep import SCENARIOS  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(Path(tmp) / "osteon.sqlite")
        graph = graph_from_kb(kb)
        kb.close()
    model = Model(graph)
    arrays = {}
    for i, scenario in enumerate(SCENARIOS):
        controls = dict(zip(model.system.controls, model.controls(scenario), strict=True))
        rr = roadrunner.RoadRunner(to_sbml(graph, controls))
        rr.integrator.relative_tolerance = 1e-11
        rr.integrator.absolute_tolerance = 1e-13
        rr.timeCourseSelections = ["time", *model.system.states]
        result = rr.simulate(0, scenario.days, 29)
        arrays[f"s{i}"] = np.asarray(result)[:, 1:].T
    np.savez_compressed(HERE / "reference_trajectories.npz", **arrays)


if __name__ == "__main__":
    main()
