"""The parent's side of parallel reading: documents out in chunks, results in, one writer.

Results are written in the order the documents were handed out, in the same
transactions of `WRITE_BATCH` documents as `read_store`, so a parallel read leaves
the store as a single-process read would (the same claims, in the same row order).
At most `window` chunks are out at a time, so a large store is never loaded whole.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from osteon.corpus.records import Document
from osteon.corpus.store import Store
from osteon.knowledge import claim_store
from osteon.knowledge.claim_rows import Rows, write_rows
from osteon.knowledge.read_pass import WriteBatch
from osteon.reading.version import ReadReport, reader_version

CHUNK_DOCUMENTS = 4
"""Documents per task: large enough that a task's overhead is small beside reading it,
small enough that the workers finish together."""
WINDOW_PER_WORKER = 4
"""Chunks handed out ahead per worker: keeps every worker busy while the parent writes."""
MIN_PARALLEL_SENTENCES = 5000
"""Fewer sentences than this are read in this process: starting workers (each builds its
pipeline, and a fork server first imports spaCy) costs seconds, about what one core
takes to read this many."""


class Future(Protocol):
    """A pending chunk's result (concurrent.futures.Future and dask's Future both fit)."""

    def result(self) -> list[Rows]: ...


Submit = Callable[[list[Document], str], Future]
"""Hands one chunk of documents, and the parent's reader version, to a worker."""


def default_jobs() -> int:
    """The cores this process may use (its affinity where the OS says, else all)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def read_parallel(store: Store, doc_ids: Sequence[str], *, jobs: int | None = None,
                  cluster: str | None = None,
                  on_document: Callable[[str, int], None] | None = None,
                  min_sentences: int = MIN_PARALLEL_SENTENCES) -> ReadReport:
    """Read these documents on `jobs` local processes, or as tasks on a Dask cluster.

    `cluster` is a scheduler address ("tcp://host:8786") or "local" (a LocalCluster
    of `jobs` worker processes on this machine). The store is written here only.
    A local read of fewer than `min_sentences` sentences stays in this process.
    """
    claim_store.ensure_schema(store)
    if not doc_ids:
        return ReadReport()
    workers = max(1, jobs or default_jobs())
    if cluster is None and (workers == 1 or store.sentences_in(doc_ids) < min_sentences):
        from osteon.knowledge.read_pass import read_store

        return read_store(store, doc_ids=list(doc_ids), on_document=on_document)
    if cluster is not None:
        from osteon.parallel.cluster import TASK_DOCUMENTS, cluster_submitter

        with cluster_submitter(cluster, workers) as (submit, n_workers):
            return write_in_order(store, doc_ids, submit, n_workers, on_document, TASK_DOCUMENTS)
    from osteon.parallel.local import pool_submitter

    with pool_submitter(min(workers, len(doc_ids))) as submit:
        return write_in_order(store, doc_ids, submit, workers, on_document)


def chunks(store: Store, doc_ids: Sequence[str], size: int = CHUNK_DOCUMENTS
           ) -> Iterator[list[Document]]:
    """The documents, loaded lazily from the store, `size` at a time, in order."""
    for i in range(0, len(doc_ids), size):
        yield [store.get(doc_id) for doc_id in doc_ids[i:i + size]]


def write_in_order(store: Store, doc_ids: Sequence[str], submit: Submit, workers: int,
                   on_document: Callable[[str, int], None] | None = None,
                   chunk_size: int = CHUNK_DOCUMENTS) -> ReadReport:
    """Hand chunks out (a window ahead), take results in order, write them in batches."""
    claim_store.ensure_schema(store)
    version = reader_version()
    report = ReadReport()
    batch: WriteBatch[Rows] = WriteBatch(lambda rows: write_rows(store, rows), report,
                                         on_document)
    pending: list[Future] = []
    window = max(2, workers * WINDOW_PER_WORKER)
    source = chunks(store, doc_ids, chunk_size)

    def fill() -> None:
        while len(pending) < window:
            chunk = next(source, None)
            if chunk is None:
                return
            pending.append(submit(chunk, version))

    fill()
    while pending:
        results = pending.pop(0).result()
        fill()
        for rows in results:
            batch.add(rows)
        batch.write_if_full()
    batch.write()
    return report
