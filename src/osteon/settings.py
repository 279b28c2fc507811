"""Where osteon keeps its store, and the limits a user may raise.

The store lives under the user's data directory unless `OSTEON_HOME` or the
CLI's `--store` says otherwise, so that osteon works from any folder and never
writes into the package or the current directory by surprise.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

STORE_FILENAME = "osteon.sqlite"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Inputs larger than this are refused (raise with `--max-size` or OSTEON_MAX_BYTES).

Fifty megabytes holds any article, PDF or PubMed export a curator is likely to
add one at a time, while a runaway log or disk image is refused before it is
read into memory.
"""

DEFAULT_WEB_MAX_BYTES = 5 * 1024 * 1024
"""A request body the web app takes (an upload, a patient's data, a CDS Hooks call) is
refused with 413 past this; OSTEON_WEB_MAX_BYTES raises it. Five megabytes holds any
one article or one patient's record; larger documents go through `osteon ingest`.
"""


def default_store_path() -> Path:
    """Return the store file: `$OSTEON_HOME/osteon.sqlite` or the user data dir."""
    home = os.environ.get("OSTEON_HOME")
    base = Path(home).expanduser() if home else Path(platformdirs.user_data_dir("osteon"))
    return base / STORE_FILENAME


def resolve_store_path(store: str | Path | None) -> Path:
    """Turn a `--store` value (file or folder) or None into the store file path."""
    if store is None:
        return default_store_path()
    path = Path(store).expanduser()
    if path.is_dir() or (not path.suffix and not path.exists()):
        return path / STORE_FILENAME
    return path


def max_bytes_from_env() -> int:
    """Return the input size limit, honouring OSTEON_MAX_BYTES when it is set."""
    raw = os.environ.get("OSTEON_MAX_BYTES")
    if not raw:
        return DEFAULT_MAX_BYTES
    return parse_size(raw)


def web_max_bytes_from_env() -> int:
    """Return the web app's request body limit, honouring OSTEON_WEB_MAX_BYTES when set."""
    raw = os.environ.get("OSTEON_WEB_MAX_BYTES")
    return parse_size(raw) if raw else DEFAULT_WEB_MAX_BYTES


def parse_size(text: str) -> int:
    """Parse '200MB', '1.5G', '4096' into bytes; raise ValueError on nonsense."""
    units = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2,
             "G": 1024**3, "GB": 1024**3}
    cleaned = text.strip().upper().replace(" ", "")
    number = cleaned.rstrip("KMGB")
    unit = cleaned[len(number):]
    if unit not in units or not number:
        raise ValueError(f"cannot read {text!r} as a size (try 200MB or 1G)")
    value = float(number) * units[unit]
    if value <= 0:
        raise ValueError(f"size must be positive, got {text!r}")
    return int(value)
