"""osteon: a knowledge engine for heterotopic ossification.

`KnowledgeBase` is the Python face of everything the CLI and the web app do:
open a store (building the default corpus the first time), ingest documents,
list and show them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from osteon.corpus.ingest import (
    IngestOutcome,
    IngestReport,
    PathInput,
    ProgressCallback,
    ingest_paths,
)
from osteon.corpus.records import Document, DocumentSummary
from osteon.corpus.seeds import ensure_default_corpus
from osteon.corpus.store import Store
from osteon.errors import OsteonError
from osteon.settings import max_bytes_from_env, resolve_store_path

if TYPE_CHECKING:
    from osteon.reading.reader import ReadReport
    from osteon.reading.records import Claim

__all__ = ["Document", "DocumentSummary", "IngestOutcome", "IngestReport", "KnowledgeBase",
           "OsteonError"]
__version__ = "0.1.0"


class KnowledgeBase:
    """One osteon store and the verbs that work on it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, store: str | Path | None = None, *, default_corpus: bool = True
             ) -> KnowledgeBase:
        """Open the store (default: OSTEON_HOME or the user data dir).

        The first time a store is opened, the shipped seed documents are
        ingested into it, so every command works with no manual set-up.
        """
        kb = cls(Store.open(resolve_store_path(store)))
        if default_corpus:
            ensure_default_corpus(kb.store)
        return kb

    def ingest(self, paths: Iterable[PathInput], *, kind: str | None = None,
               max_bytes: int | None = None, on_progress: ProgressCallback | None = None,
               read: bool = True) -> IngestReport:
        """Ingest files and folders, then read what changed; one bad input never stops the rest."""
        report = ingest_paths(self.store, paths, kind=kind,
                              max_bytes=max_bytes or max_bytes_from_env(), on_progress=on_progress)
        if read and report.changed_ids:
            self.read()
        return report

    def read(self, *, force: bool = False,
             on_document: Callable[[str, int], None] | None = None) -> ReadReport:
        """Read every document the current lexicon and rules have not read yet."""
        from osteon.reading.reader import read_store

        return read_store(self.store, force=force, on_document=on_document)

    def claims(self, *, doc_id: str | None = None, predicate: str | None = None,
               concept: str | None = None) -> list[Claim]:
        """Claims read from the documents (reading first whatever is unread)."""
        from osteon.reading.claim_store import load_claims

        self.read()
        return load_claims(self.store, doc_id=doc_id, predicate=predicate, concept=concept)

    def sources(self) -> list[DocumentSummary]:
        """Every stored document."""
        return self.store.summaries()

    def document(self, doc_id: str) -> Document:
        """One document with its sections and sentences (raises DocumentNotFound)."""
        return self.store.get(doc_id)

    def close(self) -> None:
        """Release the store."""
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
