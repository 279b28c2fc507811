"""The ask face: a question answered from the sources, every statement cited."""

from __future__ import annotations

from typing import Annotated

import typer

from osteon.cli.base import JsonOption, app, emit_json, open_kb, out


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question about heterotopic ossification.")],
    sources: Annotated[int, typer.Option(help="Citations per statement.")] = 3,
    as_json: JsonOption = False,
) -> None:
    """Answer a question from the sources, every statement cited, or say they do not answer."""
    from osteon.ask.views import answer_dict, answer_lines
    from osteon.responses import AnswerOut, dump

    with open_kb() as kb:
        answer = kb.ask(question, sources=sources)
    if as_json:
        emit_json(dump(AnswerOut, answer_dict(answer)))
        return
    for line in answer_lines(answer):
        out.print(line)
