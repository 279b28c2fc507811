"""Loaders per format, and the dispatch that picks one for a file.

The format is decided by content first (a PDF header, an XML or HTML
prologue) and by suffix second, so a mislabelled file still loads or fails
with the right reason.
"""

from __future__ import annotations

from pathlib import Path

from osteon.corpus.decoding import looks_binary, read_bytes
from osteon.corpus.formats.text import load_text
from osteon.corpus.records import SourceDocument
from osteon.errors import IngestError

SUPPORTED = "plain text, Markdown, wiki markup, HTML, PDF, PubMed/MEDLINE XML, JATS XML"
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
XML_SUFFIXES = {".xml", ".nxml"}
XML_HEADS = (b"<?xml", b"<!doctype pubmed", b"<!doctype article", b"<!doctype pmc-articleset",
             b"<pubmedarticleset", b"<article", b"<pmc-articleset")
"""How an XML file starts (lower-cased) when its name does not say it is XML."""


def load_file(path: Path, max_bytes: int) -> tuple[list[SourceDocument], list[IngestError]]:
    """Load one file into documents (several for PubMed sets) and per-article problems."""
    data = read_bytes(path, max_bytes)
    origin = str(path.resolve())
    suffix = path.suffix.lower()
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    # The HTML, PDF and XML loaders (bs4, lxml, pypdf: a third of a second) are imported on
    # the first such file, so commands that read no file start without them.
    if head.startswith(b"%pdf") or suffix == ".pdf":
        from osteon.corpus.formats.pdf import load_pdf

        return [load_pdf(path, data, origin)], []
    is_html = suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html"))
    if not is_html and (suffix in XML_SUFFIXES or head.startswith(XML_HEADS)):
        from osteon.corpus.formats.xml import load_xml  # lxml, on the first XML file

        return load_xml(path, data, origin)
    if looks_binary(data):
        raise IngestError(path, f"binary file, not text (osteon reads {SUPPORTED})")
    if is_html:
        from osteon.corpus.formats.html import load_html

        return [load_html(path, data, origin)], []
    return [load_text(path, data, origin)], []
