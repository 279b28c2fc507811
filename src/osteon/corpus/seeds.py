"""The default corpus: the seed documents shipped inside the package.

They are ingested the first time a store is needed, with the kinds the
manifest gives (the text alone cannot tell a clinic page from an article).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import PurePath

from osteon.corpus.formats.text import load_text
from osteon.corpus.ingest import IngestOutcome, ingest_source
from osteon.corpus.store import Store
from osteon.datafiles import Strict, data_path, load_model

DEFAULT_CORPUS_KEY = "default_corpus"


class SeedEntry(Strict):
    """One shipped document: its file, kind and where it came from."""

    file: str
    kind: str
    origin: str


class SeedManifest(Strict):
    """`data/corpus/manifest.yaml`."""

    documents: list[SeedEntry]


@cache
def manifest() -> SeedManifest:
    """The packaged seed manifest."""
    return load_model(SeedManifest, "corpus", "manifest.yaml")


def ensure_default_corpus(store: Store) -> list[IngestOutcome]:
    """Ingest the shipped seeds once per store; later calls do nothing."""
    if store.get_meta(DEFAULT_CORPUS_KEY):
        return []
    outcomes = [ingest_seed(store, entry) for entry in manifest().documents]
    store.set_meta(DEFAULT_CORPUS_KEY, ",".join(e.file for e in manifest().documents))
    return outcomes


def ingest_seed(store: Store, entry: SeedEntry) -> IngestOutcome:
    """Ingest one shipped seed with its manifest kind; the id is the file's stem."""
    data = data_path("corpus", entry.file).read_bytes()
    path = PurePath(entry.file)
    source = load_text(path, data, entry.origin)  # type: ignore[arg-type]
    source = replace(source, meta={**source.meta, "file": f"osteon/data/corpus/{entry.file}"})
    return ingest_source(store, source, kind=entry.kind, doc_id=path.stem)
