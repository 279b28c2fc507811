"""The reading pass: what the current reader has not read, read and stored as claims.

Reading turns one document into typed records (`DocumentReader.read` gives a
`ReadResult`) and touches no table; this pass feeds it the documents that need
reading and hands each result to the claim store (`claim_store`), which knowledge
owns. The parallel driver (`osteon.parallel`) writes in the same batches, so a
parallel read leaves the store as this one does.
"""

from __future__ import annotations

from collections.abc import Callable

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
    batch: list[ReadResult] = []
    for doc_id in todo:
        result = reader.read(store.get(doc_id))
        batch.append(result)
        report.count(result.doc_id, len(result.claims), len(result.mentions),
                     result.skipped_sentences)
        if on_document:
            on_document(result.doc_id, len(result.claims))
        if len(batch) >= WRITE_BATCH:
            claim_store.replace_claims(store, batch, version)
            batch = []
    if batch:
        claim_store.replace_claims(store, batch, version)
    return report
