"""Worker processes on this machine: a process pool whose initializer builds each reader.

How workers start decides what a short read costs: a forked worker inherits spaCy
and medspaCy already imported (and a pipeline already built, if the parent has
one), where a spawned one spends seconds importing them again. Forking is only
safe from a process with one thread (a lock another thread holds at the fork stays
held in the child forever), so a parent with threads (a progress bar's, a web
server's) starts its workers from a fork server instead, which imports the
reader once and forks the workers from that clean process.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext

from osteon.parallel.driver import Submit
from osteon.parallel.worker import read_chunk, warm_up

WORKER_MODULE = "osteon.parallel.worker"


def start_method() -> BaseContext:
    """Fork from a single-threaded parent, else a fork server (spawn where neither exists)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([WORKER_MODULE])
        return context
    return multiprocessing.get_context("spawn")


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """`workers` processes, each building its reader as it starts (the initializer)."""
    with ProcessPoolExecutor(max_workers=workers, mp_context=start_method(),
                             initializer=warm_up) as pool:
        yield pool


@contextmanager
def pool_submitter(workers: int) -> Iterator[Submit]:
    """A submit function over `workers` processes, each with its reader built at start."""
    with worker_pool(workers) as pool:
        yield lambda chunk, version: pool.submit(read_chunk, chunk, version)
