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
    from osteon.mechanism import graph_from_kb

    return graph_from_kb(kb)


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

        emit_json(graph_dict(graph))
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
    with open_kb() as kb:
        graph = model_graph(kb)
    model = Model(graph)
    run = model.simulate(scenario)
    baseline = None
    if plot is not None and (scenario.interventions or scenario.inhibit
                             or scenario.overexpress or scenario.stimuli):
        baseline = model.simulate(Scenario(injuries=scenario.injuries, days=days))
    if plot is not None:
        from osteon.mechanism.interventions import scenario_label
        from osteon.mechanism.plot import plot as draw

        label = scenario_label(scenario)
        runs = ([("untreated", baseline)] if baseline is not None else []) + [
            (label, run)]
        try:
            draw(runs, plot)
        except OSError as exc:
            fail(f"{plot}: cannot write: {exc.strerror or exc}")
        err.print(f"wrote {plot}")
    from osteon.mechanism.views import run_dict, run_lines

    if as_json:
        emit_json(run_dict(scenario, run))
        return
    for line in run_lines(graph, run, days):
        out.print(line)


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
