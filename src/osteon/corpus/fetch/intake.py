"""Fetch a PubMed or PMC search into the store: search, fetch new records in batches, ingest.

The search runs once on NCBI's history server (usehistory=y); its ids are
compared with what the store already holds, and only batches with new records
are fetched: a 200-record window of the search in which every record is new
through its WebEnv/query_key, a window already partly stored by the new ids
alone. Each record becomes a document and goes through the normal ingest
(`ingest_source`); each batch's outcomes are recorded in the intake tables as
it lands, so a run stopped anywhere is continued by running it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from osteon.corpus.fetch import state
from osteon.corpus.fetch.errors import NoHits
from osteon.corpus.fetch.eutils import BATCH, SEARCH_PAGE, EutilsClient, SearchResult
from osteon.corpus.fetch.records import PMC, PUBMED, RecordFormat, parse_batch, pmc_uid
from osteon.corpus.ingest import ingest_source
from osteon.corpus.store import Store


@dataclass(frozen=True, slots=True)
class Source:
    """One database that osteon fetches from: its name, record format and search filter."""

    name: str
    db: str
    fmt: RecordFormat
    label: str
    term_suffix: str = ""
    """Added to every query (PMC: only the open-access subset has full text to fetch)."""


SOURCES = {
    "pubmed": Source("pubmed", "pubmed", PUBMED, "PubMed articles"),
    "pmc": Source("pmc", "pmc", PMC, "open-access PMC articles",
                  term_suffix=" AND open access[filter]"),
}


@dataclass(frozen=True, slots=True)
class FetchProgress:
    """How far a run is: records done of those to fetch, and how many went in."""

    total: int
    done: int
    stored: int
    failed: int


@dataclass(slots=True)
class FetchReport:
    """What one `osteon fetch` did."""

    source: str
    query: str
    found: int = 0
    """Records the search matched."""
    listed: int = 0
    """Of those, the ones considered (at most --max, and at most 10,000)."""
    new: int = 0
    already: int = 0
    outcomes: list[state.ItemOutcome] = field(default_factory=list)
    run_id: int | None = None
    resumed: state.FetchRun | None = None
    warnings: tuple[str, ...] = ()
    requests: int = 0
    retries: int = 0
    waited_s: float = 0.0
    """Seconds spent waiting on the rate limit and on retry pauses."""

    @property
    def stored(self) -> list[str]:
        """Ids of the documents this run added or replaced."""
        return [o.doc_id for o in self.outcomes if o.status == "stored" and o.doc_id]

    @property
    def failed(self) -> list[state.ItemOutcome]:
        """The records that did not go in, each with its reason."""
        return [o for o in self.outcomes if o.status == "failed"]


ProgressCallback = Callable[[FetchProgress], None]


def fetch(store: Store, client: EutilsClient, source_name: str, query: str, *,
          since: str | None = None, max_records: int | None = None,
          on_progress: ProgressCallback | None = None) -> FetchReport:
    """Search `source_name` for `query` and store every record not already stored."""
    source = SOURCES[source_name]
    state.ensure_tables(store)
    search = client.esearch(source.db, query + source.term_suffix, mindate=since,
                            retmax=max_records or SEARCH_PAGE)
    if search.count == 0:
        since_text = f" since {since}" if since else ""
        raise NoHits(f"no {source.label} match {query!r}{since_text}")
    ids = [source.fmt.normalise(i) for i in search.ids]
    return _fetch_ids(store, client, source, query, ids, search=search, since=since,
                      max_records=max_records, on_progress=on_progress)


def fetch_ids(store: Store, client: EutilsClient, source_name: str, ids: Sequence[str], *,
              on_progress: ProgressCallback | None = None) -> FetchReport:
    """Fetch named records (PMIDs, or PMC ids with or without their prefix) not yet stored."""
    source = SOURCES[source_name]
    state.ensure_tables(store)
    clean = [source.fmt.normalise(i) for i in dict.fromkeys(i.strip() for i in ids if i.strip())]
    label = "ids " + ",".join(clean[:5]) + ("…" if len(clean) > 5 else "")
    return _fetch_ids(store, client, source, label, clean, search=None, since=None,
                      max_records=None, on_progress=on_progress)


def _fetch_ids(store: Store, client: EutilsClient, source: Source, query: str,
               ids: list[str], *, search: SearchResult | None, since: str | None,
               max_records: int | None, on_progress: ProgressCallback | None) -> FetchReport:
    held = state.stored_uids(store, source.name)
    new = [i for i in ids if i not in held]
    report = FetchReport(source.name, query, found=search.count if search else len(ids),
                         listed=len(ids), new=len(new), already=len(ids) - len(new),
                         warnings=search.warnings if search else ())
    report.resumed = state.unfinished(store, source.name, query, since)
    report.run_id = run_id = state.start_run(
        store, source.name, query, since=since, max_records=max_records, found=report.found,
        new=report.new, already=report.already, resumes=report.resumed)
    progress = FetchProgress(len(new), 0, 0, 0)
    if on_progress:
        on_progress(progress)
    try:
        for start in range(0, len(ids), BATCH):
            window = ids[start:start + BATCH]
            wanted = [i for i in window if i not in held]
            if not wanted:
                continue
            body = _fetch_window(client, source, search, start, window, wanted)
            outcomes = _store_batch(store, source, body, wanted)
            state.record_batch(store, run_id, outcomes)
            report.outcomes.extend(outcomes)
            stored = sum(o.status != "failed" for o in outcomes)
            progress = FetchProgress(len(new), progress.done + len(wanted),
                                     progress.stored + stored,
                                     progress.failed + len(outcomes) - stored)
            if on_progress:
                on_progress(progress)
    except KeyboardInterrupt:
        state.finish_run(store, run_id, "interrupted", "stopped by the user")
        raise
    except BaseException as exc:
        state.finish_run(store, run_id, "failed", str(exc)[:500])
        raise
    finally:
        report.requests, report.retries = client.stats.requests, client.stats.retries
        report.waited_s = client.waited_s
    state.finish_run(store, run_id, "done")
    return report


def _fetch_window(client: EutilsClient, source: Source, search: SearchResult | None,
                  start: int, window: list[str], wanted: list[str]) -> bytes:
    """A window of the search through the history server when all of it is new, else by id."""
    if search is not None and search.webenv and search.query_key and len(wanted) == len(window):
        return client.efetch_history(source.db, search.webenv, search.query_key, start,
                                     len(window), closing=source.fmt.closing)
    ids = [i.removeprefix("PMC") for i in wanted] if source.name == "pmc" else wanted
    return client.efetch_ids(source.db, ids, closing=source.fmt.closing)


def _store_batch(store: Store, source: Source, body: bytes,
                 wanted: list[str]) -> list[state.ItemOutcome]:
    """Each wanted record of one answer through the normal ingest; failures named."""
    batch = parse_batch(body, wanted, source.fmt)
    outcomes = [state.ItemOutcome(uid, "failed", message=message)
                for uid, message in batch.problems]
    for uid, document in batch.documents:
        outcome = ingest_source(store, document)
        status = {"added": "stored", "replaced": "stored"}.get(outcome.status, outcome.status)
        outcomes.append(state.ItemOutcome(uid, status, outcome.doc_id, outcome.message))
    return outcomes



def parse_since(text: str) -> str:
    """A `--since` date (2024, 2024-03, 2024-03-01, slashes too) as E-utilities wants it."""
    from datetime import date

    parts = text.strip().replace("-", "/").split("/")
    try:
        numbers = [int(p) for p in parts]
        if not 1 <= len(numbers) <= 3 or len(parts[0]) != 4:
            raise ValueError
        date(numbers[0], *(numbers[1:] + [1, 1])[:2])
    except (ValueError, TypeError):
        raise ValueError(f"cannot read {text!r} as a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
                         ) from None
    return "/".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])


__all__ = ["SOURCES", "FetchProgress", "FetchReport", "NoHits", "fetch", "fetch_ids", "parse_since",
           "pmc_uid"]
