"""Ingest: files and folders in, whole documents in the store, a report out.

Every input gets an outcome (added, replaced, unchanged, duplicate, failed)
with a one-line reason, and one bad file never stops the batch. Reading and
segmenting happen outside the write transaction, so the store is locked only
for the moment a document is written.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from osteon.corpus.formats import load_file
from osteon.corpus.records import SourceDocument
from osteon.corpus.store import Store
from osteon.errors import IngestError, StoreError

Status = Literal["added", "replaced", "unchanged", "duplicate", "failed"]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one input (a file, or one article of a PubMed file)."""

    source: str
    status: Status
    doc_id: str | None = None
    title: str | None = None
    sentences: int = 0
    message: str = ""
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class IngestReport:
    """All outcomes of one ingest call, in input order."""

    outcomes: list[IngestOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[IngestOutcome]:
        """The inputs that did not go in."""
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def changed_ids(self) -> list[str]:
        """Ids of documents added or replaced: what later stages must re-read."""
        return [o.doc_id for o in self.outcomes
                if o.status in ("added", "replaced") and o.doc_id]

    def counts(self) -> dict[str, int]:
        """Outcomes counted by status."""
        return dict(Counter(o.status for o in self.outcomes))


ProgressCallback = Callable[[IngestOutcome], None]


PathInput = str | Path | IngestError


def expand_paths(paths: Iterable[PathInput]) -> Iterator[Path | IngestError]:
    """Yield the files under each path (folders recursively, hidden entries skipped).

    A path that does not exist yields an `IngestError` in its place, so the
    caller reports it and carries on; errors already in the input pass through,
    which lets a caller expand once (to show progress) and ingest the result.
    """
    for raw in paths:
        if isinstance(raw, IngestError):
            yield raw
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield child
        elif path.exists():
            yield path
        else:
            yield IngestError(path, "no such file or folder")


def ingest_paths(
    store: Store,
    paths: Iterable[PathInput],
    *,
    max_bytes: int,
    kind: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest files and folders into `store`; see `IngestReport` for what happened."""
    report = IngestReport()

    def record(outcome: IngestOutcome) -> None:
        report.outcomes.append(outcome)
        if on_progress:
            on_progress(outcome)

    own_files = _store_files(store)
    for item in expand_paths(paths):
        if isinstance(item, IngestError):
            record(IngestOutcome(item.path, "failed", message=item.reason))
            continue
        if item.resolve() in own_files:
            continue  # osteon's own store, inside a folder being ingested
        try:
            sources, problems = load_file(item, max_bytes)
        except IngestError as exc:
            record(IngestOutcome(exc.path, "failed", message=exc.reason))
            continue
        except Exception as exc:  # noqa: BLE001 - one unreadable file must not end the batch
            record(IngestOutcome(str(item), "failed",
                                 message=f"could not read ({type(exc).__name__}: {exc})"[:300]))
            continue
        for problem in problems:
            record(IngestOutcome(problem.path, "failed", message=problem.reason))
        for source in sources:
            try:
                record(ingest_source(store, source, kind=kind))
            except StoreError as exc:  # a full disk, a read-only store: the batch stops here
                stored = report.changed_ids
                if not stored:
                    raise
                raise type(exc)(f"{exc}; only the {len(stored)} documents before it went in, "
                                "each whole") from exc
    return report


def ingest_source(store: Store, source: SourceDocument, *, kind: str | None = None,
                  doc_id: str | None = None) -> IngestOutcome:
    """Segment and store one loaded document, unless the store already holds it.

    The store is checked twice: before segmenting (most inputs are unchanged, and
    cost nothing more), and again under the write lock, where the check and the
    write are one transaction. Another process ingesting the same file at the same
    time has then either stored it (this one reports it unchanged) or waits.
    """
    label = source.origin
    held = _already_held(store, source)
    if held is not None:
        return held
    existing = store.find_by_origin(source.origin)
    new_id = existing[0] if existing else doc_id or _free_id(store, source)
    # Imported here: the layout rules' models take a tenth of a second to build, and
    # commands that store nothing (ask, facts, --help) should not pay for them.
    from osteon.corpus.segment import segment

    try:
        doc = segment(source, new_id, kind=kind)
    except IngestError as exc:
        return IngestOutcome(label, "failed", message=exc.reason)
    if not doc.sentences:
        return IngestOutcome(label, "failed", message="no sentences left after cleaning")
    with store.transaction():
        held = _already_held(store, source)
        if held is not None:
            return held  # stored by another process since the first check
        existing = store.find_by_origin(source.origin)
        final_id = existing[0] if existing else doc_id or _free_id(store, source)
        if final_id != doc.id:
            doc = replace(doc, id=final_id)
        store.put(doc)
    return IngestOutcome(label, "replaced" if existing else "added", doc.id, doc.title,
                         len(doc.sentences), notes=doc.notes)


def _already_held(store: Store, source: SourceDocument) -> IngestOutcome | None:
    """"unchanged" or "duplicate" when the store holds this content already, else None."""
    existing = store.find_by_origin(source.origin)
    if existing and existing[1] == source.content_hash:
        return IngestOutcome(source.origin, "unchanged", existing[0], message="already ingested")
    if not existing:
        twin = store.find_by_hash(source.content_hash)
        if twin:
            return IngestOutcome(source.origin, "duplicate", twin,
                                 message=f"same content as {twin}, not stored twice")
    return None


def _store_files(store: Store) -> set[Path]:
    """The store file and its SQLite companions, which an ingest must never read."""
    base = store.path.resolve()
    return {base, *(base.with_name(base.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}


def _free_id(store: Store, source: SourceDocument) -> str:
    """The file's own name when free; otherwise the name with a hash of its origin."""
    hint = source.id_hint or "document"
    if not store.has_id(hint):
        return hint
    return f"{hint}-{hashlib.sha256(source.origin.encode()).hexdigest()[:8]}"
