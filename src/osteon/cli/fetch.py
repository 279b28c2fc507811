"""The intake face: `osteon fetch pubmed|pmc`, searching NCBI and ingesting what is new.

Thin bodies: the run itself is `osteon.corpus.fetch.intake`; this module opens the
store and the client, shows a progress bar on a terminal, and says what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from osteon.cli.base import EXIT_CODES, JsonOption, app, emit_json, err, fail, open_kb
from osteon.cli.corpus import read_with_progress
from osteon.corpus.fetch.errors import NoHits

if TYPE_CHECKING:
    from osteon.corpus.fetch.eutils import EutilsClient
    from osteon.corpus.fetch.intake import FetchProgress, FetchReport

EXIT_CODES[NoHits] = 1  # nothing found is "not found", as for an unknown document
INTERRUPTED = 130

fetch_app = typer.Typer(help="Fetch literature from NCBI (PubMed abstracts, PMC full text) "
                             "into the store; a second run fetches only what is new.",
                        no_args_is_help=True)
app.add_typer(fetch_app, name="fetch")

ApiKey = Annotated[str | None, typer.Option(
    "--api-key", envvar="NCBI_API_KEY",
    help="NCBI API key (or NCBI_API_KEY): 10 requests a second instead of 3.")]
EutilsUrl = Annotated[str | None, typer.Option(
    "--eutils-url", envvar="OSTEON_EUTILS_URL",
    help="E-utilities base URL (or OSTEON_EUTILS_URL); default NCBI's.")]
MaxRecords = Annotated[int | None, typer.Option(
    "--max", min=1, help="Fetch at most this many of the search's records (newest first).")]


@fetch_app.command("pubmed")
def fetch_pubmed(
    query: Annotated[str, typer.Argument(help="A PubMed query, as typed on pubmed.gov.")],
    since: Annotated[str | None, typer.Option(
        "--since", help="Only records entered since this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    max_records: MaxRecords = None,
    api_key: ApiKey = None,
    eutils_url: EutilsUrl = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch PubMed abstracts (title, abstract, publication types, MeSH) matching QUERY."""
    from osteon.corpus.fetch.intake import parse_since

    try:
        mindate = parse_since(since) if since else None
    except ValueError as exc:
        fail(f"--since: {exc}")
    _run("pubmed", query, None, since=mindate, max_records=max_records, api_key=api_key,
         eutils_url=eutils_url, as_json=as_json)


@fetch_app.command("pmc")
def fetch_pmc(
    query: Annotated[str | None, typer.Argument(
        help="A PMC query; only open-access articles are fetched.")] = None,
    ids: Annotated[str | None, typer.Option(
        "--ids", help="PMC ids instead of a query, comma-separated (PMC7000001,7000002).")
    ] = None,
    max_records: MaxRecords = None,
    api_key: ApiKey = None,
    eutils_url: EutilsUrl = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch open-access full text from PubMed Central (JATS: sections, captions, references)."""
    if (query is None) == (ids is None):
        fail("give a QUERY or --ids, not both and not neither")
    id_list = [i for i in (ids or "").split(",") if i.strip()]
    if ids is not None and not id_list:
        fail("--ids: no ids given")
    _run("pmc", query, id_list or None, since=None, max_records=max_records, api_key=api_key,
         eutils_url=eutils_url, as_json=as_json)


def _run(source: str, query: str | None, ids: list[str] | None, *, since: str | None,
         max_records: int | None, api_key: str | None, eutils_url: str | None,
         as_json: bool) -> None:
    """Open the store and the client, fetch with a progress bar, read, and report.

    A read-only store is refused by the facade (StoreReadOnlyError) before any request.
    """
    with open_kb() as kb:
        with _client(eutils_url, api_key) as client, _progress(source, as_json) as on_progress:
            try:
                report = kb.fetch(client, source, query=query, ids=ids, since=since,
                                  max_records=max_records, on_progress=on_progress)
            except KeyboardInterrupt:
                err.print("[yellow]interrupted:[/] what was fetched is stored; run the same "
                          "command again to fetch the rest")
                raise typer.Exit(INTERRUPTED) from None
        read_with_progress(kb, quiet=as_json)
    _say(report, as_json)
    if report.failed:
        raise typer.Exit(1)


@contextmanager
def _client(eutils_url: str | None, api_key: str | None) -> Iterator[EutilsClient]:
    from osteon.corpus.fetch.eutils import EutilsClient, api_key_from_env

    with EutilsClient(eutils_url, api_key=api_key_from_env(api_key)) as client:
        yield client


@contextmanager
def _progress(source: str, as_json: bool) -> Iterator[Callable[[FetchProgress], None]]:
    """A progress bar over the records to fetch, shown on a terminal only."""
    from osteon.corpus.fetch.intake import SOURCES

    show = not as_json and err.is_terminal
    bar = Progress(TextColumn(f"[bold]fetching {SOURCES[source].label}"), BarColumn(),
                   MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"),
                   console=err, transient=True, disable=not show)
    with bar:
        task = bar.add_task("", total=None)

        def on_progress(progress: FetchProgress) -> None:
            bar.update(task, total=progress.total, completed=progress.done,
                       description=f"{progress.stored} stored, {progress.failed} failed")

        yield on_progress


def _say(report: FetchReport, as_json: bool) -> None:
    """The run's outcome: JSON for programs, else a few lines on stderr."""
    if as_json:
        emit_json({
            "source": report.source, "query": report.query, "run": report.run_id,
            "found": report.found, "listed": report.listed, "new": report.new,
            "already_stored": report.already, "stored": report.stored,
            "failed": [{"id": o.uid, "message": o.message} for o in report.failed],
            "resumed": report.resumed, "warnings": list(report.warnings),
            "requests": report.requests, "retries": report.retries})
        return
    if report.resumed is not None:
        err.print(f"[yellow]note:[/] resumed the fetch started {report.resumed.started_at} "
                  f"({report.resumed.stored} stored by it then)")
    for warning in report.warnings:
        err.print(f"[yellow]note:[/] NCBI: {escape(warning)}")
    if report.found > report.listed:
        err.print(f"[yellow]note:[/] the search found {report.found}; only the first "
                  f"{report.listed} were considered (--max, or the 10,000 a search lists)")
    for outcome in report.failed:
        err.print(f"[bold red]error:[/] {outcome.uid}: {escape(outcome.message)}")
    err.print(f"[bold]done:[/] {report.new} new, {report.already} already stored; "
              f"{len(report.stored)} stored, {len(report.failed)} failed")
