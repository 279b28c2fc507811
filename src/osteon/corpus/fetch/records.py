"""Parsing efetch answers into documents, one record at a time.

A batch whose XML is broken (a record with a stray byte, a body cut short
after every retry) is split into its records and each is parsed on its own, so
one bad record is reported and the rest still go in. A record the batch was
asked for but does not hold is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lxml import etree

from osteon.corpus.formats import jats
from osteon.corpus.formats.pubmed import article_source, parse_xml
from osteon.corpus.records import SourceDocument
from osteon.errors import IngestError

PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{uid}/"
PMC_URL = "https://pmc.ncbi.nlm.nih.gov/articles/{uid}/"
"""A fetched record's origin: the page a reader can open to check it."""


@dataclass(slots=True)
class Batch:
    """The documents parsed from one efetch answer and the records that failed, by id."""

    documents: list[tuple[str, SourceDocument]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RecordFormat:
    """How one database's efetch XML is cut into records and each record read."""

    closing: bytes
    """The tag a complete answer ends with."""
    record: re.Pattern[bytes]
    """One whole record, for parsing records one by one when the batch does not parse."""
    uid: re.Pattern[bytes]
    """The record's id inside its raw XML, to name a record that does not parse."""
    records: Callable[[etree._Element], list[etree._Element]]
    read: Callable[[etree._Element], tuple[str, SourceDocument]]
    """A record element → (its id, its document); IngestError when it holds no text."""
    normalise: Callable[[str], str] = str


def _pubmed_read(element: etree._Element) -> tuple[str, SourceDocument]:
    if element.tag == "PubmedBookArticle":
        raise IngestError("pubmed", "a book chapter (PubmedBookArticle), not a journal article")
    citation = element if element.tag == "MedlineCitation" else element.find("MedlineCitation")
    pmid = (citation.findtext("PMID") if citation is not None else None) or ""
    pmid = pmid.strip()
    if citation is None or not pmid:
        raise IngestError("pubmed", "a record without a PMID")
    return pmid, article_source(citation, pmid, PUBMED_URL.format(uid=pmid))


def _pubmed_records(root: etree._Element) -> list[etree._Element]:
    return [e for e in root if e.tag in ("PubmedArticle", "PubmedBookArticle")]


def _pmc_read(element: etree._Element) -> tuple[str, SourceDocument]:
    pmcid = jats.article_ids(element).get("pmcid", "")
    if not pmcid:
        raise IngestError("pmc", "an article without a PMCID")
    return pmcid, jats.article_source(element, PMC_URL.format(uid=pmcid), id_hint=pmcid.lower())


def _pmc_records(root: etree._Element) -> list[etree._Element]:
    if jats.is_jats_root(root.tag) and root.tag.rsplit("}", 1)[-1] == "article":
        return [root]
    return [e for e in root if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1] == "article"]


def pmc_uid(uid: str) -> str:
    """A PMC id as the store keeps it: with its PMC prefix."""
    uid = uid.strip()
    return uid if uid.upper().startswith("PMC") else f"PMC{uid}"


PUBMED = RecordFormat(
    closing=b"</PubmedArticleSet>",
    record=re.compile(rb"<(PubmedArticle|PubmedBookArticle)[\s>].*?</\1>", re.S),
    uid=re.compile(rb"<PMID[^>]*>\s*(\d+)\s*</PMID>"),
    records=_pubmed_records, read=_pubmed_read)
PMC = RecordFormat(
    closing=b"</pmc-articleset>",
    record=re.compile(rb"<article[\s>].*?</article>", re.S),
    uid=re.compile(rb'<article-id pub-id-type="pmc(?:id)?"[^>]*>\s*(?:PMC)?(\d+)\s*<'),
    records=_pmc_records, read=_pmc_read, normalise=pmc_uid)


def parse_batch(body: bytes, wanted: Sequence[str], fmt: RecordFormat) -> Batch:
    """The wanted records of one efetch answer as documents; each failure named by its id."""
    wanted_set = set(wanted)
    batch = Batch()
    try:
        elements = fmt.records(parse_xml("efetch", body))
    except IngestError:
        elements = None
    if elements is None:  # broken XML: each record on its own
        elements = []
        for match in fmt.record.finditer(body):
            try:
                elements.append(parse_xml("efetch", match.group(0)))
            except IngestError as exc:
                found = fmt.uid.search(match.group(0))
                uid = fmt.normalise(found.group(1).decode()) if found else "?"
                batch.problems.append((uid, f"malformed record: {exc.reason}"))
    for element in elements:
        try:
            uid, source = fmt.read(element)
        except IngestError as exc:
            raw = etree.tostring(element)
            found = fmt.uid.search(raw)
            uid = fmt.normalise(found.group(1).decode()) if found else "?"
            batch.problems.append((uid, exc.reason))
            continue
        if uid in wanted_set:
            batch.documents.append((uid, source))
    seen = {uid for uid, _ in batch.documents} | {uid for uid, _ in batch.problems}
    batch.problems.extend((uid, "not in NCBI's answer (asked for, not sent)")
                          for uid in wanted if uid not in seen)
    batch.problems = [(uid, message) for uid, message in batch.problems
                      if uid in wanted_set or uid == "?"]
    return batch
