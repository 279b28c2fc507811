"""Assessment latency per patient bundle, warm: p50 and p99 over repeated runs.

The store is built (seeds read) and each bundle assessed once before timing, so
what is measured is what a long-running service pays per request: parsing and
mapping the input, querying the assertions, computing deadlines, citing.
Each bundle is assessed at its own time, the "assess at" column of
tests/data/patients/README.md (the time its tests use), so a record dated 2026 keeps
its open windows and its dates. Free text is read: the reading pipeline is loaded once
per process, by the warm-up. Target (issue 15): p50 ≤ 20 ms per assessment over the
EHR-style bundles (ehr_*.fhir.json). The Synthea bundles (1–2 MB of real synthetic
records) are timed too, for scale.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from osteon import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
PATIENTS = sorted((ROOT / "tests" / "data" / "patients").glob("*.json"))
SYNTHEA = sorted((ROOT / "tests" / "data" / "fhir").glob("*.json"))
README = ROOT / "tests" / "data" / "patients" / "README.md"
SYNTHEA_AT = "2025-03-11T06:00:00Z"
RUNS = 200
SYNTHEA_RUNS = 10
TARGET_MS = 20.0


def assess_times() -> dict[str, str]:
    """File name → the time its tests assess it at, from the patients README's table."""
    times: dict[str, str] = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not re.match(r"\d{4}-\d\d-\d\dT", cells[1]):
            continue
        for name in cells[0].split("/"):  # 'tha_day1_prior_ho.json / .fhir.json'
            name = name.strip()
            if name.startswith("."):
                name = cells[0].split(".", 1)[0] + name
            times[name] = cells[1]
    return times


def _time(kb: KnowledgeBase, path: Path, runs: int, at: str) -> list[float]:
    kb.assess(path, at=at)  # warm: lexicon, rules, model classes and reading pipeline loaded
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        kb.assess(path, at=at)
        out.append((time.perf_counter() - started) * 1000)
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, KnowledgeBase.open(Path(tmp) / "s") as kb:
        kb.update_knowledge()
        times = assess_times()
        missing = [p.name for p in PATIENTS if p.name not in times]
        if missing:
            print(f"no 'assess at' time in {README.name} for: {', '.join(missing)}")
            return 1
        print(f"assess latency, warm, free text read, {RUNS} runs per test bundle, each at "
              f"its own time (target: EHR-style p50 ≤ {TARGET_MS:.0f} ms)")
        every: list[float] = []
        ehr: list[float] = []
        for path in PATIENTS:
            ms = _time(kb, path, RUNS, times[path.name])
            every += ms
            if path.name.startswith("ehr_"):
                ehr += ms
            print(f"  {path.name:40s} at {times[path.name]}  p50 {statistics.median(ms):6.2f} ms"
                  f"   p99 {_p(ms, 0.99):6.2f} ms")
        p50 = statistics.median(ehr)
        print(f"  {'EHR-style bundles (ehr_*)':63s} p50 {p50:6.2f} ms   "
              f"p99 {_p(ehr, 0.99):6.2f} ms   {'met' if p50 <= TARGET_MS else 'MISSED'}")
        print(f"  {'all test bundles':63s} p50 {statistics.median(every):6.2f} ms   "
              f"p99 {_p(every, 0.99):6.2f} ms")
        print(f"Synthea R4 bundles (real synthetic records), {SYNTHEA_RUNS} runs each, "
              f"at {SYNTHEA_AT}")
        for path in SYNTHEA:
            ms = _time(kb, path, SYNTHEA_RUNS, SYNTHEA_AT)
            size = path.stat().st_size / 1e6
            print(f"  {path.name:40s} {size:4.1f} MB  p50 {statistics.median(ms):7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
