"""The corpus face: ingest documents, read them, list and show them and the claims read."""

from __future__ import annotations

import dataclasses
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from osteon import KnowledgeBase
from osteon.cli.base import JsonOption, app, emit_json, err, fail, open_kb, out
from osteon.corpus.ingest import IngestOutcome, expand_paths
from osteon.settings import max_bytes_from_env, parse_size

if TYPE_CHECKING:
    from osteon.corpus.fetch.state import FetchRun
    from osteon.reading.version import ReadReport

SMALL_BATCH = 20
"""Batches up to this many files list every document; larger ones show progress and problems."""


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read.")],
    kind: Annotated[str | None, typer.Option(
        help="Document kind to record (faq, article, encyclopedia, clinic_page, abstract, ...).",
    )] = None,
    max_size: Annotated[str | None, typer.Option(
        "--max-size", help="Refuse files larger than this (e.g. 200MB); default 50MB.")] = None,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v",
        help="List every document, not only problems (always for small batches).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Ingest documents: text, Markdown, wiki markup, HTML, PDF, PubMed XML, JATS XML."""
    try:
        max_bytes = parse_size(max_size) if max_size else max_bytes_from_env()
    except ValueError as exc:
        fail(f"--max-size: {exc}")
    with open_kb() as kb:
        items = list(expand_paths(paths))
        list_each = (verbose or len(items) <= SMALL_BATCH) and not as_json
        show_progress = not as_json and err.is_terminal
        progress = Progress(TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("{task.description}"),
                            console=err, transient=True, disable=not show_progress)
        with progress:
            task = progress.add_task("", total=len(items))
            seen_sources: set[str] = set()

            def on_progress(outcome: IngestOutcome) -> None:
                _report_line(outcome, list_each)
                base = outcome.source.split("#pmid=")[0]
                if base not in seen_sources:
                    seen_sources.add(base)
                    progress.advance(task)
                progress.update(task, description=escape(Path(base).name[:40]))

            report = kb.ingest(items, kind=kind, max_bytes=max_bytes, on_progress=on_progress,
                               read=False)
        read_with_progress(kb, quiet=as_json)  # also what an interrupted ingest left unread
    if as_json:
        emit_json({"counts": report.counts(), "outcomes": report.outcomes})
    else:
        counts = report.counts()
        parts = [f"{counts[k]} {k}" for k in ("added", "replaced", "unchanged", "duplicate",
                                               "failed") if counts.get(k)]
        err.print(f"[bold]done:[/] {', '.join(parts) or 'nothing to ingest'}")
    if report.failed:
        raise typer.Exit(1)


def _report_line(outcome: IngestOutcome, list_each: bool) -> None:
    """One line per input on stderr: errors and notes always, successes when asked."""
    if outcome.status == "failed":
        err.print(f"[bold red]error:[/] {escape(outcome.source)}: {escape(outcome.message)}")
        return
    for note in outcome.notes:
        err.print(f"[yellow]note:[/] {escape(outcome.source)}: {escape(note)}")
    if list_each:
        detail = f"{outcome.sentences} sentences" if outcome.sentences else outcome.message
        err.print(f"[green]{outcome.status}[/] {escape(outcome.doc_id or '')}  "
                  f"[dim]{escape(detail)}[/]")


@app.command()
def sources(as_json: JsonOption = False) -> None:
    """List the documents in the store."""
    from osteon.responses import SourceOut, dump

    with open_kb() as kb:
        docs = kb.sources()
        fetched = kb.fetches()
        levels = {doc: level.label for doc, level in kb.levels().items() if level}
    if as_json:
        emit_json(dump(SourceOut, [{**dataclasses.asdict(d), "level": levels.get(d.id)}
                                   for d in docs], many=True))
        return
    table = Table(title=f"{len(docs)} documents", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("evidence level", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("sections", justify="right")
    table.add_column("sentences", justify="right")
    for d in docs:
        table.add_row(d.id, d.kind, levels.get(d.id, "—"), d.title, str(d.sections),
                      str(d.sentences))
    out.print(table)
    if fetched:
        out.print(_fetch_lines(fetched))


def _fetch_lines(fetched: list[FetchRun]) -> str:
    """What `osteon fetch` brought in and when, newest first, one line per run."""
    lines = [f"[bold]{len(fetched)} fetches from NCBI[/]"]
    for r in fetched:
        since = f" since {r.since}" if r.since else ""
        lines.append(f"{r.started_at[:16].replace('T', ' ')} UTC  {r.source}  "
                     f"{escape(repr(r.query))}{since}: {r.found} found, {r.new} new, "
                     f"{r.stored} stored, {r.failed} failed  [dim]{r.status}[/]")
    return "\n".join(lines)


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id (see `osteon sources`).")],
    chrome: Annotated[bool, typer.Option("--chrome", help="Also list the page chrome removed.")
                      ] = False,
    as_json: JsonOption = False,
) -> None:
    """Print a document's cleaned sections and sentences with their offsets."""
    with open_kb() as kb:
        document = kb.document(doc)
    if as_json:
        emit_json(document)
        return
    out.print(f"[bold]{escape(document.title)}[/]  [dim]{document.id} · {document.kind} · "
              f"{document.format}[/]")
    out.print(f"[dim]origin: {escape(document.origin)}[/]")
    by_section: dict[int, list] = {}
    for sentence in document.sentences:
        by_section.setdefault(sentence.section_idx, []).append(sentence)
    for section in document.sections:
        if section.idx and section.heading:
            out.print(f"\n[bold cyan]{'#' * section.level} {escape(section.heading)}[/]")
        for s in by_section.get(section.idx, []):
            bullet = "• " if s.kind == "list_item" else ""
            out.print(f"[dim]{s.start:>6}–{s.end:<6}[/] {bullet}{escape(s.text)}")
    if chrome:
        out.print("\n[bold]removed as page chrome[/]")
        for d in document.dropped:
            out.print(f"[dim]{d.start:>6}–{d.end:<6} {d.rule:>15}[/]  "
                      f"{escape(document.text[d.start:d.end].strip())}")


def read_with_progress(kb: KnowledgeBase, *, force: bool = False, quiet: bool = False,
                       jobs: int | None = 1, cluster: str | None = None) -> ReadReport:
    """Read unread documents, showing a progress line per document on a terminal."""
    with err.status("reading documents…", spinner="dots") if err.is_terminal and not quiet \
            else nullcontext() as status:
        def on_document(doc_id: str, n_claims: int) -> None:
            if status is not None:
                status.update(f"read {escape(doc_id)} ({n_claims} claims)")

        report = kb.read(force=force, on_document=on_document, jobs=jobs, cluster=cluster)
    if not quiet and report.documents:
        err.print(f"[bold]read:[/] {len(report.documents)} documents, {report.claims} claims")
    return report


@app.command()
def read(
    force: Annotated[bool, typer.Option("--force", help="Read every document again.")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, show_default="the machine's cores",
        help="Worker processes reading at once (a small read stays in one).")] = None,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", metavar="ADDRESS|local",
        help="Read as tasks on Dask distributed: a scheduler's address, or 'local' for a "
             "cluster of --jobs processes here (pip install 'osteon\\[cluster]').")] = None,
    as_json: JsonOption = False,
) -> None:
    """Read documents into concepts and claims (runs by itself after ingest)."""
    with open_kb() as kb:
        report = read_with_progress(kb, force=force, quiet=as_json, jobs=jobs, cluster=cluster)
    if as_json:
        emit_json(report)
    elif not report.documents:
        err.print("nothing to read: every document is read with the current rules")


@app.command()
def claims(
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document.")] = None,
    predicate: Annotated[str | None, typer.Option(help="Only this predicate.")] = None,
    concept: Annotated[str | None, typer.Option(
        help="Only claims with this concept (id or name) as subject or object.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List the claims read from the documents, each with its source sentence span."""
    from osteon.reading.lexicon import load_lexicon
    from osteon.reading.records import PREDICATES

    if predicate and predicate not in PREDICATES:
        fail(f"unknown predicate {predicate!r}; choose from {', '.join(PREDICATES)}")
    lexicon = load_lexicon()
    concept_id = None
    if concept:
        concept_id = concept if concept in lexicon else lexicon.concept_id_for(concept)
        if concept_id is None:
            fail(f"no concept called {concept!r} in the lexicon")
    with open_kb() as kb:
        if doc:
            kb.document(doc)  # an unknown document is "not found", not an empty list
        found = kb.claims(doc_id=doc, predicate=predicate, concept=concept_id)
    from osteon.knowledge.calibration import NOT_CONFIRMED, claim_confirmed
    from osteon.knowledge.views import claim_dict, scope_text

    if as_json:
        emit_json([claim_dict(c) for c in found])
        return

    def name(concept_id: str, is_text: bool = False) -> str:
        if is_text or concept_id not in lexicon:
            return f"“{concept_id}”"
        return lexicon.get(concept_id).name

    out.print(f"[bold]{len(found)} claims[/]")
    for c in found:
        ev = c.evidence
        polarity = {"negated": " [red](negated)[/]", "hedged": " [yellow](hedged)[/]"}.get(
            c.polarity, "")
        status = "" if claim_confirmed(c) else f" [magenta]({NOT_CONFIRMED})[/]"
        scope = f" [dim]· {escape(scope_text(c.scope))}[/]" if c.scope else ""
        out.print(f"{escape(name(c.subject))} [cyan]—{c.predicate}→[/] "
                  f"{escape(name(c.object, c.object_is_text))}{polarity}{status}{scope}")
        out.print(f"    [dim]{escape(ev.doc_id)} #{ev.sentence_idx} "
                  f"[{ev.span_start}:{ev.span_end}] “{escape(ev.quote)}”[/]")
