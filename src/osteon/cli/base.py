"""What every command shares: the app, the two consoles, the open store, one error handler.

Human-readable output goes to stdout with rich; messages, progress and errors go to stderr;
`--json` prints one JSON document to stdout (`emit_json`) for programs. A command body raises
osteon's errors; the app's group turns each into one line on stderr and an exit code
(`exit_code`), so no command writes its own handler.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from osteon import KnowledgeBase
from osteon.errors import NotFound, OsteonError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_CODES: dict[type[OsteonError], int] = {NotFound: 1}
"""Exit code per error class (the nearest listed base class wins); anything else exits 2."""

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs.")]

_state: dict[str, Path | None] = {"store": None}


def exit_code(exc: OsteonError) -> int:
    """1 for "not found", 2 for bad usage, bad input or a store problem."""
    for cls in type(exc).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return 2


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line on stderr and exit: 2 for bad usage or store, 1 for not found."""
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


@contextmanager
def reported() -> Iterator[None]:
    """The one error handler: an OsteonError inside becomes one error line and its exit code."""
    try:
        yield
    except OsteonError as exc:
        fail(str(exc), exit_code(exc))


class OsteonGroup(TyperGroup):
    """The command group whose invocation runs inside `reported` (sub-groups included)."""

    def invoke(self, ctx: typer.Context) -> Any:
        with reported():
            return super().invoke(ctx)


app = typer.Typer(
    name="osteon",
    cls=OsteonGroup,
    help="A knowledge engine for heterotopic ossification: every statement cites its source.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main(
    store: Annotated[Path | None, typer.Option(
        "--store", envvar="OSTEON_STORE",
        help="Store file or folder (default: $OSTEON_HOME or the user data dir).")] = None,
) -> None:
    """Read documents about heterotopic ossification and answer from them, citing sentences."""
    _state["store"] = store


@contextmanager
def open_kb() -> Iterator[KnowledgeBase]:
    """The open store, closed after the block; a store problem is one error line, exit code 2.

    Problems met inside the block too: a full disk, a read-only store, a lock held
    too long. A store that answered without bringing its knowledge up to date
    (read-only) says so in one note.
    """
    with KnowledgeBase.open(_state["store"]) as kb, kb.osteon_errors():
        yield kb
        if kb.stale:
            err.print(f"[yellow]note:[/] {escape(kb.stale)}")


def jsonable(value: Any) -> Any:
    """Plain JSON data from a response model, a dataclass or containers of them."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def emit_json(payload: Any) -> None:
    """The one way a command prints `--json`: indented, UTF-8 as is, one document."""
    sys.stdout.write(json.dumps(jsonable(payload), ensure_ascii=False, indent=2) + "\n")


def write_file(path: Path, text: str) -> None:
    """Write a command's output file; a failure is one error line."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{path}: cannot write: {exc.strerror or exc}")
