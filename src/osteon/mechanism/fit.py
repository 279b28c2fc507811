"""Figures the sources give, read off the model: what each fitted parameter was fitted to.

parameters.yaml's `fitted:` entries name an observable (a function here, read
off the control run: spinal cord + muscle injury), the range a source gives for
it, the parameters set to land there and the sentence. `fit_report` says for
each whether the model, as shipped, lands in the range; a test keeps it there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from osteon.errors import OsteonError
from osteon.mechanism.checks import CONTROL
from osteon.mechanism.data import Fit, parameters
from osteon.mechanism.judges import BONE
from osteon.mechanism.records import Trajectory
from osteon.mechanism.simulate import Model

OSTEOBLAST = "osteoblast"


def _first_day(run: Trajectory, series: np.ndarray, level: float) -> float:
    """The first sampled day the series reaches `level` (inf if it never does)."""
    reached = np.flatnonzero(series >= level)
    return float(run.t[reached[0]]) if reached.size else float("inf")


def bone_scan_day(run: Trajectory) -> float:
    """Day osteoblast activity reaches half its peak: what a bone scan picks up."""
    ob = run.series(OSTEOBLAST)
    return _first_day(run, ob, 0.5 * float(ob.max()))


def xray_day(run: Trajectory) -> float:
    """Day the bone laid down reaches half its day-28 amount: mineral an x-ray shows."""
    bone = run.series(BONE)
    return _first_day(run, bone, 0.5 * float(bone[-1]))


def scan_to_xray_days(run: Trajectory) -> float:
    """How many days the bone scan leads the x-ray."""
    return xray_day(run) - bone_scan_day(run)


OBSERVABLES: dict[str, Callable[[Trajectory], float]] = {
    "bone_scan_day": bone_scan_day,
    "xray_day": xray_day,
    "scan_to_xray_days": scan_to_xray_days,
}
"""Observable name (as parameters.yaml's `fitted:` names it) → reader on the control run."""


@dataclass(frozen=True, slots=True)
class FitResult:
    """One fitted figure: the source's range, the model's value, whether it lands inside."""

    fit: Fit
    value: float

    @property
    def within(self) -> bool:
        lo, hi = self.fit.target
        return lo <= self.value <= hi


def fit_report(model: Model) -> list[FitResult]:
    """Each `fitted:` entry of parameters.yaml read off the model's control run."""
    run = model.simulate(CONTROL, points=113)
    results = []
    for fit in parameters().fitted:
        if fit.observable not in OBSERVABLES:
            raise OsteonError(f"parameters.yaml: unknown observable {fit.observable!r} "
                              f"(known: {', '.join(OBSERVABLES)})")
        results.append(FitResult(fit, OBSERVABLES[fit.observable](run)))
    return results
