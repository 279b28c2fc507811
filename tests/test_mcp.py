"""`osteon mcp` driven by the MCP SDK's own client over stdio, as an assistant would.

One server process answers every call of the module (started once: importing osteon and
opening the store is most of the cost); each test checks what a caller relies on.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters, stdio_client

from osteon import KnowledgeBase

PATIENT = Path(__file__).parent / "data" / "patients" / "tha_day1_prior_ho.json"
QUESTION = "How can heterotopic ossification be prevented?"

BAD_CALLS = {
    "empty_question": ("ask", {"question": "  "}),
    "missing_question": ("ask", {}),
    "bad_predicate": ("facts", {"concept": "NSAIDs", "predicate": "cures"}),
    "unknown_document": ("source", {"doc_id": "no-such-document", "sentence": 0}),
    "patient_not_json": ("assess", {"patient": "{not json"}),
    "patient_wrong_shape": ("assess", {"patient": {"id": "MARKER-7f3a", "age": "MARKER-9c1e",
                                                   "procedures": 7}}),
    "unknown_drug": ("simulate", {"injuries": ["spinal_cord", "muscle"],
                                  "drugs": ["no_such_drug"], "days": 2}),
    "negative_days": ("simulate", {"injuries": ["muscle"], "days": -3}),
}


def _texts(result: Any) -> list[str]:
    return [c.text for c in result.content if c.type == "text"]


async def _session_calls(home: Path, doc_id: str, errlog: Path) -> dict[str, Any]:
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "osteon.cli", "mcp"],
        env={**os.environ, "OSTEON_HOME": str(home), "OSTEON_STORE": ""})
    out: dict[str, Any] = {}
    with errlog.open("w") as server_stderr:
        async with stdio_client(params, errlog=server_stderr) as (read, write), \
                ClientSession(read, write) as session:
            await session.initialize()
            out["tools"] = (await session.list_tools()).tools
            out["resources"] = (await session.list_resources()).resources
            out["templates"] = (await session.list_resource_templates()).resource_templates
            out["doc_text"] = await session.read_resource(f"osteon://documents/{doc_id}")
            calls = {
                "ask": ("ask", {"question": QUESTION}),
                "facts": ("facts", {"concept": "NSAIDs", "predicate": "prevents"}),
                "conflicts": ("conflicts", {}),
                "source": ("source", {"doc_id": doc_id, "sentence": 3}),
                "assess": ("assess", {"patient": json.loads(PATIENT.read_text()),
                                      "at": "2024-01-02T08:00:00Z"}),
                "assess_string": ("assess", {"patient": PATIENT.read_text(),
                                             "at": "2024-01-02T08:00:00Z"}),
                "simulate": ("simulate", {"injuries": ["spinal_cord", "muscle"],
                                          "knockouts": ["OSMR"], "days": 7}),
                **BAD_CALLS,
            }
            for key, (name, arguments) in calls.items():
                out[key] = await session.call_tool(name, arguments)
            out["alive_after_errors"] = await session.call_tool("source", {"doc_id": doc_id})
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, KnowledgeBase]:
    home = tmp_path_factory.mktemp("mcp_home")
    kb = KnowledgeBase.open(home / "osteon.sqlite")
    kb.update_knowledge()
    yield home, kb
    kb.close()


@pytest.fixture(scope="module")
def calls(store) -> dict[str, Any]:
    home, kb = store
    doc_id = kb.sources()[0].id
    errlog = home / "server_stderr.txt"
    return {"doc_id": doc_id, "errlog": errlog, **anyio.run(_session_calls, home, doc_id, errlog)}


def test_lists_the_six_tools_and_the_document_resources(calls):
    assert {t.name for t in calls["tools"]} == {"ask", "facts", "conflicts", "assess",
                                                  "simulate", "source"}
    assert "osteon://documents" in {str(r.uri) for r in calls["resources"]}
    assert "osteon://documents/{doc_id}" in {t.uri_template for t in calls["templates"]}


def test_ask_cites_sentences_that_exist_in_the_store(calls, store):
    _, kb = store
    result = calls["ask"]
    assert not result.is_error
    text, payload = _texts(result)
    answer = json.loads(payload)
    assert answer["question"] == QUESTION and not answer["abstained"]
    assert result.structured_content == answer
    cited = [c for s in answer["evidence"] + answer["statements"] for c in s["citations"]]
    assert cited
    for c in cited:
        sentence = next(s for s in kb.document(c["doc"]).sentences if s.idx == c["sentence"])
        assert c["quote"] in sentence.text
    assert cited[0]["doc"] in text  # the text rendering carries the citations too


def test_facts_conflicts_source_and_document_text(calls, store):
    _, kb = store
    facts = json.loads(_texts(calls["facts"])[1])
    assert facts and all(f["predicate"] == "prevents" for f in facts)
    assert all(f["citations"] for f in facts)
    assert not calls["conflicts"].is_error
    assert isinstance(json.loads(_texts(calls["conflicts"])[1]), list)
    view = json.loads(_texts(calls["source"])[1])
    document = kb.document(calls["doc_id"])
    assert view["sentence"]["text"] == document.sentences[3].text
    assert any(c["cited"] and c["idx"] == 3 for c in view["context"])
    cleaned = calls["doc_text"].contents[0].text
    assert document.sentences[3].text in cleaned


def test_assess_takes_an_object_or_a_json_string_and_cites(calls):
    for key in ("assess", "assess_string"):
        assert not calls[key].is_error, _texts(calls[key])
    text, payload = _texts(calls["assess"])
    report = json.loads(payload)
    assert report["risk_factors"] and report["disclaimer"]
    assert report == json.loads(_texts(calls["assess_string"])[1])
    assert all(item["statement"]["citations"] for item in report["prophylaxis"])
    assert report["prophylaxis"][0]["statement"]["citations"][0]["doc"] in text


def test_simulate_returns_the_run(calls):
    result = calls["simulate"]
    assert not result.is_error, _texts(result)
    run = json.loads(_texts(result)[1])
    assert run["scenario"]["days"] == 7 and run["scenario"]["inhibit"]
    assert "bone_injured" in run["summary"]
    assert "heterotopic bone" in _texts(result)[0]


@pytest.mark.parametrize("key", list(BAD_CALLS))
def test_bad_arguments_are_tool_errors_not_crashes(calls, key):
    result = calls[key]
    assert result.is_error
    assert _texts(result)[0].strip()
    assert not calls["alive_after_errors"].is_error  # the server answered after them all


def test_a_patient_is_neither_logged_nor_stored(calls, store):
    home, kb = store
    logged = calls["errlog"].read_text()
    kept = b"".join(p.read_bytes() for p in home.rglob("*") if p.is_file()
                    and p != calls["errlog"])
    patient_id = json.loads(PATIENT.read_text())["id"]
    for marker in (patient_id, "MARKER-7f3a", "MARKER-9c1e"):
        assert marker not in logged
        assert marker.encode() not in kept


def test_tool_json_is_the_cli_json(calls, store):
    from typer.testing import CliRunner

    from osteon.cli import app

    home = str(store[0])
    for key, args in (("facts", ["facts", "NSAIDs", "--predicate", "prevents"]),
                      ("assess", ["assess", str(PATIENT), "--at", "2024-01-02T08:00:00Z"]),
                      ("ask", ["ask", QUESTION])):
        done = CliRunner().invoke(app, ["--store", home, *args, "--json"])
        assert done.exit_code == 0, done.output
        assert json.loads(_texts(calls[key])[1]) == json.loads(done.stdout), key
