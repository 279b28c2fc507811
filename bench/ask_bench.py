"""Benchmark osteon's ask: latency per question, beside plain FTS5 BM25, and answer quality.

Targets (issue 14): p50 ≤ 20 ms on the default corpus, p99 ≤ 100 ms on the
10,000-document corpus; answers better than plain BM25 top-3 sentences on the seed
questions.

- Latency: every question (the seed question file plus a few of our own) is
  asked `--reps` times of a warm KnowledgeBase (warmed as a server warms it at
  start-up, `KnowledgeBase.warm`), after one untimed round; p50 and p99 of the
  single calls. The same questions go to plain BM25 (`Store.search`,
  top 3 sentences) for the ratio.
- Corpora: the five shipped seeds, and the generated 10,000-document corpus read
  and merged (the read store is shared with knowledge_bench.py in `.bench/`).
- Quality: `evaluate_questions` with seed 000 left out, osteon against BM25 top-3.

Results are printed, never asserted.

    .venv/bin/python bench/ask_bench.py
    .venv/bin/python bench/ask_bench.py --docs 300 --json
    .venv/bin/python bench/ask_bench.py --store /tmp/k10k.sqlite   # a store read before
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from knowledge_bench import read_store
from measure import emit
from osteon import KnowledgeBase
from osteon.ask.evaluate import evaluate_questions, load_questions
from osteon.freshness import AS_STORED

ROOT = Path(__file__).resolve().parents[1]
SEED_QUESTIONS = ROOT / "tests" / "data" / "seed_questions.yaml"
OWN_QUESTIONS = [
    "What raises the risk of heterotopic ossification?",
    "When does HO show up after a spinal cord injury?",
    "Can bisphosphonates stop it?",
    "Which test finds HO before an x-ray does?",
    "What dose of indomethacin for a child?",
    "What is the capital of France?",
]
LEFT_OUT = "000_8f2b241a4302a766"


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def questions() -> list[str]:
    gold = yaml.safe_load(SEED_QUESTIONS.read_text(encoding="utf-8"))
    return [q["question"] for q in gold] + OWN_QUESTIONS


def timed(call: Callable[[str], Any], asked: list[str], reps: int) -> dict[str, float]:
    for q in asked:  # warm: caches, pages, lazy set-up
        call(q)
    times, cpu = [], []
    for _ in range(reps):
        for q in asked:
            started, started_cpu = time.perf_counter(), time.process_time()
            call(q)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    # CPU time beside wall time: on a shared machine the wall time waits for other
    # processes, the CPU time much less
    return {"p50_ms": _percentile(times, 0.5), "p99_ms": _percentile(times, 0.99),
            "cpu_p50_ms": _percentile(cpu, 0.5), "cpu_p99_ms": _percentile(cpu, 0.99),
            "calls": len(times), "load": round(os.getloadavg()[0], 1)}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if share == 0.5:
        return round(statistics.median(ordered), 2)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * share))], 2)


def measure(kb: KnowledgeBase, reps: int) -> dict[str, Any]:
    asked = questions()
    kb.update_knowledge()
    kb.warm()  # as the web server does at start-up
    osteon = timed(kb.ask, asked, reps)
    bm25 = timed(lambda q: kb.store.search(q, 3), asked, reps)
    return {"osteon": osteon, "bm25": bm25,
            "ratio_p50": round(osteon["p50_ms"] / max(bm25["p50_ms"], 1e-6), 1)}


def run(n_docs: int, seed: int, reps: int, store: Path | None = None) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        _say("default corpus: building the seeds' store …")
        with KnowledgeBase.open(Path(tmp) / "seeds.sqlite") as kb:
            results["default"] = measure(kb, reps)
            quality = evaluate_questions(kb.store, load_questions(SEED_QUESTIONS), [LEFT_OUT])
            results["quality"] = {"questions": len(quality.results),
                                  "osteon_passed": quality.passed,
                                  "bm25_top3_passed": quality.baseline_passed,
                                  "bad_citations": quality.bad_citations,
                                  "left_out": LEFT_OUT}
        if store is not None:  # a large store read and merged before: asked as it stands
            _say(f"large corpus: {store}, as stored (read-only) …")
            with KnowledgeBase.open(store, read_only=True, default_corpus=False,
                                    freshness=AS_STORED) as kb:
                n_docs = len(kb.store.ids())
                results["large"] = measure(kb, reps)
        else:
            source = read_store(n_docs, seed)
            large = Path(tmp) / "large.sqlite"
            shutil.copy(source, large)
            _say(f"{n_docs:,}-document corpus: merging knowledge …")
            with KnowledgeBase.open(large, default_corpus=False) as kb:
                started = time.perf_counter()
                kb.update_knowledge()
                results["large_merge_s"] = round(time.perf_counter() - started, 1)
                results["large"] = measure(kb, reps)
    results["docs"] = n_docs
    results["targets"] = {"default_p50_ms": 20, "large_p99_ms": 100}
    return results


def print_table(r: dict[str, Any]) -> None:
    print("ask bench: latency per question (ms), warm")
    print(f"  {'corpus':<22}{'osteon p50':>12}{'p99':>9}{'BM25 p50':>11}{'p99':>9}{'ratio':>8}")
    for name, label in (("default", "default (5 seeds)"), ("large", f"{r['docs']:,} documents")):
        row = r[name]
        print(f"  {label:<22}{row['osteon']['p50_ms']:>12.2f}{row['osteon']['p99_ms']:>9.2f}"
              f"{row['bm25']['p50_ms']:>11.2f}{row['bm25']['p99_ms']:>9.2f}"
              f"{row['ratio_p50']:>7.1f}x")
        print(f"  {'  CPU time':<22}{row['osteon']['cpu_p50_ms']:>12.2f}"
              f"{row['osteon']['cpu_p99_ms']:>9.2f}{row['bm25']['cpu_p50_ms']:>11.2f}"
              f"{row['bm25']['cpu_p99_ms']:>9.2f}   (load {row['osteon']['load']})")
    q = r["quality"]
    print(f"  quality, {q['questions']} seed questions with {q['left_out']} left out: osteon "
          f"{q['osteon_passed']}, plain BM25 top-3 sentences {q['bm25_top3_passed']}; "
          f"bad citations {q['bad_citations']}")
    default_ok = r["default"]["osteon"]["p50_ms"] <= r["targets"]["default_p50_ms"]
    large_ok = r["large"]["osteon"]["p99_ms"] <= r["targets"]["large_p99_ms"]
    print(f"  targets p50 ≤ 20 ms (default): {'met' if default_ok else 'MISSED'}; "
          f"p99 ≤ 100 ms ({r['docs']:,} documents): {'met' if large_ok else 'MISSED'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000, help="large corpus size")
    parser.add_argument("--seed", type=int, default=0, help="corpus RNG seed")
    parser.add_argument("--reps", type=int, default=5, help="timed rounds over the questions")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--store", type=Path, default=None,
                        help="ask this already read and merged store as it stands (read-only)"
                             " instead of building the generated corpus's (which reading"
                             " anew takes long whenever the reader changed)")
    args = parser.parse_args(argv)
    return emit(run(args.docs, args.seed, args.reps, args.store), args.json, print_table)


if __name__ == "__main__":
    raise SystemExit(main())
