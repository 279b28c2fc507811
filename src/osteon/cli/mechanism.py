"""The mechanism face: the causal graph, a simulated scenario, the model as SBML."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from osteon.cli.base import JsonOption, app, emit_json, err, fail, open_kb, out, write_file

if TYPE_CHECKING:
    from osteon import KnowledgeBase
    from osteon.mechanism.records import MechanismGraph

mechanism_app = typer.Typer(help="The executable model of neurogenic HO, built from the claims.",
                            no_args_is_help=True)
app.add_typer(mechanism_app, name="mechanism")


def model_graph(kb: KnowledgeBase) -> MechanismGraph:
    """The model's graph built from the knowledge base's claims."""
    return kb.graph()


def _pairs(values: list[str] | None, option: str) -> dict[str, float]:
    """NODE=VALUE options as a dict (a clear error for anything else)."""
    found: dict[str, float] = {}
    for value in values or []:
        node, sep, number = value.partition("=")
        try:
            found[node.strip()] = float(number)
        except ValueError:
            fail(f"{option} takes NODE=NUMBER, not {value!r}")
        if not sep or not node.strip():
            fail(f"{option} takes NODE=NUMBER, not {value!r}")
    return found


@mechanism_app.command("graph")
def mechanism_graph(as_json: JsonOption = False) -> None:
    """The signed causal graph: each edge with the sentences that state it, or the assumption."""
    with open_kb() as kb:
        graph = model_graph(kb)
    edges = sorted(graph.edges, key=lambda e: (not e.dynamic, e.source, e.target))
    if as_json:
        from osteon.mechanism.views import graph_dict
        from osteon.responses import GraphOut, dump

        emit_json(dump(GraphOut, graph_dict(graph)))
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
    from osteon.mechanism.data import parameters

    notes = parameters()
    out.print("[bold]model assumptions[/] [dim](what no sentence states, and why)[/]")
    for a in notes.assumptions:
        out.print(f"  • {escape(a.text)}\n    [dim]why: {escape(a.reason)}[/]")
    for f in notes.fitted:
        out.print(f"  • fitted: {escape(', '.join(f.parameters))} so that {f.observable} "
                  f"is {f.target[0]:g}-{f.target[1]:g} {f.unit}\n"
                  f"    [dim]{escape(f.source.doc)} “{escape(f.source.quote)}”[/]")


@mechanism_app.command("edges")
def mechanism_edges(
    each_edge: Annotated[bool, typer.Option(
        "--knockout-each", help="Remove each edge in turn and show its effect on bone.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Each edge of the model with who states it; --knockout-each: what removing it does to bone."""
    from osteon.mechanism import Model
    from osteon.mechanism.edges import edge_rows, effect_dict, knockout_each

    with open_kb() as kb:
        graph = model_graph(kb)
    if not each_edge:
        rows = edge_rows(graph)
        if as_json:
            emit_json({"edges": rows})
            return
        for r in rows:
            out.print(f"{escape(r.source)} → {escape(r.target)}  [dim]{escape(r.citation)}[/]")
        return
    effects = list(knockout_each(Model(graph), cited_only=False))
    if as_json:
        emit_json({"edges": [effect_dict(e) for e in effects],
                   "judged": sum(e.judged for e in effects),
                   "silent": sum(not e.agrees for e in effects if e.judged)})
        return
    for e in effects:
        mark = ("[green]agrees[/]" if e.agrees else "[dim]not judged[/]" if not e.judged
                else "[red]does not agree[/]")
        out.print(f"{escape(e.key)}  [bold]{e.change:+.1%}[/] bone ({e.scenario}); "
                  f"expected: {e.direction}; {mark}")
        cite = f"{escape(e.doc)} “{escape(e.citation)}”" if e.cited else (
            f"[yellow]{escape(e.citation)}[/]")
        out.print(f"    [dim]{cite}[/]")
    judged = [e for e in effects if e.judged]
    out.print(f"[bold]{sum(e.agrees for e in judged)}/{len(judged)} activating and inhibiting "
              "edges on a path to bone move it the stated way by ≥10 %[/] [dim](bone in the "
              "injured muscle at day 28; an edge removed = its term set to the value it has "
              "without its source; host edges, a receptor's cell, are listed, not judged)[/]")


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
    band: Annotated[bool, typer.Option(
        "--band", help="Add an uncertainty band: percentiles over a parameter sweep.")] = False,
    band_spread: Annotated[float | None, typer.Option(
        "--band-spread", help="The band's parameter spread (0.2 = ±20 %).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Run the mechanism model for a scenario; bone in the injured and uninjured muscle."""
    from osteon.mechanism import Scenario

    inhibited = _pairs(inhibit, "--inhibit")
    inhibited.update(dict.fromkeys(knockout or [], 1.0))
    scenario = Scenario(injuries=tuple(injury or ()), interventions=tuple(drug or ()),
                        inhibit=inhibited, overexpress=_pairs(overexpress, "--overexpress"),
                        stimuli=tuple(stimulus or ()), days=days)
    with open_kb() as kb:
        model = kb.model()
    graph = model.graph
    run = model.simulate(scenario)
    baseline = None
    if plot is not None and (scenario.interventions or scenario.inhibit
                             or scenario.overexpress or scenario.stimuli):
        baseline = model.simulate(Scenario(injuries=scenario.injuries, days=days))
    found = None
    if band:
        from osteon.mechanism.uncertainty import band as band_of

        found = band_of(model, scenario, spread=band_spread)
    if plot is not None:
        from osteon.mechanism.interventions import scenario_label
        from osteon.mechanism.plot import plot as draw

        label = scenario_label(scenario)
        runs = ([("untreated", baseline)] if baseline is not None else []) + [
            (label, run)]
        bands = None
        if found is not None:
            bands = [band_of(model, Scenario(injuries=scenario.injuries, days=days),
                             spread=band_spread) for _ in runs[:-1]] + [found]
        try:
            draw(runs, plot, bands)
        except OSError as exc:
            fail(f"{plot}: cannot write: {exc.strerror or exc}")
        err.print(f"wrote {plot}")
    from osteon.mechanism.views import run_dict, run_lines

    if as_json:
        from osteon.mechanism.analysis_views import band_dict
        from osteon.responses import RunOut, dump

        emit_json(dump(RunOut, {**run_dict(scenario, run),
                                **({"band": band_dict(found)} if found is not None else {})}))
        return
    for line in run_lines(graph, run, days):
        out.print(line)
    if found is not None:
        from osteon.mechanism.analysis_views import band_line

        out.print(band_line(found))


@app.command("export-sbml")
def export_sbml(file: Annotated[Path, typer.Argument(help="Where to write the SBML.")]) -> None:
    """Write the model as SBML Level 3 (interventions as parameters), validated by libsbml."""
    from osteon.mechanism.sbml import to_sbml, validation_errors

    with open_kb() as kb:
        graph = model_graph(kb)
    text = to_sbml(graph)
    problems = validation_errors(text)
    if problems:
        fail(f"the SBML did not validate: {problems[0]}")
    write_file(file, text)
    err.print(f"wrote {file} ({len(text.encode()):,} bytes, SBML L3, 0 validation errors)")


@mechanism_app.command("sensitivity")
def mechanism_sensitivity(
    n: Annotated[int | None, typer.Option(
        "--n", help="Base samples, a power of 2 (runs: n × (2 + parameters reaching bone)).")
    ] = None,
    spread: Annotated[float | None, typer.Option(
        "--spread", help="Each parameter drawn within ±spread of its default (0.5 = ±50 %).")
    ] = None,
    plot: Annotated[Path | None, typer.Option(
        "--plot", help="Write a bar chart of the largest indices (PNG).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Sobol' indices (first-order, total) of bone in the injured muscle to every parameter."""
    from osteon.mechanism.analysis import settings
    from osteon.mechanism.sensitivity import sensitivity

    with open_kb() as kb:
        model = kb.model()
    result = sensitivity(model, n=n, spread=spread)
    shown = settings().sensitivity.shown
    if plot is not None:
        from osteon.mechanism.plot import sensitivity_png

        try:
            plot.write_bytes(sensitivity_png(result, shown))
        except OSError as exc:
            fail(f"{plot}: cannot write: {exc.strerror or exc}")
        err.print(f"wrote {plot}")
    if as_json:
        emit_json(result.as_dict())
        return
    from osteon.mechanism.analysis_views import sensitivity_lines

    for line in sensitivity_lines(result, shown):
        out.print(line)


@mechanism_app.command("predict")
def mechanism_predict(as_json: JsonOption = False) -> None:
    """Each node knocked out, inhibited, stimulated: bone, and which of these the sources test."""
    from osteon.mechanism.predict import predict

    with open_kb() as kb:
        model = kb.model()
    result = predict(model)
    if as_json:
        emit_json(result.as_dict())
        return
    from osteon.mechanism.analysis_views import prediction_lines

    for line in prediction_lines(result):
        out.print(line)
