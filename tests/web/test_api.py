"""The JSON API under /api and its documentation at /docs, as a program uses them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

PATIENTS = Path(__file__).parents[1] / "data" / "patients"


def test_ask_returns_the_cli_json_shape_with_citations(client: TestClient) -> None:
    body = client.get("/api/ask", params={"q": "What are the symptoms of HO?"}).json()
    assert set(body) >= {"question", "answer", "abstained", "statements", "conflicts",
                         "passages", "understood", "notes"}
    assert not body["abstained"]
    cite = body["statements"][0]["citations"][0]
    start, end = cite["span_in_sentence"]
    assert cite["sentence_text"][start:end] == cite["quote"]
    assert client.get("/api/ask").status_code == 422  # the question is required


def test_sources_and_a_document_with_its_claims(client: TestClient) -> None:
    sources = client.get("/api/sources").json()
    assert len(sources) >= 5 and {"id", "title", "kind", "sentences"} <= set(sources[0])
    doc = client.get(f"/api/sources/{sources[0]['id']}").json()
    for claim in doc["claims"][:20]:
        sentence = doc["sentences"][claim["sentence"]]
        start, end = claim["span_in_sentence"]
        assert sentence["text"][start:end] == claim["quote"]
    missing = client.get("/api/sources/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_facts_conflicts_and_topics(client: TestClient) -> None:
    nsaids = client.get("/api/facts", params={"concept": "NSAIDs", "limit": 50}).json()
    assert nsaids and all(0 < f["belief"] <= 1 and f["citations"] for f in nsaids)
    assert {"indomethacin", "ibuprofen"} & {f["subject"] for f in nsaids}  # kinds included
    conflicts = client.get("/api/conflicts").json()
    assert conflicts and {"a", "b", "kind", "explanation"} <= set(conflicts[0])
    topic = client.get("/api/topics/treatment").json()
    assert topic["statements"] and topic["statements"][0]["citations"]
    assert client.get("/api/topics/nope").status_code == 404


def test_assess_takes_patient_json_and_fhir(client: TestClient) -> None:
    patient = json.loads((PATIENTS / "tha_day1_prior_ho.json").read_text())
    report = client.post("/api/assess", json=patient,
                         params={"at": "2025-03-11T09:00:00Z"}).json()
    assert report["prophylaxis"] and report["disclaimer"]
    bundle = json.loads((PATIENTS / "tha_day1_prior_ho.fhir.json").read_text())
    fhir = client.post("/api/assess", json=bundle, params={"at": "2025-03-11T09:00:00Z"}).json()
    assert {i["text"] for i in fhir["prophylaxis"]} == {i["text"] for i in report["prophylaxis"]}
    bad = client.post("/api/assess", json={"age": "old"})
    assert bad.status_code == 400 and "age" in bad.json()["detail"]


def test_upload_through_the_api(client: TestClient) -> None:
    text = b"Naproxen may reduce heterotopic ossification after acetabular fracture surgery.\n"
    created = client.post("/api/sources", files={"file": ("naproxen-api.md", text)})
    assert created.status_code == 201
    doc = created.json()["doc"]
    claims = client.get(f"/api/sources/{doc}").json()["claims"]
    assert claims and all(c["sentence"] == 0 for c in claims)
    refused = client.post("/api/sources", files={"file": ("run.exe", b"MZ\x90\x00")})
    assert refused.status_code == 415 and "not a file type" in refused.json()["detail"]


def test_openapi_and_docs_are_served_without_a_cdn(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/assess", "/api/sources", "/cds-services"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs)
    assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_mechanism_graph_and_simulate(client: TestClient) -> None:
    graph = client.get("/api/mechanism/graph").json()
    assert graph["nodes"] and all(e["citations"] or e["assumption"] for e in graph["edges"])
    untreated = client.get("/api/simulate", params={"injury": ["spinal_cord", "muscle"]}).json()
    assert untreated["summary"]["bone_injured"] > untreated["summary"]["bone_uninjured"]
    assert len(untreated["t"]) == len(untreated["series"]["heterotopic_ossification__injured"])
    treated = client.get("/api/simulate", params={"injury": ["spinal_cord", "muscle"],
                                                  "knockout": "OSMR"}).json()
    assert treated["summary"]["bone_injured"] < treated["untreated"]["bone_injured"]
    bad = client.get("/api/simulate", params={"injury": "spinal_cord", "knockout": "OSMX"})
    assert bad.status_code == 400 and "OSMX" in bad.json()["detail"]
