"""The assess face: one patient's report, as Markdown, printable HTML or JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from osteon.cli.base import JsonOption, app, emit_json, fail, open_kb


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
    from osteon.assess.render import FORMATS, render, to_dict
    from osteon.responses import AssessmentOut, dump

    fmt = "json" if as_json else fmt
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    with open_kb() as kb:
        result = kb.assess(file, at=at)
    if fmt == "json":
        emit_json(dump(AssessmentOut, to_dict(result)))
    else:
        sys.stdout.write(render(result, fmt))
