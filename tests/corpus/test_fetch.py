"""`osteon fetch`'s run against a local fake E-utilities service: no outside network.

Batches, the history server, incremental and resumed runs, retries on 429s, 5xx,
cut-short and dropped answers, and the bad inputs: no hits, a refused API key, a
malformed record in a batch, a PMC article without a body.
"""

from __future__ import annotations

import pytest

from fake_eutils import FakeEutils, jats_article, pubmed_record, serving
from osteon.corpus.fetch import state
from osteon.corpus.fetch.errors import EutilsError, NoHits
from osteon.corpus.fetch.eutils import EutilsClient
from osteon.corpus.fetch.intake import fetch, fetch_ids
from osteon.corpus.fetch.limiter import RateLimiter, ncbi_rate

QUERY = "heterotopic ossification"


def pmids(n: int, first: int = 30_000_000) -> list[str]:
    return [str(first + i) for i in range(n)]


@pytest.fixture
def service():
    fake = FakeEutils()
    with serving(fake):
        yield fake


def client(service: FakeEutils, **kwargs) -> EutilsClient:
    """A client for the fake: no pause between requests or retries, so tests stay quick."""
    return EutilsClient(service.url, rate=1000, backoff=0.0, **kwargs)


def test_a_search_is_fetched_in_batches_of_at_most_200_through_the_history_server(
        service, empty_store):
    service.add_pubmed(pmids(450))
    report = fetch(empty_store, client(service), "pubmed", QUERY)
    assert (report.found, report.new, report.already) == (450, 450, 0)
    assert len(report.stored) == 450 and not report.failed
    calls = service.efetch_calls()
    assert [int(c["retmax"]) for c in calls] == [200, 200, 50]
    assert all(c["WebEnv"] and c["query_key"] == "1" and "id" not in c for c in calls)
    doc = empty_store.get("pmid-30000001")
    assert doc.origin == "https://pubmed.ncbi.nlm.nih.gov/30000001/"
    assert doc.kind == "abstract" and doc.meta["pmid"] == "30000001"
    assert doc.meta["publication_types"] == "Journal Article"
    assert doc.meta["mesh"] == "Ossification, Heterotopic"
    assert doc.meta["journal"] and doc.meta["year"] == "2020"
    assert doc.sentences and "Heterotopic ossification is common" in doc.sentences[0].text
    (run,) = state.runs(empty_store)
    assert (run.source, run.query, run.status, run.stored, run.failed) == (
        "pubmed", QUERY, "done", 450, 0)


def test_a_second_run_fetches_only_the_new_records_and_counts_the_rest(service, empty_store):
    service.add_pubmed(pmids(250))
    fetch(empty_store, client(service), "pubmed", QUERY)
    service.add_pubmed(["40000001", "40000002"])
    before = len(service.efetch_calls())
    again = fetch(empty_store, client(service), "pubmed", QUERY)
    assert (again.found, again.new, again.already) == (252, 2, 250)
    assert sorted(again.stored) == ["pmid-40000001", "pmid-40000002"]
    (call,) = service.efetch_calls()[before:]
    assert call["id"] == "40000001,40000002"  # the stored 198 of that window are not fetched
    third = fetch(empty_store, client(service), "pubmed", QUERY)
    assert (third.new, third.already, third.stored) == (0, 252, [])
    assert len(service.efetch_calls()) == before + 1
    assert [r.new for r in state.runs(empty_store)] == [0, 2, 250]


def test_429s_5xx_cut_short_and_dropped_answers_are_retried_until_the_batch_comes(
        service, empty_store):
    service.add_pubmed(pmids(300))
    service.faults = ["429", "drop", "truncate", "500", "ok", "503", "drop"]
    fetcher = client(service)
    report = fetch(empty_store, fetcher, "pubmed", QUERY)
    assert len(report.stored) == 300 and not report.failed
    assert report.retries == 6
    assert fetcher.stats.retry_reasons == [
        "HTTP 429", "connection: RemoteProtocolError", "response cut short", "HTTP 500",
        "HTTP 503", "connection: RemoteProtocolError"]


def test_a_service_that_never_answers_fails_in_one_line_and_keeps_what_went_in(
        service, empty_store):
    service.add_pubmed(pmids(300))
    service.faults = ["ok"] + ["503"] * 10
    with pytest.raises(EutilsError, match=r"did not answer after 6 tries \(last: HTTP 503\)"):
        fetch(empty_store, client(service), "pubmed", QUERY)
    (run,) = state.runs(empty_store)
    assert run.status == "failed" and run.stored == 200
    service.faults = []
    again = fetch(empty_store, client(service), "pubmed", QUERY)
    assert (again.new, again.already, len(again.stored)) == (100, 200, 100)
    assert again.resumed is not None and again.resumed.id == run.id
    assert [r.status for r in state.runs(empty_store)] == ["done", "resumed"]


def test_an_efetch_error_answer_is_one_line_not_retried(service, empty_store):
    service.add_pubmed(pmids(3))
    service.faults = ["error"]
    with pytest.raises(EutilsError, match="^efetch.fcgi refused the request: Cannot retrieve"):
        fetch(empty_store, client(service), "pubmed", QUERY)
    assert len(service.efetch_calls()) == 1


def test_an_interrupted_run_is_continued_by_the_next(service, empty_store):
    service.add_pubmed(pmids(500))
    batches = []

    def stop_after_two(progress):
        batches.append(progress.done)
        if progress.done >= 400:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch(empty_store, client(service), "pubmed", QUERY, on_progress=stop_after_two)
    (run,) = state.runs(empty_store)
    assert (run.status, run.stored) == ("interrupted", 400)
    resumed = fetch(empty_store, client(service), "pubmed", QUERY)
    assert resumed.resumed.id == run.id and (resumed.new, resumed.already) == (100, 400)
    assert len(empty_store.ids()) == 500


def test_a_run_killed_mid_way_leaves_its_progress_and_is_resumed(service, empty_store):
    service.add_pubmed(pmids(10))
    state.ensure_tables(empty_store)
    run_id = state.start_run(empty_store, "pubmed", QUERY, since=None, max_records=None,
                             found=10, new=10, already=0)  # and then the process was killed
    report = fetch(empty_store, client(service), "pubmed", QUERY)
    assert report.resumed is not None and report.resumed.id == run_id
    assert report.resumed.status == "running"  # as the killed process left it


def test_since_asks_for_records_entered_since_that_date(service, empty_store):
    service.add_pubmed(pmids(5))
    service.dates.update({"30000003": "2024/05/01", "30000004": "2025/01/02"})
    report = fetch(empty_store, client(service), "pubmed", QUERY, since="2024/03/01")
    assert sorted(report.stored) == ["pmid-30000003", "pmid-30000004"]
    (search,) = [p for path, p, _ in service.requests if path.endswith("esearch.fcgi")]
    assert (search["mindate"], search["maxdate"], search["datetype"]) == (
        "2024/03/01", "3000", "edat")
    assert search["usehistory"] == "y"
    assert state.runs(empty_store)[0].since == "2024/03/01"


def test_max_fetches_only_the_first_records_of_the_search(service, empty_store):
    service.add_pubmed(pmids(30))
    report = fetch(empty_store, client(service), "pubmed", QUERY, max_records=12)
    assert (report.found, report.listed, len(report.stored)) == (30, 12, 12)


def test_a_query_with_no_hits_says_so_in_one_line(service, empty_store):
    with pytest.raises(NoHits, match=r"^no PubMed articles match 'bone in space'$"):
        fetch(empty_store, client(service), "pubmed", "bone in space")
    with pytest.raises(NoHits, match=r"since 2025/01"):
        fetch(empty_store, client(service), "pubmed", "bone in space", since="2025/01")


def test_an_invalid_api_key_is_one_line_naming_the_key_option(service, empty_store):
    service.add_pubmed(pmids(3))
    with pytest.raises(EutilsError) as caught:
        fetch(empty_store, client(service, api_key="not-a-key"), "pubmed", QUERY)
    message = str(caught.value)
    assert "\n" not in message and "API key invalid" in message and "NCBI_API_KEY" in message
    assert len(service.requests) == 1  # a refusal is not retried
    good = fetch(empty_store, client(service, api_key="good-key"), "pubmed", QUERY)
    assert len(good.stored) == 3 and service.requests[-1][1]["api_key"] == "good-key"


def test_a_query_the_service_refuses_is_one_line(service, empty_store):
    with pytest.raises(EutilsError, match="esearch refused the query: Invalid query syntax"):
        fetch(empty_store, client(service), "pubmed", "((ossification")


def test_a_malformed_record_is_reported_and_the_rest_of_its_batch_goes_in(service, empty_store):
    ids = pmids(6)
    service.add_pubmed(ids)
    service.pubmed[ids[1]] = pubmed_record(ids[1]).replace("<ArticleTitle>",
                                                           "<ArticleTitle>Bone & <b>muscle")
    service.pubmed[ids[2]] = pubmed_record(ids[2]).replace("<Abstract>", "<Abstract><x/>"
                                                           ).split("<AbstractText")[0] + (
        "</Abstract></Article></MedlineCitation></PubmedArticle>")
    del service.pubmed[ids[3]]  # asked for, never sent
    report = fetch(empty_store, client(service), "pubmed", QUERY)
    failed = {o.uid: o.message for o in report.failed}
    assert set(failed) == {ids[1], ids[2], ids[3]}
    assert failed[ids[1]].startswith("malformed record")
    assert "no abstract" in failed[ids[2]] and "not in NCBI's answer" in failed[ids[3]]
    assert sorted(report.stored) == sorted(f"pmid-{i}" for i in (ids[0], ids[4], ids[5]))
    assert state.runs(empty_store)[0].failed == 3
    service.pubmed[ids[3]] = pubmed_record(ids[3])
    again = fetch(empty_store, client(service), "pubmed", QUERY)
    assert again.new == 3 and again.stored == [f"pmid-{ids[3]}"]  # failures are tried again


def test_the_rate_limiter_spaces_requests_by_ncbis_rule():
    clock = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(round(seconds, 3))
        clock[0] += seconds

    limiter = RateLimiter(ncbi_rate(None), clock=lambda: clock[0], sleep=sleep)
    for _ in range(4):
        limiter.wait()
    assert slept == [0.333, 0.333, 0.333] and round(limiter.waited, 2) == 1.0
    assert ncbi_rate("a-key") == 10 and ncbi_rate(None) == 3


def test_pmc_full_text_keeps_sections_and_captions_and_sets_references_apart(
        service, empty_store):
    service.pmc = {"7000001": jats_article("PMC7000001", pmid="30000009"),
                   "7000002": jats_article("PMC7000002", body=False)}
    service.searches["radiation"] = ["7000001", "7000002"]
    report = fetch(empty_store, client(service), "pmc", "radiation")
    (search,) = [p for path, p, _ in service.requests if path.endswith("esearch.fcgi")]
    assert search["db"] == "pmc" and search["term"] == "radiation AND open access[filter]"
    assert report.stored == ["pmc7000001"]
    (failed,) = report.failed
    assert failed.uid == "PMC7000002" and "has no body" in failed.message
    assert not empty_store.has_id("pmc7000002")
    doc = empty_store.get("pmc7000001")
    assert doc.format == "jats" and doc.origin == "https://pmc.ncbi.nlm.nih.gov/articles/PMC7000001/"
    assert (doc.meta["pmcid"], doc.meta["pmid"]) == ("PMC7000001", "30000009")
    headings = [s.path[1:] for s in doc.sections[1:]]
    assert ("Methods", "Patients", "Figure 1") in headings and ("Results", "Table 1") in headings
    texts = [s.text for s in doc.sentences]
    assert "Twelve patients were lost to follow-up." in texts  # a figure's caption
    assert "Rates of ossification by group." in texts  # a table's caption
    assert not any("Cell text" in t or "must not be read" in t for t in texts)
    assert "must not be read" in doc.meta["references"] and doc.meta["reference_count"] == "1"
    again = fetch_ids(empty_store, client(service), "pmc", ["7000001", "PMC7000002"])
    assert (again.new, again.already) == (1, 1)
    assert service.efetch_calls()[-1]["id"] == "7000002"
