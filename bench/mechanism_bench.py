"""Time per 28-day scenario (osteon vs libroadrunner on the exported SBML) and a sweep.

Targets (issue 7): <= 5 ms per scenario, within 3x of libroadrunner, a
1,000-set sweep <= 5 s. Both simulators sample 113 points over 28 days at the
same tolerances; the best of several repeats is reported, as noise only adds.
Both compile the scenario before the timed runs (libroadrunner when it loads
the SBML, osteon on the first run, whose time is reported separately).
Then (issue 17) the uncertainty band of one scenario (analysis.yaml `band` sets)
and the Sobol' indices of bone to every parameter (n base samples; runs =
n * (2 + parameters that reach bone)), each timed once: no target, a record.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from osteon import KnowledgeBase
from osteon.mechanism import Model, Scenario, graph_from_kb
from osteon.mechanism.analysis import settings
from osteon.mechanism.checks import load_checks
from osteon.mechanism.data import parameters
from osteon.mechanism.sbml import to_sbml
from osteon.mechanism.sensitivity import sensitivity
from osteon.mechanism.sweep import sweep
from osteon.mechanism.uncertainty import band

CHECKS = Path(__file__).parents[1] / "tests" / "data" / "mechanism_checks.yaml"
SCENARIO = Scenario(injuries=("spinal_cord", "muscle"))


def best_of(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sobol-n", type=int, default=None,
                    help="Sobol' base samples (default: analysis.yaml)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(Path(tmp) / "osteon.sqlite")
        graph = graph_from_kb(kb)
        kb.close()
    model = Model(graph)
    first = best_of(lambda: model.simulate(SCENARIO, points=113), 1)
    ours = best_of(lambda: model.simulate(SCENARIO, points=113), args.repeats)
    result: dict[str, float | dict[str, float] | None] = {"osteon_ms": ours * 1e3,
                                                          "osteon_first_ms": first * 1e3}
    try:
        import roadrunner
    except ImportError:
        result["roadrunner_ms"] = None
    else:
        controls = dict(zip(model.system.controls, model.controls(SCENARIO), strict=True))
        rr = roadrunner.RoadRunner(to_sbml(graph, controls))
        opts = parameters().solver
        rr.integrator.relative_tolerance = opts.rtol
        rr.integrator.absolute_tolerance = opts.atol

        def run_rr() -> None:
            rr.reset()
            rr.simulate(0, SCENARIO.days, 113)

        theirs = best_of(run_rr, args.repeats)
        result["roadrunner_ms"] = theirs * 1e3
        result["ratio"] = ours / theirs
    rows = load_checks(CHECKS)
    t0 = time.perf_counter()
    result["robustness"] = sweep(model, rows, n=args.sets)
    result["sweep_s"] = time.perf_counter() - t0
    result["sets"] = args.sets
    t0 = time.perf_counter()
    band(model, SCENARIO)
    result["band_s"] = time.perf_counter() - t0
    result["band_sets"] = settings().band.sets
    t0 = time.perf_counter()
    indices = sensitivity(model, n=args.sobol_n)
    result["sobol_s"] = time.perf_counter() - t0
    result["sobol_runs"] = indices.runs
    result["sobol_n"] = indices.n
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"per 28-day scenario: osteon {result['osteon_ms']:.2f} ms (first run, model set-up "
          f"and compiling included: {result['osteon_first_ms']:.1f} ms)", end="")
    if result.get("roadrunner_ms"):
        print(f", libroadrunner {result['roadrunner_ms']:.2f} ms, ratio {result['ratio']:.2f}x")
    else:
        print(" (libroadrunner not installed)")
    print(f"sweep of {args.sets} sets at ±{parameters().sweep.spread:.0%} over the checks: "
          f"{result['sweep_s']:.2f} s")
    for rid, frac in result["robustness"].items():  # type: ignore[union-attr]
        print(f"  {rid}: direction holds in {frac:.1%} of sets")
    print(f"uncertainty band ({result['band_sets']} sets, one scenario): "
          f"{result['band_s']:.2f} s")
    print(f"Sobol' indices (n={result['sobol_n']}, {result['sobol_runs']:,} runs): "
          f"{result['sobol_s']:.1f} s")


if __name__ == "__main__":
    main()
