"""The nesting bound checked before a request body is parsed: the depth a parser would find."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from osteon.web.bodies import MAX_JSON_DEPTH, BodyError, nesting_depth, parse_json

DATA = Path(__file__).parents[1] / "data"


def depth(value: Any) -> int:
    """The nesting of a parsed JSON value (the truth the byte count must agree with)."""
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


TRICKY = [
    b"{}", b"[]", b"1", b'"["', b"[[[]]]", b"[[],[[]],[]]",
    b'{"a": "[[[{{{"}', b'{"a": "\\"[[["}', b'{"a": "\\\\", "b": [[1]]}',
    b'{"a": "\\\\\\"[[", "b": []}', b'["\\\\\\\\"]', b'[{"x": ["]", "}", "\\"}"]}]',
    '{"ü": ["€", {"ß": "[\\u005b"}]}'.encode(),
]


@pytest.mark.parametrize("text", TRICKY)
def test_brackets_in_strings_and_escapes_do_not_count(text: bytes) -> None:
    assert nesting_depth(text) == depth(json.loads(text))


@pytest.mark.parametrize("path", sorted([*DATA.glob("patients/*.json"),
                                         *DATA.glob("fhir/*.json")]), ids=lambda p: p.name)
def test_patient_records_nest_as_parsed(path: Path) -> None:
    text = path.read_bytes()
    assert nesting_depth(text) == depth(json.loads(text))


def test_counting_stops_past_the_limit_and_a_deep_body_is_refused() -> None:
    deep = b"[" * 5000 + b"]" * 5000
    assert nesting_depth(deep, 10) == 11
    assert nesting_depth(b"[" * 10 + b"]" * 10, 10) == 10
    assert nesting_depth(b"]]][[[") == 0  # not JSON: the parser says so
    with pytest.raises(BodyError, match="nests deeper"):
        parse_json(b'{"a": ' + b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1) + b"}")
    assert parse_json(b'{"a": "' + b"[" * 1000 + b'"}') == {"a": "[" * 1000}
