"""Which reader read a document: the version stamp stored with its claims.

Kept apart from the reader so that checking whether anything is unread costs a few
file hashes, not the seconds it takes to import spaCy and medspaCy: `osteon ask`
on an up-to-date store never loads the reading pipeline.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from osteon.datafiles import data_path

NOT_READING = frozenset({"evaluate.py"})
"""Modules of the reading package that reading never runs (the scorer): editing them leaves
stored claims valid."""

RULE_FOLDERS = ("lexicon", "reading")
"""The data folders whose files reading reads: an edit to any of them makes stored claims
stale (every reading rule lives in `data/reading/`, so no list of files to keep)."""


@dataclass(slots=True)
class ReadReport:
    """What one reading pass did."""

    documents: list[str] = field(default_factory=list)
    claims: int = 0
    mentions: int = 0
    skipped_sentences: int = 0
    """Sentences too long to read (see pipeline.MAX_SENTENCE_CHARS)."""

    def count(self, doc_id: str, claims: int, mentions: int, skipped: int) -> None:
        """Add one document's read to the pass's totals (one process or many alike)."""
        self.documents.append(doc_id)
        self.claims += claims
        self.mentions += mentions
        self.skipped_sentences += skipped


@cache
def reader_version() -> str:
    """A hash of the reading code, the lexicon and every reading rule.

    When any of them changes (a new osteon, an edited rule), stored claims are stale
    and documents are read again the next time claims are needed.
    """
    digest = hashlib.sha256()
    code = resources.files("osteon.reading")
    for name in sorted(p.name for p in code.iterdir()
                       if p.name.endswith(".py") and p.name not in NOT_READING):
        digest.update(code.joinpath(name).read_bytes())
    for folder in RULE_FOLDERS:
        node = data_path(folder)
        for name in sorted(p.name for p in node.iterdir() if p.name.endswith(".yaml")):
            digest.update(node.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]
