"""Server time per page of the web app on the default corpus (target: every page ≤ 200 ms).

The app runs under uvicorn in its own process over a fresh store built from the
bundled seeds, as `make run` serves it; this process is the browser. Each page
is fetched once cold (the app's caches empty for it: the first simulation, say)
and `--repeats` times warm; the server's own time per request is read from its
Server-Timing header (network and client excluded), and the page's size is the
HTML sent. Figures are printed, never asserted.

    .venv/bin/python bench/web_bench.py [--repeats 20] [--json]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from measure import emit, free_port, wait_until_up  # noqa: E402

ROOT = Path(__file__).parents[1]
PATIENTS = ROOT / "tests" / "data" / "patients"
TARGET_MS = 200.0
MAX_BYTES = 300 * 1024
QUESTIONS = ("How can heterotopic ossification be prevented?", "What causes HO?",
             "Is it thrombophlebitis or HO?", "What is the prognosis of heterotopic ossification?",
             "How does a spinal cord injury lead to bone in muscle?", "Can I eat chocolate?")
FORM = {"age": "68", "sex": "male", "history_of_ho": "on",
        "procedures": "total hip arthroplasty", "procedure_time": "2025-03-10T09:30",
        "at": "2025-03-11T09:00"}


def server_ms(response: httpx.Response) -> float:
    timing = response.headers.get("server-timing", "")
    return float(timing.split("dur=")[1]) if "dur=" in timing else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {**os.environ, "OSTEON_STORE": str(Path(tmp) / "osteon.sqlite"),
               "OSTEON_CDS_AUTH": "off"}
        server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory",
                                   "osteon.web.app:create_app", "--port", str(port),
                                   "--log-level", "warning"], env=env)
        try:
            wait_until_up(f"http://127.0.0.1:{port}/", server, 300)
            results = measure(f"http://127.0.0.1:{port}", args.repeats)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return emit(results, args.json, table)


def measure(base: str, repeats: int) -> dict:
    with httpx.Client(base_url=base, timeout=120) as client:
        docs = [d["id"] for d in client.get("/api/sources").json()]
        topics = [t["slug"] for t in client.get("/api/topics").json()]
        requests: list[tuple[str, dict]] = [(p, {}) for p in (
            "/", "/topics", "/sources", "/conflicts", "/assess", "/mechanism",
            "/mechanism?injury=spinal_cord&injury=muscle&drug=ruxolitinib&days=28",
            "/mechanism/plot.png?injury=spinal_cord&injury=muscle&drug=ruxolitinib&days=28",
            "/docs")]
        requests += [(f"/ask?q={quote(q)}", {}) for q in QUESTIONS]
        requests += [(f"/topics/{t}", {}) for t in topics]
        requests += [(f"/sources/{quote(d, safe='')}", {}) for d in docs]
        requests += [("POST /assess", {"data": FORM})]
        fhir = (PATIENTS / "tha_day1_prior_ho.fhir.json").read_bytes()
        requests += [("POST /assess/file", {"files": {"file": ("p.fhir.json", fhir)},
                                            "data": {"at": "2025-03-11T09:00"}})]
        rows = []
        for target, extra in requests:
            method, path = target.split(" ", 1) if " " in target else ("GET", target)
            timings, size, status = [], 0, 0
            for _ in range(repeats + 1):
                r = client.request(method, path, **extra)
                status, size = r.status_code, len(r.content)
                timings.append(server_ms(r))
            first, warm = timings[0], timings[1:]  # the first fetch fills the app's caches
            rows.append({"page": target, "status": status, "bytes": size, "first_ms": first,
                         "p50_ms": statistics.median(warm), "max_ms": max(warm)})
    worst = max(r["p50_ms"] for r in rows)
    return {"pages": rows, "worst_p50_ms": worst,
            "worst_first_ms": max(r["first_ms"] for r in rows), "target_ms": TARGET_MS,
            "largest_bytes": max(r["bytes"] for r in rows), "repeats": repeats}


def table(results: dict) -> None:
    print(f"{'page':<64} {'status':>6} {'KB':>7} {'first ms':>9} {'p50 ms':>8} {'max ms':>8}")
    for r in results["pages"]:
        flag = " !" if r["p50_ms"] > TARGET_MS or r["bytes"] > MAX_BYTES else ""
        print(f"{r['page'][:64]:<64} {r['status']:>6} {r['bytes'] / 1024:>7.1f} "
              f"{r['first_ms']:>9.1f} {r['p50_ms']:>8.1f} {r['max_ms']:>8.1f}{flag}")
    print(f"worst page p50 {results['worst_p50_ms']:.1f} ms, worst first fetch "
          f"{results['worst_first_ms']:.1f} ms (target ≤ {TARGET_MS:.0f} ms); "
          f"largest page {results['largest_bytes'] / 1024:.0f} KB (limit 300 KB)")


if __name__ == "__main__":
    raise SystemExit(main())
