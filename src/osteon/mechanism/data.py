"""The mechanism's data files: assumptions, parameters and named interventions.

Kept as plain dictionaries checked on load: the files are small and reviewed like
code, and a malformed entry should name the file, not fail later in the solver.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from osteon.datafiles import load_yaml
from osteon.errors import DataFileError

_REQUIRED = {
    "assumptions.yaml": ("merge", "mediators", "summaries", "edges", "inputs", "accumulating",
                         "systemic"),
    "parameters.yaml": ("defaults", "nodes", "edges", "solver"),
    "interventions.yaml": ("drugs", "genetic", "stimuli", "injuries"),
}


@cache
def mechanism_data(name: str) -> dict[str, Any]:
    """One of the mechanism data files, with its top-level sections checked."""
    raw = load_yaml("mechanism", name)
    if not isinstance(raw, dict):
        raise DataFileError(f"data/mechanism/{name}", "top level", "expected a mapping")
    for key in _REQUIRED.get(name, ()):
        if key not in raw:
            raise DataFileError(f"data/mechanism/{name}", key, "section missing")
    return raw


def assumptions() -> dict[str, Any]:
    return mechanism_data("assumptions.yaml")


def parameters() -> dict[str, Any]:
    return mechanism_data("parameters.yaml")


def interventions() -> dict[str, Any]:
    return mechanism_data("interventions.yaml")
