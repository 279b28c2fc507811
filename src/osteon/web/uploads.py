"""Uploads from the browser or the API: size and type limits, kept files, clear refusals.

A document upload is saved under the store's `uploads/` folder (one folder per
content hash, the file under its own cleaned name) and ingested from there, so
the original is kept beside the store and a second upload of the same bytes is
recognised. Limits are checked before the body is parsed (Content-Length) and
again on the bytes, so a huge or mislabelled upload costs nothing. A file is
written whole or not at all (a temporary file, renamed when complete), and an
upload whose ingest fails outright is removed again: a failed upload leaves
nothing behind.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile

from osteon.corpus.formats import upload_types
from osteon.corpus.store import store_fault
from osteon.errors import StoreError

DOCUMENT_TYPES = upload_types()
"""Suffix → format: the suffixes the document formats name (corpus/formats), one list."""
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


def document_path(upload: Upload, folder: Path) -> Path:
    """Where an upload is kept: `folder/<hash>/<its cleaned name>`."""
    digest = hashlib.sha256(upload.data).hexdigest()[:16]
    return folder / digest / safe_name(upload.filename)


def save_document(upload: Upload, folder: Path) -> Path:
    """Keep the uploaded bytes under `folder/<hash>/<name>` and return that path.

    The bytes go to a hidden temporary file beside the target, renamed into place only
    once written whole; any failure removes it. A short file (from an osteon before
    this rule) is written again, never taken for the upload. A full disk or a folder
    that cannot be written raises its one-line StoreError.
    """
    target = document_path(upload, folder)
    if _holds(target, upload.data):
        return target
    made_folder = not target.parent.exists()
    part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(upload.data)
        os.replace(part, target)
    except OSError as exc:
        with suppress(OSError):
            part.unlink(missing_ok=True)
        if made_folder:
            with suppress(OSError):
                target.parent.rmdir()
        raise store_fault(exc, folder) or StoreError(
            f"{folder}: the upload could not be kept: {exc.strerror or exc}") from exc
    return target


@contextmanager
def kept_document(upload: Upload, folder: Path) -> Iterator[Path]:
    """The upload saved for the block, and removed again if the block raises.

    An ingest that fails outright (a full disk, say) stores nothing, so the upload is
    not kept either; one whose file was kept before stays.
    """
    kept_before = _holds(document_path(upload, folder), upload.data)
    path = save_document(upload, folder)
    try:
        yield path
    except BaseException:
        if not kept_before:
            with suppress(OSError):
                path.unlink(missing_ok=True)
                path.parent.rmdir()
        raise


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a whole copy of `data`."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
