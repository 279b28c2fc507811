"""osteon: a knowledge engine for heterotopic ossification.

`KnowledgeBase` is the one facade every face goes through (the CLI, the web app and its
JSON API, the MCP server): open a store (building the default corpus the first time), ingest
and read documents, list and show them, every verb that answers from the knowledge (ask,
topics, facts, conflicts, assess, graph, simulate, export) and those that score it against gold
data (`evaluate_*`, for `osteon eval`). How current the knowledge must be before a verb answers
is the `Freshness` it was opened with (see osteon.freshness), applied in one place,
`KnowledgeBase.current`.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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
from osteon.errors import OsteonError, StoreReadOnlyError, TopicNotFound
from osteon.freshness import AS_STORED, MERGE_ONLY, READ_FIRST, Freshness
from osteon.settings import max_bytes_from_env, resolve_store_path

if TYPE_CHECKING:
    from datetime import datetime

    from osteon.ask.evaluate import AskEvaluation, GoldQuestion
    from osteon.ask.records import Answer, ConflictNote
    from osteon.ask.topics import Topic, TopicSpec
    from osteon.assess.load import PatientSource
    from osteon.assess.records import Assessment
    from osteon.corpus.fetch.eutils import EutilsClient
    from osteon.corpus.fetch.intake import FetchReport
    from osteon.corpus.fetch.intake import ProgressCallback as FetchProgressCallback
    from osteon.corpus.fetch.state import FetchRun
    from osteon.knowledge.evaluate import ConflictEvaluation
    from osteon.knowledge.levels import EvidenceLevel
    from osteon.knowledge.records import Conflict, ConflictView, Fact
    from osteon.knowledge.rule_eval import ReadClaim
    from osteon.knowledge.store import KnowledgeStore, UpdateReport
    from osteon.mechanism.records import MechanismGraph, Scenario, Trajectory
    from osteon.mechanism.simulate import Model
    from osteon.reading.evaluate import Evaluation, GoldClaim
    from osteon.reading.reader import DocumentReader
    from osteon.reading.records import Claim
    from osteon.reading.version import ReadReport

__all__ = ["AS_STORED", "MERGE_ONLY", "READ_FIRST", "Document", "DocumentSummary", "Freshness",
           "IngestOutcome", "IngestReport", "KnowledgeBase", "OsteonError", "TopicNotFound"]
__version__ = "0.1.0"


class KnowledgeBase:
    """One osteon store and the verbs that work on it."""

    def __init__(self, store: Store, freshness: Freshness = READ_FIRST) -> None:
        self.store = store
        self.freshness = freshness
        """What is done to the knowledge before a verb answers (see `current`)."""
        self._reader: DocumentReader | None = None
        self._knowledge: KnowledgeStore | None = None
        self._fresh: tuple[int, int] | None = None
        self._checked = -float("inf")
        self._model: tuple[int, Model] | None = None
        self.stale: str | None = None
        """Why the knowledge answered from may be behind the documents (a read-only store)."""

    @classmethod
    def open(cls, store: str | Path | None = None, *, default_corpus: bool = True,
             read_only: bool | None = None, freshness: Freshness = READ_FIRST
             ) -> KnowledgeBase:
        """Open the store (default: OSTEON_HOME or the user data dir).

        The first time a store is opened, the shipped seed documents are
        ingested into it, so every command works with no manual set-up. A store
        this process cannot write opens read-only (see `Store.open`): it answers
        from what it holds, and nothing is read or merged.
        """
        from osteon.corpus.seeds import ensure_default_corpus  # its models cost --help 0.1 s
        from osteon.knowledge.schema import ensure_schema

        kb = cls(Store.open(resolve_store_path(store), read_only=read_only), freshness)
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
        from osteon.knowledge.claim_store import unread
        from osteon.reading.version import ReadReport, reader_version

        todo = self.store.ids() if force else unread(self.store, reader_version())
        if not todo:
            return ReadReport()
        if jobs != 1 or cluster is not None:
            from osteon.parallel import read_parallel

            return read_parallel(self.store, todo, jobs=jobs, cluster=cluster,
                                 on_document=on_document)
        from osteon.knowledge.read_pass import read_store

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

    def current(self, freshness: Freshness | None = None) -> KnowledgeStore:
        """The knowledge, as current as `freshness` (default: this base's own policy) asks.

        The one place the policy is applied: every verb answers from what this returns.
        """
        policy = freshness or self.freshness
        now = time.monotonic()
        if policy.merge and (self._knowledge is None or now - self._checked >= policy.every_s):
            self.update_knowledge(read=policy.read)
            self._checked = now
        elif self._knowledge is None:
            from osteon.knowledge.store import KnowledgeStore

            self._knowledge = KnowledgeStore(self.store)
        assert self._knowledge is not None
        return self._knowledge

    @property
    def knowledge(self) -> KnowledgeStore:
        """The assertions and conflicts, as current as this base's freshness policy asks."""
        return self.current()

    @property
    def knowledge_store(self) -> KnowledgeStore:
        """The knowledge as last updated (no reading, no re-merge): for servers on a schedule."""
        return self.current(STORED_ONCE_MERGED)

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
        from osteon.knowledge.claim_store import unread
        from osteon.knowledge.store import KnowledgeStore, UpdateReport
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
        return self.store.change_stamp()

    @property
    def generation(self) -> int:
        """The knowledge's generation: it moves whenever the assertions change (cache keys)."""
        return self.knowledge.generation

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

    def disagreements(self, kind: str | None = None) -> list[Conflict]:
        """The conflicts themselves (of one kind if given), opposite claims first."""
        found = sorted(self.knowledge.conflicts(), key=lambda c: (c.kind != "opposite", c.a, c.b))
        return [c for c in found if kind is None or c.kind == kind]

    def conflict_notes(self, conflicts: Iterable[Conflict], *, sources: int = 3
                       ) -> list[ConflictNote]:
        """Conflicts as pages show them: both sides as cited statements."""
        from osteon.ask.answer import notes_for

        return list(notes_for(self.knowledge, list(conflicts), sources))

    def topics(self) -> list[TopicSpec]:
        """The topic pages there are (data/ask/topics.yaml)."""
        from osteon.ask.topics import topic_rules

        return list(topic_rules().topics)

    def topic(self, slug: str, *, sources: int = 3) -> Topic:
        """One topic page: its cited statements and conflicts (TopicNotFound if none)."""
        from osteon.ask.topics import topic

        if slug not in {t.slug for t in self.topics()}:
            raise TopicNotFound(slug)
        return topic(self.knowledge, slug, sources=sources)

    def concept_name(self, concept_id: str) -> str:
        """A concept's name as people read it (the id itself when the lexicon lacks it)."""
        from osteon.knowledge.profile import name_of

        return name_of(concept_id, self.knowledge.lexicon)

    def claim_text(self, claim: Claim) -> str:
        """A claim as a sentence ("NSAIDs prevent heterotopic ossification")."""
        from osteon.knowledge.profile import key_of, sentence_of

        knowledge = self.knowledge
        return sentence_of(key_of(claim), knowledge.phrasing, knowledge.lexicon)

    def export(self, fmt: str) -> str:
        """The facts, their evidence and conflicts as jsonld, graphml or csv text."""
        from osteon.knowledge.export import FORMATS
        from osteon.knowledge.export import export as render

        if fmt not in FORMATS:
            raise OsteonError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        return render(self.facts(), self.knowledge.conflicts(), self.knowledge.lexicon, fmt)

    def model(self) -> Model:
        """The mechanism model built from the current knowledge, rebuilt when it moves."""
        from osteon.mechanism.graph import graph_from_knowledge
        from osteon.mechanism.simulate import Model

        knowledge = self.knowledge
        if self._model is None or self._model[0] != knowledge.generation:
            self._model = (knowledge.generation, Model(graph_from_knowledge(knowledge)))
        return self._model[1]

    def graph(self) -> MechanismGraph:
        """The signed causal graph of the mechanism, each edge with its sentences."""
        return self.model().graph

    def simulate(self, scenario: Scenario) -> Trajectory:
        """Run the mechanism model for a scenario (MechanismError names a bad input)."""
        return self.model().simulate(scenario)

    def claims(self, *, doc_id: str | None = None, predicate: str | None = None,
               concept: str | None = None) -> list[Claim]:
        """Claims read from the documents (first reading what is unread, if the policy reads)."""
        from osteon.knowledge.claim_store import load_claims

        if self.freshness.read and not self.store.read_only:
            self.read()
        return load_claims(self.store, doc_id=doc_id, predicate=predicate, concept=concept)

    # The evaluation verbs (`osteon eval`): osteon scored against gold data.

    def evaluate_reading(self, gold: list[GoldClaim]) -> Evaluation:
        """Reading against gold claims: precision, recall and F1, and what it missed or added."""
        from osteon.reading.evaluate import evaluate
        from osteon.reading.lexicon import load_lexicon

        return evaluate(self.store, self.claims(), gold, load_lexicon())

    def evaluate_conflicts(self, gold: str | Path) -> ConflictEvaluation:
        """How many of a gold file's conflicts the knowledge reports, and which it misses."""
        from osteon.knowledge.evaluate import evaluate_conflicts

        return evaluate_conflicts(self.knowledge, gold)

    def page_claims(self, folders: list[Path]) -> list[ReadClaim]:
        """The claims read from the files of these folders (ingested and read first).

        Each comes with its page's file name and sentence: what hand labels of rule
        precision name (`osteon eval rules`).
        """
        from osteon.knowledge import rule_eval

        folders = [folder.resolve() for folder in folders]
        self.ingest(folders, read=True)
        self.read()
        names = {rule_eval.page_name(s.origin): s.id for s in self.store.summaries()
                 if Path(s.origin).resolve().parent in folders}
        return rule_eval.page_claims(self.store, names, self.claims())

    def evaluate_questions(self, questions: list[GoldQuestion], *,
                           exclude: Iterable[str] = ()) -> AskEvaluation:
        """Ask gold questions and score the answers beside plain BM25's top three sentences.

        Documents in `exclude` are left out, on a scratch copy of the store.
        """
        from osteon.ask.evaluate import evaluate_questions

        self.update_knowledge()
        return evaluate_questions(self.store, questions, exclude)

    def sources(self) -> list[DocumentSummary]:
        """Every stored document."""
        return self.store.summaries()

    @property
    def path(self) -> Path:
        """The store's file: uploads, the CDS replay cache and worker processes go by it."""
        return self.store.path

    @property
    def read_only(self) -> bool:
        """True when this process cannot write the store: it answers, but takes nothing in."""
        return self.store.read_only

    def fetch(self, client: EutilsClient, source: str, *, query: str | None = None,
              ids: list[str] | None = None, since: str | None = None,
              max_records: int | None = None,
              on_progress: FetchProgressCallback | None = None) -> FetchReport:
        """Fetch what is new from NCBI (`source`: pubmed or pmc) by a query or by ids.

        Only stores the documents: `read` (or `update_knowledge`) reads them, so a face can
        show its own progress. StoreReadOnlyError when this process cannot write the store.
        """
        from osteon.corpus.fetch.intake import fetch, fetch_ids  # httpx and lxml: only here

        if self.store.read_only:
            raise StoreReadOnlyError(f"the store {self.store.path} is read-only here: nothing "
                                     "can be fetched into it")
        if (query is None) == (ids is None):
            raise OsteonError("give a query or ids, not both and not neither")
        if ids is not None:
            return fetch_ids(self.store, client, source, ids, on_progress=on_progress)
        assert query is not None
        return fetch(self.store, client, source, query, since=since, max_records=max_records,
                     on_progress=on_progress)

    def fetches(self) -> list[FetchRun]:
        """Every fetch from NCBI this store recorded, newest first (`osteon sources`)."""
        from osteon.corpus.fetch.state import runs

        return runs(self.store)

    def warm(self) -> None:
        """Build what a first question would wait for, then keep it out of the collector's way.

        A server calls this at start-up, so its first request answers as fast as the rest:
        the lexicon, rules, concept hierarchy, and every module and table a question loads
        (a few questions are asked), and what an assessment loads on first use, the
        reading pipeline for free text among it (`assess.warm`: ~1 s of CPU a CDS worker
        spent on its first calls). What start-up built lives as long as the process, so
        it is then frozen out of the cycle collector's walk (`gc.freeze`): a full
        collection in the middle of a request walks only what requests made since (walking
        everything took 40-50 ms on the 10,000-document store: the slowest asks' p99).
        """
        from osteon.assess.warm import warm_assess

        self.knowledge.hierarchy()
        for question in WARM_QUESTIONS:
            self.ask(question)
        warm_assess(self.knowledge)
        gc.collect()
        gc.freeze()

    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The titles of these documents (those the store holds)."""
        return self.store.titles(doc_ids)

    def levels(self, doc_ids: Iterable[str] | None = None) -> dict[str, EvidenceLevel | None]:
        """Each document's evidence level (None where nothing says), all documents by default.

        The rules are data/knowledge/evidence_levels.yaml: publication types, article types,
        MeSH, title and abstract cues, or the document's kind.
        """
        from osteon.knowledge.levels import document_levels

        return document_levels(self.store, self.store.ids() if doc_ids is None else doc_ids)

    def document(self, doc_id: str) -> Document:
        """One document with its sections and sentences (raises DocumentNotFound)."""
        return self.store.get(doc_id)

    def close(self) -> None:
        """Release the store."""
        self.store.close()

    @contextmanager
    def osteon_errors(self) -> Iterator[None]:
        """SQLite's errors met in the block (a lock held too long, a damaged file) as StoreError.

        So a face catches only osteon's errors; the translation is the store's own
        (`Store.osteon_errors`).
        """
        with self.store.osteon_errors():
            yield

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


STORED_ONCE_MERGED = Freshness(read=False, every_s=float("inf"))
"""Merged once if never built, then as stored: `knowledge_store`'s policy."""


WARM_QUESTIONS = ("How is heterotopic ossification prevented?",
                  "Why does heterotopic ossification happen?")
"""Asked once each by `warm`: between them they take every step an answer takes (the
second walks the causal graph, whose libraries load on first use)."""
