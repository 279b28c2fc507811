"""HTML pages: a real parser, scripts and styles dropped, blocks kept as blocks.

The stored text of an HTML document is its visible text, one block per line
with blank lines between; sentence offsets point into that text, which the
store keeps. Headings, list items and paragraphs come from the tags, so
layout need not guess them.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from osteon.corpus.decoding import content_hash
from osteon.corpus.records import BlockKind, Line, SourceDocument
from osteon.corpus.rules import chrome_rules
from osteon.corpus.sentences import fold_whitespace

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "blockquote", "table", "thead",
    "tbody", "tr", "td", "th", "dl", "dt", "dd", "pre", "figure", "figcaption", "ul", "ol",
    "body", "html", "address", "details", "summary", "caption", "hr", "center",
}


def load_html(path: Path, data: bytes, origin: str) -> SourceDocument:
    """Parse an HTML page into visible text blocks with their kinds."""
    soup = BeautifulSoup(_without_internal_subset(data), "lxml")
    for name in chrome_rules().html_drop_tags:
        for tag in soup.find_all(name):
            tag.decompose()
    collector = _Collector()
    collector.walk(soup)
    collector.flush()
    text_parts: list[str] = []
    lines: list[Line] = []
    offset = 0
    for kind, level, block_text in collector.blocks:
        lines.append(Line(offset, offset + len(block_text), kind, level))
        text_parts.append(block_text)
        offset += len(block_text) + 2
    title = _title(soup, collector.blocks)
    notes = []
    encoding = getattr(soup, "original_encoding", None)
    if encoding and encoding.lower() not in {"utf-8", "ascii", "us-ascii"}:
        notes.append(f"decoded as {encoding} (declared or detected)")
    return SourceDocument(
        text="\n\n".join(text_parts),
        format="html",
        origin=origin,
        content_hash=content_hash(data),
        id_hint=path.stem,
        title=title,
        lines=tuple(lines),
        notes=tuple(notes),
    )


_DOCTYPE_SUBSET = re.compile(rb"(<!DOCTYPE\s+[^\s\[>]+[^\[>]*)\[(.*?)\]\s*>",
                             re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(rb"<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:\"([^\"]*)\"|'([^']*)')\s*>")


def _without_internal_subset(data: bytes) -> bytes:
    """XHTML's `<!DOCTYPE html [ ... ]>` as a plain `<!DOCTYPE html>`, its entities expanded.

    lxml's HTML parser knows no internal subset: it ends the DOCTYPE at the first
    `>`, and the rest of the subset (`]>`, entity declarations) would become page
    text. The subset's simple general entities (`<!ENTITY name "value">`) are
    replaced once where the page uses them, never recursively, so a nest of
    entities cannot blow up.
    """
    found = _DOCTYPE_SUBSET.search(data)
    if found is None:
        return data
    rest = data[found.end():]
    entities = {m[1]: m[2] if m[2] is not None else m[3] for m in _ENTITY.finditer(found[2])}
    if entities:
        rest = re.sub(rb"&([A-Za-z_][\w.-]*);",
                      lambda m: entities.get(m[1], m[0]), rest)
    return data[:found.start()] + found[1].rstrip() + b">" + rest


def _title(soup: BeautifulSoup, blocks: list[tuple[BlockKind, int, str]]) -> str | None:
    first_h1 = next((t for kind, level, t in blocks if kind == "heading" and level == 1), None)
    if first_h1:
        return first_h1
    if soup.title and soup.title.get_text(strip=True):
        return fold_whitespace(soup.title.get_text(" "))
    return None


class _Collector:
    """Walks the DOM, gathering inline text into blocks at block-level tags."""

    def __init__(self) -> None:
        self.blocks: list[tuple[BlockKind, int, str]] = []
        self._buffer: list[str] = []
        self._in_item = 0

    def flush(self) -> None:
        text = fold_whitespace("".join(self._buffer))
        self._buffer.clear()
        if text:
            self.blocks.append(("list_item" if self._in_item else "paragraph", 0, text))

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    self._buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _HEADINGS:
                self.flush()
                text = fold_whitespace(child.get_text(" "))
                if text:
                    self.blocks.append(("heading", _HEADINGS[name], text))
            elif name == "li":
                self.flush()
                self._in_item += 1
                self.walk(child)
                self.flush()
                self._in_item -= 1
            elif name == "br":
                self.flush()
            elif name in _BLOCKS:
                self.flush()
                self.walk(child)
                self.flush()
            elif name in {"title", "head", "meta", "link"}:
                continue
            else:
                self.walk(child)
