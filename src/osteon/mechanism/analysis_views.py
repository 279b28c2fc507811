"""The analyses for a person (rich markup) and as JSON: sensitivity, bands, predictions.

One text form for the CLI (the web page renders the same records with its own
templates); the JSON shapes are the records' `as_dict`, plus `band_dict` here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.markup import escape

from osteon.mechanism.judges import BONE
from osteon.mechanism.predict import Prediction, Predictions
from osteon.mechanism.sensitivity import Sensitivity
from osteon.mechanism.uncertainty import Band


def sensitivity_lines(result: Sensitivity, shown: int) -> Iterator[str]:
    """The `shown` parameters with the largest total index, then what the rest add up to."""
    yield (f"[bold]Sobol' indices of {escape(result.readout)}[/] "
           f"[dim](every parameter ±{result.spread:.0%}, n={result.n}, {result.runs:,} runs; "
           f"bone {result.mean:.3f} ± {result.std:.3f})[/]")
    yield f"  {'parameter':<58} {'first':>7} {'total':>7}  [dim]total 95 % interval[/]"
    for i in result.indices[:shown]:
        lo, hi = i.total_ci
        yield f"  {escape(i.name):<58} {i.first:7.3f} {i.total:7.3f}  [dim]{lo:.3f}–{hi:.3f}[/]"
    rest = result.indices[shown:]
    silent = sum(not i.reaches_bone for i in result.indices)
    yield (f"  [dim]{len(rest)} more parameters, total indices summing to "
           f"{sum(i.total for i in rest):.3f}; {silent} cannot reach bone (indices 0)[/]")
    yield (f"  sum of first-order indices {sum(i.first for i in result.indices):.3f} "
           "[dim](the rest of the variance comes from interactions)[/]")


def band_dict(band: Band) -> dict[str, Any]:
    """A band's percentiles per state over time (days; model units)."""
    return {"percentiles": list(band.percentiles), "sets": band.sets, "spread": band.spread,
            "t": [round(float(t), 4) for t in band.t],
            "low": {s: [round(float(v), 6) for v in band.low[i]]
                    for i, s in enumerate(band.states)},
            "high": {s: [round(float(v), 6) for v in band.high[i]]
                     for i, s in enumerate(band.states)}}


def band_line(band: Band) -> str:
    """Bone at the end of the run, as the band's range."""
    low, high = band.series(BONE)
    lo, hi = band.percentiles
    return (f"  bone at the end, {lo:g}th–{hi:g}th percentile over {band.sets} parameter sets "
            f"at ±{band.spread:.0%}: {low[-1]:.3f}–{high[-1]:.3f}")


def _change(p: Prediction) -> str:
    return "   n/a" if p.change is None else f"{p.change:+7.0%}"


def prediction_lines(result: Predictions) -> Iterator[str]:
    """Tested predictions with their evidence, then the experiments the model suggests."""
    injuries = " + ".join(result.scenario.injuries)
    yield (f"[bold]Each node perturbed in the control run[/] ({injuries}"
           f" injury, day {result.scenario.days:g}: bone {result.control_bone:.3f}) "
           "[dim](mouse-model mechanism; change in bone in the injured muscle)[/]")
    tested = [p for p in result.rows if p.tested]
    yield f"\n[bold]Tested by the sources[/] ({len(tested)})"
    for p in tested:
        verdict = "[green]model agrees[/]" if p.agrees else "[red]model disagrees[/]"
        yield f"  {escape(p.node)}, {escape(p.label)}: {_change(p).strip()}  {verdict}"
        for e in p.evidence:
            mark = "[green]✓[/]" if e.agrees else "[red]✗[/]"
            yield (f"    {mark} {e.kind} {escape(e.ref)}: {escape(e.what)}; expected "
                   f"“{escape(e.expect)}”, model: {escape(e.simulated)}")
            for c in e.citations[:2]:
                yield f"      [dim]{escape(c.doc_id)} #{c.sentence_idx}[/] “{escape(c.quote)}”"
    suggested = result.suggested()
    yield (f"\n[bold]Untested: experiments the model suggests[/] ({len(suggested)}; "
           f"a change of at least {result.suggest_at:.0%})")
    for p in suggested:
        yield f"  {_change(p)}  {escape(p.node)}, {escape(p.label)}  [dim]{escape(p.command)}[/]"
    quiet = sum(not p.tested and p not in suggested for p in result.rows)
    yield (f"  [dim]{quiet} more untested perturbations change bone by less than "
           f"{result.suggest_at:.0%} (`--json` lists every one)[/]")
