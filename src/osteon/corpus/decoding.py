"""Read input bytes safely: size limits, binary detection, and honest decoding.

Users hand osteon whatever is in a folder. A binary file must be refused with
a reason, an over-large file refused before it fills memory, and a file that
is not UTF-8 decoded as well as possible with a note saying how, never
silently mangled.
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from osteon.errors import IngestError

_SNIFF = 8192
_FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a whole file, refusing it up front when it is larger than `max_bytes`."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise IngestError(path, "no such file or folder") from exc
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise IngestError(
            path,
            f"file is {_human(size)}, over the {_human(max_bytes)} limit "
            "(raise it with --max-size or OSTEON_MAX_BYTES)",
        )
    if size == 0:
        raise IngestError(path, "empty file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from exc


def looks_binary(data: bytes) -> bool:
    """Tell binary from text by NUL bytes and control characters in the first 8 KB."""
    head = data[:_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(head) // 100)


def decode_text(data: bytes, path: Path | str) -> tuple[str, str | None]:
    """Decode text as UTF-8 (BOM-aware), else a legacy encoding with a note saying so."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "decoded as UTF-16 (byte-order mark)"
        except UnicodeDecodeError as exc:
            reason = f"UTF-16 byte-order mark but invalid UTF-16: {exc.reason}"
            raise IngestError(path, reason) from exc
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        position = exc.start
    for encoding in _FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, f"not valid UTF-8 (byte {position}); decoded as {encoding}"
    raise IngestError(path, "not valid text in UTF-8 or a legacy encoding")  # pragma: no cover


def content_hash(data: bytes) -> str:
    """SHA-256 of the raw bytes: what 'the same file' means for re-ingest."""
    return hashlib.sha256(data).hexdigest()


def _human(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover
