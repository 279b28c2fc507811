"""XML inputs: parsed once, then handed to the loader for their root element.

The root decides (PubMed/MEDLINE sets, JATS articles and PMC article sets), so
a file's suffix never matters; a root no loader knows is one clear error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

from osteon.corpus.formats import jats, pubmed
from osteon.corpus.records import SourceDocument
from osteon.errors import IngestError

Loaded = tuple[list[SourceDocument], list[IngestError]]
RootLoader = Callable[[Path, etree._Element, str], Loaded]

LOADERS: dict[str, RootLoader] = {
    **{tag: pubmed.load_pubmed_root for tag in pubmed.ROOTS},
    **{tag: jats.load_jats_root for tag in jats.ROOTS},
}
"""Root element (local name) → the loader for that kind of XML."""


def load_xml(path: Path, data: bytes, origin: str) -> Loaded:
    """Parse `data` safely and load it with the loader for its root element."""
    root = pubmed.parse_xml(path, data)
    tag = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
    loader = LOADERS.get(tag)
    if loader is None:
        raise IngestError(path, f"XML root <{tag}> is not PubMed/MEDLINE or JATS "
                                f"(expected one of {', '.join(sorted(LOADERS))})")
    return loader(path, root, origin)
