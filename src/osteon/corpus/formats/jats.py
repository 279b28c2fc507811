"""JATS XML (PubMed Central's full-text articles): sections, paragraphs, captions.

The stored text is the title, the abstract, then the body's sections (their
titles as headings, nested as the article nests them) and paragraphs, with each
figure's and table's label as a heading and its caption as text under it.
Table cells, formulas and the reference list are not text to read claims from:
the references are kept apart, in the document's meta (`references`, one per
line), so a cited paper's title is never read as the article's own statement.

An article without a body (PMC serves only the front matter of articles whose
full text is not open) is refused whole: nothing of it is stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from osteon.corpus.formats.pubmed import META_SEPARATOR, parse_xml
from osteon.corpus.records import BlockKind, Line, SourceDocument
from osteon.corpus.sentences import fold_whitespace
from osteon.errors import IngestError

ROOTS = {"article", "pmc-articleset"}
SKIPPED_IN_TEXT = {"fig", "table-wrap", "disp-formula", "table", "fig-group",
                   "supplementary-material", "disp-quote", "list", "boxed-text"}
"""Elements inside a paragraph that are not its running text (captions go in on their own)."""
FLOATS = {"fig": "Figure", "table-wrap": "Table"}
"""Floats whose captions are kept, and the heading a float without a label gets."""
NO_BODY = ("the JATS article has no body (front matter only, as PMC serves articles whose "
           "full text is not open access): nothing of it was stored")

Part = tuple[BlockKind, int, str]


def is_jats_root(tag: str) -> bool:
    """Tell whether an XML root element is a JATS article or a PMC article set."""
    return _local(tag) in ROOTS


def load_jats(path: Path, data: bytes, origin: str) -> tuple[list[SourceDocument],
                                                              list[IngestError]]:
    """Parse a JATS file: one article, or a PMC set of several (each reported on its own)."""
    return load_jats_root(path, parse_xml(path, data), origin)


def load_jats_root(path: Path, root: etree._Element, origin: str
                   ) -> tuple[list[SourceDocument], list[IngestError]]:
    """Load the article, or each article of a PMC set, under an already parsed root."""
    if _local(root.tag) == "article":
        pmcid = article_ids(root).get("pmcid")
        return [article_source(root, origin, id_hint=pmcid.lower() if pmcid else path.stem)], []
    articles = [a for a in root if isinstance(a.tag, str) and _local(a.tag) == "article"]
    if not articles:
        raise IngestError(path, "PMC article set without any article")
    documents, problems = [], []
    for n, article in enumerate(articles, start=1):
        pmcid = article_ids(article).get("pmcid") or f"article-{n}"
        try:
            documents.append(article_source(article, f"{origin}#{pmcid}",
                                            id_hint=pmcid.lower()))
        except IngestError as exc:
            problems.append(IngestError(f"{path}#{pmcid}", exc.reason))
    return documents, problems


def article_ids(article: etree._Element) -> dict[str, str]:
    """The article's ids by kind: pmcid (with its PMC prefix), pmid, doi."""
    ids: dict[str, str] = {}
    meta = _child(_child(article, "front"), "article-meta")
    for node in _children(meta, "article-id"):
        kind, value = node.get("pub-id-type", ""), _text(node)
        if not value:
            continue
        if kind in ("pmc", "pmcid", "pmcaid"):
            ids.setdefault("pmcid", value if value.upper().startswith("PMC") else f"PMC{value}")
        elif kind in ("pmid", "doi"):
            ids.setdefault(kind, value)
    return ids


def article_source(article: etree._Element, origin: str, *, id_hint: str) -> SourceDocument:
    """One JATS <article> as a document; IngestError when it has no body text."""
    front = _child(article, "front")
    meta_node = _child(front, "article-meta")
    body = _child(article, "body")
    if body is None:
        raise IngestError(origin, NO_BODY)
    title = _text(_child(_child(meta_node, "title-group"), "article-title"))
    parts: list[Part] = [("heading", 1, title)] if title else []
    abstract = next((a for a in _children(meta_node, "abstract")
                     if not a.get("abstract-type")), None)
    if abstract is not None:
        parts.append(("heading", 2, "Abstract"))
        parts.extend(_container(abstract, 3))
    body_parts = list(_container(body, 2))
    if not any(kind == "paragraph" for kind, _, _ in body_parts):
        raise IngestError(origin, NO_BODY.replace("has no body", "has an empty body"))
    parts.extend(body_parts)
    text, lines = _assemble(parts)
    meta = dict(article_ids(article))
    journal = _text(next(iter(front.iter("journal-title")), None)) if front is not None else ""
    year = next((_text(y) for d in _children(meta_node, "pub-date") for y in _children(d, "year")
                 if _text(y)), "")
    subjects = [] if meta_node is None else [_text(s) for s in meta_node.iter("subject")]
    for key, value in (("journal", journal), ("year", year),
                       ("article_type", article.get("article-type", "")),
                       ("subjects", META_SEPARATOR.join(s for s in subjects if s))):
        if value:
            meta[key] = value
    references = [_text(r) for r in article.iter("ref")]
    if references := [r for r in references if r]:
        meta["references"] = "\n".join(references)
        meta["reference_count"] = str(len(references))
    serialised = etree.tostring(article, encoding="utf-8")
    return SourceDocument(
        text=text, format="jats", origin=origin,
        content_hash=hashlib.sha256(serialised).hexdigest(),
        id_hint=id_hint, title=title or id_hint, kind="article", lines=lines, meta=meta)


def _container(node: etree._Element, level: int) -> Iterator[Part]:
    """The blocks of a body, abstract or section: its paragraphs, floats and subsections."""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        tag = _local(child.tag)
        if tag == "sec":
            heading = _text(_child(child, "title"))
            if heading:
                yield ("heading", level, heading)
            yield from _container(child, level + 1 if heading else level)
        elif tag == "p":
            yield from _paragraph(child, level)
        elif tag in FLOATS:
            yield from _float(child, level)
        elif tag == "list":
            yield from _list_items(child)
        elif tag not in ("title", "label", "ref-list") and tag not in SKIPPED_IN_TEXT:
            yield from _container(child, level)


def _paragraph(p: etree._Element, level: int) -> Iterator[Part]:
    """A paragraph's running text, then the floats and lists set inside it."""
    text = fold_whitespace(_running_text(p))
    if text:
        yield ("paragraph", 0, text)
    for child in p:
        if isinstance(child.tag, str) and _local(child.tag) in FLOATS:
            yield from _float(child, level)
        elif isinstance(child.tag, str) and _local(child.tag) == "list":
            yield from _list_items(child)


def _list_items(node: etree._Element) -> Iterator[Part]:
    for item in node.iter("list-item"):
        if text := _text(item):
            yield ("list_item", 0, text)


def _float(node: etree._Element, level: int) -> Iterator[Part]:
    """A figure or table: its label as a heading, its caption's title and paragraphs as text."""
    caption = _child(node, "caption")
    if caption is None:
        return
    label = _text(_child(node, "label")) or FLOATS[_local(node.tag)]
    yield ("heading", level, label)
    title = _text(_child(caption, "title"))
    if title:
        yield ("paragraph", 0, title)
    for p in _children(caption, "p"):
        if text := _text(p):
            yield ("paragraph", 0, text)


def _running_text(node: etree._Element) -> str:
    """The node's text without the elements in SKIPPED_IN_TEXT (their tails are kept)."""
    pieces = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str) and _local(child.tag) not in SKIPPED_IN_TEXT:
            pieces.append(_running_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _assemble(parts: list[Part]) -> tuple[str, tuple[Line, ...]]:
    lines, chunks, offset = [], [], 0
    for kind, level, text in parts:
        lines.append(Line(offset, offset + len(text), kind, level))
        chunks.append(text)
        offset += len(text) + 2
    return "\n\n".join(chunks), tuple(lines)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(node: etree._Element | None, name: str) -> etree._Element | None:
    return next(_children(node, name), None)


def _children(node: etree._Element | None, name: str) -> Iterator[etree._Element]:
    if node is None:
        return iter(())
    return (c for c in node if isinstance(c.tag, str) and _local(c.tag) == name)


def _text(node: etree._Element | None) -> str:
    return fold_whitespace("".join(node.itertext())) if node is not None else ""
