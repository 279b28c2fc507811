"""Where a document came from, as the web app may show it: never a path on the server.

A document's origin is the file it was ingested from, kept absolute so `osteon
ingest` recognises it again. Shown on the web, an absolute path tells any
visitor the server's folders and user names; the app shows it relative to the
store's folder (an upload: `uploads/<hash>/<name>`) or, for a file elsewhere,
its name alone. Origins that are not paths (a seed's label, a URL) pass as
they are, and a `#pmid=…` suffix is kept.
"""

from __future__ import annotations

from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath


def _absolute(text: str) -> PurePath | None:
    for flavour in (PurePosixPath, PureWindowsPath):
        path = flavour(text)
        if path.is_absolute():
            return path
    return None


def shown_origin(origin: str, store_folder: Path) -> str:
    """`origin` fit to show: relative to `store_folder` when under it, else the file's name."""
    where, hash_, fragment = origin.partition("#")
    path = _absolute(where)
    if path is None:
        return origin
    shown = path.name
    for folder in (store_folder, store_folder.resolve()):
        try:
            shown = PurePosixPath(*path.relative_to(folder).parts).as_posix()
            break
        except ValueError:
            continue
    return shown + hash_ + fragment
