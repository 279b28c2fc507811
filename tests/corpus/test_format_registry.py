"""Document formats are one registry: a new format is its module plus one entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from osteon.corpus import formats
from osteon.corpus.decoding import content_hash
from osteon.corpus.formats import FORMATS, DocumentFormat, format_of, upload_types
from osteon.corpus.ingest import ingest_paths
from osteon.corpus.records import SourceDocument

LIMIT = 10 * 1024 * 1024


def load_tsv(path: Path, data: bytes, origin: str) -> SourceDocument:
    """A made-up format for the test: one tab-separated row per sentence."""
    rows = [line.split("\t") for line in data.decode().splitlines() if line]
    text = "\n\n".join(f"{a} {b}." for a, b in rows)
    return SourceDocument(text=text, format="tsv", origin=origin, content_hash=content_hash(data),
                          id_hint=path.stem)


def test_a_new_format_is_one_loader_and_one_registry_entry(tmp_path, empty_store, monkeypatch):
    tsv = DocumentFormat("tab-separated rows", frozenset({".tsv"}), f"{__name__}:load_tsv")
    monkeypatch.setattr(formats, "FORMATS", (tsv, *FORMATS))
    path = tmp_path / "rows.tsv"
    path.write_text("Heterotopic ossification\tforms after injury\n")
    report = ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert not report.failed, report.failed
    (doc,) = [empty_store.get(i) for i in report.changed_ids]
    assert doc.format == "tsv"
    assert [s.text for s in doc.sentences] == ["Heterotopic ossification forms after injury."]
    assert formats.upload_types()[".tsv"] == "tab-separated rows"


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("paper.pdf", b"%PDF-1.7", "PDF"), ("paper.txt", b"%PDF-1.4", "PDF"),
    ("page.xml", b"<!DOCTYPE html><html>", "HTML"),
    ("page.xhtml", b"<?xml version='1.0'?>", "HTML"),
    ("set.txt", b"<?xml version='1.0'?><PubmedArticleSet>", "PubMed/MEDLINE or JATS XML"),
    ("notes.md", b"# Heading", "Markdown"), ("notes.rst", b"Title\n=====", "plain text"),
])
def test_a_file_is_recognised_by_content_first_then_suffix(name, head, expected):
    assert format_of(Path(name), head).name == expected


def test_the_upload_form_takes_exactly_the_suffixes_the_formats_name():
    from osteon.web.uploads import DOCUMENT_TYPES

    assert DOCUMENT_TYPES == upload_types()
    for suffix, name in DOCUMENT_TYPES.items():
        assert format_of(Path(f"x{suffix}"), b"text").name == name


def test_each_registry_entry_names_a_loader_that_exists():
    for fmt in FORMATS:
        assert callable(formats._function(fmt.loader)), fmt.loader
