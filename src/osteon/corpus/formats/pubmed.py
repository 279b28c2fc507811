"""PubMed / MEDLINE XML: one document per article, PMID kept.

Each article's stored text is its title, then each abstract part (with its
label as a heading when the abstract is structured). Its meta keeps PMID, journal,
year, DOI, MEDLINE publication types and MeSH descriptors (lists joined by
`META_SEPARATOR`), which later stages read evidence levels and topics from. The parser resolves no
entities and fetches nothing, so hostile XML cannot reach the network or disk.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from lxml import etree

from osteon.corpus.records import BlockKind, Line, SourceDocument
from osteon.corpus.sentences import fold_whitespace
from osteon.errors import IngestError

META_SEPARATOR = "; "
"""Between the items of a list kept in a document's meta (publication types, MeSH)."""
ROOTS = {"PubmedArticleSet", "PubmedArticle", "MedlineCitationSet", "MedlineCitation"}


def is_pubmed_root(tag: str) -> bool:
    """Tell whether an XML root element is one of PubMed's or MEDLINE's."""
    return tag in ROOTS


def load_pubmed(path: Path, data: bytes, origin: str) -> tuple[list[SourceDocument],
                                                                list[IngestError]]:
    """Parse every article; an article without text is reported, the rest still load."""
    return load_pubmed_root(path, parse_xml(path, data), origin)


def load_pubmed_root(path: Path, root: etree._Element, origin: str
                     ) -> tuple[list[SourceDocument], list[IngestError]]:
    """Load the articles under an already parsed PubMed/MEDLINE root."""
    if root.tag not in ROOTS:
        raise IngestError(path, f"XML root <{root.tag}> is not PubMed/MEDLINE "
                                f"(expected one of {', '.join(sorted(ROOTS))})")
    citations = [root] if root.tag == "MedlineCitation" else list(root.iter("MedlineCitation"))
    documents: list[SourceDocument] = []
    problems: list[IngestError] = []
    for citation in citations:
        pmid = (citation.findtext("PMID") or "").strip()
        if not pmid:
            problems.append(IngestError(path, "an article without a PMID was skipped"))
            continue
        try:
            documents.append(article_source(citation, pmid, f"{origin}#pmid={pmid}"))
        except IngestError as exc:
            problems.append(IngestError(f"{path}#pmid={pmid}", exc.reason))
    if not citations:
        raise IngestError(path, "PubMed XML without any article")
    return documents, problems


def parse_xml(path: Path, data: bytes) -> etree._Element:
    """Parse XML safely, turning syntax errors into a one-line message with the line number."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        message = " ".join(str(exc.msg).split())
        if "line" not in message:
            message += f" (line {exc.lineno})"
        raise IngestError(path, f"malformed XML: {message}") from exc


def article_source(citation: etree._Element, pmid: str, origin: str) -> SourceDocument:
    """One MedlineCitation as a document whose origin is `origin`; IngestError if it has no text."""
    article = citation.find("Article")
    title = _text(article.find("ArticleTitle")) if article is not None else ""
    parts: list[tuple[BlockKind, int, str]] = []
    if title:
        parts.append(("heading", 1, title))
    abstract_nodes = citation.findall(".//Abstract/AbstractText")
    for node in abstract_nodes:
        label = (node.get("Label") or "").strip()
        body = _text(node)
        if label and body:
            parts.append(("heading", 2, label.capitalize() if label.isupper() else label))
        if body:
            parts.append(("paragraph", 0, body))
    if not any(kind == "paragraph" for kind, _, _ in parts):
        raise IngestError(origin, "article has no abstract text")
    lines, chunks, offset = [], [], 0
    for kind, level, text in parts:
        lines.append(Line(offset, offset + len(text), kind, level))
        chunks.append(text)
        offset += len(text) + 2
    meta = {"pmid": pmid}
    journal = citation.findtext(".//Journal/Title")
    doi = citation.findtext(".//ELocationID[@EIdType='doi']")
    for key, value in (("journal", journal), ("year", _year(citation)), ("doi", doi),
                       ("publication_types", _joined(citation, ".//PublicationType")),
                       ("mesh", _joined(citation, ".//MeshHeading/DescriptorName"))):
        if value and value.strip():
            meta[key] = value.strip()
    serialised = etree.tostring(citation, encoding="utf-8")
    return SourceDocument(
        text="\n\n".join(chunks),
        format="pubmed",
        origin=origin,
        content_hash=hashlib.sha256(serialised).hexdigest(),
        id_hint=f"pmid-{pmid}",
        title=title or f"PMID {pmid}",
        kind="abstract",
        lines=tuple(lines),
        meta=meta,
    )


def _year(citation: etree._Element) -> str | None:
    """The publication year: PubDate's Year, else the first year of a MedlineDate."""
    year = citation.findtext(".//JournalIssue/PubDate/Year")
    if year and year.strip():
        return year
    medline = citation.findtext(".//JournalIssue/PubDate/MedlineDate") or ""
    found = re.search(r"\b(1[89]|20)\d\d\b", medline)
    return found.group(0) if found else None


def _joined(citation: etree._Element, path: str) -> str:
    """The texts of every element at `path`, in document order, joined by META_SEPARATOR.

    How a list travels in a document's meta (a str -> str map): publication types
    ("Randomized Controlled Trial; Comparative Study") and MeSH descriptors, which
    later stages split on the separator (it never occurs inside a MEDLINE term).
    """
    found = (_text(node) for node in citation.iterfind(path))
    return META_SEPARATOR.join(dict.fromkeys(text for text in found if text))


def _text(node: etree._Element | None) -> str:
    return fold_whitespace("".join(node.itertext())) if node is not None else ""
