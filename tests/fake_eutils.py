"""A local fake of NCBI's E-utilities, for tests and the fetch benchmark: no outside network.

A threaded http.server that answers as the documented service does: esearch
with JSON (count, idlist, webenv, querykey, warninglist, ERROR), efetch with
PubMed XML (db=pubmed) or JATS in a <pmc-articleset> (db=pmc), by `id=` (GET
or POST) or by WebEnv/query_key/retstart/retmax; an unknown API key gets
NCBI's 400 with an error JSON. Faults are scripted per efetch call: "429",
"500", "truncate" (a whole-looking 200 whose body stops short), "drop" (the
connection closed half-way through the body), "error" (efetch's own 200 <ERROR>
answer) and "ok".
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

INVALID_KEY = {"error": "API key invalid", "api-key": "", "type": "invalid",
               "status": "unknown"}

TOPICS = ["hip arthroplasty", "spinal cord injury", "traumatic brain injury", "burns",
          "elbow fracture", "blast injury", "knee arthroplasty", "acetabular fracture"]
DRUGS = ["indomethacin", "celecoxib", "radiation", "etidronate", "ibuprofen", "naproxen"]


def pubmed_record(pmid: str, *, title: str | None = None, abstract: str | None = None,
                  year: int = 2020, types: tuple[str, ...] = ("Journal Article",),
                  mesh: tuple[str, ...] = ("Ossification, Heterotopic",)) -> str:
    """One <PubmedArticle> in efetch's PubMed XML, with text made up from the PMID."""
    n = int(pmid)
    topic, drug = TOPICS[n % len(TOPICS)], DRUGS[n % len(DRUGS)]
    title = title or f"Heterotopic ossification after {topic}: a study of {drug} ({pmid})."
    abstract = abstract or (
        f"Heterotopic ossification is common after {topic}. "
        f"We followed {20 + n % 300} patients given {drug} for {2 + n % 10} weeks. "
        f"Ossification was seen in {n % 40} percent of them. "
        f"{drug.capitalize()} may reduce the risk after {topic}.")
    types_xml = "".join(f"<PublicationType>{escape(t)}</PublicationType>" for t in types)
    mesh_xml = "".join(f"<MeshHeading><DescriptorName>{escape(m)}</DescriptorName></MeshHeading>"
                       for m in mesh)
    return (f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
            f'<PMID Version="1">{pmid}</PMID><Article PubModel="Print"><Journal>'
            f"<Title>Journal of Made-up Bone Research</Title><JournalIssue><PubDate>"
            f"<Year>{year}</Year></PubDate></JournalIssue></Journal>"
            f"<ArticleTitle>{escape(title)}</ArticleTitle><Abstract>"
            f'<AbstractText Label="RESULTS">{escape(abstract)}</AbstractText></Abstract>'
            f"<PublicationTypeList>{types_xml}</PublicationTypeList></Article>"
            f"<MeshHeadingList>{mesh_xml}</MeshHeadingList></MedlineCitation>"
            f"<PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">{pmid}</ArticleId>"
            f"</ArticleIdList></PubmedData></PubmedArticle>")


def jats_article(pmcid: str, *, body: bool = True, pmid: str | None = None) -> str:
    """One JATS <article> as PMC's efetch sends it, in our own made-up words."""
    number = pmcid.removeprefix("PMC")
    pmid_xml = f'<article-id pub-id-type="pmid">{pmid}</article-id>' if pmid else ""
    body_xml = (
        "<body><sec><title>Introduction</title>"
        "<p>Bone may form in muscle after a severe injury [<xref ref-type=\"bibr\" rid=\"r1\">1"
        "</xref>]. Prophylaxis is given to patients at high risk.</p></sec>"
        "<sec><title>Methods</title><sec><title>Patients</title>"
        "<p>We enrolled sixty adults after hip replacement.<fig id=\"f1\"><label>Figure 1"
        "</label><caption><title>Flow of patients.</title><p>Twelve patients were lost to "
        "follow-up.</p></caption><graphic/></fig></p></sec></sec>"
        "<sec><title>Results</title><p>Radiation lowered the rate of ossification.</p>"
        "<table-wrap id=\"t1\"><label>Table 1</label><caption><p>Rates of ossification by "
        "group.</p></caption><table><tr><td>Cell text never read.</td></tr></table>"
        "</table-wrap></sec></body>") if body else ""
    return (
        f'<article article-type="research-article" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f"<front><journal-meta><journal-title-group><journal-title>Made-up Journal of "
        f"Orthopaedics</journal-title></journal-title-group></journal-meta><article-meta>"
        f'<article-id pub-id-type="pmc">{number}</article-id>{pmid_xml}'
        f"<title-group><article-title>A made-up trial of radiation against ossification "
        f"({pmcid})</article-title></title-group>"
        f'<pub-date pub-type="epub"><year>2021</year></pub-date>'
        f"<abstract><p>Radiation was compared with no prophylaxis in sixty adults.</p>"
        f"</abstract></article-meta></front>{body_xml}"
        f'<back><ref-list><ref id="r1"><mixed-citation>Someone A. Bone claims that must not '
        f"be read. J Made Up. 2001;1:1-2.</mixed-citation></ref></ref-list></back></article>")


@dataclass
class FakeEutils:
    """The service's state: records, searches, faults to play, and every request seen."""

    pubmed: dict[str, str] = field(default_factory=dict)
    """PMID → <PubmedArticle> XML."""
    pmc: dict[str, str] = field(default_factory=dict)
    """PMC number (no prefix) → <article> XML."""
    searches: dict[str, list[str]] = field(default_factory=dict)
    """A query (matched as a substring of the term sent) → the ids it finds, in order."""
    dates: dict[str, str] = field(default_factory=dict)
    """PMID → its Entrez date (YYYY/MM/DD), for mindate; a PMID without one is old."""
    faults: list[str] = field(default_factory=list)
    """Played one per efetch call, in order; once empty every call answers."""
    valid_keys: set[str] = field(default_factory=lambda: {"good-key"})
    requests: list[tuple[str, dict[str, str], float]] = field(default_factory=list)
    histories: dict[str, list[str]] = field(default_factory=dict)
    url: str = ""

    def add_pubmed(self, pmids: list[str], query: str = "heterotopic ossification") -> None:
        """Records for `pmids`, all found by `query` (added after any it found before)."""
        for pmid in pmids:
            self.pubmed.setdefault(pmid, pubmed_record(pmid))
        found = self.searches.setdefault(query, [])
        found[:0] = [p for p in pmids if p not in found]  # newest first, as PubMed sorts

    def efetch_calls(self) -> list[dict[str, str]]:
        """The parameters of every efetch request, in order."""
        return [params for path, params, _ in self.requests if path.endswith("efetch.fcgi")]

    # --------------------------------------------------------------- answering

    def search(self, params: dict[str, str]) -> tuple[int, bytes]:
        term, db = params.get("term", ""), params.get("db", "pubmed")
        if "((" in term:
            return 200, _json({"esearchresult": {"ERROR": "Invalid query syntax"}})
        ids: list[str] = []
        for query, found in self.searches.items():
            if query.lower() in term.lower():
                ids = list(found)
                break
        if db == "pubmed" and params.get("mindate"):
            since = params["mindate"]
            ids = [i for i in ids if self.dates.get(i, "1900/01/01") >= since]
        if params.get("WebEnv") in self.histories:
            ids = self.histories[params["WebEnv"]]
        webenv = f"MCID_{len(self.histories) + 1}"
        self.histories[webenv] = ids
        start, size = int(params.get("retstart", 0)), int(params.get("retmax", 20))
        result: dict[str, object] = {
            "count": str(len(ids)), "retmax": str(min(size, len(ids))),
            "retstart": str(start), "idlist": ids[start:start + size],
            "querykey": "1", "webenv": webenv}
        if not ids:
            result["warninglist"] = {"phrasesnotfound": [term], "quotedphrasesnotfound": [],
                                     "outputmessages": ["No items found."]}
        return 200, _json({"header": {"type": "esearch", "version": "0.3"},
                           "esearchresult": result})

    def fetch(self, params: dict[str, str]) -> tuple[int, bytes]:
        db = params.get("db", "pubmed")
        if "id" in params:
            ids = [i for i in params["id"].split(",") if i]
        else:
            found = self.histories.get(params.get("WebEnv", ""))
            if found is None:
                return 400, _json({"error": "Unable to obtain query #1"})
            start, size = int(params.get("retstart", 0)), int(params.get("retmax", 20))
            ids = found[start:start + size]
        if db == "pmc":
            records = [self.pmc[i.removeprefix("PMC")] for i in ids
                       if i.removeprefix("PMC") in self.pmc]
            return 200, ('<?xml version="1.0" ?>\n<!DOCTYPE pmc-articleset PUBLIC "-//NLM//DTD '
                         'ARTICLE SET 2.0//EN" "https://dtd.nlm.nih.gov/ncbi/pmc/articleset/'
                         'nlm-articleset-2.0.dtd">\n<pmc-articleset>'
                         + "".join(records) + "</pmc-articleset>\n").encode()
        records = [self.pubmed[i] for i in ids if i in self.pubmed]
        return 200, ('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD '
                     'PubMedArticle, 1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed'
                     '/out/pubmed_240101.dtd">\n<PubmedArticleSet>' + "".join(records)
                     + "</PubmedArticleSet>\n").encode()


def _json(payload: object) -> bytes:
    return json.dumps(payload).encode()


def _handler(service: FakeEutils) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self._answer(urlsplit(self.path).query)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length", 0))
            self._answer(self.rfile.read(length).decode())

        def _answer(self, query: str) -> None:
            path = urlsplit(self.path).path
            params = {k: v[-1] for k, v in parse_qs(query).items()}
            service.requests.append((path, params, time.monotonic()))
            key = params.get("api_key")
            if key is not None and key not in service.valid_keys:
                self._send(400, _json({**INVALID_KEY, "api-key": key}))
                return
            if path.endswith("esearch.fcgi"):
                self._send(*service.search(params))
                return
            if not path.endswith("efetch.fcgi"):
                self._send(404, b"unknown endpoint")
                return
            fault = service.faults.pop(0) if service.faults else "ok"
            if fault in ("429", "500", "503"):
                self._send(int(fault), _json({"error": "API rate limit exceeded"}
                                             if fault == "429" else {"error": "busy"}),
                           headers={"Retry-After": "0"} if fault == "429" else None)
                return
            status, body = service.fetch(params)
            if fault == "error":
                body = b"<eFetchResult><ERROR>Cannot retrieve the records</ERROR></eFetchResult>"
            if fault == "truncate":
                self._send(status, body[: len(body) * 2 // 3])
            elif fault == "drop":
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
            else:
                self._send(status, body)

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None
                  ) -> None:
            self.send_response(status)
            kind = "application/json" if body[:1] == b"{" else "text/xml"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def serving(service: FakeEutils | None = None) -> Iterator[FakeEutils]:
    """Run the fake service on a free local port for the block; `service.url` is its base."""
    service = service or FakeEutils()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(service))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    service.url = f"http://127.0.0.1:{server.server_address[1]}/entrez/eutils/"
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
