"""Typed records that the corpus stage hands on.

A loader turns a file into `SourceDocument`s (text plus any structure the
format states outright); segmentation turns each into a `Document` with its
`Section`s and `Sentence`s, every one carrying character offsets into
`Document.text`, which is the text the user can check them against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item"]
SentenceKind = Literal["text", "list_item"]


@dataclass(frozen=True, slots=True)
class Line:
    """A line of source text, or a block a structured format already delimits.

    `kind` is None for raw text lines, whose role layout infers; loaders of
    structured formats (HTML, PubMed) set it, and `level` for headings.
    """

    start: int
    end: int
    kind: BlockKind | None = None
    level: int = 0


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph or list item: `start:end` covers its content only.

    List markers and heading marks (`==`, `#`) lie outside the span, so a
    sentence never begins with "1." or "-".
    """

    start: int
    end: int
    kind: BlockKind
    level: int = 0


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """What a loader read: the text and what the file itself says about it."""

    text: str
    format: str
    origin: str
    content_hash: str
    id_hint: str
    title: str | None = None
    kind: str | None = None
    lines: tuple[Line, ...] | None = None
    """Pre-delimited blocks; None means split `text` into lines and infer."""
    markup: Literal["plain", "markdown", "wiki"] = "plain"
    notes: tuple[str, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the text under it; `path` is the chain of headings from the root."""

    idx: int
    level: int
    heading: str | None
    heading_start: int | None
    heading_end: int | None
    start: int
    end: int
    parent_idx: int | None
    path: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `text` is `Document.text[start:end]` with whitespace folded."""

    idx: int
    section_idx: int
    block_idx: int
    kind: SentenceKind
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """Page chrome removed during cleaning, kept so cleaning can be audited."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned, segmented document ready for the store."""

    id: str
    title: str
    kind: str
    format: str
    origin: str
    content_hash: str
    text: str
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    dropped: tuple[DroppedLine, ...] = ()
    notes: tuple[str, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentDescription:
    """What a stored document says of itself (see `Store.descriptions`)."""

    doc_id: str
    kind: str
    format: str
    title: str
    meta: str
    """Its metadata as stored (JSON)."""
    lead: str
    """Its first sentences, for the formats asked for; else ""."""


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A stored document as `osteon sources` lists it."""

    id: str
    title: str
    kind: str
    format: str
    origin: str
    content_hash: str
    sections: int
    sentences: int
    ingested_at: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A sentence found by full-text search, with its place in its document."""

    doc_id: str
    idx: int
    start: int
    end: int
    text: str
    score: float
    """FTS5 bm25: lower is better."""


@dataclass(frozen=True, slots=True)
class SentencePlace:
    """A stored sentence with where it stands: its section's headings and its document's title."""

    doc_id: str
    idx: int
    start: int
    end: int
    text: str
    kind: str
    section_path: tuple[str, ...]
    title: str
    source: str = ""
    """The document's own characters from start to end: the sentence's text may differ in
    whitespace (a line break inside it is stored as a space)."""
    indent: int = -1
    """A list item's indentation in its line (a deeper one is a sub-item of the item above
    it: "XRay" then "  May demonstrate ossifications at 3 to 4 weeks"); -1 unknown."""


@dataclass(frozen=True, slots=True)
class PageCoverage:
    """How the store's documents hold a set of words: the makings of a page-level BM25."""

    held: dict[str, dict[str, int]]
    """Word → document id → how many of the document's sentences hold the word."""
    lengths: dict[str, int]
    """Sentences in each document named in `held`."""
    documents: int
    """Documents in the store."""
    sentences: int
    """Sentences in the store."""
