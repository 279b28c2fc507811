"""Benchmark osteon's start-up: what a user waits for from the shell, beside `python -c pass`.

Targets: `osteon --help` ≤ 0.5 s and `osteon ask "…"` ≤ 1.5 s from a fresh process on a
store whose documents are all read (asking loads no reading pipeline). Each command is
run `--runs` times in a new interpreter; the median wall time is printed beside the
median of `python -c pass` on the same machine, as a ratio, so a slow machine does not
read as a slow osteon.

The store is built and read once, untimed, in a temporary OSTEON_HOME. Results are
printed, never asserted.

    .venv/bin/python bench/startup_bench.py
    .venv/bin/python bench/startup_bench.py --runs 9 --json
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import emit

QUESTION = "How can HO be prevented?"
TARGETS_S = {"osteon --help": 0.5, f'osteon ask "{QUESTION}"': 1.5}


def osteon_command() -> list[str]:
    """The `osteon` console script beside this interpreter, as a user runs it."""
    script = Path(sys.executable).with_name("osteon")
    return [str(script)] if script.exists() else [sys.executable, "-m", "osteon.cli"]


def median_times_s(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of `runs` fresh runs of `command`.

    CPU time barely moves when other work shares the machine; wall time is what a user
    waits, and on a busy machine it grows with the load.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def measure(runs: int) -> dict:
    """Median start-up times in a fresh, fully read store."""
    osteon = osteon_command()
    with tempfile.TemporaryDirectory(prefix="osteon-startup-") as home:
        env = {**os.environ, "OSTEON_HOME": home}
        env.pop("OSTEON_STORE", None)
        subprocess.run([*osteon, "read"], env=env, stdout=subprocess.DEVNULL, check=True)
        baseline, baseline_cpu = median_times_s([sys.executable, "-c", "pass"], env, runs)
        commands = {
            "osteon --help": [*osteon, "--help"],
            f'osteon ask "{QUESTION}"': [*osteon, "ask", QUESTION],
        }
        rows = {name: median_times_s(cmd, env, runs) for name, cmd in commands.items()}
    return {"runs": runs, "load_average_1min": os.getloadavg()[0],
            "python -c pass_s": baseline, "python -c pass_cpu_s": baseline_cpu,
            "commands": {name: {"median_s": wall, "median_cpu_s": cpu,
                                "ratio_to_python": wall / baseline,
                                "target_s": TARGETS_S[name]}
                         for name, (wall, cpu) in rows.items()}}


def table(results: dict) -> None:
    """Print the start-up figures for people."""
    print(f"Start-up, median of {results['runs']} fresh runs (store already read; "
          f"load average {results['load_average_1min']:.1f})")
    print(f"  {'python -c pass':<40} {results['python -c pass_s']:6.3f} s wall "
          f"{results['python -c pass_cpu_s']:6.3f} s CPU")
    for name, row in results["commands"].items():
        verdict = "ok" if row["median_s"] <= row["target_s"] else "OVER"
        print(f"  {name:<40} {row['median_s']:6.3f} s wall {row['median_cpu_s']:6.3f} s CPU"
              f"  x{row['ratio_to_python']:5.1f} python  (target ≤ {row['target_s']} s: "
              f"{verdict})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Fresh runs per command.")
    parser.add_argument("--json", action="store_true", help="Print JSON for programs.")
    args = parser.parse_args()
    return emit(measure(args.runs), args.json, table)


if __name__ == "__main__":
    raise SystemExit(main())
