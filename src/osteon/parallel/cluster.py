"""Reading as tasks on Dask distributed: beyond one machine (the `cluster` extra).

Dask distributed was chosen over Ray because it installs from PyPI as pure Python
(no native object store to build), needs no daemon beyond its own scheduler and
workers, and `LocalCluster` runs the same code path in a test. Each task reads
one chunk of documents; a worker process keeps its reader between tasks (built on
its first chunk), and results come back to this process, the store's one writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from osteon.errors import OsteonError
from osteon.parallel.driver import Submit
from osteon.parallel.worker import read_chunk

TASK_DOCUMENTS = 16
"""Documents per Dask task: a task costs the scheduler a few milliseconds and a round trip,
so each carries more documents than a local pool's chunk."""
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}
"""Dask's housekeeping, turned down for the LocalCluster started here: each worker's
statistical profiler samples the reading thread's stack every 10 ms under the GIL, the
event-loop tick (20 ms) and system monitor (0.5 s) run in every process, and work
stealing rebalances a queue the parent already keeps short. On two cores all of it is
taken from reading. A cluster at an address keeps its operator's settings."""
LOCAL = "local"
"""`--cluster local`: a LocalCluster of worker processes on this machine."""
MISSING = ("reading on a cluster needs Dask distributed: "
           "pip install 'osteon[cluster]'")


class ClusterError(OsteonError):
    """The cluster could not be reached or used."""


def _distributed():  # type: ignore[no-untyped-def]
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError(MISSING) from exc
    return distributed


@contextmanager
def cluster_client(address: str, workers: int):  # type: ignore[no-untyped-def]
    """A Dask client: on a LocalCluster of `workers` processes ("local"), or at `address`.

    A LocalCluster's workers are single-threaded processes (medspaCy holds the GIL while it
    reads), started here and stopped on leaving.
    """
    distributed = _distributed()
    with ExitStack() as stack:
        try:
            if address == LOCAL:
                import dask

                stack.enter_context(dask.config.set(LOCAL_CONFIG))
                cluster = stack.enter_context(distributed.LocalCluster(
                    n_workers=workers, processes=True, threads_per_worker=1,
                    dashboard_address=None))
                client = stack.enter_context(distributed.Client(cluster))
            else:
                client = stack.enter_context(distributed.Client(address, timeout="10s"))
        except OSError as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        yield client


@contextmanager
def cluster_submitter(address: str, workers: int) -> Iterator[tuple[Submit, int]]:
    """A submit function over a Dask cluster, and how many workers it has.

    `address` "local" starts a LocalCluster of `workers` single-threaded processes
    (and stops it afterwards); any other value is a running scheduler's address.
    """
    with cluster_client(address, workers) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)

        def submit(chunk, version):  # type: ignore[no-untyped-def]
            return client.submit(read_chunk, chunk, version, pure=False)

        yield submit, n_workers
