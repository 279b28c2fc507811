"""Benchmark osteon's corpus ingest: throughput and peak memory against corpus size.

Target: at least 100 documents per second on one core, with memory flat in
corpus size (ingest streams documents into SQLite one at a time, so a corpus
ten times larger must not need ten times the memory).

For each size the corpus is generated first (timed separately, see
`corpus_gen.py`), then ingested into a fresh, empty store in a fresh child
process, so that peak RSS (`ru_maxrss`, which only ever grows) belongs to that
run alone and no import or cache from an earlier run flatters a later one. The
child pins itself to one CPU where the OS allows it, because the target is per
core. Results are printed, never asserted: this is a measurement, not a test.

    .venv/bin/python bench/ingest_bench.py                  # sizes 1000 and 10000
    .venv/bin/python bench/ingest_bench.py --sizes 200,1000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from measure import peak_rss_mb, pin_to_one_cpu, rss_now_mb

TARGET_DOCS_PER_S = 100.0
TARGET = "target: ≥ 100 documents/s on one core, memory flat in corpus size"
MAX_BYTES = 50 * 1024 * 1024
FLAT_TOLERANCE = 1.25
"""A larger run's peak RSS within this factor of the smallest run's counts as flat."""

HERE = Path(__file__).resolve().parent


# --------------------------------------------------------------------------- child side








def _store_bytes(store_file: Path) -> int:
    """The store on disk: the database plus any WAL and shared-memory files left."""
    return sum(p.stat().st_size for p in (store_file, Path(f"{store_file}-wal"),
                                          Path(f"{store_file}-shm")) if p.exists())


def child(corpus: Path, home: Path, profile: bool) -> dict[str, Any]:
    """Ingest `corpus` into a fresh store under `home` and measure it (runs in the child)."""
    cpu = pin_to_one_cpu()
    from osteon.corpus.ingest import ingest_paths
    from osteon.corpus.store import Store

    baseline_rss = rss_now_mb()
    baseline_peak = peak_rss_mb()
    store_file = home / "osteon.sqlite"
    store = Store.open(store_file)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    report = ingest_paths(store, [corpus], max_bytes=MAX_BYTES)
    wall = time.perf_counter() - t0
    cpu_s = time.process_time() - cpu0
    if profiler is not None:
        import io
        import pstats

        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
    peak = peak_rss_mb()
    end_rss = rss_now_mb()
    stored_sentences = store.count_sentences()
    store.close()
    counts = report.counts()
    failures = [f"{o.source}: {o.message}" for o in report.failed]
    return {
        "cpu": cpu,
        "inputs": len(report.outcomes),
        "counts": counts,
        "docs": counts.get("added", 0) + counts.get("replaced", 0),
        "failed": counts.get("failed", 0),
        "failure_examples": failures[:5],
        "sentences": sum(o.sentences for o in report.outcomes),
        "stored_sentences": stored_sentences,
        "wall_s": wall,
        "cpu_s": cpu_s,
        "baseline_rss_mb": baseline_rss if baseline_rss is not None else baseline_peak,
        "peak_rss_mb": peak,
        "end_rss_mb": end_rss,
        "store_bytes": _store_bytes(store_file),
        "profiled": profile,
    }


# --------------------------------------------------------------------------- parent side


def run_size(n_docs: int, workdir: Path, seed: int, profile: bool) -> dict[str, Any]:
    """Generate an `n_docs` corpus, ingest it in a fresh child, and return the figures."""
    sys.path.insert(0, str(HERE))
    from corpus_gen import generate_corpus

    corpus = workdir / f"corpus_{n_docs}"
    home = workdir / f"home_{n_docs}"
    home.mkdir()
    _say(f"generating {n_docs} documents ...")
    t0 = time.perf_counter()
    corpus_bytes = generate_corpus(corpus, n_docs, seed)
    gen_s = time.perf_counter() - t0
    _say(f"  {corpus_bytes / 1e6:.1f} MB in {gen_s:.1f} s; ingesting in a fresh process ...")
    env = {**os.environ, "OSTEON_HOME": str(home)}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), str(home)]
    if profile:
        command.append("--profile")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if profile and done.stderr:
        print(done.stderr, file=sys.stderr)
    if done.returncode != 0:
        return {"n_docs": n_docs, "error": (done.stderr or done.stdout).strip()[-2000:]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(n_docs=n_docs, corpus_bytes=corpus_bytes, generate_s=gen_s)
    wall = result["wall_s"] or 1e-9
    result["docs_per_s"] = result["docs"] / wall
    result["sentences_per_s"] = result["sentences"] / wall
    result["mb_per_s"] = corpus_bytes / 1e6 / wall
    result["ingest_growth_mb"] = result["peak_rss_mb"] - result["baseline_rss_mb"]
    _say(f"  {result['docs']} documents in {wall:.1f} s ({result['docs_per_s']:.0f}/s)")
    return result


def add_relative_memory(results: list[dict[str, Any]]) -> None:
    """Peak RSS (and ingest-attributable growth) of each run relative to the smallest run."""
    ok = [r for r in results if "error" not in r]
    if not ok:
        return
    base = min(ok, key=lambda r: r["n_docs"])
    for r in ok:
        r["peak_rss_vs_smallest"] = r["peak_rss_mb"] / base["peak_rss_mb"]
        growth = max(base["ingest_growth_mb"], 1e-9)
        r["growth_vs_smallest"] = r["ingest_growth_mb"] / growth


def verdict(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Whether the figures meet the target; reported, never enforced."""
    ok = [r for r in results if "error" not in r]
    slowest = min((r["docs_per_s"] for r in ok), default=0.0)
    worst = max((r.get("peak_rss_vs_smallest", 1.0) for r in ok), default=1.0)
    small = min(ok, key=lambda r: r["n_docs"], default=None)
    large = max(ok, key=lambda r: r["n_docs"], default=None)
    per_doc_kb = None
    if small is not None and large is not None and large["n_docs"] > small["n_docs"]:
        extra = large["ingest_growth_mb"] - small["ingest_growth_mb"]
        per_doc_kb = extra * 1024 / (large["n_docs"] - small["n_docs"])
    return {
        "min_docs_per_s": slowest,
        "growth_kb_per_extra_doc": per_doc_kb,
        "throughput_met": bool(ok) and slowest >= TARGET_DOCS_PER_S,
        "max_peak_rss_vs_smallest": worst,
        "memory_flat": bool(ok) and worst <= FLAT_TOLERANCE,
        "flat_tolerance": FLAT_TOLERANCE,
        "failures": sum(r["failed"] for r in ok),
        "errors": [r["n_docs"] for r in results if "error" in r],
    }


def print_table(results: list[dict[str, Any]], summary: dict[str, Any]) -> None:
    """Print the figures as a plain table, one column per corpus size."""
    print(f"osteon ingest benchmark  (Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs visible)")
    print(TARGET)
    print()
    for r in results:
        if "error" in r:
            print(f"{r['n_docs']} documents: the child process failed:\n{r['error']}\n")
    ok = [r for r in results if "error" not in r]
    if not ok:
        return
    rows: list[tuple[str, str]] = [
        ("corpus (documents)", "{n_docs}"),
        ("corpus size (MB)", "{corpus_mb:.1f}"),
        ("generate (s, not timed below)", "{generate_s:.1f}"),
        ("pinned to CPU", "{cpu}"),
        ("documents ingested", "{docs}"),
        ("failed", "{failed}"),
        ("other outcomes", "{other}"),
        ("sentences", "{sentences}"),
        ("ingest wall (s)", "{wall_s:.2f}"),
        ("ingest CPU (s)", "{cpu_s:.2f}"),
        ("documents/s", "{docs_per_s:.0f}"),
        ("sentences/s", "{sentences_per_s:.0f}"),
        ("input MB/s", "{mb_per_s:.2f}"),
        ("RSS after imports (MB)", "{baseline_rss_mb:.1f}"),
        ("peak RSS (MB)", "{peak_rss_mb:.1f}"),
        ("peak - baseline (MB)", "{ingest_growth_mb:.1f}"),
        ("peak RSS vs smallest", "{peak_rss_vs_smallest:.2f}x"),
        ("growth vs smallest", "{growth_vs_smallest:.2f}x"),
        ("store on disk (MB)", "{store_mb:.1f}"),
    ]
    cells = []
    for r in ok:
        other = {k: v for k, v in r["counts"].items() if k not in ("added", "failed")}
        values = {**r, "corpus_mb": r["corpus_bytes"] / 1e6, "store_mb": r["store_bytes"] / 1e6,
                  "cpu": "-" if r["cpu"] is None else r["cpu"],
                  "other": ", ".join(f"{k} {v}" for k, v in other.items()) or "-"}
        cells.append([fmt.format(**values) for _, fmt in rows])
    label_w = max(len(label) for label, _ in rows)
    col_w = [max(len(c) for c in col) for col in cells]
    for i, (label, _) in enumerate(rows):
        line = "  ".join(col[i].rjust(w) for col, w in zip(cells, col_w, strict=True))
        print(f"{label.ljust(label_w)}  {line}")
    print()
    for r in ok:
        for example in r["failure_examples"]:
            print(f"failed ({r['n_docs']}): {example}")
    if any(r["profiled"] for r in ok):
        print("note: runs were profiled (cProfile); timings include the profiler's overhead")
    met = "met" if summary["throughput_met"] else "NOT met"
    flat = "flat" if summary["memory_flat"] else "NOT flat"
    print(f"throughput: slowest run {summary['min_docs_per_s']:.0f} documents/s -> {met}")
    print(f"memory: largest peak RSS {summary['max_peak_rss_vs_smallest']:.2f}x the smallest run's"
          f" (flat means <= {FLAT_TOLERANCE:.2f}x) -> {flat}")
    if summary["growth_kb_per_extra_doc"] is not None:
        # Small against the interpreter's baseline, but it shows what a corpus
        # ten or a hundred times larger would add.
        print(f"ingest memory growth with corpus size: about"
              f" {summary['growth_kb_per_extra_doc']:.2f} KB per extra document"
              " (peak - baseline, largest run against smallest)")


def _say(message: str) -> None:
    """Progress goes to stderr, so stdout stays the table or the JSON alone."""
    print(message, file=sys.stderr, flush=True)


def parse_sizes(text: str) -> list[int]:
    """Parse '200,1000' into [200, 1000]; sizes must be positive."""
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or any(n <= 0 for n in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be positive integers, got {text!r}")
    return sorted(set(sizes))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with --child, one measured ingest) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[1000, 10000],
                        help="comma-separated corpus sizes in documents (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus RNG seed")
    parser.add_argument("--json", action="store_true", help="print one JSON object, not a table")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile each ingest and print the top functions to stderr")
    parser.add_argument("--child", nargs=2, type=Path, metavar=("CORPUS", "HOME"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], args.profile)))
        return 0

    with tempfile.TemporaryDirectory(prefix="osteon-bench-") as tmp:
        results = [run_size(n, Path(tmp), args.seed, args.profile) for n in args.sizes]
    add_relative_memory(results)
    summary = verdict(results)
    if args.json:
        print(json.dumps({"target": TARGET, "python": platform.python_version(),
                          "cpus_visible": os.cpu_count(), "seed": args.seed,
                          "summary": summary, "runs": results}, indent=2))
    else:
        print_table(results, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
