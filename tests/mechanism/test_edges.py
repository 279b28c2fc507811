"""No silent causes: every edge the sources state moves bone, the way the graph's signs say.

Issue 17: knocking out IL1R1 changed bone by -0.6 % and LPS added 5 %, because
one saturated input of an OR hid the others. Each edge removed in turn must
move bone in the injured muscle by at least 10 % in its stated direction.
"""

from __future__ import annotations

import json

import pytest

from osteon.mechanism import MechanismGraph, Model
from osteon.mechanism.edges import EdgeEffect, expected_direction, knockout_each, model_edges


@pytest.fixture(scope="module")
def effects(model: Model) -> list[EdgeEffect]:
    return list(knockout_each(model, cited_only=False))


def test_every_cited_edge_on_a_path_to_bone_moves_it_the_stated_way(
        effects: list[EdgeEffect]) -> None:
    cited = [e for e in effects if e.cited and e.judged]
    assert len(cited) >= 20
    silent = {e.key: f"{e.change:+.1%} (expected {e.direction})" for e in cited if not e.agrees}
    assert not silent, silent


def test_assumed_edges_on_a_path_to_bone_are_not_silent_either(
        effects: list[EdgeEffect]) -> None:
    assumed = [e for e in effects if not e.cited and e.judged]
    assert assumed
    assert all(e.agrees for e in assumed), {e.key: e.change for e in assumed if not e.agrees}


def test_named_causes_from_the_issue(effects: list[EdgeEffect]) -> None:
    by_key = {e.key: e for e in effects}
    il1r1 = by_key["interleukin_1_beta -> interleukin_1_receptor_type_1"]
    assert il1r1.change <= -0.10  # was -0.6 %
    lps = by_key["lipopolysaccharide -> toll_like_receptor_4"]
    assert lps.scenario == "control + lps" and lps.change <= -0.10  # LPS's whole effect
    tnf = by_key["tumor_necrosis_factor -> apoptosis"]
    assert tnf.direction == "higher" and tnf.change >= 0.10


def test_directions_come_from_the_signs_of_the_paths(graph: MechanismGraph) -> None:
    by_key = {e.key: e for e in model_edges(graph, cited_only=False)}
    assert expected_direction(graph, by_key["macrophage -> oncostatin_m"]) == -1
    assert expected_direction(graph, by_key["apoptosis -> fibro_adipogenic_progenitor"]) == 1
    assert expected_direction(graph, by_key["inflammation -> macrophage"]) == 0  # OSM and TNF
    assert expected_direction(graph, by_key["satellite_cell -> myoblast"]) is None


def test_edges_off_every_path_to_bone_are_listed_not_judged(effects: list[EdgeEffect]) -> None:
    off = [e for e in effects if not e.on_path]
    assert {"satellite_cell -> myoblast", "macrophage -> muscle_repair"} <= {e.key for e in off}
    assert not any(e.agrees or e.judged for e in off)


def test_host_edges_are_listed_with_their_effect(effects: list[EdgeEffect]) -> None:
    hosts = {e.key: e for e in effects if e.role == "host"}
    assert "fibro_adipogenic_progenitor -> oncostatin_m_receptor" in hosts
    assert not any(e.judged for e in hosts.values())
    assert hosts["fibro_adipogenic_progenitor -> oncostatin_m_receptor"].change <= -0.10


def test_cli_prints_the_knockout_table(seeded_cli) -> None:
    result = seeded_cli("mechanism", "edges", "--knockout-each", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["silent"] == 0 and payload["judged"] >= 25
    row = next(r for r in payload["edges"]
               if (r["source"], r["target"]) == ("oncostatin_m", "oncostatin_m_receptor"))
    assert row["cited"] and "OSMR" in row["citation"] and row["agrees"]
    assert row["expected"] == "lower" and row["change"] <= -0.10
    text = seeded_cli("mechanism", "edges", "--knockout-each")
    assert text.exit_code == 0, text.output
    assert "oncostatin_m -> oncostatin_m_receptor" in text.stdout and "agrees" in text.stdout
