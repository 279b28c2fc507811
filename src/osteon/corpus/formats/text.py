"""Plain text, Markdown and wiki markup: the text is the file, character for character.

A plain page a scraper left markup in is read without it (`residue.py`).
"""

from __future__ import annotations

import re
from pathlib import Path

from osteon.corpus.decoding import content_hash, decode_text
from osteon.corpus.formats.residue import without_residue
from osteon.corpus.records import SourceDocument

_WIKI_HEADING = re.compile(r"^(==+)[ \t]*[^=\n]+?[ \t]*\1[ \t]*$|^=[ \t]*[^=\n]+?[ \t]*=[ \t]*$",
                           re.MULTILINE)
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
WIKI_SUFFIXES = {".wiki", ".mediawiki", ".wikitext"}


def load_text(path: Path, data: bytes, origin: str) -> SourceDocument:
    """Decode a text file and decide its markup from its suffix or its headings."""
    text, note = decode_text(data, path)
    markup = detect_markup(path.suffix.lower(), text)
    if markup == "plain":
        text, cleaned = without_residue(text)
    else:
        cleaned = None
    return SourceDocument(
        text=text,
        format={"plain": "text"}.get(markup, markup),
        origin=origin,
        content_hash=content_hash(data),
        id_hint=path.stem,
        markup=markup,  # type: ignore[arg-type]
        notes=tuple(n for n in (note, cleaned) if n),
    )


def detect_markup(suffix: str, text: str) -> str:
    """Markdown or wiki by suffix; otherwise wiki when `== Section ==` lines appear."""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in WIKI_SUFFIXES or len(_WIKI_HEADING.findall(text)) >= 1 and re.search(
        r"^==[^=]", text, re.MULTILINE
    ):
        return "wiki"
    if suffix not in {".txt", ".text"} and len(_MD_HEADING.findall(text)) >= 2:
        return "markdown"
    return "plain"
