"""The `osteon` command line: composes the stages, holds no logic of its own.

Human-readable output goes to stdout with rich; messages, progress and errors
go to stderr; `--json` prints one JSON document to stdout for programs.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from osteon import KnowledgeBase
from osteon.corpus.ingest import IngestOutcome, expand_paths
from osteon.errors import OsteonError, StoreError
from osteon.settings import max_bytes_from_env, parse_size

if TYPE_CHECKING:
    from osteon.reading.reader import ReadReport

app = typer.Typer(
    name="osteon",
    help="A knowledge engine for heterotopic ossification: every statement cites its source.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

_state: dict[str, Path | None] = {"store": None}

SMALL_BATCH = 20
"""Batches up to this many files list every document; larger ones show progress and problems."""

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]


@app.callback()
def main(
    store: Annotated[Path | None, typer.Option(
        "--store", envvar="OSTEON_STORE",
        help="Store file or folder (default: $OSTEON_HOME or the user data dir).")] = None,
) -> None:
    """Read documents about heterotopic ossification and answer from them, citing sentences."""
    _state["store"] = store


@contextmanager
def _open() -> Iterator[KnowledgeBase]:
    """The open store, closed after the block; a store problem is one error line, exit code 2.

    Problems met inside the block too: a full disk, a read-only store, a lock held
    too long. A store that answered without bringing its knowledge up to date
    (read-only) says so in one note.
    """
    try:
        kb = KnowledgeBase.open(_state["store"])
    except OsteonError as exc:
        _fail(str(exc))
    try:
        with kb:
            yield kb
            if kb.stale:
                err.print(f"[yellow]note:[/] {escape(kb.stale)}")
    except StoreError as exc:
        _fail(str(exc))
    except sqlite3.OperationalError as exc:
        _fail(f"{kb.store.path}: {exc}")


def _fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line on stderr and exit: 2 for bad usage or store, 1 for not found."""
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


def _emit_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


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
    """Ingest documents: text, Markdown, wiki markup, HTML, PDF, PubMed XML."""
    try:
        max_bytes = parse_size(max_size) if max_size else max_bytes_from_env()
    except ValueError as exc:
        _fail(f"--max-size: {exc}")
    with _open() as kb:
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
        _read_with_progress(kb, quiet=as_json)  # also what an interrupted ingest left unread
    if as_json:
        _emit_json({"counts": report.counts(),
                    "outcomes": [dataclasses.asdict(o) for o in report.outcomes]})
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
    with _open() as kb:
        docs = kb.sources()
    if as_json:
        _emit_json([dataclasses.asdict(d) for d in docs])
        return
    table = Table(title=f"{len(docs)} documents", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("sections", justify="right")
    table.add_column("sentences", justify="right")
    for d in docs:
        table.add_row(d.id, d.kind, d.title, str(d.sections), str(d.sentences))
    out.print(table)


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id (see `osteon sources`).")],
    chrome: Annotated[bool, typer.Option("--chrome", help="Also list the page chrome removed.")
                      ] = False,
    as_json: JsonOption = False,
) -> None:
    """Print a document's cleaned sections and sentences with their offsets."""
    with _open() as kb:
        try:
            document = kb.document(doc)
        except OsteonError as exc:
            _fail(str(exc), code=1)
    if as_json:
        _emit_json(dataclasses.asdict(document))
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


def _read_with_progress(kb: KnowledgeBase, *, force: bool = False, quiet: bool = False
                        ) -> ReadReport:
    """Read unread documents, showing a progress line per document on a terminal."""
    with err.status("reading documents…", spinner="dots") if err.is_terminal and not quiet \
            else nullcontext() as status:
        def on_document(doc_id: str, n_claims: int) -> None:
            if status is not None:
                status.update(f"read {escape(doc_id)} ({n_claims} claims)")

        report = kb.read(force=force, on_document=on_document)
    if not quiet and report.documents:
        err.print(f"[bold]read:[/] {len(report.documents)} documents, {report.claims} claims")
    return report


@app.command()
def read(
    force: Annotated[bool, typer.Option("--force", help="Read every document again.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read documents into concepts and claims (runs by itself after ingest)."""
    with _open() as kb:
        report = _read_with_progress(kb, force=force, quiet=as_json)
    if as_json:
        _emit_json(dataclasses.asdict(report))
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
        _fail(f"unknown predicate {predicate!r}; choose from {', '.join(PREDICATES)}")
    lexicon = load_lexicon()
    concept_id = None
    if concept:
        concept_id = concept if concept in lexicon else lexicon.concept_id_for(concept)
        if concept_id is None:
            _fail(f"no concept called {concept!r} in the lexicon")
    with _open() as kb:
        if doc:
            try:
                kb.document(doc)
            except OsteonError as exc:
                _fail(str(exc), code=1)
        found = kb.claims(doc_id=doc, predicate=predicate, concept=concept_id)
    from osteon.knowledge.calibration import NOT_CONFIRMED, claim_confirmed
    from osteon.knowledge.views import claim_dict, scope_text

    if as_json:
        _emit_json([claim_dict(c) for c in found])
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


@app.command()
def facts(
    concept: Annotated[str | None, typer.Argument(
        help="A concept (id, name, synonym or abbreviation); its kinds are included.")] = None,
    predicate: Annotated[str | None, typer.Option(help="Only this predicate.")] = None,
    min_belief: Annotated[float, typer.Option(
        "--min-belief", help="Only facts believed at least this much (0-1).")] = 0.0,
    limit: Annotated[int | None, typer.Option(help="At most this many facts.")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Say how belief is computed, then list.")] = False,
    as_json: JsonOption = False,
) -> None:
    """What the sources say together: assertions with belief, sources and conflicts."""
    from osteon.knowledge.views import fact_dict, fact_lines

    if explain and not as_json:
        from osteon.knowledge.belief import explain as explain_belief
        from osteon.knowledge.rules import belief_rules

        out.print(escape(explain_belief(belief_rules())) + "\n")
    with _open() as kb:
        try:
            found = kb.facts(concept, predicate=predicate, min_belief=min_belief, limit=limit)
        except OsteonError as exc:
            _fail(str(exc))
    if as_json:
        _emit_json([fact_dict(f) for f in found])
        return
    groups: dict[str, list] = {}
    for fact in found:
        groups.setdefault(fact.assertion.predicate, []).append(fact)
    out.print(f"[bold]{len(found)} facts[/]" + (f" about {escape(concept)}" if concept else "")
              + " [dim](osteon supports, and does not replace, clinical judgement)[/]")
    for group, members in groups.items():
        out.print(f"\n[bold underline]{escape(group.replace('_', ' '))}[/]")
        for fact in members:
            for line in fact_lines(fact):
                out.print(line)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question about heterotopic ossification.")],
    sources: Annotated[int, typer.Option(help="Citations per statement.")] = 3,
    as_json: JsonOption = False,
) -> None:
    """Answer a question from the sources, every statement cited, or say they do not answer."""
    from osteon.ask.views import answer_dict, answer_lines

    with _open() as kb:
        try:
            answer = kb.ask(question, sources=sources)
        except OsteonError as exc:
            _fail(str(exc))
    if as_json:
        _emit_json(answer_dict(answer))
        return
    for line in answer_lines(answer):
        out.print(line)


@app.command()
def assess(
    file: Annotated[Path, typer.Argument(help="Patient JSON file or FHIR R4 Bundle.")],
    at: Annotated[str | None, typer.Option(
        "--at", help="Assessment time, ISO 8601 (default: now); deadlines count to it.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md, html or json.")] = "md",
    as_json: JsonOption = False,
) -> None:
    """Assess one patient: risk, prophylaxis with deadlines, surveillance, differential, treatment.

    Every item cites the sentences it rests on; the report supports, and does not replace,
    clinical judgement.
    """
    from osteon.assess.render import FORMATS, render

    fmt = "json" if as_json else fmt
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    with _open() as kb:
        try:
            result = kb.assess(file, at=at)
        except OsteonError as exc:
            _fail(str(exc))
    sys.stdout.write(render(result, fmt))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Public URL when behind a proxy (JWT audiences are checked "
                           "against it).")] = None,
    no_cds_auth: Annotated[bool, typer.Option(
        "--no-cds-auth", help="Accept CDS Hooks calls without a signed JWT (local demos "
                              "only).")] = False,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Server processes (one per core serves the most calls).")] = 1,
) -> None:
    """Serve the web app: pages, the JSON API (/docs) and the CDS Hooks service."""
    import os

    import uvicorn

    from osteon.web.app import create_app
    from osteon.web.cds.auth import AuthSettings, load_settings

    try:
        auth = AuthSettings(enabled=False) if no_cds_auth else load_settings()
        with _open() as kb:  # build the store (and read the seeds) before listening
            kb.update_knowledge()
            path = kb.store.path
    except OsteonError as exc:
        _fail(str(exc))
    if not auth.enabled:
        err.print("[yellow]warning:[/] CDS Hooks authentication is OFF: any caller is "
                  "answered. Use this for local demos only.")
    elif not auth.issuers:
        err.print("[yellow]note:[/] no trusted EHR issuers configured (OSTEON_CDS_ISSUERS): "
                  "every CDS Hooks call will be refused with 401.")
    err.print(f"osteon serving on http://{host}:{port}  (pages at /, API docs at /docs, "
              "CDS Hooks at /cds-services; Ctrl-C stops)")
    if workers == 1:
        uvicorn.run(create_app(path, auth=auth, base_url=base_url), host=host, port=port,
                    log_level="warning")
        return
    # Each worker process builds its own app from the environment.
    os.environ.update({"OSTEON_STORE": str(path), "OSTEON_BASE_URL": base_url or "",
                       "OSTEON_CDS_AUTH": "on" if auth.enabled else "off"})
    uvicorn.run("osteon.web.app:create_app", factory=True, host=host, port=port,
                workers=workers, log_level="warning")


@app.command("mcp")
def mcp_command(
    http: Annotated[int | None, typer.Option(
        "--http", min=1, max=65535, metavar="PORT",
        help="Serve the streamable HTTP transport on this port instead of stdio.")] = None,
    host: Annotated[str, typer.Option(help="Address for --http to listen on.")] = "127.0.0.1",
) -> None:
    """Serve osteon to AI assistants over the Model Context Protocol (stdio by default)."""
    from osteon.mcp_server import serve as serve_mcp  # the SDK loads only for this command

    try:
        with _open() as kb:  # build the store (and read the seeds) before the first call
            kb.update_knowledge()
            path = kb.store.path
    except OsteonError as exc:
        _fail(str(exc))
    if http is not None:
        err.print(f"osteon MCP server on http://{host}:{http}/mcp  (Ctrl-C stops)")
    serve_mcp(path, http_port=http, host=host)


@app.command()
def conflicts(as_json: JsonOption = False) -> None:
    """Where the sources disagree, both sides side by side with their sources."""
    from osteon.knowledge.views import conflict_dict, conflict_lines

    with _open() as kb:
        found = kb.conflicts()
    if as_json:
        _emit_json([conflict_dict(v) for v in found])
        return
    out.print(f"[bold]{len(found)} conflicts[/] between the sources "
              "[dim](shown, not resolved: weigh them with clinical judgement)[/]")
    for view in found:
        out.print()
        for line in conflict_lines(view):
            out.print(line)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonld, graphml or csv.")] = "jsonld",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (default: standard output).")] = None,
) -> None:
    """Export assertions, their evidence and conflicts for other tools."""
    from osteon.knowledge.export import FORMATS
    from osteon.knowledge.export import export as render

    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    with _open() as kb:
        text = render(kb.facts(), [v for v in kb.knowledge.conflicts()],
                      kb.knowledge.lexicon, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write: {exc.strerror or exc}")
    err.print(f"wrote {output} ({len(text.encode()):,} bytes, {fmt})")


mechanism_app = typer.Typer(help="The executable model of neurogenic HO, built from the claims.",
                            no_args_is_help=True)
app.add_typer(mechanism_app, name="mechanism")


def _model_graph(kb: KnowledgeBase) -> Any:
    from osteon.mechanism import graph_from_kb

    try:
        return graph_from_kb(kb)
    except OsteonError as exc:
        _fail(str(exc))


def _pairs(values: list[str] | None, option: str) -> dict[str, float]:
    """NODE=VALUE options as a dict (a clear error for anything else)."""
    out: dict[str, float] = {}
    for value in values or []:
        node, sep, number = value.partition("=")
        try:
            out[node.strip()] = float(number)
        except ValueError:
            _fail(f"{option} takes NODE=NUMBER, not {value!r}")
        if not sep or not node.strip():
            _fail(f"{option} takes NODE=NUMBER, not {value!r}")
    return out


@mechanism_app.command("graph")
def mechanism_graph(as_json: JsonOption = False) -> None:
    """The signed causal graph: each edge with the sentences that state it, or the assumption."""
    with _open() as kb:
        graph = _model_graph(kb)
    edges = sorted(graph.edges, key=lambda e: (not e.dynamic, e.source, e.target))
    if as_json:
        from osteon.mechanism.views import graph_dict

        _emit_json(graph_dict(graph))
        return
    out.print(f"[bold]{len(graph.nodes)} nodes, {len(edges)} edges[/] "
              "[dim](mouse-model evidence; assumptions listed as such)[/]")
    for e in edges:
        arrow = "[green]→[/]" if e.sign > 0 else "[red]⊣[/]"
        kept = "" if e.dynamic else " [dim](evidence only)[/]"
        out.print(f"{escape(e.source)} {arrow} {escape(e.target)}{kept}")
        for c in e.citations[:2]:
            out.print(f"    [dim]{escape(c.doc_id)} #{c.sentence_idx}[/] “{escape(c.quote)}”")
        if e.assumption:
            out.print(f"    [yellow]assumption[/]: {escape(e.assumption)}")


@app.command()
def simulate(
    injury: Annotated[list[str] | None, typer.Option(
        "--injury", help="spinal_cord, muscle (repeatable).")] = None,
    drug: Annotated[list[str] | None, typer.Option(
        "--drug", help="A drug or genetic change by name (repeatable).")] = None,
    knockout: Annotated[list[str] | None, typer.Option(
        "--knockout", help="A node (gene names work: OSMR, IL1R1, TLR4, GR) removed.")] = None,
    inhibit: Annotated[list[str] | None, typer.Option(
        "--inhibit", help="NODE=FRACTION of its activity removed (0-1).")] = None,
    overexpress: Annotated[list[str] | None, typer.Option(
        "--overexpress", help="NODE=LEVEL added toward its maximum.")] = None,
    stimulus: Annotated[list[str] | None, typer.Option(
        "--stimulus", help="lps (repeatable).")] = None,
    days: Annotated[float, typer.Option(help="Length of the run in days.")] = 28.0,
    plot: Annotated[Path | None, typer.Option(
        "--plot", help="Write time courses beside the untreated run (PNG).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Run the mechanism model for a scenario; bone in the injured and uninjured muscle."""
    from osteon.mechanism import Model, Scenario

    inhibited = _pairs(inhibit, "--inhibit")
    inhibited.update(dict.fromkeys(knockout or [], 1.0))
    scenario = Scenario(injuries=tuple(injury or ()), interventions=tuple(drug or ()),
                        inhibit=inhibited, overexpress=_pairs(overexpress, "--overexpress"),
                        stimuli=tuple(stimulus or ()), days=days)
    with _open() as kb:
        graph = _model_graph(kb)
    try:
        model = Model(graph)
        run = model.simulate(scenario)
        baseline = None
        if plot is not None and (scenario.interventions or scenario.inhibit
                                 or scenario.overexpress or scenario.stimuli):
            baseline = model.simulate(Scenario(injuries=scenario.injuries, days=days))
    except OsteonError as exc:
        _fail(str(exc))
    if plot is not None:
        from osteon.mechanism.interventions import scenario_label
        from osteon.mechanism.plot import plot as draw

        label = scenario_label(scenario)
        runs = ([("untreated", baseline)] if baseline is not None else []) + [
            (label, run)]
        try:
            draw(runs, plot)
        except OSError as exc:
            _fail(f"{plot}: cannot write: {exc.strerror or exc}")
        err.print(f"wrote {plot}")
    from osteon.mechanism.views import run_dict, run_lines

    if as_json:
        _emit_json(run_dict(scenario, run))
        return
    for line in run_lines(graph, run, days):
        out.print(line)


@app.command("export-sbml")
def export_sbml(file: Annotated[Path, typer.Argument(help="Where to write the SBML.")]) -> None:
    """Write the model as SBML Level 3 (interventions as parameters), validated by libsbml."""
    from osteon.mechanism.sbml import to_sbml, validation_errors

    with _open() as kb:
        graph = _model_graph(kb)
    text = to_sbml(graph)
    problems = validation_errors(text)
    if problems:
        _fail(f"the SBML did not validate: {problems[0]}")
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{file}: cannot write: {exc.strerror or exc}")
    err.print(f"wrote {file} ({len(text.encode()):,} bytes, SBML L3, 0 validation errors)")


eval_app = typer.Typer(help="Score osteon against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("reading")
def eval_reading(
    gold: Annotated[Path, typer.Option("--gold", help="Gold claims (YAML, seed_facts format).")],
    show: Annotated[int, typer.Option(help="How many missed and spurious claims to list.")
                    ] = 400,
    as_json: JsonOption = False,
) -> None:
    """Precision, recall and F1 of reading, overall, per predicate and per document."""
    from osteon.reading.evaluate import evaluate, load_gold
    from osteon.reading.lexicon import load_lexicon

    try:
        gold_claims = load_gold(gold)
    except OsteonError as exc:
        _fail(str(exc))
    with _open() as kb:
        result = evaluate(kb.store, kb.claims(), gold_claims, load_lexicon())
    if as_json:
        _emit_json({
            "overall": result.overall.as_dict(),
            "by_predicate": {k: v.as_dict() for k, v in result.by_predicate.items()},
            "by_document": {k: v.as_dict() for k, v in result.by_document.items()},
            "missed": [g.model_dump() for g in result.missed],
            "spurious": [dataclasses.asdict(c) for c in result.spurious],
        })
        return
    for title, rows in (("by predicate", result.by_predicate), ("by document", result.by_document)):
        table = Table(title=title, title_justify="left")
        for column in ("", "gold", "predicted", "matched", "precision", "recall", "F1"):
            table.add_column(column, justify="left" if not column else "right")
        for key, score in rows.items():
            table.add_row(key, str(score.gold), str(score.predicted), str(score.matched_gold),
                          f"{score.precision:.2f}", f"{score.recall:.2f}", f"{score.f1:.2f}")
        out.print(table)
    o = result.overall
    out.print(f"[bold]overall[/]: precision {o.precision:.3f}  recall {o.recall:.3f}  "
              f"F1 {o.f1:.3f}  ({o.matched_gold}/{o.gold} gold matched, "
              f"{o.matched_predicted}/{o.predicted} predictions right)")
    out.print(f"\n[bold]missed[/] ({len(result.missed)})")
    for g in result.missed[:show]:
        out.print(f"  {g.id} {g.doc[:3]} {g.subject} —{g.predicate}/{g.polarity}→ {g.object}"
                  f"  [dim]{escape(g.quote[:90])}[/]")
    out.print(f"\n[bold]spurious[/] ({len(result.spurious)})")
    for c in result.spurious[:show]:
        out.print(f"  {c.evidence.doc_id[:3]}#{c.evidence.sentence_idx} {c.subject} "
                  f"—{c.predicate}/{c.polarity}→ {c.object}  [dim]{c.rule}: "
                  f"{escape(c.evidence.quote[:80])}[/]")


@eval_app.command("conflicts")
def eval_conflicts(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file with a conflicts list.")],
    as_json: JsonOption = False,
) -> None:
    """How many of a gold file's conflicts osteon reports, and which it misses."""
    from osteon.knowledge.evaluate import evaluate_conflicts

    with _open() as kb:
        try:
            result = evaluate_conflicts(kb.knowledge, gold)
        except OsteonError as exc:
            _fail(str(exc))
    if as_json:
        _emit_json(result.as_dict())
        return
    out.print(f"[bold]conflicts[/]: {len(result.found)}/{result.gold} gold conflicts found "
              f"(recall {result.recall:.2f}); {result.reported} reported in all")
    for title, items in (("missed", result.missed), ("not read (a side's claim was not read)",
                                                       result.not_read)):
        out.print(f"\n[bold]{title}[/] ({len(items)})")
        for c in items:
            out.print(f"  {' × '.join(c.facts)}  [dim]{escape(c.explanation)}[/]")


@eval_app.command("rules")
def eval_rules(
    pages: Annotated[Path, typer.Option("--pages", help="Folder of real pages (not in git).")],
    labels: Annotated[Path, typer.Option("--labels", help="Label file (YAML), kept in git.")],
    todo: Annotated[int, typer.Option(
        "--todo", help="Add this many unlabelled claims to the label file and print them.")] = 0,
    write: Annotated[Path | None, typer.Option(
        "--write", help="Write the measured precision table here (rule_precision.yaml).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Per-rule precision of reading on real pages, from hand labels (use a store of its own)."""
    from osteon.knowledge import rule_eval
    from osteon.knowledge.calibration import rule_precision

    if not pages.is_dir():
        _fail(f"{pages}: not a folder")
    try:
        label_file = rule_eval.load_labels(labels)
    except OsteonError as exc:
        _fail(str(exc))
    folder = pages.resolve()
    with _open() as kb:
        kb.ingest([folder], read=True)
        kb.read()
        names = {rule_eval.page_name(s.origin): s.id for s in kb.store.summaries()
                 if Path(s.origin).resolve().parent == folder}
        read = rule_eval.page_claims(kb.store, names, kb.claims())
    result = rule_eval.measure(read, label_file)
    if todo:
        added = rule_eval.pending(read, label_file)[:todo]
        label_file.labels.extend(item.label for item in added)
        rule_eval.save_labels(labels, label_file)
        for item in added:
            c = item.claim
            out.print(f"[bold]{escape(item.doc)}#{c.evidence.sentence_idx}[/] {escape(c.subject)} "
                      f"—{c.predicate}/{c.polarity}→ {escape(c.object)}  [dim]{c.rule}[/]\n"
                      f"    {escape(item.sentence_text)}")
    if write is not None:
        from datetime import date

        table = result.table(rule_precision(), measured=(
            f"{date.today().isoformat()}: {result.pooled.labelled} hand-labelled claims read"
            f" from {result.documents} real pages (folder {pages.name}, text not in git;"
            f" labels {labels.as_posix()}); a claim is right only if its sentence says exactly"
            f" that, with that polarity; {result.unlabelled} claims read but not labelled"))
        rule_eval.write_table(write, table)
    if as_json:
        _emit_json(result.as_dict())
        return
    table_view = Table(title="precision by rule", title_justify="left")
    for column in ("rule", "labelled", "correct", "precision"):
        table_view.add_column(column, justify="left" if column == "rule" else "right")
    for rule, score in sorted(result.rules.items(), key=lambda kv: (-kv[1].labelled, kv[0])):
        table_view.add_row(rule, str(score.labelled), str(score.correct), f"{score.rate:.2f}")
    out.print(table_view)
    p = result.pooled
    out.print(f"[bold]pooled[/]: {p.correct}/{p.labelled} right ({p.rate:.2f}) on "
              f"{result.documents} pages; {result.unlabelled} claims not labelled; "
              f"{result.gone} labels no longer read")


@eval_app.command("ask")
def eval_ask(
    questions: Annotated[Path, typer.Option("--questions", help="Question file (YAML).")],
    exclude_doc: Annotated[list[str] | None, typer.Option(
        "--exclude-doc", help="Leave this document out of the corpus (repeatable).")] = None,
    pages: Annotated[Path | None, typer.Option(
        "--pages", help="Folder of pages to add to the bundled corpus, in a temporary "
                        "store (yours is untouched).")] = None,
    split: Annotated[str, typer.Option(
        "--split", help="Questions of this split only: dev, held_out or all.")] = "all",
    as_json: JsonOption = False,
) -> None:
    """Ask a question file and score the answers, beside plain BM25 top-3 sentences."""
    from osteon.ask.evaluate import (
        evaluate_questions,
        evaluate_with_pages,
        load_questions,
        select_split,
    )

    if split not in ("dev", "held_out", "all"):
        _fail(f"--split must be dev, held_out or all, not {split!r}")
    try:
        asked = select_split(load_questions(questions), split)  # type: ignore[arg-type]
        if pages is not None:
            if exclude_doc:
                _fail("--exclude-doc and --pages do not go together")
            result = evaluate_with_pages(asked, pages)
        else:
            with _open() as kb:
                kb.update_knowledge()
                result = evaluate_questions(kb.store, asked, exclude_doc or [])
    except OsteonError as exc:
        _fail(str(exc))
    if as_json:
        _emit_json(result.as_dict())
        return
    for r in result.results:
        mark = "[green]pass[/]" if r.passed else "[red]FAIL[/]"
        base = "pass" if r.baseline_passed else "fail"
        page = f" [dim]({r.page})[/]" if r.page else ""
        out.print(f"{mark} {r.id} {escape(r.question)}{page} [dim](BM25 top-3: {base})[/]")
        out.print(f"     [dim]{escape(r.answer[:160])}[/]")
        for group in r.missing:
            out.print(f"     missing any of: {escape(', '.join(group))}")
        if r.osteon and r.osteon.wrong_page:
            out.print(f"     [yellow]wrong page[/]: cites {escape(', '.join(r.osteon.cited))}")
        if r.osteon and r.osteon.forbidden:
            out.print(f"     [red]forbidden[/]: {escape(', '.join(r.osteon.forbidden))}")
        for problem in r.bad_citations:
            out.print(f"     [red]bad citation[/]: {escape(problem)}")
    n = len(result.results)
    table = Table("", "osteon", "BM25 top-3", title=f"{n} questions ({split})")
    mine, bm25 = result.summary("osteon"), result.summary("bm25")
    table.add_row("answered", f"{mine.answered}/{mine.answerable} ({mine.answered_pct:.0f} %)",
                  f"{bm25.answered}/{bm25.answerable} ({bm25.answered_pct:.0f} %)")
    for label, name in (("wrong page", "wrong_page"), ("abstained (answer expected)", "abstained"),
                        ("forbidden words in short answer", "forbidden_hits")):
        table.add_row(label, str(getattr(mine, name)), str(getattr(bm25, name)))
    table.add_row("abstained correctly", f"{mine.abstained_correctly}/{mine.should_abstain}",
                  f"{bm25.abstained_correctly}/{bm25.should_abstain}")
    table.add_row("passed", f"{result.passed}/{n}", f"{result.baseline_passed}/{n}")
    out.print(table)
    out.print(f"[bold]osteon {result.passed}/{n} · plain BM25 top-3 sentences "
              f"{result.baseline_passed}/{n} · bad citations {result.bad_citations}[/]")


@eval_app.command("mechanism")
def eval_mechanism(
    checks: Annotated[Path | None, typer.Option(
        "--checks", help="Checks file (YAML); default: the checks shipped with osteon, "
                         "the mouse experiments of seed 004.")] = None,
    sweep: Annotated[int, typer.Option(
        "--sweep", min=0, max=100_000,
        help="Also sample N parameter sets (Latin hypercube) and report how often each "
             "check's direction holds.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Run each check's scenario; print the expected and the simulated direction."""
    from osteon.mechanism import Model
    from osteon.mechanism.checks import as_dicts, evaluate_checks, load_checks, shipped_checks
    from osteon.mechanism.sweep import sweep as run_sweep

    with _open() as kb:
        graph = _model_graph(kb)
    try:
        model = Model(graph)
        rows = load_checks(checks) if checks is not None else shipped_checks()
        results = evaluate_checks(model, rows)
        robust = run_sweep(model, rows, sweep) if sweep else {}
    except OsteonError as exc:
        _fail(str(exc))
    if as_json:
        _emit_json({"passed": sum(r.passed for r in results), "checks": len(results),
                    "results": as_dicts(results),
                    **({"sweep": {"sets": sweep, "fraction_holding": robust}} if sweep else {})})
        return
    for r in results:
        mark = "[green]pass[/]" if r.passed else "[red]FAIL[/]"
        held = f"  [dim](holds in {robust[r.id]:.0%} of {sweep} sets)[/]" if r.id in robust else ""
        out.print(f"{mark} {r.id}  expected: {escape(r.expect)}{held}")
        out.print(f"        simulated: {escape(r.simulated)}")
    out.print(f"[bold]{sum(r.passed for r in results)}/{len(results)} checks reproduced[/]")


if __name__ == "__main__":  # pragma: no cover
    app()
