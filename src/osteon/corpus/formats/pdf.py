"""PDF files through pypdf: page text joined, then laid out like plain text.

The stored text is what pypdf extracts, pages separated by a blank line;
running headers and footers repeated on every page are then chrome.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from osteon.corpus.decoding import content_hash
from osteon.corpus.records import SourceDocument
from osteon.errors import IngestError

logging.getLogger("pypdf").setLevel(logging.ERROR)


def load_pdf(path: Path, data: bytes, origin: str) -> SourceDocument:
    """Extract a PDF's text, refusing encrypted, damaged or text-less files clearly."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, "encrypted PDF (decrypt it first)")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except IngestError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(path, f"unreadable PDF: {_short(exc)}") from exc
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise IngestError(path, "PDF has no extractable text (a scanned image? run OCR first)")
    return SourceDocument(
        text=text,
        format="pdf",
        origin=origin,
        content_hash=content_hash(data),
        id_hint=path.stem,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        meta={"pages": str(len(pages))},
    )


def _short(exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message[:160]
