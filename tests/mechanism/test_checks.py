"""Reproduce the directions of tests/data/mechanism_checks.yaml (read here, never shipped)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from osteon.mechanism import Model, Scenario

CHECKS = yaml.safe_load((Path(__file__).parents[1] / "data" / "mechanism_checks.yaml")
                        .read_text(encoding="utf-8"))
STIMULI = {"lps"}


def scenario_of(row: dict[str, Any]) -> Scenario:
    spec = row["scenario"]
    names = tuple(spec.get("interventions", ()))
    return Scenario(injuries=tuple(spec["injuries"]),
                    interventions=tuple(n for n in names if n not in STIMULI),
                    stimuli=tuple(n for n in names if n in STIMULI))


def judge(row: dict[str, Any], model: Model, control: float) -> None:
    trajectory = model.simulate(scenario_of(row))
    bone, other = trajectory.final("heterotopic_ossification"), trajectory.final(
        "heterotopic_ossification", "uninjured")
    expect = row["expect"]
    if expect.startswith("no heterotopic bone"):
        assert bone < 0.05 * control and other < 0.05 * control
    elif expect.startswith("heterotopic bone in the injured muscle"):
        assert bone > 0.1 and other < 0.05 * bone
    elif expect.startswith("strongly reduced"):
        assert bone < 0.3 * control
    elif expect.startswith("reduced"):
        assert bone < 0.8 * control
    elif expect.startswith("more bone"):
        assert bone > 1.02 * control
    elif expect.startswith("fibro-adipogenic progenitors rise then fall"):
        fap = trajectory.series("fibro_adipogenic_progenitor")
        assert fap.max() > 5 * fap[-1] and fap.argmax() > 0
        assert bone < 0.05 * control
    elif expect.startswith("fibro-adipogenic progenitors fail"):
        alone = model.simulate(Scenario(injuries=("muscle",)))
        fap = trajectory.series("fibro_adipogenic_progenitor")
        assert fap.max() > 1.5 * alone.series("fibro_adipogenic_progenitor").max()
        assert trajectory.series("osteoblast").max() > 0.5
        assert trajectory.series("apoptosis").max() < alone.series("apoptosis").max()
    else:
        pytest.fail(f"no judge for expectation {expect!r}")


@pytest.mark.parametrize("row", CHECKS, ids=[r["id"] for r in CHECKS])
def test_check_direction(row: dict[str, Any], model: Model, control_bone: float) -> None:
    judge(row, model, control_bone)
