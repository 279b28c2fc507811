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
from osteon.corpus.store import Store, faults_as_errors
from osteon.errors import OsteonError, StoreReadOnlyError
from osteon.settings import max_bytes_from_env, resolve_store_path

if TYPE_CHECKING:
    from datetime import datetime

    from osteon.ask.records import Answer
    from osteon.assess.load import PatientSource
    from osteon.assess.records import Assessment
    from osteon.knowledge.records import ConflictView, Fact
    from osteon.knowledge.store import KnowledgeStore, UpdateReport
    from osteon.reading.reader import DocumentReader
    from osteon.reading.records import Claim
    from osteon.reading.version import ReadReport

__all__ = ["Document", "DocumentSummary", "IngestOutcome", "IngestReport", "KnowledgeBase",
           "OsteonError"]
__version__ = "0.1.0"


class KnowledgeBase:
    """One osteon store and the verbs that work on it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._reader: DocumentReader | None = None
        self._knowledge: KnowledgeStore | None = None
        self._fresh: tuple[int, int] | None = None
        self.stale: str | None = None
        """Why the knowledge answered from may be behind the documents (a read-only store)."""

    @classmethod
    def open(cls, store: str | Path | None = None, *, default_corpus: bool = True,
             read_only: bool | None = None) -> KnowledgeBase:
        """Open the store (default: OSTEON_HOME or the user data dir).

        The first time a store is opened, the shipped seed documents are
        ingested into it, so every command works with no manual set-up. A store
        this process cannot write opens read-only (see `Store.open`): it answers
        from what it holds, and nothing is read or merged.
        """
        from osteon.corpus.seeds import ensure_default_corpus  # its models cost --help 0.1 s
        from osteon.knowledge.schema import ensure_schema

        kb = cls(Store.open(resolve_store_path(store), read_only=read_only))
        if kb.store.read_only:
            return kb
        try:
            with faults_as_errors(kb.store.path):
                ensure_schema(kb.store)  # claim triggers exist before any claim is written
                if default_corpus:
                    ensure_default_corpus(kb.store)
        except StoreReadOnlyError:
            kb.store.read_only = True  # writable by its permissions, refused by SQLite
        except BaseException:
            kb.close()
            raise
        return kb

    def ingest(self, paths: Iterable[PathInput], *, kind: str | None = None,
               max_bytes: int | None = None, on_progress: ProgressCallback | None = None,
               read: bool = True) -> IngestReport:
        """Ingest files and folders, then read what is unread; one bad input never stops the rest.

        Everything unread is read, not only what changed now, so an ingest stopped while
        reading (killed, say) is finished by the next one.
        """
        report = ingest_paths(self.store, paths, kind=kind,
                              max_bytes=max_bytes or max_bytes_from_env(), on_progress=on_progress)
        if read:
            self.update_knowledge()
        return report

    def read(self, *, force: bool = False,
             on_document: Callable[[str, int], None] | None = None,
             jobs: int | None = 1, cluster: str | None = None) -> ReadReport:
        """Read every document the current lexicon and rules have not read yet.

        Whether anything is unread is settled from the version stamp alone; the reader
        is built only when there is something to read (see `reader`). `jobs` above one
        (None: the machine's cores) reads on that many worker processes (a read too small
        to repay starting them stays here), `cluster` ("local" or a Dask scheduler's
        address) as tasks on Dask distributed (see `osteon.parallel`); either way this
        process is the store's one writer and the claims are those of a one-process read.
        """
        from osteon.reading.claim_store import unread
        from osteon.reading.version import ReadReport, reader_version

        todo = self.store.ids() if force else unread(self.store, reader_version())
        if not todo:
            return ReadReport()
        if jobs != 1 or cluster is not None:
            from osteon.parallel import read_parallel

            return read_parallel(self.store, todo, jobs=jobs, cluster=cluster,
                                 on_document=on_document)
        from osteon.reading.reader import read_store

        return read_store(self.store, doc_ids=todo, on_document=on_document,
                          reader=self.reader())

    def reader(self) -> DocumentReader:
        """The document reader, built on first need and kept for the life of this object.

        Importing spaCy and medspaCy and building the pipeline takes seconds, so nothing
        imports them until a document must be read: asking, listing facts and conflicts
        and `--help` start without them, and a long-running app builds it once.
        """
        if self._reader is None:
            from osteon.reading.reader import DocumentReader

            self._reader = DocumentReader()
        return self._reader

    @property
    def knowledge(self) -> KnowledgeStore:
        """The assertions and conflicts, brought up to date with the claims first."""
        self.update_knowledge()
        assert self._knowledge is not None
        return self._knowledge

    @property
    def knowledge_store(self) -> KnowledgeStore:
        """The knowledge as last updated (no reading, no re-merge): for servers on a schedule."""
        if self._knowledge is None:
            self.update_knowledge(read=False)
        assert self._knowledge is not None
        return self._knowledge

    def update_knowledge(self, *, read: bool = True) -> UpdateReport:
        """Read what is unread, then re-merge only the assertions new or gone claims touch.

        Skipped outright when nothing was written to the store since the last update, by
        this connection or any other (SQLite's data_version): asking ten questions in a
        row costs no checks. `read=False` merges the claims others wrote but reads
        nothing (a server's request never waits for reading). On a read-only store
        nothing is read or merged: the knowledge is used as stored, and `stale` says
        so when documents or claims are waiting.
        """
        from osteon.knowledge.store import KnowledgeStore, UpdateReport

        if self._knowledge is not None and self._stamp() == self._fresh:
            return UpdateReport("none")
        try:
            if not self.store.read_only:
                if read:
                    self.read()
                if self._knowledge is None:
                    self._knowledge = KnowledgeStore(self.store)
                report = self._knowledge.update()
                self._fresh = self._stamp()
                return report
        except StoreReadOnlyError:
            self.store.read_only = True  # writable by its permissions, refused by SQLite
        return self._as_stored()

    def _as_stored(self) -> UpdateReport:
        """The knowledge of a store that cannot be written, as it stands; `stale` if behind."""
        from osteon.knowledge.store import KnowledgeStore, UpdateReport
        from osteon.reading.claim_store import unread
        from osteon.reading.version import reader_version

        if self._knowledge is None:
            self._knowledge = KnowledgeStore(self.store)
        waiting = len(unread(self.store, reader_version()))
        if waiting or self._knowledge.behind():
            what = (f"{waiting} documents unread" if waiting
                    else "its knowledge is older than its claims")
            self.stale = (f"the store is read-only here, so its knowledge could not be brought "
                          f"up to date ({what}): answering from what it holds")
        else:
            self.stale = None
        self._fresh = self._stamp()
        return UpdateReport("none")

    def _stamp(self) -> tuple[int, int]:
        db = self.store.connection
        return db.execute("PRAGMA data_version").fetchone()[0], db.total_changes

    def facts(self, concept: str | None = None, *, predicate: str | None = None,
              min_belief: float = 0.0, limit: int | None = None) -> list[Fact]:
        """What the sources say together about a concept and its kinds, strongest first."""
        from osteon.knowledge.query import facts

        return facts(self.knowledge, concept, predicate=predicate, min_belief=min_belief,
                     limit=limit)

    def ask(self, question: str, *, sources: int = 3) -> Answer:
        """A cited answer to a question, or an honest "the sources do not answer this"."""
        from osteon.ask.answer import ask

        return ask(self.knowledge, question, sources=sources)

    def assess(self, patient: PatientSource, at: str | datetime | None = None) -> Assessment:
        """What the sources say about one patient (a JSON or FHIR file, bytes or parsed JSON).

        `at` is the assessment time (default now), from which deadlines such as "within
        24–48 hours of surgery" are computed. Raises PatientInputError for unusable input.
        """
        from osteon.assess import assess_patient

        return assess_patient(self.knowledge, patient, at)

    def conflicts(self) -> list[ConflictView]:
        """Where the sources disagree, both sides with their citations."""
        from osteon.knowledge.query import conflict_views

        return conflict_views(self.knowledge)

    def claims(self, *, doc_id: str | None = None, predicate: str | None = None,
               concept: str | None = None) -> list[Claim]:
        """Claims read from the documents (reading first whatever is unread)."""
        from osteon.reading.claim_store import load_claims

        if not self.store.read_only:
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
