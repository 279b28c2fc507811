"""/openapi.json states what every /api route answers, so a program can be written from it.

A route typed `dict[str, Any]` shows as a bare object: the program learns nothing. Each
/api route's success response must resolve to an object with named properties, or to a list
of them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from osteon.cli import app

SUCCESS = ("200", "201")


def _resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """The schema a `$ref` (or an allOf of one) points to, in the spec's components."""
    if "allOf" in schema and len(schema["allOf"]) == 1:
        schema = schema["allOf"][0]
    ref = schema.get("$ref")
    if ref is None:
        return schema
    found: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        found = found[part]
    return found


def _problem(schema: dict[str, Any] | None, spec: dict[str, Any]) -> str | None:
    """Why a success response's schema says nothing useful, or None when it is real."""
    if not schema:
        return "no schema"
    schema = _resolve(schema, spec)
    if schema.get("type") == "array":
        return _problem(schema.get("items"), spec)
    if not schema.get("properties"):
        return f"a bare object ({schema})"
    return None


def test_every_api_route_has_a_real_response_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    routes = {path: ops for path, ops in spec["paths"].items() if path.startswith("/api/")}
    assert len(routes) >= 9
    problems = []
    for path, ops in routes.items():
        for method, op in ops.items():
            success = [op["responses"][code] for code in SUCCESS if code in op["responses"]]
            if not success:
                problems.append(f"{method.upper()} {path}: no success response")
                continue
            schema = success[0].get("content", {}).get("application/json", {}).get("schema")
            why = _problem(schema, spec)
            if why:
                problems.append(f"{method.upper()} {path}: {why}")
    assert not problems, "\n".join(problems)


def test_no_schema_in_the_api_is_a_bare_object(client: TestClient) -> None:
    """Scopes, qualifiers, assessment items, edge citations, scenarios: each names its fields.

    An object may be a map with typed values (a run's series by node), never `dict[str, Any]`.
    """
    spec = client.get("/openapi.json").json()
    bare = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if (node.get("type") == "object" and not node.get("properties")
                    and not isinstance(node.get("additionalProperties"), dict)):
                bare.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    schemas = spec["components"]["schemas"]
    for name, schema in schemas.items():
        if name.endswith("Out"):
            walk(schema, name)
    assert bare == []
    fact = schemas["FactOut"]["properties"]
    assert _resolve(fact["scope"], spec)["properties"].keys() >= {"family", "population",
                                                                  "species", "severity"}
    assert "values" in _resolve(fact["qualifiers"], spec)["properties"]


def test_the_answer_schema_names_its_fields_down_to_the_citation(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    answer = schemas["AnswerOut"]["properties"]
    assert {"question", "answer", "abstained", "statements", "conflicts"} <= set(answer)
    assert {"doc", "sentence", "quote", "span_in_sentence"} <= set(
        schemas["CitationOut"]["properties"])


PATIENT = Path(__file__).parents[1] / "data" / "patients" / "tha_day1_prior_ho.json"
AT = "2025-03-11T09:00:00Z"


def test_the_cli_json_and_the_api_answer_alike(client: TestClient, web_store: Path) -> None:
    """A script can move between `osteon VERB --json` and /api/VERB: one model prints both."""
    runner = CliRunner()

    def cli(*args: str) -> Any:
        result = runner.invoke(app, ["--store", str(web_store), *args, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    question = "How can heterotopic ossification be prevented?"
    assert cli("ask", question) == client.get("/api/ask", params={"q": question}).json()
    assert cli("facts", "NSAIDs", "--limit", "10") == client.get(
        "/api/facts", params={"concept": "NSAIDs", "limit": 10}).json()
    assert cli("conflicts") == client.get("/api/conflicts").json()
    assert cli("mechanism", "graph") == client.get("/api/mechanism/graph").json()
    assert cli("assess", str(PATIENT), "--at", AT) == client.post(
        "/api/assess", json=json.loads(PATIENT.read_text()), params={"at": AT}).json()
