"""Answers as JSON for programs and as text for people, the cited span marked in its sentence."""

from __future__ import annotations

from collections.abc import Iterator

from rich.markup import escape

from osteon.ask.records import Answer, Citation, Statement
from osteon.knowledge.views import last_heading


def citation_dict(c: Citation) -> dict[str, object]:
    return {"doc": c.doc, "title": c.title, "section": c.section, "sentence": c.sentence,
            "start": c.start, "end": c.end, "quote": c.quote, "sentence_text": c.sentence_text,
            "span_in_sentence": [c.span_start, c.span_end], "level": c.level}


def statement_dict(s: Statement) -> dict[str, object]:
    return {"text": s.text, "belief": s.belief, "polarity": s.polarity,
            "figures": list(s.figures), "citations": [citation_dict(c) for c in s.citations]}


def answer_dict(answer: Answer) -> dict[str, object]:
    """The JSON shape of issue 5: question, answer, abstained, statements, conflicts, passages."""
    understood = answer.understood
    return {
        "question": answer.question, "answer": answer.answer, "abstained": answer.abstained,
        "evidence": [statement_dict(s) for s in answer.evidence],
        "statements": [statement_dict(s) for s in answer.statements],
        "conflicts": [{"kind": n.kind, "explanation": n.explanation,
                       "sides": [statement_dict(s) for s in n.sides]} for n in answer.conflicts],
        "passages": [statement_dict(s) for s in answer.passages],
        "understood": {"type": understood.type, "intents": list(understood.intents),
                       "concepts": list(understood.concepts),
                       "excluded": list(understood.excluded),
                       "scope": understood.scope.as_dict()}
        if understood else None,
        "notes": list(answer.notes),
    }


def marked(c: Citation) -> str:
    """The cited sentence with the supporting span in bold (rich markup, text escaped)."""
    s = c.sentence_text
    return (escape(s[:c.span_start]) + "[bold]" + escape(s[c.span_start:c.span_end]) + "[/]"
            + escape(s[c.span_end:]))


def citation_line(c: Citation) -> str:
    where = escape(c.title or c.doc)
    section = last_heading(c.section)
    if section and section != c.title:
        where += f" › {escape(section)}"
    if c.level:
        where += f" [magenta]({escape(c.level)})[/]"
    return f"      [dim]{escape(c.doc)} #{c.sentence}[/] {where}: “{marked(c)}”"


def statement_lines(s: Statement, bullet: str = "•", *, quoted: bool = False) -> Iterator[str]:
    """A statement and its citations; a quoted sentence is shown once, in its citation."""
    colour = {"negated": "red", "hedged": "yellow"}.get(s.polarity, "green")
    belief = f" [dim](belief {s.belief:.2f})[/]" if s.belief is not None else ""
    if quoted:
        said = f" [{colour}]({escape(s.polarity)} in the source)[/]" if s.polarity != "asserted" \
            else ""
        figures = f" [cyan]{escape('; '.join(s.figures))}[/]" if s.figures else ""
        yield f"  {bullet}{said}{figures}"
        for c in s.citations:
            yield citation_line(c)
        return
    yield f"  {bullet} [{colour}]{escape(s.text)}[/]{belief}"
    for figure in s.figures:
        yield f"      [cyan]{escape(figure)}[/]"
    for c in s.citations:
        yield citation_line(c)


def answer_lines(answer: Answer) -> Iterator[str]:
    """The answer for a person: short answer, statements with sources, conflicts, passages."""
    yield f"[bold]{escape(answer.answer)}[/]"
    if answer.evidence:
        yield ""
        yield "[bold underline]From the sources[/] [dim](best sentences first, quoted)[/]"
        for s in answer.evidence:
            yield from statement_lines(s, quoted=True)
    if answer.statements:
        yield ""
        yield "[bold underline]What osteon read in them[/]"
        for s in answer.statements:
            yield from statement_lines(s)
    if answer.conflicts:
        yield ""
        yield "[bold underline red]Where the sources disagree[/]"
        for note in answer.conflicts:
            yield f"  [red]{escape(note.kind)}[/]: {escape(note.explanation)}"
            for side in note.sides:
                yield from statement_lines(side, bullet="  ◦")
    if answer.passages:
        yield ""
        yield ("[bold underline]Nearest statements in the sources[/]" if answer.abstained
               else "[bold underline]Related passages[/]")
        for s in answer.passages:
            yield from statement_lines(s)
    for note in answer.notes:
        yield f"\n[dim]{escape(note)}[/]"
