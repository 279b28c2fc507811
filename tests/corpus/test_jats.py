"""`osteon ingest` of JATS XML: PMC's full-text articles, one file or an article set."""

from __future__ import annotations

from fake_eutils import jats_article
from osteon.corpus.ingest import ingest_paths

LIMIT = 10 * 1024 * 1024
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD JATS '
        '(Z39.96) Journal Publishing DTD v1.2 20190208//EN" "JATS-journalpublishing1.dtd">\n')


def test_a_jats_file_becomes_one_article_with_its_sections_and_captions(tmp_path, empty_store):
    path = tmp_path / "PMC7000001.nxml"
    path.write_text(HEAD + jats_article("PMC7000001", pmid="31000009"))
    report = ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert not report.failed and report.changed_ids == ["pmc7000001"]  # as `fetch pmc` names it
    doc = empty_store.get("pmc7000001")
    assert doc.format == "jats" and doc.kind == "article"
    assert doc.title.startswith("A made-up trial of radiation")
    assert [s.heading for s in doc.sections[1:]] == [
        "Abstract", "Introduction", "Methods", "Patients", "Figure 1", "Results", "Table 1"]
    texts = [s.text for s in doc.sentences]
    assert "Bone may form in muscle after a severe injury [1]." in texts
    assert "Flow of patients." in texts and "Rates of ossification by group." in texts
    assert not any("must not be read" in t or "Cell text" in t for t in texts)
    assert doc.meta["pmcid"] == "PMC7000001" and doc.meta["pmid"] == "31000009"
    assert doc.meta["article_type"] == "research-article" and doc.meta["reference_count"] == "1"
    for s in doc.sentences:
        assert " ".join(doc.text[s.start:s.end].split()) == s.text


def test_a_jats_file_without_a_body_is_refused_whole(tmp_path, empty_store):
    path = tmp_path / "front-only.xml"
    path.write_text(HEAD + jats_article("PMC7000002", body=False))
    report = ingest_paths(empty_store, [path], max_bytes=LIMIT)
    (failed,) = report.outcomes
    assert failed.status == "failed"
    assert "has no body" in failed.message and "nothing of it was stored" in failed.message
    assert empty_store.ids() == []


def test_a_pmc_article_set_stores_each_article_and_names_the_one_without_body(
        tmp_path, empty_store):
    path = tmp_path / "set.xml"
    path.write_text("<pmc-articleset>" + jats_article("PMC7000001")
                    + jats_article("PMC7000002", body=False) + "</pmc-articleset>")
    report = ingest_paths(empty_store, [path], max_bytes=LIMIT)
    assert report.changed_ids == ["pmc7000001"]
    (failed,) = report.failed
    assert failed.source.endswith("set.xml#PMC7000002") and "has no body" in failed.message
