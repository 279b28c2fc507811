"""The document formats osteon reads: one registry, and the dispatch that picks one for a file.

Each format is one module with a loader function, and one `DocumentFormat` entry in
`FORMATS` saying how a file of that format is recognised: by content first (a PDF
header, an XML or HTML prologue) and by suffix second, so a mislabelled file still
loads or fails with the right reason. The entries are tried in order; the first that
claims a file loads it. A new format is its module plus its entry here; the suffixes
the web upload accepts come from the same entries (`upload_types`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path

from osteon.corpus.decoding import looks_binary, read_bytes
from osteon.corpus.formats.text import MARKDOWN_SUFFIXES, WIKI_SUFFIXES
from osteon.corpus.records import SourceDocument
from osteon.errors import IngestError

Loaded = tuple[list[SourceDocument], list[IngestError]]
"""What loading one file gives: its documents (several for a PubMed set) and per-article
problems."""


@dataclass(frozen=True, slots=True)
class DocumentFormat:
    """One input format: how its files are recognised and the function that loads them.

    The loader is named as "module:function" and imported on the first file of the
    format: the HTML, PDF and XML parsers (bs4, pypdf, lxml: a third of a second) stay
    unloaded for commands that read no such file.
    """

    name: str
    """As a person reads it in messages and on the upload form."""
    suffixes: frozenset[str]
    loader: str
    """`module:function`, called as function(path, data, origin)."""
    heads: tuple[bytes, ...] = ()
    """How a file of this format starts (lower-cased), whatever its name."""
    binary: bool = False
    """The loader reads bytes itself; otherwise a binary file is refused before it."""
    many: bool = False
    """The loader returns (documents, problems); otherwise one document."""
    fallback: bool = False
    """Takes any file no format before it claimed (plain text)."""

    def claims(self, suffix: str, head: bytes) -> bool:
        """Whether a file with this suffix and this (lower-cased) start is of this format."""
        return (self.fallback or suffix in self.suffixes
                or bool(self.heads) and head.startswith(self.heads))

    def load(self, path: Path, data: bytes, origin: str) -> Loaded:
        """The file's documents, by this format's loader."""
        loaded = _function(self.loader)(path, data, origin)
        return loaded if self.many else ([loaded], [])


_HTML_HEADS = (b"<!doctype html", b"<html")

FORMATS: tuple[DocumentFormat, ...] = (
    DocumentFormat("PDF", frozenset({".pdf"}), "osteon.corpus.formats.pdf:load_pdf",
                   heads=(b"%pdf",), binary=True),
    DocumentFormat("HTML", frozenset({".html", ".htm", ".xhtml"}),
                   "osteon.corpus.formats.html:load_html", heads=_HTML_HEADS),
    DocumentFormat("PubMed/MEDLINE or JATS XML", frozenset({".xml", ".nxml"}),
                   "osteon.corpus.formats.xml:load_xml", binary=True, many=True,
                   heads=(b"<?xml", b"<!doctype pubmed", b"<!doctype article",
                          b"<!doctype pmc-articleset", b"<pubmedarticleset", b"<article",
                          b"<pmc-articleset")),
    DocumentFormat("Markdown", frozenset(MARKDOWN_SUFFIXES),
                   "osteon.corpus.formats.text:load_text"),
    DocumentFormat("wiki markup", frozenset(WIKI_SUFFIXES),
                   "osteon.corpus.formats.text:load_text"),
    DocumentFormat("plain text", frozenset({".txt", ".text"}),
                   "osteon.corpus.formats.text:load_text", fallback=True),
)
"""Every format osteon reads, in the order they are tried."""

SUPPORTED = ", ".join(f.name for f in FORMATS)


def upload_types() -> dict[str, str]:
    """Suffix → format name for every suffix a format names (what an upload may be)."""
    return {suffix: f.name for f in FORMATS for suffix in sorted(f.suffixes)}


def format_of(path: Path, data: bytes) -> DocumentFormat:
    """The format that claims the file (the fallback, plain text, when none other does)."""
    suffix = path.suffix.lower()
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return next(f for f in FORMATS if f.claims(suffix, head))


def load_file(path: Path, max_bytes: int) -> Loaded:
    """Load one file into documents (several for PubMed sets) and per-article problems."""
    data = read_bytes(path, max_bytes)
    fmt = format_of(path, data)
    if not fmt.binary and looks_binary(data):
        raise IngestError(path, f"binary file, not text (osteon reads {SUPPORTED})")
    return fmt.load(path, data, str(path.resolve()))


@cache
def _function(name: str) -> Callable[[Path, bytes, str], object]:
    module, _, function = name.partition(":")
    return getattr(import_module(module), function)
