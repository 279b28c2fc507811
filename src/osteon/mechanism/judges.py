"""Read a check's expected direction off simulated runs: one set of criteria for both uses.

A check row says in words which way an experiment went ("no heterotopic bone",
"strongly reduced bone", "FAPs rise then fall" …); its words are read by prefix
into a criterion on the run, relative to the control (spinal cord + muscle
injury) and to a muscle injury alone. The same criterion judges one run
(checks.py: a Trajectory, series of shape (times,)) and a sweep (sweep.py: a
Batch, series of shape (sets, times), one verdict per parameter set), because
every quantity is read on the last axis.

A check states a direction, so each criterion compares runs of the same
parameter set (with and without the spinal cord injury, the drug, the other
muscle), never a level against a fixed number: the model's units are arbitrary,
and a sweep at +-50 % moves every level by several-fold without saying anything
about which way an experiment goes. The one absolute floor, bone present at
all (> 1 % of the bone node's ymax in that run), only keeps 0 > 0 from passing
as "more bone in the injured muscle". (Until issue 17 two criteria read fixed
levels, bone > 0.1 and osteoblasts > 0.5 of ymax: those judged the model's
operating point rather than the experiment's direction.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from osteon.errors import OsteonError

BONE = "heterotopic_ossification"
FAP = "fibro_adipogenic_progenitor"


class Run(Protocol):
    """What a criterion reads: a Trajectory (one run) or a Batch (a sweep)."""

    @property
    def ymax(self) -> Mapping[str, Any]: ...

    def series(self, node: str, compartment: str = "injured") -> np.ndarray: ...


def end(run: Run, node: str, compartment: str = "injured") -> Any:
    """The value at the end of the run (a float, or one per parameter set)."""
    return run.series(node, compartment)[..., -1]


def peak(run: Run, node: str) -> Any:
    return run.series(node).max(axis=-1)


def unit(run: Run, node: str) -> Any:
    """The node's ymax in this run (1.0 where the run does not say)."""
    return run.ymax.get(node, 1.0)


@dataclass(frozen=True, slots=True)
class Context:
    """The runs a row is judged against."""

    control: Run
    """Spinal cord + muscle injury, no treatment."""
    alone: Run
    """Muscle injury alone."""


@dataclass(frozen=True, slots=True)
class Criterion:
    """`holds(run, ctx)`: bool (or bool array); `describe(run, ctx)`: what the run did."""

    prefix: str
    holds: Callable[[Run, Context], Any]
    describe: Callable[[Run, Context], str]


def _no_bone(run: Run, ctx: Context) -> Any:
    ctrl = end(ctx.control, BONE)
    return (end(run, BONE) < 0.05 * ctrl) & (end(run, BONE, "uninjured") < 0.05 * ctrl)


BONE_FLOOR = 0.01
"""Bone counts as present above this fraction of the bone node's ymax."""


def _bone_in_injured(run: Run, ctx: Context) -> Any:
    bone = end(run, BONE)
    return (bone > BONE_FLOOR * unit(run, BONE)) & (end(run, BONE, "uninjured") < 0.05 * bone)


def _relative(limit: float, above: bool) -> Callable[[Run, Context], Any]:
    def holds(run: Run, ctx: Context) -> Any:
        bone, ctrl = end(run, BONE), end(ctx.control, BONE)
        return bone > limit * ctrl if above else bone < limit * ctrl
    return holds


def _rise_then_fall(run: Run, ctx: Context) -> Any:
    fap = run.series(FAP)
    return ((fap.max(axis=-1) > 5 * fap[..., -1]) & (fap.argmax(axis=-1) > 0)
            & (end(run, BONE) < 0.05 * end(ctx.control, BONE)))


def _faps_persist(run: Run, ctx: Context) -> Any:
    return ((peak(run, FAP) > 1.5 * peak(ctx.alone, FAP))
            & (peak(run, "osteoblast") > 5 * peak(ctx.alone, "osteoblast"))
            & (peak(run, "apoptosis") < peak(ctx.alone, "apoptosis")))


def _bones(run: Run, ctx: Context) -> str:
    return (f"bone {end(run, BONE):.3f} injured, {end(run, BONE, 'uninjured'):.3f} uninjured "
            f"(control {end(ctx.control, BONE):.3f})")


def _ratio(run: Run, ctx: Context) -> str:
    ctrl = end(ctx.control, BONE)
    return f"bone {100 * end(run, BONE) / ctrl:.0f} % of control" if ctrl else "control has no bone"


def _fap_course(run: Run, ctx: Context) -> str:
    fap = run.series(FAP)
    return f"FAPs peak {fap.max():.3f}, end {fap[-1]:.3f}; bone {end(run, BONE):.3f}"


def _fap_vs_alone(run: Run, ctx: Context) -> str:
    return (f"FAP peak {peak(run, FAP):.2f} vs {peak(ctx.alone, FAP):.2f} after muscle injury "
            f"alone; apoptosis {peak(run, 'apoptosis'):.2f} vs "
            f"{peak(ctx.alone, 'apoptosis'):.2f}; osteoblasts {peak(run, 'osteoblast'):.2f} vs "
            f"{peak(ctx.alone, 'osteoblast'):.3f}")


CRITERIA: tuple[Criterion, ...] = (
    Criterion("no heterotopic bone", _no_bone, _bones),
    Criterion("heterotopic bone in the injured muscle", _bone_in_injured, _bones),
    Criterion("strongly reduced", _relative(0.3, above=False), _ratio),
    Criterion("reduced", _relative(0.8, above=False), _ratio),
    Criterion("more bone", _relative(1.02, above=True), _ratio),
    Criterion("fibro-adipogenic progenitors rise then fall", _rise_then_fall, _fap_course),
    Criterion("fibro-adipogenic progenitors fail", _faps_persist, _fap_vs_alone),
)
"""Expectation wording (by prefix, first match) → criterion."""


def criterion_for(expect: str) -> Criterion:
    """The criterion an expectation's wording names; an unknown wording is an error."""
    for c in CRITERIA:
        if expect.startswith(c.prefix):
            return c
    raise OsteonError(f"no criterion for the expectation {expect!r}")
