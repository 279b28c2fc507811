"""/openapi.json states what every /api route answers, so a program can be written from it.

A route typed `dict[str, Any]` shows as a bare object: the program learns nothing. Each
/api route's success response must resolve to an object with named properties, or to a list
of them.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

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


def test_the_answer_schema_names_its_fields_down_to_the_citation(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    answer = schemas["AnswerOut"]["properties"]
    assert {"question", "answer", "abstained", "statements", "conflicts"} <= set(answer)
    assert {"doc", "sentence", "quote", "span_in_sentence"} <= set(
        schemas["CitationOut"]["properties"])
