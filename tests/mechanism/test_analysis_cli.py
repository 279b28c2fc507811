"""`osteon mechanism sensitivity`, `mechanism predict`, `simulate --band` as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

PNG = b"\x89PNG\r\n\x1a\n"
BOTH = ("--injury", "spinal_cord", "--injury", "muscle")


def test_sensitivity_prints_and_plots_every_parameters_indices(seeded_cli,
                                                                tmp_path: Path) -> None:
    chart = tmp_path / "sobol.png"
    result = seeded_cli("mechanism", "sensitivity", "--n", "8", "--json", "--plot", str(chart))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    names = [p["name"] for p in data["parameters"]]
    assert len(names) == len(set(names)) > 100
    assert all({"first", "total", "first_ci", "total_ci"} <= set(p) for p in data["parameters"])
    assert data["runs"] == 8 * (2 + sum(p["reaches_bone"] for p in data["parameters"]))
    assert chart.read_bytes().startswith(PNG)
    text = seeded_cli("mechanism", "sensitivity", "--n", "8")
    assert text.exit_code == 0, text.output
    assert "Sobol' indices of bone" in text.stdout and names[0] in text.stdout
    bad = seeded_cli("mechanism", "sensitivity", "--n", "10")
    assert bad.exit_code == 2 and "power of 2" in bad.output


def test_predict_lists_every_node_and_marks_what_the_sources_test(seeded_cli) -> None:
    graph = json.loads(seeded_cli("mechanism", "graph", "--json").stdout)
    result = seeded_cli("mechanism", "predict", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    rows = data["predictions"]
    assert {r["node"] for r in rows} == set(graph["nodes"])
    tested = [r for r in rows if r["tested"]]
    assert tested and all(r["evidence"] for r in tested)
    gr = next(r for r in rows if r["node"] == "glucocorticoid_receptor"
              and r["action"] == "knockout")
    assert gr["agrees"] is True and gr["change"] < -0.5
    assert any(c["doc_id"].startswith("004_") for e in gr["evidence"] for c in e["citations"])
    assert data["suggested"] and all(not r["tested"] for r in rows
                                     if [r["node"], r["action"]] in data["suggested"])
    text = seeded_cli("mechanism", "predict")
    assert "Tested by the sources" in text.stdout
    assert "experiments the model suggests" in text.stdout
    assert "osteon simulate --injury spinal_cord --injury muscle --knockout" in text.stdout


def test_simulate_with_a_band(seeded_cli, tmp_path: Path) -> None:
    result = seeded_cli("simulate", *BOTH, "--band", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    low = data["band"]["low"]["heterotopic_ossification__injured"]
    high = data["band"]["high"]["heterotopic_ossification__injured"]
    assert low[-1] <= data["summary"]["bone_injured"] <= high[-1]
    plot = tmp_path / "band.png"
    plain = tmp_path / "plain.png"
    drawn = seeded_cli("simulate", *BOTH, "--drug", "ruxolitinib", "--band", "--plot",
                       str(plot))
    assert drawn.exit_code == 0, drawn.output
    assert "percentile over 200 parameter sets" in drawn.stdout
    seeded_cli("simulate", *BOTH, "--drug", "ruxolitinib", "--plot", str(plain))
    assert plot.read_bytes().startswith(PNG) and plot.read_bytes() != plain.read_bytes()
