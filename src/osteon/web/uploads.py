"""Uploads from the browser or the API: size and type limits, kept files, clear refusals.

A document upload is saved under the store's `uploads/` folder (one folder per
content hash, the file under its own cleaned name) and ingested from there, so
the original is kept beside the store and a second upload of the same bytes is
recognised. Limits are checked before the body is parsed (Content-Length) and
again on the bytes, so a huge or mislabelled upload costs nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile

DOCUMENT_TYPES = {".txt": "plain text", ".text": "plain text", ".md": "Markdown",
                  ".markdown": "Markdown", ".wiki": "wiki markup", ".html": "HTML",
                  ".htm": "HTML", ".xhtml": "HTML", ".xml": "PubMed XML", ".nxml": "PubMed XML",
                  ".pdf": "PDF"}
PATIENT_TYPES = {".json": "JSON (patient JSON or a FHIR Bundle)"}
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
MAX_PATIENT_BYTES = 5 * 1024 * 1024
FORM_OVERHEAD = 64 * 1024
"""Room for the multipart framing and the form's other fields."""


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file, read in full and within its limits."""

    filename: str
    data: bytes
    fields: dict[str, str]


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"the file is larger than {limit // (1024 * 1024)} MB, the "
                              "limit for an upload here; split it, or ingest it with "
                              "`osteon ingest` (which takes larger files)")


async def read_upload(request: Request, field: str, types: dict[str, str], limit: int
                      ) -> Upload:
    """The file in form field `field`, or an HTTPException a person can act on."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + FORM_OVERHEAD:
        raise _too_large(limit)
    form = await request.form(max_files=1, max_fields=50)
    item = form.get(field)
    if not isinstance(item, UploadFile) or not item.filename:
        raise HTTPException(400, "no file was chosen: pick a file to upload")
    suffix = Path(item.filename).suffix.lower()
    if suffix not in types:
        kinds = ", ".join(sorted(set(types.values())))
        raise HTTPException(415, f"{item.filename!r} is not a file type osteon takes here "
                                 f"(it takes {kinds}: {', '.join(sorted(types))})")
    data = await item.read(limit + 1)
    if len(data) > limit:
        raise _too_large(limit)
    if not data.strip():
        raise HTTPException(400, f"{item.filename!r} is empty")
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    return Upload(item.filename, data, fields)


def safe_name(filename: str) -> str:
    """The file's own name reduced to letters, digits, dot, dash and underscore."""
    name = Path(filename.replace("\\", "/")).name
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-_")[:80] or "upload"
    return stem + suffix


def save_document(upload: Upload, folder: Path) -> Path:
    """Keep the uploaded bytes under `folder/<hash>/<name>` and return that path."""
    digest = hashlib.sha256(upload.data).hexdigest()[:16]
    target = folder / digest / safe_name(upload.filename)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.write_bytes(upload.data)
    return target
