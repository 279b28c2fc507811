"""`osteon fetch` as a user meets it: what it says, its exit codes, and `osteon sources`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fake_eutils import FakeEutils, jats_article, serving
from osteon.cli import app

QUERY = "heterotopic ossification"


@pytest.fixture
def service(monkeypatch):
    fake = FakeEutils()
    with serving(fake):
        monkeypatch.setenv("OSTEON_EUTILS_URL", fake.url)
        monkeypatch.delenv("NCBI_API_KEY", raising=False)
        yield fake


@pytest.fixture
def osteon(seeded_kb, tmp_path):
    """Run `osteon ARGS…` on a copy of the seeded store (read already: only fetched docs read)."""
    seeded_kb.update_knowledge()
    seeded_kb.store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store = tmp_path / "store" / "osteon.sqlite"
    store.parent.mkdir()
    shutil.copy(seeded_kb.store.path, store)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["--store", str(store), *args])

    return run


def test_fetch_says_what_is_new_and_sources_lists_the_fetches(service, osteon):
    service.add_pubmed(["30000001", "30000002", "30000003"])
    first = osteon("fetch", "pubmed", QUERY)
    assert first.exit_code == 0, first.output
    assert "done: 3 new, 0 already stored; 3 stored, 0 failed" in first.stderr
    service.add_pubmed(["30000004"])
    second = osteon("fetch", "pubmed", QUERY, "--json")
    assert second.exit_code == 0, second.output
    report = json.loads(second.stdout)
    assert (report["new"], report["already_stored"], report["stored"]) == (1, 3, ["pmid-30000004"])
    listed = osteon("sources")
    fetches = listed.stdout.split("2 fetches from NCBI")[1].strip().splitlines()
    assert fetches[0].endswith(f"pubmed  '{QUERY}': 4 found, 1 new, 1 stored, 0 failed  done")
    assert fetches[1].endswith("3 found, 3 new, 3 stored, 0 failed  done")
    assert "pmid-30000004" in listed.stdout
    shown = json.loads(osteon("show", "pmid-30000001", "--json").stdout)
    assert shown["meta"]["publication_types"] == "Journal Article"


def test_a_query_with_no_hits_is_one_line_and_exit_code_1(service, osteon):
    result = osteon("fetch", "pubmed", "bone in space")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no PubMed articles match 'bone in space'"


def test_an_invalid_api_key_is_one_line_and_exit_code_2(service, osteon):
    service.add_pubmed(["30000001"])
    result = osteon("fetch", "pubmed", QUERY, "--api-key", "wrong")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "API key invalid" in line and "--api-key" in line


def test_a_bad_since_date_is_refused_before_any_request(service, osteon):
    result = osteon("fetch", "pubmed", QUERY, "--since", "last week")
    assert result.exit_code == 2 and "--since" in result.stderr
    assert service.requests == []


def test_pmc_ids_fetch_full_text_and_name_the_article_without_body(service, osteon):
    service.pmc = {"7000001": jats_article("PMC7000001"),
                   "7000002": jats_article("PMC7000002", body=False)}
    result = osteon("fetch", "pmc", "--ids", "PMC7000001,7000002")
    assert result.exit_code == 1, result.output
    assert "error: PMC7000002: the JATS article has no body" in result.stderr
    assert "2 new, 0 already stored; 1 stored, 1 failed" in result.stderr
    both = osteon("fetch", "pmc", "radiation", "--ids", "PMC7000001")
    assert both.exit_code == 2 and "not both" in both.stderr


def test_fetch_into_a_read_only_store_is_refused_before_any_request(service, osteon, tmp_path,
                                                                    monkeypatch):
    """The facade refuses (one error line, exit 2) and NCBI is never asked."""
    from osteon.corpus import store as store_module

    folder = (tmp_path / "store").resolve()
    real_access = store_module.os.access

    def access(path, mode, *args, **kwargs):  # as a read-only mount answers access(2)
        if mode & store_module.os.W_OK and Path(path).resolve().is_relative_to(folder):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(store_module.os, "access", access)
    service.add_pubmed(["30000001"])
    result = osteon("fetch", "pubmed", QUERY)
    assert result.exit_code == 2, result.output
    assert "is read-only here: nothing can be fetched into it" in result.stderr
    assert service.requests == []
