"""An assessment as Markdown, printable HTML or JSON: formatting only, no decisions.

HTML is the app's report template (osteon/templates/assessment.html), escaped
everywhere (patient text and source sentences are data, not markup), with a print
stylesheet inlined. JSON's top-level keys are the issue's
contract: patient, the six sections, not_recognised, warnings — plus `at` and
`disclaimer`, which a report must not lose.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any, ClassVar

from osteon.ask.records import Citation, Statement
from osteon.assess.engine import describe
from osteon.assess.records import SECTIONS, Assessment, Item
from osteon.assess.rules import assess_rules
from osteon.assess.sections import sections

TITLES = {name: s.title for name, s in sections().items()}


def empty_lines(assessment: Assessment) -> dict[str, str]:
    """What each section says when empty for this assessment.

    It may depend on what the others hold; which sections have items is found once.
    """
    filled = {name for name in SECTIONS if assessment.section(name)}
    return {name: s.empty_line(filled) for name, s in sections().items()}


class Renderer:
    """The base of every report format: its name, media type and writer.

    A new format is a subclass with `write` and one line in RENDERERS.
    """

    name: ClassVar[str]
    media_type: ClassVar[str]

    def write(self, assessment: Assessment) -> str:
        raise NotImplementedError


class Markdown(Renderer):
    name, media_type = "md", "text/markdown"

    def write(self, assessment: Assessment) -> str:
        return to_markdown(assessment)


class Html(Renderer):
    """A printable page, everything escaped."""

    name, media_type = "html", "text/html"

    def write(self, assessment: Assessment) -> str:
        return to_html(assessment)


class Json(Renderer):
    name, media_type = "json", "application/json"

    def write(self, assessment: Assessment) -> str:
        return json.dumps(to_dict(assessment), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Renderer] = {r.name: r for r in (Markdown(), Html(), Json())}
"""Every report format by name."""
FORMATS: tuple[str, ...] = tuple(RENDERERS)


def render(assessment: Assessment, fmt: str) -> str:
    """The assessment in one of FORMATS (ValueError for another)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return renderer.write(assessment)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_dict(assessment: Assessment) -> dict[str, Any]:
    """Plain JSON data; the patient without the bookkeeping that has its own key."""
    patient = assessment.patient
    out: dict[str, Any] = {"patient": {
        "id": patient.id, "age": patient.age, "sex": patient.sex,
        "facts": [_plain(f) for f in patient.facts]}}
    for name in SECTIONS:
        out[name] = [_plain(i) for i in assessment.section(name)]
    out["not_recognised"] = [_plain(n) for n in patient.not_recognised]
    out["warnings"] = list(assessment.warnings)
    out["deadlines"] = [{"what": d.what, "sentence": d.sentence, **_plain(d.window)}
                        for d in assessment.deadlines]
    out["at"] = assessment.at.isoformat()
    out["disclaimer"] = assessment.disclaimer
    return out


# -- Markdown ----------------------------------------------------------------------------


def to_markdown(assessment: Assessment) -> str:
    p = assessment.patient
    lines = [f"# Heterotopic ossification assessment: {p.id or 'patient'}", "",
             f"> {assessment.disclaimer}", "",
             f"Assessed at {assessment.at:%Y-%m-%d %H:%M} UTC · age {_or(p.age)} · "
             f"sex {_or(p.sex)}", ""]
    if assessment.deadlines:
        lines += ["## Act now", ""] + [f"- **{d.sentence}**" for d in assessment.deadlines]
        lines.append("")
    lines += ["## Patient record as read", ""]
    lines += [f"- {f.kind}: {describe(f)} → *{f.concept.replace('_', ' ')}* "
              f"({f.how or f.matched_by})" for f in p.facts] or ["- nothing recognised"]
    empty = empty_lines(assessment)
    for name in SECTIONS:
        lines += ["", f"## {TITLES[name]}", ""]
        items = assessment.section(name)
        if not items:
            lines.append(f"_{empty[name]}_")
        shown, more = _split(items)
        for item in shown:
            lines += _md_item(item)
        if more:
            lines.append(f"- _{len(more)} more: {'; '.join(i.text for i in more)}_ "
                         "(each with its sources in `--format json` or html)")
    lines += ["", "## Not recognised", ""]
    lines += [f"- {n.kind}: {n.text}" + (f" ({', '.join(f'{c.system} {c.code}' for c in n.codes)})"
                                          if n.codes else "")
              + (f" ({n.status})" if n.status != "active" else "") for n in p.not_recognised] or [
        "_Everything in the record was recognised._"]
    if assessment.warnings:
        lines += ["", "## Warnings", ""] + [f"- {w}" for w in assessment.warnings]
    return "\n".join(lines) + "\n"


def _or(value: object) -> str:
    return "unknown" if value is None else str(value)


def _md_item(item: Item) -> list[str]:
    head = f"- **{item.text}**"
    if item.figures:
        head += f" — {'; '.join(item.figures)}"
    head += f" · belief {item.belief:.2f}"
    lines = [head]
    lines += [f"  - applies to: {m}" for m in item.matched]
    lines += [f"  - **timing:** {w.summary}" for w in item.timing if w.summary]
    lines += [f"  - note: {n}" for n in item.notes]
    lines += [f"  - source: {_md_cite(c)}" for c in item.statement.citations]
    for other in item.also:
        lines.append(f"  - also said, {_certainty(other)}: “{other.text}”")
        lines += [f"    - source: {_md_cite(c)}" for c in other.citations]
    for note in item.conflicts:
        other = note.sides[1]
        where = f" [{other.citations[0].doc} #{other.citations[0].sentence}]" \
            if other.citations else ""
        lines.append(f"  - sources disagree ({note.kind}): “{other.text}”{where}")
    return lines


def _split(items: tuple[Item, ...]) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """The items a section shows in full, and the rest, named only (rules.yaml's limit)."""
    limit = assess_rules().report_limit
    return items[:limit], items[limit:]


def _certainty(statement: Statement) -> str:
    return "with less certainty" if statement.polarity == "hedged" else statement.polarity


def _md_cite(c: Citation) -> str:
    before, span, after = (c.sentence_text[:c.span_start], c.sentence_text[c.span_start:c.span_end],
                           c.sentence_text[c.span_end:])
    title = f"{c.title} › " if c.title else ""
    level = f" ({c.level})" if c.level else ""
    return f"{title}{c.doc} #{c.sentence} [{c.start}:{c.end}]{level} “{before}**{span}**{after}”"


# -- HTML ----------------------------------------------------------------------------------


def report_context(assessment: Assessment) -> dict[str, Any]:
    """What the assessment template (osteon/templates/assessment.html) shows."""
    empty = empty_lines(assessment)
    return {"a": assessment, "limit": assess_rules().report_limit,
            "sections": [(name, TITLES[name], empty[name], assessment.section(name))
                         for name in SECTIONS]}


def to_html(assessment: Assessment) -> str:
    """A printable page standing alone: the app's report template, its styles inlined.

    Citations name their sources without linking to the app (there is none to link to).
    """
    from markupsafe import Markup

    from osteon.html import SHARED, environment

    css = Markup((SHARED / "assessment.css").read_text(encoding="utf-8"))  # our own file
    page = environment(source_links=False).get_template("assessment_file.html")
    return page.render(css=css, **report_context(assessment))


def statement_text(statement: Statement) -> str:
    """One line for a statement (used by other faces, e.g. CDS cards)."""
    figures = f" ({'; '.join(statement.figures)})" if statement.figures else ""
    return f"{statement.text}{figures}"
