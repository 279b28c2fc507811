"""The knowledge face: what the sources say together (facts), where they disagree, export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from osteon.cli.base import JsonOption, app, emit_json, err, fail, open_kb, out, write_file


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
    from osteon.responses import FactOut, dump

    if explain and not as_json:
        from osteon.knowledge.belief import explain as explain_belief
        from osteon.knowledge.rules import belief_rules

        out.print(escape(explain_belief(belief_rules())) + "\n")
    with open_kb() as kb:
        found = kb.facts(concept, predicate=predicate, min_belief=min_belief, limit=limit)
    if as_json:
        emit_json(dump(FactOut, [fact_dict(f) for f in found], many=True))
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
def conflicts(as_json: JsonOption = False) -> None:
    """Where the sources disagree, both sides side by side with their sources."""
    from osteon.knowledge.views import conflict_dict, conflict_lines
    from osteon.responses import ConflictOut, dump

    with open_kb() as kb:
        found = kb.conflicts()
    if as_json:
        emit_json(dump(ConflictOut, [conflict_dict(v) for v in found], many=True))
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

    if fmt not in FORMATS:  # before the store is opened
        fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    with open_kb() as kb:
        text = kb.export(fmt)
    if output is None:
        sys.stdout.write(text)
        return
    write_file(output, text)
    err.print(f"wrote {output} ({len(text.encode()):,} bytes, {fmt})")
