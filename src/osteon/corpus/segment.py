"""Turn a loaded document into sections and sentences with exact offsets.

Layout decides blocks; this module builds the heading tree from them and
splits every non-heading block into sentences. Everything points into
`SourceDocument.text`, unchanged, so `text[start:end]` is always checkable.
"""

from __future__ import annotations

from osteon.corpus.layout import Layout, lay_out
from osteon.corpus.records import Document, Section, Sentence, SourceDocument
from osteon.corpus.rules import chrome_rules, layout_rules, sentence_rules
from osteon.corpus.sentences import fold_whitespace, sentence_spans


def segment(source: SourceDocument, doc_id: str, kind: str | None = None) -> Document:
    """Clean, lay out and split `source` into a `Document` with id `doc_id`."""
    layout = lay_out(source, layout_rules(), chrome_rules())
    sections = _sections(source.text, layout)
    sentences = _sentences(source.text, layout, sections)
    title = source.title
    if layout.title_block is not None:
        block = layout.blocks[layout.title_block]
        title = fold_whitespace(source.text[block.start:block.end])
    meta = dict(source.meta)
    if layout.authors:
        meta.setdefault("author", "; ".join(layout.authors))
    return Document(
        id=doc_id,
        title=title or source.id_hint,
        kind=kind or source.kind or guess_kind(source, sections),
        format=source.format,
        origin=source.origin,
        content_hash=source.content_hash,
        text=source.text,
        sections=tuple(sections),
        sentences=tuple(sentences),
        dropped=layout.dropped,
        notes=source.notes,
        meta=meta,
    )


def guess_kind(source: SourceDocument, sections: list[Section]) -> str:
    """Guess the document kind when neither the user nor the format says it.

    A page whose headings are mostly questions is an FAQ; wiki markup reads as
    an encyclopedia article; anything else is an article. Belief weighting
    later uses the kind, so a user can always override it with `--kind`.
    """
    headings = [s.heading for s in sections if s.heading]
    questions = sum(1 for h in headings if h.rstrip().endswith("?"))
    if questions >= 3 and questions * 2 >= len(headings):
        return "faq"
    if source.markup == "wiki":
        return "encyclopedia"
    return "article"


def _sections(text: str, layout: Layout) -> list[Section]:
    """Build the heading tree; section 0 is the document root (the title, if any)."""
    root_heading = root_start = root_end = None
    if layout.title_block is not None:
        block = layout.blocks[layout.title_block]
        root_heading = fold_whitespace(text[block.start:block.end])
        root_start, root_end = block.start, block.end
    sections = [Section(0, 0, root_heading, root_start, root_end, 0, len(text), None,
                        (root_heading,) if root_heading else ())]
    stack = [0]
    for b, block in enumerate(layout.blocks):
        if block.kind != "heading" or b == layout.title_block:
            continue
        level = max(block.level, 1)
        while len(stack) > 1 and sections[stack[-1]].level >= level:
            stack.pop()
        parent = sections[stack[-1]]
        heading = fold_whitespace(text[block.start:block.end])
        sections.append(Section(len(sections), level, heading, block.start, block.end,
                                block.start, len(text), parent.idx, (*parent.path, heading)))
        stack.append(len(sections) - 1)
    return _close_sections(sections)


def _close_sections(sections: list[Section]) -> list[Section]:
    """End each section where the next one starts (the root spans the document)."""
    closed = [sections[0]]
    for i, section in enumerate(sections[1:], start=1):
        end = sections[i + 1].start if i + 1 < len(sections) else section.end
        closed.append(Section(section.idx, section.level, section.heading, section.heading_start,
                              section.heading_end, section.start, end, section.parent_idx,
                              section.path))
    return closed


def _sentences(text: str, layout: Layout, sections: list[Section]) -> list[Sentence]:
    abbreviations = sentence_rules().abbreviation_set
    heading_starts = {s.heading_start: s.idx for s in sections[1:]}
    section_idx = 0
    sentences: list[Sentence] = []
    for b, block in enumerate(layout.blocks):
        if block.kind == "heading":
            section_idx = heading_starts.get(block.start, section_idx)
            continue
        kind = "list_item" if block.kind == "list_item" else "text"
        for start, end in sentence_spans(text, block.start, block.end, abbreviations):
            sentences.append(Sentence(len(sentences), section_idx, b, kind, start, end,
                                      fold_whitespace(text[start:end])))
    return sentences
