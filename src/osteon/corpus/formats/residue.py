"""Markup a scraper left in a plain-text page, taken out before the page is read.

A page saved as text may still hold a record served as JSON whose abstract is HTML
(`residue.yaml` says what counts). Read as it stands, a "sentence" runs from one paragraph
into the next across "</p><p><strong>Case summary: </strong>", and quotes carry tags. Such
a text is read without them: block tags end a paragraph, inline tags go, entities are
decoded, and each field of a JSON record stands on its own line as "field: value". Text
without such markup is left exactly as it is.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache

from osteon.corpus.rules import residue_rules


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Block tags, inline tags and a JSON record's line, compiled once."""
    rules = residue_rules()

    def of(names: list[str]) -> re.Pattern[str]:
        return re.compile(r"</?(?:" + "|".join(map(re.escape, names)) + r")\b[^<>]{0,200}/?>",
                          re.IGNORECASE)

    return of(rules.block_tags), of(rules.inline_tags), re.compile(rules.json_line)


def without_residue(text: str) -> tuple[str, str | None]:
    """The text without scraped markup, and a note saying what went (None: none held)."""
    block, inline, json_line = _patterns()
    rules = residue_rules()
    tags = len(block.findall(text)) + len(inline.findall(text))
    lines = text.splitlines()
    is_record = [json_line.match(line) is not None for line in lines]
    records = sum(is_record)
    if tags < rules.min_tags and not records:
        return text, None
    if records:
        text = "\n".join(_fields(line) if record else line
                         for line, record in zip(lines, is_record, strict=True))
    if tags >= rules.min_tags:
        text = inline.sub("", block.sub("\n", text))
        text = html.unescape(re.sub(r"[ \t]*\n[ \t]*\n\s*", "\n\n", text))
    what = [f"{tags} HTML tags"] if tags >= rules.min_tags else []
    what += [f"{records} JSON record{'s' if records > 1 else ''} as lines"] if records else []
    return text, f"scraped markup taken out: {', '.join(what)}"


def _words(name: str) -> str:
    """A field's name as words: "publicationDate" → "publication date"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", name).lower()


def _fields(line: str) -> str:
    """A JSON record's fields, one "field: value" paragraph each.

    Its publication record and what says something: nulls, ids, counts, links and flags
    say nothing.
    """
    rules, lines = residue_rules(), []
    for found in re.finditer(rules.json_field, line):
        value = found.group("number")
        if value is None:
            try:
                value = json.loads(f'"{found.group("text")}"')
            except json.JSONDecodeError:
                value = found.group("text")
        label = " ".join(_words(n) for n in (found.group("parent"), found.group("name")) if n)
        if value.strip() and (re.fullmatch(rules.json_record_fields, label)
                              or len(value.split()) >= rules.json_min_words):
            lines.append(f"{label}: {value.strip()}")
    return "\n\n".join(lines) if lines else line  # each its own paragraph: never run on
