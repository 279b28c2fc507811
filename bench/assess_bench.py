"""Assessment latency per patient bundle, warm: p50 and p99 over repeated runs.

The store is built (seeds read) and each bundle assessed once before timing, so
what is measured is what a long-running service pays per request: parsing and
mapping the input, querying the assertions, computing deadlines, citing.
Target: ≤ 20 ms per assessment for the hand-written test bundles. The Synthea
bundles (1–2 MB of real synthetic records) are timed too, for scale.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from osteon import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
PATIENTS = sorted((ROOT / "tests" / "data" / "patients").glob("*.json"))
SYNTHEA = sorted((ROOT / "tests" / "data" / "fhir").glob("*.json"))
AT = "2025-03-11T06:00:00Z"
RUNS = 200
SYNTHEA_RUNS = 10
TARGET_MS = 20.0


def _time(kb: KnowledgeBase, path: Path, runs: int) -> list[float]:
    kb.assess(path, at=AT)  # warm: lexicon, rules and model classes loaded
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        kb.assess(path, at=AT)
        out.append((time.perf_counter() - started) * 1000)
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, KnowledgeBase.open(Path(tmp) / "s") as kb:
        kb.update_knowledge()
        print(f"assess latency, warm, {RUNS} runs per test bundle (target ≤ {TARGET_MS:.0f} ms)")
        every: list[float] = []
        for path in PATIENTS:
            ms = _time(kb, path, RUNS)
            every += ms
            print(f"  {path.name:40s} p50 {statistics.median(ms):6.2f} ms   "
                  f"p99 {_p(ms, 0.99):6.2f} ms")
        p50, p99 = statistics.median(every), _p(every, 0.99)
        print(f"  {'all test bundles':40s} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   "
              f"{'OK' if p99 <= TARGET_MS else 'OVER TARGET'}")
        print(f"Synthea R4 bundles (real synthetic records), {SYNTHEA_RUNS} runs each")
        for path in SYNTHEA:
            ms = _time(kb, path, SYNTHEA_RUNS)
            size = path.stat().st_size / 1e6
            print(f"  {path.name:40s} {size:4.1f} MB  p50 {statistics.median(ms):7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
