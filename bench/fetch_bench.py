"""Benchmark `osteon fetch`: 1,000 records fetched from a local fake E-utilities and ingested.

Target (issue 18): fetch + ingest of 1,000 records in at most 30 s, not counting the
waits NCBI's rate limit imposes (3 requests a second without a key). The fake service
(tests/fake_eutils.py, on loopback) answers in PubMed's efetch XML; the client runs with
its real limiter and retry policy, so the run makes the requests a real one would, and
the limiter's own count of the seconds it held requests back is subtracted.

Three runs on one fresh store: a clean fetch; the same fetch again (incremental: nothing
new, no efetch); and a fetch of 1,000 more through a service that answers 429, drops the
connection, cuts a body short and fails with 503 once each (retries, with their backoff
pauses also subtracted). Reading (claims) is not part of it: `osteon read` has its own
benchmark. Results are printed, never asserted.

    .venv/bin/python bench/fetch_bench.py [--records 1000] [--json]
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from measure import emit, peak_rss_mb

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the fake service lives with the tests

from fake_eutils import FakeEutils, serving  # noqa: E402

TARGET_S = 30.0
TARGET = "target: fetch + ingest of 1,000 records ≤ 30 s, excluding rate-limit waits"
QUERY = "heterotopic ossification"


def timed_fetch(store: Any, service: FakeEutils) -> dict[str, Any]:
    """One `fetch` through a fresh client at NCBI's keyless rate; its times and counts."""
    from osteon.corpus.fetch.eutils import EutilsClient
    from osteon.corpus.fetch.intake import fetch

    with EutilsClient(service.url) as client:
        start = time.perf_counter()
        report = fetch(store, client, "pubmed", QUERY)
        wall = time.perf_counter() - start
        waited = client.waited_s
    work = wall - waited
    return {"found": report.found, "new": report.new, "already": report.already,
            "stored": len(report.stored), "failed": len(report.failed),
            "requests": report.requests, "retries": report.retries,
            "wall_s": round(wall, 2), "waited_s": round(waited, 2),
            "work_s": round(work, 2),
            "records_per_s": round(len(report.stored) / work, 1) if report.stored else None}


def run(records: int) -> dict[str, Any]:
    """The three runs on one fresh store."""
    from osteon.corpus.store import Store

    with tempfile.TemporaryDirectory() as tmp, serving() as service:
        store = Store.open(Path(tmp) / "osteon.sqlite")
        service.add_pubmed([str(30_000_000 + i) for i in range(records)], QUERY)
        clean = timed_fetch(store, service)
        again = timed_fetch(store, service)
        service.add_pubmed([str(40_000_000 + i) for i in range(records)], QUERY)
        service.faults = ["429", "drop", "truncate", "503"]
        faults = timed_fetch(store, service)
        store.close()
    return {"python": platform.python_version(), "records": records,
            "clean": clean, "incremental": again, "with_faults": faults,
            "peak_rss_mb": round(peak_rss_mb(), 1), "target_s": TARGET_S,
            "met": clean["work_s"] <= TARGET_S * records / 1000}


def table(results: dict[str, Any]) -> None:
    print(f"osteon fetch benchmark  (Python {results['python']}, {results['records']} records, "
          "local fake E-utilities at 3 requests/s)")
    print(TARGET)
    print()
    print(f"{'run':<14}{'stored':>8}{'already':>9}{'requests':>10}{'retries':>9}{'wall s':>9}"
          f"{'waits s':>9}{'work s':>9}{'records/s':>11}")
    for name in ("clean", "incremental", "with_faults"):
        r = results[name]
        print(f"{name:<14}{r['stored']:>8}{r['already']:>9}{r['requests']:>10}{r['retries']:>9}"
              f"{r['wall_s']:>9}{r['waited_s']:>9}{r['work_s']:>9}"
              f"{r['records_per_s'] or '-':>11}")
    print()
    print(f"peak RSS {results['peak_rss_mb']} MB; "
          f"{'met' if results['met'] else 'NOT met'}: clean fetch+ingest "
          f"{results['clean']['work_s']} s of work for {results['records']} records")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    return emit(run(args.records), args.json, table)


if __name__ == "__main__":
    raise SystemExit(main())
