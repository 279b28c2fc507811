"""Reproduce the directions of tests/data/mechanism_checks.yaml (read here, never shipped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from osteon.mechanism import Model
from osteon.mechanism.checks import evaluate_checks, load_checks

ROWS = load_checks(Path(__file__).parents[1] / "data" / "mechanism_checks.yaml")


@pytest.fixture(scope="module")
def results(model: Model) -> dict:
    return {r.id: r for r in evaluate_checks(model, ROWS)}


@pytest.mark.parametrize("row_id", [r.id for r in ROWS])
def test_check_direction(results: dict, row_id: str) -> None:
    result = results[row_id]
    assert result.passed, f"{row_id}: expected {result.expect!r}, simulated {result.simulated}"
