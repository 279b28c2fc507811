"""A FHIR narrative (the XHTML `div` of a Composition section) as plain text to read.

A document bundle's notes live in its Composition's sections: "Examination", "Assessment",
"Plan", each an XHTML `div`. Reading them as notes needs their words with the breaks a
reader sees: a paragraph, a line break, a list item or a table row ends a line, so that
"Plan" items stay one clause each and a heading line still opens its section.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                     "table", "ul", "ol", "dt", "dd", "pre", "blockquote"})
"""Tags that begin or end a line of their own."""
_CELLS = frozenset({"td", "th"})
"""Table cells: kept on their row's line, apart from each other."""


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in _CELLS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in _CELLS:
            self.parts.append(" ; ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def narrative_text(xhtml: str) -> str:
    """The text of an XHTML narrative, one line per paragraph, item or row.

    A blank line stands between them: each is a line of its own, never a sentence wrapped
    onto the next.
    """
    parser = _TextOf()
    parser.feed(xhtml)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n\n".join(line for line in lines if line)
