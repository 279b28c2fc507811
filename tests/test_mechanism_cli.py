"""`osteon simulate`, `mechanism graph`, `export-sbml` and `eval mechanism` as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

import libsbml
import pytest
import yaml

CHECKS = Path(__file__).parent / "data" / "mechanism_checks.yaml"



def test_simulate_json_has_the_summary_and_time_series(seeded_cli) -> None:
    both = seeded_cli("simulate", "--injury", "spinal_cord", "--injury", "muscle", "--json")
    assert both.exit_code == 0, both.output
    payload = json.loads(both.stdout)
    assert set(payload["summary"]) >= {"bone_injured", "bone_uninjured"}
    assert payload["summary"]["bone_injured"] > payload["summary"]["bone_uninjured"]
    assert len(payload["t"]) == len(next(iter(payload["series"].values())))
    treated = json.loads(seeded_cli("simulate", "--injury", "spinal_cord", "--injury", "muscle",
                                "--knockout", "OSMR", "--inhibit", "IL1R1=0.9",
                                "--json").stdout)
    assert treated["summary"]["bone_injured"] < payload["summary"]["bone_injured"]


def test_simulate_plot(seeded_cli, tmp_path: Path) -> None:
    target = tmp_path / "run.png"
    result = seeded_cli("simulate", "--injury", "spinal_cord", "--injury", "muscle", "--drug",
                    "ruxolitinib", "--plot", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "not a clinical forecast" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("--drug", "ruxolitinb"), "ruxolitinib"),  # a close match is offered
    (("--knockout", "OSMX"), "unknown model node"),
    (("--inhibit", "GR=1.5"), "between 0 and 1"),
    (("--inhibit", "GR"), "NODE=NUMBER"),
    (("--days", "-3"), "more than 0"),
    (("--days", "100000"), "at most"),
])
def test_bad_scenarios_are_one_clear_line(seeded_cli, args: tuple[str, ...], message: str) -> None:
    result = seeded_cli("simulate", "--injury", "muscle", *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_graph_lists_cited_edges_and_assumptions(seeded_cli) -> None:
    graph = json.loads(seeded_cli("mechanism", "graph", "--json").stdout)
    assert graph["edges"]
    for edge in graph["edges"]:
        if edge["in_dynamics"]:
            assert edge["citations"] or edge["assumption"]
    assert any(e["citations"] for e in graph["edges"])


def test_export_sbml_validates(seeded_cli, tmp_path: Path) -> None:
    target = tmp_path / "model.xml"
    result = seeded_cli("export-sbml", str(target))
    assert result.exit_code == 0, result.output
    document = libsbml.readSBMLFromString(target.read_text(encoding="utf-8"))
    assert document.getNumErrors(libsbml.LIBSBML_SEV_ERROR) == 0
    assert document.getLevel() == 3


def test_eval_mechanism_reproduces_every_check(seeded_cli) -> None:
    result = seeded_cli("eval", "mechanism", "--checks", str(CHECKS), "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["passed"] == payload["checks"] == 10
    readable = seeded_cli("eval", "mechanism", "--checks", str(CHECKS))
    assert "expected:" in readable.stdout and "simulated:" in readable.stdout


def test_eval_mechanism_sweep_reports_robustness(seeded_cli) -> None:
    result = seeded_cli("eval", "mechanism", "--checks", str(CHECKS), "--sweep", "--sets", "40",
                        "--json")
    assert result.exit_code == 0, result.output
    sweep = json.loads(result.stdout)["sweep"]
    assert sweep["sets"] == 40 and sweep["spread"] == 0.5
    fractions = sweep["fraction_holding"]
    assert set(fractions) == {f"m{i:02d}" for i in range(1, 11)}
    assert all(0.0 <= f <= 1.0 for f in fractions.values())
    readable = seeded_cli("eval", "mechanism", "--sweep", "--sets", "40")
    assert "sets at ±50%" in readable.stdout and "of 40 sets" in readable.stdout


def test_eval_mechanism_without_checks_runs_the_shipped_ones(seeded_cli) -> None:
    result = seeded_cli("eval", "mechanism", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    expected_ids = [row["id"] for row in yaml.safe_load(CHECKS.read_text(encoding="utf-8"))]
    assert [r["id"] for r in payload["results"]] == expected_ids
    assert payload["passed"] == payload["checks"] == len(expected_ids)


def test_shipped_checks_are_the_test_checks() -> None:
    from osteon.mechanism.checks import load_checks, shipped_checks

    assert shipped_checks() == load_checks(CHECKS)
