"""What every benchmark measures about itself (memory, the CPU it runs on), and how it reports."""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def rss_now_mb() -> float | None:
    """Current resident set size, from /proc on Linux; None where there is no /proc."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """Peak RSS of this process so far (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def pin_to_one_cpu() -> int | None:
    """Pin this process to its first allowed CPU; return it, or None where unsupported.

    The targets are per core, and a pinned child is not helped by the second core.
    """
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def emit(results: dict, as_json: bool, table: Callable[[dict], None]) -> int:
    """Print a benchmark's results: one JSON object for programs, or its table for people."""
    if as_json:
        print(json.dumps(results, indent=2))
    else:
        table(results)
    return 0


def free_port() -> int:
    """A loopback port nothing listens on now, for a server under test."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, seconds: float) -> None:
    """Poll `url` until it answers 200; SystemExit if the server dies or time runs out.

    A first start may build the store from the seeds, hence a generous `seconds`.
    """
    import httpx

    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            raise SystemExit(f"the server at {url} did not start")
        time.sleep(0.2)
