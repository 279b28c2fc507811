"""Builders for input files of every format, made at test time (no binary fixtures)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from osteon import KnowledgeBase
from osteon.ask.evidence import Ranked, rank_evidence
from osteon.ask.understand import question_rules, understand
from osteon.corpus.ingest import ingest_paths
from osteon.knowledge.claim_store import load_claims
from osteon.knowledge.read_pass import read_store
from osteon.knowledge.store import KnowledgeStore
from osteon.reading.records import Claim


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """Build a minimal valid PDF whose pages show the given lines in Helvetica."""
    objects: list[bytes] = []
    n_pages = len(pages)
    page_ids = [4 + 2 * i for i in range(n_pages)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        content_id = page_ids[i] + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    info_id = None
    if title:
        objects.append(f"<< /Title ({title}) >>".encode("latin-1"))
        info_id = len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R"
    if info_id:
        trailer += f" /Info {info_id} 0 R"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


PUBMED_XML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">
<PubmedArticleSet>
  <PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
      <PMID Version="1">31000001</PMID>
      <Article PubModel="Print">
        <Journal><Title>Journal of Bone Research</Title>
          <JournalIssue><PubDate><Year>2019</Year></PubDate></JournalIssue></Journal>
        <ArticleTitle>Radiation prophylaxis of <i>heterotopic</i> ossification after hip arthroplasty.</ArticleTitle>
        <ELocationID EIdType="doi" ValidYN="Y">10.1000/jbr.2019.1</ELocationID>
        <Abstract>
          <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Heterotopic ossification follows total hip arthroplasty in many patients. Prophylaxis is debated.</AbstractText>
          <AbstractText Label="RESULTS" NlmCategory="RESULTS">A single fraction of 7 Gy reduced ossification. Indomethacin was less effective.</AbstractText>
        </Abstract>
        <PublicationTypeList>
          <PublicationType UI="D016449">Randomized Controlled Trial</PublicationType>
          <PublicationType UI="D003160">Comparative Study</PublicationType>
        </PublicationTypeList>
      </Article>
      <MeshHeadingList>
        <MeshHeading><DescriptorName UI="D009999" MajorTopicYN="Y">Ossification, Heterotopic</DescriptorName></MeshHeading>
        <MeshHeading><DescriptorName UI="D019644" MajorTopicYN="N">Arthroplasty, Replacement, Hip</DescriptorName></MeshHeading>
      </MeshHeadingList>
    </MedlineCitation>
  </PubmedArticle>
  <PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
      <PMID Version="1">31000002</PMID>
      <Article PubModel="Print">
        <ArticleTitle>Neurogenic heterotopic ossification in spinal cord injury.</ArticleTitle>
        <Abstract>
          <AbstractText>Neurogenic heterotopic ossification develops around the hips. Onset is 3-12 weeks after injury.</AbstractText>
        </Abstract>
      </Article>
    </MedlineCitation>
  </PubmedArticle>
  <PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
      <PMID Version="1">31000003</PMID>
      <Article PubModel="Print">
        <ArticleTitle>A title without any abstract.</ArticleTitle>
      </Article>
    </MedlineCitation>
  </PubmedArticle>
</PubmedArticleSet>
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>Heterotopic ossification | Example Clinic</title>
  <style>body { color: red; } .secret { display: none }</style>
  <script>var tracking = "Back To Top"; function f() { return 1 < 2; }</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/about">About us</a></nav>
  <h1>Heterotopic ossification</h1>
  <p>Heterotopic ossification is bone in soft tissue.
     It often follows <b>hip</b> replacement &amp; spinal cord injury.</p>
  <h2>Symptoms</h2>
  <ul>
    <li>Swelling and pain</li>
    <li>Reduced range of motion. Stiffness may follow.</li>
  </ul>
  <h2>Treatment</h2>
  <p>Radiation therapy is given within 24&ndash;48 hours of surgery.</p>
  <p>Share this</p>
  <footer>Copyright 2024 Example Clinic. All rights reserved.</footer>
  <!-- a comment that must not appear -->
</body>
</html>
"""


@contextmanager
def store_of_pages(tmp_path: Path, pages: dict[str, str]) -> Iterator[KnowledgeBase]:
    """A store of these pages only (file name → text), open while the block runs."""
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    with KnowledgeBase.open(tmp_path / "store" / "osteon.sqlite", default_corpus=False) as kb:
        kb.ingest([folder])
        yield kb


def laid_out(tmp_path: Path, store: Any, text: str) -> tuple[list[str], list[str]]:
    """Ingest the text as one page of the store: its sentences' texts and its headings."""
    path = tmp_path / "page.txt"
    path.write_text(text)
    report = ingest_paths(store, [path], max_bytes=10**6)
    (doc,) = [store.get(i) for i in report.changed_ids]
    return [s.text for s in doc.sentences], [s.heading for s in doc.sections if s.heading]


def ranked_evidence(knowledge: KnowledgeStore, text: str) -> list[Ranked]:
    """The question's ranked evidence, as ask ranks it."""
    question = understand(text, knowledge.lexicon)
    qtypes = [t for t in (question_rules().type_named(n) for n in question.intents) if t]
    return rank_evidence(knowledge, question, qtypes)


def read_claims(store: Any, tmp_path: Path, text: str, name: str = "note.txt") -> list[Claim]:
    """Ingest the text as one file of the store and read it: the claims read from it."""
    path = tmp_path / name
    path.write_text(text)
    ingest_paths(store, [path], max_bytes=10**6)
    read_store(store)
    return load_claims(store, doc_id=path.stem)


def triples(claims: list[Claim], predicate: str) -> set[tuple[str, str]]:
    """(subject, object) of the claims with this predicate."""
    return {(c.subject, c.object) for c in claims if c.predicate == predicate}
