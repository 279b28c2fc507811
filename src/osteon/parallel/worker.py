"""What runs in a worker process: one reader per process, built once, reading chunks.

Kept to plain module-level functions so both a process pool and Dask can pickle a
reference to them; a worker on another machine needs only osteon installed.
"""

from __future__ import annotations

from functools import cache

from osteon.corpus.records import Document
from osteon.reading.claim_store import ReadResult
from osteon.reading.reader import DocumentReader


@cache
def reader() -> DocumentReader:
    """The reader of the process (the medspaCy pipeline takes seconds to build: once)."""
    return DocumentReader()


def warm_up() -> None:
    """Build the reader now: a process pool's initializer, so no chunk pays for it."""
    reader()


def read_chunk(documents: list[Document]) -> list[ReadResult]:
    """Read whole documents, in order (nothing is stored: the parent writes)."""
    own = reader()
    return [own.read(doc) for doc in documents]
