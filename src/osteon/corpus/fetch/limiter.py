"""A small rate limiter: NCBI allows 3 requests a second, 10 with an API key.

One limiter per client, shared by every request the client makes (from any
thread), spaces request starts at least `1 / rate` seconds apart. It keeps the
time it made callers wait, so a benchmark can report speed without the waits
that the service's rules impose.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

RATE_WITHOUT_KEY = 3.0
RATE_WITH_KEY = 10.0


def ncbi_rate(api_key: str | None) -> float:
    """The requests per second NCBI allows: more with an API key."""
    return RATE_WITH_KEY if api_key else RATE_WITHOUT_KEY


class RateLimiter:
    """Spaces calls to `wait()` at least 1/rate seconds apart."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        self.interval = 1.0 / rate
        self._clock = clock
        self._sleep = sleep
        self._next = 0.0
        self._lock = threading.Lock()
        self.waited = 0.0
        """Seconds callers spent waiting for their turn, all together."""

    def wait(self) -> None:
        """Return when the next request may start (at once, if the last was long enough ago)."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
            delay = start - now
            self.waited += delay
        if delay > 0:
            self._sleep(delay)
