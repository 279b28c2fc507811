"""The reading pass: what the current reader has not read, read and stored as claims.

Reading turns one document into typed records (`DocumentReader.read` gives a
`ReadResult`) and touches no table; this pass feeds it the documents that need
reading and hands each result to the claim store (`claim_store`), which knowledge
owns. The parallel driver (`osteon.parallel`) writes in the same batches, so a
parallel read leaves the store as this one does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from osteon.corpus.store import Store
from osteon.knowledge import claim_store
from osteon.reading.reader import DocumentReader
from osteon.reading.records import ReadResult
from osteon.reading.version import ReadReport, reader_version

WRITE_BATCH = 50
"""Documents whose claims are written in one transaction."""


def read_store(store: Store, *, force: bool = False, doc_ids: list[str] | None = None,
               on_document: Callable[[str, int], None] | None = None,
               reader: DocumentReader | None = None) -> ReadReport:
    """Read what the current reader has not read yet (or everything with `force`)."""
    claim_store.ensure_schema(store)
    version = reader_version()
    todo = doc_ids if doc_ids is not None else (
        store.ids() if force else claim_store.unread(store, version))
    report = ReadReport()
    if not todo:
        return report
    reader = reader or DocumentReader()
    batch: WriteBatch[ReadResult] = WriteBatch(
        lambda results: claim_store.replace_claims(store, results, version), report, on_document)
    for doc_id in todo:
        batch.add(reader.read(store.get(doc_id)))
        batch.write_if_full()
    batch.write()
    return report


class ReadDocument(Protocol):
    """What one document's reading gave, in whichever form it is written."""

    @property
    def doc_id(self) -> str: ...
    @property
    def claims(self) -> Sequence[object]: ...
    @property
    def mentions(self) -> Sequence[object]: ...
    @property
    def skipped_sentences(self) -> int: ...


R = TypeVar("R", bound=ReadDocument)


class WriteBatch(Generic[R]):
    """Read documents counted into the report as they come, written `WRITE_BATCH` at a time.

    One for the reading pass and the parallel driver alike, so both report and write the
    same way.
    """

    def __init__(self, write: Callable[[list[R]], None], report: ReadReport,
                 on_document: Callable[[str, int], None] | None = None) -> None:
        self._write = write
        self._report = report
        self._on_document = on_document
        self._items: list[R] = []

    def add(self, item: R) -> None:
        self._items.append(item)
        self._report.count(item.doc_id, len(item.claims), len(item.mentions),
                           item.skipped_sentences)
        if self._on_document:
            self._on_document(item.doc_id, len(item.claims))

    def write_if_full(self) -> None:
        if len(self._items) >= WRITE_BATCH:
            self.write()

    def write(self) -> None:
        """Write what is waiting (nothing when nothing is)."""
        if self._items:
            self._write(self._items)
            self._items = []
