"""The package's error tree.

Library code raises these; only the CLI and the web layer turn them into exit
codes and HTTP answers. Each message says what went wrong and, where it can,
how to fix it.
"""

from __future__ import annotations

from pathlib import Path


class OsteonError(Exception):
    """Root of every error osteon raises on purpose."""


class DataFileError(OsteonError):
    """A packaged or user data file (rules, lexicon, manifest) is malformed.

    Names the file and the entry so a curator can fix it without reading code.
    """

    def __init__(self, path: str | Path, entry: str, reason: str, *,
                 line: int | None = None) -> None:
        self.path = str(path)
        self.entry = entry
        self.reason = reason
        self.line = line
        where = self.path if line is None else f"{self.path} line {line}"
        super().__init__(f"{where}: {entry}: {reason}")


class StoreError(OsteonError):
    """The SQLite store cannot be opened, is from another version, or is damaged."""


class StoreFullError(StoreError):
    """The disk holding the store is full; the write under way was rolled back whole."""


class StoreReadOnlyError(StoreError):
    """The store cannot be written here (a read-only file, folder or mount)."""


class NotFound(OsteonError):
    """Something asked for by name that is not there: exit code 1 on the CLI, 404 on the web."""


class DocumentNotFound(NotFound):
    """A document id that the store does not hold."""

    def __init__(self, doc_id: str, known: list[str] | None = None) -> None:
        self.doc_id = doc_id
        hint = ""
        if known:
            close = [k for k in known if doc_id.lower() in k.lower()]
            if close:
                hint = f" (did you mean {', '.join(close[:3])}?)"
        super().__init__(f"no document {doc_id!r} in the store{hint}; `osteon sources` lists them")


class IngestError(OsteonError):
    """One input could not be ingested; the rest of a batch still goes in.

    The message is one line: the file and the reason.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class TopicNotFound(NotFound):
    """A topic slug that data/ask/topics.yaml does not name."""

    def __init__(self, slug: str) -> None:
        self.slug = slug
        super().__init__(f"no topic {slug!r}")
