"""What runs in a worker process: one reader per process, built once, reading chunks.

Kept to plain module-level functions so both a process pool and Dask can pickle a
reference to them; a worker on another machine needs only osteon installed.
"""

from __future__ import annotations

from functools import cache

from osteon.corpus.records import Document
from osteon.errors import OsteonError
from osteon.knowledge.claim_rows import Rows, to_rows
from osteon.reading.reader import DocumentReader
from osteon.reading.version import reader_version


class WorkerMismatchError(OsteonError):
    """A worker runs an osteon that reads differently from the one handing out documents."""


@cache
def reader() -> DocumentReader:
    """The reader of the process (the medspaCy pipeline takes seconds to build: once)."""
    return DocumentReader()


def warm_up() -> None:
    """Build the reader now: a process pool's initializer, so no chunk pays for it."""
    reader()


def read_chunk(documents: list[Document], version: str) -> list[Rows]:
    """Read whole documents, in order, into the rows the parent will write (it alone writes).

    `version` is the parent's reader version: a worker whose osteon reads differently
    (another release on another machine) refuses, rather than store claims the parent
    would take for its own.
    """
    if reader_version() != version:
        raise WorkerMismatchError(
            f"a worker reads with reader {reader_version()}, this osteon with {version}: "
            "install the same osteon on every machine of the cluster")
    own = reader()
    return [to_rows(own.read(doc), version) for doc in documents]
