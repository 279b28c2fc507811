"""Bad input: a clear one-line reason naming the file, and the rest of the batch goes in."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import PUBMED_XML
from osteon.corpus.ingest import ingest_paths
from osteon.settings import parse_size

LIMIT = 10 * 1024 * 1024


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text("Heterotopic ossification is bone in soft tissue.\n")
    return path


def run_batch(store, bad: Path, good: Path, limit: int = LIMIT):
    """Ingest a bad file before a good one: the bad one fails alone."""
    report = ingest_paths(store, [bad, good], max_bytes=limit)
    assert report.changed_ids == ["good"], "the good file after a bad one must still go in"
    (failed,) = report.failed
    assert failed.source.endswith(bad.name)
    assert "\n" not in failed.message
    return failed.message


def test_binary_file(tmp_path, empty_store, good):
    bad = tmp_path / "image.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary file" in run_batch(empty_store, bad, good)


def test_empty_file(tmp_path, empty_store, good):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert run_batch(empty_store, bad, good) == "empty file"


def test_file_with_only_chrome_or_blanks(tmp_path, empty_store, good):
    bad = tmp_path / "blank.txt"
    bad.write_text("\n\n   \nBack To Top\n")
    assert "no sentences" in run_batch(empty_store, bad, good)


def test_missing_path(tmp_path, empty_store, good):
    assert run_batch(empty_store, tmp_path / "nope.txt", good) == "no such file or folder"


def test_oversized_file_is_refused_before_reading(tmp_path, empty_store, good):
    bad = tmp_path / "huge.txt"
    with bad.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    message = run_batch(empty_store, bad, good)
    assert "200.0 MB" in message and "limit" in message and "--max-size" in message


def test_size_limit_can_be_raised(tmp_path, empty_store):
    path = tmp_path / "long.txt"
    path.write_text("Bone forms in muscle. " * 200)
    refused = ingest_paths(empty_store, [path], max_bytes=1024)
    assert refused.failed and "limit" in refused.failed[0].message
    accepted = ingest_paths(empty_store, [path], max_bytes=parse_size("1MB"))
    assert accepted.changed_ids == ["long"]


def test_non_utf8_text_is_decoded_with_a_note(tmp_path, empty_store):
    path = tmp_path / "legacy.txt"
    path.write_bytes("The patient’s café visit preceded “HO” findings.\n".encode("cp1252"))
    report = ingest_paths(empty_store, [path], max_bytes=LIMIT)
    (outcome,) = report.outcomes
    assert outcome.status == "added"
    assert any("not valid UTF-8" in n and "cp1252" in n for n in outcome.notes)
    doc = empty_store.get("legacy")
    assert doc.sentences[0].text == "The patient’s café visit preceded “HO” findings."


def test_utf16_with_bom_is_read(tmp_path, empty_store):
    path = tmp_path / "wide.txt"
    path.write_bytes("Bone forms in muscle.\n".encode("utf-16"))
    report = ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert report.changed_ids == ["wide"]


def test_unreadable_pdf(tmp_path, empty_store, good):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog garbage\n%%EOF")
    assert "PDF" in run_batch(empty_store, bad, good)


def test_text_file_named_pdf(tmp_path, empty_store, good):
    bad = tmp_path / "notreally.pdf"
    bad.write_text("just words")
    assert "unreadable PDF" in run_batch(empty_store, bad, good)


def test_malformed_xml(tmp_path, empty_store, good):
    bad = tmp_path / "broken.xml"
    bad.write_text(PUBMED_XML[:700])
    message = run_batch(empty_store, bad, good)
    assert message.startswith("malformed XML") and "line" in message


def test_xml_that_is_not_pubmed(tmp_path, empty_store, good):
    bad = tmp_path / "feed.xml"
    bad.write_text("<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>")
    assert "not PubMed" in run_batch(empty_store, bad, good)


def test_xml_entities_are_not_expanded(tmp_path, empty_store):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    bad = tmp_path / "xxe.xml"
    bad.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM "file://{secret}">]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>
<ArticleTitle>T</ArticleTitle><Abstract><AbstractText>Leak &x; here.</AbstractText></Abstract>
</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>""")
    ingest_paths(empty_store, [bad], max_bytes=LIMIT)
    for summary in empty_store.summaries():
        assert "TOPSECRET" not in empty_store.get(summary.id).text


def test_unreadable_file(tmp_path, empty_store, good, monkeypatch):
    bad = tmp_path / "locked.txt"
    bad.write_text("secret")
    real_read = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert run_batch(empty_store, bad, good) == "cannot read: Permission denied"


def test_the_store_inside_an_ingested_folder_is_not_read(tmp_path, good):
    from osteon.corpus.store import Store

    store = Store.open(tmp_path / "osteon.sqlite")
    try:
        report = ingest_paths(store, [tmp_path], max_bytes=LIMIT)
        assert report.changed_ids == ["good"]
        assert not report.failed
    finally:
        store.close()
